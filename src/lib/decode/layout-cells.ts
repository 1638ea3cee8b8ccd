import { makeLine, type Line, type LineCell } from './lines.ts';
import { normalizeLine } from './normalize.ts';

/**
 * Blank cells of a table in `pdftotext -layout` text, placed by their column positions:
 *
 *     （三）1.属于国家秘密      0         0         0         0         0         0         0
 *     （三）2.其他法律行政法规禁止公开    0                                       3         0         7
 *
 * A blank cell is only a wider gap, so a row short of values was read by count alone, and only
 * the arithmetic could place its values (mostly it could not: the whole row was NULL). Here a
 * row short of values becomes a row of exact cells (a drawn table's, `Line.grid`), its empty
 * cells blank, only when the position of every one of its values is proven:
 *
 * - at least three rows of the table hold all `n` values after their label (read by count: the
 *   k-th value is the k-th column), and every such row whose label ends before the value columns
 *   puts its k-th value at the same place: the same first character (left-aligned) or the same
 *   last (right-aligned). A row whose long label pushed its numbers to the right is no evidence;
 *   any other row that disagrees (a page set at another offset) leaves the table as it was;
 * - the columns (the extents of those rows' k-th values) stand at least two spaces apart;
 * - the short row's label starts where a full row's does (not a page set at another offset) and
 *   ends two columns or more before the first column and its first value, on a page where a full row shows the grid too
 *   (after a page break a converter may set the columns elsewhere: pageOf), and each of its values starts (or ends) exactly where its
 *   column's values do, overlaps that column and clears its neighbours, one value a column.
 *
 * Positions are counted both ways a converter may write them — a CJK character one column or
 * two; most full rows must agree under a count for it to show a grid, and a row is placed when a
 * count places it and no other count places it elsewhere.
 * Anything else (tabs, a value glued across a gap, a row with no label of its own, a line whose
 * text was rewritten after decoding) leaves the line as it was: read by count, or NULL.
 */

interface Tok {
  s: number;
  e: number;
  raw: string;
  /** Where it starts in the raw text (code units). */
  u: number;
}
interface Row {
  index: number;
  /** The page it is on (page breaks counted from the table's first line: pageOf). */
  page: number;
  labelStart: number;
  labelEnd: number;
  values: Tok[];
}

/** A cell value as the table readers take one (tokens.ts VALUE). */
const VALUE = /^(?:[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万元|元|件|个|条|项|次)?|\/|-{1,2}|—{1,2}|无)$/;
const CJK = /[\u4e00-\u9fff]/;

/** East Asian wide and full-width characters (two columns in a terminal's count). */
function wide(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x20000
  );
}

type Measure = (ch: string) => number;
const MEASURES: Measure[] = [() => 1, (ch) => (wide(ch) ? 2 : 1)];

function tokens(raw: string, width: Measure): Tok[] {
  const out: Tok[] = [];
  let col = 0;
  let u = 0;
  let cur: Tok | null = null;
  for (const ch of raw) {
    if (ch === ' ') {
      if (cur) out.push(cur);
      cur = null;
    } else {
      cur ??= { s: col, e: col, raw: '', u };
      cur.raw += ch;
      cur.e = col + width(ch);
    }
    col += width(ch);
    u += ch.length;
  }
  if (cur) out.push(cur);
  return out;
}

/** A line's label tokens and trailing values; null for a line that is no candidate row. */
function row(l: Line, index: number, width: Measure, page = 0): Row | null {
  const toks = tokens(l.raw, width);
  let k = toks.length;
  while (k > 0 && VALUE.test(toks[k - 1]!.raw)) k--;
  if (k === 0 || k === toks.length) return null;
  const label = toks.slice(0, k);
  if (!label.some((t) => CJK.test(t.raw))) return null;
  return { index, page, labelStart: label[0]!.s, labelEnd: label.at(-1)!.e, values: toks.slice(k) };
}

/** A page's furniture between two pages: `- 3 -`, `第 3 页 共 8 页`, `3/8`. */
const PAGE_MARK =
  /^\s*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*[/／]\s*\d{1,3})\s*$/;

/**
 * Each line's page, counted from 0 at the first line: a new page starts at a form feed
 * (pdftotext's) or after a line that is a page mark. A converter sets each page at its own
 * offset, so the columns a page's full rows show say nothing of another page's (a fresh
 * tester's t23: the second page's values one column right, each read as its neighbour's).
 */
