import { bucketOf, deltaEncode, gramsOf, normalizeText, type Bucket } from './grams.ts';
import { foldText } from './script.ts';

/**
 * What the browser needs to search one shard without Pagefind's word index: the page table
 * (Pagefind fragment id, year, filter values per page, in a fixed order) and the character
 * buckets. Built from Pagefind's own fragments, so the text searched is exactly the text shown.
 */

/** Filters as Pagefind records them on the pages, with the ASCII name a URL may use instead. */
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

export interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

/**
 * A shard's page table is cut into chunks of CHUNK pages, so that a query fetches only the
 * chunks that hold its results (a rare name: one or two small files).
 */
export interface TableHeader {
  version: 2;
  /** Fragment ids are `${prefix}${id}`; the file is fragment/<that>.pf_fragment. */
  prefix: string;
  pages: number;
  chunk: number;
  /** Number of character-index bucket files of the shard. */
  buckets: number;
}

export interface TableChunk {
  /** Written to a file of its own (nb/i/<k>.nbg): only needed for the results shown. */
  ids: string[];
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

/** Directory pages first (agency, region, year, kind), then reports newest year first. */
const TYPE_ORDER = ['机关', '地区', '年度', '机关类型', '报告'];
function rank(f: Fragment): [number, number, string] {
  const t = TYPE_ORDER.indexOf(f.filters['类型']?.[0] ?? '报告');
  return [t < 0 ? TYPE_ORDER.length : t, -(Number(f.filters['年度']?.[0]) || 0), f.url];
}
function compareRank(a: Fragment, b: Fragment): number {
  const [x, y] = [rank(a), rank(b)];
  return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
}

/** About this many postings per bucket file (a few KB compressed). */
export const POSTINGS_PER_BUCKET = 6000;

export function buildTable(
  fragments: Array<{ id: string; fragment: Fragment }>,
  fold: Record<string, string> = {},
): {
  header: TableHeader;
  chunks: TableChunk[];
  buckets: Bucket[];
  grams: Set<string>;
  /** Characters of the fold that occur on these pages. */
  folded: Set<string>;
} {
  const pages = [...fragments].sort((a, b) => compareRank(a.fragment, b.fragment));
  // Text in the compared form: normalised, then traditional and variant characters folded.
  const folded = new Set<string>();
  const texts = pages.map((p) => {
    const t = normalizeText(p.fragment.content);
    const f = foldText(t, fold);
    if (f === t) return { text: f, changed: false };
    for (const c of t) if (fold[c]) folded.add(c);
    return { text: f, changed: true };
  });
  const prefix = /^[a-z-]+_/.exec(pages[0]?.id ?? '')?.[0] ?? '';
  const samePrefix = pages.every((p) => p.id.startsWith(prefix));
  const chunks: TableChunk[] = [];
  for (let from = 0; from < pages.length; from += CHUNK) {
    const part = pages.slice(from, from + CHUNK);
    const facets: TableChunk['facets'] = {};
    for (const [name] of FILTERS) {
      const values = [
        ...new Set(part.map((p) => p.fragment.filters[name]?.[0]).filter((v): v is string => !!v)),
      ].sort();
      if (values.length)
        facets[name] = {
          values,
          of: part.map((p) => (p.fragment.filters[name]?.[0] ? values.indexOf(p.fragment.filters[name][0]) : -1)),
        };
    }
    const changed = part.map((_, i) => i).filter((i) => texts[from + i]!.changed);
    chunks.push({
      ids: part.map((p) => (samePrefix ? p.id.slice(prefix.length) : p.id)),
      year: part.map((p) => Number(p.fragment.filters['年度']?.[0]) || 0),
      facets,
      ...(changed.length ? { fold: changed } : {}),
    });
  }
  const postings = new Map<string, number[]>();
  let total = 0;
  texts.forEach(({ text }, n) => {
    for (const g of gramsOf(text)) {
      const list = postings.get(g);
      if (list) list.push(n);
      else postings.set(g, [n]);
      total++;
    }
  });
  const count = Math.max(1, Math.ceil(total / POSTINGS_PER_BUCKET));
  const buckets: Bucket[] = Array.from({ length: count }, () => ({}));
  for (const g of [...postings.keys()].sort()) buckets[bucketOf(g, count)]![g] = deltaEncode(postings.get(g)!);
  return {
    header: { version: 2, prefix: samePrefix ? prefix : '', pages: pages.length, chunk: CHUNK, buckets: count },
    chunks,
    buckets,
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
