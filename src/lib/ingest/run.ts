import {
  OLD_TEMPLATE_REASON_ZH,
  PARTIAL_ZH,
  TEXT_ONLY_ZH,
  TABLE_OUTSIDE_SECTIONS,
  tableOutsideSectionsZh,
  duplicateZh,
  noYearZh,
  reasonZh,
  secondReportZh,
  yearDisputedZh,
  agencyDisputedZh,
} from './reasons.ts';
import { crossYearChecks, type CheckOut } from '../checks/checks.ts';
import {
  CheckRow,
  type CellRow,
  type ManifestEntry,
  type Manifest,
  type ReportRow,
  type SectionRow,
  type SummaryRow,
} from '../schema/datasets.ts';
import { diag } from '../schema/diagnostics.ts';
import {
  analyzeFile,
  expandCross,
  type AnalyzeContext,
  type CrossCells,
  type FileResult,
  type RowCounts,
} from './analyze.ts';
import { conversionStem, markDuplicates, type Fingerprint } from './canonical.ts';
import { correctionMarked } from './corrected.ts';
import { Interner } from './intern.ts';

/**
 * A whole run: files → datasets and manifest. Files are analysed one by one (here, or in
 * worker threads by the command line) and collected in sorted path order, so the output is the
 * same either way. Every file ends up in the manifest with an outcome; one bad file never stops
 * the run.
 */

export interface SourceFile {
  /** Path relative to the raw directory, `/`-separated. */
  path: string;
  size: number;
  read(): Uint8Array;
  sha256(bytes: Uint8Array): string;
}

export interface RunContext extends AnalyzeContext {
  rawDir: string;
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
  /**
   * A report whose rows come next (every file with rows, in order, before them): `retained`, its
   * rows are not sent at all but are the previous run's (write/retained.ts); `counts`, how many
   * rows it has. Only a writer that can take rows from the previous run implements it.
   */
  report?(reportId: string, retained: boolean, counts: RowCounts): void;
  /** Rows already serialised as UTF-8 NDJSON, each ending in `\n` (from worker threads); only writers implement it. */
  ndjson?(table: 'cells' | 'checks' | 'sections', bytes: Uint8Array): void;
  /**
   * Every file is in: no cell or section row comes after this (the run's end adds checks only).
   * A writer may finish those tables while the run's end is computed.
   */
  filesDone?(): void;
}

/** The small tables, kept in memory until the end of the run. */
export interface RunResult {
  reports: ReportRow[];
  summary: SummaryRow[];
  manifest: Manifest;
  stats: { cells: number; checks: number; checksFailed: number };
  /**
   * Per path, the identity (walk.ts) each file was read as or taken by (an incremental run's
   * workers: parallel.ts), for the next run's ledger.
   */
  identities?: ReadonlyMap<string, string>;
}

export interface Datasets extends RunResult {
  cells: CellRow[];
  checks: CheckRow[];
  sections: SectionRow[];
}