function pageOf(lines: Line[]): number[] {
  let page = 0;
  let marked = false;
  return lines.map((l) => {
    if (marked || l.raw.includes('\f')) page++;
    marked = PAGE_MARK.test(l.raw.replace(/\f/g, ''));
    return page;
  });
}

/**
 * Whether a row's values, read with its missing cells anywhere but all last (the values after
 * each a column right), make the last column the sum of the others, as the form's 总计 is, and
 * put another number in a column than the values in the first columns do: then the row may be
 * such a row, moved left. One cell missing holds what the sum makes it (a whole number from 0);
 * several are taken as none. A value that is no plain number (a unit) makes it so: nothing is
 * checked. A row of zeros moved reads the same: no doubt.
 */
function movedAddsUp(values: Tok[], n: number): boolean {
  const nums = values.map((t) => (/^\d+$/.test(t.raw) ? Number(t.raw) : /^(?:[-—/]{1,2}|无)$/.test(t.raw) ? 0 : NaN));
  if (nums.some(Number.isNaN)) return true;
  const lost = n - nums.length;
  // Every choice of the `lost` places among n, the last place filled (else 总计 is lost too).
  const choose = (from: number, left: number, at: number[]): boolean => {
    if (left === 0) {
      const cells: number[] = [];
      for (let i = 0, v = 0; i < n; i++) cells.push(at.includes(i) ? 0 : nums[v++]!);
      const rest = cells.slice(0, -1).reduce((a, b) => a + b, 0);
      if (lost === 1) {
        const x = cells[n - 1]! - rest;
        if (x < 0) return false;
        cells[at[0]!] = x;
      } else if (rest !== cells[n - 1]) return false;
      return nums.some((v, j) => v !== cells[j]);
    }
    for (let i = from; i < n - 1; i++) if (choose(i + 1, left - 1, [...at, i])) return true;
    return false;
  };
  return choose(0, lost, []);
}

/** The columns full rows show under one alignment (placements). */
interface Grid {
  key: (t: Tok) => number;
  at: number[];
  lo: number[];
  hi: number[];
  starts: Set<number>;
  pages: Set<number>;
}

/**
 * The candidate rows of `lines` by one measure, and the columns their full rows (`n` values)
 * show under each alignment (left or right): none when fewer than three full rows, or when
 * they do not agree (see the module's note).
 */
function gridsOf(lines: Line[], n: number, width: Measure): { rows: Row[]; grids: Grid[] } {
  const page = pageOf(lines);
  const rows = lines.flatMap((l, i) =>
    usable(l) ? [row(l, i, width, page[i])].filter((r): r is Row => r !== null) : [],
  );
  const full = rows.filter((r) => r.values.length === n);
  const grids: Grid[] = [];
  if (full.length < 3) return { rows, grids };
  // Under each alignment: the place of the k-th value that most full rows share.
  for (const key of [(t: Tok) => t.s, (t: Tok) => t.e]) {
    const count = new Map<string, { n: number; at: number[] }>();
    for (const r of full) {
      const at = r.values.map(key);
      const c = count.get(at.join());
      if (c) c.n++;
      else count.set(at.join(), { n: 1, at });
    }
    const ranked = [...count.values()].sort((a, b) => b.n - a.n);
    const best = ranked[0]!;
    if (best.n < 3 || (ranked[1] && ranked[1].n === best.n)) continue;
    const agree = full.filter((r) => r.values.map(key).join() === best.at.join());
    // Most full rows agree (a count that takes CJK characters for wider or narrower than the
    // converter did leaves most labels seeming to run into the columns, and few rows agreeing).
    if (agree.length * 2 <= full.length) continue;
    const lo = best.at.map((_, k) => Math.min(...agree.map((r) => r.values[k]!.s)));
    const hi = best.at.map((_, k) => Math.max(...agree.map((r) => r.values[k]!.e)));
    // Every full row whose label ends clear of the columns must agree (a label that reaches
    // within two columns of the first may have pushed its numbers).
    if (full.some((r) => r.labelEnd + 2 < lo[0]! && r.values.map(key).join() !== best.at.join())) continue;
    if (lo.some((x, k) => k > 0 && x - hi[k - 1]! < 2)) continue;
    grids.push({
      key,
      at: best.at,
      lo,
      hi,
      starts: new Set(agree.map((r) => r.labelStart)),
      pages: new Set(agree.map((r) => r.page)),
    });
  }
  return { rows, grids };
}

