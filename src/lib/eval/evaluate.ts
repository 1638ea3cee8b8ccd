import type { Datasets } from '../ingest/run.ts';
import { UNCERTAIN_STATES } from '../schema/datasets.ts';
import type { Truth } from '../synth/truth.ts';

/**
 * Compares an ingest run with the generator's ground truth. The number that matters most is
 * `wrong`: a value published as a number that differs from what the file says (or that the
 * file does not have at all). Everything else measures how much we could read.
 */

export interface Tally {
  cells: number;
  correct: number;
  wrong: number;
  /** Truth has a number that can be read, output is NULL or missing. */
  nullKnowable: number;
  /** Output cells marked ambiguous or unreadable. */
  ambiguous: number;
}

export interface EvalResult {
  files: number;
  total: Tally;
  byStyle: Record<string, Tally>;
  byQuirk: Record<string, Tally>;
  metadata: Record<string, { ok: number; total: number }>;
  outcome: { ok: number; total: number };
  /**
   * Reports published under another year than the file's (a year that is NULL is not counted):
   * every number of such a report is filed under the wrong year, so this must be 0 like `wrong`.
   */
  wrongYears: number;
  /**
   * `withheld`: planted failures the product reported not assessable, their cells left NULL as
   * not proven (a row whose failing sum another reading of its text mends: tables/shift.ts) —
   * neither reported failing nor claimed to pass.
   */
  checks: { expectedFailing: number; found: number; missed: number; withheld: number; extra: number };
  wrongExamples: string[];
  mismatchExamples: string[];
}

const tally = (): Tally => ({ cells: 0, correct: 0, wrong: 0, nullKnowable: 0, ambiguous: 0 });

