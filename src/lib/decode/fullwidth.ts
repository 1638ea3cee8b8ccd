import { headerKey, isHeaderLead, labelsOf, namesLabel, REQUEST_HEADER, REVIEW_HEADER_FORM } from '../tables/header.ts';
import { isCellText } from '../tables/cell.ts';
import { bareLabel, isValueLike, labelKey } from '../tables/tokens.ts';
import { yearNeutral } from '../tables/year-labels.ts';
import {
  activeRows2019,
  activeRows2021,
  requestRows2019,
  requestRows2021,
  type RowDef,
} from '../template/definitions.ts';
import { makeLine, type Line, type LineCell } from './lines.ts';
import { normalizeLine } from './normalize.ts';
import { toSimplified } from './script.ts';

/**
 * Table rows whose cells are joined by full-width punctuation: `规章；2；1；17`,
 * `行政许可，60998`, `一、本年新收政府信息公开申请数量、318、147、…` (a table copied out of a page
 * or a document by a tool that writes a separator of its own between cells). Each such line
 * becomes a row with exact cells, as an ASCII comma or semicolon row does (delimited.ts), so the
 * table readers see the same structure.
 *
 * The same characters are ordinary punctuation: in prose (本年共收到申请318件，办结147件，…) and
 * inside the template's own labels (（二）部分公开（区分处理的，只计这一情形，不计其他情形）,
 * 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请, 一、本年新收…). So a line is never
 * cut at every separator. It is a row only when it splits, outside brackets, into
 *
 * - a label part: one template row label, possibly after a group label (三、本年度办理结果,
 *   （三）不予公开 …), each recognised as the readers recognise it; a label whose words hold the
 *   separator itself is recognised only as the template writes it, so its inner 、，stay in it;
 * - then nothing but cells that can be values: numbers, not-applicable marks, blanks, and
 *   number-like text (约12), at least one of them a number or mark.
 *
 * A line of values with no label (section 四's fifteen numbers) and a header line whose every
 * cell is a column label of the form (信息内容；本年制发件数；…, 自然人；法人或其他组织；总计) or
 * a bracketed note (the identity under 三's header) are rows too — the readers place columns by
 * the header's cells. All only in a document with at least three labelled rows with that
 * separator, so a stray line that looks like one is never cut.
 *
 * A full-width comma between digits may be a thousands separator or a cell boundary
 * (Line.digitCommas, read in rows.ts). Inside a cell of a `；` or `、` row (`60，036`) the row is
 * read only when its cells match its columns in number. As the separator of a `，` row between
 * a cell of one to three digits and one of three (`60，036`, `66，649`) it is a cell boundary only
 * in a document that shows it writes its numbers otherwise (writesThousandsOtherwise); elsewhere
 * such a row is not read at all: with a cell lost or two glued, the count would prove nothing.
 */

export const FULL_WIDTH_SEPARATORS = ['；', '，', '、'] as const;
export type FullWidthSeparator = (typeof FULL_WIDTH_SEPARATORS)[number];

/** A document is read this way only with this many labelled rows using one separator. */
const MIN_ROWS = 3;

const OPEN = '（(【〔［[《“';
const CLOSE = '）)】〕］]》”';

/**
 * `raw` cut at `sep` outside brackets (a label's note in （）, a quoted phrase in “”), or null
 * when a bracket is not closed (then where the cells end is not known).
 */
export function splitOutsideBrackets(raw: string, sep: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) {
      if (--depth < 0) return null;
    } else if (c === sep && depth === 0) {
      out.push(raw.slice(from, i));
      from = i + 1;
    }
  }
  if (depth !== 0) return null;
  out.push(raw.slice(from));
  return out;
}

const norm = (raw: string): string => normalizeLine(raw).text.trim();

/**
 * A field that can be a cell of a row's values: a value, a mark, empty, number-like text (约12),
 * or digits with other punctuation between them (5、74: a separator written as another mark).
 * The last is no value (the readers find it unreadable), but it keeps a damaged row a row, so
 * that its label is still seen (a second copy of a row makes both NULL).
 */
function cellLike(raw: string): boolean {
  const t = norm(raw);
  return t === '' || isValueLike(t) || isCellText(t) || GARBLED.test(t);
}
const GARBLED = /^[\d\s,;、.:/+\-—]*\d[\d\s,;、.:/+\-—]*$/;

