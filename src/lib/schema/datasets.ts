import { z } from 'zod';
import { Diagnostic } from './diagnostics.ts';

/**
 * The published datasets (docs/datasets.md). These schemas are the single source of
 * the row types, of the DuckDB column types (see `columns`) and of the data dictionary.
 */

const year = z.number().int().min(1990).max(2100);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Layout = z.enum(['2019', '2021']);
export const Era = z.enum(['2019', '2021', 'pre2019', 'unknown']);
export const ReportStatus = z.enum(['complete', 'partial', 'text_only']);
export const RegionBasis = z.enum(['stated', 'gazetteer', 'clue', 'zone', 'ambiguous', 'unresolved']);
/** Where published_on came from: a labelled header field (发布日期 …) or the signature date at the end. */
export const DateBasis = z.enum(['label', 'signature']);
/** An absolute http(s) address: never javascript:, data: or a relative path. */
const httpUrl = z
  .string()
  .max(2048)
  .regex(/^https?:\/\/[^\s<>"']+$/i);
export const TableId = z.enum(['active', 'requests', 'review']);
/**
 * `repeated_row` / `repeated_column`: the cell's row (column) label appears twice in the table
 * with different numbers, so which numbers are the row's (column's) is not known
 * (W_LABEL_REPEATED). Appended after the others. `unnamed_column`: the table's header names, at
 * this column's place, a column the form does not have (个体工商户 for 其他), its other places the
 * form's own labels: the number under it is no number of this column (W_CELLS_AMBIGUOUS).
 * A whole table not proven the report's own (W_CELLS_AMBIGUOUS): `other_period` (its caption or
 * its section's words say it is another year's, or cumulative), `other_unit` (another unit's:
 * 下属单位…情况如下：, 填报单位：…) or `contradicted` (its section says nothing happened in the year,
 * 本年度未收到政府信息公开申请, and the table holds figures). Appended after the others.
 * `corrected`: the report corrects this cell's row (or column) in words or in a table of
 * corrections (原为14件，现更正为17件; 更正前 | 更正后), so it holds two figures and which is the
 * year's is not proven (W_CELLS_AMBIGUOUS; tables/corrections.ts). Appended after the others.
 */
export const CellState = z.enum([
  'number',
  'blank',
  'na',
  'ambiguous',
  'unreadable',
  'repeated_row',
  'repeated_column',
  'unnamed_column',
  'other_period',
  'other_unit',
  'contradicted',
  'corrected',
]);
/** States of a cell that was in the source but could not be read with certainty (`cells_ambiguous`). */
export const UNCERTAIN_STATES: ReadonlySet<z.infer<typeof CellState>> = new Set([
  'ambiguous',
  'unreadable',
  'repeated_row',
  'repeated_column',
  'unnamed_column',
  'other_period',
  'other_unit',
  'contradicted',
  'corrected',
]);
export const CheckStatus = z.enum(['pass', 'fail', 'not_assessable']);
export const Outcome = z.enum(['ok', 'partial', 'text_only', 'duplicate', 'rejected']);

export const ReportRow = z.object({
  report_id: z.string().regex(/^[0-9a-f]{16}$/),
  source_file: z.string().min(1),
  source_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.string(),
  title: z.string().nullable(),
  agency: z.string().nullable(),
  agency_kind: z.string().nullable(),
  year: year.nullable(),
  published_on: isoDate.nullable(),
  published_on_basis: DateBasis.nullable(),
  index_no: z.string().nullable(),
  source_url: httpUrl.nullable(),
  region_code: z
    .string()
    .regex(/^(\d{6}|\d{9})$/)
    .nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  township: z.string().nullable(),
  region_basis: RegionBasis,
  layout_active: Layout.nullable(),
  layout_requests: Layout.nullable(),
  era: Era,
  status: ReportStatus,
  checks_failed: z.number().int().min(0),
  cells_ambiguous: z.number().int().min(0),
  /**
   * report_id of the canonical report when this one is another copy of it (another encoding or
   * file of the same report, or the same agency, year and numbers); NULL for the canonical one.
   * Totals count only reports with NULL here.
   */
  duplicate_of: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .nullable(),
  /**
   * The one whole calendar year the body's statistical period (统计期限) states, NULL when it
   * states none. Differing from `year`: the year is disputed (W_YEAR_DISPUTED). The last column:
   * it was added after the others, and a column is only ever appended, so that a reader by
   * position keeps every earlier column where it was.
   */
  period_year: year.nullable(),
  /**
   * How many other reports (not copies: `duplicate_of` NULL) the same agency (name and place
   * known) has for the same year: `W_SAME_AGENCY_YEAR`. Above 0, which report is right is not
   * known, and totals add none of them. 0 for the one of them that says it is the corrected
   * version (更正, 修订版: ingest/corrected.ts), which supersedes the others (`superseded_by`).
   * Appended after period_year.
   */
  same_agency_year: z.number().int().min(0),
  /**
   * The agency's name as the title writes it, when that is not the name kept: the title names the
   * issuer's name (发布机构, else the signature 落款) with more after it that ends no name (a
   * garbled year: XX局锟斤拷年…), and `agency` is the issuer's (W_AGENCY_DISPUTED). NULL for every
   * other report. Appended after same_agency_year.
   */
  title_agency: z.string().nullable(),
  /**
   * The line of the source text where a second report in the same file begins (W_SECOND_REPORT:
   * the first report's sections end and another report's title or 一、 starts again). Only the
   * first report of a file is read: the second one's numbers are in no dataset. NULL for a file
   * holding one report. Appended after title_agency.
   */
  second_report_line: z.number().int().positive().nullable(),
  /**
   * How many of the report's arithmetic checks could not be made (`not_assessable` in checks: a
   * term blank, NULL or unreadable). Above 0, the report is consistent only as far as it could
   * be checked: lists say 部分可核对 (checked in part), never 一致. Appended after
   * second_report_line.
   */
  checks_not_assessable: z.number().int().min(0),
  /**
   * The report_id of this report's corrected version: another report of the same agency and year,
   * not a copy, the only one of them whose title or file name says it corrects (更正, 勘误,
   * 修订版: ingest/corrected.ts); W_SUPERSEDED. Totals add the corrected version and not this one
   * (`same_agency_year` stays above 0 here, 0 there). NULL for every other report. Appended
   * after checks_not_assessable.
   */
  superseded_by: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .nullable(),
  /**
   * How many of the report's arithmetic checks pass (cross-year ones included): with
   * checks_failed and checks_not_assessable, every check the report has, so that a list can tell
   * a report with nothing to check (all three 0) from one checked in part (present.ts
   * checkOutcome). Appended after superseded_by.
   */
  checks_passed: z.number().int().min(0),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const CellRow = z
  .object({
    report_id: z.string(),
    table_id: TableId,
    row_key: z.string(),
    col_key: z.string(),
    value: z.number().finite().nullable(),
    raw: z.string(),
    state: CellState,
    line: z.number().int().positive(),
    /** PDF only: page (1-based) and box of the cell, `x0,y0,x1,y1` in PDF points from the page's bottom-left. */
    page: z.number().int().positive().nullable().optional(),
    bbox: z.string().nullable().optional(),
  })
  // A number is published only with state `number`; every other state is NULL, never 0.
  .refine((c) => (c.state === 'number') === (c.value !== null), 'value must be set iff state is number');
export type CellRow = z.infer<typeof CellRow>;

export const CheckRow = z.object({
  report_id: z.string(),
  check_id: z.string(),
  status: CheckStatus,
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  detail: z.string(),
});
export type CheckRow = z.infer<typeof CheckRow>;

export const SectionRow = z.object({
  report_id: z.string(),
  section: z.number().int().min(0).max(6),
  heading: z.string().nullable(),
  text: z.string(),
});
export type SectionRow = z.infer<typeof SectionRow>;

/** A headline figure is a count of items (件): an integer, BIGINT in Parquet and DuckDB. */
const figure = z.number().int().nullable();
/** One wide row per report: headline figures. A figure is NULL when any input is not a number. */
export const SummaryRow = z.object({
  report_id: z.string(),
  agency: z.string().nullable(),
  year: year.nullable(),
  region_code: z.string().nullable(),
  /** As in reports: set when this report is a copy of another; sum only rows where it is NULL. */
  duplicate_of: z.string().nullable(),
  requests_new: figure,
  /** Of requests_new: from natural persons (自然人) and from organisations (法人或其他组织). */
  requests_new_natural_person: figure,
  requests_new_organisations: figure,
  requests_carried_over: figure,
  granted: figure,
  partly_granted: figure,
  withheld: figure,
  unable: figure,
  declined: figure,
  other: figure,
  requests_handled: figure,
  carried_forward: figure,
  review_total: figure,
  review_corrected: figure,
  suit_direct_total: figure,
  suit_direct_corrected: figure,
  suit_after_review_total: figure,
  suit_after_review_corrected: figure,
  /** As in reports: above 0, sum none of this agency-year's rows (appended last). */
  same_agency_year: z.number().int().min(0),
});
export type SummaryRow = z.infer<typeof SummaryRow>;

export const ManifestEntry = z.object({
  path: z.string(),
  bytes: z.number().int().min(0),
  sha256: z.string().nullable(),
  outcome: Outcome,
  /** Why, in Chinese (for readers); `reason_code` is the stable code for machines. */
  reason: z.string().nullable(),
  reason_code: z.string().nullable(),
  report_id: z.string().nullable(),
  duplicate_of: z.string().nullable(),
  same_agency_year: z.array(z.string()),
  diagnostics: z.array(Diagnostic),
  /**
   * The `report_id`s this file had in earlier runs, newest first, whose pages are gone: the file
   * at this path was edited (a report's id is its content's hash). Their addresses redirect to
   * this report's (ingest/history.ts, site/moved-reports.ts). Absent when there are none.
   */
  replaces: z.array(z.string()).optional(),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

/**
 * manifest.json as written (write/manifest.ts): version 2 lists the JSON Lines files holding the
 * entries (`files_jsonl`) and keeps them inline as `files` only while the document is small;
 * version 1 always had them inline.
 */
export const ManifestHeader = z.object({
  version: z.union([z.literal(1), z.literal(2)]),
  raw_dir: z.string(),
  counts: z.record(z.string(), z.number().int()),
  files_jsonl: z.array(z.string()).optional(),
  /** Per-table rows and content hash (see write/duckdb.ts): compares DuckDB files whose bytes differ. */
  tables: z.record(z.string(), z.object({ rows: z.number().int(), sha256: z.string() })).optional(),
});
export type ManifestHeader = z.infer<typeof ManifestHeader>;

/** A run's manifest with every entry (in memory, or manifest.json read whole on a small site). */
export const Manifest = ManifestHeader.extend({ files: z.array(ManifestEntry) });
export type Manifest = z.infer<typeof Manifest>;

/** SQL types of each published table, in column order, derived from the zod shapes. */
export const tables = {
  reports: ReportRow,
  cells: CellRow,
  checks: CheckRow,
  sections: SectionRow,
  summary: SummaryRow,
} as const;
export type TableName = keyof typeof tables;

const sqlTypeOverrides: Record<string, string> = {
  year: 'INTEGER',
  period_year: 'INTEGER',
  same_agency_year: 'INTEGER',
  second_report_line: 'INTEGER',
  published_on: 'DATE',
  checks_failed: 'INTEGER',
  checks_not_assessable: 'INTEGER',
  checks_passed: 'INTEGER',
  cells_ambiguous: 'INTEGER',
  line: 'INTEGER',
  page: 'INTEGER',
  section: 'INTEGER',
};

/** Column names and DuckDB types of a table, in the schema's order. */
export function columns(name: TableName): Array<{ name: string; type: string }> {
  const schema = tables[name];
  const shape = (
    'shape' in schema ? schema.shape : (schema as unknown as { in: { shape: object } }).in.shape
  ) as Record<string, z.ZodType>;
  return Object.entries(shape).map(([col, t]) => ({ name: col, type: sqlTypeOverrides[col] ?? sqlType(t) }));
}

function sqlType(t: z.ZodType): string {
  let inner: z.ZodType = t;
  while (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
  // Integers (counts) are BIGINT, so that CSV and DuckDB print 3, not 3.0.
  if (inner instanceof z.ZodNumber) return inner.isInt ? 'BIGINT' : 'DOUBLE';
  return 'VARCHAR';
}