export const sortPaths = <T extends { path: string }>(xs: T[]): T[] =>
  [...xs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

/** Sequential run in this thread. */
export function runIngest(input: SourceFile[], ctx: RunContext, sink: RowSink): RunResult {
  const files = sortPaths(input);
  const collector = new Collector(
    ctx.rawDir,
    sink,
    files.map((f) => f.path),
  );
  files.forEach((f, i) => {
    ctx.onProgress?.(i, files.length, f.path);
    collector.add(
      analyzeFile(
        f,
        () => f.read(),
        (b) => f.sha256(b),
        ctx,
      ),
    );
  });
  ctx.onProgress?.(files.length, files.length, '');
  return collector.finish();
}

/** A sink that keeps everything: for tests and small runs. */
export function runInMemory(input: SourceFile[], ctx: RunContext): Datasets {
  const cells: CellRow[] = [];
  const checks: CheckRow[] = [];
  const sections: SectionRow[] = [];
  const result = runIngest(input, ctx, {
    cells: (r) => cells.push(...r),
    checks: (r) => checks.push(...r),
    sections: (r) => sections.push(...r),
  });
  return { ...result, cells, checks, sections };
}

interface Kept {
  report: ReportRow;
  crossCells: CrossCells;
  failed: number;
  /** Checks not assessable, the cross-year ones included. */
  unassessed: number;
  /** Checks passed, the cross-year ones included. */
  passed: number;
  entry: ManifestEntry;
  fingerprint: Fingerprint | null;
}

/** Takes file results in sorted path order: duplicates, sink, manifest; cross-year at the end. */
export class Collector {
  private entries: ManifestEntry[] = [];
  private kept: Kept[] = [];
  private summary: SummaryRow[] = [];
  private stats = { cells: 0, checks: 0, checksFailed: 0 };
  private bySha = new Map<string, { path: string; entry: ManifestEntry }>();
  private interner = new Interner();

  /** Conversion stems (canonical.ts) that more than one file of the run has; null: not known. */
  private sharedStems: Set<string> | null = null;

  /**
   * `paths`: every file of the run. A fingerprint's per-row hashes (canonical.ts `rows`) only
   * serve to compare conversions of one file (`x.pdf`, `x.txt`), so they are kept only for files
   * whose conversion stem another file shares (they are a few hundred bytes a report).
   */
  constructor(
    private rawDir: string,
    private sink: RowSink,
    paths?: Iterable<string>,
  ) {
    if (!paths) return;
    const seen = new Set<string>();
    this.sharedStems = new Set();
    for (const p of paths) {
      const stem = conversionStem(p);
      if (seen.has(stem)) this.sharedStems.add(stem);
      else seen.add(stem);
    }
  }

  add(r: FileResult): void {
    this.intern(r);
    const entry: ManifestEntry = {
      path: r.path,
      bytes: r.size,
      sha256: r.sha256,
      outcome: 'rejected',
      reason: null,
      reason_code: null,
      report_id: null,
      duplicate_of: null,
      same_agency_year: [],
      diagnostics: [],
    };
    this.entries.push(entry);
    const first = r.sha256 ? this.bySha.get(r.sha256) : undefined;
    // A copy of a rejected file is rejected for its own reason, which may differ (a name read as
    // another type: a text report under .docx is a broken Word file, under .txt a report), and
    // one that reads is a report of its own, the copies after it its duplicates.
    if (first && first.entry.outcome === 'rejected' && r.rejected) {
      const code = [...r.rejected.diagnostics].reverse().find((d) => d.code.startsWith('E_'))?.code ?? 'E_READ_FAILED';
      entry.duplicate_of = first.path;
      entry.reason = `${reasonZh(code, r.rejected.reason)}（${duplicateZh(first.path)}）`;
      entry.reason_code = code;
      entry.diagnostics.push(...r.rejected.diagnostics);
      return;
    }
    if (first && first.entry.outcome !== 'rejected') {
      entry.duplicate_of = first.path;
      entry.outcome = 'duplicate';
      entry.reason = duplicateZh(first.path);
      entry.reason_code = 'DUPLICATE_FILE';
      return;
    }
    if (r.sha256) this.bySha.set(r.sha256, { path: r.path, entry });
    if (r.rejected) {
      const code = [...r.rejected.diagnostics].reverse().find((d) => d.code.startsWith('E_'))?.code ?? 'E_READ_FAILED';
      entry.reason = reasonZh(code, r.rejected.reason);
      entry.reason_code = code;
      entry.diagnostics.push(...r.rejected.diagnostics);
      return;
    }
    entry.diagnostics.push(...r.diagnostics);
    const counts = r.counts ?? { cells: r.cells.length, checks: r.checks.length, sections: r.sections.length };
    if (r.retained && !this.sink.report) throw new Error('this sink cannot take rows from the previous run');
    this.sink.report?.(r.report.report_id, r.retained === true, counts);
    if (r.retained) {
      // Its rows are the previous run's: the writer copies them (retained.ts).
    } else if (r.ndjson) {
      if (!this.sink.ndjson) throw new Error('this sink cannot take serialised rows');
      for (const t of ['cells', 'checks', 'sections'] as const)
        if (r.ndjson[t].length) this.sink.ndjson(t, r.ndjson[t]);
    } else {
      this.sink.cells(r.cells);
      this.sink.checks(r.checks);
      this.sink.sections(r.sections);
    }
    this.stats.cells += counts.cells;
    this.stats.checks += counts.checks;
    const failed = r.checksFailed;
    this.stats.checksFailed += failed;
    this.summary.push(r.summary);
    entry.report_id = r.report.report_id;
    entry.outcome = r.report.status === 'complete' ? 'ok' : r.report.status;
    if (r.report.status !== 'complete') {
      // A table in the file outside the sections found is no missing table (reasons.ts).
      const outside = r.diagnostics.find((d) => d.code === 'W_TABLE_MISSING' && d.message === TABLE_OUTSIDE_SECTIONS);
      entry.reason =
        r.report.status === 'text_only'
          ? r.report.era === 'pre2019'
            ? OLD_TEMPLATE_REASON_ZH
            : outside
              ? tableOutsideSectionsZh(outside.line)
              : TEXT_ONLY_ZH
          : PARTIAL_ZH;
      entry.reason_code = r.report.status === 'text_only' ? 'TEXT_ONLY' : 'PARTIAL';
    }
    // A second report in the same file is not read: the entry says so even when the first is ok.
    const second = r.diagnostics.find((d) => d.code === 'W_SECOND_REPORT');
    if (second) {
      entry.reason = entry.reason ? `${entry.reason}；${secondReportZh(second.line)}` : secondReportZh(second.line);
      entry.reason_code ??= 'W_SECOND_REPORT';
    }
    // So does a year left NULL: every number of the report is then under no year.
    const noYear = r.diagnostics.find((d) => d.code === 'W_NO_YEAR');
    if (noYear) {
      const zh = noYearZh(noYear.message);
      entry.reason = entry.reason ? `${entry.reason}；${zh}` : zh;
      entry.reason_code ??= 'W_NO_YEAR';
    }
    const disputed = r.diagnostics.find((d) => d.code === 'W_YEAR_DISPUTED');
    if (disputed) {
      const zh = yearDisputedZh(disputed.message);
      entry.reason = entry.reason ? `${entry.reason}；${zh}` : zh;
      entry.reason_code ??= 'W_YEAR_DISPUTED';
    }
    // And an agency name chosen between the title's and the issuer's.
    const agencyDisputed = r.diagnostics.find((d) => d.code === 'W_AGENCY_DISPUTED');
    if (agencyDisputed) {
      const zh = agencyDisputedZh(agencyDisputed.message);
      entry.reason = entry.reason ? `${entry.reason}；${zh}` : zh;
      entry.reason_code ??= 'W_AGENCY_DISPUTED';
    }
    const fingerprint = r.fingerprint ?? null;
    if (fingerprint && this.sharedStems && !this.sharedStems.has(conversionStem(r.path))) fingerprint.rows = '';
    this.kept.push({
      report: r.report,
      crossCells: r.crossCells,
      failed,
      unassessed: r.report.checks_not_assessable,
      passed: r.report.checks_passed,
      entry,
      fingerprint,
    });
  }

  /** Shares the repeated strings of what is kept until the end (intern.ts). */
  private intern(r: FileResult): void {
    const i = this.interner;
    const diagnostics = r.rejected ? r.rejected.diagnostics : r.diagnostics;
    for (const d of diagnostics) {
      d.code = i.string(d.code) as typeof d.code;
      d.message = i.string(d.message);
      if (d.file === r.path) d.file = r.path;
    }
    if (r.rejected) return;
    i.fields(r.report);
    i.fields(r.summary);
  }

  private done = false;
  /** Tells the sink that every file is in (once; `finish` does it too). */
  filesDone(): void {
    if (this.done) return;
    this.done = true;
    this.sink.filesDone?.();
  }

  finish(): RunResult {
    this.filesDone();
    markDuplicates(this.kept, sameAgencyKey);
    const copyOf = new Map(
      this.kept.filter((k) => k.report.duplicate_of).map((k) => [k.report.report_id, k.report.duplicate_of]),
    );
    flagSameAgencyYear(this.kept);
    const others = new Map(
      this.kept
        .filter((k) => k.entry.same_agency_year.length)
        .map((k) => [k.report.report_id, k.entry.same_agency_year.length]),
    );
    if (copyOf.size || others.size)
      this.summary = this.summary.map((s) =>
        copyOf.has(s.report_id) || others.has(s.report_id)
          ? {
              ...s,
              duplicate_of: copyOf.get(s.report_id) ?? s.duplicate_of,
              same_agency_year: others.get(s.report_id) ?? s.same_agency_year,
            }
          : s,
      );
    for (const [k, checks] of pairCrossYear(this.kept)) {
      const rows = checks.map((c) => CheckRow.parse({ report_id: k.report.report_id, ...c }));
      this.sink.checks(rows);
      this.stats.checks += rows.length;
      const failed = rows.filter((c) => c.status === 'fail').length;
      this.stats.checksFailed += failed;
      k.failed += failed;
      k.unassessed += rows.filter((c) => c.status === 'not_assessable').length;
      k.passed += rows.filter((c) => c.status === 'pass').length;
    }
    const reports = this.kept.map((k) => ({
      ...k.report,
      checks_failed: k.failed,
      checks_not_assessable: k.unassessed,
      checks_passed: k.passed,
      same_agency_year: k.entry.same_agency_year.length,
    }));
    const counts: Record<string, number> = {
      files: this.entries.length,
      ok: 0,
      partial: 0,
      text_only: 0,
      duplicate: 0,
      rejected: 0,
    };
    for (const e of this.entries) counts[e.outcome] = (counts[e.outcome] ?? 0) + 1;
    counts.reports = reports.length;
    // Copies of another report (duplicate_of): published, but counted once in totals.
    counts.copies = reports.filter((r) => r.duplicate_of).length;
    counts.cells = this.stats.cells;
    counts.cells_ambiguous = reports.reduce((a, r) => a + r.cells_ambiguous, 0);
    counts.checks_failed = this.stats.checksFailed;
    counts.reports_with_failed_checks = reports.filter((r) => r.checks_failed > 0).length;
    return {
      reports,
      summary: this.summary,
      stats: this.stats,
      manifest: { version: 2, raw_dir: this.rawDir, counts, files: this.entries },
    };
  }
}

/**
 * Which agency a report is of, for telling that two reports are the same agency's: its name and
 * its place. Null when that is not known, and then the report is no other report's agency — a
 * NULL is equal to nothing, as in SQL: a name alone (朝阳街道办事处, 公安局) is shared by agencies
 * of many places, so two reports of it whose place is NULL (unresolved) are not proven to be of
 * one agency. Nor are two whose place is `ambiguous`: their region_code is only the division the
 * places named so share (店上镇 of 潞城区 and of 壶关县: both 长治市).
 */
export function agencyKey(r: Pick<ReportRow, 'agency' | 'region_code' | 'region_basis'>): string | null {
  if (!r.agency || r.region_code === null || r.region_basis === 'ambiguous') return null;
  return `${r.agency}\u0000${r.region_code}`;
}

/**
 * `agencyKey` for telling one agency's reports from another's in a year (copies, and two
 * reports of one agency and year), where one agency writes its name more ways than one: with
 * or without the names of its own province, city and county in front (无锡市滨湖区人民政府,
 * 滨湖区人民政府), and 人民政府 or 政府. Only the report's own places are left out, and the place
 * stays in the key, so agencies of other places, or other agencies of this one, never meet. A
 * fresh tester's two copies of one report, one with the city in the name, were both added to
 * every total. Cross-year checks and agency pages keep the name as written.
 */
export function sameAgencyKey(
  r: Pick<ReportRow, 'agency' | 'region_code' | 'region_basis' | 'province' | 'city' | 'county'>,
): string | null {
  if (agencyKey(r) === null) return null;
  let name = r.agency!;
  for (const place of [r.province, r.city, r.county])
    if (place && name.startsWith(place) && name.length > place.length) name = name.slice(place.length);
  return `${name.replace(/人民政府/g, '政府')}\u0000${r.region_code}`;
}

/**
 * Two different files for the same agency and year: both kept, both flagged (W_SAME_AGENCY_YEAR).
 * So are two of one agency name and year whose places are both not known (NULL or ambiguous:
 * agencyKey null), W_SAME_NAME_YEAR: they may be one agency's two reports (counted twice if
 * both were added) or two namesakes' (朝阳街道办事处 of two places); which is not known, so they
 * are flagged alike (`same_agency_year`) and no total adds them. A report of unknown place is
 * not grouped with one of known place: the name alone does not make them one agency.
 */
function flagSameAgencyYear(kept: Kept[]): void {
  // A report says it corrects when it or a copy of it does (the copy's file name alone may carry
  // 更正: a fresh tester's t71, the unmarked copy kept as the report and the correction lost).
  const marked = new Set<string>();
  for (const k of kept) if (correctionMarked(k.report)) marked.add(k.report.duplicate_of ?? k.report.report_id);
  const groups = new Map<string, Kept[]>();
  for (const k of kept) {
    // A copy of a report (duplicate_of) is said so by its own warning.
    if (!k.report.agency || k.report.year === null || k.report.duplicate_of) continue;
    const agency = sameAgencyKey(k.report) ?? `${k.report.agency}\u0000?`;
    const key = `${agency}\u0000${k.report.year}`;
    groups.set(key, [...(groups.get(key) ?? []), k]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // The one report of the group that says it corrects (更正, 修订版: corrected.ts) is the
    // agency's report of the year, as the agency says; the others are superseded by it. Two or
    // more saying so (a second correction, or two conversions of the corrected one read
    // differently) decide nothing.
    // A notice with no table (text_only) corrects numbers it does not give: it decides nothing.
    const saying = agencyKey(group[0]!.report) !== null ? group.filter((k) => marked.has(k.report.report_id)) : [];
    const corrected = saying.length === 1 && saying[0]!.report.status !== 'text_only' ? saying[0]! : null;
    if (corrected) {
      for (const k of group) {
        if (k === corrected) continue;
        k.entry.same_agency_year = group.filter((o) => o !== k).map((o) => o.entry.path);
        k.report.superseded_by = corrected.report.report_id;
        k.entry.diagnostics.push(
          diag(
            'W_SUPERSEDED',
            `${corrected.entry.path} is a corrected version of ${k.report.agency}'s report for ${k.report.year} (its title or file name says so): totals add that one, not this`,
            k.entry.path,
          ),
        );
      }
      continue;
    }
    // A page with no table of numbers (text_only: a portal's 年报汇总 list taken for the county's,
    // a notice) adds nothing to a total: beside the one report of the group that has numbers, it
    // leaves that report counted (a fresh tester's t111: the county's complete report was left out
    // of every total by such a page). Only the pages without numbers are flagged then.
    const numbered = group.filter((k) => k.report.status !== 'text_only');
    const flagged = numbered.length === 1 ? group.filter((k) => k !== numbered[0]) : group;
    for (const k of flagged) {
      k.entry.same_agency_year = group.filter((o) => o !== k).map((o) => o.entry.path);
      const others = k.entry.same_agency_year.join(', ');
      k.entry.diagnostics.push(
        agencyKey(k.report) !== null
          ? diag(
              'W_SAME_AGENCY_YEAR',
              `another file has a report of ${k.report.agency} for ${k.report.year}: ${others}`,
              k.entry.path,
            )
          : diag(
              'W_SAME_NAME_YEAR',
              `another file has a report of an agency named ${k.report.agency} for ${k.report.year}, and neither place is known, so whether they are one agency's (counted twice) or namesakes' is not known; no total adds them: ${others}`,
              k.entry.path,
            ),
      );
    }
  }
}

/** Consecutive years of one agency (one report per year only: otherwise which pair is unclear). */
function pairCrossYear(kept: Kept[]): Array<[Kept, CheckOut[]]> {
  const out: Array<[Kept, CheckOut[]]> = [];
  const byAgency = new Map<string, Map<number, Kept[]>>();
  for (const k of kept) {
    const agency = agencyKey(k.report);
    if (agency === null || k.report.year === null || k.report.duplicate_of) continue;
    const years = byAgency.get(agency) ?? new Map<number, Kept[]>();
    years.set(k.report.year, [...(years.get(k.report.year) ?? []), k]);
    byAgency.set(agency, years);
  }
  for (const years of byAgency.values()) {
    for (const [year, cur] of years) {
      const all = years.get(year - 1);
      if (!all) continue;
      // A report superseded by its corrected version (flagSameAgencyYear) is not the year's.
      const prev = all.some((k) => k.report.superseded_by) ? all.filter((k) => !k.report.superseded_by) : all;
      // Each report of the year against the year before's one report: two different reports of
      // one year (same_agency_year) are each checked against it. Against several of the year
      // before, which one to check against is not known: the checks are made against the first,
      // but recorded as not made (a fresh tester: a report's not-assessable cross-year check
      // vanished, and the report turned 一致, when a corrected copy of the year before was added).
      const p = prev[0]!;
      for (const c of cur) {
        const made = crossYearChecks(
          expandCross(p.crossCells),
          expandCross(c.crossCells),
          year - 1,
          c.report.layout_active,
          p.report.layout_active,
        );
        const checks =
          prev.length === 1
            ? made
            : made.map((x): CheckOut => ({
                ...x,
                status: 'not_assessable',
                detail: `${x.detail.replace(/：[^：]*$/, '')}：${year - 1} 年有 ${prev.length} 份不同的报告，无法确定与哪份核对`,
              }));
        if (checks.length) out.push([c, checks]);
      }
    }
  }
  // Deterministic order: the later report's position in the run.
  const order = new Map(kept.map((k, i) => [k, i]));
  return out.sort((a, b) => order.get(a[0])! - order.get(b[0])!);
}