/** A page's value columns (valueColumns): each column's extent, and the measure that shows it. */
export interface ValueColumns {
  wide: boolean;
  lo: number[];
  hi: number[];
}

/**
 * The value columns of a table in `pdftotext -layout` text, page by page (a converter sets each
 * page at its own offset): the extent of each column's values over the page's full rows (`n`
 * values after a label; two or more), where one measure only shows them apart (`wide`: a CJK
 * character counted two columns, else one; counted the other way, labels of other lengths push
 * the values about and the extents run into each other). Numbers may be centred in their
 * cells, so the extents, not one shared place, are the columns. For reading a header set out
 * above them (tables/header.ts); the line index → its page's columns, for the pages that show
 * them.
 */
export function valueColumns(lines: Line[], n: number): Map<number, ValueColumns> {
  const page = pageOf(lines);
  const byPage = new Map<number, ValueColumns>();
  for (const p of new Set(page)) {
    const shown = MEASURES.flatMap((m, k) => {
      const full = lines.flatMap((l, i) => {
        if (page[i] !== p || !usable(l) || l.rebuilt) return [];
        const r = row(l, i, m, p);
        return r && r.values.length === n ? [r] : [];
      });
      if (full.length < 2) return [];
      const lo = Array.from({ length: n }, (_, c) => Math.min(...full.map((r) => r.values[c]!.s)));
      const hi = Array.from({ length: n }, (_, c) => Math.max(...full.map((r) => r.values[c]!.e)));
      if (lo.some((x, c) => c > 0 && x <= hi[c - 1]!)) return [];
      // Every full row's label ends before the first column (a label run into it is no evidence).
      if (full.some((r) => r.labelEnd >= lo[0]!)) return [];
      return [{ wide: k === 1, lo, hi }];
    });
    if (shown.length === 1) byPage.set(p, shown[0]!);
  }
  // A page of one full row (a page break right after 三's first row, under its header): it shows
  // the next page's columns where that row's values stand each in its column there, so its header
  // is read over them (a fresh tester's fuzzer: with no columns, a header in another order was
  // read in the form's).
  const pages = [...new Set(page)];
  for (const p of pages) {
    if (byPage.has(p)) continue;
    const next = byPage.get(p + 1) ?? byPage.get(p - 1);
    if (!next) continue;
    const measure = MEASURES[next.wide ? 1 : 0]!;
    const full = lines.flatMap((l, i) => {
      if (page[i] !== p || !usable(l) || l.rebuilt) return [];
      const r = row(l, i, measure, p);
      return r && r.values.length === n ? [r] : [];
    });
    // Each value overlapping its column there, clear of the neighbours' (numbers set to one side of
    // their cells reach past a column of shorter ones).
    const inside = (r: Row) =>
      r.labelEnd < next.lo[0]! &&
      r.values.every(
        (v, c) =>
          v.e > next.lo[c]! &&
          v.s < next.hi[c]! &&
          (c === 0 || v.s > next.hi[c - 1]!) &&
          (c === n - 1 || v.e < next.lo[c + 1]!),
      );
    if (full.length === 1 && full.every(inside)) byPage.set(p, next);
  }
  const out = new Map<number, ValueColumns>();
  page.forEach((p, i) => {
    const c = byPage.get(p);
    if (c) out.set(i, c);
  });
  return out;
}

