import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportRow, SummaryRow } from '../schema/datasets.ts';
import type { RegionPage } from './region-page.ts';
import { SourceShas } from './source-shas.ts';
import { cacheDir } from './incremental.ts';
import { keysChanged } from './linked-pages.ts';
import { FS_THREADS, statInThreads } from './fs-threads.ts';
import { rawSourceCandidate } from './source.ts';

/**
 * Cache keys of the pages an incremental build may copy from the previous build instead of
 * rendering them again (Astro's `experimental.incrementalBuild`, `npm run build --
 * --incremental`, scripts/build.ts). Astro re-renders a page when its code changed (the hash of
 * the page's module graph, the config, the lockfile); the key covers the page's data: a key
 * is a hash of everything the page reads from the datasets and the raw folder, so that two
 * builds give a page the same key only when they would render the same bytes.
 *
 * - A report's **row key**: its `reports` row and its `summary` row.
 * - A report's **content**: a digest of its cells, checks and sections rows, in order (load.ts,
 *   computed by DuckDB), and the SHA-256 of its raw file as the source view reads it now (null
 *   when it is not there), with the code that reads it (`decodeCode`).
 * - A report page reads its row, its content, the rows of its agency's reports (history,
 *   namesakes), its original's row (a copy links to it) and its copies' rows (listed).
 * - An agency page reads its reports' rows.
 * - A region page reads its props (names, parents, children, agencies: their row keys) and the
 *   rows of each listed agency's reports (the namesake note).
 *
 * Every other page (home, years, kinds, lists, quality, data, search) has no key and is rendered
 * on every build. Keys are compared only with the previous build of the same machine's cache;
 * they are never published.
 */

export interface KeyContext {
  summary: ReadonlyMap<string, SummaryRow>;
  /** Digest of each report's cells, checks and sections (load.ts); a report without rows has none. */
  digests: ReadonlyMap<string, string>;
  reportsOfAgency(key: string): ReportRow[];
  reportById: ReadonlyMap<string, ReportRow>;
  copiesOf(reportId: string): ReportRow[];
}

/** The keys' context from the site data, or null when the build is not incremental. */
export function keyContext(
  data: Omit<KeyContext, 'digests'> & { digests: KeyContext['digests'] | null },
): KeyContext | null {
  return data.digests ? { ...data, digests: data.digests } : null;
}

const sha = (text: string) => createHash('sha256').update(text).digest('base64url');

/** JSON of plain rows (no Map, no BigInt: load.ts turns BIGINT into numbers). */
const json = (x: unknown) => JSON.stringify(x) ?? 'undefined';

/** Row keys by summary map (one per build) and row object: a row is hashed once per build. */
const rowKeys = new WeakMap<object, WeakMap<object, string>>();

/** A report's row key: its reports and summary rows. */
export function rowKey(r: ReportRow, ctx: Pick<KeyContext, 'summary'>): string {
  let memo = rowKeys.get(ctx.summary);
  if (!memo) rowKeys.set(ctx.summary, (memo = new WeakMap()));
  let k = memo.get(r);
  if (k === undefined) {
    k = sha(`${json(r)}\n${json(ctx.summary.get(r.report_id) ?? null)}`);
    memo.set(r, k);
  }
  return k;
}

let readerCode: string | null = null;

/**
 * The code that turns a raw file into the source view's lines: src/lib/decode/, path and bytes.
 * Astro hashes a page's module graph, but the document converter runs in a thread that loads
 * its modules from the sources (decode/convert-sync.ts), outside that graph. Read from the
 * working directory (builds run in the project); when it cannot be read, a key that matches
 * nothing, so the page is rendered.
 */
function decodeCode(): string {
  if (readerCode === null) {
    try {
      const dir = join(process.cwd(), 'src', 'lib', 'decode');
      const h = createHash('sha256');
      for (const f of readdirSync(dir).sort()) h.update(`${f}\u0000`).update(readFileSync(join(dir, f)));
      readerCode = h.digest('base64url');
    } catch {
      readerCode = `unknown ${Date.now()} ${Math.random()}`;
    }
  }
  return readerCode;
}

