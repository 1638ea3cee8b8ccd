/**
 * What the files of a built site are, for the hosting budget (docs/hosting.md, issue 16: at most
 * 3 files per report, everything included). Paths are relative to dist/, with `/`.
 */

export const FILE_KINDS = [
  'report page',
  'report JSON',
  'original PDF',
  'search records',
  'search index',
  'directory page',
  'other',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export function fileKind(path: string): FileKind {
  if (/^reports\/[0-9a-f]{16}\/index\.html$/.test(path)) return 'report page';
  if (/^reports\/[0-9a-f]{16}\.json$/.test(path)) return 'report JSON';
  if (/^reports\/[0-9a-f]{16}\/original\.pdf$/.test(path)) return 'original PDF';
  // The pages' search records, in groups (src/lib/search/table.ts).
  if (/^pagefind\/[^/]+\/nb\/r\/\d+\.nbg$/.test(path)) return 'search records';
  if (path.startsWith('pagefind/')) return 'search index';
  if (/^(?:agencies|regions|years|kinds|reports\/page)\/.+\/index\.html$/.test(path)) return 'directory page';
  return 'other';
}

/** Files by kind, and per report (`reports` > 0), as one line: `6.12 per report: report page 1.00, …`. */
export function filesPerReport(
  paths: readonly string[],
  reports: number,
): { counts: Record<FileKind, number>; line: string } {
  const counts = Object.fromEntries(FILE_KINDS.map((k) => [k, 0])) as Record<FileKind, number>;
  for (const p of paths) counts[fileKind(p)]++;
  const per = (n: number) => (reports > 0 ? (n / reports).toFixed(2) : '—');
  const parts = FILE_KINDS.filter((k) => counts[k] > 0).map((k) => `${k} ${per(counts[k])}`);
  return { counts, line: `${per(paths.length)} per report: ${parts.join(', ')}` };
}

/** The largest file a static host or CDN takes (Cloudflare Pages: 25 MiB). */
export const HOST_FILE_LIMIT = 25 * 1024 * 1024;

/** Files over the limit, largest first, as `path (N MB)`. */
export function oversized(files: ReadonlyArray<{ path: string; bytes: number }>, limit = HOST_FILE_LIMIT): string[] {
  return files
    .filter((f) => f.bytes > limit)
    .sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path))
    .map((f) => `${f.path} (${(f.bytes / 1024 / 1024).toFixed(1)} MB)`);
}
