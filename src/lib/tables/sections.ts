import type { MoneyUnit } from './cell.ts';
import type { Line } from '../decode/lines.ts';
import { valueColumns } from '../decode/layout-cells.ts';
import {
  activeLayoutMarkers,
  activeRows,
  activeRows2019,
  activeRows2021,
  requestLayoutMarkers,
  requestRows,
  reviewColumns,
  reviewRows,
  type RowDef,
  type ValueKind,
} from '../template/definitions.ts';
import { requestIdentities, reviewIdentities, type CellAddress } from '../template/identities.ts';
import { TableEmitter, templateOf } from './emit.ts';
import {
  ACTIVE_COLUMNS,
  ACTIVE_ITEM_COLUMNS,
  REQUEST_COLUMNS,
  REQUEST_LINE_COLUMNS,
  REQUEST_PIECES,
  REVIEW_PIECES,
  REVIEW_PIECE_LABELS,
  REQUEST_PIECE_LABELS,
  reviewBlockOrderProblem,
  totalAmongOrganisations,
  wrappedOrderProblem,
  layoutOrderProblem,
  layoutUnnamedColumn,
  countedHeaderProblem,
  reviewBlocksProblem,
  reviewBlocksProven,
  suitLabelsProblem,
  REQUEST_LAYOUT_PIECES,
  REVIEW_COLUMNS,
  activeItemOrderProblem,
  columnOrderProblem,
  formRow,
  headerLabelProblem,
  headerRowsOf,
  type FormPlace,
  type FormRow,
  type HeaderLabelProblem,
  REQUEST_HEADER,
  REVIEW_HEADER_FORM,
  headerKey,
  labelsOf,
  otherFormHeader,
  type HeaderForm,
  maskOrganisations,
  repeatedHeaderLabel,
  type ColumnGroup,
  type RepeatedLabel,
} from './header.ts';
import {
  blanksUnshown,
  oneValueALine,
  pageEdge,
  rawOf,
  readTable,
  resolveShort,
  cellNumbers,
  rowSumFails,
  rulesOf,
  type TableRead,
  type UnnamedColumns,
} from './read.ts';
import { rowsFormProblem } from './rows-form.ts';
import { readReviewBlockRows, reviewBlockRows } from './review-rows.ts';
import { reviewColumnsByLabels } from './review-columns.ts';
import { valueBeforeOwnHeader } from './active-order.ts';
import { unreadWhenSumsElsewhere } from './column-sums.ts';
import {
  cellSlots,
  consistentNoise,
  digitCommaProblem,
  fromLines,
  fromSlots,
  spannedRow,
  interiorEmptyLine,
  isDense,
  promoteCellText,
  trailingEmpties,
  type RowCells,
  type Slot,
  type ValTok,
} from './rows.ts';
import {
  byPosition,
  cellsByHeader,
  columnsByHeader,
  gridColumns,
  columnsByPosition,
  emptyEnd,
  extraColumnNamed,
  headerGrid,
  headerKeys,
  inTableOf,
  isExtraColumn,
  namedWider,
  notByCount,
  paddedLine,
  textDelimitedLine,
  rowExtent,
  widerRows,
  type HeaderColumns,
  type HeaderShape,
} from './columns.ts';
import { gluedReading, shiftedReading, voidEndReading } from './shift.ts';
import { bareLabel, tokenize, type Tok } from './tokens.ts';
import { namesOtherPeriod } from './periods.ts';
import { multipliedCountUnit, otherMoneyUnits, statedMoneyUnits, unitForAnotherTable } from './units.ts';

/**
 * The three tables: 二 proactive disclosure (`active`), 三 requests (`requests`) and 四 review
 * and litigation (`review`). Layouts of 二 and 三 are detected independently.
 */

export type Layout = '2019' | '2021';

/** The squashed text before the first match of `firstRow` (the header), or all of it. */
function headerText(text: string, firstRow: RegExp): string {
  const m = firstRow.exec(text);
  return m ? text.slice(0, m.index) : text;
}

/** Header text of a section with spaces, pipes and line breaks removed ("本年新 / 制作数量" joins). */
function squash(lines: Line[]): string {
  return lines
    .map((l) => l.text)
    .join('')
    .replace(/[\s|]/g, '');
}

/**
 * A report of 2021 or later (the 2021 form's years) whose 二 is the 2019 form's by its column
 * header's words only (本年新制作数量 …), none of the 2019 form's own rows or sub-headers
 * (上一年项目数量, 其他对外管理服务事项, 政府集中采购) in it: the rows may be the 2021 form's under
 * the old form's header (synthetic seed 2026: 规章 0 0 5 published under 本年新制作数量 … for a
 * 2021 table), so which column each number is under is not proven. Null otherwise.
 */
function headerOnlyForm(text: string, layout: Layout, year: number | null): string | null {
  if (
    layout !== '2019' ||
    (year ?? 0) < 2021 ||
    /上一年项目数量|其他对外管理服务事项|采购项目数量|政府集中采购/.test(text)
  )
    return null;
  return `only the header's words are the 2019 form's, in a report of ${year} (the 2021 form's years) with none of the 2019 form's own rows: which column each number is under is not proven`;
}

export function readActive(lines: Line[], year: number | null): { layout: Layout | null; read: TableRead | null } {
  const text = squash(lines);
  const has2021 = activeLayoutMarkers['2021'].test(text);
  const has2019 = activeLayoutMarkers['2019'].test(text);
  if (!has2021 && !has2019) return { layout: null, read: null };
  const layout: Layout =
    has2021 && !has2019 ? '2021' : has2019 && !has2021 ? '2019' : (year ?? 0) >= 2021 ? '2021' : '2019';
  // The money unit the section states for its amount column (units.ts); with none, the 2021
  // form's 万元 (the 2019 form's amounts carry their unit in the cell). Statements that disagree
  // leave the amount without a unit: a non-zero amount is then not read.
  const column = layout === '2021' ? '收费金额' : '采购总金额';
  const stated = statedMoneyUnits(lines, column);
  // A unit of another currency or a fraction of a yuan (美元, 角): no amount is read.
  const other = otherMoneyUnits(lines);
  // A unit stated above another table of the section (an agency's own): for which, not known.
  const elsewhere = unitForAnotherTable(lines, column);
  const moneyUnit: MoneyUnit | null =
    other.length || elsewhere
      ? null
      : stated.length === 1
        ? stated[0]!
        : stated.length === 0 && layout === '2021'
          ? '万元'
          : null;
  const noUnit = other.length
    ? `section 二 states a money unit that is not 元, 万元 or another unit of yuan (${other.join(', ')}): the amount has no value in 万元`
    : elsewhere
      ? elsewhere
      : stated.length > 1
        ? `section 二 states different money units (${stated.join(', ')}): the amount's unit is not certain`
        : undefined;
  const toks = tokenize(lines);
  // A sub-table's header naming its columns out of order leaves its own rows unread, not the
  // other sub-tables' (（一） 规章 and 规范性文件; （五）–（九）): a row of one value has no order,
  // and a row of several is read only where the section names its columns (a header of its own).
  const unprovenRows = new Map<string, string>();
  const defs = activeRows[layout];
  const problems: Array<[string | null, ReadonlyArray<ColumnGroup>]> = [
    [columnOrderProblem(headerText(text, /规章/), ACTIVE_COLUMNS[layout]), ACTIVE_COLUMNS[layout]],
    [activeItemOrderProblem(text), ACTIVE_ITEM_COLUMNS],
  ];
  for (const [problem, groups] of problems) {
    if (!problem) continue;
    const own = rowsUnder(defs, groups);
    for (const d of defs)
      if (own.includes(d) || (d.columns.length > 1 && !d.columns.every((c) => text.includes(headerWord(c.label)))))
        if (!unprovenRows.has(d.key)) unprovenRows.set(d.key, problem);
  }
  // A value after a row's label and another after its column's header further on (active-order.ts).
  for (const [key, why] of valueBeforeOwnHeader(toks, defs)) if (!unprovenRows.has(key)) unprovenRows.set(key, why);
  const form = activeHeaderForm(defs);
  const blocks = activeBlocks(toks, defs, form);
  // A sub-table's header naming the other form's columns (a 2019 header over the rows of a 2021
  // report, or the reverse): its rows are not placed by their form (header.ts, otherFormHeader).
  const otherHeader = new Set<string>();
  for (const b of blocks) {
    const why = otherFormHeader(b.text, layout);
    if (why)
      for (const row of b.rows) {
        otherHeader.add(row);
        if (!unprovenRows.has(row)) unprovenRows.set(row, why);
      }
  }
  // A sub-table's header naming, at a place, a column the form does not have (本年项目数量 for
  // 本年增/减, 本年收费项目数量 for the amount) or another place's: its rows are not placed by
  // their count (header.ts, headerFormProblem).
  // (Labels of either form: a header of the other form's is otherFormHeader's.)
  // Only the places it names so are NULL when its other places name the form's own columns.
  const known = [...activeRows2019, ...activeRows2021].flatMap((d) => d.columns.map((c) => c.label));
  const unnamedRows = new Map<string, UnnamedColumns>();
  for (const b of blocks) {
    const lines = new Set(b.head.map((t) => t.line));
    const rows = headerRowsOf(toks.filter((t) => lines.has(t.line)));
    for (const key of b.rows) {
      const d = defs.find((x) => x.key === key)!;
      const form = formRow(...d.columns.map((c) => c.label));
      const found = headerLabelProblem(rows, [form], { lead: true, known, extra: isExtraColumn, fewer: true });
      if (!found || unprovenRows.has(key) || unnamedRows.has(key)) continue;
      const cols = unnamedColumns(found, (p) => (p.form === form ? [d.columns[p.place]!.key] : null));
      if (cols) unnamedRows.set(key, cols);
      else unprovenRows.set(key, found.why);
    }
  }
  // Rows whose value counts are the other form's (a 2019 table under a header in the 2021
  // form's words, its 2019-only labels lost; or the reverse): the header's columns are not the
  // rows', so no cell of the table is read (rows-form.ts). Rows under a header of their own
  // naming the other form are that header's, and say nothing of the rest.
  const unproven =
    rowsFormProblem(toks, layout, otherHeader) ??
    headerOnlyForm(text, layout, year) ??
    multipliedCountUnit(lines) ??
    undefined;
  const repeatedRows = activeRepeatedColumns(blocks, form);
  const { byHeader, gridCheck } = activeColumnsByHeader(toks, blocks, defs);
  const wider = activeWider(blocks, defs);
  const read = readTable('active', toks, activeRows[layout], true, {
    moneyUnit,
    ...(noUnit ? { noUnit } : {}),
    ...(unproven ? { unproven } : {}),
    ...(unprovenRows.size ? { unprovenRows } : {}),
    ...(unnamedRows.size ? { unnamedColumns: { rows: unnamedRows } } : {}),
    ...(repeatedRows.size ? { repeatedRows } : {}),
    ...(byHeader.size ? { byHeader: { rows: byHeader } } : {}),
    ...(gridCheck.size ? { gridCheck: { rows: gridCheck } } : {}),
    wider: { rows: wider, groups: blocks.map((b) => b.rows) },
  });
  return read.found.length
    ? { layout, read: fractionalCountRows(read, activeRows[layout]) }
    : { layout: null, read: null };
}

