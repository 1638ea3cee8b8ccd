import type { RowCells } from './rows.ts';

/**
 * Rows of a drawn table (HTML, Word) under a number cell spanning rows (`rowspan`) that stands at
 * another of the form's columns than in its own row: the rows carry different numbers of label
 * cells (a group label such as （四）无法提供 not spanned over its rows, as scraped pages often
 * have), so the grid's columns are not the form's in both, and which of the covered row's cells
 * is under which column is not proven (a fresh tester's t38: the number spanning 8.属于行政查询事项
 * and （四）1. under 法律服务机构 in the first, its place in the second read under 社会公益组织, and
 * that row's 3 under 法律服务机构).
 *
 * `rows`: each found row's reading, in the table's order. Returns, by row index, the reason in
 * English for the rows to be left NULL.
 */
export function raggedSpans(rows: ReadonlyArray<RowCells | undefined>): Map<number, string> {
  const out = new Map<number, string>();
  // The grid column of each number spanning rows seen so far → its row and its column in the form.
  const origin = new Map<number, { row: number; j: number }>();
  rows.forEach((rc, k) => {
    if (rc?.kind !== 'cells' || !rc.spanned?.size) return;
    rc.cells.forEach((slot, j) => {
      if (!slot || slot.col === undefined) return;
      if (slot.spansRows) origin.set(slot.col, { row: k, j });
      else if (slot.above) {
        const from = origin.get(slot.col);
        if (from && from.j !== j && !out.has(k))
          out.set(
            k,
            `a number spanning rows stands at column ${from.j + 1} of its own row and at column ${j + 1} of this one: the rows carry different numbers of label cells, so which column each of this row's cells is under is not proven`,
          );
      }
    });
  });
  return out;
}
