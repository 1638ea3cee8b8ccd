import type { CellOut, TableNote } from './emit.ts';
import type { TableRead } from './read.ts';

/**
 * 三 read in the form's order, its rows' own sums failing in nearly every row that has numbers,
 * while each of them adds up with one same other column as its 总计 ("total"): the columns stand
 * in another order than the one read — a header whose labels were set out so that their order
 * looked like the form's (a fresh tester's fuzzer: 其他 two columns left of 总计 over values
 * whose sixth was the rows' sum; 40 cells of a table published under each other's columns). A
 * source's own arithmetic fails in a row or two, not in every row the same way.
 *
 * `cols`: the table's column keys in the form's order, its 总计 last. Returns the reason, or null.
 */
export function sumsInAnotherColumn(cells: readonly CellOut[], cols: readonly string[]): string | null {
  const rows = new Map<string, Array<number | null>>();
  for (const c of cells) {
    const j = cols.indexOf(c.col_key);
    if (j < 0) continue;
    const row = rows.get(c.row_key) ?? Array<number | null>(cols.length).fill(null);
    row[j] = c.state === 'number' ? c.value : null;
    rows.set(c.row_key, row);
  }
  const full = [...rows.values()].filter((r): r is number[] => r.every((v) => v !== null) && r.some((v) => v !== 0));
  const last = cols.length - 1;
  const addsUp = (r: number[], j: number) => Math.abs(r.reduce((a, v, k) => (k === j ? a : a + v), 0) - r[j]!) < 1e-9;
  const failing = full.filter((r) => !addsUp(r, last));
  if (failing.length < 3 || failing.length < full.length * 0.8) return null;
  for (let j = 0; j < last; j++)
    if (full.every((r) => addsUp(r, j)))
      return `the rows' own sums fail in ${failing.length} of ${full.length} rows read in the form's order, and every row adds up with its ${cols[j]} column as the total: the columns are in another order than the header's set-out shows`;
  return null;
}

/** `read` with every number NULL (`ambiguous`) and the reason noted, when sumsInAnotherColumn finds one. */
export function unreadWhenSumsElsewhere(read: TableRead, cols: readonly string[]): TableRead {
  const why = sumsInAnotherColumn(read.cells, cols);
  if (!why) return read;
  const cells = read.cells.map((c) => (c.state === 'number' ? { ...c, value: null, state: 'ambiguous' as const } : c));
  const first = read.cells.find((c) => c.state === 'number');
  const note: TableNote = {
    code: 'W_CELLS_AMBIGUOUS',
    message: `requests: ${why}; ${read.cells.filter((c) => c.state === 'number').length} cell(s) left NULL`,
    line: first?.line ?? null,
    ...(first ? { at: { table: first.table_id, row: first.row_key, col: first.col_key } } : {}),
  };
  return { ...read, cells, notes: [...read.notes, note] };
}
