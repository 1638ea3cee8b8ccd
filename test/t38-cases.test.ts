import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { raggedSpans } from '../src/lib/tables/spans.ts';
import type { RowCells } from '../src/lib/tables/rows.ts';
import { ok, parseText, rowOf } from './helpers.ts';

/**
 * A fresh tester's t38 (variants of the ten shared case kinds, 504 files): 11 wrong numbers, all
 * of one kind. An HTML 三 whose rows carry different numbers of label cells (a group label such
 * as （四）无法提供 not spanned over its rows) with a number spanning two rows: the position it
 * covers in the lower row stood a column left of its own, and that row's next value was read
 * under the column the number stands in.
 */
const dir = new URL('./fixtures/tester/t38/', import.meta.url);
const parse = (name: string) => ok(parseText(readFileSync(new URL(name, dir)), name));

describe('a number spanning rows of a ragged HTML grid (t38)', () => {
  it('leaves the lower row NULL where the spanned position falls at another column', () => {
    // `8.属于行政查询事项 | 0 0 0 0 [8↓] 0 0`, then `（四）无法提供 | 1.本机关不掌握… | 0 0 0 [↑] 3 0 11`:
    // the 8 is 法律服务机构's in its own row; the 3 was published under 法律服务机构.
    const p = parse('c06_ragged_rowspan_value.html');
    expect(rowOf(p.cells, 'requests', 'unable_not_held')).toBe('A A A A A A A');
    expect(rowOf(p.cells, 'requests', 'withheld_query')).toBe('0 0 0 0 A 0 0');
    expect(rowOf(p.cells, 'requests', 'unable_needs_creation')).toBe('0 0 0 0 0 0 0');
    expect(p.diagnostics.some((d) => /different numbers of label cells/.test(d.message))).toBe(true);
  });

  it('the same at （五）5 → （六）1 in a whole report', () => {
    const p = parse('c06_k06e_01_full.html');
    expect(rowOf(p.cells, 'requests', 'other_no_correction')).toBe('A A A A A A A');
  });

  it('raggedSpans: only a covered position at another column than its number’s', () => {
    const v = (col: number, extra: object = {}) => ({
      t: 'val' as const,
      text: '0',
      raw: '0',
      no: 1,
      line: 0,
      col,
      ...extra,
    });
    const row = (cells: Extract<RowCells, { kind: 'cells' }>['cells'], spanned: number[]): RowCells => ({
      kind: 'cells',
      cells,
      by: 'delimited',
      spanned: new Set(spanned),
    });
    // Spanning at grid column 5, its column 4 of the form (one label cell before).
    const top = row([v(1), v(2), v(3), v(4), v(5, { spansRows: true }), v(6), v(7)], [4]);
    // Aligned: the covered position is column 4 too.
    expect(raggedSpans([top, row([v(1), v(2), v(3), v(4), v(5, { above: true }), v(6), v(7)], [4])]).size).toBe(0);
    // Ragged: two label cells, the covered position at column 3.
    const lower = row([v(2), v(3), v(4), v(5, { above: true }), v(6), v(7), v(8)], [3]);
    expect([...raggedSpans([top, lower]).keys()]).toEqual([1]);
  });
});