/**
 * A count that is no whole number (`3437.97` where 采购项目数量 stands, unreadable) in a row with
 * an amount tells that the row's values are not in the form's order: plain pdftotext put an amount's first line
 * above the count (`政府集中采购` / `3437.97` / `52` / `万元`: a fresh tester's t66 published 52 as the
 * amount). The row's other values are not placed either.
 */
function fractionalCountRows(read: TableRead, defs: readonly RowDef[]): TableRead {
  const rows = new Map<string, number>();
  for (const c of read.cells) {
    const def = defs.find((d) => d.key === c.row_key);
    const col = def?.columns.find((k) => k.key === c.col_key);
    // Only in a row with an amount beside its count (2019's 政府集中采购): the decimals may be
    // the amount's; a row of counts alone keeps its other counts (12.50 where a count stands).
    if (
      col?.kind === 'count' &&
      def!.columns.some((k) => k.kind === 'money') &&
      c.state === 'unreadable' &&
      /^\s*\d+\.\d+\s*$/.test(c.raw)
    )
      rows.set(c.row_key, c.line);
  }
  if (!rows.size) return read;
  const notes = [...read.notes];
  const cells = read.cells.map((c) => {
    if (!rows.has(c.row_key) || c.state !== 'number') return c;
    notes.push({
      code: 'W_CELLS_AMBIGUOUS',
      message: `active.${c.row_key}: a count that is no whole number stands in this row (line ${rows.get(c.row_key)}): its values are not in the form's order, and which is ${c.col_key} is not proven`,
      line: c.line,
      at: { table: 'active', row: c.row_key, col: c.col_key },
    });
    return { ...c, state: 'ambiguous' as const, value: null };
  });
  return { ...read, cells, notes };
}

/**
 * The columns (keys) a header's label problem leaves NULL, when it is column-level
 * (header.ts, HeaderLabelProblem `places`): each place's columns by `columnsOf` (null: a place
 * the table cannot map, and then no column is proven). Null for a whole-group problem.
 */
function unnamedColumns(
  found: HeaderLabelProblem,
  columnsOf: (p: FormPlace) => readonly string[] | null,
): UnnamedColumns | null {
  if (!found.places?.length) return null;
  const cols = new Set<string>();
  for (const p of found.places) {
    const cs = columnsOf(p);
    if (!cs?.length) return null;
    for (const c of cs) cols.add(c);
  }
  return { cols, why: found.why };
}

/**
 * A header line's text where its characters stand as in the source (header.ts layoutColumns):
 * the normalised text (simplified script, ASCII for full-width) when it keeps every character's
 * place, else the raw line. Invisible format characters (U+200B …, which normalisation drops) take
 * no place on a page: counted as none, and out of the words (`商‌业企`: 商业 not found, a header
 * reordered read in the form's order; seed 133).
 */
const placedText = (l: Pick<Line, 'text' | 'raw'>): string => {
  if (l.text.length === l.raw.length) return l.text;
  const shown = l.raw.replace(/\p{Cf}/gu, '');
  return l.text.length === shown.length ? l.text : shown;
};

/**
 * Runs of lines without digits after the header (`from`) that name two of 三's columns or more:
 * a header repeated among the rows (after a page break), each run's first and end line index.
 */
function repeatedHeaders(texts: readonly string[], from: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  const close = (end: number) => {
    const run = texts.slice(start, end);
    const named = REQUEST_LAYOUT_PIECES.filter((pieces) => pieces.some((p) => run.some((t) => t.includes(p))));
    if (named.length >= 2) out.push([start, end]);
    start = end + 1;
  };
  for (let i = from; i < texts.length; i++) if (/\d/.test(texts[i]!)) close(i);
  close(texts.length);
  return out;
}

/** Why a label repeated in a header leaves the cells under it unplaced. */
const repeatedWhy = (r: RepeatedLabel) => `the column label ${r.label} appears twice in the header (line ${r.no})`;

/** The text tokens (cells) among `toks`. */
const textCells = (toks: Tok[]) => toks.filter((t): t is Extract<Tok, { t: 'text' }> => t.t === 'text');

/** A sub-table of section 二: its header's cells and text, and the rows under it. */
interface ActiveBlock {
  /** The header cells that name a column (or are 信息内容 or a caption), for repeatedHeaderLabel. */
  cells: Array<{ text: string; no: number }>;
  /** Every text cell before the block's first row, squashed (a word broken over lines joined). */
  text: string;
  /** Those text cells themselves (a drawn table's with their grid columns: columns.ts). */
  head: Tok[];
  rows: string[];
}

/**
 * Section 二's sub-tables: a sub-table's header is the run of header cells after a caption or
 * 信息内容, up to its rows; its rows are the row labels up to the next header.
 */
function activeBlocks(toks: Tok[], defs: RowDef[], form: HeaderForm): ActiveBlock[] {
  const blocks: ActiveBlock[] = [];
  let cur: ActiveBlock = { cells: [], text: '', head: [], rows: [] };
  const next = () => {
    if (cur.cells.length || cur.rows.length) blocks.push(cur);
    cur = { cells: [], text: '', head: [], rows: [] };
  };
  for (const t of textCells(toks)) {
    const key = headerKey(t.text);
    const def = defs.find((d) => d.match.test(bareLabel(t.text)));
    if (def) cur.rows.push(def.key);
    else if (key === '信息内容' || /^第二十条第/.test(key)) {
      next();
      cur.cells.push(t);
    } else if (t.text.split(/\s+/).some((w) => labelsOf(headerKey(w), form).length)) {
      if (cur.rows.length) next();
      cur.cells.push(t);
    }
    if (!def && !cur.rows.length) {
      cur.text += t.text.replace(/[\s|]/g, '');
      cur.head.push(t);
    }
  }
  next();
  return blocks;
}

/**
 * Section 二's rows under a drawn sub-table header that names a column the form does not have
 * (信息内容 | 本年处理决定数量 | 上年数量): each placed by its columns' labels (columns.ts), by row key.
 */
function activeColumnsByHeader(
  toks: Tok[],
  blocks: ActiveBlock[],
  defs: RowDef[],
): { byHeader: Map<string, HeaderColumns>; gridCheck: Map<string, HeaderColumns> } {
  const out = new Map<string, HeaderColumns>();
  // Rows of a drawn sub-table whose header places their columns but names none besides: read by
  // count, checked against it (read.ts, gridCheck).
  const check = new Map<string, HeaderColumns>();
  for (const b of blocks) {
    const grid = headerGrid(b.head);
    // In delimited text, the header's lines rebuilt (columns.ts, columnsByPosition): one for the
    // rows of the block with the same columns, which are placed by position together or not.
    const lines = new Set(b.head.map((t) => t.line));
    const head = toks.filter((t) => lines.has(t.line));
    const byLabels = new Map<string, HeaderColumns | null>();
    for (const key of b.rows) {
      const labels = defs.find((d) => d.key === key)!.columns.map((c) => headerKey(c.label));
      const column = (ls: string[]) => {
        const j = labels.indexOf(ls.at(-1)!);
        return j < 0 ? null : j;
      };
      let h = grid.size ? columnsByHeader(grid, labels.length, column) : null;
      const placed = grid.size && !h ? gridColumns(grid, labels.length, column) : null;
      if (placed && !check.has(key)) check.set(key, placed);
      if (!grid.size) {
        const id = labels.join('|');
        if (!byLabels.has(id)) {
          const byPos = columnsByPosition(head, { columns: new Set(labels), groups: new Map() }, labels.length, column);
          // Not when the header names more columns than the positions it gives: a column of the
          // agency's before the form's was taken for a row label's piece (本年收费项目数量 before
          // 本年收费金额: the count published as the amount; a fresh tester's t92).
          byLabels.set(id, byPos?.positional && namedColumns(b, defs) > byPos.positional.width ? null : byPos);
        }
        h = byLabels.get(id)!;
      }
      if (h && !out.has(key)) out.set(key, h);
    }
  }
  return { byHeader: out, gridCheck: check };
}

/**
 * Section 二's rows under a sub-table header that names their columns and one the form does not
 * have (信息内容 | 本年处理决定数量 | 上年数量), by row key → why: none is read by its count (columns.ts).
 */
function activeWider(blocks: ActiveBlock[], defs: RowDef[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of blocks) {
    // A header naming more columns than a row's form has, whatever its words (本年收费项目数量
    // beside 本年收费金额, 上年处理决定数量 beside 本年处理决定数量; glued in a dump too): a row
    // short of a value had the agency's own number published as the form's (a fresh tester's
    // t92: 7 件 as 7 万元, last year's 863 as this year's).
    const named = namedColumns(b, defs);
    for (const key of b.rows) {
      const labels = defs.find((d) => d.key === key)!.columns.map((c) => headerKey(c.label));
      const extra = extraColumnNamed(textCells(b.head), labels);
      if (out.has(key)) continue;
      if (extra) out.set(key, namedWider(extra));
      else if (named > labels.length)
        out.set(
          key,
          `the header names ${named} columns for the form's ${labels.length}: which of the row's values is the form's is not proven`,
        );
    }
  }
  return out;
}

/**
 * How many columns of their own a sub-table's header names for its rows, by their words
 * (ACTIVE_COLUMN_WORD; the form's columns of other rows left out), counted from
 * its 信息内容 on (a dump's text before it is no column's: t83's 财政预决算 …项目金额 before
 * 第二十条第（一）项信息内容本年制发件数…); 0 for a header over rows of several widths (one header
 * over the whole of 二, 规章's three columns then 行政许可's one, as the shared case c07 prints it,
 * is no sub-table's own).
 */