/** Item numbers before a label's words: 一、 （三） 1. 1、 (1) — up to two (（三）1.). */
const NUMBERING = /^(?:\d{1,2}[.、]|\([一二三四五六七八九十\d]{1,2}\)|[一二三四五六七八九十][、.])/;
function stripNumbering(key: string): string {
  let k = key;
  for (let n = 0; n < 2; n++) {
    const m = NUMBERING.exec(k);
    if (!m) break;
    k = k.slice(m[0].length);
  }
  return k;
}
/** Bracketed notes taken out (（区分处理的，只计这一情形，不计其他情形）), on normalised text. */
const unbracketed = (key: string): string => key.replace(/\([^()]*\)|"[^"]*"|“[^“”]*”/g, '');

const ACTIVE_DEFS: RowDef[] = [...activeRows2019, ...activeRows2021];
const REQUEST_DEFS: RowDef[] = [...requestRows2019, ...requestRows2021];

/** The template's labels, numbering and notes removed, as compared (normalised, no spaces). */
const OFFICIAL = new Set(
  [...ACTIVE_DEFS, ...REQUEST_DEFS].map((d) => unbracketed(stripNumbering(labelKey(normalizeLine(d.label).text)))),
);
/** The longest of them: a label part longer than that and a few characters is no label. */
const LONGEST = Math.max(...[...OFFICIAL].map((l) => l.length));

/** Punctuation of prose (and separators) in a label's words. */
const PROSE = /[,;、。:!?]/;

/** The row definitions a label piece names (empty: none), recognised as the readers do. */
function rowsNamed(piece: string): RowDef[] {
  // A label naming 三's rows by the year (2023年新收…) is a label, not prose with numbers.
  const key0 = yearNeutral(labelKey(norm(piece)));
  if (!key0 || key0.length > LONGEST + 12) return [];
  const keys = [key0];
  const simplified = toSimplified(key0);
  if (simplified !== key0) keys.push(simplified);
  for (const key of keys) {
    const words = unbracketed(stripNumbering(key));
    // Digits in a label's words: prose with numbers (本年共收到申请318件), not a label.
    if (!words || /\d/.test(words) || words.length > LONGEST + 4) continue;
    // A separator or other punctuation in the words: only the template's own label holds one.
    if (PROSE.test(words)) {
      if (!OFFICIAL.has(words)) continue;
    }
    const hits = [
      ...ACTIVE_DEFS.filter((d) => d.match.test(bareLabel(key))),
      ...REQUEST_DEFS.filter((d) => d.match.test(key)),
    ];
    if (hits.length) return hits;
  }
  return [];
}

/** Group labels of section 三 that head rows and carry no numbers of their own. */
const GROUP = /^(?:(?:三|3)[、.])?本年度?办理结果$|^(?:\([三四五六]\))?(?:不予公开|无法提供|不予处理|其他处理)$/;
const isGroupLabel = (piece: string): boolean => GROUP.test(toSimplified(labelKey(norm(piece))));

/**
 * A label part that is the template's own wording once the separator is taken out of it
 * (（四）2.没，有现成信息需要另行制作: a separator the conversion put inside a label): one label
 * cell, as a `|` table would give it, so that the readers see the row — or a second copy of it.
 * The separator taken out is every one, or one alone where the label holds it itself
 * (二、、上年结转…, 1.申请人无正当理、由逾期不补正、行政机关…). The label as the template writes
 * it, or null.
 */
function labelWithSeparator(label: string, sep: string): string | null {
  const official = (text: string): boolean =>
    OFFICIAL.has(unbracketed(stripNumbering(labelKey(norm(text))))) && rowsNamed(text).length > 0;
  const all = label.split(sep).join('');
  if (official(all)) return all;
  for (let i = label.indexOf(sep); i >= 0; i = label.indexOf(sep, i + 1)) {
    const one = label.slice(0, i) + label.slice(i + 1);
    if (official(one)) return one;
  }
  return null;
}

/**
 * The label part of a row as its cells: one row label, or group labels then a row label, cut at
 * `sep` outside brackets. Null when no reading, or more than one, exists.
 */
function labelCells(label: string, sep: string): { cells: string[]; rows: RowDef[] } | null {
  const readings: Array<{ cells: string[]; rows: RowDef[] }> = [];
  const whole = rowsNamed(label);
  if (whole.length) readings.push({ cells: [label], rows: whole });
  let depth = 0;
  for (let i = 0; i < label.length && readings.length < 2; i++) {
    const c = label[i]!;
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth--;
    else if (c === sep && depth === 0 && isGroupLabel(label.slice(0, i))) {
      const rest = labelCells(label.slice(i + 1), sep);
      if (rest) readings.push({ cells: [label.slice(0, i), ...rest.cells], rows: rest.rows });
    }
  }
  return readings.length === 1 ? readings[0]! : null;
}

