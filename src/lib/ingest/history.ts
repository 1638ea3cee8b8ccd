import type { ManifestEntry } from '../schema/datasets.ts';

/**
 * Earlier versions of a file. A report's id is the first 16 hex digits of its file's SHA-256
 * (report/parse.ts), so an agency that corrects its report, or a crawler that fetches it again
 * with another byte, gives the report a new id and its old page address a 404. A run therefore
 * records, in the manifest entry of each file with a report, the ids that file had in earlier
 * runs (`replaces`), and the site redirects their addresses to the report's
 * (site/moved-reports.ts).
 *
 * An old id is the file's earlier version only when all of these hold (else its address stays a
 * 404: a redirect to another report would be a wrong fact):
 * - the same path (a file renamed and edited in one step is two unrelated files);
 * - the same agency and year, both known, in the earlier run and now (a crawler's `latest.html`
 *   that held the 2023 report and now holds the 2024 one is no edit of it; a fresh tester's t59);
 * - the report now at the path was no report of the earlier run under another path (a file moved
 *   onto the path, t59);
 * - no other file of this run claims it (two byte-identical copies, one listed as the other's
 *   `duplicate`, edited apart: t59);
 * - it is no report of this run (the old version is back, or is another file now).
 */

/** What a run needs of an earlier run's manifest entry: its id is its report's, or for a byte-identical copy (`duplicate`) the report's it copies. */
export type PreviousEntry = Pick<ManifestEntry, 'path' | 'report_id' | 'replaces'>;

/** A report's agency and year (reports table), by report_id. */
export type ReportFacts = ReadonlyMap<string, { agency: string | null; year: number | null }>;

/** At most this many earlier ids per file (newest first): a file re-fetched daily stays small. */
export const MAX_REPLACED = 50;

/**
 * Sets `replaces` on this run's entries (in place) from the previous run's. `before`/`now`: the
 * agency and year of the previous run's reports and of this run's. Returns how many files were
 * edited since the previous run with their old id now replaced (not those only carrying older
 * history).
 */
export function carryHistory(
  entries: ManifestEntry[],
  previous: Iterable<PreviousEntry>,
  before: ReportFacts,
  now: ReportFacts,
): number {
  const byPath = new Map<string, PreviousEntry>();
  const wasLive = new Set<string>();
  for (const p of previous) {
    byPath.set(p.path, p);
    if (p.report_id) wasLive.add(p.report_id);
  }
  const live = new Set<string>();
  for (const e of entries) if (e.report_id) live.add(e.report_id);
  const sameReport = (old: string, id: string) => {
    const a = before.get(old);
    const b = now.get(id);
    return !!a && !!b && a.agency !== null && a.year !== null && a.agency === b.agency && a.year === b.year;
  };
  const wanted = new Map<ManifestEntry, { ids: string[]; edited: boolean }>();
  const claims = new Map<string, number>();
  for (const e of entries) {
    delete e.replaces;
    const p = byPath.get(e.path);
    if (!e.report_id || !p?.report_id) continue;
    let ids: string[];
    let edited = false;
    if (p.report_id === e.report_id) ids = p.replaces ?? [];
    else if (!wasLive.has(e.report_id) && sameReport(p.report_id, e.report_id)) {
      ids = [p.report_id, ...(p.replaces ?? [])];
      edited = true;
    } else continue;
    ids = [...new Set(ids)].filter((id) => !live.has(id));
    if (!ids.length) continue;
    wanted.set(e, { ids: ids.slice(0, MAX_REPLACED), edited });
    for (const id of ids) claims.set(id, (claims.get(id) ?? 0) + 1);
  }
  let n = 0;
  for (const [e, { ids, edited }] of wanted) {
    const own = ids.filter((id) => claims.get(id) === 1);
    if (!own.length) continue;
    e.replaces = own;
    if (edited && own.includes(byPath.get(e.path)!.report_id!)) n++;
  }
  return n;
}