function namedColumns(b: ActiveBlock, defs: RowDef[]): number {
  const widths = new Set(b.rows.map((key) => defs.find((d) => d.key === key)!.columns.length));
  if (widths.size !== 1) return 0;
  // Brackets out, an unclosed one to the end, and a unit's statement (金额单位：万元).
  const strip = (x: string) =>
    x
      .replace(/\s+/g, '')
      .replace(/[（(][^()（）]*(?:[)）]|$)/g, '')
      .replace(/(?:金额|计量)?单位[:：]?(?:万元|千元|元|件|个|项)/g, '');
  let head = strip(b.text.slice(Math.max(0, b.text.lastIndexOf('信息内容'))));
  // Other rows' columns of the form are no column of these rows' own: their header over the
  // first rows, the rest of the table cut off (t49: 本年制发件数 … over 行政事业性收费 alone).
  const own = new Set(b.rows.flatMap((key) => defs.find((d) => d.key === key)!.columns.map((c) => strip(c.label))));
  for (const d of defs)
    for (const c of d.columns) {
      const label = strip(c.label);
      if (!own.has(label)) head = head.split(label).join('|');
    }
  return head.match(ACTIVE_COLUMN_WORD)?.length ?? 0;
}

/**
 * A word that names a column of section 二's sub-tables (本年制发件数, 处理决定数量, 本年收费金额,
 * 本年增/减数量, 收费项目个数, 上年处理决定数: t93), each counted once; a unit's note (（单位：万元）,
 * 金额单位：万元) names none.
 */
const ACTIVE_COLUMN_WORD = /增\/?减(?:数量|数)?|数量|金额|[件个项总目]数|决定数/g;

/** The header form of section 二's columns: 信息内容 and each column's label, once. */
function activeHeaderForm(defs: RowDef[]): HeaderForm {
  const form = new Map<string, number>([['信息内容', 1]]);
  for (const d of defs) for (const c of d.columns) form.set(headerKey(c.label), 1);
  return form;
}

/**
 * Section 二's sub-tables whose header names a column twice (信息内容 | 本年制发件数 | 本年制发件数 |
 * 现行有效件数), and the rows under each (row key → why): which column a number is under is
 * not known. Two labels or more make a header.
 */
function activeRepeatedColumns(blocks: ActiveBlock[], form: HeaderForm): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of blocks) {
    const r = repeatedHeaderLabel(b.cells, form, 2);
    if (r) for (const row of b.rows) if (!out.has(row)) out.set(row, repeatedWhy(r));
  }
  return out;
}

