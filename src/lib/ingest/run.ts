import { crossYearChecks, type CheckOut } from '../checks/checks.ts';
import { parseReport, type ParseContext } from '../report/parse.ts';
import { summaryRow } from '../report/summary.ts';
import {
  CellRow,
  CheckRow,
  ReportRow,
  SectionRow,
  SummaryRow,
  type ManifestEntry,
  type Manifest,
} from '../schema/datasets.ts';
import { diag, type Diagnostic } from '../schema/diagnostics.ts';
import type { CellOut } from '../tables/read.ts';

/**
 * A whole run: files → datasets and manifest. Every file ends up in the manifest with an
 * outcome; one bad file never stops the run. Reading bytes and hashing are passed in.
 */

export interface SourceFile {
  /** Path relative to the raw directory, `/`-separated. */
  path: string;
  size: number;
  read(): Uint8Array;
  sha256(bytes: Uint8Array): string;
}

export interface RunContext extends ParseContext {
  rawDir: string;
  maxBytes: number;
  onProgress?: (done: number, total: number, path: string) => void;
}

/**
 * Where the big tables go, report by report, so that a run over 100,000 reports never holds
 * every cell in memory. Rows arrive validated and in a deterministic order (sorted file order;
 * cross-year checks last).
 */
export interface RowSink {
  cells(rows: CellRow[]): void;
  checks(rows: CheckRow[]): void;
  sections(rows: SectionRow[]): void;
}

/** The small tables, kept in memory until the end of the run. */
export interface RunResult {
  reports: ReportRow[];
  summary: SummaryRow[];
  manifest: Manifest;
  /** Failed checks over the whole run (cells and checks themselves went to the sink). */
  stats: { cells: number; checks: number; checksFailed: number };
}

export interface Datasets extends RunResult {
  cells: CellRow[];
  checks: CheckRow[];
  sections: SectionRow[];
}

/** A sink that keeps everything: for tests and small runs. */
export function runInMemory(input: SourceFile[], ctx: RunContext): Datasets {
  const cells: CellRow[] = [];
  const checks: CheckRow[] = [];
  const sections: SectionRow[] = [];
  const result = runIngest(input, ctx, { cells: (r) => cells.push(...r), checks: (r) => checks.push(...r), sections: (r) => sections.push(...r) });
  return { ...result, cells, checks, sections };
}

export const ACCEPTED = /\.(?:txt|md|html?)$/i;

interface Kept {
  report: ReportRow;
  /** Only the cells cross-year checks need (carry-over rows, 2021 in-force rows). */
  crossCells: CellOut[];
  failed: number;
  entry: ManifestEntry;
}

const CROSS_ROWS = new Set(['carried_over', 'carried_forward', 'rules', 'normative_docs']);