export interface FullWidthRow {
  /** The row's cells in order, raw. */
  cells: string[];
  /** The rows its label names (none: a line of values only). */
  rows: RowDef[];
  /** Its value fields, trimmed, digits made ASCII (after the label; empty ones included). */
  values: string[];
  /** A full-width comma inside a value field: 60，036 in a `；` row. */
  innerComma: boolean;
  /**
   * In a `，` row, a field ending in one to three digits followed by one starting with three:
   * 60，036, 1，790万元, 4，619、6 (the next separator written as another mark).
   */
  pairs: boolean;
  /** A label cell with a separator inside (labelWithSeparator): its index, and its words without it. */
  stray?: { at: number; label: string };
}

/**
 * Digits either side of a full-width comma, as two cells (60 | 036) or in one (60，036): a field
 * that ends in one to three digits (not a decimal's), and one that starts with exactly three —
 * whatever follows them (a unit, a decimal part, another mark and digits).
 */
const THOUSANDS_HEAD = /(?:^|[^\d.])\d{1,3}$/;
const THOUSANDS_TAIL = /^\d{3}(?!\d)/;
const DIGIT_COMMA = /\d，\d/;

/** `raw` as a row of values after its label (or with none), or null. */
export function fullWidthDataRow(raw: string, sep: FullWidthSeparator): FullWidthRow | null {
  if (!raw.includes(sep)) return null;
  const fields = splitOutsideBrackets(raw, sep);
  if (!fields || fields.length < 2) return null;
  let k = fields.length;
  while (k > 0 && cellLike(fields[k - 1]!)) k--;
  const values = fields.slice(k);
  // Digits are what make a row: a value, or digits with another mark between them (270、4, a
  // separator written as another), which is no value but is this row's cells — so its label is
  // seen, and a second copy of the row with it.
  const filled = values.filter((f) => isValueLike(norm(f)));
  const digits = values.filter((f) => isValueLike(norm(f)) || GARBLED.test(norm(f)));
  if (!digits.length) return null;
  let lead = 0;
  while (lead < k && !fields[lead]!.trim()) lead++;
  let cells: string[];
  let rows: RowDef[] = [];
  let stray: FullWidthRow['stray'];
  if (lead === k) {
    // Values only (四's row): two at least, so one number after a comma is no row.
    if (filled.length < 2) return null;
    cells = fields;
  } else {
    const part = fields.slice(lead, k).join(sep);
    const label = labelCells(part, sep);
    const repaired = label ? null : labelWithSeparator(part, sep);
    if (label) rows = label.rows;
    else if (repaired) {
      rows = rowsNamed(repaired);
      stray = { at: lead, label: repaired };
    } else return null;
    cells = [...fields.slice(0, lead), ...(label?.cells ?? [part]), ...values];
  }
  // Digits as ASCII (full-width ones too), the comma as written: ，is no ASCII comma; invisible
  // format characters out, as the cell is read (5，1\u200d30 is 5，130: synthetic seed 2026).
  const trimmed = values.map((v) =>
    v
      .trim()
      .replace(/\p{Cf}/gu, '')
      .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)),
  );
  return {
    ...(stray === undefined ? {} : { stray }),
    cells,
    rows,
    values: trimmed,
    innerComma: trimmed.some((v) => DIGIT_COMMA.test(v)),
    pairs:
      sep === '，' && trimmed.some((v, j) => j > 0 && THOUSANDS_TAIL.test(v) && THOUSANDS_HEAD.test(trimmed[j - 1]!)),
  };
}

/**
 * A plain whole number of four digits or more (no separator), or one with ASCII thousands commas.
 * Not an amount with decimals (2683.02万元): a sum of money copied from an account shows how
 * that sum is written, not how the document writes its counts (1，090 beside 2683.02万元).
 */
const PLAIN_LARGE = /^[+-]?\d{4,}(?:万元|元|件)?$/;
const ASCII_THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:万元|元|件)?$/;

/**
 * Whether a `，` document shows that a comma between digits is no thousands separator in it: a
 * row with exactly its columns' count of cells, no pair of digit cells that could be one number
 * (60，036) among them, and a whole number of four digits or more written without a separator
 * (14918) or with an ASCII one (14,918). A document writes its numbers one way; one that writes
 * them plainly, or with the ASCII comma, does not write them with the separator of its cells.
 */
