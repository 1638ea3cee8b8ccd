import { z } from 'zod';

/**
 * How the search index is split. A shard's character buckets hold a fixed number of postings, so
 * the files a query fetches from one grow with the shard's page count, and building one holds
 * all its postings in memory. Pages are therefore grouped — the newest report year, the
 * directory pages (agencies, regions, years, kinds), then older years — and packed into shards
 * of at most MAX_PAGES_PER_SHARD pages, built one after another. The browser searches shards in
 * that order until a page budget is reached and the rest only when asked (or when a year filter
 * needs them); the site's first stage (table.ts) says which shards can hold a query at all.
 */

export const MAX_PAGES_PER_SHARD = 10_000;
/** Pages the browser searches before asking: keeps the first query's transfer small. */
export const FIRST_QUERY_PAGE_BUDGET = 12_000;

export const Shard = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string(),
  /** Report years in this index (empty: directory pages only). */
  years: z.array(z.number().int()),
  /** Whether it holds reports without a year / the directory pages. */
  undated: z.boolean(),
  directory: z.boolean(),
  pages: z.number().int().min(0),
});
export type Shard = z.infer<typeof Shard>;

const ConverterSpec = z.object({
  normalization: z.array(z.array(z.number().int())),
  segmentation: z.array(z.number().int()).nullable(),
  chain: z.array(z.array(z.number().int())),
});

export const ShardManifest = z.object({
  version: z.literal(5),
  budget: z.number().int().positive(),
  /** Bucket files of the first stage (pagefind/nb/g/<n>.nbg: gram → shard positions). */
  gramBuckets: z.number().int().positive(),
  shards: z.array(Shard),
  /** Traditional script (src/lib/search/script.ts): OpenCC's dictionaries in pagefind/nb/t/<n>.nbg. */
  script: z.object({
    buckets: z.number().int().positive(),
    converters: z.array(ConverterSpec),
    fold: z.number().int(),
  }),
});
export type ShardManifest = z.infer<typeof ShardManifest>;

export interface IndexablePage {
  /** The page's address (its record's url), e.g. /reports/0123abcd…/ */
  url: string;
  kind: 'reports' | 'directory';
  year: number | null;
}

interface Group {
  year: number | null;
  directory: boolean;
  urls: string[];
}

/**
 * Where a page falls in a group cut into parts: a fixed position from its address alone (FNV-1a,
 * 32 bits), so that a page added to a group or removed from it moves no other page to another
 * part (as long as the number of parts stays). Cutting the sorted addresses into equal counts
 * moved the cut points with every report added: an incremental build could keep no shard.
 */
export function urlPosition(url: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) h = Math.imul(h ^ url.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The URLs of a group cut into the fewest parts by position (urlPosition: part k holds the
 * positions in [k, k + 1) × 2³² / parts) such that none holds more than `maxPages`; each sorted.
 */
export function splitStable(urls: readonly string[], maxPages: number): string[][] {
  for (let parts = Math.max(1, Math.ceil(urls.length / maxPages)); ; parts++) {
    const out: string[][] = Array.from({ length: parts }, () => []);
    for (const u of urls) out[Math.floor((urlPosition(u) * parts) / 2 ** 32)]!.push(u);
    if (out.every((p) => p.length <= maxPages) || parts >= urls.length)
      return out.filter((p) => p.length > 0).map((p) => p.sort());
  }
}

/**
 * Groups pages and packs them into shards, in the order the browser loads them. The plan is a
 * function of the pages alone (the same pages: the same shards), and stable: a page added to a
 * year leaves the shards of other years as they were, and moves no page between the parts of
 * its own year (splitStable), unless the year needs one more part or its shard no longer has
 * room for the groups packed with it.
 */
export function planShards(pages: IndexablePage[], maxPages = MAX_PAGES_PER_SHARD): Array<Shard & { urls: string[] }> {
  const byKey = new Map<string, Group>();
  for (const p of pages) {
    const key = p.kind === 'directory' ? 'directory' : String(p.year);
    const g = byKey.get(key) ?? {
      year: p.kind === 'directory' ? null : p.year,
      directory: p.kind === 'directory',
      urls: [],
    };
    g.urls.push(p.url);
    byKey.set(key, g);
  }
  const reports = [...byKey.values()]
    .filter((g) => !g.directory)
    .sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity));
  const directory = byKey.get('directory');
  // The newest year first, then the directory, then older years (undated last).
  const groups = [...reports.slice(0, 1), ...(directory ? [directory] : []), ...reports.slice(1)];
  // A group larger than a shard is cut into parts by position; then consecutive groups are packed.
  const pieces: Group[] = groups.flatMap((g) => splitStable(g.urls, maxPages).map((urls) => ({ ...g, urls })));
  const shards: Group[][] = [];
  for (const piece of pieces) {
    const last = shards.at(-1);
    if (last && last.reduce((n, g) => n + g.urls.length, 0) + piece.urls.length <= maxPages) last.push(piece);
    else shards.push([piece]);
  }
  return shards.map((members, i) => {
    const years = [...new Set(members.map((g) => g.year).filter((y): y is number => y !== null))].sort((a, b) => b - a);
    const hasDirectory = members.some((g) => g.directory);
    const undated = members.some((g) => !g.directory && g.year === null);
    const label = [
      years.length ? (years.length > 1 ? `${years.at(-1)}–${years[0]} 年度报告` : `${years[0]} 年度报告`) : '',
      undated ? '年度不详的报告' : '',
      hasDirectory ? '机关、地区与年度页' : '',
    ]
      .filter(Boolean)
      .join('、');
    const urls = members.flatMap((g) => g.urls);
    return {
      id: `s${String(i + 1).padStart(2, '0')}`,
      label,
      years,
      undated,
      directory: hasDirectory,
      pages: urls.length,
      urls,
    };
  });
}
