import type { ReportRow, SummaryRow } from '../schema/datasets.ts';
import { decided } from './aggregate.ts';
import { checkOutcome } from './present.ts';

/**
 * Shares and rates over many reports. A ratio uses only the reports that have every figure it
 * needs (numerator and denominator from the same reports), and says how many those are.
 */

type Key = keyof SummaryRow;

export interface Part {
  key: Key;
  label: string;
  sum: number;
  /** sum / total of all parts, 0…1 (null when the total is 0). */
  share: number | null;
}

export interface Breakdown {
  parts: Part[];
  total: number;
  /** Reports with every part known. */
  reports: number;
  /** Reports the figures may come from: each once, less those no total adds (aggregate.ts decided). */
  of: number;
}

function complete(reports: ReportRow[], summary: Map<string, SummaryRow>, keys: Key[]): SummaryRow[] {
  const out: SummaryRow[] = [];
  for (const r of decided(reports)) {
    const s = summary.get(r.report_id);
    if (s && keys.every((k) => typeof s[k] === 'number')) out.push(s);
  }
  return out;
}

/** How parts of a whole are split, over the reports that have all parts. */
export function breakdown(
  reports: ReportRow[],
  summary: Map<string, SummaryRow>,
  parts: ReadonlyArray<readonly [Key, string]>,
): Breakdown {
  const rows = complete(
    reports,
    summary,
    parts.map(([k]) => k),
  );
  const sums = parts.map(([k]) => rows.reduce((a, s) => a + (s[k] as number), 0));
  const total = sums.reduce((a, b) => a + b, 0);
  return {
    parts: parts.map(([key, label], i) => ({ key, label, sum: sums[i]!, share: total ? sums[i]! / total : null })),
    total,
    reports: rows.length,
    of: decided(reports).length,
  };
}

export interface Rate {
  /** Sums over the reports that have both figures; null when no report has (a sum of nothing is unknown, not 0). */
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  reports: number;
  /** As Breakdown's `of`: the reports the sums may come from (aggregate.ts decided). */
  of: number;
}

/** numerator / denominator over the reports that have both. */
export function rate(reports: ReportRow[], summary: Map<string, SummaryRow>, numerator: Key, denominator: Key): Rate {
  const rows = complete(reports, summary, [numerator, denominator]);
  const n = rows.reduce((a, s) => a + (s[numerator] as number), 0);
  const d = rows.reduce((a, s) => a + (s[denominator] as number), 0);
  const none = rows.length === 0;
  return {
    numerator: none ? null : n,
    denominator: none ? null : d,
    rate: d ? n / d : null,
    reports: rows.length,
    of: decided(reports).length,
  };
}

export const OUTCOMES = [
  ['granted', '予以公开'],
  ['partly_granted', '部分公开'],
  ['withheld', '不予公开'],
  ['unable', '无法提供'],
  ['declined', '不予处理'],
  ['other', '其他处理'],
] as const satisfies ReadonlyArray<readonly [Key, string]>;

export const APPLICANTS = [
  ['requests_new_natural_person', '自然人'],
  ['requests_new_organisations', '法人或其他组织'],
] as const satisfies ReadonlyArray<readonly [Key, string]>;

export const pct = (x: number | null): string => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);

/**
 * How many reports with tables (not text_only) there are, and of them how many were read in full
 * and pass every check, each of them made (present.ts checkOutcome `consistent`): over the
 * reports the page's totals add (aggregate.ts decided: each report once, and none of an agency's
 * two differing reports of a year — a fresh tester's t80: 433 here, 428 in every other figure).
 */
export function consistency(reports: ReportRow[]): { withTables: number; consistent: number } {
  const withTables = decided(reports).filter((r) => r.status !== 'text_only');
  return {
    withTables: withTables.length,
    consistent: withTables.filter((r) => checkOutcome(r) === 'consistent').length,
  };
}