/** A column label's words as a header writes them: 本年增/减 → 本年增, 采购总金额（万元） → 采购总金额. */
const headerWord = (label: string) => label.replace(/[（(].*$/, '').replace(/\/.*$/, '');

/** Rows with a column that a label of `groups` names (制发 names 本年制发件数). */
function rowsUnder(defs: RowDef[], groups: ReadonlyArray<ColumnGroup>): RowDef[] {
  const labels = groups.flatMap((g) => g.map((x) => (typeof x === 'string' ? x : x.label)));
  return defs.filter((d) => d.columns.some((c) => labels.some((l) => c.label.includes(l))));
}

export function readRequests(
  lines: Line[],
  year: number | null,
): { layout: Layout | null; read: TableRead | null; rowsLayout?: Layout } {
  const text = squash(lines);
  const toks = tokenize(lines);
  // The layouts differ only from （六） on: without those rows (a table cut off before them)
  // the layout cannot be told, and is reported as NULL.
  let layout: Layout;
  let known = true;
  if (requestLayoutMarkers['2021'].test(text)) layout = '2021';
  else if (/\(六\)其[他它]处理/.test(text)) layout = '2019';
  else {
    layout = (year ?? 0) >= 2021 ? '2021' : '2019';
    known = false;
  }
  const firstRow = /本年新收|新收政府信息公开申请/;
  // The header's lines: those before the first row's label, or, where that is not found whole (a
  // label broken over lines with a unit after its values, `一、本年新  6 … 8 件` over `收政府信息`:
  // a fresh tester's fuzzer), before the first line of numbers after a line naming a column. With
  // none, every check of the header's order passed and the values were placed in the form's.
  const rowAt = lines.findIndex((l) => firstRow.test(l.text));
  const namesColumn = (l: Line) =>
    !/\d/.test(l.text) && l.text.split(/\s+/).some((w) => labelsOf(headerKey(w), REQUEST_HEADER).length > 0);
  const labelsAt = rowAt >= 0 ? -1 : lines.findIndex(namesColumn);
  const headerEnd =
    rowAt >= 0 ? rowAt : labelsAt < 0 ? 0 : lines.findIndex((l, i) => i > labelsAt && /\d/.test(l.text));
  const headerLines = lines.slice(0, Math.max(0, headerEnd));
  // A column label named twice in the header — the cells before the first row's label (or, with
  // that label lost, before the first number after the header's first label, on a line of no
  // numbers: a line of prose with a number before the header, 予以公开，12件, starts no table),
  // on one line or several: which column a number is under is not known.
  const labelAt = toks.findIndex((t) => t.t === 'text' && firstRow.test(t.text));
  const valueLines = new Set(toks.flatMap((t) => (t.t === 'val' ? [t.line] : [])));
  const headAt = toks.findIndex(
    (t) =>
      t.t === 'text' &&
      !valueLines.has(t.line) &&
      t.text.split(/\s+/).some((w) => labelsOf(headerKey(w), REQUEST_HEADER).length),
  );
  const firstAt = labelAt >= 0 ? labelAt : toks.findIndex((t, i) => i > headAt && t.t === 'val');
  // The header's columns in another order, or one the form does not have in place of one of its
  // own (个体工商户 for 其他: header.ts, headerFormProblem): no value is placed by its count.
  // Where the header's other places name the form's own columns, only the columns it names so
  // are NULL (an org column: 商业企业 … 法律服务机构 read, 其他 NULL).
  const labelProblem =
    firstAt < 0
      ? null
      : headerLabelProblem(headerRowsOf(toks.slice(0, firstAt)), REQUEST_FORM_ROWS, {
          extra: isExtraColumn,
          perLine: REQUEST_LINE_ROWS,
          fewer: true,
        });
  const requestCols = requestRows[layout][0]!.columns;
  // A header set out by position (pdftotext -layout): over the value columns the table's full
  // rows show, where there are such (header.ts gridHeaderProblem), its lines and those of a
  // header repeated in the table; else by the labels' places alone (layoutOrderProblem). A
  // label the form does not have leaves the column it stands over NULL, or, where that is not
  // proven, the table (layoutUnnamedColumn).
  const columns = valueColumns(lines, REQUEST_LABELS.length);
  const grids = new Set([...columns.values()].map((g) => g.wide));
  const wide = grids.size === 1 ? [...grids][0]! : null;
  // Each line with the span of its page's value columns (header.ts countedHeaderProblem).
  // A line of no digits on a page without columns shown (a header set between a page's mark and
  // its form feed) takes those of the lines below it.
  const below: Array<ReturnType<typeof columns.get>> = [];
  for (let i = lines.length - 1, carry = undefined as ReturnType<typeof columns.get>; i >= 0; i--) {
    carry = columns.get(i) ?? (/\d/.test(lines[i]!.text) ? undefined : carry);
    below[i] = carry;
  }
  const spanned = lines.map((l, i) => {
    const c = below[i];
    if (!c) return null;
    const n = c.lo.length;
    const over = [c.lo[0]! - (c.lo[1]! - c.hi[0]!), c.hi[n - 1]! + (c.lo[n - 1]! - c.hi[n - 2]!)] as const;
    return { text: maskOrganisations(placedText(l)), over };
  });
  const blockOf = (from: number, to: number) =>
    spanned.slice(from, to).filter((x): x is NonNullable<typeof x> => x !== null);
  // The header's own page without columns shown (its rows read otherwise): its labels' places
  // alone (layoutOrderProblem), a repeated header's by count still.
  const head = blockOf(0, headerLines.length);
  const byCount =
    wide === null
      ? null
      : countedHeaderProblem(
          [
            head,
            ...repeatedHeaders(
              spanned.map((x) => x?.text ?? ''),
              headerLines.length,
            ).map(([from, to]) => blockOf(from, to)),
          ],
          wide,
          REQUEST_LAYOUT_PIECES,
          [...REQUEST_LABELS, '其它'],
        );
  const layoutUnnamed =
    byCount && (head.length || byCount.unnamed !== null)
      ? byCount.unnamed
      : layoutUnnamedColumn(
          headerLines.map((l) => maskOrganisations(placedText(l))),
          REQUEST_LAYOUT_PIECES,
        );
  const layoutWhy = `the header names a column the official form does not have, set out by position`;
  const unnamed = labelProblem
    ? unnamedColumns(labelProblem, (p) => {
        const j = REQUEST_LABELS.indexOf(headerKey(p.form[p.place]!.label));
        return p.form[p.place]!.group || j < 0 ? null : [requestCols[j]!.key];
      })
    : typeof layoutUnnamed === 'number'
      ? { cols: new Set([requestCols[layoutUnnamed]!.key]), why: `${layoutWhy}: its values are not this column's` }
      : subtotalForTotal(firstAt < 0 ? [] : textCells(toks.slice(0, firstAt)));
  const order =
    columnOrderProblem(maskOrganisations(headerText(text, firstRow)), REQUEST_COLUMNS) ??
    headerLines
      .map((l) => columnOrderProblem(l.text.replace(/[\s|]/g, ''), REQUEST_LINE_COLUMNS))
      .find((p) => p !== null) ??
    wrappedOrderProblem(
      headerLines.map((l) => l.text),
      REQUEST_PIECES,
      false,
      REQUEST_PIECE_LABELS,
    ) ??
    headerLines.map((l) => totalAmongOrganisations(maskOrganisations(l.text))).find((p) => p !== null) ??
    byCount?.order ??
    (byCount && head.length
      ? null
      : layoutOrderProblem(
          headerLines.map((l) => maskOrganisations(placedText(l))),
          REQUEST_LAYOUT_PIECES,
        )) ??
    (layoutUnnamed === 'unknown' ? `${layoutWhy}, over no one column: no value is placed` : null) ??
    (unnamed ? null : (labelProblem?.why ?? null));
  const repeated = firstAt < 0 ? null : repeatedHeaderLabel(textCells(toks.slice(0, firstAt)), REQUEST_HEADER, 3);
  const repeatedColumn = repeated ? repeatedWhy(repeated) : undefined;
  // A drawn header naming a column the form does not have (法人 小计, 上年总计): placed by it.
  // Or one rebuilt from `|`, tab or comma-separated text, placing the rows by position (columns.ts).
  const byHeader =
    firstAt < 0
      ? null
      : inTableOf(
          columnsByHeader(headerGrid(toks.slice(0, firstAt)), REQUEST_LABELS.length, requestColumn) ??
            columnsByPosition(toks.slice(0, firstAt), REQUEST_SHAPE, REQUEST_LABELS.length, requestColumn),
          toks.slice(0, firstAt),
        );
  // A header naming the form's columns and one besides, its pieces not over the rows': no row
  // is read by its count (columns.ts).
  const extra = firstAt < 0 ? null : extraColumnNamed(textCells(toks.slice(0, firstAt)), REQUEST_LABELS);
  const gridCheck =
    firstAt < 0 || byHeader
      ? null
      : inTableOf(
          gridColumns(headerGrid(toks.slice(0, firstAt)), REQUEST_LABELS.length, requestColumn),
          toks.slice(0, firstAt),
        );
  const read = readTable('requests', toks, requestRows[layout], false, {
    identities: requestIdentities(layout),
    ...(order ? { unproven: order } : {}),
    ...(unnamed && !order ? { unnamedColumns: { all: unnamed } } : {}),
    ...(repeatedColumn ? { repeatedColumn } : {}),
    ...(byHeader ? { byHeader: { all: byHeader } } : {}),
    ...(gridCheck ? { gridCheck: { all: gridCheck } } : {}),
    ...(extra ? { wider: { all: namedWider(extra) } } : {}),
  });
  // Every row adding up with another column as its total: the columns' order is another (column-sums.ts).
  const checked = unreadWhenSumsElsewhere(
    read,
    requestCols.map((c) => c.key),
  );
  return read.found.length
    ? { layout: known ? layout : null, read: checked, rowsLayout: layout }
    : { layout: null, read: null };
}

/** 三's header rows as the form prints them, or a flattening of it (header.ts, headerFormProblem). */
const ORGS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
const REQUEST_FORM_ROWS = [
  formRow('自然人', '^法人或其他组织', '总计'),
  formRow(...ORGS),
  formRow('自然人', ...ORGS, '总计'),
];
/** 三's header one cell per line: the merged cells' reading order. */
const REQUEST_LINE_ROWS = [
  formRow('自然人', '^法人或其他组织', '总计', ...ORGS),
  formRow('自然人', '^法人或其他组织', ...ORGS, '总计'),
];

/** 三's column labels as its header writes them, in the form's order. */
const REQUEST_LABELS = requestRows['2021'][0]!.columns.map((c) => headerKey(c.label));
/** 三's header as text writes it: 法人或其他组织 over its five columns on the line below. */
const REQUEST_SHAPE: HeaderShape = {
  columns: new Set(REQUEST_LABELS),
  groups: new Map([['法人或其他组织', REQUEST_LABELS.slice(1, 6)]]),
};
/** The form column of 三 a grid column's labels name: its lowest label, one of the form's. */
const requestColumn = (labels: string[]): number | null => {
  const j = REQUEST_LABELS.indexOf(labels.at(-1)!);
  return j < 0 ? null : j;
};

const REVIEW_N = reviewRows.length * reviewColumns.length;

/**
 * The cell of 四 a grid column's labels name (block × 5 + result): one block label above it
 * (行政复议, 未经复议直接起诉 or 复议后起诉) and a result column (结果维持 … 总计) as its lowest.
 */
const reviewColumn = (labels: string[]): number | null => {
  const blocks = new Set(labels.filter((l) => (REVIEW_BLOCKS as readonly string[]).includes(l)));
  const result = REVIEW_RESULTS.indexOf(labels.at(-1)!);
  if (blocks.size !== 1 || result < 0) return null;
  return (REVIEW_BLOCKS as readonly string[]).indexOf([...blocks][0]!) * 5 + result;
};

/** Section 四: one row of 15 numbers (three blocks of five) after the header words. */
/**
 * The empty pieces (the closing `|`'s included) that the delimited lines of `lines` (another
 * table's: 三's) end with, where three in four agree (rows.ts, consistentNoise); else null.
 */
/**
 * How 三's layout text counts a CJK character, where its full rows show it (layout-cells.ts
 * valueColumns): `true` two columns, `false` one (pdftotext), null not shown or not one way.
 */
export function layoutCount(lines: Line[]): boolean | null {
  const counts = new Set([...valueColumns(lines, REQUEST_LABELS.length).values()].map((g) => g.wide));
  return counts.size === 1 ? [...counts][0]! : null;
}

export function rowPadding(lines: Line[]): number | null {
  return consistentNoise(trailingEmpties(tokenize(lines)), [], -1);
}

/**
 * Section 四's one row of fifteen values. `padding`: what the document's other table rows end
 * with (rowPadding of 三's), asked only for a row that may hold a row number.
 */
export function readReview(
  lines: Line[],
  year: number | null = null,
  padding: () => number | null = () => null,
  counted: () => boolean | null = () => null,
): TableRead | null {
  const toks = withoutRepeatedValues(withoutIndexLines(promoteCellText(tokenize(lines))));
  const firstVal = toks.findIndex((t) => t.t === 'val');
  if (firstVal < 0) return emptyReview(toks);
  let start = firstVal;
  while (start > 0 && toks[start - 1]!.t !== 'text') start--;
  // The rest of the header's own line ("总计 |") holds no cells.
  const headerLine = start > 0 ? toks[start - 1]!.line : -1;
  while (start < firstVal && toks[start]!.line === headerLine) start++;
  let end = firstVal;
  while (end < toks.length && (toks[end]!.t !== 'text' || textCellAmongValues(toks, end, toks[firstVal]!.line))) end++;
  // Rows for several years (a 年度 column: 2023年 | …, 2024年 | …; 上年 and 本年): only the row of
  // the report's own year is this report's, and only when its label says so.
  const years = yearRows(toks, start, end);
  // One row whose label names another period than the report's year (累计, 2008年以来, 2022年数据,
  // 二〇二二年, 2021-2023年: a fresh tester's t101, read as the year's own): not the report's.
  const label = years ? null : labelBefore(toks, start);
  if (label && namesOtherPeriod(label, year)) return yearRowsUnproven(toks, [{ label, start, end }], year);
  if (years) {
    const own = years.filter((r) => isOwnYear(r.label, year));
    if (own.length !== 1) return yearRowsUnproven(toks, years, year);
    start = own[0]!.start;
    end = own[0]!.end;
  }
  // Section 四 as three rows of five, each labelled with its block (review-rows.ts).
  const blockRows = years ? null : reviewBlockRows(toks);
  if (blockRows) return readReviewBlockRows(blockRows);
  // Section 四 printed as several tables, each under a header of its own naming its block(s).
  const parts = years ? null : reviewParts(toks);
  if (parts) return readReviewParts(toks, parts);
  // Another line of values after the row (a 同比增减 row above 件数, a last year's row without a
  // year label): which of them is the report's, nothing proves.
  const another = years ? null : (laterValueLine(toks, end) ?? laterValueRun(toks, start, end));
  if (another !== null) return otherRowsReview(toks, start, end, another);
  const region = toks.slice(start, end);
  const vals = region.filter((t): t is ValTok => t.t === 'val');
  const valLines = new Set(vals.map((v) => v.line));
  let rc: RowCells;
  // A drawn header naming a column the form does not have (a 合计 after the fifteen): placed by it.
  const drawn = columnsByHeader(headerGrid(toks.slice(0, firstVal)), REVIEW_N, reviewColumn);
  // Or one rebuilt from `|`, tab or comma-separated text: the row's pieces placed by position,
  // when it has them all (columns.ts); else read as before.
  const rebuilt = drawn ? null : columnsByPosition(toks.slice(0, firstVal), REVIEW_SHAPE, REVIEW_N, reviewColumn);
  // The row has no label: its pieces before the columns are those the header's lines have before
  // theirs (`lead`, the same in every line), each empty.
  const valLine = toks.filter((t) => t.line === vals[0]!.line);
  const lead = rebuilt?.positional?.lead ?? -1;
  const placed =
    rebuilt && valLines.size === 1 && lead >= 0
      ? byPosition(
          lead - 1,
          valLine.filter((t) => t.t !== 'empty' || t.piece === undefined || t.piece >= lead),
          rebuilt,
        )
      : null;
  // One row of `|`, tab or comma text with empty pieces at its end: padding or a column blank,
  // not shown (a fresh tester's t60: fourteen values and `,` for fifteen, a cell lost in the middle).
  const padEnd =
    Array.isArray(placed) && textDelimitedLine(toks, vals[0]!.line) && emptyEnd(placed, rebuilt!.positional!.width) > 0;
  const byHeader = drawn ?? (Array.isArray(placed) && !padEnd ? rebuilt : null);
  // The header set out by position and the one row short of a value or more, each value under
  // its own label (review-columns.ts): a gap under a label is a blank cell, not a lost one.
  const placedHeader = lines.filter((l) => l.no < vals[0]!.no).map(placedText);
  const placedValues = placedText(lines.find((l) => l.no === vals[0]!.no) ?? { text: '', raw: '' });
  const underLabels =
    !byHeader && valLines.size === 1 && vals.length < REVIEW_N
      ? reviewColumnsByLabels(placedHeader, placedValues, counted())
      : null;
  const byLabels = underLabels && underLabels.filter((i) => i !== null).length === vals.length ? underLabels : null;
  let numberBeforePadding = false;
  if (byHeader)
    rc =
      valLines.size === 1
        ? cellsByHeader(Array.isArray(placed) ? placed : toks.filter((t) => t.line === vals[0]!.line), byHeader)
        : { kind: 'unknown', reason: `values on ${valLines.size} lines under a header of its own columns`, vals };
  else if (valLines.size === 1 && region.some((t) => t.t === 'eol' && t.delimited && t.line === vals[0]!.line)) {
    const own = region.filter((t) => t.line === vals[0]!.line);
    const noise = consistentNoise(trailingEmpties(toks), [], vals[0]!.line);
    const eol = own.find((t) => t.t === 'eol');
    const commas =
      eol?.t === 'eol' && eol.digitCommas ? digitCommaProblem(cellSlots(own), REVIEW_N, noise, eol.digitCommas) : null;
    // A number drawn over several columns (colspan, gridSpan) belongs to no proven one of them.
    const spans = own.some((t) => (t.t === 'empty' && t.spanned) || (t.t === 'val' && (t.spansRows || t.above)));
    rc = commas
      ? { kind: 'unknown', reason: commas, vals }
      : spans
        ? spannedRow(own, REVIEW_N, noise, false, false)
        : // A `|` text line's empty pieces at its end prove no blank cell (a scrape adds `| |`
          // at random, its header lines' too): a row short of a value is read by the arithmetic
          // with that reading among the others, as 二's and 三's rows are (a fresh
          // 100,000-report corpus: a value lost and `| ||` after the row, the rest a column off).
          // Not a PDF's ruled row (`voidEnd`): its last empty cell is one of its grid.
          fromSlots(
            cellSlots(own),
            REVIEW_N,
            noise,
            eol?.t === 'eol' && eol.padded === true && !eol.voidEnd,
            false,
            undefined,
            null,
            false,
            eol?.t === 'eol' && eol.delimited && !eol.grid,
          );
    const slots = cellSlots(own);
    let trail = 0;
    while (trail < slots.length && slots[slots.length - 1 - trail] === null) trail++;
    const first = slots.find((x) => x !== null);
    // Any empty piece after the values but a `|` line's closing one may be a blank cell: the
    // table's other lines are its header's, whose padding proves nothing of its one row's (a
    // scrape adds `| |` at random: `| ||` after both header lines and `|  | |` after a row
    // number, fifteen cells and a blank 总计, synthetic seed 2026 at 100,000 reports; and
    // `| 1 | 0 | 0 | 无 | … | 0 |  |` under header lines ending with 14 and 9 empty pieces).
    // Only a padding 三's rows all end with and 四's header lines too shows the flattening's own
    // (a one-line dump's rows end as its scrape wrote them: `|0|0件| |` in 三, `…|0|0||` after 四's
    // row number and a blank 总计, its header lines `|` and `|||`).
    if (/^[1-9]\d*$/.test(first?.text ?? '') && trail - (paddedLine(toks, vals[0]!.line) ? 1 : 0) > 0) {
      const pad = noise === null ? null : padding();
      numberBeforePadding = pad === null || pad !== noise || trail > pad;
    }
  } else if (byLabels) {
    rc = { kind: 'cells', by: 'lines', cells: byLabels.map((i) => (i === null ? null : vals[i]!)) };
  } else {
    // An empty line at the edge of the values is a blank cell only where one between two values
    // shows that empty lines are cells (rows.ts, edgeSeparators).
    rc = fromLines(region, REVIEW_N, isDense(toks), interiorEmptyLine(region) ? 'cells' : 'separators');
    // Its values on several lines of several values, parted elsewhere than between blocks: a
    // PDF's row whose cells wrap differently (a unit 件 pushed to a second line, the numbers of
    // those cells set higher) comes out as a line of those cells' numbers above the others' (a
    // fresh tester's t55: `27 325 325 25` over `0 2 4件 21 …`, 15 cells published in that order,
    // all wrong). A plain line wrapped at its end reads the same: which order is the row's is
    // not known.
    // Parted between blocks it is no better: cells of two lines set their numbers on the upper
    // line, the others' half a line lower (a fresh tester's t99: `284 170 200 114 325` over ten,
    // each under its own column in an unruled PDF and a w3m dump, published as 行政复议's).
    const perLine = [...valLines].map((l) => vals.filter((v) => v.line === l).length);
    if (rc.kind === 'cells' && perLine.filter((c) => c > 1).length >= 2)
      rc = {
        kind: 'unknown',
        reason: `${vals.length} values on ${valLines.size} lines of ${perLine.join(', ')}: the lines may be a row's cells set at different heights, in another order than the columns'`,
        vals,
      };
    // One value a line: its count proves it only where its blocks' sums hold (read.ts, rowSumFails).
    const stray =
      rc.kind === 'cells' && rc.by === 'lines' && oneValueALine(rc.cells) && blanksUnshown(region)
        ? rowSumFails(
            Array.from(
              { length: REVIEW_N },
              (_, j) => `${reviewRows[Math.floor(j / 5)]!.key}.${reviewColumns[j % 5]!.key}`,
            ),
            rc.cells,
            Array<ValueKind>(REVIEW_N).fill('count'),
            rulesOf(reviewIdentities, 'review').rules,
            null,
          )
        : null;
    if (stray) rc = { kind: 'unknown', reason: stray, vals };
  }
  // A bare number beside a page break among its values: the page's number or a cell (read.ts).
  const edge = pageEdge(rc);
  if (edge) rc = { kind: 'unknown', reason: edge, vals };
  // A header naming the five result columns and one besides (a 合计 after the fifteen), its
  // pieces not over the row's: the row is not read by its count (columns.ts).
  const extra = byHeader
    ? null
    : extraColumnNamed(
        textCells(toks.slice(0, firstVal)).filter((t) => !/^[四4][、.．]/.test(t.text)),
        REVIEW_RESULTS,
      );
  if (extra) rc = notByCount(rc, namedWider(extra));
  // Its one row showing a column or a few more than the fifteen (a 合计 the header does not
  // name, a blank cell's empty piece between its values): not read by its count (columns.ts).
  const wide = byHeader
    ? null
    : widerRows([
        {
          n: REVIEW_N,
          group: '',
          plain: false,
          shown: Math.max(
            rc.kind === 'unknown' ? rc.vals.length : 0,
            valLines.size === 1 ? rowExtent(region.filter((t) => t.line === vals[0]!.line)).span : 0,
          ),
        },
      ])[0];
  if (wide) rc = notByCount(rc, wide);
  // Its fifteen values a column off by a number before or after them (a row number) and a blank
  // not shown (a blank 总计 "total"): its blocks' sums tell, where they can (shift.ts).
  // Where a blank may go unseen (shift.ts): anywhere in space-separated text and one value a
  // line; at the row's edges in delimited text and drawn tables (an empty last cell reads as the
  // row's padding), or anywhere where the other reading mends a block's sum.
  const keys = Array.from(
    { length: REVIEW_N },
    (_, j) => `${reviewRows[Math.floor(j / 5)]!.key}.${reviewColumns[j % 5]!.key}`,
  );
  const reviewRules = rulesOf(reviewIdentities, 'review').rules;
  const numbers =
    rc.kind === 'cells' && !rc.spanned?.size
      ? cellNumbers(rc.cells, Array<ValueKind>(REVIEW_N).fill('count'), null)
      : null;
  const shifted = numbers
    ? (shiftedReading(numbers, keys, reviewRules, {
        extra: 'edges',
        lost: rc.kind === 'cells' && rc.by === 'lines' && blanksUnshown(region) ? 'anywhere' : 'edges',
        mend: false,
      }) ?? shiftedReading(numbers, keys, reviewRules, { extra: 'edges', lost: 'anywhere', mend: true }))
    : null;
  // A PDF's ruled row ending in an empty cell that may be the void beside a row drawn a cell
  // short (`voidEnd`): its blocks' sums tell, where they can (a fresh tester's t27: 14 cells
  // for 15 with 行政复议's 总计 lost, every later value published a column left).
  const voidEnd = !shifted && numbers && region.some((t) => t.t === 'eol' && t.voidEnd && t.line === vals[0]!.line);
  const voided = voidEnd ? voidEndReading(numbers, keys, reviewRules) : null;
  // Two cells glued and a rule read as a 1 (OCR): the blocks' sums tell (shift.ts, gluedReading).
  const glued =
    !shifted && !voided && numbers && rc.kind === 'cells'
      ? gluedReading(
          rc.cells.map((c) => c?.text ?? null),
          numbers,
          keys,
          reviewRules,
          new Map(),
        )
      : null;
  if (shifted ?? voided ?? glued) rc = { kind: 'unknown', reason: (shifted ?? voided ?? glued)!, vals };
  // A whole number first and empty cells after the values, which the count took for padding: a row number with blank last cells, or a value
  // with padding. Only the blocks' sums, all holding, tell (synthetic seed 23: the tab row
  // `1 0 / _ 0 _ 0 0 _ … 0 _`, its blanks leaving no sum, was read a column off).
  else if (rc.kind === 'cells' && numbers && numberBeforePadding && !sumsHold(numbers, keys, reviewRules))
    rc = {
      kind: 'unknown',
      reason: `a number before the row's values and empty cells after them, and blocks whose sums cannot be checked: a row number and blank last cells, or a value and the line's padding, is not proven`,
      vals,
    };
  const headerNo =
    toks
      .slice(0, firstVal)
      .reverse()
      .find((t): t is Extract<Tok, { t: 'text' }> => t.t === 'text')?.no ?? vals[0]!.no;
  const em = new TableEmitter(templateOf('review', null));
  const at = (j: number): CellAddress => ({
    table: 'review',
    row: reviewRows[Math.floor(j / 5)]!.key,
    col: reviewColumns[j % 5]!.key,
  });
  const cells = Array.from({ length: REVIEW_N }, (_, j) => at(j));
  // The header words before the first value, without the section's own heading (which names
  // 行政复议 and 行政诉讼 in its own order).
  const header = toks
    .slice(0, firstVal)
    .filter((t): t is Extract<Tok, { t: 'text' }> => t.t === 'text' && !/^[四4][、.．]/.test(t.text))
    .map((t) => t.text)
    .join('')
    .replace(/[\s|]/g, '');
  // The header's blocks or result columns in another order, or a label the form does not have in
  // place of one of its own (header.ts, headerLabelProblem): no value is placed by its count —
  // but for a header whose other places name the form's own columns: those are read, by a row of
  // exactly the fifteen cells, and only the columns it does not name are NULL.
  // Every column named over its own value (header.ts reviewBlocksProven, or placed under its
  // label: byLabels): the readings of the labels in text order, which a header mixing one-line
  // and broken labels misleads, are not evidence against it.
  const proven = byLabels !== null || reviewBlocksProven(placedHeader, placedValues, counted());
  const labelProblem = headerLabelProblem(
    headerRowsOf(toks.slice(0, firstVal).filter((t) => t.t !== 'text' || !/^[四4][、.．]/.test(t.text))),
    REVIEW_FORM_ROWS,
    { extra: isExtraColumn, perLine: REVIEW_LINE_ROWS },
  );
  const unnamed =
    labelProblem && !proven
      ? unnamedColumns(labelProblem, (p) => REVIEW_PLACES.get(p.form)?.[p.place]?.map(String) ?? null)
      : null;
  const headerLineTexts = [
    ...toks
      .slice(0, firstVal)
      .filter((t): t is Extract<Tok, { t: 'text' }> => t.t === 'text' && !/^[四4][、.．]/.test(t.text))
      .reduce((m, t) => m.set(t.line, `${m.get(t.line) ?? ''} ${t.text}`), new Map<number, string>())
      .values(),
  ];
  const order = proven
    ? null
    : (columnOrderProblem(header, REVIEW_COLUMNS) ??
      wrappedOrderProblem(headerLineTexts, REVIEW_PIECES, true, REVIEW_PIECE_LABELS) ??
      reviewBlocksProblem(placedHeader, placedValues, counted()) ??
      reviewBlockOrderProblem(header) ??
      suitLabelsProblem(header) ??
      (unnamed && rc.kind !== 'cells'
        ? `${unnamed.why}, and the row's cells are not one to one under the header's`
        : unnamed
          ? null
          : (labelProblem?.why ?? null)));
  const repeated = proven
    ? null
    : repeatedHeaderLabel(
        textCells(toks.slice(0, firstVal))
          .filter((t) => !/^[四4][、.．]/.test(t.text))
          // 行政诉讼（未经复议直接起诉） over one block, 行政诉讼（复议后起诉） over the other: each block's
          // own label, not 行政诉讼 twice (a fresh tester's t95: all 15 cells NULL).
          .map((t) => ({ ...t, text: t.text.replace(SUIT_QUALIFIED, '$1') })),
        REVIEW_HEADER_FORM,
        3,
        { first: '结果维持', last: '总计' },
      );
  if (repeated && !order) {
    const line = vals[0]?.no ?? headerNo;
    for (const a of cells) em.emit({ kind: 'unproven', at: a, line, raw: rawOf(vals), state: 'repeated_column' });
    em.note(
      'W_LABEL_REPEATED',
      `review.${reviewRows.map((r) => r.key).join('/')}: ${repeatedWhy(repeated)}; ${REVIEW_N} cell(s) left NULL`,
      line,
      cells[0],
    );
  } else if (order) {
    const line = vals[0]?.no ?? headerNo;
    for (const a of cells) em.emit({ kind: 'unproven', at: a, line, raw: rawOf(vals), state: 'ambiguous' });
    em.note(
      'W_CELLS_AMBIGUOUS',
      `review.${reviewRows.map((r) => r.key).join('/')}: ${order}; ${REVIEW_N} cell(s) left NULL`,
      line,
      cells[0],
    );
  } else if (rc.kind === 'cells') {
    const spanned = rc.spanned;
    rc.cells.forEach((slot, j) => {
      if (spanned?.has(j))
        em.emit({ kind: 'unproven', at: at(j), line: slot?.no ?? headerNo, raw: slot?.raw ?? '', state: 'ambiguous' });
      else if (unnamed?.cols.has(String(j)))
        em.emit({
          kind: 'unproven',
          at: at(j),
          line: slot?.no ?? headerNo,
          raw: slot?.raw ?? '',
          state: 'unnamed_column',
        });
      else if (slot)
        em.emit({
          kind: 'read',
          at: at(j),
          evidence: { tok: slot, start: 0, length: slot.text.length },
          placement: { by: 'block', index: j },
        });
      else em.emit({ kind: 'blank', at: at(j), line: headerNo, placement: { by: 'block', index: j } });
    });
    if (spanned?.size)
      em.note(
        'W_CELLS_AMBIGUOUS',
        `review: a number spans several cells (colspan) — which of them it belongs to is not known; ${spanned.size} cell(s) left NULL`,
        vals[0]?.no ?? headerNo,
        at(Math.min(...spanned)),
      );
    if (unnamed) {
      const off = [...unnamed.cols].map(Number).sort((x, y) => x - y);
      em.note(
        'W_CELLS_AMBIGUOUS',
        `review: ${unnamed.why}: the header does not name ${off.map((j) => `${at(j).row}.${at(j).col}`).join(', ')} at its place; ${off.length} cell(s) left NULL, the other columns read by the header's labels`,
        vals[0]?.no ?? headerNo,
        at(off[0]!),
      );
    }
  } else if (rc.kind === 'short') {
    resolveShort(
      em,
      [
        {
          cells,
          kinds: cells.map(() => 'count'),
          slots: rc.slots,
          vals: rc.vals,
          line: rc.vals[0]?.no ?? headerNo,
          blankTail: rc.blankTail ?? 0,
          // Values written apart (read.ts): a blank lost for each cell missing is a reading too.
          separated: rc.vals.length >= 2 && !rc.vals.some((v) => v.glued),
        },
      ],
      new Map(),
      reviewIdentities,
    );
  } else {
    const raw = rawOf(rc.vals);
    const line = rc.vals[0]?.no ?? headerNo;
    for (const a of cells) em.emit({ kind: 'unproven', at: a, line, raw, state: 'ambiguous' });
    em.note(
      'W_CELLS_AMBIGUOUS',
      `review.${reviewRows.map((r) => r.key).join('/')}: ${rc.reason}; ${REVIEW_N} cell(s) left NULL`,
      line,
      cells[0],
    );
  }
  return { cells: em.finish(), found: reviewRows.map((r) => r.key), missing: [], notes: em.notes };
}

/** 四's blocks as its header names them, in the form's order (行政诉讼 names two: no block of its own). */
const REVIEW_BLOCKS = ['行政复议', '未经复议直接起诉', '复议后起诉'] as const;
/** The five result columns of each block, in the form's order. */
const REVIEW_RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** 四's header rows as the form prints them, or a flattening of it (header.ts, headerFormProblem). */
const REVIEW_FORM_ROWS = [
  formRow('^行政复议', '^行政诉讼'),
  formRow('^未经复议直接起诉', '^复议后起诉'),
  formRow(...REVIEW_RESULTS),
  formRow(...REVIEW_RESULTS, ...REVIEW_RESULTS),
  formRow(...REVIEW_RESULTS, ...REVIEW_RESULTS, ...REVIEW_RESULTS),
  formRow(...REVIEW_RESULTS, '^未经复议直接起诉', '^复议后起诉'),
];
/** 四's header one cell per line: the merged cells' reading order. */
const REVIEW_LINE_ROWS: FormRow[] = [
  formRow(
    '^行政复议',
    '^行政诉讼',
    ...REVIEW_RESULTS,
    '^未经复议直接起诉',
    '^复议后起诉',
    ...REVIEW_RESULTS,
    ...REVIEW_RESULTS,
  ),
];

/**
 * The cells of 四 (block × 5 + result) each place of its header rows may be over: a row of five
 * result labels alone may be any block's, so a place of it is that result column in every block;
 * a row of ten, two blocks side by side (the suits' in the form; taken as either pair); a group's
 * place (行政复议) none. Fifteen, or five before the suits' groups: the form's own places.
 */
const REVIEW_PLACES = new Map<FormRow, number[][]>(
  [...REVIEW_FORM_ROWS, ...REVIEW_LINE_ROWS].map((f) => {
    const results = f.filter((p) => !p.group).length;
    let k = 0;
    return [
      f,
      f.map((p) => {
        if (p.group) return [];
        const r = REVIEW_RESULTS.indexOf(p.label);
        if (results === 5 && f.length === 5) return [r, r + 5, r + 10];
        const at = k++;
        return results === 10 ? [at, at + 5] : [at];
      }),
    ];
  }),
);

/** 四's header as text writes it: each block's label over its five results, 行政诉讼 over its two blocks. */
const REVIEW_SHAPE: HeaderShape = {
  columns: new Set(REVIEW_RESULTS),
  groups: new Map<string, readonly string[]>([
    ['行政复议', REVIEW_RESULTS],
    ['行政诉讼', ['未经复议直接起诉', '复议后起诉']],
    ['未经复议直接起诉', REVIEW_RESULTS],
    ['复议后起诉', REVIEW_RESULTS],
  ]),
};

/** One table of a section 四 printed as several: its header's label cells and its line of values. */
interface ReviewPart {
  header: Array<Extract<Tok, { t: 'text' }>>;
  /** The tokens of its line of values (empty cells and the line's end included). */
  line: Tok[];
}

/**
 * Section 四 printed as several tables (行政复议 on one page, 行政诉讼 with 未经复议直接起诉 and
 * 复议后起诉 on the next), each a header of 四's own labels and one line of values under it. Null
 * when the section is not so: fewer than two such tables, a first one naming every block (the
 * form's one table), a line of values with no header of its own (rows by year, one cell per
 * line), or text and values on one line. Text that is no label of 四 before the first table
 * (the heading, a caption) is passed over; after it, such text ends the tables.
 */
function reviewParts(toks: Tok[]): ReviewPart[] | null {
  const parts: ReviewPart[] = [];
  let header: ReviewPart['header'] = [];
  for (let i = 0; i < toks.length;) {
    const line = toks[i]!.line;
    let end = i;
    while (end < toks.length && toks[end]!.line === line) end++;
    const own = toks.slice(i, end);
    i = end;
    const texts = textCells(own);
    const hasVals = own.some((t) => t.t === 'val');
    if (texts.length && hasVals) {
      if (parts.length) break;
      return null;
    }
    if (hasVals) {
      if (!header.length) return null;
      parts.push({ header, line: own });
      header = [];
      continue;
    }
    for (const t of texts) {
      if (labelsOf(headerKey(t.text), REVIEW_HEADER_FORM).length) header.push(t);
      else if (/^[（(]?续表[）)]?$/.test(t.text.replace(/\s+/g, ''))) continue;
      else if (parts.length) return parts.length >= 2 && !namesEveryBlock(parts[0]!) ? parts : null;
    }
  }
  return parts.length >= 2 && !namesEveryBlock(parts[0]!) ? parts : null;
}

/** The labels of a part's header, in order. */
const partLabels = (p: ReviewPart) => p.header.flatMap((t) => labelsOf(headerKey(t.text), REVIEW_HEADER_FORM));
const namesEveryBlock = (p: ReviewPart) => REVIEW_BLOCKS.every((b) => partLabels(p).includes(b));

/**
 * The blocks (0 行政复议, 1 未经复议直接起诉, 2 复议后起诉) a part's values are, or why they are not
 * proven: its header names each of its blocks once, in the form's order, and under them the five
 * result columns in the form's order once per block; its line holds exactly five cells a block.
 */
function partBlocks(
  p: ReviewPart,
  trails: Map<number, number>,
): { blocks: number[]; cells: Slot[] } | { blocks: number[]; why: string } {
  const labels = partLabels(p);
  const blocks = labels.map((l) => REVIEW_BLOCKS.indexOf(l as (typeof REVIEW_BLOCKS)[number])).filter((b) => b >= 0);
  const results = labels.filter((l) => REVIEW_RESULTS.includes(l));
  const named = labels.join(' | ');
  if (!blocks.length) return { blocks, why: `a table of section 四 whose header (${named}) names none of its blocks` };
  if (blocks.some((b, k) => k > 0 && b <= blocks[k - 1]!))
    return {
      blocks: [...new Set(blocks)],
      why: `its header names the blocks ${named} out of the form's order, or one twice`,
    };
  if (labels.includes('行政诉讼') && !blocks.some((b) => b > 0))
    return { blocks, why: `its header names 行政诉讼 but neither 未经复议直接起诉 nor 复议后起诉` };
  const want = blocks.flatMap(() => REVIEW_RESULTS);
  if (results.length !== want.length || results.some((r, k) => r !== want[k]))
    return {
      blocks,
      why: `its header's result columns (${results.join(', ')}) are not 结果维持 … 总计 once for each of its ${blocks.length} block(s)`,
    };
  const n = blocks.length * 5;
  const eol = p.line.find((t) => t.t === 'eol');
  const delimited = eol?.t === 'eol' && eol.delimited;
  const slots = cellSlots(p.line);
  const rc = delimited
    ? fromSlots(slots, n, consistentNoise(trails, [], p.line[0]!.line), eol.padded === true)
    : slots.every((x) => x !== null) && slots.length === n
      ? ({ kind: 'cells', cells: slots, by: 'delimited' } as const)
      : null;
  if (rc?.kind !== 'cells')
    return { blocks, why: `${slots.filter((x) => x).length} values under a header of ${n} columns` };
  return { blocks, cells: rc.cells };
}

/**
 * Section 四 read table by table (reviewParts): a block's five values are the ones under the
 * header that names it, when exactly one table names it and that table's values are proven
 * (partBlocks). Every other block's cells are NULL (ambiguous), with a note saying why.
 */
function readReviewParts(toks: Tok[], parts: ReviewPart[]): TableRead {
  const em = new TableEmitter(templateOf('review', null));
  const trails = trailingEmpties(toks);
  const read = parts.map((p) => partBlocks(p, trails));
  reviewRows.forEach((row, b) => {
    const owners = read.flatMap((r, k) => (r.blocks.includes(b) ? [k] : []));
    const at = (j: number): CellAddress => ({ table: 'review', row: row.key, col: reviewColumns[j]!.key });
    const own = owners.length === 1 ? read[owners[0]!]! : null;
    if (own && 'cells' in own) {
      const first = own.blocks.indexOf(b) * 5;
      const no = parts[owners[0]!]!.line[0]!.no;
      for (let j = 0; j < 5; j++) {
        const slot = own.cells[first + j];
        if (slot)
          em.emit({
            kind: 'read',
            at: at(j),
            evidence: { tok: slot, start: 0, length: slot.text.length },
            placement: { by: 'block', index: b * 5 + j },
          });
        else em.emit({ kind: 'blank', at: at(j), line: no, placement: { by: 'block', index: b * 5 + j } });
      }
      return;
    }
    const part = owners.length ? parts[owners[0]!]! : parts[0]!;
    const vals = part.line.filter((t): t is ValTok => t.t === 'val');
    const line = vals[0]?.no ?? part.line[0]!.no;
    for (let j = 0; j < 5; j++) em.emit({ kind: 'unproven', at: at(j), line, raw: rawOf(vals), state: 'ambiguous' });
    const why = !owners.length
      ? `section 四 is printed as ${parts.length} tables and none names the block ${REVIEW_BLOCKS[b]}`
      : owners.length > 1
        ? `section 四 is printed as ${parts.length} tables and ${owners.length} of them name the block ${REVIEW_BLOCKS[b]}`
        : `section 四 is printed as ${parts.length} tables, and the one naming ${REVIEW_BLOCKS[b]} is not read: ${(own as { why: string }).why}`;
    em.note('W_CELLS_AMBIGUOUS', `review.${row.key}: ${why}; 5 cell(s) left NULL`, line, at(0));
  });
  return { cells: em.finish(), found: reviewRows.map((r) => r.key), missing: [], notes: em.notes };
}

/** Section 四's table header names its columns (the section's own heading aside). */
const REVIEW_HEADER = ['行政复议', '行政诉讼', '结果维持', '总计'];
/**
 * A header naming a column the form does not have (小计, 法人或其他组织's subtotal) and no 总计 (nor
 * 合计, its synonym): the last value of a row is that column's, not the total (a fresh tester's
 * t98: 自然人 | 商业企业 … 其他 | 小计, the 小计 published as 总计 in 146 cells). The total column is
 * left NULL, the others read.
 */
function subtotalForTotal(cells: ReadonlyArray<{ text: string }>): { cols: Set<string>; why: string } | null {
  const keys = headerKeys(cells);
  if (keys.has('总计') || keys.has('合计') || !keys.has('自然人')) return null;
  const extra = [...keys].find((k) => isExtraColumn(k) && k !== '合计');
  return extra
    ? {
        cols: new Set(['total']),
        why: `the header names ${extra} and no 总计: the last column's values are not the total`,
      }
    : null;
}

/** 行政诉讼 with its block in brackets: 行政诉讼（未经复议直接起诉）, 行政诉讼(复议后起诉). */
const SUIT_QUALIFIED = /行政诉讼\s*[（(]\s*(未经复议直接起诉|复议后起诉)\s*[)）]/g;

/**
 * Section 四 with its table but no value at all: a row of cells all present and empty, as 二 and
 * 三 read a row whose cells are all empty (blank, NULL with the blank reason; the table found).
 * The row is the first line after the header whose every piece is an empty cell of a delimited
 * row (`|`, tab, HTML), or one such line per cell (one cell per line). Its fifteen cells are
 * blank only when the count is proven — fifteen cells in the line (less its closing pieces, as
 * the other lines of the section show them: `fromSlots`), or fifteen lines — and `ambiguous`
 * otherwise (the table was found but not read, as for 三). Null when the section has no such
 * header, or no empty cell after it (nothing shows a table: blank lines, or spaces, are no cells).
 * The columns' order does not matter: every cell is empty.
 */
function emptyReview(toks: Tok[]): TableRead | null {
  let header = '';
  let at = -1;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.t === 'text') {
      if (at >= 0) break;
      if (!/^[四4][、.．]/.test(t.text)) header += t.text.replace(/[\s|]/g, '');
    } else if (t.t === 'empty' && at < 0 && REVIEW_HEADER.every((w) => header.includes(w)) && emptyLine(toks, i))
      at = i;
  }
  if (at < 0) return null;
  // The run of lines of empty cells from `at`.
  const rows: Array<{ line: number; no: number; toks: Tok[] }> = [];
  for (let i = at; i < toks.length;) {
    const line = toks[i]!.line;
    if (!emptyLine(toks, i)) break;
    const own: Tok[] = [];
    while (i < toks.length && toks[i]!.line === line) own.push(toks[i++]!);
    rows.push({ line, no: own[0]!.no, toks: own });
  }
  const em = new TableEmitter(templateOf('review', null));
  const cells = Array.from({ length: REVIEW_N }, (_, j): CellAddress => ({
    table: 'review',
    row: reviewRows[Math.floor(j / 5)]!.key,
    col: reviewColumns[j % 5]!.key,
  }));
  const first = rows[0]!;
  let reason: string | null = null;
  if (rows.length === 1) {
    const rc = fromSlots(cellSlots(first.toks), REVIEW_N, consistentNoise(trailingEmpties(toks), [], first.line));
    if (rc.kind === 'cells')
      cells.forEach((a, j) =>
        em.emit({ kind: 'blank', at: a, line: first.no, placement: { by: 'delimited', index: j } }),
      );
    else
      reason =
        rc.kind === 'unknown' ? rc.reason : `${cellSlots(first.toks).length} empty cells for ${REVIEW_N} columns`;
  } else {
    // One cell per line (`0 |`, ` |`): every line the same pieces, at most the cell and its closing one.
    const pieces = rows[0]!.toks.filter((t) => t.t === 'empty').length;
    const oneEach = pieces <= 2 && rows.every((r) => r.toks.filter((t) => t.t === 'empty').length === pieces);
    if (oneEach && rows.length === REVIEW_N)
      cells.forEach((a, j) =>
        em.emit({ kind: 'blank', at: a, line: rows[j]!.no, placement: { by: 'lines', index: j } }),
      );
    else reason = `${rows.length} lines of empty cells for ${REVIEW_N} cells`;
  }
  if (reason !== null) {
    for (const a of cells) em.emit({ kind: 'unproven', at: a, line: first.no, raw: '', state: 'ambiguous' });
    em.note(
      'W_CELLS_AMBIGUOUS',
      `review: every cell empty, but ${reason}; ${REVIEW_N} cell(s) left NULL`,
      first.no,
      cells[0],
    );
  }
  return { cells: em.finish(), found: reviewRows.map((r) => r.key), missing: [], notes: em.notes };
}