export function evaluate(
  truths: Truth[],
  data: Pick<Datasets, 'reports' | 'cells' | 'checks' | 'manifest'>,
): EvalResult {
  const reportByFile = new Map(data.reports.map((r) => [r.source_file, r]));
  const cellsByReport = new Map<string, Map<string, Datasets['cells'][number]>>();
  for (const c of data.cells) {
    let m = cellsByReport.get(c.report_id);
    if (!m) cellsByReport.set(c.report_id, (m = new Map<string, Datasets['cells'][number]>()));
    m.set(`${c.table_id}.${c.row_key}.${c.col_key}`, c);
  }
  const failingByReport = new Map<string, Set<string>>();
  const unassessed = new Set<string>();
  for (const c of data.checks) {
    if (c.status === 'not_assessable') unassessed.add(`${c.report_id}|${c.check_id}`);
    if (c.status !== 'fail' || c.check_id.startsWith('cross_year')) continue;
    const s = failingByReport.get(c.report_id) ?? new Set<string>();
    s.add(c.check_id);
    failingByReport.set(c.report_id, s);
  }
  const outcomeByFile = new Map(data.manifest.files.map((f) => [f.path, f.outcome]));

  const res: EvalResult = {
    files: truths.length,
    total: tally(),
    byStyle: {},
    byQuirk: {},
    metadata: {},
    outcome: { ok: 0, total: 0 },
    wrongYears: 0,
    checks: { expectedFailing: 0, found: 0, missed: 0, withheld: 0, extra: 0 },
    wrongExamples: [],
    mismatchExamples: [],
  };
  const meta = (field: string, ok: boolean, detail: string) => {
    const m = (res.metadata[field] ??= { ok: 0, total: 0 });
    m.total++;
    if (ok) m.ok++;
    else if (res.mismatchExamples.length < 40) res.mismatchExamples.push(`${field}: ${detail}`);
  };

  for (const t of truths) {
    res.outcome.total++;
    const outcome = outcomeByFile.get(t.file);
    if (outcome === t.outcome) res.outcome.ok++;
    else if (res.mismatchExamples.length < 40)
      res.mismatchExamples.push(`outcome: ${t.file}: expected ${t.outcome}, got ${outcome}`);
    const r = reportByFile.get(t.file);
    const parsed = (r && cellsByReport.get(r.report_id)) || new Map<string, Datasets['cells'][number]>();
    const buckets = [
      res.total,
      (res.byStyle[t.style] ??= tally()),
      ...t.quirks.map((q) => (res.byQuirk[q] ??= tally())),
    ];
    const add = (k: keyof Tally) => buckets.forEach((b) => b[k]++);

    const seen = new Set<string>();
    for (const c of t.cells) {
      const key = `${c.table_id}.${c.row_key}.${c.col_key}`;
      seen.add(key);
      const p = parsed.get(key);
      add('cells');
      if (p && UNCERTAIN_STATES.has(p.state)) add('ambiguous');
      if (p && p.state === 'number') {
        if (c.value !== null && Math.abs(p.value! - c.value) < 1e-9) add('correct');
        else {
          add('wrong');
          if (res.wrongExamples.length < 40)
            res.wrongExamples.push(
              `${t.file} ${key}: published ${p.value} (raw "${p.raw}", line ${p.line}); the file says ${c.value ?? c.state}`,
            );
        }
      } else if (c.state === 'number') {
        add('nullKnowable');
      } else if (p && p.state === c.state) add('correct');
      else if (!p) add('nullKnowable');
      else add('correct'); // NULL where the truth is NULL (blank vs na naming aside)
    }
    // A number published for a cell the file does not have is wrong too.
    for (const [key, p] of parsed) {
      if (seen.has(key) || p.state !== 'number') continue;
      add('wrong');
      if (res.wrongExamples.length < 40)
        res.wrongExamples.push(`${t.file} ${key}: published ${p.value} for a cell the file does not have`);
    }

    if (t.report && r) {
      meta('agency', r.agency === t.report.agency, `${t.file}: ${r.agency} ≠ ${t.report.agency}`);
      meta('year', r.year === t.report.year, `${t.file}: ${r.year} ≠ ${t.report.year}`);
      if (r.year !== null && r.year !== t.report.year) {
        res.wrongYears++;
        if (res.wrongExamples.length < 40)
          res.wrongExamples.push(
            `${t.file}: published under ${r.year}; the file's year is ${t.report.year ?? 'not stated'}`,
          );
      }
      meta(
        'region_code',
        r.region_code === t.report.region_code,
        `${t.file}: ${r.region_code} (${r.region_basis}) ≠ ${t.report.region_code} (${t.report.region_basis}) for ${t.report.agency}`,
      );
      meta(
        'region_basis',
        r.region_basis === t.report.region_basis,
        `${t.file}: ${r.region_basis} ≠ ${t.report.region_basis}`,
      );
      meta(
        'layout',
        r.layout_active === t.report.layout_active && r.layout_requests === t.report.layout_requests,
        `${t.file}: ${r.layout_active}/${r.layout_requests} ≠ ${t.report.layout_active}/${t.report.layout_requests}`,
      );
      meta('era', r.era === t.report.era, `${t.file}: ${r.era} ≠ ${t.report.era}`);
      meta('status', r.status === t.report.status, `${t.file}: ${r.status} ≠ ${t.report.status}`);
      // Metadata variants (synth/metadata.ts); older truth files do not have them.
      if (t.report.title !== undefined)
        meta('title', r.title === t.report.title, `${t.file}: ${r.title} ≠ ${t.report.title}`);
      if (t.report.title_agency !== undefined)
        meta(
          'title_agency',
          r.title_agency === t.report.title_agency,
          `${t.file}: ${r.title_agency} ≠ ${t.report.title_agency}`,
        );
      if (t.report.published_on !== undefined)
        meta(
          'published_on',
          r.published_on === t.report.published_on && r.published_on_basis === (t.report.published_on_basis ?? null),
          `${t.file}: ${r.published_on} (${r.published_on_basis}) ≠ ${t.report.published_on} (${t.report.published_on_basis})`,
        );
      if (t.report.duplicate_of_file !== undefined) {
        const want =
          t.report.duplicate_of_file === null
            ? null
            : (reportByFile.get(t.report.duplicate_of_file)?.report_id ?? '(missing)');
        meta('duplicate_of', r.duplicate_of === want, `${t.file}: ${r.duplicate_of} ≠ ${want}`);
      }
      if (t.report.source_url !== undefined)
        meta('source_url', r.source_url === t.report.source_url, `${t.file}: ${r.source_url} ≠ ${t.report.source_url}`);
      const failing = failingByReport.get(r.report_id) ?? new Set<string>();
      const expected = new Set(t.failing_checks);
      res.checks.expectedFailing += expected.size;
      for (const c of expected) {
        if (failing.has(c)) res.checks.found++;
        else if (unassessed.has(`${r.report_id}|${c}`)) res.checks.withheld++;
        else {
          res.checks.missed++;
          if (res.mismatchExamples.length < 40) res.mismatchExamples.push(`check missed: ${t.file}: ${c}`);
        }
      }
      for (const c of failing)
        if (!expected.has(c)) {
          res.checks.extra++;
          if (res.mismatchExamples.length < 40) res.mismatchExamples.push(`check not planted: ${t.file}: ${c}`);
        }
    }
  }
  return res;
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(2)}%` : '—');

/** The evaluation as a Markdown report. */
export function formatEval(r: EvalResult): string {
  const row = (name: string, t: Tally) =>
    `| ${name} | ${t.cells} | ${pct(t.correct, t.cells)} | **${t.wrong}** | ${t.nullKnowable} | ${pct(t.ambiguous, t.cells)} |`;
  const out = [
    `Files: ${r.files}. Outcome accuracy: ${pct(r.outcome.ok, r.outcome.total)} (${r.outcome.ok}/${r.outcome.total}).`,
    '',
    '| cells | count | accuracy | wrong numbers | NULL where knowable | ambiguous/unreadable |',
    '|---|---:|---:|---:|---:|---:|',
    row('**all**', r.total),
    ...Object.keys(r.byStyle)
      .sort()
      .map((s) => row(`style: ${s}`, r.byStyle[s]!)),
    ...Object.keys(r.byQuirk)
      .sort()
      .map((s) => row(`quirk: ${s}`, r.byQuirk[s]!)),
    '',
    '| metadata | accuracy |',
    '|---|---:|',
    ...Object.entries(r.metadata).map(([k, v]) => `| ${k} | ${pct(v.ok, v.total)} (${v.ok}/${v.total}) |`),
    '',
    `Reports under a wrong year (a NULL year not counted): **${r.wrongYears}**.`,
    '',
    `Checks: ${r.checks.expectedFailing} planted failures, ${r.checks.found} reported, ${r.checks.withheld} not assessable (cells left NULL), ${r.checks.missed} missed, ${r.checks.extra} reported that were not planted.`,
  ];
  if (r.wrongExamples.length) out.push('', 'Wrong numbers and years:', ...r.wrongExamples.map((w) => `- ${w}`));
  if (r.mismatchExamples.length)
    out.push('', 'Other mismatches (first 40):', ...r.mismatchExamples.map((w) => `- ${w}`));
  return out.join('\n');
}
