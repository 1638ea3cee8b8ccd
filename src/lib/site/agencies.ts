import { createHash } from 'node:crypto';
import type { ReportRow } from '../schema/datasets.ts';
import { groupBy } from './group.ts';

/** An agency is its name in one region; its page URL is a hash of both, stable across builds. */
export function agencyKey(r: Pick<ReportRow, 'agency' | 'region_code'>): string | null {
  if (!r.agency) return null;
  return createHash('sha256')
    .update(`${r.agency}|${r.region_code ?? ''}`)
    .digest('hex')
    .slice(0, 12);
}

export function groupByAgency(reports: ReportRow[]): Map<string, ReportRow[]> {
  const out = groupBy(reports, agencyKey);
  for (const list of out.values()) list.sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  return out;
}