/** The line of token `i` holds empty cells of a delimited row and nothing else. */
function emptyLine(toks: Tok[], i: number): boolean {
  const line = toks[i]!.line;
  let start = i;
  while (start > 0 && toks[start - 1]!.line === line) start--;
  let empties = 0;
  for (let k = start; k < toks.length && toks[k]!.line === line; k++) {
    const t = toks[k]!;
    if (t.t === 'empty') empties++;
    else if (t.t !== 'eol' || !t.delimited) return false;
  }
  return empties > 0;
}

/** Words of section 四's header: a block label on the line of values is no cell. */
const REVIEW_WORDS = /复议|诉讼|维持|纠正|结果|审结|总计|合计|起诉|年/;

/**
 * A text piece between values on the delimited line of section 四's values (见附件 in one cell):
 * a cell that is no number, as text in a value position is in a row of 三 (cellSlots), so the
 * values after it stay on the line and every cell keeps its column; the cell itself is
 * unreadable. Not a header word of 四, and only with values after it on that line.
 */
function textCellAmongValues(toks: Tok[], i: number, line: number): boolean {
  const t = toks[i]!;
  if (t.t !== 'text' || t.line !== line || REVIEW_WORDS.test(t.text)) return false;
  let after = false;
  for (let k = i + 1; k < toks.length && toks[k]!.line === line; k++) {
    const u = toks[k]!;
    if (u.t === 'val') after = true;
    if (u.t === 'eol') return after && u.delimited;
  }
  return false;
}

