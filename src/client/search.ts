import { containsAll, phrase, queryTerms } from '../lib/search/query.ts';
import { initialShards } from '../lib/search/budget.ts';
import type { Shard, ShardManifest } from '../lib/search/shards.ts';

/**
 * The search page in the browser. State lives in the URL (/search/?q=…&年度=2020&sort=year-desc)
 * so a result list can be shared. Indexes are merged newest-first up to a page budget; the rest
 * are merged when the reader asks or when a year filter needs one.
 */

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; content: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]> }>;
}
interface Pagefind {
  options(o: object): Promise<void>;
  mergeIndex(url: string, o?: object): Promise<void>;
  search(q: string | null, o?: object): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const FILTERS = ['类型', '年度', '省份', '城市', '机关类型', '表式', '核对'] as const;
const SORTS: Record<string, object | undefined> = { relevance: undefined, 'year-desc': { year: 'desc' }, 'year-asc': { year: 'asc' } };

const root = document.getElementById('search')!;
const base = root.dataset.base!;
const form = root.querySelector('form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
const filterBox = root.querySelector<HTMLElement>('#filters')!;
const filterPanel = root.querySelector<HTMLDetailsElement>('#filter-panel')!;
const status = root.querySelector<HTMLElement>('#search-status')!;
const list = root.querySelector<HTMLOListElement>('#results')!;
const moreButton = root.querySelector<HTMLButtonElement>('#more')!;
const widenButton = root.querySelector<HTMLButtonElement>('#widen')!;

let pagefind: Pagefind | null = null;
let manifest: ShardManifest | null = null;
const loaded = new Set<string>();
let pending: PagefindResult[] = [];
let terms: string[] = [];
let skipped = 0;
let generation = 0;

const params = () => new URLSearchParams(location.search);

async function ensureShards(wanted: Shard[]): Promise<void> {
  for (const s of wanted) {
    if (loaded.has(s.id)) continue;
    const url = `${base}pagefind/${s.id}/`;
    if (!pagefind) {
      pagefind = (await import(/* @vite-ignore */ `${url}pagefind.js`)) as Pagefind;
      await pagefind.options({ baseUrl: base, excerptLength: 24 });
    } else {
      await pagefind.mergeIndex(url, { baseUrl: base });
    }
    loaded.add(s.id);
  }
}

function shardsFor(p: URLSearchParams): Shard[] {
  const all = manifest!.shards;
  if (p.get('all') === '1') return all;
  const wanted = initialShards(all, manifest!.budget);
  // A year filter searches that year's index, loaded or not.
  for (const y of p.getAll('年度')) for (const s of all) if (s.years.includes(Number(y)) && !wanted.includes(s)) wanted.push(s);
  return wanted;
}

function selectedFilters(p: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of FILTERS) if (p.getAll(f).length) out[f] = p.getAll(f);
  return out;
}

async function renderFilters(p: URLSearchParams): Promise<void> {
  const available = await pagefind!.filters();
  filterBox.replaceChildren();
  for (const f of FILTERS) {
    const values = Object.keys(available[f] ?? {}).sort((a, b) => (f === '年度' ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN')));
    if (!values.length) continue;
    const label = document.createElement('label');
    label.textContent = `${f} `;
    const select = document.createElement('select');
    select.name = f;
    select.append(new Option('全部', ''));
    for (const v of values) select.append(new Option(`${v}（${available[f]![v]}）`, v, false, p.get(f) === v));
    label.append(select);
    filterBox.append(label);
  }
}

/** Pagefind's excerpt is text with <mark>: rebuilt from text nodes so nothing else can render. */
function excerptNode(html: string): HTMLElement {
  const p = document.createElement('p');
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const n of doc.body.childNodes) {
    if (n.nodeName === 'MARK') {
      const m = document.createElement('mark');
      m.textContent = n.textContent;
      p.append(m);
    } else p.append(document.createTextNode(n.textContent ?? ''));
  }
  return p;
}

/** Pages intersected in the order of the first list. */
function intersect(lists: PagefindResult[][]): PagefindResult[] {
  const rest = lists.slice(1).map((rs) => new Set(rs.map((r) => r.id)));
  return (lists[0] ?? []).filter((r) => rest.every((s) => s.has(r.id)));
}

/**
 * Pages that may contain one term. Pagefind matches phrases word by word, so the term is cut at
 * punctuation and each piece searched as a phrase. When that finds nothing, the term may have
 * been segmented differently from the pages: up to LOOSE_CHECKS pages found by other cuts of
 * it are checked for the exact text.
 */
const LOOSE_CHECKS = 100;
async function termResults(term: string, options: object): Promise<PagefindResult[]> {
  const pieces = term.split(/[\s\p{P}\p{S}]+/u).filter(Boolean);
  if (!pieces.length) return [];
  const search = async (q: string) => (await pagefind!.search(q, options))?.results ?? [];
  const exact = intersect(await Promise.all(pieces.map((p) => search(phrase(p)))));
  // Each retry downloads index chunks of other words: only when the phrase found nothing.
  if (exact.length > 0) return exact;
  // The query alone may be segmented differently from the same text in a page (石龙区民政局 →
  // 石龙/区民/政局 against 石龙区/民政局): try the phrase split in two at each point, then its
  // words in any order; whatever is found is checked against the page text.
  const seen = new Set(exact.map((r) => r.id));
  const candidates: PagefindResult[] = [];
  const add = (rs: PagefindResult[]) => {
    for (const r of rs) if (!seen.has(r.id) && candidates.length < LOOSE_CHECKS) seen.add(r.id), candidates.push(r);
  };
  if (pieces.length === 1 && /[\u3400-\u9fff]/.test(term)) {
    for (let i = 1; i < term.length; i++) add(await search(`"${term.slice(0, i)} ${term.slice(i)}"`));
  }
  add(await search(pieces.join(' ')));
  const data = await Promise.all(candidates.map((r) => r.data()));
  return [...exact, ...candidates.filter((_, i) => containsAll(data[i]!.content, [term]))];
}

async function showMore(gen: number, per: number): Promise<void> {
  let shown = 0;
  while (pending.length && shown < per) {
    const batch = pending.splice(0, per - shown);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (gen !== generation) return;
    for (const d of data) {
      // Exact match only: Pagefind's phrase search works on words; the text decides.
      if (!containsAll(d.content, terms)) {
        skipped++;
        continue;
      }
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = d.url;
      a.textContent = d.meta.title ?? d.url;
      const where = [d.filters['类型']?.[0], d.filters['年度']?.[0] && `${d.filters['年度'][0]} 年度`, d.filters['省份']?.[0], d.filters['城市']?.[0]].filter(Boolean).join(' · ');
      const small = document.createElement('small');
      small.textContent = where;
      li.append(a, ' ', small, excerptNode(d.excerpt));
      list.append(li);
      shown++;
    }
  }
  moreButton.hidden = pending.length === 0;
}

async function run(): Promise<void> {
  const gen = ++generation;
  const p = params();
  const q = p.get('q') ?? '';
  input.value = q;
  sortSelect.value = p.get('sort') ?? 'relevance';
  terms = queryTerms(q);
  const filters = selectedFilters(p);
  list.replaceChildren();
  moreButton.hidden = true;
  widenButton.hidden = true;
  skipped = 0;
  status.dataset.state = 'loading';
  status.textContent = '正在载入索引…';
  if (!manifest) {
    const r = await fetch(`${base}pagefind/shards.json`);
    if (!r.ok) throw new Error('本站还没有搜索索引（npm run build 会生成）');
    manifest = (await r.json()) as ShardManifest;
  }
  await ensureShards(shardsFor(p));
  // Filter values cost a download of their own: fetched when the panel is opened or a filter is set.
  if (filterPanel.open || Object.keys(selectedFilters(p)).length) {
    filterPanel.open = true;
    await renderFilters(p);
  }
  if (gen !== generation) return;
  if (!terms.length && !Object.keys(filters).length) {
    status.textContent = '请输入要搜索的机关、地区或词语。';
    status.dataset.state = 'done';
    return;
  }
  const options = { filters, sort: SORTS[p.get('sort') ?? 'relevance'] };
  let results: PagefindResult[];
  if (!terms.length) results = (await pagefind!.search(null, options))?.results ?? [];
  else {
    const perTerm = await Promise.all(terms.map((t) => termResults(t, options)));
    results = intersect(perTerm);
  }
  if (gen !== generation) return;
  if (!results.length && manifest.shards.some((s) => !loaded.has(s.id)) && p.get('all') !== '1') {
    // Nothing in the newest indexes: a reader expects the whole site to have been searched.
    status.textContent = '最近年度中没有找到，正在搜索其余年度…';
    p.set('all', '1');
    history.replaceState(null, '', `?${p.toString()}`);
    return run();
  }
  pending = [...results];
  const per = Math.min(1000, Math.max(1, Number(p.get('per')) || 10));
  await showMore(gen, per);
  const searched = manifest.shards.filter((s) => loaded.has(s.id));
  const missing = manifest.shards.filter((s) => !loaded.has(s.id));
  const count = results.length - skipped;
  status.textContent = `${terms.length ? `“${terms.join('”“')}”：` : ''}${count ? `找到 ${count} 个页面` : '没有找到完全包含所输入文字的页面'}${skipped ? `（另有 ${skipped} 个页面只含部分文字，已略去）` : ''}。`;
  if (missing.length) {
    status.textContent += ` 已搜索：${searched.map((s) => s.label).join('、')}；尚未搜索 ${missing.reduce((n, s) => n + s.pages, 0)} 个页面。`;
    widenButton.hidden = false;
  }
  status.dataset.state = 'done';
}

function navigate(p: URLSearchParams): void {
  history.pushState(null, '', `?${p.toString()}`);
  void run();
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const p = params();
  p.set('q', input.value.trim());
  p.set('sort', sortSelect.value);
  navigate(p);
});
filterPanel.addEventListener('toggle', () => {
  if (filterPanel.open && !filterBox.childElementCount && pagefind) void renderFilters(params());
});
filterBox.addEventListener('change', (e) => {
  const select = e.target as HTMLSelectElement;
  const p = params();
  if (select.value) p.set(select.name, select.value);
  else p.delete(select.name);
  navigate(p);
});
sortSelect.addEventListener('change', () => form.requestSubmit());
moreButton.addEventListener('click', () => void showMore(generation, 10));
widenButton.addEventListener('click', () => {
  const p = params();
  p.set('all', '1');
  navigate(p);
});
window.addEventListener('popstate', () => void run());
void run().catch((e) => {
  status.dataset.state = 'error';
  status.textContent = `搜索出错：${(e as Error).message}`;
});
