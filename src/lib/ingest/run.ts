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

export interface Datasets {
  reports: ReportRow[];
  cells: CellRow[];
  checks: CheckRow[];
  sections: SectionRow[];
  summary: SummaryRow[];
  manifest: Manifest;
}

export const ACCEPTED = /\.(?:txt|md|html?)$/i;

interface Kept {
  report: ReportRow;
  cells: CellOut[];
  checks: CheckOut[];
  sections: Array<Omit<SectionRow, 'report_id'>>;
  entry: ManifestEntry;
}

export function runIngest(input: SourceFile[], ctx: RunContext): Datasets {
  const files = [...input].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const entries: ManifestEntry[] = [];
  const kept: Kept[] = [];
  const bySha = new Map<string, string>();

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
      entry.outcome = 'duplicate';
      entry.duplicate_of = first;
      entry.reason = `byte-identical to ${first}`;
      return;
    }
    bySha.set(sha, f.path);
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
    entry.report_id = report.report_id;
    entry.outcome = report.status === 'complete' ? 'ok' : report.status;
    if (report.status !== 'complete') entry.reason = report.status === 'text_only' ? 'no table could be read (tables missing or published as images)' : 'some tables or rows could not be read';
    kept.push({ report, cells: parsed.cells, checks: parsed.checks, sections: parsed.sections, entry });
  });
  ctx.onProgress?.(files.length, files.length, '');

  flagSameAgencyYear(kept);
  addCrossYearChecks(kept);

  const reports: ReportRow[] = [];
  const cells: CellRow[] = [];
  const checks: CheckRow[] = [];
  const sections: SectionRow[] = [];
  const summary: SummaryRow[] = [];
  for (const k of kept) {
    const id = k.report.report_id;
    try {
      const rowCells = k.cells.map((c) => CellRow.parse({ report_id: id, ...c }));
      const rowChecks = k.checks.map((c) => CheckRow.parse({ report_id: id, ...c }));
      const rowSections = k.sections.map((s) => SectionRow.parse({ report_id: id, ...s }));
      const report = ReportRow.parse({ ...k.report, checks_failed: k.checks.filter((c) => c.status === 'fail').length });
      const sum = SummaryRow.parse(summaryRow(report, k.cells));
      reports.push(report);
      cells.push(...rowCells);
      checks.push(...rowChecks);
      sections.push(...rowSections);
      summary.push(sum);
    } catch (e) {
      k.entry.outcome = 'rejected';
      k.entry.report_id = null;
      k.entry.reason = `a row failed validation: ${(e as Error).message.slice(0, 300)}`;
      k.entry.diagnostics.push(diag('E_INVALID_ROW', k.entry.reason, k.entry.path));
    }
  }

  const counts: Record<string, number> = { files: entries.length, ok: 0, partial: 0, text_only: 0, duplicate: 0, rejected: 0 };
  for (const e of entries) counts[e.outcome] = (counts[e.outcome] ?? 0) + 1;
  counts.reports = reports.length;
  counts.cells = cells.length;
  counts.cells_ambiguous = reports.reduce((a, r) => a + r.cells_ambiguous, 0);
  counts.checks_failed = checks.filter((c) => c.status === 'fail').length;
  counts.reports_with_failed_checks = reports.filter((r) => r.checks_failed > 0).length;

  return { reports, cells, checks, sections, summary, manifest: { version: 1, raw_dir: ctx.rawDir, counts, files: entries } };
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
function addCrossYearChecks(kept: Kept[]): void {
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
      c.checks.push(...crossYearChecks(p.cells, c.cells, year - 1, c.report.layout_active, p.report.layout_active));
    }
  }
}
