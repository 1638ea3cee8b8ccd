import { headerKey } from './header.ts';
import type { RowCells, Slot, ValTok } from './rows.ts';
import type { Tok } from './tokens.ts';

/**
 * Columns placed by a drawn table's header (HTML, Word: cells with their grid column), for a
 * table whose header names a column the form does not have — 法人或其他组织's 小计, a 上年总计
 * beside 总计, a 合计 after 四's fifteen, a 上年数量 beside 二's count. The readers place values by
 * count, and such a row has one value more than the form's columns: it was not read at all (and
 * a row with a blank cell had the count again, every value after the extra column one column
 * off). When the header names every column, the form's own each exactly once and the others with
 * a label of their own, each value is the one under its column's label, and the extra column's
 * values are left out. A header that names a form column twice or not at all, a column under no
 * label, or a row whose cells do not stand under the header's columns: nothing is placed by it.
 */

/** Where the form's columns stand in the grid, and the columns the header names besides them. */
export interface HeaderColumns {
  /** The grid column of each of the form's columns, in the form's order. */
  cols: number[];
  /** Grid columns the header names that are none of the form's (their values are left out). */
  extra: Set<number>;
  /** The header's last grid column: a row's cells run from the form's first column to it. */
  last: number;
}

/**
 * The header's labels over each grid column, top to bottom (spaces and brackets out: headerKey),
 * from the text cells of a drawn table among `toks` (its header: the lines before its first row).
 * Empty when the cells have no grid column (text, not a drawn table).
 */
export function headerGrid(toks: Tok[]): HeaderGrid {
  const grid: HeaderGrid = new Map();
  for (const t of toks) {
    if (t.t !== 'text' || t.col === undefined) continue;
    const label = { key: headerKey(t.text), from: t.col, to: t.col + (t.span ?? 1) };
    for (let c = label.from; c < label.to; c++) grid.set(c, [...(grid.get(c) ?? []), label]);
  }
  return grid;
}

/** Grid column → the header's labels over it, top to bottom, each with the columns it spans. */
export type HeaderGrid = Map<number, Array<{ key: string; from: number; to: number }>>;

/**
 * The form's columns by the header's grid, when the header names a column the form does not have
 * (and null otherwise: the count places the values, as for every other table). `column(labels)`
 * says which of the form's columns a grid column's labels (top to bottom) name, or null for none.
 * Each of the `n` form columns must be named by exactly one grid column, in the form's order
 * (else null: the header proves nothing); a column beside them whose lowest label is no form
 * column's, and over none of them, is extra. A column among them with no label of its own is
 * neither: a row with a value there is not read (cellsByHeader), where the count would have read
 * it one column off.
 */
export function columnsByHeader(
  grid: HeaderGrid,
  n: number,
  column: (labels: string[]) => number | null,
): HeaderColumns | null {
  if (!grid.size) return null;
  const cols: number[] = Array<number>(n).fill(-1);
  const named = new Map<number, number>();
  for (const [c, labels] of grid) {
    const j = column(labels.map((l) => l.key));
    if (j === null) continue;
    if (cols[j] !== -1) return null;
    cols[j] = c;
    named.set(c, j);
  }
  if (cols.some((c) => c < 0) || cols.some((c, j) => j > 0 && c <= cols[j - 1]!)) return null;
  const first = cols[0]!;
  const last = Math.max(...grid.keys());
  const extra = new Set<number>();
  let unnamed = 0;
  for (let c = first; c <= last; c++) {
    if (named.has(c)) continue;
    // Named by a label of its own: not only by a group's over form columns too (法人或其他组织
    // over a column with no label of its own). A column with none holds no value of a row read.
    const leaf = grid.get(c)?.at(-1);
    if (!leaf?.key || cols.some((f) => f >= leaf.from && f < leaf.to)) unnamed++;
    else extra.add(c);
  }
  return extra.size || unnamed ? { cols, extra, last } : null;
}

/**
 * A row's cells by the header's columns: the tokens after its label, each standing in a grid
 * column. A form column's cell is the one in its grid column (empty: blank; text: a cell that is
 * no number); an extra column's is left out, and so is an empty cell elsewhere (a label's padding).
 * Not proven, and no cell placed: a value outside the header's columns, two in one column, a
 * column of the header with no cell (the row a cell short: those after the lost one would stand
 * a column off), or a cell with no grid column. A number spanning columns or rows leaves the
 * columns it stands over unproven (`spanned`).
 */