/** Where each short row's values go (line index → column of each value), by one measure. */
function placements(lines: Line[], n: number, width: Measure, lastIsSum: boolean): Map<number, number[]> | null {
  const { rows, grids } = gridsOf(lines, n, width);
  if (!grids.length) return null;
  const out = new Map<number, number[]>();
  for (const r of rows) {
    if (r.values.length >= n) continue;
    const places: number[][] = grids.map((g) => {
      // The label where the full rows' labels stand (not a page set at another offset), ending
      // before the first column.
      if (!g.starts.has(r.labelStart) || r.labelEnd + 2 >= g.lo[0]!) return [];
      // On a page of its own full rows that show this grid (not one set at another offset).
      if (!g.pages.has(r.page)) return [];
      const cols: number[] = [];
      for (const t of r.values) {
        const k = g.at.indexOf(g.key(t));
        if (k < 0 || (cols.length && k <= cols.at(-1)!)) return [];
        // Inside its column's corridor: overlapping it, clear of the neighbours by a space, and
        // of the label by two as the columns are of each other (a fresh 100,000-report corpus:
        // `（五）2.重复申请 2000002`, seven cells glued, ending where the first column's values
        // end, was read as one number in it and six blanks).
        if (t.e <= g.lo[k]! || t.s >= g.hi[k]!) return [];
        if (t.s - r.labelEnd < 2) return [];
        // A number with a leading zero (00, 05) is no one cell: cells glued (glue.ts splits them).
        if (/^0\d/.test(t.raw)) return [];
        if (k > 0 && t.s <= g.hi[k - 1]!) return [];
        if (k < n - 1 && t.e >= g.lo[k + 1]!) return [];
        cols.push(k);
      }
      return cols;
    });
    const placed = places.filter((p) => p.length === r.values.length);
    // Two alignments that both hold but place the values differently: not proven.
    if (!placed.length || placed.some((p) => p.join() !== placed[0]!.join())) continue;
    // Its values in the first columns, its blanks all last: a row short of values with the rest
    // moved left, a column each, in a clerk's fixed-width columns shows the same (synthetic seed
    // 2026: `3 0 0 0 0 3` under the first six columns of seven, 3 published as 其他 for
    // 3 0 0 0 0 0 3 with one 0 lost). Placed only when no such reading adds up (movedAddsUp).
    if (placed[0]!.every((k, j) => k === j) && (!lastIsSum || movedAddsUp(r.values, n))) continue;
    // With its total placed, the row adds up with its blanks as none (a report leaves a cell blank
    // for no case): else a value glued to its neighbour where they stood (`5` and `2` as `52`,
    // the neighbour's place taken for a blank: a fresh tester's fuzzer) is not placed.
    if (lastIsSum && !placedAddsUp(r.values, placed[0]!, n)) continue;
    out.set(r.index, placed[0]!);
  }
  return out;
}

/** Whether values placed in columns `cols` add up to the last column's (true when it is not placed). */
function placedAddsUp(values: ReadonlyArray<{ raw: string }>, cols: readonly number[], n: number): boolean {
  const at = cols.indexOf(n - 1);
  if (at < 0) return true;
  const nums = values.map((v) => Number(v.raw.replace(/[,，件]/g, '')));
  if (nums.some((x) => !Number.isFinite(x))) return true;
  const sum = nums.reduce((a, x, k) => (k === at ? a : a + x), 0);
  return Math.abs(sum - nums[at]!) < 1e-9;
}

/** A plain text line whose text is its raw text normalised (nothing rewritten after decoding). */
function usable(l: Line): boolean {
  return !l.cells && !/[\t\u3000|]/.test(l.raw) && normalizeLine(l.raw).text === l.text;
}

/**
 * `lines` with the short rows of a table of `n` value columns placed by position (see above).
 * `lastIsSum`: the last column is the sum of the others (三's 总计), which tells a row whose blanks
 * are all last from one moved left (movedAddsUp); without it such a row is not placed.
 */
export function layoutBlankCells(lines: Line[], n: number, lastIsSum = false): Line[] {
  if (lines.length < 4) return lines;
  const by = MEASURES.map((m) => placements(lines, n, m, lastIsSum));
  const shown = by.filter((p): p is Map<number, number[]> => p !== null);
  if (!shown.length) return lines;
  return lines.map((l, i) => {
    // Placed by a count, and by no other count elsewhere.
    const cols = shown.map((p) => p.get(i)).filter((c): c is number[] => c !== undefined);
    const first = cols[0];
    if (!first || cols.some((c) => c.join() !== first.join())) return l;
    const toks = row(l, i, MEASURES[0]!)!;
    const label = l.raw.slice(0, toks.values[0]!.u).trim();
    const cells: LineCell[] = [{ raw: label, text: makeLine(l.no, label).text.trim(), no: l.no }];
    for (let k = 0; k < n; k++) {
      const j = first.indexOf(k);
      const raw = j >= 0 ? toks.values[j]!.raw : '';
      cells.push({ raw, text: raw ? makeLine(l.no, raw).text.trim() : '', no: l.no });
    }
    return { ...makeLine(l.no, l.raw, cells), grid: true, layoutCells: true };
  });
}
