import type { RowDef } from '../template/definitions.ts';
import { isCellText } from './cell.ts';
import { cellsByHeader, misplaced, type HeaderColumns } from './columns.ts';
import { isHeaderLead } from './header.ts';
import { bareLabel, labelKey, labelUnit, type Tok } from './tokens.ts';
import { normalizeLine } from '../decode/normalize.ts';

/**
 * Finding a table's rows by their labels and reading the cells that follow each label.
 * A row's cells are the value tokens between its label and the next label (or the next line of
 * other text). When a row has as many values as columns they are taken in order; when it has
 * fewer, the flattening decides: exact cell positions from a delimited row, alignment from
 * blank lines, or — for digits glued together — the candidates `glue.ts` enumerates.
 */

export type ValTok = Extract<Tok, { t: 'val' }>;

export interface FoundRow {
  def: RowDef;
  /** Index of the label token. */
  at: number;
  no: number;
  /**
   * Why the label does not prove the row, when it does not: the same label heads another row
   * with values (a duplicated row: neither copy can be told to be the right one), or the label
   * text also names other rows (a page dump with every label in one token, whose values belong
   * to whichever label came last).
   */
  clash: string | null;
  /** The clash is a duplicated row (the same label heads two rows with different values). */
  repeated?: true;
}

export function locateRows(toks: Tok[], defs: RowDef[], exact: boolean): FoundRow[] {
  const found: FoundRow[] = [];
  // Each text token's label key and the rows it names (null for other tokens).
  const keys: Array<string | null> = [];
  const hits: Array<number[] | null> = [];
  for (const tok of toks) {
    const label = tok.t === 'text' ? labelOf(defs, tok.text, exact) : null;
    keys.push(label && label.key);
    hits.push(label && label.hit);
  }
  const hitsAt = (i: number) => hits[i]!;
  let cursor = 0;
  for (let d = 0; d < defs.length; d++) {
    const def = defs[d]!;
    for (let i = cursor; i < toks.length; i++) {
      const key = keys[i];
      if (key === null || key === undefined) continue;
      const tok = toks[i]!;
      const hit = hitsAt(i);
      if (hit.includes(d)) {
        // Rows before this one were looked for first; a later row's label in the same text
        // means the values after it are that row's.
        const others = hit.filter((x) => x > d).map((x) => defs[x]!);
        const clash = others.length ? `the label text also names ${others.map((o) => o.key).join(', ')}` : null;
        found.push({ def, at: i, no: tok.no, clash });
        cursor = i + 1;
        break;
      }
    }
  }
  if (!found.length) return found;
  if (!exact && found.length < defs.length) {
    placeOutOfOrder(toks, keys, defs, found);
    found.sort((a, b) => a.at - b.at);
  }
  // A label that heads a second row with values, anywhere in the table (before the first
  // row too: a copy may come first). Header words head no values, so they never count.
  // A copy whose cells are the same, number for number, is no clash: either copy gives the
  // same values.
  const labelAt = new Set(found.map((f) => f.at));
  for (let i = 0; i < toks.length; i++) {
    const key = keys[i];
    if (key === null || key === undefined || labelAt.has(i) || !headsValues(toks, i)) continue;
    const hit = hitsAt(i);
    for (const f of found) {
      if (f.clash || !hit.includes(defs.indexOf(f.def)) || sameCells(toks, f.at, i)) continue;
      f.clash = `the row label appears twice (lines ${Math.min(f.no, toks[i]!.no)} and ${Math.max(f.no, toks[i]!.no)})`;
      f.repeated = true;
    }
  }
  return found;
}

/**
 * Rows printed out of template order (二、上年结转 before 一、本年新收; 2.重复申请 after
 * 4.大量反复申请): the in-order pass misses a row whose label comes before the row found before
 * it. Such a row is found anywhere in the table by its own label only when that label is
 * proven: the one text token in the whole table that names the row and no other, that carries
 * the row's own item number (二、, （一）, 2.: header words such as 总计 never do) and heads
 * values. Fills `found` in place; the reader then takes each row's values up to the next label
 * in the text, whatever its row.
 */
function placeOutOfOrder(toks: Tok[], keys: Array<string | null>, defs: RowDef[], found: FoundRow[]): void {
  const used = new Set(found.map((f) => f.at));
  const have = new Set(found.map((f) => f.def));
  for (const def of defs) {
    if (have.has(def)) continue;
    const item = itemNumber(def.label);
    if (!item) continue;
    const named: number[] = [];
    for (let i = 0; i < toks.length; i++) {
      const key = keys[i];
      if (key === null || key === undefined || !def.match.test(key)) continue;
      named.push(i);
    }
    if (named.length !== 1) continue;
    const at = named[0]!;
    const key = keys[at]!;
    if (used.has(at) || !item.test(key) || !headsValues(toks, at)) continue;
    if (defs.some((d) => d !== def && d.match.test(key))) continue;
    found.push({ def, at, no: toks[at]!.no, clash: null });
    used.add(at);
  }
}

/**
 * The item number a template label ends its numbering with, as a pattern: 二、 in 二、上年结转…,
 * （一） in （一）予以公开, 2. in （五）2.重复申请 (either separator, 、 or .). Null for a label without one.
 */
function itemNumber(label: string): RegExp | null {
  const m =
    /^(?:（[一二三四五六七八九十]）)?(?:(\d{1,2})[.、]|([一二三四五六七八九十])、|（([一二三四五六七八九十])）)/.exec(
      label,
    );
  if (!m) return null;
  if (m[1]) return new RegExp(`(?<!\\d)${m[1]}[.、]`);
  if (m[2]) return new RegExp(`(?<![一二三四五六七八九十])${m[2]}[、.]`);
  return new RegExp(`\\(${m[3]}\\)`);
}

/**
 * Whether the labels at `a` and `b` are followed by the same cells: the same value texts, as
 * written, and the same empty cells, line ends and blank lines in the same order, up to the
 * next text. A text cell of the label's own delimited row (an unreadable `□`) is one of its
 * cells, not the end of them: copies that both begin with it were taken for the same without
 * a value compared (a fresh tester's t87: the first copy's values published where they differ).
 */
function sameCells(toks: Tok[], a: number, b: number): boolean {
  const cells = (at: number) => {
    const out: string[] = [];
    const line = toks[at]!.line;
    for (let i = at + 1; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.t === 'text') {
        if (t.line !== line || !delimitedLine(toks, i)) break;
        out.push(`t${t.text}`);
        continue;
      }
      out.push(t.t === 'val' ? `v${t.raw}` : t.t);
    }
    // (Not the marks after the last value: a line's end, and the next row's leading empty pieces
    // in comma text, `,,9.…` after one copy and `,,8.…` after the other — t104: a byte-identical
    // CSV row taken for two rows written differently.)
    while (out.length && !/^[vt]/.test(out[out.length - 1]!)) out.pop();
    return out.join('\u0000');
  };
  return cells(a) === cells(b);
}

/** Cut the label caches when they grow this large (their keys are any text of a table section). */
const CACHE_MAX = 20_000;

/** A token text as a label: its key (`bareLabel` or `labelKey`) and the rows whose pattern matches that key. */
interface Label {
  key: string;
  /** Indices of the matching rows, in order. */
  hit: number[];
}

/**
 * Per list of row definitions and label mode: token text → its label, made once per distinct
 * text (labels repeat from report to report, the template's own), so each is keyed and tested
 * against every row once, not once per row found in every table. One lookup by the text gives
 * both (the key and the rows matching it were two caches, two lookups per token).
 */
const LABELS = new WeakMap<RowDef[], [Map<string, Label>, Map<string, Label>]>();
function labelOf(defs: RowDef[], text: string, exact: boolean): Label {
  let byMode = LABELS.get(defs);
  if (!byMode) LABELS.set(defs, (byMode = [new Map<string, Label>(), new Map<string, Label>()]));
  const cache = byMode[exact ? 1 : 0];
  let label = cache.get(text);
  if (label === undefined) {
    let key = exact ? bareLabel(text) : labelKey(text);
    const hit: number[] = [];
    for (let d = 0; d < defs.length; d++) if (defs[d]!.match.test(key)) hit.push(d);
    // A unit at the label's end (（七）总计（件）, 行政事业性收费（万元）) names a row whose values it
    // can be: a count's a row of counts, a money unit a row with an amount (tokens.ts labelUnit).
    const unit = hit.length ? null : labelUnit(key);
    if (unit) {
      for (let d = 0; d < defs.length; d++) {
        const kinds = defs[d]!.columns.map((c) => c.kind);
        if (defs[d]!.match.test(unit.bare) && (unit.money ? kinds.includes('money') : !kinds.includes('money')))
          hit.push(d);
      }
      if (hit.length) key = unit.bare;
    }
    label = { key, hit };
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(text, label);
  }
  return label;
}

/**
 * A cell of digits and marks, no words (`68、0`, `5，74`: a separator written as another mark):
 * no value, but numbers of its row — on a delimited row's line, it is that row's cell.
 */
export const markedDigits = (text: string): boolean => /^[^\p{L}]*\d[^\p{L}]*$/u.test(text);

/**
 * A label token followed by at least one value before the next text. On a delimited row the
 * cells after the label are its cells, text among them too (`6、0`, 见附件): a copy of a row whose
 * first cell is no number still heads the values after it, and so does one whose cells are
 * digits with other marks between them (`行政事业性收费；0、0`, a copy of the row's two numbers).
 */
function headsValues(toks: Tok[], at: number): boolean {
  const line = toks[at]!.line;
  let delimited: boolean | null = null;
  for (let i = at + 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.t === 'val') return true;
    if (t.t === 'text') {
      if (t.line !== line) return false;
      delimited ??= delimitedLine(toks, i);
      if (!delimited) return false;
      if (markedDigits(t.text)) return true;
    }
  }
  return false;
}

/** Whether the line of token `i` ends as a delimited row (its cells known). */
export function delimitedLine(toks: Tok[], i: number): boolean {
  const line = toks[i]!.line;
  for (let k = i + 1; k < toks.length && toks[k]!.line === line; k++) {
    const t = toks[k]!;
    if (t.t === 'eol') return t.delimited;
  }
  return false;
}

/** Tokens with number-like text that is no number made value tokens (kept raw, read as unreadable). */
export function promoteCellText(toks: Tok[]): Tok[] {
  return toks.map((t) => (t.t === 'text' && isCellText(t.text) ? { ...t, t: 'val' as const } : t));
}

