import { parse } from 'csv-parse/sync';
import { fullWidthRows } from './fullwidth.ts';
import { makeLine, type Line, type LineCell } from './lines.ts';
import { joinQuotedRecords, lineOfField, unbroken } from './records.ts';

/**
 * Comma- or semicolon-separated rows (a table saved as CSV, or pasted from a spreadsheet):
 * `规章,2,1,11`, `行政许可,"15,685",,`. Each such line becomes a row with exact cells, like an
 * HTML table row, so the table readers see the same structure. Fields are split by csv-parse
 * (quotes, thousands commas inside quotes), never by hand.
 *
 * Only ASCII `,` and `;` in the raw line count here: prose uses the full-width ，；、 (which the
 * normalised text folds to ASCII, but for 、), so a line is never split at them as a CSV line is.
 * A document is read this way only when several lines start with a template row label directly
 * followed by the delimiter. Rows joined by full-width separators are cut by a stricter rule —
 * a template label, then nothing but values — in fullwidth.ts.
 */

const DELIMS = [',', ';'] as const;
type Delim = (typeof DELIMS)[number];

/**
 * Row labels that open a row of the form (规章, 行政许可, 本年新收…, （七）总计), the delimiter
 * right after the label's text: no digit between them. `行政强制 1,270,023` or `本年新收… 5,544
 * 3,159` is a label, a space and numbers with thousands commas, not a delimited row (a fresh
 * tester's t58: one such line in the prose made three, the document was split at every comma, and
 * `627 87 0 211 244 1,169` published as 627 87 0 211 244 1 169).
 */
const ROW_START =
  /^[^,;]{0,40}?(?:规章|规范性文件|行政许可|行政处罚|行政强制|行政事业性收费|本年新收|上年结转|予以公开|部分公开|国家秘密|总计|结转下年度|規章|規範性文件|行政許可|行政處罰|本年新收|總計)[^,;\d０-９]{0,60}[,;]/;

function delimiterCount(raw: string, d: Delim): number {
  let n = 0;
  if (!raw.includes('"')) {
    for (let i = raw.indexOf(d); i >= 0; i = raw.indexOf(d, i + 1)) n++;
    return n;
  }
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') quoted = !quoted;
    else if (c === d && !quoted) n++;
  }
  return n;
}

/** The document's delimiter, or null when it has no comma/semicolon rows. */
export function detectDelimiter(lines: Line[]): Delim | null {
  let best: Delim | null = null;
  let bestRows = 0;
  for (const d of DELIMS) {
    // Cheap first: three lines with two delimiters each, or this is no delimited table.
    let likely = 0;
    for (const l of lines)
      if (l.raw.indexOf(d) >= 0 && l.raw.indexOf(d) !== l.raw.lastIndexOf(d) && ++likely >= 3) break;
    if (likely < 3) continue;
    let rows = 0;
    let labelled = 0;
    for (const l of lines) {
      if (l.cells || l.raw.includes('|') || l.raw.includes('\t') || !l.raw.includes(d)) continue;
      if (delimiterCount(l.raw, d) < 2) continue;
      rows++;
      if (ROW_START.test(l.raw.trim())) labelled++;
    }
    if (labelled >= 3 && rows > bestRows) {
      best = d;
      bestRows = rows;
    }
  }
  return best;
}

/** Lines with comma/semicolon rows (ASCII or full-width) turned into rows with exact cells (others unchanged). */
export function delimitedRows(lines: Line[]): Line[] {
  return fullWidthRows(asciiDelimitedRows(lines));
}

function asciiDelimitedRows(lines: Line[]): Line[] {
  const d = detectDelimiter(lines);
  if (!d) return lines;
  // A quoted field over several lines (a cell wrapped with Alt+Enter): one record (records.ts).
  return joinQuotedRecords(lines, d).map((l) => {
    if (l.cells || l.raw.includes('|') || l.raw.includes('\t')) return l;
    // A line of one quoted field (a spreadsheet saving every field quoted: `"测试局2022年…报告"`):
    // its text without the quotes, else the title and the agency kept them (a fresh tester).
    const one = /^\s*"((?:[^"]|"")*)"\s*$/.exec(l.raw);
    if (one) return { ...l, ...makeLine(l.no, unbroken(one[1]!.replace(/""/g, '"'))) };
    if (delimiterCount(l.raw, d) < 1) return l;
    let fields: string[];
    if (!l.raw.includes('"'))
      // No quotes: the fields are exactly the delimiter-separated pieces (RFC 4180), so the
      // parser (one instance per line, a tenth of the whole ingest's table time) is not needed.
      fields = l.raw.split(d).map((f) => f.trim());
    else
      try {
        fields =
          parse(l.raw, {
            delimiter: d,
            record_delimiter: '\n',
            relax_quotes: true,
            relax_column_count: true,
            trim: true,
          })[0] ?? [];
      } catch {
        return l;
      }
    if (fields.length < 2) return l;
    const at = lineOfField(l.raw, d, fields.length);
    fields = fields.map(unbroken);
    const cells: LineCell[] = fields.map((raw, k) => ({
      raw,
      text: makeLine(l.no, raw).text.trim(),
      no: l.no + at(k),
    }));
    // The row as a `|`-joined line, as HTML rows are: headings in it are still found, and
    // narrative text shows the cells without quotes.
    return { ...makeLine(l.no, fields.join(' | '), cells), pieces: true };
  });
}