/** A line numbering the columns: 栏次 (column number), 行次, 序号 and the like. */
const INDEX_LABEL = /^(?:栏次|栏号|列次|列号|行次|序号|编号)[:：]?$/;

/**
 * Section 四's tokens without the lines that number its columns: a 栏次 row (栏次 | 1 | 2 | … |
 * 15, as statistical forms print one between the header and the values) or a spreadsheet
 * export's column index (0 | 1 | … | 14 above the header, pandas' to_csv of read_html): a line
 * whose label says so, or whose five or more values are the whole numbers from 0 or 1 up, one
 * by one (no row of values is: each block's 总计 is the sum of the four before it). Such a line
 * read as the row would publish the column numbers.
 */
export function withoutIndexLines(toks: Tok[]): Tok[] {
  const byLine = new Map<number, Tok[]>();
  for (const t of toks) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  const drop = new Set<number>();
  for (const [line, ts] of byLine) {
    const vals = ts.filter((t) => t.t === 'val');
    if (!vals.length) continue;
    const label = ts
      .filter((t) => t.t === 'text')
      .map((t) => t.text.replace(/\s/g, ''))
      .join('');
    const counting =
      vals.length >= 5 &&
      vals.every((v, j) => /^\d+$/.test(v.text) && Number(v.text) === Number(vals[0]!.text) + j) &&
      (vals[0]!.text === '0' || vals[0]!.text === '1');
    if (INDEX_LABEL.test(label) || (counting && (label === '' || /次|号|列/.test(label)))) drop.add(line);
  }
  return drop.size ? toks.filter((t) => !drop.has(t.line)) : toks;
}