export function runIngest(input: SourceFile[], ctx: RunContext, sink: RowSink): RunResult {
  const files = [...input].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const entries: ManifestEntry[] = [];
  const kept: Kept[] = [];
  const summary: SummaryRow[] = [];
  const stats = { cells: 0, checks: 0, checksFailed: 0 };
  const bySha = new Map<string, { path: string; entry: ManifestEntry }>();

  files.forEach((f, i) => {
    ctx.onProgress?.(i, files.length, f.path);
    const entry: ManifestEntry = { path: f.path, bytes: f.size, sha256: null, outcome: 'rejected', reason: null, report_id: null, duplicate_of: null, same_agency_year: [], diagnostics: [] };
    entries.push(entry);
    const reject = (code: Diagnostic['code'], reason: string) => {
      entry.reason = reason;
      entry.diagnostics.push(diag(code, reason, f.path));
    };
    if (!ACCEPTED.test(f.path)) return reject('E_UNSUPPORTED_TYPE', `unsupported file type "${extOf(f.path)}": only .txt, .md, .html and .htm are read`);
    if (f.size > ctx.maxBytes) return reject('E_TOO_LARGE', `file is ${(f.size / 1e6).toFixed(1)} MB; the limit is ${(ctx.maxBytes / 1e6).toFixed(0)} MB per report`);
    let bytes: Uint8Array;
    try {
      bytes = f.read();
    } catch (e) {
      return reject('E_READ_FAILED', `could not read the file: ${(e as Error).message}`);
    }
    const sha = f.sha256(bytes);
    entry.sha256 = sha;
    const first = bySha.get(sha);
    if (first) {
      entry.duplicate_of = first.path;
      if (first.entry.outcome === 'rejected') {
        // A copy of a rejected file is rejected for the same reason (two empty files are not
        // "duplicates" of a report).
        entry.reason = `${first.entry.reason} (byte-identical to ${first.path})`;
        entry.diagnostics.push(...first.entry.diagnostics.filter((d) => d.code.startsWith('E_')).map((d) => ({ ...d, file: f.path })));
        return;
      }
      entry.outcome = 'duplicate';
      entry.reason = `byte-identical to ${first.path}`;
      return;
    }
    bySha.set(sha, { path: f.path, entry });
    let parsed: ReturnType<typeof parseReport>;
    try {
      parsed = parseReport({ path: f.path, bytes, sha256: sha }, ctx);
    } catch (e) {
      // A parser bug must not stop the run or hide the other files: reject with the message.
      return reject('E_READ_FAILED', `parser error: ${(e as Error).message}`);
    }
    entry.diagnostics.push(...parsed.diagnostics);
    if (!parsed.ok) {
      entry.reason = parsed.reason;
      return;
    }
    const { report } = parsed;
    const id = report.report_id;
    let rows: { cells: CellRow[]; checks: CheckRow[]; sections: SectionRow[]; summary: SummaryRow; report: ReportRow };
    try {
      // Every row is validated before it is written; a row that fails is a parser bug, and the
      // file is rejected with the message rather than published wrong.
      rows = {
        cells: parsed.cells.map((c) => CellRow.parse({ report_id: id, ...c })),
        checks: parsed.checks.map((c) => CheckRow.parse({ report_id: id, ...c })),
        sections: parsed.sections.map((x) => SectionRow.parse({ report_id: id, ...x })),
        report: ReportRow.parse(report),
        summary: SummaryRow.parse(summaryRow(report, parsed.cells)),
      };
    } catch (e) {
      return reject('E_INVALID_ROW', `a row failed validation: ${(e as Error).message.slice(0, 300)}`);
    }
    sink.cells(rows.cells);
    sink.checks(rows.checks);
    sink.sections(rows.sections);
    stats.cells += rows.cells.length;
    stats.checks += rows.checks.length;
    const failed = rows.checks.filter((c) => c.status === 'fail').length;
    stats.checksFailed += failed;
    summary.push(rows.summary);
    entry.report_id = id;
    entry.outcome = report.status === 'complete' ? 'ok' : report.status;
    if (report.status !== 'complete') entry.reason = report.status === 'text_only' ? 'no table could be read (tables missing or published as images)' : 'some tables or rows could not be read';
    kept.push({ report: rows.report, crossCells: parsed.cells.filter((c) => CROSS_ROWS.has(c.row_key)), failed, entry });
  });
  ctx.onProgress?.(files.length, files.length, '');

  flagSameAgencyYear(kept);
  const cross = pairCrossYear(kept);
  for (const [k, checks] of cross) {
    const rows = checks.map((c) => CheckRow.parse({ report_id: k.report.report_id, ...c }));
    sink.checks(rows);
    stats.checks += rows.length;
    const failed = rows.filter((c) => c.status === 'fail').length;
    stats.checksFailed += failed;
    k.failed += failed;
  }
  const reports = kept.map((k) => ({ ...k.report, checks_failed: k.failed }));

  const counts: Record<string, number> = { files: entries.length, ok: 0, partial: 0, text_only: 0, duplicate: 0, rejected: 0 };
  for (const e of entries) counts[e.outcome] = (counts[e.outcome] ?? 0) + 1;
  counts.reports = reports.length;
  counts.cells = stats.cells;
  counts.cells_ambiguous = reports.reduce((a, r) => a + r.cells_ambiguous, 0);
  counts.checks_failed = stats.checksFailed;
  counts.reports_with_failed_checks = reports.filter((r) => r.checks_failed > 0).length;

  return { reports, summary, stats, manifest: { version: 1, raw_dir: ctx.rawDir, counts, files: entries } };
}

function extOf(path: string): string {
  const m = /\.[^./]*$/.exec(path);
  return m ? m[0] : '(none)';
}

const agencyKey = (r: ReportRow) => `${r.agency}\u0000${r.region_code ?? ''}`;

/** Two different files for the same agency and year: both kept, both flagged. */
function flagSameAgencyYear(kept: Kept[]): void {
  const groups = new Map<string, Kept[]>();
  for (const k of kept) {
    if (!k.report.agency || k.report.year === null) continue;
    const key = `${agencyKey(k.report)}\u0000${k.report.year}`;
    groups.set(key, [...(groups.get(key) ?? []), k]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const k of group) {
      k.entry.same_agency_year = group.filter((o) => o !== k).map((o) => o.entry.path);
      k.entry.diagnostics.push(diag('W_SAME_AGENCY_YEAR', `another file has a report of ${k.report.agency} for ${k.report.year}: ${k.entry.same_agency_year.join(', ')}`, k.entry.path));
    }
  }
}

/** Consecutive years of one agency (one report per year only: otherwise which pair is unclear). */
function pairCrossYear(kept: Kept[]): Array<[Kept, CheckOut[]]> {
  const out: Array<[Kept, CheckOut[]]> = [];
  const byAgency = new Map<string, Map<number, Kept[]>>();
  for (const k of kept) {
    if (!k.report.agency || k.report.year === null) continue;
    const years = byAgency.get(agencyKey(k.report)) ?? new Map<number, Kept[]>();
    years.set(k.report.year, [...(years.get(k.report.year) ?? []), k]);
    byAgency.set(agencyKey(k.report), years);
  }
  for (const years of byAgency.values()) {
    for (const [year, cur] of years) {
      const prev = years.get(year - 1);
      if (!prev || prev.length !== 1 || cur.length !== 1) continue;
      const p = prev[0]!;
      const c = cur[0]!;
      const checks = crossYearChecks(p.crossCells, c.crossCells, year - 1, c.report.layout_active, p.report.layout_active);
      if (checks.length) out.push([c, checks]);
    }
  }
  // Deterministic order: the later report's position in the run.
  const order = new Map(kept.map((k, i) => [k, i]));
  return out.sort((a, b) => order.get(a[0])! - order.get(b[0])!);
}
