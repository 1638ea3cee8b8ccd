import type { ManifestEntry } from '../schema/datasets.ts';

/**
 * Earlier versions of a file. A report's id is the first 16 hex digits of its file's SHA-256
 * (report/parse.ts), so an agency that corrects its report, or a crawler that fetches it again
 * with another byte, gives the report a new id and its old page address a 404. A run therefore
 * records, in the manifest entry of each file with a report, the ids that file had in earlier
 * runs (`replaces`), and the site redirects their addresses to the report's
 * (site/moved-reports.ts).
 *
 * Only the same path counts: a file renamed and edited in one step is two unrelated files, never
 * guessed to be one. An old id is dropped when a report of this run has it (the old version is
 * back, or is another file now), and when more than one of this run's files would claim it (two
 * byte-identical copies later edited apart): which is its successor is not known.
 */

/** What a run needs of an earlier run's manifest entry. */
export type PreviousEntry = Pick<ManifestEntry, 'path' | 'report_id' | 'replaces'>;

/** At most this many earlier ids per file (newest first): a file re-fetched daily stays small. */
export const MAX_REPLACED = 50;

/**
 * Sets `replaces` on this run's entries (in place) from the previous run's: for an entry with a
 * report whose path had another report before, that report's id and the ids it replaced. Entries
 * without a report get none. Returns the number of entries that carry some.
 */
export function carryHistory(entries: ManifestEntry[], previous: Iterable<PreviousEntry>): number {
  const before = new Map<string, PreviousEntry>();
  for (const p of previous) before.set(p.path, p);
  const live = new Set<string>();
  for (const e of entries) if (e.report_id) live.add(e.report_id);
  const wanted = new Map<ManifestEntry, string[]>();
  const claims = new Map<string, number>();
  for (const e of entries) {
    delete e.replaces;
    const p = before.get(e.path);
    if (!e.report_id || !p) continue;
    const ids: string[] = [];
    for (const id of [p.report_id, ...(p.replaces ?? [])]) if (id && !live.has(id) && !ids.includes(id)) ids.push(id);
    if (!ids.length) continue;
    wanted.set(e, ids.slice(0, MAX_REPLACED));
    for (const id of ids) claims.set(id, (claims.get(id) ?? 0) + 1);
  }
  let n = 0;
  for (const [e, ids] of wanted) {
    const own = ids.filter((id) => claims.get(id) === 1);
    if (!own.length) continue;
    e.replaces = own;
    n++;
  }
  return n;
}