/** The first line after token `end` holding two values or more (another row of values), or null. */
function laterValueLine(toks: Tok[], end: number): number | null {
  const count = new Map<number, number>();
  for (let i = end; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.t !== 'val') continue;
    const n = (count.get(t.line) ?? 0) + 1;
    count.set(t.line, n);
    if (n === 2) return t.no;
  }
  return null;
}

/**
 * One value a line: the first value of a second run of a block's worth of values or more after
 * the row's fifteen (another whole table under a header of its own, last year's before or after
 * the report's: a fresh tester's t26, plain pdftotext, 111 cells of the first table published);
 * null when the row is not fifteen values one a line, or what follows is fewer (a page number).
 */
function laterValueRun(toks: Tok[], start: number, end: number): number | null {
  const vals = toks.slice(start, end).filter((t) => t.t === 'val');
  if (vals.length !== REVIEW_N || new Set(vals.map((t) => t.line)).size !== REVIEW_N) return null;
  const later = toks.slice(end).filter((t) => t.t === 'val');
  return later.length >= 5 ? later[0]!.no : null;
}

/**
 * 四's values printed twice over, the same texts in the same order (a page's row or table
 * duplicated by its editor or a crawler: a fresh tester's t104 lost all fifteen, the two copies
 * read as thirty values): the second copy's tokens left out, so the table reads as once. Only
 * when the second copy starts on a line of its own and its values are all the same as the
 * first's; copies that differ stay (which is the report's, nothing proves).
 */