/** A cell position: a value token, or an empty position. */
export type Slot = ValTok | null;

export type RowCells =
  /**
   * Every column's position is known: exactly one slot per column. `spanned`: columns under one
   * cell spanning several (HTML colspan) whose number belongs to no proven one of them.
   */
  | { kind: 'cells'; cells: Slot[]; by: 'delimited' | 'lines'; spanned?: Set<number> }
  /**
   * Fewer cells than columns and nothing marks where the missing ones were: digits glued
   * together, or a cell dropped. `slots` keeps the order (null = a marked empty cell); only
   * arithmetic can place them.
   */
  | {
      kind: 'short';
      slots: Slot[];
      vals: ValTok[];
      by: 'delimited' | 'lines';
      /**
       * Empty pieces after the last value that may be the missing cells, left blank — or only
       * the padding a converter adds to a row short of a cell (markdown pads every row to the
       * header's width). Either reading is kept; only arithmetic can tell them apart.
       */
      blankTail?: number;
    }
  | {
      kind: 'unknown';
      reason: string;
      vals: ValTok[];
      by?: 'lines';
      /** More values than columns, on lines of their own: perhaps the rows' after it (runs.ts). */
      run?: true;
    };

/**
 * The cells of the row whose label is at `at`, up to token index `end` (exclusive).
 * `n` is the number of columns the row has in the layout.
 */
export function readRow(
  toks: Tok[],
  at: number,
  end: number,
  n: number,
  dense = false,
  noise: number | null = 0,
  labelPadding = false,
  grid = false,
  byHeader?: HeaderColumns,
  gridCheck?: HeaderColumns,
  emptyCols?: ReadonlySet<number>,
  full?: FullRows | null,
  edges: 'cells' | 'separators' = 'cells',
  prevAt: number | null = null,
  prevLabel = '',
  formNext: RegExp | null = null,
): RowCells {
  const labelLine = toks[at]!.line;
  // Exact mode: the label sits in a delimited row that carries the cells too.
  const sameLine: Tok[] = [];
  let padded = false;
  let voidEnd = false;
  let drawn = false;
  let delimited = false;
  let digitCommas: 'count' | 'always' | undefined;
  for (let i = at + 1; i < end; i++) {
    const tok = toks[i]!;
    if (tok.t === 'eol' && tok.line === labelLine) {
      padded = tok.padded === true;
      voidEnd = tok.voidEnd === true;
      drawn = tok.grid === true;
      delimited = tok.delimited;
      digitCommas = tok.digitCommas;
    }
    if (tok.line !== labelLine || tok.t === 'eol') break;
    sameLine.push(tok);
  }
  const sameVals = sameLine.filter((t): t is ValTok => t.t === 'val');
  // A delimited row whose own cells are digits that are no value (`68、0`: a separator written
  // as another mark) has its cells on its line all the same: the values on the lines after it
  // are not its cells (another row's, whose label is lost).
  const ownDigits = delimited && sameLine.some((t) => t.t === 'text' && markedDigits(t.text));
  // The piece after a row's last `|` is no cell ("规章 |" has none), so an all-empty row
  // counts as delimited only when it has more pieces than that; a drawn table's row has no
  // such piece (Line.grid).
  // A header naming a column the form does not have: each cell is the one under its column's
  // label (columns.ts), on the label's own line of a drawn table, or none is placed.
  // A grid's row (rightAligned): its last n cells, before a closing `|`'s empty piece. A `|` row
  // ending in an empty cell may be a row short of a cell padded to the width (Tok `padded`):
  // only one ending in a value is placed by its positions.
  // So in a sheet saved as tab or comma text: its width pads a row that lost a cell with an empty
  // field, as a blank last cell reads (a fresh tester's t60; docs/template.md).
  const gridCells = grid && padded ? sameLine.slice(0, -1) : sameLine;
  const placed = grid && (drawn || (gridCells.length > 0 && gridCells.at(-1)!.t !== 'empty'));
  const counted = byHeader
    ? cellsByHeader(sameLine, byHeader, toks[at])
    : placed && gridCells.length >= n && gridCells.slice(0, -n).every((t) => t.t === 'empty')
      ? gridRow(gridCells.slice(-n))
      : sameVals.length > 0 || ownDigits || sameLine.length - (drawn ? 0 : 1) >= n
        ? sameLine.some(
            (t) => (t.t === 'empty' && (t.spanned || t.covered)) || (t.t === 'val' && (t.spansRows || t.above)),
          )
          ? spannedRow(sameLine, n, noise, padded, labelPadding, emptyCols, full, voidEnd)
          : fromSlots(
              cellSlots(sameLine),
              n,
              noise,
              padded,
              labelPadding,
              emptyCols,
              full,
              voidEnd,
              delimited && !drawn,
            )
        : null;
  // A drawn table whose header places the form's columns: a row read by count with a value
  // under another column's label (a 单位 column of 件 or an empty spacer before 自然人, the last
  // column blank in every row), or not read by it, is read by the header instead (columns.ts).
  // Only a row ending under the header's last column: a row whose spans are broken (a rowspan
  // short, a label cell lost) stands a column off the header as a whole, and its count is right.
  // Columns under a cell spanning several are the spans' rules' (spannedRow): not checked.
  const ends = sameLine.findLast((t) => t.t !== 'eol' && t.t !== 'blank');
  const aligned = ends !== undefined && 'col' in ends && ends.col === gridCheck?.last;
  const exact =
    gridCheck &&
    aligned &&
    (counted?.kind === 'unknown' || (counted?.kind === 'cells' && misplaced(counted.cells, gridCheck, counted.spanned)))
      ? cellsByHeader(sameLine, gridCheck, toks[at])
      : counted;
  if (exact) {
    // A cell that is a unit alone (a unit column's 件) read as one of the form's cells: the cells
    // after it stand a column off theirs (a row whose first value is in its label's cell, `3.危及…
    // 2至0 | 件 | 0 | …`, one cell shorter than the rows the header places: synthetic seed 2026).
    const unitCell = (exact.kind === 'cells' ? exact.cells : exact.kind === 'short' ? exact.slots : []).find(
      (c) => c !== null && UNIT_ALONE.test(c.text),
    );
    if (unitCell)
      return {
        kind: 'unknown',
        reason: `a cell holds a unit alone ("${unitCell.raw}"), a unit column's, read as one of the form's cells: which column each value is under is not proven`,
        vals: sameVals,
      };
    const commas = digitCommas ? digitCommaProblem(cellSlots(sameLine), n, noise, digitCommas) : null;
    if (commas) return { kind: 'unknown', reason: commas, vals: sameVals };
    const rest =
      unlabelledValueLine(toks, at, end, labelLine, delimited ? 'none' : { fewerThan: n }) ??
      (delimited ? null : valueLineAbove(toks, at, prevAt, n, prevLabel));
    if (rest === null) return exact;
    // Values on the label's own source line, after other text (a one-line dump, decode/oneline.ts):
    // no page break or wrapped cell is between them, so the note must not say so.
    const reason =
      rest === toks[at]!.no
        ? `values follow this row's cells on the same source line (line ${rest}) after text that is neither a value nor a row label: this row's cells interrupted by other text, or another row's whose label is lost or not recognised — which values are this row's is not proven`
        : `a line of values with no numbered label of its own follows this row (line ${rest}): the rest of this row's cells cut off by a page break or a wrapped cell, or another row's whose label is lost — which values are this row's is not proven`;
    return { kind: 'unknown', reason, vals: sameVals };
  }

  // Line mode: cells follow on the next lines until the next label or other text.
  const region: Tok[] = [];
  let stop = end;
  for (let i = at + 1; i < end; i++) {
    const tok = toks[i]!;
    if (tok.line === labelLine) continue; // the rest of the label's line holds no values
    if (tok.t === 'text') {
      stop = i;
      break;
    }
    region.push(tok);
  }
  const lines = fromLines(region, n, dense, edges, stop === end);
  // Right after a row label with no values of its own (decode/orphans.ts masks it), the values
  // after this label may be that row's as well: plain pdftotext writes two labels back to back
  // and then both rows' values (`（七）总计` / `四、结转下年度继续办理` / `16 2 0 0 0 0 18` / `1 0 …`:
  // t45 published 总计's values as 结转下年度's).
  const orphan = orphanAbove(toks, at) ?? numberedAbove(toks, at, prevAt);
  if (orphan !== null && lines.kind !== 'unknown' && region.some((t) => t.t === 'val'))
    return {
      kind: 'unknown',
      reason: `another row's label right above this one has no values of its own (line ${orphan}): the values after the two labels may be that row's first — which values are this row's is not proven`,
      vals: lines.kind === 'cells' ? lines.cells.filter((c): c is ValTok => c !== null) : lines.vals,
    };
  // A line of numbers alone right above this row's label (valueLineAbove), its own line holding
  // none: a number wrapped in its cell around the label (`-layout` of a PDF whose numbers sit at
  // their cells' bottom: `67 … 12 … 79` / `7.属于行政执法案卷` / `0 0 0 0 0 0 0`, 670's 0 below;
  // a fresh tester's t66 published 0 for 670). The lines after the label are not proven all of it.
  // Only a line of two numbers or more, set apart by position (one number a line, as plain text
  // writes a row above with blanks not printed, tells nothing of a wrapped cell).
  const above = delimited ? null : (valueLineAbove(toks, at, prevAt, n, prevLabel) ?? piecesAbove(toks, at, prevAt));
  const spread =
    above !== null &&
    toks.filter((t) => t.no === above && (t.t === 'val' || (t.t === 'text' && NUMBER_PIECES.test(t.text)))).length >=
      (toks.some((t) => t.no === above && t.t === 'text') ? 1 : 2);
  // Or one number alone between words that are no row's label (a header's, `决定` / `数量`) and
  // this label: no row's value (`8283` / `行政许可` / `0`, 82830 in a one-column sub-table; a fresh
  // tester's t66 published 0).
  const alone = above !== null && !spread && betweenText(toks, above, prevAt);
  if ((spread || alone) && lines.kind !== 'unknown' && region.some((t) => t.t === 'val'))
    return {
      kind: 'unknown',
      reason: `a line of numbers with no label of its own stands right above this row's label (line ${above}), which has no values on its line: a number wrapped in its cell around the label — which values are this row's is not proven`,
      vals: lines.kind === 'cells' ? lines.cells.filter((c): c is ValTok => c !== null) : lines.vals,
    };
  // Right before a row label with no values of its own (masked, as above): these values may be
  // that row's, written before its label, as plain pdftotext writes a row whose label sits lower
  // in its cell than its numbers (`（六）其他处理` / `42 … 68` / `（七）总计` / `四、结转…`, 六 blank:
  // a fresh tester's t58 published 总计's values as 其他处理's).
  // Only the form's next row's label: a label printed out of its place (a tall group cell's,
  // `（一）予以公开` after 1.本机关不掌握…, masked too) tells nothing of this row's values.
  const below = stop < end && formNext ? maskedLine(toks, stop) : null;
  const belowIsNext =
    below !== null && formNext!.test(labelKey(normalizeLine((toks[stop] as { raw: string }).raw).text.trim()));
  if (belowIsNext && lines.kind !== 'unknown' && region.some((t) => t.t === 'val'))
    return {
      kind: 'unknown',
      reason: `the form's next row's label right below this row's values has no values of its own (line ${below}): these values may be that row's, written before its label — which values are this row's is not proven`,
      vals: lines.kind === 'cells' ? lines.cells.filter((c): c is ValTok => c !== null) : lines.vals,
    };
  // Numbers after that text and before the next label (`只计这一情形，不计其他情形)  7`: the
  // rest of the label wrapped beside the rest of a number wrapped in its cell, 137 as 13 over
  // 7): this row's or another's whose label is lost, so the lines before are not proven all
  // of it. Text aligned by spaces only (a line of several values; one cell a line is not).
  const perLine = new Map<number, number>();
  for (const t of region) if (t.t === 'val') perLine.set(t.line, (perLine.get(t.line) ?? 0) + 1);
  if (stop < end && Math.max(0, ...perLine.values()) >= 2 && !delimitedLine(toks, at) && lines.kind !== 'unknown') {
    const rest = unlabelledValueLine(toks, stop - 1, end, labelLine, 'all');
    if (rest !== null)
      return {
        kind: 'unknown',
        reason: `a line of values with no numbered label of its own follows this row (line ${rest}): the rest of this row's cells cut off by a page break or a wrapped cell, or another row's whose label is lost — which values are this row's is not proven`,
        vals: lines.kind === 'cells' ? lines.cells.filter((c): c is ValTok => c !== null) : lines.vals,
      };
  }
  return lines;
}

