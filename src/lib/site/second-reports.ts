import type { ManifestEntry } from '../schema/datasets.ts';

/**
 * Files holding a second report that was not read (`W_SECOND_REPORT`: the first report's
 * sections end and another report's title or 一、 starts again, ingest/run.ts). Only the first
 * report of a file is read, so the second one's numbers are in no dataset; its line is in the
 * manifest's entry alone, so the quality page reads the manifest's entries for it.
 */
export interface SecondReport {
  /** The report that was read from the file. */
  report_id: string;
  /** The file, as the manifest names it (relative to the raw folder). */
  path: string;
  /** The line where the unread report starts, when known. */
  line: number | null;
  /** The report this file's is a copy of (`duplicate_of`: another encoding or file of it), or null. */
  copyOf: string | null;
}

/**
 * Whether a manifest entry's JSON line may be such a file's (it names W_SECOND_REPORT somewhere):
 * the others need not be parsed (write/manifest.ts manifestEntries `mayMatch`).
 */
export const mayHoldSecondReport = (line: string): boolean => line.includes('"W_SECOND_REPORT"');

/**
 * The files with a second report, in manifest order: the first `max` of them and how many in all
 * (`reports` each once and `copies` apart, as the page's other lists count: quality-lists.ts).
 * Reads every entry (the manifest is read line by line, write/manifest.ts manifestEntries). An
 * entry with no report of its own (rejected, a byte-identical copy) is passed over.
 */
export async function secondReports(
  entries: AsyncIterable<ManifestEntry>,
  max: number,
): Promise<{ shown: SecondReport[]; all: number; reports: number; copies: number }> {
  const shown: SecondReport[] = [];
  let all = 0;
  let copies = 0;
  for await (const e of entries) {
    if (e.report_id === null || e.outcome === 'duplicate' || e.outcome === 'rejected') continue;
    const d = e.diagnostics.find((x) => x.code === 'W_SECOND_REPORT');
    if (!d) continue;
    all++;
    // A copy of another report (another encoding of the same file: a fresh tester's t70, 49 counted
    // where the other lists said 47 and 2 copies) is listed, marked, and counted apart.
    if (e.duplicate_of) copies++;
    if (shown.length < max)
      shown.push({ report_id: e.report_id, path: e.path, line: d.line ?? null, copyOf: e.duplicate_of });
  }
  return { shown, all, reports: all - copies, copies };
}
