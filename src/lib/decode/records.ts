import { parse } from 'csv-parse/sync';
import { makeLine, type Line, type LineCell } from './lines.ts';

/**
 * Records of a delimited table (CSV, TSV) that run over several lines: a quoted field may hold
 * line breaks (RFC 4180), as a spreadsheet writes a cell wrapped with Alt+Enter:
 *
 *     "行政规范性
 *     文件",27,9,143
 *
 * Read line by line, the label is two lines of which neither is a row, and the row's numbers
 * stand after a piece of a label. Here the lines of one record are joined before its fields are
 * split, and a line break inside a field reads as a space, as an HTML cell's <br> does: a label
 * then reads as the template's (labels are matched without their spaces), and two numbers on two
 * lines of one cell stay two ("1 2", unreadable), never 12.
 *
 * A record is joined only when a field opens with a quote (at the start of the line or after a
 * delimiter) that a later line closes within a few lines, and the joined record parses into
 * fields: a stray quote in prose joins nothing.
 */

/** Lines one record may run over: a label wrapped a few times, not a paragraph. */
const MAX_LINES = 6;

/**
 * Whether the text ends inside a quoted field, scanning from inside one (`quoted`) or not. A
 * quote opens a field only at its start (spaces before it allowed); inside, `""` is a quote.
 */
export function endsQuoted(raw: string, d: string, quoted = false): boolean {
  let fieldStart = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quoted) {
      if (c !== '"') continue;
      if (raw[i + 1] === '"') i++;
      else quoted = false;
    } else if (c === d) fieldStart = true;
    else if (c === '"' && fieldStart) quoted = true;
    else if (c !== ' ') fieldStart = false;
  }
  return quoted;
}

/** The fields of one record (csv-parse, quotes and doubled quotes), or null when it does not parse. */
export function recordFields(raw: string, d: string): string[] | null {
  try {
    return (
      parse(raw, {
        delimiter: d,
        record_delimiter: '\n',
        relax_quotes: true,
        relax_column_count: true,
        trim: true,
      })[0] ?? null
    );
  } catch {
    return null;
  }
}

/**
 * For each field of a record that runs over several lines, the line it stands on, counted from
 * the record's first (0): the line of its first character that is no space, or of its start when
 * it is empty. A number after a wrapped label stands a line or more below where the record
 * begins, and its cell links there (a fresh tester's t70: each number linked to the label's
 * first line, which shows none). Quotes as `endsQuoted` reads them.
 */
export function fieldLines(raw: string, d: string): number[] {
  const out: number[] = [];
  let line = 0;
  let quoted = false;
  let fieldStart = true;
  // The line of the field's first character that is no space (null: none yet), and of its start.
  let at: number | null = null;
  let startLine = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (!quoted && c === d) {
      out.push(at ?? startLine);
      at = null;
      startLine = line;
      fieldStart = true;
    } else if (c === '\n') line++;
    else if (quoted) {
      if (c !== '"') {
        if (at === null && !/\s/.test(c)) at = line;
      } else if (raw[i + 1] === '"') i++;
      else quoted = false;
    } else if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (!/\s/.test(c)) {
      fieldStart = false;
      at ??= line;
    }
  }
  out.push(at ?? startLine);
  return out;
}

/** A field's line breaks as the space they show as (see above). */
export function unbroken(field: string): string {
  return field.includes('\n') || field.includes('\r') ? field.replace(/\s*[\r\n]+\s*/g, ' ') : field;
}

/**
 * The lines with each record that runs over several lines joined into one line (its raw text
 * keeping the line breaks, inside its quoted fields only), numbered as its first line. A record
 * of one field is no row: it becomes the line of text it shows (a heading cell over a table).
 */
export function joinQuotedRecords(lines: Line[], d: string): Line[] {
  let out: Line[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const rec = l.cells || l.raw.includes('|') || !l.raw.includes('"') ? null : recordEnd(lines, i, d);
    if (!rec) {
      out?.push(l);
      continue;
    }
    out ??= lines.slice(0, i);
    out.push(makeLine(l.no, rec.fields.length === 1 ? unbroken(rec.fields[0]!) : rec.raw));
    i = rec.end;
  }
  return out ?? lines;
}

/** The record that starts at line `i` and runs over several lines: its last line, text and fields. */
function recordEnd(lines: Line[], i: number, d: string): { end: number; raw: string; fields: string[] } | null {
  if (!endsQuoted(lines[i]!.raw, d)) return null;
  let raw = lines[i]!.raw;
  for (let j = i + 1; j < lines.length && j - i < MAX_LINES; j++) {
    const next = lines[j]!;
    if (next.cells) return null;
    raw += '\n' + next.raw;
    if (endsQuoted(next.raw, d, true)) continue;
    const fields = recordFields(raw, d);
    return fields?.length ? { end: j, raw, fields } : null;
  }
  return null;
}

/**
 * Tab-separated rows with quoted fields (a spreadsheet saved as text quotes a cell that holds a
 * line break, a quote or a tab): each record with a quoted field becomes a row with exact cells,
 * its records over several lines joined. Rows without a quote are left as they are: the table
 * reader splits them at their tabs, which for them gives the same cells. Only in a document with
 * tab rows (three lines with two tabs or more).
 */
export function quotedTabRows(lines: Line[]): Line[] {
  if (!lines.some((l) => l.raw.includes('"'))) return lines;
  let rows = 0;
  for (const l of lines) if (!l.cells && /\t[^\t]*\t/.test(l.raw) && ++rows >= 3) break;
  if (rows < 3) return lines;
  return joinQuotedRecords(lines, '\t').map((l) => {
    if (l.cells || l.raw.includes('|') || !l.raw.includes('\t') || !opensQuotedField(l.raw, '\t')) return l;
    const fields = recordFields(l.raw, '\t');
    if (!fields || fields.length < 2) return l;
    const raws = fields.map(unbroken);
    const at = lineOfField(l.raw, '\t', fields.length);
    const cells: LineCell[] = raws.map((raw, k) => ({ raw, text: makeLine(l.no, raw).text.trim(), no: l.no + at(k) }));
    return { ...makeLine(l.no, raws.join(' | '), cells), pieces: true };
  });
}

/** Whether a field of the record opens with a quote (at its start, or after a delimiter). */
function opensQuotedField(raw: string, d: string): boolean {
  for (let i = raw.indexOf('"'); i >= 0; i = raw.indexOf('"', i + 1)) {
    let k = i - 1;
    while (k >= 0 && raw[k] === ' ') k--;
    if (k < 0 || raw[k] === d) return true;
  }
  return false;
}

/**
 * Each field's line offset in a record (fieldLines), or 0 for all when the record is on one line
 * or its fields do not come out as many as the parser's (`count`).
 */
export function lineOfField(raw: string, d: string, count: number): (k: number) => number {
  if (!raw.includes('\n')) return () => 0;
  const lines = fieldLines(raw, d);
  return lines.length === count ? (k) => lines[k]! : () => 0;
}