/**
 * Why a row with a full-width comma between digits (Line.digitCommas: `60，036`, a thousands
 * separator or a cell boundary) is not proven, or null when it is. `count` (the comma inside a
 * cell): proven only when its cells are exactly its n columns — empty pieces at its end only the
 * table's own (`noise`) — so that the other reading would leave the row a cell short or over.
 * Any other count (a cell lost, one too many, blank last cells that may be padding) fits both
 * readings. `always` (the comma is the row's separator, and the document does not show how it
 * writes thousands): never, since a cell lost or two glued would make the count fit the other
 * reading too. No value of such a row is placed.
 */
export function digitCommaProblem(
  all: Slot[],
  n: number,
  noise: number | null,
  kind: 'count' | 'always',
): string | null {
  let own = all.length;
  while (own > 0 && all[own - 1] === null) own--;
  const trail = all.length - own;
  if (kind === 'count' && own === n && (trail === 0 || trail === noise)) return null;
  const raw = all
    .slice(0, own)
    .map((s) => s?.raw ?? '')
    .join(' | ');
  return kind === 'count'
    ? `a full-width comma stands between digits in a cell of this row ("${raw}"): a thousands separator or a lost cell boundary — with ${own} cell(s) for ${n} columns the count does not tell which, so no value is placed`
    : `the row's cells are separated by full-width commas, and one stands between digits ("${raw}"): a thousands separator or a cell boundary — the document writes no number of four digits plainly, so which is not proven and no value is placed`;
}

/**
 * Whether the line of the label at `at` is a row that only the next label found ends (a one-line
 * dump's, Line.endsAtLabel): its cells run up to that label, as a row read from the lines after
 * its label does.
 */
export function endsAtLabel(toks: Tok[], at: number): boolean {
  const line = toks[at]!.line;
  for (let i = at + 1; i < toks.length && toks[i]!.line === line; i++) {
    const t = toks[i]!;
    if (t.t === 'eol') return t.endsAtLabel === true;
  }
  return false;
}

/** A grid row's n cells; a number spanning rows, or a position it covers, is no row's own (`spanned`). */
function gridRow(own: Tok[]): RowCells {
  const spanned = new Set<number>();
  own.forEach((t, j) => t.t === 'val' && (t.spansRows || t.above) && spanned.add(j));
  return { kind: 'cells', cells: cellSlots(own), by: 'delimited', ...(spanned.size ? { spanned } : {}) };
}

/** A row label's numbering (（六） 3. 一、): the start of a row of its own, never a wrapped rest. */
const NUMBERED = /^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+\s*[.、．])/;

/**
 * The line, between the row found before (`prevAt`, null: the table's start) and the row found
 * at `at` (its form label `label`), of a numbered label that starts this row's with values beside
 * it, no row found there; or null. That label is this row's, its pieces not joined: `（五）4.无正当
 * 0 0 0 0 0 0` over `理由大量反复申请  0`, a value on each line (a number wrapped in its cell;
 * synthetic seed 77, where the row was read from its second line alone: one value placed, six
 * cells said blank), or its group's label with values, `（三）不予公开  8 0 …` over `1.属于国家秘`
 * (the item's number on the next line), when this row's own line holds fewer than its `n` cells.
 * Which of those lines' values are this row's cells is not proven. A numbered label that names
 * another item (`3.危及“三安` above 4.保护第三方…) is that row's, not found: this row's own line
 * stands.
 */
export function numberedValuesAbove(
  toks: Tok[],
  at: number,
  prevAt: number | null,
  label: string,
  n: number,
): number | null {
  const own = toks[at]!;
  let ownVals = 0;
  for (let i = at + 1; i < toks.length && toks[i]!.line === own.line; i++) if (toks[i]!.t === 'val') ownVals++;
  const item = itemNumber(label);
  const group = /^（([一二三四五六七八九十])）/.exec(label)?.[1];
  const names = (text: string): boolean => {
    if (!NUMBERED.test(text)) return false;
    if (/\d\s*[.、．]|^\s*[一二三四五六七八九十]+[、.．]/.test(text)) return item !== null && item.test(text);
    // The group's label: its first row's start only when this row's own line is short of
    // values (`（五）不予  5 3 8 1 1 1 1` over `处理  5.要求…  0 0 4 4 0 0 8`: a whole row above a
    // whole row is a row of its own, its label lost; t40).
    return ownVals < n && group !== undefined && new RegExp(`^\\s*[（(]${group}[）)]`).test(text);
  };
  let found: number | null = null;
  let named = false;
  let vals = false;
  for (let i = prevAt === null ? 0 : prevAt + 1; i < at; i++) {
    const t = toks[i]!;
    // The row above's own line is its label's.
    if (prevAt !== null && t.line === toks[prevAt]!.line) continue;
    if (t.line === own.line) break;
    if (t.t === 'text' && names(t.text)) named = true;
    else if (t.t === 'val') vals = true;
    else if (t.t === 'eol') {
      if (named && vals) found = t.no;
      named = vals = false;
    }
  }
  return found;
}

/**
 * A breakdown row's label (其中：网上申请, "of which: online"), which reports add under a row of
 * the form. No label of the form has 其中 in it, so it is neither a lost label of another form
 * row nor the rest of a wrapped one: like a numbered label, it starts a row of its own.
 */
const BREAKDOWN = /^\s*其中/;

/**
 * A row an agency adds to 二 for another category of its powers (权力清单, the list of an
 * agency's powers: 行政确认 confirmation, 行政征收 levies, 行政给付 benefits, 行政检查
 * inspections, 行政奖励 rewards, 行政裁决 rulings, and the rest), or the 2019 form's
 * 其他对外管理服务事项 (other external services) or 政府集中采购 (government procurement) under the
 * 2021 form; or one of them with a qualifier in brackets (行政许可（告知承诺制）, a part of the
 * licences: granted on the applicant's pledge). The whole cell is that name: no form label ends
 * where it begins, so, like a numbered label, it starts a row of its own and is neither a lost
 * label of a form row nor the rest of a wrapped one.
 */
const POWER_ROW =
  /^\s*(?:行政(?:许可|处罚|强制|征收|征用|给付|检查|确认|奖励|裁决|备案)|其他行政权力|其他权力事项|公共服务事项|其他对外管理服务事项|政府集中采购)\s*(?:[（(][^（()）]{1,20}[)）])?\s*[:：]?\s*$/;

/**
 * Which lines of values beside text (not a numbered label) `unlabelledValueLine` takes: none;
 * all (after a row read line by line, whose label's rest is that text); or those with fewer
 * values than the row's cells (after a row read from its own line: a whole row's values beside
 * a wrapped label's rest are the next row's, set in the middle of its taller cell).
 */
type BesideText = 'none' | 'all' | { fewerThan: number };

/**
 * The first line of delimited cells holding values and no numbered label, after the row's own
 * line and before the next label (`end`), or null. A browser cuts a table row at a page break
 * and prints the rest of a cell that holds two blocks (2 / 4) at the top of the next page, in a
 * row of its own with no label or with the rest of a wrapped label (处理其政府信息公开申请); a
 * converter may do the same with a wrapped cell. Those values are this row's or another row's
 * whose label is lost: either way the row's own line is not proven to be all of it. A line
 * whose label is numbered, or a breakdown's (其中…), starts a row of its own (a label not found):
 * it leaves this row be.
 */
