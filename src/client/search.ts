import {
  bucketOf,
  deltaDecode,
  gramsAreExact,
  hasCJK,
  intersectSorted,
  normalizeKeepCase,
  termGrams,
  unionSorted,
  type Bucket,
} from '../lib/search/grams.ts';
import { editDistance, matchedAlternative, MAX_QUERY_CHARS, parseQuery } from '../lib/search/query.ts';
import {
  backgroundCheck,
  checkingProgress,
  cutNote,
  filterOption,
  queryLabel,
  statusText,
  WHAT,
  type CheckState,
} from '../lib/search/status.ts';
import { resultPage, toCheck, type Checked } from '../lib/search/paging.ts';
import { foldText, readingsOf, ScriptTables, type ScriptBucket } from '../lib/search/script.ts';
import { expansions } from '../lib/search/abbreviations.ts';
import { FILTERS, type TableChunk, type TableHeader } from '../lib/search/table.ts';
import type { ShownRecord } from '../lib/search/record.ts';
import { resultDetails } from '../lib/search/result.ts';
import { initialShards } from '../lib/search/budget.ts';
import { excerptPieces, matchedForms, pinyinKeys } from '../lib/search/excerpt.ts';
import { placeFilesFor, placesByPinyin, placesNear, type Place } from '../lib/search/places.ts';
import { pageWindow } from '../lib/site/paging.ts';
import { placeName } from '../lib/region/labels.ts';
import type { Shard, ShardManifest } from '../lib/search/shards.ts';

/**
 * The search page in the browser. State lives in the URL (/search/?q=…&year=2020&sort=year-desc&page=2)
 * so a result list can be shared. Each shard has a page table and a character index
 * (src/lib/search/grams.ts): a term is looked up by its characters, so it is found whatever the
 * word segmentation of a page; results show the pages' records (title, text, filters), fetched
 * in groups (src/lib/search/table.ts).
 */

const SORTS = ['relevance', 'year-desc', 'year-asc'] as const;
const ASCII = new Map<string, string>(FILTERS.map(([zh, en]) => [en, zh]));
const ZH_TO_ASCII = new Map<string, string>(FILTERS.map(([zh, en]) => [zh, en]));

