import { z } from 'zod';

/**
 * The closed set of diagnostic codes. Errors (E_*) reject a file; warnings (W_*) keep it but
 * say what could not be read. Diagnostics are values: collected, then reported together.
 */
export const DiagnosticCode = z.enum([
  'E_UNSUPPORTED_TYPE',
  'E_EMPTY',
  'E_BINARY',
  'E_TOO_LARGE',
  'E_NOT_A_REPORT',
  'E_READ_FAILED',
  'E_INVALID_ROW',
  'E_PDF_NO_TEXT',
  'E_ENCRYPTED',
  'E_DOCUMENT_BROKEN',
  'W_UNREADABLE_BYTES',
  'W_CONTROL_BYTES',
  'W_NO_TITLE',
  'W_NO_AGENCY',
  'W_NO_YEAR',
  'W_YEAR_DISPUTED',
  'W_REGION_AMBIGUOUS',
  'W_REGION_UNRESOLVED',
  'W_SECTION_MISSING',
  'W_TABLE_MISSING',
  'W_ROW_MISSING',
  'W_CELLS_AMBIGUOUS',
  'W_CELL_UNREADABLE',
  'W_UNIT_UNKNOWN',
  'W_DUPLICATE_TEXT',
  'W_SECOND_REPORT',
  'W_SAME_AGENCY_YEAR',
  'W_DUPLICATE_REPORT',
  'W_CHECK_FAILED',
  'W_LABEL_REPEATED',
  'W_SAME_NAME_YEAR',
  'W_SUPERSEDED',
  'W_AGENCY_DISPUTED',
]);
export type DiagnosticCode = z.infer<typeof DiagnosticCode>;

/** A template cell a diagnostic is about (table, row and column keys). */
export const CellAddress = z.object({
  table: z.enum(['active', 'requests', 'review']),
  row: z.string(),
  col: z.string(),
});

export const Diagnostic = z.object({
  code: DiagnosticCode,
  message: z.string(),
  file: z.string(),
  line: z.number().int().positive().nullable(),
  column: z.number().int().positive().nullable(),
  at: CellAddress.optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** Builds a diagnostic; `line`/`column` are 1-based, null when the problem is the whole file. */
export function diag(
  code: DiagnosticCode,
  message: string,
  file: string,
  line: number | null = null,
  column: number | null = null,
  at?: z.infer<typeof CellAddress>,
): Diagnostic {
  return at ? { code, message, file, line, column, at } : { code, message, file, line, column };
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line ? `${d.file}:${d.line}${d.column ? `:${d.column}` : ''}` : d.file;
  return printable(`${where}: ${d.code}: ${d.message}`);
}

/**
 * Text for a terminal: control characters (C0, DEL, C1) written as escapes (`\n`, `\x1b`), so
 * that a file name cannot clear the screen, move the cursor or split a line of the run's output.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) =>
    c === '\n'
      ? '\\n'
      : c === '\t'
        ? '\\t'
        : c === '\r'
          ? '\\r'
          : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}