function writesThousandsOtherwise(rows: FullWidthRow[]): boolean {
  return rows.some((r) => {
    if (r.pairs || !r.rows.length) return false;
    let n = r.values.length;
    while (n > 0 && !r.values[n - 1]) n--;
    return (
      r.rows.some((d) => d.columns.length === n) &&
      r.values.some((v) => PLAIN_LARGE.test(norm(v)) || ASCII_THOUSANDS.test(v))
    );
  });
}

/** Header words of the three tables (the readers' column labels, 二's included), as compared. */
const HEADER_WORDS: ReadonlyMap<string, number> = new Map(
  [
    ...REQUEST_HEADER.keys(),
    ...REVIEW_HEADER_FORM.keys(),
    '信息内容',
    '申请人情况',
    ...ACTIVE_DEFS.flatMap((d) => d.columns.map((c) => c.label)),
  ].map((l) => [headerKey(normalizeLine(l).text), 1]),
);

/** `raw` as a header row: every cell a column label (or a bracketed note), two cells at least. */
export function fullWidthHeaderRow(raw: string, sep: FullWidthSeparator): string[] | null {
  if (!raw.includes(sep)) return null;
  const fields = splitOutsideBrackets(raw, sep);
  if (!fields || fields.length < 2) return null;
  let labels = 0;
  let parts = 0;
  let filled = 0;
  for (const f of fields) {
    const t = norm(f);
    if (!t) continue;
    filled++;
    if (/^\([^()]*\)$/.test(t)) continue;
    const key = headerKey(toSimplified(t));
    if (labelsOf(key, HEADER_WORDS).length) labels++;
    // A first cell's word (类别, 名称, 项目), or a label shortened (有效件数 for 现行有效件数): a
    // header in the words agencies write (a fresh tester's t26; the readers compare its places).
    else if (filled === 1 && isHeaderLead(key)) continue;
    else if ([...HEADER_WORDS.keys()].filter((l) => namesLabel(key, l) === 'part').length === 1) parts++;
    else return null;
  }
  return (labels >= 1 || parts >= 2) && filled >= 2 ? fields : null;
}

/** Lines that may be cut: plain text lines (no cells yet, no `|` or tab rows). */
const candidate = (l: Line): boolean => !l.cells && !l.raw.includes('|') && !l.raw.includes('\t');

/** The separators the document's rows use (three labelled rows at least), most rows first. */
export function fullWidthSeparators(lines: Line[]): FullWidthSeparator[] {
  const counts: Array<[FullWidthSeparator, number]> = [];
  for (const sep of FULL_WIDTH_SEPARATORS) {
    let n = 0;
    for (const l of lines) {
      if (!candidate(l) || !l.raw.includes(sep)) continue;
      if (fullWidthDataRow(l.raw, sep)?.rows.length && ++n >= 1000) break;
    }
    if (n >= MIN_ROWS) counts.push([sep, n]);
  }
  return counts.sort((a, b) => b[1] - a[1]).map(([s]) => s);
}

/** Lines with full-width separated rows turned into rows with exact cells (others unchanged). */
export function fullWidthRows(lines: Line[]): Line[] {
  const seps = fullWidthSeparators(lines);
  if (!seps.length) return lines;
  const cut = lines.map((l): { row: FullWidthRow | null; fields: string[]; sep: string } | null => {
    if (!candidate(l)) return null;
    for (const sep of seps) {
      const row = fullWidthDataRow(l.raw, sep);
      const fields = row?.cells ?? fullWidthHeaderRow(l.raw, sep);
      if (fields) return { row, fields, sep };
    }
    return null;
  });
  const plain =
    seps.includes('，') && writesThousandsOtherwise(cut.flatMap((c) => (c?.row?.pairs === false ? [c.row] : [])));
  return lines.map((l, i) => {
    const c = cut[i];
    if (!c) return l;
    const cells: LineCell[] = c.fields.map((f, j) => ({
      raw: f.trim(),
      // A label with a separator inside is matched as the label it is (行政；处罚: 行政处罚).
      text: norm(j === c.row?.stray?.at ? c.row.stray.label : f),
      no: l.no,
    }));
    // The row as a `|`-joined line, as delimited.ts and HTML rows give it.
    const line = makeLine(l.no, c.fields.map((f) => f.trim()).join(' | '), cells);
    const commas = c.row?.pairs && !plain ? 'always' : c.row?.innerComma ? 'count' : null;
    return commas ? { ...line, digitCommas: commas } : line;
  });
}
