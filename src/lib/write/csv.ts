import { stringify } from 'csv-stringify/sync';

/**
 * CSV text for the per-report downloads, written by csv-stringify (RFC 4180 quoting) rather
 * than by hand. The published tables are written by DuckDB's CSV writer with the same prefix
 * rule in SQL (write/duckdb.ts `csvSelect`); a test checks that both give the same bytes.
 *
 * Formula injection: a spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (and
 * some also after a TAB or CR) as a formula, so a hostile report could put `=HYPERLINK(…)`
 * in front of a reader. As OWASP recommends, such a text field is written with a leading `'`
 * (which Excel and LibreOffice show as text and hide). Number columns are never prefixed (a
 * negative number stays a number), and Parquet and DuckDB keep the exact text.
 *
 * NULL is an empty field; an empty string is `""` (as DuckDB's CSV writer does), so the two
 * stay apart.
 */

export const FORMULA_START = /^[=+\-@\t\r]/;

export const safeText = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);

export type CsvValue = string | number | bigint | boolean | null | undefined;

/** Rows → CSV lines (no header, no BOM). `text[i]` says whether column i is text (prefixed when needed). */
export function csvRows(rows: CsvValue[][], text: boolean[], recordDelimiter: '\n' | '\r\n' = '\n'): string {
  const safe = rows.map((r) =>
    r.map((v, i) => (text[i] && typeof v === 'string' ? safeText(v) : typeof v === 'bigint' ? v.toString() : v)),
  );
  // Quote "" (an empty string, not NULL) and any field with a CR: csv-stringify quotes only the
  // record delimiter's own characters, and a bare CR is a line break to Excel.
  return stringify(safe, {
    quoted_match: [/^$/, /\r/],
    record_delimiter: recordDelimiter === '\n' ? 'unix' : 'windows',
  });
}

export const BOM = '\uFEFF';

/** A whole CSV document: BOM (so Excel reads the Chinese as UTF-8), header, rows. */
export function csvDocument(
  header: string[],
  rows: CsvValue[][],
  text: boolean[],
  recordDelimiter: '\n' | '\r\n' = '\n',
): string {
  return (
    BOM +
    csvRows(
      [header],
      header.map(() => false),
      recordDelimiter,
    ) +
    csvRows(rows, text, recordDelimiter)
  );
}