function withoutRepeatedValues(toks: Tok[]): Tok[] {
  const vals: number[] = [];
  for (let i = 0; i < toks.length; i++) if (toks[i]!.t === 'val') vals.push(i);
  const half = vals.length / 2;
  if (half !== REVIEW_N) return toks;
  const a = vals.slice(0, half);
  const b = vals.slice(half);
  const text = (i: number) => (toks[i] as ValTok).text;
  if (toks[a.at(-1)!]!.line === toks[b[0]!]!.line || a.some((i, k) => text(i) !== text(b[k]!))) return toks;
  const drop = new Set(b.map((i) => toks[i]!.line));
  // The second copy's lines hold nothing but its values (and empty cells, line ends).
  if (toks.some((t) => drop.has(t.line) && t.t === 'text')) return toks;
  return toks.filter((t) => !drop.has(t.line));
}

/** 四 with more than one row of values and no year naming the report's: every cell NULL. */
function otherRowsReview(toks: Tok[], start: number, end: number, line: number): TableRead {
  const em = new TableEmitter(templateOf('review', null));
  const vals = toks.slice(start, end).filter((t): t is ValTok => t.t === 'val');
  const at0 = vals[0]?.no ?? line;
  const cells = Array.from({ length: REVIEW_N }, (_, j) => ({
    table: 'review' as const,
    row: reviewRows[Math.floor(j / 5)]!.key,
    col: reviewColumns[j % 5]!.key,
  }));
  for (const a of cells) em.emit({ kind: 'unproven', at: a, line: at0, raw: rawOf(vals), state: 'ambiguous' });
  em.note(
    'W_CELLS_AMBIGUOUS',
    `review.${reviewRows.map((r) => r.key).join('/')}: more values follow the first row's (from line ${line}: another row or table, a 同比增减 or last year's, or the report's own after it) and no label names the year of either — which is the report's is not proven; ${REVIEW_N} cell(s) left NULL`,
    at0,
    cells[0],
  );
  return { cells: em.finish(), found: reviewRows.map((r) => r.key), missing: [], notes: em.notes };
}

/** A row label naming the year a row of section 四 is for: 2023年, 2023年度, 本年, 上年. */
const YEAR_ROW = /^(?:(?:19|20)\d{2}\s*年度?|本年度?|今年|上一?年度?|去年|上年同期)$/;
const rowLabel = (t: Tok | undefined) => (t?.t === 'text' ? t.text.replace(/[|\s]/g, '') : '');

/**
 * Section 四's value rows when they are labelled by year (the first value row's label is a
 * year, 本年 or 上年): each label and the tokens of its values. Null when the first row has no
 * such label (the usual table: one row of values under the header).
 */
function yearRows(
  toks: Tok[],
  start: number,
  end: number,
): Array<{ label: string; start: number; end: number }> | null {
  // The label before the first value: on the values' line (2023年 | 6 | …) or a line of its own
  // above them (one cell per line): the text nearest before, past empty cells and line ends.
  const first = labelBefore(toks, start);
  if (!YEAR_ROW.test(first)) return null;
  const rows = [{ label: first, start, end }];
  let at = end;
  while (at < toks.length && YEAR_ROW.test(rowLabel(toks[at]))) {
    let e = at + 1;
    while (e < toks.length && toks[e]!.t !== 'text') e++;
    if (!toks.slice(at + 1, e).some((t) => t.t === 'val')) break;
    // A label on a line of its own (本年 |, one cell per line): the rest of that line holds no
    // cell, as the first row's header line holds none. Counted, the piece after its `|` was a
    // blank first cell, and the row's own blank last cell fell off: every value one column right.
    const line = toks[at]!.line;
    let s = at + 1;
    if (!toks.slice(at + 1, e).some((t) => t.t === 'val' && t.line === line))
      while (s < e && toks[s]!.line === line) s++;
    rows.push({ label: rowLabel(toks[at]), start: s, end: e });
    at = e;
  }
  return rows;
}

/** The text nearest before token `start`, past empty cells and line ends (a row's label), `|` and spaces removed. */
function labelBefore(toks: Tok[], start: number): string {
  let k = start - 1;
  while (k >= 0 && toks[k]!.t !== 'text') k--;
  return rowLabel(toks[k]);
}

function isOwnYear(label: string, year: number | null): boolean {
  if (/^(?:本年度?|今年)$/.test(label)) return true;
  const y = /^(\d{4})/.exec(label);
  return y !== null && year !== null && Number(y[1]) === year;
}

/** Every cell NULL: which row is the report's year is not proven. */
function yearRowsUnproven(
  toks: Tok[],
  rows: Array<{ label: string; start: number; end: number }>,
  year: number | null,
): TableRead {
  const em = new TableEmitter(templateOf('review', null));
  const vals = rows.flatMap((r) => toks.slice(r.start, r.end).filter((t): t is ValTok => t.t === 'val'));
  const line = vals[0]?.no ?? 0;
  const cells = Array.from({ length: REVIEW_N }, (_, j): CellAddress => ({
    table: 'review',
    row: reviewRows[Math.floor(j / 5)]!.key,
    col: reviewColumns[j % 5]!.key,
  }));
  for (const a of cells) em.emit({ kind: 'unproven', at: a, line, raw: rawOf(vals), state: 'ambiguous' });
  em.note(
    'W_CELLS_AMBIGUOUS',
    `review: rows for ${rows.map((r) => r.label).join(', ')}; none is proven to be the report's own year (${year ?? 'unknown'}); ${REVIEW_N} cell(s) left NULL`,
    line,
    cells[0],
  );
  return { cells: em.finish(), found: reviewRows.map((r) => r.key), missing: [], notes: em.notes };
}

/** Whether every rule over `keys` holds with each of its terms one of `values`, a number. */
function sumsHold(
  values: ReadonlyArray<number | null>,
  keys: readonly string[],
  rules: ReturnType<typeof rulesOf>['rules'],
): boolean {
  const at = new Map(keys.map((k, i) => [k, values[i]]));
  return rules.every((r) => {
    const vs = [...r.lhs, ...r.rhs].map((c) => at.get(c));
    if (vs.some((v) => typeof v !== 'number')) return false;
    const sum = (cs: string[]) => cs.reduce((a, c) => a + (at.get(c) as number), 0);
    return Math.abs(sum(r.lhs) - sum(r.rhs)) < 1e-9;
  });
}
