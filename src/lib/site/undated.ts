import { noYearZh } from '../ingest/reasons.ts';
import type { ManifestEntry } from '../schema/datasets.ts';

/**
 * Why a report's year is NULL, for the quality page's list of such reports. The reason is not in
 * the reports table but in the report's manifest entry (its `W_NO_YEAR` diagnostic: no year
 * stated, or sources that disagree, named), so it is read from the manifest's entries, said as
 * the manifest's `reason` says it (ingest/reasons.ts noYearZh).
 */

/** Said for a report of no year whose entry gives no reason (a manifest of an older ingest). */
export const NO_YEAR_FALLBACK = '报告所属年度未能确定，年度留空';

/**
 * Whether a manifest entry's JSON line may give a reason (it names W_NO_YEAR somewhere): the
 * others need not be parsed (write/manifest.ts manifestEntries `mayMatch`).
 */
export const mayGiveNoYearReason = (line: string): boolean => line.includes('"W_NO_YEAR"');

/** The reason of one entry's report, or null when it has no W_NO_YEAR. */
export function noYearReason(entry: Pick<ManifestEntry, 'diagnostics'>): string | null {
  const d = entry.diagnostics.find((x) => x.code === 'W_NO_YEAR');
  return d ? noYearZh(d.message) : null;
}

/**
 * The reasons of the reports `ids` (report_id → reason), from the manifest's entries in their
 * order (write/manifest.ts manifestEntries reads them line by line), which stop being read once every report asked
 * for has had its entry. An entry without a report of its own (a rejected file, a byte-identical
 * copy) is passed over.
 */
export async function noYearReasons(
  entries: AsyncIterable<ManifestEntry>,
  ids: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ids.size === 0) return out;
  const seen = new Set<string>();
  for await (const e of entries) {
    if (e.report_id === null || e.outcome === 'duplicate' || e.outcome === 'rejected' || !ids.has(e.report_id))
      continue;
    seen.add(e.report_id);
    const why = noYearReason(e);
    if (why) out.set(e.report_id, why);
    if (seen.size === ids.size) break;
  }
  return out;
}