export function cellsByHeader(row: Tok[], h: HeaderColumns): RowCells {
  const cells: Array<Slot | undefined> = Array<Slot | undefined>(h.cols.length).fill(undefined);
  const seen = new Set<number>();
  const at = new Map(h.cols.map((c, j) => [c, j]));
  const vals = row.filter((t): t is ValTok => t.t === 'val');
  const unknown = (reason: string): RowCells => ({ kind: 'unknown', reason, vals });
  // A number spanning columns (the positions it covers: spanned) or rows (spansRows, and above
  // in the rows below) belongs to no proven one of them: those columns are marked, as the count
  // marks them (rows.ts, spannedRow).
  const spanned = new Set<number>();
  let origin: { j: number | undefined; digits: boolean } | null = null;
  for (const t of row) {
    if (t.t === 'eol' || t.t === 'blank') continue;
    if (t.col === undefined) return unknown('a cell of this row stands in no column of the header');
    seen.add(t.col);
    const j = at.get(t.col);
    if (t.t === 'empty' && t.spanned) {
      if (!origin?.digits) return unknown('a cell spans several columns of the header');
      if (origin.j !== undefined) spanned.add(origin.j);
      if (j !== undefined) {
        if (cells[j] !== undefined) return unknown('two values stand in one column of the header');
        cells[j] = null;
        spanned.add(j);
      }
      continue;
    }
    origin = t.t === 'val' ? { j, digits: /\d/.test(t.text) } : null;
    if (j === undefined) {
      if (t.t === 'empty' || h.extra.has(t.col)) continue;
      return unknown(`a value ("${t.raw}") stands in a column the header does not name`);
    }
    if (cells[j] !== undefined) return unknown('two values stand in one column of the header');
    cells[j] =
      t.t === 'empty' ? null : t.t === 'val' ? t : { t: 'val', text: t.text, raw: t.raw, no: t.no, line: t.line };
    if (t.t === 'val' && (t.spansRows || t.above)) spanned.add(j);
  }
  // A row a cell short of the header's columns (one lost: the cells after it one column off).
  for (let c = h.cols[0]!; c <= h.last; c++)
    if (!seen.has(c))
      return unknown('the row has no cell under a column of the header: a cell lost, the others not proven');
  return { kind: 'cells', cells: cells as Slot[], by: 'delimited', ...(spanned.size ? { spanned } : {}) };
}

/**
 * A table known to have more columns than the form, read without its header's grid (`|`, tab
 * or comma-separated text, whose header pieces do not stand over the rows' pieces: merged cells
 * are left out; or a drawn table whose header does not place its columns). Its full rows have a
 * value more than the form's columns and are not read; a row with a blank cell, or one lost, has
 * the form's count again, and read by that count its values after the blank stand a column off
 * (法人's 小计 as 其他, a 上年总计 as 总计, 四's 合计 as 复议后起诉's 总计). So in such a table no
 * row is read by its count: a row with a value is not proven (`notByCount`), one with none is
 * blank. The table is known wider by its header naming the form's columns and one besides
 * (`extraColumnNamed`), or by its other rows (`widerRows`).
 */

/**
 * Header words of a column no form has: a subtotal, last year's figures, a remark. 上年 alone is
 * no column: it labels a row of last year's figures (四 printed by year: 上年 | …, 本年 | …).
 */
const EXTRA_COLUMN = /^(?:小计|合计|备注|说明|同比|环比|增减|(?:上年|去年)(?:同期)?(?:总计|合计|数量|数|总数|件数))$/;

/**
 * The column label, none of the form's, that a header names beside every one of the form's
 * `labels` (each a header cell's words, spaces and brackets out: headerKey), or null. Only a
 * header naming all the form's columns: one that names 合计 in place of 总计 names no column more.
 */
export function extraColumnNamed(cells: ReadonlyArray<{ text: string }>, labels: readonly string[]): string | null {
  const keys = new Set(cells.flatMap((c) => c.text.split(/\s+/).map(headerKey)));
  if (!labels.every((l) => keys.has(l))) return null;
  return [...keys].find((k) => !labels.includes(k) && EXTRA_COLUMN.test(k)) ?? null;
}

/** Why the header proves the table wider than the form, for the rows' note. */
export const namedWider = (label: string): string =>
  `the header names a column the form does not have (${label}) and its pieces do not stand over the rows' cells`;

/**
 * Why each row's table shows itself wider than the form by its rows, or null: two rows or more
 * of the row's group (rows of `n` columns under one header) left unread with the same count of
 * values a column or a few more than `n` (at most n/2 more: a row with twice the values or more
 * is rows whose labels were lost, not a wider table). A row read has at most n values. `rows`:
 * each row's column count, group, and its values' count when it was left unread (else null).
 */
export function widerRows(
  rows: ReadonlyArray<{ n: number; group: string; vals: number | null }>,
): Array<string | null> {
  const key = (r: { n: number; group: string }, m: number) => `${r.group} ${r.n} ${m}`;
  const times = new Map<string, number>();
  for (const r of rows)
    if (r.vals !== null && r.vals > r.n && r.vals <= r.n + Math.max(1, Math.floor(r.n / 2)))
      times.set(key(r, r.vals), (times.get(key(r, r.vals)) ?? 0) + 1);
  return rows.map((r) => {
    for (let m = r.n + 1; m <= r.n + Math.max(1, Math.floor(r.n / 2)); m++) {
      const t = times.get(key(r, m)) ?? 0;
      if (t >= 2) return `${t} of its rows have ${m} values for the form's ${r.n} columns`;
    }
    return null;
  });
}

/**
 * The rule for a row of a table known wider than the form (`why`): read by its count, it is not
 * proven, unless it has no value at all (every cell blank, wherever the extra one stands).
 */
export function notByCount(rc: RowCells, why: string): RowCells {
  if (rc.kind === 'unknown') return rc;
  const vals = rc.kind === 'cells' ? rc.cells.filter((c): c is ValTok => c !== null) : rc.vals;
  if (!vals.length) return rc;
  return {
    kind: 'unknown',
    reason: `the table has more columns than the form (${why}): a row with the form's count has it by a blank or lost cell, and which one is not proven — its values are not placed by their count`,
    vals,
  };
}
