import { describe, expect, it } from 'vitest';
import { survivors, type Unit } from '../src/lib/tables/glue.ts';

/** A unit of one cell with the given candidate values (one reading each). */
const unit = (cell: string, values: number[]): Unit => ({ cells: [cell], values: values.map((v) => [v]) });

describe('survivors: the joint search', () => {
  it('decides two rows jointly however many undecided rows no rule touches', () => {
    // a + b = 2 holds only for a = 1, b = 1; ten other rows of seven readings each are open and
    // free. The search need not try their 7^10 combinations under every pick of a and b: once
    // each of their readings has been part of one whole reading, more cannot change the result.
    const units = [unit('a.x', [1, 2]), unit('b.x', [1, 2])];
    for (let i = 0; i < 10; i++) units.push(unit(`f${i}.x`, [0, 1, 2, 3, 4, 5, 6]));
    const alive = survivors(new Map([['t.x', 2]]), units, [{ lhs: ['a.x', 'b.x'], rhs: ['t.x'] }], 10_000);
    expect(alive[0]).toEqual([true, false]);
    expect(alive[1]).toEqual([true, false]);
    for (const a of alive.slice(2)) expect(a).toEqual(Array(7).fill(true));
  });

  it('past its budget keeps every reading the rows allow on their own (NULL, never a guess)', () => {
    // Every pick of the first rows is consistent until the last row, so no shortcut applies: the
    // search runs out of steps and the jointly undecided rows stay open.
    const units = [unit('a.x', [1, 2]), unit('b.x', [1, 2])];
    for (let i = 0; i < 8; i++) units.push(unit(`f${i}.x`, [0, 1, 2, 3, 4, 5, 6]));
    units.push(unit('z.x', [0, 1]));
    const rules = [
      { lhs: ['a.x', 'b.x'], rhs: ['t.x'] },
      { lhs: ['z.x', ...units.slice(2, 10).map((u) => u.cells[0]!)], rhs: ['s.x'] },
    ];
    const alive = survivors(
      new Map([
        ['t.x', 2],
        ['s.x', 100],
      ]),
      units,
      rules,
      50,
    );
    expect(alive[0]).toEqual([true, true]);
    expect(alive.at(-1)).toEqual([true, true]);
  });
});
