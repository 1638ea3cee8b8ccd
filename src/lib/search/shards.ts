import { z } from 'zod';

/**
 * How the search index is split. Pagefind needs about 0.3–0.5 MB of memory per report page
 * while indexing and its page list (loaded by the first query) grows by about 8 bytes per page,
 * so one index for 100,000 reports would need tens of GB to build and send most of a megabyte
 * before the first result. Instead: one index per report year (split further above
 * MAX_PAGES), plus the directory pages (agencies, regions, years, kinds), each built by its own
 * Pagefind process. The browser merges indexes newest-first until a page budget is reached and
 * searches the rest only when asked (or when a year filter needs them).
 */

export const MAX_PAGES_PER_SHARD = 10_000;
/** Pages the browser searches before asking: keeps the first query's transfer small. */
export const FIRST_QUERY_PAGE_BUDGET = 12_000;

export const Shard = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string(),
  kind: z.enum(['reports', 'directory']),
  /** Report year of the shard (null: directory pages or reports without a year). */
  year: z.number().int().nullable(),
  pages: z.number().int().min(0),
});
export type Shard = z.infer<typeof Shard>;

export const ShardManifest = z.object({
  version: z.literal(1),
  budget: z.number().int().positive(),
  shards: z.array(Shard),
});
export type ShardManifest = z.infer<typeof ShardManifest>;

export interface IndexablePage {
  /** Path inside dist/, e.g. reports/0123abcd/index.html */
  file: string;
  kind: 'reports' | 'directory';
  year: number | null;
}

/** Groups pages into shards, in the order the browser loads them: newest year first. */
export function planShards(pages: IndexablePage[], maxPages = MAX_PAGES_PER_SHARD): Array<Shard & { files: string[] }> {
  const groups = new Map<string, { kind: 'reports' | 'directory'; year: number | null; files: string[] }>();
  for (const p of pages) {
    const key = p.kind === 'directory' ? 'directory' : p.year === null ? 'reports-undated' : `reports-${p.year}`;
    const g = groups.get(key) ?? { kind: p.kind, year: p.kind === 'directory' ? null : p.year, files: [] };
    g.files.push(p.file);
    groups.set(key, g);
  }
  const year = (k: string) => groups.get(k)!.year ?? -Infinity;
  const reports = [...groups.keys()].filter((k) => k !== 'directory').sort((a, b) => year(b) - year(a));
  // The newest year first, then the directory, then older years: a name search on a small
  // site sees everything; on a large one the first query covers the newest reports and names.
  const keys = [...reports.slice(0, 1), ...(groups.has('directory') ? ['directory'] : []), ...reports.slice(1)];
  const ordered = keys.map((k) => [k, groups.get(k)!] as const);
  const out: Array<Shard & { files: string[] }> = [];
  for (const [key, g] of ordered) {
    const files = [...g.files].sort();
    const parts = Math.max(1, Math.ceil(files.length / maxPages));
    for (let i = 0; i < parts; i++) {
      const chunk = files.slice(Math.floor((i * files.length) / parts), Math.floor(((i + 1) * files.length) / parts));
      const base = g.kind === 'directory' ? '机关、地区与年度页' : g.year === null ? '年度不详的报告' : `${g.year} 年度报告`;
      out.push({ id: parts > 1 ? `${key}-${i + 1}` : key, label: parts > 1 ? `${base}（${i + 1}/${parts}）` : base, kind: g.kind, year: g.year, pages: chunk.length, files: chunk });
    }
  }
  return out;
}