function unlabelledValueLine(
  toks: Tok[],
  at: number,
  end: number,
  labelLine: number,
  besideText: BesideText = 'none',
): number | null {
  let line = -1;
  let vals = false;
  let count = 0;
  let edgeOnly = true;
  let text = false;
  let numbered = false;
  // The row's own label again (a line printed twice, its values the same: rowsOf's sameCells) is
  // a label: that line's values are the copy's, no rest of this row (t104).
  const own = toks[at]?.t === 'text' ? labelKey(toks[at].text) : null;
  for (let i = at + 1; i < end; i++) {
    const tok = toks[i]!;
    if (tok.line === labelLine) continue;
    if (tok.line !== line) {
      line = tok.line;
      vals = text = numbered = false;
      edgeOnly = true;
      count = 0;
    }
    if (tok.t === 'val' || (tok.t === 'text' && DIGIT_PIECE.test(tok.text))) {
      vals = true;
      count++;
      edgeOnly &&= tok.t === 'val' && tok.edge === true;
    } else if (tok.t === 'text') {
      text = true;
      numbered ||=
        NUMBERED.test(tok.text) ||
        BREAKDOWN.test(tok.text) ||
        POWER_ROW.test(tok.text) ||
        (own !== null && labelKey(tok.text) === own);
    } else if (tok.t === 'eol' && vals && !numbered) {
      if (tok.delimited) return tok.no;
      // Text aligned by spaces (pdftotext -layout): numbers on a line of their own are the rest
      // of a number wrapped in its cell (1019 as 101 over 9, 7547.5 as 7547 over .5), or another
      // row's whose label is lost; beside text too when the caller says so (`besideText`: the
      // rest of a wrapped label, 理结果 beside ２ ９ of 22 and 29 wrapped). A bare number beside
      // a page break may be the page's number (Tok `edge`): left be.
      const beside = besideText === 'all' || (besideText !== 'none' && count < besideText.fewerThan);
      if (!edgeOnly && (!text || beside)) return tok.no;
    }
  }
  return null;
}

/**
 * A number's first digits, as a number wrapped in its cell leaves them on the line above: never
 * a 0 (`0` beside the rest of a label over a row is the last digit of the row above's 10).
 */
const LEADING = /^[1-9１-９]/;

/**
 * A character of a label's words, once the words that stand for a value or its unit are taken
 * out (零 and 〇 for 0, 无 none, 件 items, 万元 10,000 yuan): not a line of values. One is enough:
 * the rest of a wrapped label may be one character (`（六）3.其` / `他  1` over `（七）总计  9 …`
 * of 19: synthetic seed 81 published 9).
 */
const LABEL_WORDS = /[\u4e00-\u9fff]/;
const VALUE_WORDS = /[零〇无件万元]/g;

/**
 * Whether the value at `i` may be a number's first digits, wrapped in its cell (`LEADING`; a run
 * of a one-line dump's glued digits is a whole row's cells, no wrapped piece); null for a page's
 * number, which is no cell at all (`pageMark`).
 */
function leadingPiece(toks: Tok[], i: number): boolean | null {
  if (pageMark(toks, i)) return null;
  const t = toks[i]!;
  if (t.t === 'val') return LEADING.test(t.text) && !t.glued;
  return t.t === 'text' && LEADING.test(t.text);
}

/** A piece of a number between two dashes (`- 3 -`): a page's number in a one-line dump, no cell. */
function pageMark(toks: Tok[], i: number): boolean {
  const line = toks[i]!.line;
  const dash = (k: number) => toks[k]?.t === 'val' && toks[k].line === line && /^[-－—–‐]$/.test(toks[k].text);
  const mark = (k: number) => toks[k]?.t === 'val' && /^\d{1,4}$/.test(toks[k].text) && dash(k - 1) && dash(k + 1);
  return mark(i) || (dash(i) && (mark(i - 1) || mark(i + 1)));
}

/**
 * The rest of a number wrapped in its cell that the tokens do not take for a value: its
 * decimals alone (`.5` under 7547), or its digits after a separator (`,200`).
 */
const DIGIT_PIECE = /^[.．,，]\s*[\d０-９]+$/;

/**
 * Whether the source line `no` (numbers only) follows, past empty lines, a line of words with no
 * value that is not the row above's label line (`prevAt`): a header's words, or a page's.
 */
function betweenText(toks: Tok[], no: number, prevAt: number | null): boolean {
  const first = toks.findIndex((t) => t.no === no);
  if (first < 0) return false;
  let i = first - 1;
  // An empty line is a blank token, or an end of line alone.
  while (
    i >= 0 &&
    (toks[i]!.t === 'blank' || (toks[i]!.t === 'eol' && (i === 0 || toks[i - 1]!.line !== toks[i]!.line)))
  )
    i--;
  if (i < 0) return false;
  const line = toks[i]!.line;
  if (prevAt !== null && toks[prevAt]!.line === line) return false;
  const own = toks.filter((t) => t.line === line && t.t !== 'eol' && t.t !== 'blank');
  return own.length > 0 && own.every((t) => t.t === 'text');
}

/**
 * Two numbers or more cut short on one line, as one text token (`4,14      6,32`: the first
 * digits of 4,148 and 6,329 wrapped in their cells, which no number reads).
 */
const NUMBER_PIECES = /^\d{1,3}(?:[,，]\d{1,3})*(?:\s+\d{1,3}(?:[,，]\d{1,3})*)+$/;

/**
 * The line right above this row's label line (after the row above's, `prevAt`), when it is only
 * NUMBER_PIECES, or null.
 */
function piecesAbove(toks: Tok[], at: number, prevAt: number | null): number | null {
  const labelLine = toks[at]!.line;
  const stop = prevAt === null ? -1 : toks[prevAt]!.line;
  let i = at - 1;
  while (i >= 0 && toks[i]!.line === labelLine) i--;
  // Empty lines between (a blank token, or an eol alone) are passed.
  while (
    i >= 0 &&
    (toks[i]!.t === 'blank' || (toks[i]!.t === 'eol' && (i === 0 || toks[i - 1]!.line !== toks[i]!.line)))
  )
    i--;
  if (i < 0 || toks[i]!.line <= stop) return null;
  const line = toks[i]!.line;
  const own = toks.filter((t) => t.line === line && t.t !== 'eol' && t.t !== 'blank');
  return own.length === 1 && own[0]!.t === 'text' && NUMBER_PIECES.test(own[0]!.text) ? own[0]!.no : null;
}

/**
 * The line of numbers alone (no text) between this row's label line and the row above (`prevAt`,
 * the label of the row found before it; null for the first row: up to the header's text), or
 * null. A number wrapped in its cell may stand with its first digits above the row's line (a
 * PDF's cell set to the bottom or centred vertically: 10 above, 4 on the row's line): those
 * digits are this row's or the row above's, so neither row's own line is proven to be all of it
 * (the row above finds them with `unlabelledValueLine`). When the row above has no values on its
 * own line, the lines of numbers after it are its cells, one a line: left be.
 */
function valueLineAbove(toks: Tok[], at: number, prevAt: number | null, n: number, prevLabel: string): number | null {
  const labelLine = toks[at]!.line;
  const stop = prevAt === null ? -1 : toks[prevAt]!.line;
  // The row above's label line, when that label is the rest of a wrapped one (the form's label
  // is numbered, `prevLabel`, and the text found is not: the numbered start is on a line before)
  // and holds fewer values than a row has cells beside it (`政法规禁止公开  5` over `3.危及“三安
  // 4 …` of 54): those may be this row's first digits.
  const rest =
    prevAt !== null && NUMBERED.test(prevLabel) && !NUMBERED.test((toks[prevAt] as { text?: string }).text ?? '');
  let restAbove: number | null = null;
  if (prevAt !== null) {
    let count = 0;
    let lead = true;
    for (let k = prevAt + 1; k < toks.length && toks[k]!.line === stop; k++) {
      const t = toks[k]!;
      const piece = t.t === 'val' ? leadingPiece(toks, k) : null;
      if (piece !== null) {
        count++;
        lead &&= piece;
      }
      if (t.t === 'eol' && count < n && lead && rest) restAbove = t.no;
    }
  }
  // The row above with no values on its own line reads the lines of values after it, one cell a
  // line. Those lines are its cells only when they hold all of them and no other row's
  // line (a label with values, a row not found) stands between: otherwise the line of numbers
  // right above this row may as well be the first digits of a number wrapped in its cell
  // (`3.其他` / `4` / `（七）总计 32 … 4` of 44; `3.其他 0 0 0 3 0 0 3` / `11` / `（七）总计 … 0`
  // of 110, the row above's wrapped label found and 3.其他 not: t45 published 4 and 0).
  const lineMode = prevAt !== null && !ownValues(toks, prevAt, stop);
  let below = 0;
  let found: number | null = null;
  let i = at - 1;
  while (i >= 0 && toks[i]!.line === labelLine) i--;
  while (i >= 0 && toks[i]!.line > stop) {
    const line = toks[i]!.line;
    let vals = false;
    let count = 0;
    let lead = true;
    let edgeOnly = true;
    let text = false;
    let labelled = false;
    let header = false;
    let no = -1;
    for (; i >= 0 && toks[i]!.line === line; i--) {
      const t = toks[i]!;
      if (t.t === 'val' || (t.t === 'text' && DIGIT_PIECE.test(t.text))) {
        vals = true;
        const piece = leadingPiece(toks, i);
        if (piece !== null) {
          count++;
          lead &&= piece;
        }
        edgeOnly &&= t.t === 'val' && t.edge === true;
      } else if (t.t === 'text') {
        text = true;
        labelled ||= LABEL_WORDS.test(t.text.replace(VALUE_WORDS, ''));
        header ||= isHeaderLead(t.text.replace(/\s+/g, ''));
      } else if (t.t === 'eol') {
        // A delimited row is no wrapped cell's; one placed by position (`他  1` over `（七）总计
        // 9 …` of 19, the rest of a label beside a number's first digit) may be.
        if (t.delimited && !t.layoutCells) return null;
        no = t.no;
      }
    }
    // A sub-table's header (信息内容, 第二十条第（六）项: 二's tables one under another) ends the
    // search: numbers above it are another table's. Other text alone between two rows is the
    // rest of a wrapped label (三、本年度办 / 理结果), passed; above the first row, the header.
    // Text with numbers is the row above's line; but fewer numbers than a row has cells beside
    // words of a label that is no row found (a group's label wrapped, `（五）不予` over `处理`,
    // beside 5 3 8 of 54, 34 and 88 set to the cell's bottom; the rest of the label above,
    // `政法规禁止公开  5` over `3.危及…  4 …`) are the first digits of this row's numbers or the
    // last of the row above's (`unlabelledValueLine`): then neither row's own line is all of it.
    // Digits that cannot start a number (a 0) are the row above's alone.
    if (labelled && lead && count > 0 && count < n && !header && prevAt !== null && !edgeOnly && no >= 0)
      return found ?? no;
    // Above the first row, the header's last line with a few numbers beside its words (`业  构
    // 组织  机构   1` over `一、本年新收…  5 3 0 0 0 2 0`: 10's 1 wrapped above its cell, set to the
    // bottom; seed 133 published 总计 0 for 10): the first digits of this row's numbers.
    if (prevAt === null && text && vals && !header && lead && count > 0 && count < n && !edgeOnly && no >= 0)
      return found ?? no;
    if (text && (header || prevAt === null || vals)) return found;
    if (vals && !text && !edgeOnly && no >= 0) {
      found ??= no;
      below += count;
    }
  }
  if (lineMode) return below < n ? found : null;
  return found ?? restAbove;
}

