import { bucketOf, deltaEncode, gramsOf, normalizeText, type Bucket } from './grams.ts';

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

export interface PageTable {
  version: 1;
  /** Fragment ids are `${prefix}${id}`; the file is fragment/<that>.pf_fragment. */
  prefix: string;
  ids: string[];
  /** Report year per page (0: none) — for sorting by year. */
  year: number[];
  /** Per filter: its values, and per page the index of its value (-1: none). */
  facets: Record<string, { values: string[]; of: number[] }>;
  buckets: number;
}

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

export function buildTable(fragments: Array<{ id: string; fragment: Fragment }>): { table: PageTable; buckets: Bucket[] } {
  const pages = [...fragments].sort((a, b) => compareRank(a.fragment, b.fragment));
  const prefix = /^[a-z-]+_/.exec(pages[0]?.id ?? '')?.[0] ?? '';
  const samePrefix = pages.every((p) => p.id.startsWith(prefix));
  const facets: PageTable['facets'] = {};
  for (const [name] of FILTERS) {
    const values = [...new Set(pages.map((p) => p.fragment.filters[name]?.[0]).filter((v): v is string => !!v))].sort();
    if (!values.length) continue;
    facets[name] = { values, of: pages.map((p) => (p.fragment.filters[name]?.[0] ? values.indexOf(p.fragment.filters[name][0]) : -1)) };
  }
  const postings = new Map<string, number[]>();
  let total = 0;
  pages.forEach((p, n) => {
    for (const g of gramsOf(normalizeText(p.fragment.content))) {
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
    table: {
      version: 1,
      prefix: samePrefix ? prefix : '',
      ids: pages.map((p) => (samePrefix ? p.id.slice(prefix.length) : p.id)),
      year: pages.map((p) => Number(p.fragment.filters['年度']?.[0]) || 0),
      facets,
      buckets: count,
    },
    buckets,
  };
}
