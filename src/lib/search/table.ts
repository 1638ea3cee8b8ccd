import { bucketOf, deltaEncode, normalizeText, postingsOf, type Bucket } from './grams.ts';
import type { ShownRecord } from './record.ts';
import { foldText } from './script.ts';

/**
 * What the browser needs to search one shard: the page table (year and filter values per page,
 * in a fixed order), the character buckets, and the pages' records in groups. Built from the
 * pages' search records (record.ts), so the text searched is exactly the text shown.
 */

/** Filters as the pages mark them (data-pagefind-filter), with the ASCII name a URL may use instead. */
export const FILTERS = [
  ['类型', 'type'],
  ['年度', 'year'],
  ['省份', 'province'],
  ['城市', 'city'],
  ['区县', 'district'],
  ['机关类型', 'kind'],
  ['表式', 'form'],
  ['核对', 'check'],
] as const;
export type FilterName = (typeof FILTERS)[number][0];

/**
 * A shard's page table is cut into chunks of CHUNK pages, so that a query fetches only the
 * chunks that hold its results (a rare name: one or two small files). The records of its pages
 * (url, text, filters, title) are in groups of `group` pages in the same order, nb/r/<k>.nbg.
 */
export interface TableHeader {
  version: 3;
  pages: number;
  chunk: number;
  /** Pages per record group: page n's record is entry n % group of nb/r/<floor(n / group)>.nbg. */
  group: number;
  /** Number of character-index bucket files of the shard. */
  buckets: number;
}

export interface TableChunk {
  /** Report year per page (0: none) — for sorting by year. */
  year: number[];
  /** Per filter: its values in this chunk, and per page the index of its value (-1: none). */
  facets: Record<string, { values: string[]; of: number[] }>;
  /**
   * Pages (positions in this chunk) whose text changes under the site's character fold
   * (pagefind/fold.nbg): only these need it to be checked against a query (src/lib/search/script.ts).
   */
  fold?: number[];
}

export const CHUNK = 1000;

/**
 * Pages per record group (nb/r/<k>.nbg). One file per page made the records the largest part of
 * the site's file count (1.67 files per report at 100,000 reports); groups of 16 cost about 0.1
 * file per report there, which keeps the site under 3 files per report (docs/hosting.md). A
 * group is what showing a result costs: about 6 KB compressed for 16 report pages of the
 * synthetic corpus, much less for directory pages (a single Pagefind fragment was about 1.5 KB).
 * Groups follow the page-table order — directory pages, then reports newest year first — in
 * which results are shown, so the first results of a common term mostly share one or two
 * groups, while a rare term's few pages are usually one group each. On the 10,000-report corpus
 * groups of 32 saved 0.06 file per report and cost 9–15 KB more for a query with scattered
 * results; groups of 8 cost 0.11 file per report more and saved nothing measurable.
 */
export const GROUP = 16;

/** Directory pages first (agency, region, year, kind), then reports newest year first. */
const TYPE_ORDER = ['机关', '地区', '年度', '机关类型', '报告'];
function rank(r: ShownRecord): [number, number, string] {
  const t = TYPE_ORDER.indexOf(r.filters['类型']?.[0] ?? '报告');
  return [t < 0 ? TYPE_ORDER.length : t, -(Number(r.filters['年度']?.[0]) || 0), r.url];
}
function compareRank(a: ShownRecord, b: ShownRecord): number {
  const [x, y] = [rank(a), rank(b)];
  return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
}

/** About this many postings per bucket file (a few KB compressed). */
export const POSTINGS_PER_BUCKET = 6000;

export function buildTable(
  records: readonly ShownRecord[],
  fold: Record<string, string> = {},
  group = GROUP,
): {
  header: TableHeader;
  chunks: TableChunk[];
  buckets: Bucket[];
  /** The records in table order, `group` to a file, as the browser gets them. */
  groups: ShownRecord[][];
  grams: Set<string>;
  /** Characters of the fold that occur on these pages. */
  folded: Set<string>;
} {
  const pages = [...records].sort(compareRank);
  // Text in the compared form: normalised, then traditional and variant characters folded.
  const folded = new Set<string>();
  const texts = pages.map((p) => {
    const t = normalizeText(p.content);
    const f = foldText(t, fold);
    if (f === t) return { text: f, changed: false };
    for (const c of t) if (fold[c]) folded.add(c);
    return { text: f, changed: true };
  });
  const chunks: TableChunk[] = [];
  for (let from = 0; from < pages.length; from += CHUNK) {
    const part = pages.slice(from, from + CHUNK);
    const facets: TableChunk['facets'] = {};
    for (const [name] of FILTERS) {
      const values = [...new Set(part.map((p) => p.filters[name]?.[0]).filter((v): v is string => !!v))].sort();
      if (values.length)
        facets[name] = {
          values,
          of: part.map((p) => (p.filters[name]?.[0] ? values.indexOf(p.filters[name][0]) : -1)),
        };
    }
    const changed = part.map((_, i) => i).filter((i) => texts[from + i]!.changed);
    chunks.push({
      year: part.map((p) => Number(p.filters['年度']?.[0]) || 0),
      facets,
      ...(changed.length ? { fold: changed } : {}),
    });
  }
  const groups: ShownRecord[][] = [];
  for (let from = 0; from < pages.length; from += group)
    groups.push(
      pages.slice(from, from + group).map(({ url, content, filters, meta }) => ({ url, content, filters, meta })),
    );
  const { postings, total } = postingsOf(texts.map((t) => t.text));
  const count = Math.max(1, Math.ceil(total / POSTINGS_PER_BUCKET));
  const buckets: Bucket[] = Array.from({ length: count }, () => ({}));
  for (const g of [...postings.keys()].sort()) buckets[bucketOf(g, count)]![g] = deltaEncode(postings.get(g)!);
  return {
    header: { version: 3, pages: pages.length, chunk: CHUNK, group, buckets: count },
    chunks,
    buckets,
    groups,
    grams: new Set(postings.keys()),
    folded,
  };
}

/**
 * The site's first stage: for every gram, the shards (by position in shards.json) that hold
 * it. A query fetches one small file per gram of its terms and then loads only those shards.
 */
export const GRAMS_PER_SITE_BUCKET = 400;

/** Gram → positions of the shards holding it, filled shard by shard (one map for the site). */
export function addShardGrams(site: Map<string, number[]>, shard: number, grams: Iterable<string>): void {
  for (const g of grams) {
    const l = site.get(g);
    if (l) l.push(shard);
    else site.set(g, [shard]);
  }
}

export function buildSiteIndex(shardGrams: Array<Iterable<string>> | Map<string, number[]>): {
  buckets: number;
  files: Array<Record<string, number[]>>;
} {
  let all: Map<string, number[]>;
  if (shardGrams instanceof Map) all = shardGrams;
  else {
    all = new Map();
    shardGrams.forEach((set, i) => addShardGrams(all, i, set));
  }
  const count = Math.max(1, Math.ceil(all.size / GRAMS_PER_SITE_BUCKET));
  const files: Array<Record<string, number[]>> = Array.from({ length: count }, () => ({}));
  for (const g of [...all.keys()].sort()) files[bucketOf(g, count)]![g] = all.get(g)!;
  return { buckets: count, files };
}