/**
 * The line number of a row label masked for having no values (decode/orphans.ts: its text all
 * `·`) that is the last line with text before the label at `at`, or null.
 */
function orphanAbove(toks: Tok[], at: number): number | null {
  const line = toks[at]!.line;
  let i = at - 1;
  while (i >= 0 && toks[i]!.line === line) i--;
  while (i >= 0 && (toks[i]!.t === 'eol' || toks[i]!.t === 'blank')) i--;
  return i >= 0 ? maskedLine(toks, i) : null;
}

/**
 * An item's numbered label (`2.重复申请`, glued to a group's piece: `不予处 2.重复申请`) on a line of
 * words alone among those right above the label at `at`, back to a line with values or the row
 * above's label (`prevAt`): a row not found, whose values, none on its line, may be the first of
 * those after this label (plain pdftotext: `不予处 2.重复申请` / `理` / `3.要求提供公开出版物` / `0` /
 * `8` …, the two rows' values in one run; a fresh tester's t66). Its source line, or null.
 */
function numberedAbove(toks: Tok[], at: number, prevAt: number | null): number | null {
  const stop = prevAt === null ? -1 : toks[prevAt]!.line;
  let i = at - 1;
  while (i >= 0 && toks[i]!.line === toks[at]!.line) i--;
  for (; i >= 0 && toks[i]!.line > stop; i--) {
    const t = toks[i]!;
    if (t.t === 'val') return null;
    // Masked for having no values (decode/orphans.ts), or not found at all.
    if (t.t === 'text' && /(?:^|[^\d.．])\d{1,2}\s*[.．、]\s*[\u4e00-\u9fff]/.test(t.raw)) return t.no;
  }
  return null;
}

/** The source line number when the token at `i` is text making a whole line masked (decode/orphans.ts), else null. */
function maskedLine(toks: Tok[], i: number): number | null {
  const t = toks[i]!;
  if (t.t !== 'text' || !/^·+$/.test(t.text.replace(/\s/g, ''))) return null;
  for (let k = i - 1; k >= 0 && toks[k]!.line === t.line; k--) if (toks[k]!.t !== 'blank') return null;
  for (let k = i + 1; k < toks.length && toks[k]!.line === t.line; k++)
    if (toks[k]!.t !== 'blank' && toks[k]!.t !== 'eol') return null;
  return t.no;
}

/** Whether the row whose label is at `at` has a value on its label's line (`line`). */
function ownValues(toks: Tok[], at: number, line: number): boolean {
  for (let k = at + 1; k < toks.length && toks[k]!.line === line; k++) if (toks[k]!.t === 'val') return true;
  return false;
}

/**
 * A row with cells spanning several grid positions (`<td colspan="2">0</td>`). When the grid
 * positions are the row's columns, the spanning cell covers several columns: a mark that is no
 * number (`/`, `—`, `无`) is read in each of them, a number in none (it may belong to either, or
 * be their sum), and those columns are `spanned`. Otherwise each source cell is one column (a
 * single value spanning the grid's width, as the 2019 form's one-value rows are drawn), and the
 * covered positions are no cells.
 */
export function spannedRow(
  sameLine: Tok[],
  n: number,
  noise: number | null,
  padded: boolean,
  labelPadding: boolean,
  emptyCols?: ReadonlySet<number>,
  full?: FullRows | null,
  voidEnd = false,
): RowCells {
  const cells: Slot[] = [];
  const spanned = new Set<number>();
  let origin = -1;
  for (const tok of sameLine) {
    if (tok.t === 'empty' && tok.spanned && origin >= 0) {
      const from = cells[origin]!;
      if (/\d/.test(from.text)) spanned.add(origin).add(cells.length);
      cells.push(from);
      continue;
    }
    const before = cells.length;
    cells.push(...cellSlots([tok]));
    origin = cells.length > before && cells[before] !== null ? before : -1;
    // A number spanning rows, and the positions it covers below: no row's own.
    if (tok.t === 'val' && (tok.spansRows || tok.above)) spanned.add(before);
  }
  if (cells.length === n) return { kind: 'cells', cells, by: 'delimited', ...(spanned.size ? { spanned } : {}) };
  const own = sameLine.filter((t) => !(t.t === 'empty' && (t.spanned || t.covered)));
  const rc = fromSlots(cellSlots(own), n, noise, padded, labelPadding, emptyCols, full, voidEnd);
  if (rc.kind !== 'cells') return rc;
  const rows = new Set(rc.cells.flatMap((c, j) => (c && (c.spansRows || c.above) ? [j] : [])));
  return rows.size ? { ...rc, spanned: rows } : rc;
}

/** The cells after the label at `at` on its line (cellSlots), when that line is delimited; else null. */
function delimitedSlots(toks: Tok[], at: number): Slot[] | null {
  const line = toks[at]!.line;
  const own: Tok[] = [];
  let i = at + 1;
  for (; i < toks.length && toks[i]!.line === line && toks[i]!.t !== 'eol'; i++) own.push(toks[i]!);
  const eol = toks[i];
  return eol?.t === 'eol' && eol.delimited ? cellSlots(own) : null;
}

/**
 * The positions, counted from the line's end (0: the last cell), at which every found row's
 * delimited line has an empty cell after its label, among the rows that have a value: a column
 * blank throughout, or a spacer. `rows`: each found row's label token index.
 */
export function emptyColumns(toks: Tok[], rows: ReadonlyArray<{ at: number }>): Set<number> {
  let out: Set<number> | undefined;
  for (const { at } of rows) {
    const slots = delimitedSlots(toks, at);
    if (!slots?.some((s) => s !== null)) continue;
    const empty = new Set<number>();
    slots.forEach((s, k) => s === null && empty.add(slots.length - 1 - k));
    const before: Set<number> | undefined = out;
    out = before ? new Set([...before].filter((p) => empty.has(p))) : empty;
  }
  return out ?? new Set<number>();
}

/**
 * Why the cells right after the found rows' labels look like a column of their own, none of the
 * form's, or null: they number the rows (1, 2, 3 … or 01, 02 …: a 行次 or 序号 column, named or
 * not), each one more than the row's before in all rows but one at most, five rows or more (a
 * 自然人 column counting 0, 1 … 6, 0, 1 … is no numbering); or they repeat one word that
 * is no number (a 单位 column of 件) in every row, two or more. Read by count, such a column is
 * the first form column's, and a row whose last column is blank (总计 in every row) then has the
 * form's count with every value a column to the right (a fresh tester's t11: 2,500 wrong in
 * text, HTML and PDF). `rows`: each found row's label token index, in the table's order.
 */
export function leadColumn(toks: Tok[], rows: ReadonlyArray<{ at: number }>): string | null {
  const firsts: Array<string | null> = rows.map(({ at }) => {
    const line = toks[at]!.line;
    for (let i = at + 1; i < toks.length && toks[i]!.line === line; i++) {
      const t = toks[i]!;
      if (t.t === 'eol') break;
      if (t.t === 'val' || t.t === 'text') return t.text.trim();
    }
    return null;
  });
  const shown = firsts.filter((f): f is string => f !== null && f !== '');
  // Each one more than the one before, but for one row at most (a row the table does not number).
  let steps = 0;
  let breaks = 0;
  for (let k = 1; k < firsts.length; k++) {
    const a = firsts[k - 1];
    const b = firsts[k];
    if (a && b && /^\d{1,3}$/.test(a) && /^\d{1,3}$/.test(b) && Number(b) === Number(a) + 1) steps++;
    else breaks++;
  }
  if (shown.length >= 5 && steps >= 4 && breaks <= 1)
    return 'the cells right after the row labels number the rows (a 行次 or 序号 column, none of the form’s)';
  if (
    shown.length >= 2 &&
    shown.length === firsts.length &&
    shown.every((f) => f === shown[0]) &&
    !NUMBERISH.test(shown[0]!)
  )
    return `every row's first cell is "${shown[0]}" (a 单位 column, none of the form's)`;
  return null;
}

/** The table's delimited rows with all their values right after their label (fullRows). */
export interface FullRows {
  /** The most empty pieces such a row ends with. */
  trail: number;
  /**
   * The piece (Tok `piece`) every such row's first value stands in, when they all agree: the
   * grid's first value column. Null when they differ or the pieces are not known.
   */
  start: number | null;
  /** The form's label levels (labelLevel) of those rows. */
  levels: ReadonlySet<number>;
  /**
   * Set on the view given to a row whose label stands at a level none of them does: their
   * labels' width proves nothing of its own (fullRowsFor).
   */
  otherLevel?: true;
}

/**
 * How far to the left a row's label stands in the form's grid of label columns, from its label's
 * numbering: 0 for 一、 (a label merged over every label column), 1 for （一） (over the group's
 * column and the sub-label's), 2 for a numbered sub-label (（三）1.), 3 for an unnumbered label
 * (二's 规章, 四's rows). A full row shows its own label one piece wide, and so only the labels of
 * its level: in 三, a row of 1.属于国家秘密 with all its values right after it says nothing of
 * whether the empty piece after （七）总计 is its merged sub-label column or a blank cell.
 */
export function labelLevel(label: string): number {
  if (/^[一二三四五六七八九十]+、/.test(label)) return 0;
  if (/^（[一二三四五六七八九十]+）\d/.test(label)) return 2;
  if (/^（[一二三四五六七八九十]+）/.test(label)) return 1;
  return 3;
}

/** `full` as seen by a row of label level `level`: marked `otherLevel` when no full row is of it. */
export function fullRowsFor(full: FullRows | null, level: number): FullRows | null {
  return full && !full.levels.has(level) ? { ...full, otherLevel: true } : full;
}

/**
 * The found rows (`rows`: label token index and column count) whose delimited line holds exactly
 * their n values, each a number, right after the label — no empty or text cell before or among
 * them — and then only empty pieces; null when there is none (fromSlots).
 */
