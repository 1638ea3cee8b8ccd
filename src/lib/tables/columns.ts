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
  /**
   * Of `extra`, a remarks column's (备注, 说明): words, never a number of a row — a number there
   * is a row's cell a column right of its own (t84: an empty cell after one row's label).
   */
  remarks?: Set<number>;
  /**
   * Set for a header rebuilt from delimited text (columnsByPosition): its columns are positions
   * of the rows' pieces after their label, `width` of them, each row's last piece a closing
   * separator's when `closed`; `lead`: the pieces before the first column in every header line (the
   * row labels'), or -1 when the lines differ (a row with no label is then not placed).
   */
  positional?: { width: number; closed: boolean; lead: number };
  /** The drawn table the header is in (Line.table): it places that table's rows only (tableOf). */
  table?: number;
}

/** The drawn table of the last row among `toks` that is in one (Line.table), or undefined. */
export function tableOf(toks: readonly Tok[]): number | undefined {
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i]!;
    if (t.t === 'eol' && t.table !== undefined) return t.table;
  }
  return undefined;
}

/** `h` with the table its header lines are in (`head`: the header's tokens). */
export function inTableOf<H extends HeaderColumns>(h: H | null, head: readonly Tok[]): H | null {
  const table = h ? tableOf(head) : undefined;
  return h && table !== undefined ? { ...h, table } : h;
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
  const h = placeColumns(grid, n, column);
  return h && (h.extra.size || h.unnamed)
    ? { cols: h.cols, extra: h.extra, last: h.last, ...(h.remarks ? { remarks: h.remarks } : {}) }
    : null;
}

/**
 * The form's columns by a drawn table's header grid whenever it places them all, in order (the
 * extra and unnamed columns as in columnsByHeader), or null. For a table read by count, the check
 * that each value read stands under its column's label (rows.ts, readRow `gridCheck`): a column
 * the form does not have between the labels and 自然人 (单位 with 件, an empty spacer) with the
 * last column blank in every row made the count read every value a column to the right.
 */
export function gridColumns(
  grid: HeaderGrid,
  n: number,
  column: (labels: string[]) => number | null,
): HeaderColumns | null {
  const h = placeColumns(grid, n, column);
  return h ? { cols: h.cols, extra: h.extra, last: h.last, ...(h.remarks ? { remarks: h.remarks } : {}) } : null;
}

/**
 * Whether a row read by count (`cells`, one slot per form column) has a value whose grid column
 * is not its form column's by the header (`h`): the count then placed it under another label.
 * Only values with a digit are compared (a "/" drawn across the row says it of every column), and
 * not in columns under a cell spanning several (`spanned`): the spans' rules place them.
 */
export function misplaced(
  cells: ReadonlyArray<{ col?: number; text: string } | null>,
  h: HeaderColumns,
  spanned?: ReadonlySet<number>,
): boolean {
  return cells.some(
    (s, j) => s !== null && /\d/.test(s.text) && !spanned?.has(j) && s.col !== undefined && s.col !== h.cols[j],
  );
}

