import { describe, expect, it } from 'vitest';
import { survivors, type Rule, type Unit, type Val } from '../src/lib/tables/glue.ts';

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

  it('gives the same survivors with the incremental checks as with every term summed at each step', () => {
    // Random tables: rows of candidate readings (whole numbers, blanks, dropped cells, now and
    // then a fraction, which keeps the plain sums), certain cells, row and column sums.
    let seed = 7;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const value = (): Val => {
      const x = rnd(20);
      return x === 0 ? null : x === 1 ? 'dropped' : x === 2 && rnd(4) === 0 ? 0.5 : rnd(6);
    };
    for (let trial = 0; trial < 1500; trial++) {
      const rows = 3 + rnd(5);
      const cols = 2 + rnd(4);
      const cell = (r: number, c: number) => `r${r}.c${c}`;
      const units: Unit[] = [];
      const known = new Map<string, Val>();
      for (let r = 0; r < rows; r++) {
        const cells = Array.from({ length: cols }, (_, c) => cell(r, c));
        if (rnd(3) === 0) {
          for (const c of cells) known.set(c, rnd(8) === 0 ? null : rnd(6));
          continue;
        }
        const values = Array.from({ length: 1 + rnd(7) }, () => cells.map(value));
        units.push({ cells, values });
      }
      const rules: Rule[] = [];
      for (let r = 0; r < rows; r++)
        rules.push({ lhs: Array.from({ length: cols - 1 }, (_, c) => cell(r, c)), rhs: [cell(r, cols - 1)] });
      for (let c = 0; c < cols; c++)
        rules.push({ lhs: Array.from({ length: rows - 1 }, (_, r) => cell(r, c)), rhs: [cell(rows - 1, c)] });
      const budget = rnd(2) ? 50_000 : 1 + rnd(200);
      // Whatever the plain search does, the other does too, and neither throws (a unit left with
      // no reading made the plain leaf check throw: the file was rejected as a parser error).
      const run = (incremental: boolean) => survivors(known, units, rules, budget, incremental);
      expect(run(true)).toEqual(run(false));
    }
  });
});