/** The raw files' hashes, remembered between builds in the cache folder (source-shas.ts). */
let sourceShas: SourceShas | null = null;

/** The raw file's SHA-256 each report page's key was made with, by source_file. */
const keyShas = new Map<string, string | null>();

/** The raw file as the source view would read it now (its SHA-256, or null) and the code that reads it. */
function sourceKey(r: ReportRow): [string | null, string] {
  sourceShas ??= new SourceShas(join(cacheDir(), 'nianbao-source-shas.tsv'));
  const sha = sourceShas.sha(r.source_file);
  keyShas.set(r.source_file, sha);
  return [sha, decodeCode()];
}

/**
 * Whether the raw file a report page read while it rendered (its SHA-256, null when there was
 * none) is not the one the page's key was made from: an edit during the build
 * (linked-pages.ts `markRaced`). False when no key was made (not an incremental build).
 */
export function sourceChangedSinceKey(sourceFile: string, readSha: string | null): boolean {
  return keyShas.has(sourceFile) && keyShas.get(sourceFile) !== readSha;
}

/**
 * Reads ahead, on several threads, the metadata of the report pages' raw files, which their keys
 * then look up one at a time (`sourceKey`: a real path and an lstat each). Out of the page
 * cache, those lookups were some 3 s of the build's one thread at 100,000 reports.
 */
export async function readAheadSources(reports: readonly ReportRow[]): Promise<void> {
  const paths: Buffer[] = [];
  try {
    for (const r of reports) {
      const p = rawSourceCandidate(r.source_file);
      if (p) paths.push(p);
    }
  } catch {
    // No raw folder: nothing to read ahead (the keys say so).
    return;
  }
  await statInThreads(paths, FS_THREADS);
}

/** Keeps the raw files' hashes the report pages' keys read for the next build (once they are all made). */
export function saveSourceKeys(): void {
  sourceShas?.save();
}

/** Key of reports/{id}/ (src/pages/reports/[id]/index.astro). */
export function reportPageKey(report: ReportRow, agencyReports: readonly ReportRow[], ctx: KeyContext): string {
  const canonical = report.duplicate_of ? (ctx.reportById.get(report.duplicate_of) ?? null) : null;
  return sha(
    json([
      'report',
      rowKey(report, ctx),
      ctx.digests.get(report.report_id) ?? null,
      sourceKey(report),
      agencyReports.map((r) => rowKey(r, ctx)),
      canonical && rowKey(canonical, ctx),
      ctx.copiesOf(report.report_id).map((r) => rowKey(r, ctx)),
    ]),
  );
}

/** Key of agencies/{key}/ (src/pages/agencies/[key].astro). */
export function agencyPageKey(reports: readonly ReportRow[], ctx: KeyContext): string {
  return sha(json(['agency', reports.map((r) => rowKey(r, ctx))]));
}

/** Key of regions/{code}/ (src/pages/regions/[code].astro). */
export function regionPageKey(page: RegionPage, ctx: KeyContext): string {
  return sha(
    json([
      'region',
      page.code,
      page.name,
      page.parents,
      page.reports.map((r) => rowKey(r, ctx)),
      page.children.map((c) => [c.code, c.name, c.reports.map((r) => r.report_id)]),
      page.agencies.map((a) => [a.key, rowKey(a.report, ctx), ctx.reportsOfAgency(a.key).map((r) => rowKey(r, ctx))]),
    ]),
  );
}

/** The report page's route, as Astro's cache manifest names it. */
const REPORT_PAGE = 'src/pages/reports/[id]/index.astro';

/**
 * The reports whose page an incremental build renders again, as far as their keys tell
 * (linked-pages.ts `keysChanged`): given to the data load, which fetches their rows together.
 */
export function reportPagesChanged(
  paths: ReadonlyArray<{ params: { id: string }; cacheKey: string | undefined }>,
): string[] {
  const pages = paths.map((p) => ({
    id: p.params.id,
    outputFile: `reports/${p.params.id}/index.html`,
    cacheKey: p.cacheKey,
  }));
  return keysChanged(cacheDir(), REPORT_PAGE, pages).map((p) => p.id);
}
