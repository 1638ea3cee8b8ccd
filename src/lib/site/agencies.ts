import { createHash } from 'node:crypto';
import type { ReportRow } from '../schema/datasets.ts';
import { groupBy } from './group.ts';

/**
 * An agency page's address: a hash of the name and the region code, stable across builds. The
 * reports of one key share a page, but they are one agency's only when the place is known
 * (`placeKnown`): the key of a name whose place is NULL or ambiguous gathers namesakes.
 */
export function agencyKey(r: Pick<ReportRow, 'agency' | 'region_code'>): string | null {
  if (!r.agency) return null;
  const name = `${r.agency}|${r.region_code ?? ''}`;
  let key = KEYS.get(name);
  if (key === undefined) {
    key = createHash('sha256').update(name).digest('hex').slice(0, 12);
    KEYS.set(name, key);
  }
  return key;
}
/**
 * Keys already made: a build asks for each report's key many times (its page, its agency's
 * reports, the region pages), and a SHA-256 each time was about 1 % of a shard's CPU. One entry a
 * name and place: some 50,000 at 100,000 reports.
 */
const KEYS = new Map<string, string>();

/** The reports of a report's agency (agencyKey, itself included), or the report alone when it has no agency. */
export function agencyReportsOf(report: ReportRow, data: { reportsOfAgency(key: string): ReportRow[] }): ReportRow[] {
  const key = agencyKey(report);
  return key ? data.reportsOfAgency(key) : [report];
}

export function groupByAgency(reports: ReportRow[]): Map<string, ReportRow[]> {
  const out = groupBy(reports, agencyKey);
  for (const list of out.values()) list.sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  return out;
}

/**
 * Is the report's agency known by its name and its place, so that two reports of one name and
 * region code are one agency's? The ingest's rule (src/lib/ingest/run.ts, agencyKey): a place
 * that is NULL (unresolved), or `ambiguous` (its code is only the division the places of that
 * name share), equals nothing — 朝阳街道办事处 of unknown place in 2020 and in 2021 may be two
 * agencies.
 */
export function placeKnown(r: Pick<ReportRow, 'agency' | 'region_code' | 'region_basis'>): boolean {
  return !!r.agency && r.region_code !== null && r.region_basis !== 'ambiguous';
}

/** Said wherever reports of one name are listed together though their place is unknown. */
export const NAMESAKE_NOTE = '同名机关，地区不明，未必为同一机关';

type Placed = Pick<ReportRow, 'report_id' | 'agency' | 'region_code' | 'region_basis' | 'duplicate_of'>;

/**
 * Which reports of one agency key are proven one agency's: '' for all whose place is known (the
 * same name and place), and for a report whose place is not known, the report it is a copy of
 * (duplicate_of: the same text) or its own id — a report and its copies are one report, so of one
 * agency, whatever the place; two reports of unknown place are not.
 */
export function sameAgencyClass<R extends Placed>(r: R, byId: ReadonlyMap<string, R>): string {
  const canonical = (r.duplicate_of !== null ? byId.get(r.duplicate_of) : undefined) ?? r;
  return placeKnown(r) || placeKnown(canonical) ? '' : (r.duplicate_of ?? r.report_id);
}

export interface AgencySplit<R> {
  /** One agency's reports (name and place known, or one report and its copies): compared year on year. */
  series: R[];
  /** Reports of the same name (and page) not proven that agency's: never compared with each other or the series. */
  namesakes: R[];
}

/**
 * The reports of one agency key (in their order), split into what is proven one agency's and the
 * namesakes. All of one class (agencies.ts, sameAgencyClass) are a series, whatever the place;
 * otherwise the series is those of known place (maybe none) and the rest are namesakes.
 */
export function splitAgency<R extends Placed>(reports: readonly R[]): AgencySplit<R> {
  const byId = new Map(reports.map((r) => [r.report_id, r]));
  const classes = new Set(reports.map((r) => sameAgencyClass(r, byId)));
  if (classes.size <= 1) return { series: [...reports], namesakes: [] };
  const series: R[] = [];
  const namesakes: R[] = [];
  for (const r of reports) (sameAgencyClass(r, byId) === '' ? series : namesakes).push(r);
  return { series, namesakes };
}

/** A count of agencies as its least and its most; exact when they are equal. */
export interface AgencyCount {
  min: number;
  max: number;
}

/** A count of agencies as text: 12, or 12–15 when it is not exact. */
export function agencyCountText(c: AgencyCount, fmt: (n: number) => string): string {
  return c.min === c.max ? fmt(c.min) : `${fmt(c.min)}–${fmt(c.max)}`;
}

/**
 * How many agencies published some reports, as the least and the most it can be. Reports of a
 * known place count once per name and place; a copy (duplicate_of) of a report counted is none.
 * A report whose place is not known is at most an agency of its own, and at least one when its
 * name is not among the placed ones (else it may be one of them); reports of one such name may
 * all be one agency's. Equal bounds: the count is exact.
 */
export function agencyCount(reports: readonly Placed[]): AgencyCount {
  const ids = new Set(reports.map((r) => r.report_id));
  const placed = new Set<string>();
  const placedNames = new Set<string>();
  const unplacedNames = new Set<string>();
  let unplaced = 0;
  for (const r of reports) {
    // A copy of a report counted here is that report: no other agency.
    if (!r.agency || (r.duplicate_of !== null && ids.has(r.duplicate_of))) continue;
    if (placeKnown(r)) {
      placed.add(`${r.agency}|${r.region_code}`);
      placedNames.add(r.agency);
    } else {
      unplaced++;
      unplacedNames.add(r.agency);
    }
  }
  const newNames = [...unplacedNames].filter((n) => !placedNames.has(n)).length;
  return { min: placed.size + newNames, max: placed.size + unplaced };
}