export function fullRows(toks: Tok[], rows: ReadonlyArray<{ at: number; n: number; level?: number }>): FullRows | null {
  let most = -1;
  const starts = new Set<number | undefined>();
  const levels = new Set<number>();
  for (const { at, n, level } of rows) {
    const slots = delimitedSlots(toks, at);
    if (!slots) continue;
    let trail = 0;
    while (slots.length && slots.at(-1) === null) {
      slots.pop();
      trail++;
    }
    if (slots.length !== n || !slots.every((s) => s !== null && NUMBERISH.test(s.text))) continue;
    most = Math.max(most, trail);
    starts.add(slots[0]?.piece);
    levels.add(level ?? 3);
  }
  const [start] = starts;
  return most < 0 ? null : { trail: most, start: starts.size === 1 && start !== undefined ? start : null, levels };
}

/**
 * Whether the table's flattening pads labels: some delimited row with all its n values has
 * empty pieces between its label and its first value (a label cell merged over the sub-label
 * column, `（一）予以公开 || 1 | …`). Then, in a row short of values, such pieces prove nothing.
 * `rows`: each found row's label token index and its number of columns.
 */
export function labelPadding(toks: Tok[], rows: Array<{ at: number; n: number }>): boolean {
  for (const { at, n } of rows) {
    const line = toks[at]!.line;
    let lead = 0;
    let vals = 0;
    for (let i = at + 1; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.line !== line || t.t === 'eol') break;
      if (t.t === 'empty' && vals === 0) lead++;
      else if (t.t === 'val') vals++;
    }
    if (lead > 0 && vals === n) return true;
  }
  return false;
}

/**
 * The lines of found rows that are narrower than the table: a markdown table's row with fewer
 * pieces than its widest line (its header's, as wide as its delimiter row: markdown declares a
 * table's width; other `|` text, a page dump's or a crawler's, pads its rows at random and shows
 * none). A converter that trims a row's trailing empty cells (a
 * 总计 blank in every row), or drops a column's empty cells, leaves such rows (a fresh tester's
 * t73: MinerU-, marker- and LLM-made markdown). Where the cells went is not shown, so the empty
 * pieces after such a row's label prove no blank cell, as in a table that pads its labels
 * (labelPadding): read as `（一）予以公开 | | 4 | …` with that piece a blank 自然人, every value
 * stood a column to the right. `rows`: each found row's label token index.
 */
export function narrowRows(toks: Tok[], rows: ReadonlyArray<{ at: number }>): Set<number> {
  const out = new Set<number>();
  // Each `|` line's pieces (its tokens' last piece index + 1), found in one pass.
  const width = new Map<number, number>();
  let most = 0;
  let line = -1;
  let pieces = 0;
  for (const t of toks) {
    if (t.line !== line) {
      line = t.line;
      pieces = 0;
    }
    if (t.t === 'eol') {
      if (t.delimited && t.markdown) {
        width.set(t.line, pieces);
        most = Math.max(most, pieces);
      }
    } else if (t.t !== 'blank' && t.piece !== undefined) pieces = Math.max(pieces, t.piece + 1);
  }
  for (const { at } of rows) {
    const w = width.get(toks[at]!.line);
    if (w !== undefined && w < most) out.add(toks[at]!.line);
  }
  return out;
}

/**
 * The column counts for which the table is shown to be a grid whose value columns are its last
 * ones, as a spreadsheet saved as CSV is: every row line found has the same number of cells (the
 * export writes every row to the sheet's width, a label merged over three columns as three
 * fields), no cell spans others, and a row with all its n values has them in its last n cells
 * with at least one empty cell before them. Then a row of n columns has them in its last n
 * cells (empty ones blank), and empty cells between its label and them are the label's merged
 * columns. Only for those n: a row of another count has no full row to show where its cells
 * sit, and in a sheet whose rows of three values fill it (规章,42,42,171), a row of two
 * (行政事业性收费,,0,) is its first two cells followed by the sheet's empty last one as much as
 * its last two — read as any delimited row (fromSlots). A row with a cell lost or two glued
 * changes the count, and the table is read as before. Empty: no such grid.
 */
export function rightAligned(toks: Tok[], rows: Array<{ at: number; n: number }>): Set<number> {
  const none = new Set<number>();
  const shown = new Set<number>();
  let width = -1;
  let closed: boolean | null = null;
  for (const { at, n } of rows) {
    const line = toks[at]!.line;
    let start = at;
    while (start > 0 && toks[start - 1]!.line === line) start--;
    let end = at;
    while (end < toks.length && toks[end]!.line === line && toks[end]!.t !== 'eol') end++;
    const eol = toks[end];
    if (!eol || eol.t !== 'eol' || !eol.delimited) return none;
    // A `|` row (padded) closed by a last `|` (`| a | b |`, markdown) has an empty piece after
    // it that is no cell: every row so (a sheet written to its width, each row closed the same
    // way), its rows are a grid too, their cells the pieces before it (readRow: gridRow).
    const close = closedRow(toks, end, eol.padded === true);
    if (close === null || (closed !== null && close !== closed)) return none;
    closed = close;
    const pieces = toks.slice(start, close ? end - 1 : end);
    if (pieces.some((t) => t.t === 'blank' || (t.t === 'empty' && t.spanned))) return none;
    if (width >= 0 && pieces.length !== width) return none;
    width = pieces.length;
    const after = toks.slice(at + 1, close ? end - 1 : end);
    if (after.filter((t) => t.t === 'val').length === n) {
      if (!after.slice(-n).every((t) => t.t === 'val')) return none;
      if (after.length > n) shown.add(n);
    }
  }
  return shown;
}

/**
 * Whether a delimited row ending at `end` (its eol) is a `|` row closed by a last `|`, whose
 * empty last piece is the separator's (true); a row that is not padded (false); null for a
 * padded row whose last piece is a cell (no closing `|`): not read as a grid.
 */
function closedRow(toks: Tok[], end: number, padded: boolean): boolean | null {
  if (!padded) return false;
  const last = toks[end - 1];
  return last && last.line === toks[end]!.line && last.t === 'empty' ? true : null;
}

/** Cells of one delimited row, in order; empty cells are null. */
export function cellSlots(toks: Tok[]): Slot[] {
  const slots: Slot[] = [];
  for (const tok of toks) {
    if (tok.t === 'val') slots.push(tok);
    else if (tok.t === 'empty') slots.push(null);
    // Text in a value position (三, 3/5, 334人次, 166^1) is a cell that is no number: it keeps
    // its raw text and is read as unreadable, never as a blank (parseCell says why).
    else if (tok.t === 'text')
      slots.push({
        t: 'val',
        text: tok.text,
        raw: tok.raw,
        no: tok.no,
        line: tok.line,
        ...(tok.col !== undefined ? { col: tok.col } : {}),
      });
  }
  return slots;
}

/**
 * Empty pieces at the end of each delimited line (by line index) that may be the flattening's
 * own: the piece after a closing `|`, any `| |` a scrape adds, fields an export writes to the
 * sheet's width — and blank last cells, which the other rows tell apart (`consistentNoise`). A
 * drawn table's row (HTML, Word, a PDF's ruled table: Line.grid) has none: an empty last cell is
 * a position of its grid, and a column left blank in every row is no flattening's noise. It
 * counts 0.
 */
export function trailingEmpties(toks: Tok[]): Map<number, number> {
  const out = new Map<number, number>();
  let line = -1;
  let trail = 0;
  let content = false;
  for (const t of toks) {
    if (t.line !== line) {
      line = t.line;
      trail = 0;
      content = false;
    }
    if (t.t === 'eol') {
      if (t.delimited && content) out.set(line, t.grid ? 0 : trail);
    } else if (t.t === 'empty') trail++;
    else if (t.t === 'val' || t.t === 'text') {
      trail = 0;
      content = true;
    }
  }
  return out;
}

/**
 * How many trailing empty pieces are the flattening's own (no cells), judged from the other
 * rows: the number most of them (three in four) end with, when none ends with fewer (the rest
 * have blank last cells). When they differ more (a scrape adding `| |` at random), trailing
 * empties say nothing and null is returned. `lines` are the table's row lines, `own` the line
 * being read; with no other row line, every other delimited line is used.
 */
export function consistentNoise(trails: Map<number, number>, lines: number[], own: number): number | null {
  let ts = lines.filter((l) => l !== own && trails.has(l)).map((l) => trails.get(l)!);
  if (ts.length === 0) ts = [...trails].filter(([l]) => l !== own).map(([, t]) => t);
  if (ts.length === 0) return null;
  const min = Math.min(...ts);
  return ts.filter((t) => t === min).length * 4 >= ts.length * 3 ? min : null;
}

/**
 * `consistentNoise(trails, lines, own)` for every `own` of one table, its facts counted once:
 * the rows of a table all ask with the same `trails` and `lines`, and the plain form's filters
 * per row made reading a table quadratic in its rows. The same answers: the other lines' trails
 * are the table's multiset less `own`'s entries, whose least value and its count follow from
 * the counts (`test/noise.test.ts` compares both forms on random tables).
 */
export function noiseOfRows(trails: Map<number, number>, lines: number[]): (own: number) => number | null {
  const counts = new Map<number, number>();
  const onLine = new Map<number, number>();
  let total = 0;
  for (const l of lines) {
    const t = trails.get(l);
    if (t === undefined) continue;
    counts.set(t, (counts.get(t) ?? 0) + 1);
    onLine.set(l, (onLine.get(l) ?? 0) + 1);
    total++;
  }
  const values = [...counts.keys()].sort((a, b) => a - b);
  return (own) => {
    const mine = onLine.get(own) ?? 0;
    // No other row line has trails: the plain form falls back on every delimited line.
    if (total === mine) return consistentNoise(trails, lines, own);
    let min = values[0]!;
    let n = counts.get(min)!;
    if (mine > 0 && trails.get(own) === min && (n -= mine) === 0) n = counts.get((min = values[1]!))!;
    return n * 4 >= (total - mine) * 3 ? min : null;
  };
}

/**
 * A delimited row's cells → positions. Scrapes add empty `| |` cells after rows, so trailing
 * empties are blank cells only beyond the table's own `noise` (see `consistentNoise`; null:
 * trailing empties are never taken for cells).
 */