/** The form's columns in a header's grid (columnsByHeader), with the count of columns that have no label of their own. */
function placeColumns(
  grid: HeaderGrid,
  n: number,
  column: (labels: string[]) => number | null,
): (HeaderColumns & { unnamed: number }) | null {
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
  // A row-number column between the row labels and the form's columns (行次 "line number", 栏次,
  // 序号) or a unit column (单位: 件): its values are none of the form's.
  for (let c = 0; c < first; c++) {
    const leaf = grid.get(c)?.at(-1);
    if (leaf && leaf.from === c && leaf.to === c + 1 && ROW_NUMBER_COLUMN.test(leaf.key)) extra.add(c);
  }
  let unnamed = 0;
  const remarks = new Set<number>();
  for (let c = first; c <= last; c++) {
    if (named.has(c)) continue;
    // Named by a label of its own: not only by a group's over form columns too (法人或其他组织
    // over a column with no label of its own). A column with none holds no value of a row read.
    const leaf = grid.get(c)?.at(-1);
    if (!leaf?.key || cols.some((f) => f >= leaf.from && f < leaf.to)) unnamed++;
    else {
      extra.add(c);
      if (REMARKS_COLUMN.test(leaf.key)) remarks.add(c);
    }
  }
  return { cols, extra, last, unnamed, ...(remarks.size ? { remarks } : {}) };
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
export function cellsByHeader(row: Tok[], h: HeaderColumns, label?: Tok): RowCells {
  const cells: Array<Slot | undefined> = Array<Slot | undefined>(h.cols.length).fill(undefined);
  const seen = new Set<number>();
  const at = new Map(h.cols.map((c, j) => [c, j]));
  const vals = row.filter((t): t is ValTok => t.t === 'val');
  const unknown = (reason: string): RowCells => ({ kind: 'unknown', reason, vals });
  // The row's label over a column the header gives to a value or to its extra column (序号): a
  // label cell more than the other rows' (an empty one before it, a group label not spanned:
  // a ragged grid), every cell after it a column right of its header (seed 53: a 序号 column's
  // number read as 自然人's).
  // (An extra column left of the label's, 序号 first as tables put it, is no column the label
  // may not stand in: t82's HTML 三 with 序号 first lost every row.)
  if (label && label.t === 'text' && label.col !== undefined) {
    const labelCol = label.col;
    const first = Math.min(h.cols[0]!, ...[...h.extra].filter((c) => c >= labelCol));
    if (label.col + (label.span ?? 1) > first)
      return unknown("the row's label stands under a column of the header: its cells stand a column off the header's");
  }
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
      // A number under the remarks column where one of the form's columns is empty: the row's
      // cells a column right (t84); a remark beside a full row (见附件1, 2) is a remark (t85).
      if (
        t.t === 'val' &&
        /\d/.test(t.text) &&
        h.remarks?.has(t.col) &&
        row.some((x) => x.t === 'empty' && x.col !== undefined && at.has(x.col))
      )
        return unknown(
          `a number ("${t.raw}") stands under the remarks column and one of the row's cells is empty: the row's cells may stand a column off`,
        );
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
 * (`extraColumnNamed`), or by its rows (`widerRows`).
 */

/**
 * Header words of a column no form has: a subtotal, last year's figures, a remark. 上年 alone is
 * no column: it labels a row of last year's figures (四 printed by year: 上年 | …, 本年 | …).
 */
const EXTRA_COLUMN = /^(?:小计|合计|备注|说明|同比|环比|增减|(?:上年|去年)(?:同期)?(?:总计|合计|数量|数|总数|件数))$/;

/**
 * Header words of a column between the row labels and the form's first column that holds none
 * of the form's values: the rows' numbers (行次, 栏次, 序号, 行号, 编号) or their unit (单位, 计量单位: 件).
 */
const ROW_NUMBER_COLUMN = /^(?:行次|栏次|序号|行号|编号|(?:计量|计算)?单位)$/;
/** A remarks column's label: its cells hold words. */
const REMARKS_COLUMN = /^(?:备注|说明|附注|備註)$/;

/** A header label (headerKey) of a column no form has (小计, 上年总计, 备注): EXTRA_COLUMN. */
export const isExtraColumn = (key: string): boolean => EXTRA_COLUMN.test(key);

/**
 * The column label, none of the form's, that a header names beside every one of the form's
 * `labels` (each a header cell's words, spaces and brackets out: headerKey), or null. Only a
 * header naming all the form's columns: one that names 合计 in place of 总计 names no column more.
 */
export function extraColumnNamed(cells: ReadonlyArray<{ text: string }>, labels: readonly string[]): string | null {
  const keys = headerKeys(cells);
  if (!labels.every((l) => keys.has(l))) return null;
  return [...keys].find((k) => !labels.includes(k) && EXTRA_COLUMN.test(k)) ?? null;
}

/** Every word of the header's cells as compared (headerKey). */
export const headerKeys = (cells: ReadonlyArray<{ text: string }>): Set<string> =>
  new Set(cells.flatMap((c) => c.text.split(/\s+/).map(headerKey)));

/** Why the header proves the table wider than the form, for the rows' note. */
export const namedWider = (label: string): string =>
  `the header names a column the form does not have (${label}) and its pieces do not stand over the rows' cells`;

/**
 * How many columns a row shows it spans (`span`): its cells from its first value to its last,
 * on its label's line (`row`: the tokens after the label up to the line's end or the next row's
 * label), empty cells between them counted — a `|`, tab or comma row keeps a blank cell's empty
 * piece in place, a drawn table its empty cell (not a position a merged cell covers: a PDF's
 * number over two ruled columns). Text cells after the first value count as values (a 备注's
 * 见附件); before it they are the label's (a sub-label in a cell of its own). Empty cells before
 * the first value or after the last prove no column: a label merged over two columns, 二's one
 * count in a cell merged over three, a converter's padding, a closing `|`. `lead`: the empty
 * cells before the first value. Both 0 for a row with no value on that line (its values on the
 * lines after it: read by lines).
 */
export function rowExtent(row: readonly Tok[]): { span: number; lead: number } {
  let first = -1;
  let last = -1;
  let lead = 0;
  let k = 0;
  for (const t of row) {
    if (t.t === 'eol' || t.t === 'blank' || (t.t === 'empty' && (t.covered || t.spanned))) continue;
    if (t.t === 'val' || (t.t === 'text' && first >= 0)) {
      if (first < 0) first = k;
      last = k;
    } else if (t.t === 'empty' && first < 0) lead++;
    k++;
  }
  return first < 0 ? { span: 0, lead: 0 } : { span: last - first + 1, lead };
}

/**
 * Rows of a group it takes, each with exactly its values and no blank cell, for one row showing
 * a column more to be taken for a stray number beside it rather than a wider table.
 */
const STRAY_ROWS = 5;

/**
 * Why each row's table shows itself wider than the form by its rows, or null. A row shows a
 * column or a few more than its `n` (at most n/2 more, at least one: a row with twice the values
 * or more is rows whose labels were lost, not a wider table) by its values, left unread, or by
 * its cells from its first value to its last, empty ones between them counted (rowExtent). Two
 * such rows under one header (`group`: 二's sub-tables each have theirs) prove its table wider;
 * so does one, since a row with a blank cell (or its piece lost) has the form's count again and
 * with many blanks a second full row may never come — unless the group's other rows, STRAY_ROWS
 * of them or more, every one (`plain`) has exactly its n values with no empty cell before or
 * among them, and holds its own arithmetic where the form has one (三's row sum, read.ts: a
 * check only, it places nothing): a wider table would have lost exactly one blank cell in each, and the one row (not
 * read by its count itself) is a number beside the table's (a footnote, a percentage after （七）总计, a page number in the
 * values of a table printed a cell a line, a 收费 row in the other form's two columns). A wider
 * table is wider in every row under its header, whatever its columns (二's 规章 rows of three and
 * 行政许可's of one under one header). Being proven wider costs coverage only: the group's rows
 * read by count are NULL (notByCount), never a number. A row read has at most n values and
 * spans at most n columns. `rows`: each row's column count, group, the columns it shows
 * (`shown`: the larger of its values' count when left unread and its span; null for a row
 * placed by its header's columns) and whether it is `plain`.
 */
export function widerRows(
  rows: ReadonlyArray<{ n: number; group: string; shown: number | null; plain: boolean }>,
): Array<string | null> {
  const wide = (r: { n: number; shown: number | null }) =>
    r.shown !== null && r.shown > r.n && r.shown <= r.n + Math.max(1, Math.floor(r.n / 2));
  const groups = new Map<string, Array<(typeof rows)[number]>>();
  for (const r of rows) {
    const g = groups.get(r.group);
    if (g) g.push(r);
    else groups.set(r.group, [r]);
  }
  const why = new Map<string, string | null>();
  for (const [g, rs] of groups) {
    const shown = rs.filter(wide);
    const others = rs.filter((r) => !wide(r));
    const stray = shown.length === 1 && others.length >= STRAY_ROWS && others.every((r) => r.plain);
    const cols = shown.map((r) => `${r.shown} columns for the form's ${r.n}`);
    why.set(
      g,
      !shown.length || stray
        ? null
        : shown.length > 1
          ? `${shown.length} of its rows show more columns than the form (${[...new Set(cols)].join('; ')})`
          : `a row of it shows ${cols[0]}, and its other rows do not all have exactly their values without a blank`,
    );
  }
  // A row that shows a column more is not read by its count even as a stray: which of its
  // cells is the stray is not known.
  return rows.map(
    (r) => why.get(r.group) ?? (wide(r) ? `the row shows ${r.shown} columns for the form's ${r.n}` : null),
  );
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

/**
 * Columns by position in `|`, tab or comma-separated text (tokens with a `piece`: empty pieces
 * kept in place, `a | | b`, `a,,b`). Such a header's pieces do not stand over the rows' — a
 * merged label is one piece over several columns, 自然人 and 总计 stand on the line above the five
 * 法人 columns — but its lines can be rebuilt into the columns' order: the first line that names
 * a column gives the top labels; on each line below, a group label still open (法人或其他组织;
 * 四's 行政复议, 行政诉讼 and its two blocks) takes the run of its own sub-labels, in their order,
 * and any extra labels after them (小计); every other label spans the lines below. The rebuilt
 * header then names each form column once, in the form's order (placeColumns), and the others
 * with labels of their own (小计, 上年总计, 备注: EXTRA_COLUMN). Each form column is then a
 * position, and a row is read by position only when it has exactly that many pieces after its
 * label (`byPosition`), in every row of the table (read.ts). Null — not proven, the table read
 * as before — when a line naming a column has a piece of no known label or an empty one, a label
 * left unplaced, a group without its sub-labels, a piece that is two tokens, lines that close
 * with a separator and lines that do not. Lines naming no column (申请人情况, the 勾稽 note) are
 * not the columns' and are passed over; pieces before a line's first label are the row labels'
 * (信息内容).
 */
export interface HeaderShape {
  /** Group labels and their sub-labels in the form's order (headerKey). */
  groups: ReadonlyMap<string, readonly string[]>;
  /** Every label of a form column (headerKey). */
  columns: ReadonlySet<string>;
}

interface HeadNode {
  key: string;
  kids: HeadNode[] | null;
}

export function columnsByPosition(
  head: Tok[],
  shape: HeaderShape,
  n: number,
  column: (labels: string[]) => number | null,
): HeaderColumns | null {
  const known = (k: string) => shape.columns.has(k) || shape.groups.has(k);
  type Piece = Exclude<Tok, { t: 'eol' | 'blank' }>;
  const byLine = new Map<number, Piece[]>();
  for (const t of head) if (t.t !== 'eol' && t.t !== 'blank') byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  const lines: string[][] = [];
  const leads = new Set<number>();
  let closed: boolean | null = null;
  for (const ts of byLine.values()) {
    const names = ts.some((t) => t.t !== 'empty' && known(headerKey(t.text)));
    if (!names) continue;
    if (ts.some((t) => t.piece === undefined)) return null;
    const keys: string[] = [];
    for (const t of ts) {
      if (keys[t.piece!] !== undefined) return null;
      keys[t.piece!] = t.t === 'empty' ? '' : headerKey(t.text);
    }
    for (let k = 0; k < keys.length; k++) if (keys[k] === undefined) return null;
    const lineClosed = keys.length > 1 && keys.at(-1) === '';
    if (closed !== null && closed !== lineClosed) return null;
    closed = lineClosed;
    if (lineClosed) keys.pop();
    let from = 0;
    while (from < keys.length && !known(keys[from]!)) from++;
    // A row-number column (行次) just before the form's first: a column of its own (placeColumns).
    if (from > 0 && ROW_NUMBER_COLUMN.test(keys[from - 1]!)) from--;
    leads.add(from);
    const own = keys.slice(from);
    if (own.some((k, i) => !known(k) && !EXTRA_COLUMN.test(k) && !(i === 0 && ROW_NUMBER_COLUMN.test(k)))) return null;
    lines.push(own);
  }
  if (!lines.length) return null;
  const node = (key: string): HeadNode => ({ key, kids: shape.groups.has(key) ? [] : null });
  const top = lines[0]!.map(node);
  const open = (ns: HeadNode[]): HeadNode[] =>
    ns.flatMap((x) => (x.kids === null ? [] : x.kids.length ? open(x.kids) : [x]));
  for (const keys of lines.slice(1)) {
    let i = 0;
    for (const g of open(top)) {
      const subs = shape.groups.get(g.key)!;
      let last = -1;
      while (i < keys.length) {
        const at = subs.indexOf(keys[i]!, last + 1);
        if (at >= 0) last = at;
        else if (last < 0 || !EXTRA_COLUMN.test(keys[i]!)) break;
        g.kids!.push(node(keys[i]!));
        i++;
      }
    }
    if (i < keys.length) return null;
  }
  if (open(top).length) return null;
  // The leaves in order, each with its labels top to bottom and the columns each spans.
  const grid: HeaderGrid = new Map();
  let width = 0;
  const walk = (ns: HeadNode[], above: Array<{ key: string; from: number; to: number }>) => {
    for (const x of ns) {
      const from = width;
      const label = { key: x.key, from, to: from };
      if (x.kids === null) {
        width++;
        grid.set(from, [...above, label]);
      } else walk(x.kids, [...above, label]);
      label.to = width;
    }
  };
  walk(top, []);
  const h = placeColumns(grid, n, column);
  return h
    ? {
        cols: h.cols,
        extra: h.extra,
        last: h.last,
        ...(h.remarks ? { remarks: h.remarks } : {}),
        positional: { width, closed: closed ?? false, lead: leads.size === 1 ? [...leads][0]! : -1 },
      }
    : null;
}

/**
 * A row's tokens after its label's piece (`labelPiece`; -1 for a row with no label, 四's) with
 * their positions as columns (`col`: the piece's index after the label's; a closing separator's
 * empty piece after the last column), or why they are not proven to stand there: a token that is
 * no piece of its own (a value glued to the label or to another value, a page dump's digits), a
 * piece missing, a row not closed as the header's lines are, or pieces after the label other than
 * the header's columns in number (a blank cell's piece dropped, a separator lost: every value
 * after it a column off).
 */
export function byPosition(labelPiece: number, row: Tok[], h: HeaderColumns): Tok[] | string {
  const p = h.positional!;
  type Piece = Exclude<Tok, { t: 'eol' | 'blank' }>;
  const at: Piece[] = [];
  for (const t of row) {
    if (t.t === 'eol' || t.t === 'blank') continue;
    if (t.piece === undefined || t.piece <= labelPiece) return 'a value is glued to the row label';
    if (t.t === 'val' && t.glued) return 'the row is a page dump whose digits may be glued';
    // (Text such a piece is may have been made a cell's value: promoteCellText.)
    if (t.t !== 'empty' && /\d\s+\d/.test(t.text)) return `a piece holds two numbers ("${t.raw}")`;
    const k = t.piece - labelPiece - 1;
    const before = at[k];
    if (before)
      return `a piece holds two values ("${before.t === 'empty' ? '' : before.raw}", "${t.t === 'empty' ? '' : t.raw}")`;
    at[k] = t;
  }
  // (A hole: `some` would pass over it.)
  for (let k = 0; k < at.length; k++) if (!at[k]) return 'a piece of the row is missing';
  if (p.closed && at.at(-1)?.t !== 'empty') return "the row does not end with a separator as the header's lines do";
  const pieces = at.length - (p.closed ? 1 : 0);
  if (pieces !== p.width) return `the row has ${pieces} pieces after its label for the header's ${p.width} columns`;
  return at.map((t, k): Tok => ({ ...t, col: k }));
}

/**
 * Rows placed by a header rebuilt from delimited text (`hs[k]`, positional), each by its pieces'
 * positions (byPosition) — only when every row under that header has them: one row a piece short
 * or over (a blank's piece dropped, a separator lost) shows that the flattening does not keep its
 * blanks in place, and then no row under it is read by position (`hs` undefined for them: read as
 * before). `rows[k].at`: the row label's token in `toks`. Returns the tokens with the positioned
 * rows' cells carrying their column.
 */
export function positionRows(
  toks: Tok[],
  rows: ReadonlyArray<{ at: number }>,
  hs: ReadonlyArray<HeaderColumns | undefined>,
): { toks: Tok[]; hs: Array<HeaderColumns | undefined> } {
  const out = [...hs];
  if (!hs.some((h) => h?.positional)) return { toks, hs: out };
  const placed = rows.map((r, k) => {
    const h = hs[k];
    if (!h?.positional) return null;
    const label = toks[r.at]!;
    const from = r.at + 1;
    let to = from;
    while (to < toks.length && toks[to]!.line === label.line && toks[to]!.t !== 'eol') to++;
    const piece = label.t === 'eol' || label.t === 'blank' ? undefined : label.piece;
    return { from, cells: piece === undefined ? 'no piece' : byPosition(piece, toks.slice(from, to), h) };
  });
  const failed = new Set(hs.filter((h, k) => h?.positional && typeof placed[k]!.cells === 'string'));
  // In `|`, tab or comma text a row's empty pieces at its end may be no cells (a converter pads
  // a row short of one to the header's width, a scrape adds `| |`, a sheet saved as CSV writes
  // every row to its width): a row a separator short, so padded, has the header's count again
  // (a fresh tester's t60: `0,8,3,0,0,16,` for 0 8 5 3 0 0 16, every value after the lost one a
  // column left). They are a column blank in every row only when every row of the table has
  // them alike, and the table has rows enough to show it (BLANK_COLUMN_ROWS).
  for (const h of new Set(hs)) {
    if (!h?.positional || failed.has(h)) continue;
    const ks = hs.flatMap((x, k) => (x === h ? [k] : []));
    if (!ks.some((k) => textDelimitedLine(toks, toks[rows[k]!.at]!.line))) continue;
    const ends = ks.map((k) => emptyEnd(placed[k]!.cells as Tok[], h.positional!.width));
    if (ends.some((e) => e > 0) && (ks.length < BLANK_COLUMN_ROWS || ends.some((e) => e !== ends[0]))) failed.add(h);
  }
  const next = [...toks];
  placed.forEach((p, k) => {
    if (!p) return;
    if (failed.has(hs[k])) out[k] = undefined;
    else (p.cells as Tok[]).forEach((t, i) => (next[p.from + i] = t));
  });
  return { toks: next, hs: out };
}

/**
 * Rows it takes for empty pieces at the end of every row of `|` text to show a column blank in
 * every row rather than the flattening's padding (三 has 26; one of 二's sub-tables, one or two).
 */
const BLANK_COLUMN_ROWS = 5;

/**
 * Whether the row on `line` is delimited text — `|`, tab or comma-separated, not a drawn table's
 * row (Tok eol `grid`: HTML, Word, a PDF's ruled table, pdftotext's columns) — whose empty pieces
 * at its end may be padding after a cell the conversion lost (docs/template.md).
 */
export function textDelimitedLine(toks: Tok[], line: number): boolean {
  return toks.some((t) => t.t === 'eol' && t.line === line && t.delimited && !t.grid);
}

/** Whether the row on `line` is `|` text, whose last empty piece is its closing `|`'s (Tok eol `padded`). */
export function paddedLine(toks: Tok[], line: number): boolean {
  return toks.some((t) => t.t === 'eol' && t.line === line && t.padded === true);
}

/** How many of a positioned row's columns (`width`) at its end are empty pieces. */
export function emptyEnd(cells: Tok[], width: number): number {
  let n = 0;
  for (let c = width - 1; c >= 0; c--) {
    const t = cells.find((x) => x.t !== 'eol' && x.t !== 'blank' && x.col === c);
    if (t?.t !== 'empty') break;
    n++;
  }
  return n;
}