const root = document.getElementById('search')!;
const base = root.dataset.base!;
const form = root.querySelector('form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
const filterBox = root.querySelector<HTMLElement>('#filters')!;
const filterPanel = root.querySelector<HTMLDetailsElement>('#filter-panel')!;
const status = root.querySelector<HTMLElement>('#search-status')!;
const list = root.querySelector<HTMLOListElement>('#results')!;
const pager = root.querySelector<HTMLElement>('#pager')!;
const suggest = root.querySelector<HTMLElement>('#suggest')!;
const widenButton = root.querySelector<HTMLButtonElement>('#widen')!;

// Controls that need this script are hidden in the HTML and shown here.
for (const el of root.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;

let manifest: ShardManifest | null = null;
let generation = 0;
const headers = new Map<string, Promise<TableHeader>>();
const chunks = new Map<string, Promise<TableChunk>>();
const siteBuckets = new Map<string, Promise<Record<string, number[]>>>();
const buckets = new Map<string, Promise<Bucket>>();
const recordGroups = new Map<string, Promise<ShownRecord[]>>();
const scriptBuckets = new Map<string, Promise<ScriptBucket>>();
const placeFilesCache = new Map<string, Promise<Place[]>>();
let script: ScriptTables | null = null;
let siteFold: Promise<Record<string, string>> | null = null;

/** The site's character fold (pagefind/fold.nbg), fetched only to check a page in traditional script. */
async function foldOf(h: Hit): Promise<Record<string, string>> {
  if (!h.table.folds(h.n)) return {};
  siteFold ??= fetchGz<Record<string, string>>(`${base}pagefind/fold.nbg`);
  siteFold.catch(() => (siteFold = null));
  return siteFold;
}

/**
 * One reading of the query (src/lib/search/query.ts, parseQuery): its terms as typed, and each
 * term in its script readings (src/lib/search/script.ts). A page matches the query when it
 * holds every term of one reading.
 */
interface Reading {
  typed: string[];
  terms: string[][];
}

/** Whether a page holds every term of one of the readings, from its record. */
async function holds(h: Hit, f: ShownRecord, readings: Reading[]): Promise<boolean> {
  return (
    matchedAlternative(
      f.content,
      readings.map((r) => r.terms),
      await foldOf(h),
    ) >= 0
  );
}

const params = () => new URLSearchParams(location.search);

/** How long to wait before the one retry of a failed request. */
const RETRY_AFTER_MS = 300;

/**
 * A file of the index, tried a second time when the first request fails (a network error or an
 * HTTP error): one lost request does not fail a search. Whoever asked decides what a second
 * failure costs (a candidate not checked, a result not shown, or the search).
 */
async function fetchRetry<T>(url: string, read: (r: Response) => Promise<T>): Promise<T> {
  const once = async () => {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return read(r);
  };
  try {
    return await once();
  } catch {
    await new Promise((ok) => setTimeout(ok, RETRY_AFTER_MS));
    return once();
  }
}

/** A gzipped file of the index (fetchRetry): decompressed here unless the server already did. */
function fetchGz<T>(url: string): Promise<T> {
  return fetchRetry(url, (r) => decodeGz<T>(r));
}

async function decodeGz<T>(r: Response): Promise<T> {
  let bytes = new Uint8Array(await r.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}

function cached<T>(map: Map<string, Promise<T>>, url: string): Promise<T> {
  let p = map.get(url);
  if (!p) {
    p = fetchGz<T>(url);
    p.catch(() => map.delete(url));
    map.set(url, p);
  }
  return p;
}

const shardUrl = (s: Shard) => `${base}pagefind/${s.id}/`;

/** A shard's page table, chunk by chunk: only the chunks that hold results are fetched. */
class Table {
  constructor(
    readonly shard: Shard,
    readonly header: TableHeader,
  ) {}
  private loaded = new Map<number, TableChunk>();
  /** Fetches the chunks holding these pages (all pages when none are given). */
  async ensure(pages: number[] | null): Promise<void> {
    const want = new Set(
      pages
        ? pages.map((n) => Math.floor(n / this.header.chunk))
        : Array.from({ length: Math.ceil(this.header.pages / this.header.chunk) }, (_, i) => i),
    );
    await Promise.all(
      [...want]
        .filter((k) => !this.loaded.has(k))
        .map(async (k) => this.loaded.set(k, await cached(chunks, `${shardUrl(this.shard)}nb/p/${k}.nbg`))),
    );
  }
  private at(n: number): [TableChunk, number] {
    return [this.loaded.get(Math.floor(n / this.header.chunk))!, n % this.header.chunk];
  }
  /** The record group file holding page n. */
  groupUrl(n: number): string {
    return `${shardUrl(this.shard)}nb/r/${Math.floor(n / this.header.group)}.nbg`;
  }
  year(n: number): number {
    const [c, i] = this.at(n);
    return c.year[i]!;
  }
  /** Whether the page's text changes under the character fold (a page in traditional script). */
  folds(n: number): boolean {
    const [c, i] = this.at(n);
    return c.fold?.includes(i) ?? false;
  }
  facet(name: string, n: number): string | null {
    const [c, i] = this.at(n);
    const f = c.facets[name];
    const v = f?.of[i] ?? -1;
    return v >= 0 ? f!.values[v]! : null;
  }
}
const tableCache = new Map<string, Promise<Table>>();
function tableOf(s: Shard): Promise<Table> {
  let t = tableCache.get(s.id);
  if (!t) {
    t = cached(headers, `${shardUrl(s)}nb/pages.nbg`).then((h) => new Table(s, h));
    t.catch(() => tableCache.delete(s.id));
    tableCache.set(s.id, t);
  }
  return t;
}

interface Hit {
  table: Table;
  n: number;
}

/** Filters chosen in the URL, under their Chinese names (ASCII names accepted: year=2019). */
function selectedFilters(p: URLSearchParams): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of p) {
    const name = ASCII.get(k) ?? (ZH_TO_ASCII.has(k) ? k : null);
    if (name && v) out.set(name, v);
  }
  return out;
}

/**
 * The shards that can hold every term of one of the query's readings, from the site's first
 * stage (one small file per gram).
 */
async function candidateShards(readings: Reading[]): Promise<Shard[]> {
  const all = manifest!.shards;
  // No terms (filters only): every shard.
  if (!readings.length) return all;
  const siteGram = async (g: string) =>
    new Set((await cached(siteBuckets, `${base}pagefind/nb/g/${bucketOf(g, manifest!.gramBuckets)}.nbg`))[g] ?? []);
  const any = new Set<number>();
  for (const { terms } of readings) {
    let keep = all.map((_, i) => i);
    for (const forms of terms) {
      // A shard can hold the term when it holds every gram of one of its script readings.
      const ok = new Set<number>();
      for (const r of forms) {
        const sets = await Promise.all(termGrams(r).map(siteGram));
        for (const i of keep) if (sets.every((s) => s.has(i))) ok.add(i);
      }
      keep = keep.filter((i) => ok.has(i));
    }
    for (const i of keep) any.add(i);
  }
  return all.filter((_, i) => any.has(i));
}

/** Page numbers of a shard whose text may contain the term (exactly those, for 1–2 characters). */
async function termPages(table: Table, term: string): Promise<{ pages: number[]; perGram: number[][] }> {
  const perGram = await Promise.all(
    termGrams(term).map(async (g) => {
      const b = await cached(buckets, `${shardUrl(table.shard)}nb/g/${bucketOf(g, table.header.buckets)}.nbg`);
      return b[g] ? deltaDecode(b[g]) : [];
    }),
  );
  return { pages: intersectSorted(perGram), perGram };
}

/** Pages that may contain one of the readings of a term. */
async function readingPages(table: Table, readings: string[]): Promise<number[]> {
  const each = await Promise.all(readings.map((r) => termPages(table, r)));
  return [...new Set(each.flatMap((e) => e.pages))].sort((a, b) => a - b);
}

/** A page's record, from its group (the other pages of the group come with it, cached). */
async function recordOf(h: Hit): Promise<ShownRecord> {
  return (await cached(recordGroups, h.table.groupUrl(h.n)))[h.n % h.table.header.group]!;
}

// ——— rendering ———

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** Text for excerpts: as normalised for search, but in its own letter case where that keeps positions. */
function displayText(content: string): { shown: string; lower: string } {
  const shown = normalizeKeepCase(content);
  const lower = shown.toLowerCase();
  return lower.length === shown.length ? { shown, lower } : { shown: lower, lower };
}

/** One excerpt per term, from the narrative (after 报告正文 on a report page when it occurs there). */
function excerpts(content: string, terms: string[][], fold: Record<string, string>): HTMLElement {
  const { shown, lower: text } = displayText(content);
  // Found in the folded text; the fold keeps every position.
  const lower = foldText(text, fold);
  const p = el('p');
  for (const piece of excerptPieces(shown, lower, terms))
    p.append(typeof piece === 'string' ? piece : el('mark', piece.mark));
  return p;
}

function resultItem(f: ShownRecord, readings: Reading[], fold: Record<string, string>): HTMLLIElement {
  const li = el('li');
  // The excerpt and the marks on the page show the reading this page matched (the words joined
  // where it holds them joined, otherwise each word).
  const matched = matchedAlternative(
    f.content,
    readings.map((r) => r.terms),
    fold,
  );
  const { terms, typed } = readings[matched] ?? readings.at(-1) ?? { terms: [], typed: [] };
  const kind = f.filters['类型']?.[0] ?? '';
  const year = f.filters['年度']?.[0];
  // The places' own names (a filter value may carry its parent's: 北京市·朝阳区).
  const place = [f.filters['省份']?.[0], f.filters['城市']?.[0], f.filters['区县']?.[0]]
    .filter((v): v is string => !!v)
    .map(placeName)
    .join(' ');
  // Records hold addresses from the site root; the site may live under a sub-path.
  const href = new URL(`${base}${f.url.replace(/^\//, '')}`, location.href);
  // The target page marks the terms (src/client/highlight.ts reads this parameter, named as
  // Pagefind's highlight script named it, so that older links keep working).
  // Every reading, the term as typed, and on a page in traditional script the forms it shows.
  const { shown, lower } = displayText(f.content);
  const forms = Object.keys(fold).length ? matchedForms(shown, foldText(lower, fold), terms) : [];
  for (const t of new Set([...terms.flat(), ...typed, ...forms])) href.searchParams.append('pagefind-highlight', t);
  const title =
    kind === '报告'
      ? [f.meta.agency || f.meta.title, year && `${year} 年度`].filter(Boolean).join(' · ')
      : (f.meta.title ?? f.url);
  const a = el('a', title, { href: href.pathname + href.search });
  // Copies, and other reports of the agency-year, are said here (src/lib/search/result.ts).
  const small = el('small', resultDetails(kind, place, f.meta));
  li.append(a, ' ', small, excerpts(f.content, terms, fold));
  return li;
}

function renderFilters(
  p: URLSearchParams,
  counts: Map<string, Map<string, number>>,
  chosen: Map<string, string>,
  exact: boolean,
): void {
  filterBox.replaceChildren();
  if (chosen.size) filterPanel.open = true;
  for (const [name, ascii] of FILTERS) {
    const c = counts.get(name);
    if (!c || (!c.size && !chosen.has(name))) continue;
    const values = [...c.keys()].sort((a, b) => (name === '年度' ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN')));
    const label = el('label', `${name} `);
    const select = el('select', undefined, { name: ascii });
    select.append(new Option('全部', ''));
    for (const v of values)
      select.append(new Option(filterOption(v, c.get(v)!, exact), v, false, chosen.get(name) === v));
    if (chosen.has(name) && !c.has(chosen.get(name)!))
      select.append(new Option(filterOption(chosen.get(name)!, 0, true), chosen.get(name), false, true));
    label.append(select);
    filterBox.append(label);
  }
  if (chosen.size)
    filterBox.append(el('a', '清除全部筛选', { href: clearHref(p), id: 'clear-filters', 'data-clear-filters': '' }));
}

/** The same pager as the report list (src/components/Pager.astro): first, last, three either side. */
function renderPager(p: URLSearchParams, page: number, pages: number): void {
  pager.replaceChildren();
  if (pages <= 1) return;
  const href = (k: number) => {
    const q = new URLSearchParams(p);
    q.set('page', String(k));
    return `?${q}`;
  };
  if (page > 1) pager.append(el('a', '上一页', { href: href(page - 1), rel: 'prev' }));
  const shown = pageWindow(page, pages);
  shown.forEach((k, i) => {
    if (i > 0 && shown[i - 1] !== k - 1) pager.append(el('span', '…'));
    pager.append(
      k === page ? el('span', String(k), { 'aria-current': 'page' }) : el('a', String(k), { href: href(k) }),
    );
  });
  if (page < pages) pager.append(el('a', '下一页', { href: href(page + 1), rel: 'next' }));
}

function link(text: string, href: string): HTMLAnchorElement {
  return el('a', text, { href });
}
const searchHref = (q: string) => `${base}search/?${new URLSearchParams({ q })}`;

/** Suggestions when nothing was found: full forms of abbreviations, a string within one edit, pinyin of places, browse links. */
async function suggestions(
  readings: string[][],
  folded: boolean,
  original: string,
  shards: Shard[],
  gen: number,
): Promise<void> {
  const items: HTMLElement[] = [];
  if (folded)
    items.push(
      el('li', `已按简体字搜索（原输入“${original}”，按“${readings.map((r) => r.join('”或“')).join('”“')}”查找）。`),
    );
  // Near spellings and full names from the ingest's reading of each term.
  const terms = readings.map((r) => r[0]!);
  for (const t of terms)
    for (const e of expansions(t)) {
      items.push(el('li', '试试全称：'));
      items.at(-1)!.append(link(e, searchHref(e)));
    }
  // Within one edit: pages that share most of the term's character pairs, scanned for a near string.
  const near = new Set<string>();
  for (const t of terms) {
    const n = Array.from(t).length;
    if (n < 3 || !hasCJK(t)) continue;
    const grams = termGrams(t);
    const scored: Array<{ h: Hit; score: number }> = [];
    for (const s of shards) {
      const table = await tableOf(s);
      const { perGram } = await termPages(table, t);
      const score = new Map<number, number>();
      for (const l of perGram) for (const x of l) score.set(x, (score.get(x) ?? 0) + 1);
      for (const [x, c] of score) if (c >= grams.length - 2 && c >= 1) scored.push({ h: { table, n: x }, score: c });
    }
    scored.sort((a, b) => b.score - a.score);
    for (const { h } of scored.slice(0, 8)) {
      await h.table.ensure([h.n]);
      const { lower } = displayText((await recordOf(h)).content);
      const chars = Array.from(lower);
      for (let i = 0; i < chars.length && near.size < 5; i++) {
        for (const len of [n, n - 1, n + 1]) {
          const w = chars.slice(i, i + len).join('');
          if (w !== t && Array.from(w).length === len && editDistance(t, w, 1) <= 1 && hasCJK(w)) near.add(w);
        }
      }
    }
  }
  for (const w of near) {
    items.push(el('li', '您要找的是不是：'));
    items.at(-1)!.append(link(w, searchHref(w)));
  }
  // Place names: by pinyin (wuxi → 无锡市) and within one edit (唐三市 → 唐山市), from one or two small files.
  const placeFile = (f: string) =>
    cached(placeFilesCache, `${base}pagefind/nb/places/${f}.nbg`).catch((): Place[] => []);
  const placesOf = async (t: string) => (await Promise.all(placeFilesFor(t).map(placeFile))).flat();
  const shownPlaces = new Set<string>();
  const offer = (label: string, [, name, url]: Place) => {
    if (shownPlaces.has(url) || near.has(name)) return;
    shownPlaces.add(url);
    const li = el('li', label);
    li.append(link(name, `${base}${url.replace(/^\//, '')}`), '（', link('搜索', searchHref(name)), '）');
    items.push(li);
  };
  for (const key of pinyinKeys(terms))
    for (const p of placesByPinyin(key, await placesOf(key)).slice(0, 8)) offer('地名：', p);
  for (const t of terms.filter(hasCJK))
    for (const p of placesNear(t, await placesOf(t)).slice(0, 5)) offer('您要找的是不是这个地名：', p);
  const browse = el('li', '也可以');
  browse.append(link('按地区浏览', `${base}regions/`), '，或查看', link('报告列表', `${base}reports/`), '。');
  items.push(browse);
  if (gen !== generation) return;
  const ul = el('ul');
  ul.append(...items);
  suggest.replaceChildren(ul);
}

/**
 * Filter counts for the current query: each filter counted among the pages that pass the other
 * chosen filters; the city list follows the chosen province, the district list the chosen city.
 */
function count(pages: Hit[], chosen: Map<string, string>): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>(FILTERS.map(([n]) => [n, new Map()]));
  for (const h of pages) {
    const values = new Map<string, string | null>(FILTERS.map(([name]) => [name, h.table.facet(name, h.n)]));
    const misses = [...chosen].filter(([name, v]) => values.get(name) !== v).map(([name]) => name);
    for (const [name] of FILTERS) {
      const v = values.get(name);
      if (!v || !(misses.length === 0 || (misses.length === 1 && misses[0] === name))) continue;
      if (name === '城市' && chosen.has('省份') && values.get('省份') !== chosen.get('省份')) continue;
      if (name === '区县' && chosen.has('城市') && values.get('城市') !== chosen.get('城市')) continue;
      counts.get(name)!.set(v, (counts.get(name)!.get(v) ?? 0) + 1);
    }
  }
  return counts;
}

const passes = (h: Hit, chosen: Map<string, string>) =>
  [...chosen].every(([name, v]) => h.table.facet(name, h.n) === v);

/** The pages of these shards that hold every term of one of the readings (all pages without terms). */
async function collect(readings: Reading[], shards: Shard[]): Promise<{ hits: Hit[]; exact: boolean }> {
  const hits: Hit[] = [];
  let exact = true;
  for (const s of shards) {
    const table = await tableOf(s);
    let pages: number[];
    if (readings.length) {
      // Pages holding every term of a reading, for any reading.
      const each = await Promise.all(
        readings.map(async ({ terms }) => intersectSorted(await Promise.all(terms.map((r) => readingPages(table, r))))),
      );
      pages = unionSorted(each);
      if (readings.some(({ terms }) => terms.flat().some((t) => !gramsAreExact(t)))) exact = false;
      await table.ensure(pages);
    } else {
      await table.ensure(null);
      pages = Array.from({ length: table.header.pages }, (_, i) => i);
    }
    for (const n of pages) hits.push({ table, n });
  }
  return { hits, exact };
}

/** Record groups of these pages not fetched yet (what checking them costs). */
const groupsToFetch = (hits: Hit[]) =>
  new Set(hits.map((h) => h.table.groupUrl(h.n)).filter((u) => !recordGroups.has(u))).size;

/**
 * Record groups fetched at once while candidates are checked: a browser opens about six
 * connections to a host, and checking one group after another made a far page (page 200 of a
 * common phrase: about 125 groups) wait for each round trip in turn.
 */
const GROUPS_AT_ONCE = 6;

/** Candidates to check before a page is shown from which the status line says how far the check has got. */
const SAY_PROGRESS_FROM = 100;

/**
 * Checks pages against their text, by record group in page order, GROUPS_AT_ONCE groups at once.
 * A page whose group does not load (after fetchRetry's second try) goes to `failed` — it is
 * skipped, not shown (src/lib/search/paging.ts) — and leaves it when a later check loads it.
 * `progress` hears how many of `hits` are done. False when a newer search replaced this one.
 */
async function verify(
  hits: Hit[],
  readings: Reading[],
  verified: Map<Hit, boolean>,
  failed: Set<Hit>,
  gen: number,
  progress?: (done: number) => void,
): Promise<boolean> {
  const byGroup = new Map<string, Hit[]>();
  for (const h of hits) {
    const url = h.table.groupUrl(h.n);
    const list = byGroup.get(url);
    if (list) list.push(h);
    else byGroup.set(url, [h]);
  }
  const queue = [...byGroup.values()];
  let done = 0;
  const worker = async (): Promise<void> => {
    for (let list = queue.shift(); list && gen === generation; list = queue.shift()) {
      let found: boolean[] | null;
      try {
        found = await Promise.all(list.map(async (h) => holds(h, await recordOf(h), readings)));
      } catch {
        found = null;
      }
      if (gen !== generation) return;
      list.forEach((h, j) => {
        if (found) {
          verified.set(h, found[j]!);
          failed.delete(h);
        } else failed.add(h);
      });
      done += list.length;
      progress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(GROUPS_AT_ONCE, queue.length) }, worker));
  return gen === generation;
}

/** Runs the search in the URL; an error is shown unless a newer search has replaced this one. */
async function run(): Promise<void> {
  const gen = ++generation;
  try {
    await search(gen);
  } catch (e) {
    if (gen === generation) fail(e);
  }
}

async function search(gen: number): Promise<void> {
  const p = params();
  const original = p.get('q') ?? '';
  input.value = original;
  const sort = (SORTS as readonly string[]).includes(p.get('sort') ?? '') ? p.get('sort')! : 'relevance';
  sortSelect.value = sort;
  list.replaceChildren();
  pager.replaceChildren();
  suggest.replaceChildren();
  widenButton.hidden = true;
  // A check of an earlier search's candidates is over once this search starts.
  delete status.dataset.checking;
  status.dataset.state = 'loading';
  status.textContent = '正在载入索引…';
  if (!manifest) {
    const r = await fetch(`${base}pagefind/shards.json`);
    if (!r.ok) throw new Error('本站还没有搜索索引（npm run build 会生成）');
    manifest = (await r.json()) as ShardManifest;
  }
  // A long query is cut to its first MAX_QUERY_CHARS characters (the page says so).
  const { alternatives, chars, cut } = parseQuery(original);
  // Each term in every simplified reading (src/lib/search/script.ts): 資訊公開 → 资讯公开, 信息公开.
  script ??= new ScriptTables(manifest.script);
  const cjk = [...new Set(alternatives.flat())].filter(hasCJK);
  const read = cjk.length
    ? await readingsOf(cjk, script, (n) => cached(scriptBuckets, `${base}pagefind/nb/t/${n}.nbg`))
    : [];
  const readings: Reading[] = alternatives.map((typed) => ({
    typed,
    terms: typed.map((t) => (hasCJK(t) ? read[cjk.indexOf(t)]! : [t])),
  }));
  const folded = readings.some(({ typed, terms }) => terms.some((r, i) => r.length > 1 || r[0] !== typed[i]));
  const chosen = selectedFilters(p);
  if (gen !== generation) return;
  if (!readings.length && !chosen.size) {
    status.textContent = `请输入要搜索的机关、地区或词语。${WHAT}`;
    status.dataset.state = 'done';
    return;
  }
  // First stage: only shards that hold every character pair of the query (and, with a year
  // filter, that year); then as many as the page budget allows (the rest on request).
  const holding = await candidateShards(readings);
  const year = chosen.get('年度');
  const allowed = holding.filter((s) => !year || s.years.includes(Number(year)));
  const all = p.get('all') === '1';
  const shards = all ? allowed : initialShards(allowed, manifest.budget);
  const missing = allowed.filter((s) => !shards.includes(s));
  const { hits, exact } = await collect(readings, shards);
  if (gen !== generation) return;
  if (!hits.some((h) => passes(h, chosen)) && missing.length) {
    // Nothing in the first shards, but others may hold the terms: a reader expects them searched.
    status.textContent = '最近年度中没有找到，正在搜索其余年度…';
    p.set('all', '1');
    history.replaceState(null, '', `?${p}`);
    return search(gen);
  }
  // Terms of three or more characters were found by their character pairs: the text decides.
  // The page shown is checked first; the other candidates are checked after it is shown, when
  // they are few enough (src/lib/search/status.ts, backgroundCheck).
  const candidates = hits;
  const verified = new Map<Hit, boolean>();
  // Candidates whose records did not load (verify): skipped, and said so.
  const failed = new Set<Hit>();
  const per = Math.min(1000, Math.max(1, Number(p.get('per')) || 10));
  // Without the filters: the shards a search without them searches.
  const unfiltered = all ? holding : initialShards(holding, manifest.budget);
  const ctx = {
    p,
    gen,
    readings,
    chosen,
    sort,
    per,
    folded,
    original,
    shards,
    missing,
    cut: cut ? chars : 0,
    unfiltered,
  };
  const first = await render(ctx, candidates, verified, failed, exact);
  if (gen !== generation || first.check !== 'checking') return;
  // The rest (a candidate that failed before is tried again here). A record group that still
  // does not load leaves the count an upper bound, and the page says the check was broken off.
  if (!(await verify(first.rest, readings, verified, failed, gen))) return;
  await render(ctx, candidates, verified, failed, false, failed.size > 0);
}

interface RenderContext {
  p: URLSearchParams;
  gen: number;
  readings: Reading[];
  chosen: Map<string, string>;
  sort: string;
  per: number;
  folded: boolean;
  original: string;
  shards: Shard[];
  missing: Shard[];
  /** Characters of a query that was cut (0: not cut). */
  cut: number;
  /** The shards a search without the filters searches (to count what the filters exclude). */
  unfiltered: Shard[];
}

/**
 * Results of the query without the filters, when none passes them: the pages of the shards a
 * search without filters searches, checked against their text when that is needed and they
 * are few enough (otherwise an upper bound).
 */
async function excludedByFilters(c: RenderContext): Promise<{ n: number; atMost: boolean } | null> {
  const { hits, exact } = await collect(c.readings, c.unfiltered);
  if (exact || !hits.length) return hits.length ? { n: hits.length, atMost: false } : null;
  const verified = new Map<Hit, boolean>();
  const failed = new Set<Hit>();
  if (backgroundCheck(hits.length, groupsToFetch(hits)) !== 'checking') return { n: hits.length, atMost: true };
  if (!(await verify(hits, c.readings, verified, failed, c.gen))) return null;
  // Pages that could not be checked may hold the terms: then the count is at most.
  if (failed.size) return { n: hits.filter((h) => verified.get(h) !== false).length, atMost: true };
  const n = hits.filter((h) => verified.get(h)).length;
  return n ? { n, atMost: false } : null;
}

/** The search without its filters (and without paging). */
function clearHref(p: URLSearchParams): string {
  const clear = new URLSearchParams();
  if (p.get('q')) clear.set('q', p.get('q')!);
  if (p.get('sort')) clear.set('sort', p.get('sort')!);
  if (p.get('per')) clear.set('per', p.get('per')!);
  return `?${clear}`;
}

/**
 * Shows one page of results: the candidates before it and on it are checked first, so that a
 * page holds only results and is the same whatever was checked before (src/lib/search/paging.ts).
 * `allChecked` says that every candidate holds the terms or has been checked (then the counts
 * are exact), `failed` that the check of the others was broken off. Returns the state of that
 * check and the candidates it still has to check (all of them, for the filter counts).
 */
async function render(
  c: RenderContext,
  candidates: Hit[],
  verified: Map<Hit, boolean>,
  failed: Set<Hit>,
  allChecked: boolean,
  brokenOff = false,
): Promise<{ check: CheckState; rest: Hit[] }> {
  const { p, gen, readings, chosen, sort, per } = c;
  const stale = { check: 'none' as const, rest: [] };
  if (allChecked) for (const h of candidates) if (!verified.has(h)) verified.set(h, true);
  const hits = candidates.filter((h) => passes(h, chosen));
  if (sort !== 'relevance') {
    const dir = sort === 'year-desc' ? -1 : 1;
    const y = (h: Hit) => h.table.year(h.n);
    // Pages without a year (agency, region pages) are kept, after the reports.
    hits.sort((a, b) => (y(a) === 0 ? 1 : 0) - (y(b) === 0 ? 1 : 0) || dir * (y(a) - y(b)));
  }
  const requested = Number(p.get('page')) || 1;
  const checked = (): Checked[] => hits.map((h) => (failed.has(h) ? 'failed' : verified.get(h)));
  // Each round checks or fails every candidate it is given, so the rounds end. A page far from
  // the first needs many: the status line says how far they have got.
  let before = 0;
  for (let need = toCheck(checked(), requested, per); need.length; need = toCheck(checked(), requested, per)) {
    const of = before + need.length;
    const progress =
      of > SAY_PROGRESS_FROM
        ? (done: number) => (status.textContent = checkingProgress(requested, before + done, of))
        : undefined;
    if (
      !(await verify(
        need.map((i) => hits[i]!),
        readings,
        verified,
        failed,
        gen,
        progress,
      ))
    )
      return stale;
    before = of;
  }
  const r = resultPage(checked(), requested, per);
  const { page, pages } = r;
  const shown = r.shown.map((i) => hits[i]!);
  // A result whose record does not load (after fetchRetry's second try) is shown as such; the
  // others are shown.
  const data = await Promise.all(
    shown.map(async (h) => {
      try {
        await h.table.ensure([h.n]);
        return await recordOf(h);
      } catch {
        return null;
      }
    }),
  );
  const folds = await Promise.all(shown.map((h) => foldOf(h).catch((): Record<string, string> => ({}))));
  if (gen !== generation) return stale;
  const unloaded = data.filter((f) => f === null).length;
  // Filter counts among the candidates not known not to hold the terms: exact once all are checked.
  const counts = count(
    candidates.filter((h) => verified.get(h) !== false),
    chosen,
  );
  const rest = candidates.filter((h) => !verified.has(h));
  const check: CheckState = brokenOff && rest.length ? 'failed' : backgroundCheck(rest.length, groupsToFetch(rest));
  const total = r.atMost;
  const many = readings.some((r) => r.terms.length > 1);
  // Nothing passes the filters: how many results there are without them.
  // (A failure to count them is no reason to fail the search: the page then says nothing was found.)
  const excluded = total === 0 && chosen.size && readings.length ? await excludedByFilters(c).catch(() => null) : null;
  if (gen !== generation) return stale;
  renderFilters(p, counts, chosen, rest.length === 0);
  list.replaceChildren();
  list.start = r.first;
  list.append(
    ...data.map((f, i) =>
      f ? resultItem(f, readings, folds[i]!) : el('li', '此结果未能载入（网络错误）。', { 'data-unloaded': '' }),
    ),
  );
  renderPager(p, page, pages);
  const said =
    (c.cut ? cutNote(c.cut, MAX_QUERY_CHARS) : '') +
    queryLabel(
      readings.map((r) => r.terms),
      c.folded,
      c.original,
    );
  status.textContent = statusText({
    said,
    total,
    atLeast: r.atLeast,
    check,
    page,
    pages,
    first: r.first,
    last: r.last,
    undatedLast: sort !== 'relevance' && hits.some((h) => h.table.year(h.n) === 0),
    many,
    excluded,
    missing: c.missing.length
      ? { searched: c.shards.map((s) => s.label), pages: c.missing.reduce((n, s) => n + s.pages, 0) }
      : null,
    failedBefore: r.failedBefore,
    unloaded,
  });
  // What did not load is said (statusText), with a way to try again.
  if (r.failedBefore || unloaded) status.append(' ', retryLink());
  if (excluded) status.append(' ', el('a', '清除筛选', { href: clearHref(p), 'data-clear-filters': '' }));
  else if (total === 0 && !c.missing.length)
    // Suggestions for each word apart (the last reading).
    void suggestions(
      readings.at(-1)?.terms ?? [],
      c.folded,
      c.original,
      c.shards.length ? c.shards : initialShards(manifest!.shards, manifest!.budget),
      gen,
    );
  if (c.missing.length) widenButton.hidden = false;
  // The attribute says the background check runs, exactly while the status line says so.
  if (check === 'checking') status.dataset.checking = '1';
  else delete status.dataset.checking;
  status.dataset.state = 'done';
  return { check, rest };
}

function navigate(p: URLSearchParams): void {
  history.pushState(null, '', `?${p}`);
  void run();
}

/** Runs the search in the URL again (files that failed to load are fetched anew). */
function retryLink(): HTMLAnchorElement {
  return el('a', '重试', { href: location.href, 'data-retry': '' });
}

function fail(e: unknown): void {
  delete status.dataset.checking;
  status.dataset.state = 'error';
  status.textContent = `搜索出错：${(e as Error).message}。`;
  status.append(' ', retryLink());
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const p = params();
  p.set('q', input.value.trim());
  p.set('sort', sortSelect.value);
  p.delete('page');
  navigate(p);
});
filterBox.addEventListener('change', (e) => {
  const select = e.target as HTMLSelectElement;
  const p = params();
  // One name per filter in the URL: the ASCII one.
  const zh = ASCII.get(select.name)!;
  p.delete(zh);
  p.delete(select.name);
  if (select.value) p.set(select.name, select.value);
  // A city belongs to a province, a district to a city: a changed parent clears its children.
  if (zh === '省份') for (const k of ['city', '城市', 'district', '区县']) p.delete(k);
  if (zh === '城市') for (const k of ['district', '区县']) p.delete(k);
  p.delete('page');
  navigate(p);
});
// Links inside the search box (pages, clear filters) change the URL without a reload.
root.addEventListener('click', (e) => {
  const a = (e.target as HTMLElement).closest('a');
  if (a?.hasAttribute('data-retry')) {
    e.preventDefault();
    void run();
    return;
  }
  if (!a || !(a.closest('#pager') || a.hasAttribute('data-clear-filters'))) return;
  e.preventDefault();
  history.pushState(null, '', a.href);
  void run();
  root.scrollIntoView();
});
sortSelect.addEventListener('change', () => form.requestSubmit());
widenButton.addEventListener('click', () => {
  const p = params();
  p.set('all', '1');
  navigate(p);
});
window.addEventListener('popstate', () => void run());
void run();