export function fromSlots(
  all: Slot[],
  n: number,
  noise: number | null = 0,
  padded = false,
  labelPadding = false,
  emptyCols?: ReadonlySet<number>,
  full?: FullRows | null,
  voidEnd = false,
  /** The row is tab or comma-separated text, not a drawn table's (Tok eol `grid`). */
  text = false,
): RowCells {
  // Empty pieces between the label and the grid's first value column that the table's full rows
  // show (FullRows.start): the label's merged columns, no blank cells. A label one level up the
  // form's hierarchy (（一）予以公开 in the column before 1.属于国家秘密's) stands a piece further
  // left, and counting its empty pieces as cells read the row a column off (a fresh tester's
  // t17). Known only from the pieces of the row's values: all of them where the pieces run on.
  const pieceOf = labelColumns(all, full?.start ?? null);
  const slots = all.slice(pieceOf);
  while (slots.length && slots[slots.length - 1] === null) slots.pop();
  const vals = slots.filter((s): s is ValTok => s !== null);
  const trail = all.length - pieceOf - slots.length;
  let lead = 0;
  while (lead < slots.length && slots[lead] === null) lead++;
  // Cells before the first value that are no number, nor a mark for none (a unit column's 件).
  let unit = lead;
  while (unit < slots.length && (slots[unit] === null || !NUMBERISH.test(slots[unit]!.text))) unit++;
  // In a table whose full rows show empty pieces between label and values (the label's merged
  // columns), empty pieces after the label make up the count only together with the values:
  // they may be blank cells, or that padding in a row short of a cell. Not proven: the row is
  // read without them, short of cells, and only arithmetic places its values (a reading with
  // blank cells would pass every identity unchecked, so it is never offered).
  if (labelPadding && slots.length <= n && lead > 0 && vals.length > 0 && vals.length < n)
    return { kind: 'short', slots: slots.slice(lead), vals, by: 'delimited' };
  // Empty pieces after the last value, taken for the line's padding, while the count is made up
  // with empty pieces before the first value or with one in a column empty in every row
  // (`emptyCols`, counted from the line's end): those may be blank cells and the ones after
  // padding, or the label's merged columns (an export's `label,,v…`) or a spacer column and the
  // ones after blank last cells (a 总计 blank in every row). Both readings fill the row; which is
  // not proven (a fresh tester's t10: every value a column to the right). A `|` line's last
  // empty piece is its closing separator's (a PDF row's may be a blank cell: `voidEnd`). A row of the table with all its values right after
  // its label (`full`) shows the label one cell wide: the empty pieces before are blank cells —
  // when one is of the row's own label level (labelLevel).
  // Cells before the first value that are no number (a unit column's 件, a label's note in a
  // cell of its own), which the count takes for cells, are the same doubt, unless such a row
  // ends with as many empty pieces (they are then the line's padding).
  const labelPad = lead > 0 && (!full || full.otherLevel === true);
  const spacer = slots.some((s, i) => s === null && i >= lead && emptyCols?.has(all.length - 1 - pieceOf - i));
  const note = unit > lead && !(full && trail <= full.trail);
  if (
    (slots.length === n || vals.length === n) &&
    (vals.length < n || unit > lead) &&
    trail - (padded && !voidEnd ? 1 : 0) >= 1 &&
    (labelPad || spacer || note)
  )
    return {
      kind: 'unknown',
      reason: `empty cells after the row's last value, and before its first or in a column empty in every row: which of them are blank cells and which padding or a spacer is not proven`,
      vals,
    };
  // A cell of two numbers or more (`0  5`): a separator lost inside the row, which then holds
  // more values than columns (`规章 | 0 | 0  5 | 993`: 4 values for 3). Which one is surplus is
  // not known, so no value of the row is placed: 993 is not proven 现行有效件数. (A row short of
  // cells goes on: the lost separator may be what makes up its count, the arithmetic decides.)
  // Only in a `|` text row (`padded`): an HTML or PDF cell's own pieces (a number split over
  // blocks) are read by the rules for them.
  const split = padded ? slots.find((s) => s !== null && severalValues(s.text)) : undefined;
  // (The cell alone in its row, `行政许可 | 1 234 |`, places nothing else: it is read as text.)
  if (split && slots.length >= n && vals.length > 1)
    return { kind: 'unknown', reason: `a cell holds several numbers ("${split.raw}"): a separator lost`, vals };
  if (slots.length === n) return { kind: 'cells', cells: slots, by: 'delimited' };
  if (vals.length === n) return { kind: 'cells', cells: vals, by: 'delimited' };
  const blanksAtEnd = slots.length < n && noise !== null && trail - noise >= n - slots.length;
  if (blanksAtEnd && ((!padded && !text) || vals.length === 0)) {
    // The row has its n cells; the last ones are empty cells, not the line's closing `|`.
    return { kind: 'cells', cells: [...slots, ...Array<Slot>(n - slots.length).fill(null)], by: 'delimited' };
  }
  if (slots.length < n && vals.length > 0) {
    // In `|`, tab or comma text (`padded`, `text`) the empty pieces at the end may be blank cells
    // or the padding of a row short of a cell: both readings go to the arithmetic. A spreadsheet
    // writes a blank 总计 as `…,16,`, but a row that lost a middle cell and ends in an empty field
    // (a trailing separator, or a sheet's width) shows the same (a fresh tester's t60:
    // `0,8,3,0,0,16,` for 0 8 5 3 0 0 16 was published a column off; docs/template.md).
    return { kind: 'short', slots, vals, by: 'delimited', ...(blanksAtEnd ? { blankTail: n - slots.length } : {}) };
  }
  return { kind: 'unknown', reason: `${vals.length} values in ${all.length - pieceOf} cells for ${n} columns`, vals };
}

/**
 * How many of a delimited row's first pieces after its label are the label's merged columns: the
 * empty pieces before `start` (the piece of the full rows' first value), when each value's piece
 * is its slot's place after the same first piece (the pieces run on, one slot each); else 0.
 */
function labelColumns(all: Slot[], start: number | null): number {
  if (start === null) return 0;
  let first: number | null = null;
  for (let k = 0; k < all.length; k++) {
    const piece = all[k]?.piece;
    if (piece === undefined) continue;
    if (first === null) first = piece - k;
    else if (piece - k !== first) return 0;
  }
  if (first === null) return 0;
  const skip = start - first;
  if (skip <= 0 || skip >= all.length) return 0;
  return all.slice(0, skip).every((s) => s === null) ? skip : 0;
}

/**
 * A cell's text that is or may be a number: one with a digit, a number in Chinese numerals, or a
 * mark for none or zero (—, /, 无, 〇). Not a unit (件) or a label's note (（区分处理的…）).
 */
const NUMBERISH = /[\d０-９]|^[〇零一二三四五六七八九十百千万两]+$|^(?:[—–\-－/／.．]+|无)$/;

/** A cell that is a unit and nothing else (a unit column's, 单位: 件): never a value of the form. */
const UNIT_ALONE = /^\s*(?:件|个|项|次|人次|份|条|家|元|万元|千元)\s*$/;

/** Text of two numbers or more separated by spaces (`0  5`, `12 3`): no one cell's value. */
function severalValues(text: string): boolean {
  const parts = text.trim().split(/\s+/);
  return parts.length > 1 && parts.every((p) => /^[+-]?\d[\d,]*(?:\.\d+)?$/.test(p));
}

/**
 * Why a row written one value a line is not read by its count: an empty line between two of its
 * values while two others stand on consecutive lines. Null when there is none, or when an empty
 * line separates every two values (a blank line after each cell).
 */
function innerBreak(lines: ReadonlyArray<ValTok[] | null>): string | null {
  let gap = -1;
  let breaks = 0;
  let dense = false;
  for (const l of lines) {
    if (l === null) {
      if (gap >= 0) gap++;
      continue;
    }
    if (l.length > 1) return null;
    if (gap === 0) dense = true;
    else if (gap > 0) breaks++;
    gap = 0;
  }
  return dense && breaks
    ? 'an empty line among values written one a line: a blank cell one too many, or a break before values that are not the row’s'
    : null;
}

/**
 * Line mode: each line is a value line (one or more values) or an empty line.
 *
 * One cell a line with no empty line between values (`dense`): an empty line among the values is
 * a blank cell, but one at the edge of the row's values may be a blank cell (a converter writing
 * each cell on a line) or only a break between rows (pdftotext writes a blank cell as no line at
 * all). `edges` 'separators': the table showed its breaks (edgeSeparators), so edge lines are no
 * cells; a row needing them is short. Also short: a row with empty lines on both sides of its
 * values needing only some of them (which side is not known).
 */
export function fromLines(
  region: Tok[],
  n: number,
  dense = false,
  edges: 'cells' | 'separators' = 'cells',
  /**
   * Whether the region runs to the next row's label: only then are empty lines after its last
   * value blank cells. Before other text (a page's header repeated, a note) they may as well be
   * the break before it (a fresh tester's plain pdftotext with its form feeds taken out: two
   * empty lines before the next page's header read as a blank 总计, every value after the real
   * blank a column off).
   */
  trailEnds = true,
): RowCells {
  const lines: Array<ValTok[] | null> = [];
  // The lines with no value that are bare empty lines (not an empty cell marked ` |`): only those
  // may be a break between rows rather than a blank cell.
  const bare = new Set<number>();
  let lastLine = -1;
  for (const tok of region) {
    if (tok.t === 'eol') continue;
    if (tok.line !== lastLine) {
      if (tok.t === 'blank') bare.add(lines.length);
      lines.push(tok.t === 'val' ? [tok] : null);
      lastLine = tok.line;
    } else if (tok.t === 'val') {
      const cur = lines[lines.length - 1];
      if (cur) cur.push(tok);
      else lines[lines.length - 1] = [tok];
    }
  }
  // lines.flatMap((l) => l ?? []) as a loop: flatMap with an empty array per blank line was this
  // function's main cost.
  const vals: ValTok[] = [];
  for (const l of lines) if (l) for (const v of l) vals.push(v);
  // Lines of one value and lines of several in one row: a number written with a space
  // (`1 234`) or cells run together; which values are cells is not known.
  if (lines.some((l) => l !== null && l.length > 1) && lines.some((l) => l !== null && l.length === 1)) {
    return { kind: 'unknown', reason: `${vals.length} values on lines of one and of several values`, vals };
  }
  if (vals.length === n) {
    // An empty line between two of its values where others follow one another line by line:
    // as a blank cell it is one too many; as a break between rows, the values after it are
    // none of this row's (a page number after the row's break, the row a value short: synthetic
    // seed 2026, `— 2 0 0 0 2` and, after the break, the page's 4, read as 总计 4). Not shown.
    const inner = innerBreak(lines);
    return inner ? { kind: 'unknown', reason: inner, vals } : { kind: 'cells', cells: vals, by: 'lines' };
  }
  if (vals.length > n) return { kind: 'unknown', reason: `${vals.length} values for ${n} columns`, vals, run: true };
  if (vals.length === 0) {
    return lines.length > 0
      ? { kind: 'cells', cells: Array<Slot>(n).fill(null), by: 'lines' }
      : { kind: 'unknown', reason: 'no cells', vals };
  }
  const first = lines.findIndex((l) => l !== null);
  let last = lines.length - 1;
  while (lines[last] === null) last--;
  const lead = first;
  const trail = lines.length - 1 - last;
  const missing = n - vals.length;
  // Empty lines between consecutive value lines tell the flattening: none anywhere means one
  // cell per line with no separators (every empty line is a blank cell); exactly one each time
  // means blank separator lines (blank cells can then only sit at the edges).
  const gaps: number[] = [];
  for (let i = first, gap = 0; i <= last; i++) {
    if (lines[i] === null) gap++;
    else {
      if (i > first) gaps.push(gap);
      gap = 0;
    }
  }
  const multi = lines.some((l) => l !== null && l.length > 1);
  // Every other line a value, in a table where empty lines are cells: the empty lines may as well
  // be breaks (plain pdftotext writing another row's values among this one's: a fresh tester's
  // 结转下年度 read 1 · 6 · 5 with blanks between, 6 and 5 总计's). Not known.
  if (!multi && dense && gaps.length >= 2 && gaps.every((g) => g === 1))
    return {
      kind: 'unknown',
      reason: `${vals.length} values each an empty line apart: empty lines as cells or as breaks, which is not known`,
      vals,
    };
  if (!multi && (dense || gaps.some((g) => g === 0))) {
    // Dense: every line is a cell.
    // lines.slice(0, last + 1).flatMap((l) => (l === null ? [null] : l)), as a loop.
    let cells: Slot[] = [];
    for (let i = 0; i <= last; i++) {
      const l = lines[i];
      if (!l) cells.push(null);
      else for (const v of l) cells.push(v);
    }
    // More positions than columns, the surplus all bare empty lines at the start: those are the
    // separator after a header row, not cells. Not an empty cell marked ` |` (a cell, never a
    // separator); and not when a bare empty line stands between two values too: then it may as
    // well be the row's end, and the value after it another line's — a page number (a fresh
    // tester's t90: `— — 0 0 [3] — 0 0 0`, the page's 3 read as 科研机构's; six blanks, 0, the
    // row's break and the page's 1, read as 其他 0 and 总计 1).
    const surplus = cells.length - n;
    if (surplus > 0 && cells.slice(0, surplus).every((c, i) => c === null && bare.has(i))) {
      const firstVal = cells.findIndex((c) => c !== null);
      const lastVal = cells.findLastIndex((c) => c !== null);
      // (Not where the table shows its rows' breaks as empty lines (edgeSeparators): the leading
      // line is one, and an empty line between values a blank cell: t93's loss.)
      const broken =
        edges !== 'separators' && cells.some((c, i) => c === null && i > firstVal && i < lastVal && bare.has(i));
      if (broken)
        return {
          kind: 'unknown',
          reason: `${vals.length} values in ${cells.length} lines for ${n} columns, an empty line before the first value and one between two values: which empty lines are cells and which breaks is not known`,
          vals,
        };
      cells = cells.slice(surplus);
    }
    // Bare empty lines before the first value (after the trimmed surplus) and after the last.
    const offset = Math.max(0, surplus);
    let leadBare = 0;
    while (leadBare < cells.length && cells[leadBare] === null && bare.has(offset + leadBare)) leadBare++;
    const trailBare = (k: number) => {
      let b = 0;
      for (let i = last + 1; i <= last + k; i++) if (bare.has(i)) b++;
      return b;
    };
    // The row without its bare edge lines: an empty line between two values stays a blank cell.
    const inner = (): RowCells => ({ kind: 'short', slots: cells.slice(leadBare), vals, by: 'lines' });
    if (cells.length === n)
      return leadBare > 0 && (edges === 'separators' || trailBare(trail) > 0)
        ? inner()
        : { kind: 'cells', cells, by: 'lines' };
    if (cells.length < n && trail >= n - cells.length && (trailEnds || leadBare > 0 || edges === 'separators'))
      return edges === 'separators' && (leadBare > 0 || trailBare(n - cells.length) > 0)
        ? inner()
        : { kind: 'cells', cells: [...cells, ...Array<Slot>(n - cells.length).fill(null)], by: 'lines' };
    // No empty line at all and too few values: digits glued together.
    if (cells.length < n && trail <= 1 && cells.every((c) => c !== null))
      return { kind: 'short', slots: vals, vals, by: 'lines' };
    return { kind: 'unknown', reason: `${vals.length} values in ${cells.length} lines for ${n} columns`, vals };
  }
  // (One cell a line only: after a line of several values, empty lines tell nothing of its cells
  // — a fresh tester's `-layout` 四 of 13 values for 15, read with two blanks at its end.)
  // (Not from one gap: one empty line between two values alone may as well be a blank cell or
  // the row's end with another line's value after it — a page number: a fresh tester's t90, six
  // blanks, 0, the row's break and the page's 1, read as 其他 0 and 总计 1.)
  // The table showing its rows' breaks as empty lines (edgeSeparators) proves the layout (t93).
  if (!multi && (gaps.length !== 1 || edges === 'separators') && gaps.every((g) => g === 1)) {
    // One empty line separates cells; blank cells at an edge show as more empty lines than
    // that one. Without them nothing marks where the missing cells were (a dropped cell
    // would be read shifted).
    if (lead >= missing + 1 && trail <= 1)
      return { kind: 'cells', cells: [...Array<Slot>(missing).fill(null), ...vals], by: 'lines' };
    if (lead <= 1 && trail >= missing + 1 && trailEnds)
      return { kind: 'cells', cells: [...vals, ...Array<Slot>(missing).fill(null)], by: 'lines' };
  }
  // Glued digits only where no empty line sits between values: with separators, one missing
  // cell could as well be a blank one, and a split that happens to satisfy the sums would be a
  // wrong number.
  if (lead <= 1 && trail <= 1 && gaps.every((g) => g === 0)) return { kind: 'short', slots: vals, vals, by: 'lines' };
  return { kind: 'unknown', reason: `${vals.length} values for ${n} columns; blank cells cannot be placed`, vals };
}

/**
 * Whether a table of one cell a line shows the breaks between its rows as empty lines, so that an
 * empty line at the edge of a row's values is no blank cell (fromLines `edges`): a row with all
 * its cells, each on a line of its own and none empty, has an empty line before its first value,
 * or after its last where another row follows (the table's last row may end at a paragraph's
 * break); or no row has an empty line between two of its values, the one place where an empty
 * line can only be a blank cell. `rows`: each found row's label token index and column count, in
 * order.
 */
export function edgeSeparators(toks: Tok[], rows: ReadonlyArray<{ at: number; n: number }>): boolean {
  let interior = false;
  let sameLine = false;
  for (let k = 0; k < rows.length; k++) {
    const { at, n } = rows[k]!;
    const end = k + 1 < rows.length ? rows[k + 1]!.at : toks.length;
    const labelLine = toks[at]!.line;
    for (let i = at + 1; i < end && toks[i]!.line === labelLine; i++) if (toks[i]!.t === 'val') sameLine = true;
    // The lines after the label's, up to other text, as readRow takes them: a value line
    // (true), an empty line (false); a line of several values or a delimited one: not this shape.
    const lines: boolean[] = [];
    let last = -1;
    let shape = true;
    for (let i = at + 1; i < end && shape; i++) {
      const t = toks[i]!;
      if (t.line === labelLine) continue;
      if (t.t === 'text') break;
      if (t.t === 'empty' || (t.t === 'eol' && t.delimited)) shape = false;
      else if (t.t === 'val') {
        if (t.line === last) shape = false;
        else lines.push(true);
        last = t.line;
      } else if (t.t === 'blank' && t.line !== last) {
        lines.push(false);
        last = t.line;
      }
    }
    if (!shape) continue;
    const first = lines.indexOf(true);
    const lastVal = lines.lastIndexOf(true);
    if (first < 0) continue;
    if (lines.slice(first, lastVal + 1).includes(false)) {
      interior = true;
      continue;
    }
    if (lastVal - first + 1 !== n) continue;
    if (first > 0 || (lastVal < lines.length - 1 && k + 1 < rows.length)) return true;
  }
  // No row shows an empty line between two of its values: nothing shows that an empty line is a
  // cell at all (pdftotext writes none for a blank cell), so one at an edge is not taken for one.
  // Nor where rows hold their values on their label's line: the table is no one-cell-a-line
  // table, its rows broken onto lines where a cell held a line break (a browser's copy of `<br>`
  // and `<p>` in cells: `6`, empty, `2`, empty …), and an empty line is such a break as likely
  // (a fresh tester's t99: one after a row's last value read as a blank 总计, 总计 published as 其他).
  return !interior || sameLine;
}

/** Whether an empty line stands between two value lines of `region` (fromLines `edges`). */
export function interiorEmptyLine(region: Tok[]): boolean {
  let seen = false;
  let gap = false;
  for (const t of region) {
    if (t.t === 'val') {
      if (seen && gap) return true;
      seen = true;
      gap = false;
    } else if (t.t === 'blank' && seen) gap = true;
  }
  return false;
}

/**
 * One cell per line with no separator lines (a table-wide property): two value lines follow
 * each other somewhere in the table. Then every empty line is a blank cell, even in a row
 * with a single value.
 */
export function isDense(toks: Tok[]): boolean {
  // Lines holding a text token, found once (a scan of every token per row was quadratic).
  const textLines = new Set<number>();
  for (const t of toks) if (t.t === 'text') textLines.add(t.line);
  let prevLine = -1;
  let prevWasValue = false;
  let curHasValue = false;
  let curLine = -1;
  for (const tok of toks) {
    if (tok.line !== curLine) {
      if (curLine >= 0) {
        if (prevWasValue && curHasValue && curLine === prevLine + 1) return true;
        prevWasValue = curHasValue;
        prevLine = curLine;
      }
      curLine = tok.line;
      curHasValue = false;
    }
    if (tok.t === 'val') curHasValue = true;
    if (tok.t === 'eol' && tok.delimited && curHasValue && textLines.has(tok.line)) curHasValue = false;
  }
  return prevWasValue && curHasValue && curLine === prevLine + 1;
}

/** Index of the token that ends the region of found row k. */
export function regionEnd(found: FoundRow[], k: number, limit: number): number {
  return k + 1 < found.length ? found[k + 1]!.at : limit;
}
