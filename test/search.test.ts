import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { containsAll, queryTerms } from '../src/lib/search/query.ts';
import { ShardManifest } from '../src/lib/search/shards.ts';
import { launch, serve } from './browser.ts';
import { query } from './query.ts';

/**
 * Search in a real browser on the synthetic site (120 reports + the 5 samples), compared with
 * ground truth computed from the built HTML: a page should be found iff the text Pagefind
 * indexes (inside data-pagefind-body, outside data-pagefind-ignore) contains every term and
 * carries the chosen filters.
 */

const { dist, data } = inject('sites').synthetic;

interface Indexed {
  text: string;
  filters: Record<string, string[]>;
}

function indexedPages(): Map<string, Indexed> {
  const pages = new Map<string, Indexed>();
  for (const dir of ['reports', 'agencies', 'regions', 'years', 'kinds']) {
    if (!existsSync(join(dist, dir))) continue;
    for (const e of readdirSync(join(dist, dir))) {
      const file = join(dist, dir, e, 'index.html');
      if (!existsSync(file)) continue;
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const body = document.querySelector('[data-pagefind-body]');
      if (!body) continue;
      const filters: Record<string, string[]> = {};
      for (const el of body.querySelectorAll('[data-pagefind-filter]')) {
        const [k, ...v] = el.getAttribute('data-pagefind-filter')!.split(':');
        (filters[k!] ??= []).push(v.join(':'));
      }
      for (const el of body.querySelectorAll('[data-pagefind-ignore]')) el.remove();
      // Block elements separate words, as in Pagefind's text extraction.
      for (const el of body.querySelectorAll('p, div, li, h1, h2, h3, dt, dd, section, br')) el.append(' ');
      pages.set(`/${dir}/${e}/`, { text: body.textContent ?? '', filters });
    }
  }
  return pages;
}


interface Query {
  q: string;
  filters?: Record<string, string>;
  why: string;
}

/** At least 30 queries: fixed words and strings taken (deterministically) from the corpus. */
async function queries(): Promise<Query[]> {
  const fixed: Query[] = [
    { q: '复议', why: 'two-character word' },
    { q: '诉讼', why: 'two-character word' },
    { q: '公开', why: 'two-character word' },
    { q: '审批局', why: 'spans a word boundary' },
    { q: '湖区市', why: 'spans a word boundary' },
    { q: '区行政', why: 'spans a word boundary' },
    { q: '行政审批局', why: 'agency name part' },
    { q: '滨湖', why: 'place name' },
    { q: '凉州区', why: 'place name' },
    { q: '驼峰路', why: 'street name' },
    { q: '政府信息公开', why: 'common phrase' },
    { q: '依申请公开', why: 'narrative term' },
    { q: '存在的主要问题', why: 'heading phrase' },
    { q: '滨湖 复议', why: 'two words' },
    { q: '街道 公开', why: 'two words' },
    { q: '"行政复议"', why: 'quoted phrase' },
    { q: '复议', filters: { 年度: '2019' }, why: 'word with a year filter' },
    { q: '公开', filters: { 类型: '机关' }, why: 'word with a type filter' },
    { q: '', filters: { 省份: '江苏省' }, why: 'filter only' },
    { q: '不存在的词语甲乙丙', why: 'no results' },
    { q: '<script>', why: 'HTML-special characters' },
    { q: 'a&b "x"', why: 'HTML-special characters' },
  ];
  const agencies = await query<{ agency: string }>(`SELECT DISTINCT agency FROM '${join(data, 'reports.parquet')}' WHERE agency IS NOT NULL ORDER BY agency LIMIT 6`);
  const counties = await query<{ county: string }>(`SELECT DISTINCT county FROM '${join(data, 'reports.parquet')}' WHERE county IS NOT NULL AND county <> '市辖区' ORDER BY county LIMIT 4`);
  const texts = await query<{ text: string }>(`SELECT text FROM '${join(data, 'sections.parquet')}' WHERE section = 5 AND length(text) > 60 ORDER BY report_id LIMIT 5`);
  return [
    ...fixed,
    ...agencies.map((a) => ({ q: a.agency, why: 'agency name (corpus)' })),
    ...agencies.slice(0, 3).map((a) => ({ q: a.agency.slice(1, 4), why: 'inside an agency name (corpus)' })),
    ...counties.map((c) => ({ q: c.county, why: 'county name (corpus)' })),
    ...texts.map((t) => ({ q: t.text.replace(/\s+/g, '').slice(20, 28), why: 'phrase from narrative text (corpus)' })),
  ];
}

describe('search in a real browser', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;
  const pages = indexedPages();

  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage();
    server = await serve(dist);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function search(q: Query): Promise<string[]> {
    const params = new URLSearchParams({ q: q.q, per: '1000', ...q.filters });
    await page.goto(`${server.url}search/?${params}`);
    await page.waitForSelector('#search-status[data-state="done"], #search-status[data-state="error"]', { timeout: 20_000 });
    expect(await page.getAttribute('#search-status', 'data-state'), q.q).toBe('done');
    expect(await page.isHidden('#widen'), 'every index is searched at this size').toBe(true);
    return page.$$eval('#results li > a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  }

  it('the index lists every indexed page once', () => {
    const manifest = ShardManifest.parse(JSON.parse(readFileSync(join(dist, 'pagefind/shards.json'), 'utf8')));
    expect(manifest.shards.length).toBeGreaterThanOrEqual(1);
    expect(manifest.shards.reduce((n, s) => n + s.pages, 0)).toBe(pages.size);
  });

  it('finds what the pages contain: precision and recall ≥ 0.95 over 30+ queries', async () => {
    const list = await queries();
    expect(list.length).toBeGreaterThanOrEqual(30);
    let tp = 0;
    let found = 0;
    let relevant = 0;
    const report: string[] = [];
    for (const q of list) {
      const terms = queryTerms(q.q);
      const truth = [...pages].filter(([, p]) => (terms.length === 0 || containsAll(p.text, terms)) && Object.entries(q.filters ?? {}).every(([k, v]) => p.filters[k]?.includes(v))).map(([u]) => u);
      const got = await search(q);
      const hit = got.filter((u) => truth.includes(u)).length;
      tp += hit;
      found += got.length;
      relevant += truth.length;
      report.push(`${q.q}${q.filters ? ` ${JSON.stringify(q.filters)}` : ''} (${q.why}): found ${got.length}, relevant ${truth.length}, correct ${hit}`);
      expect(new Set(got).size, `${q.q}: no duplicates`).toBe(got.length);
    }
    const precision = found ? tp / found : 1;
    const recall = relevant ? tp / relevant : 1;
    console.log(`search: ${list.length} queries, precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}\n  ${report.join('\n  ')}`);
    expect(relevant, 'the queries have answers').toBeGreaterThan(100);
    expect(precision, report.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(recall, report.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('a query with no results says so; HTML in a query or a page stays text', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    expect(await search({ q: '不存在的词语甲乙丙', why: '' })).toEqual([]);
    expect(await page.textContent('#search-status')).toContain('没有找到');
    await search({ q: '<script>alert(1)</script><img src=x onerror=alert(2)>', why: '' });
    expect(await page.$$('#results script, #results img, #filters script')).toHaveLength(0);
    expect(await page.inputValue('#q')).toBe('<script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(dialogs).toEqual([]);
  });

  it('the query and filters live in the URL, and the header box leads there', async () => {
    await page.goto(server.url);
    await page.fill('#site-q', '复议');
    await page.press('#site-q', 'Enter');
    await page.waitForSelector('#search-status[data-state="done"]');
    expect(new URL(page.url()).searchParams.get('q')).toBe('复议');
    const before = await page.$$eval('#results li', (l) => l.length);
    expect(before).toBeGreaterThan(0);
    await page.click('#filter-panel summary');
    await page.selectOption('select[name="年度"]', '2019');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('年度') === '2019');
    await page.waitForSelector('#search-status[data-state="done"]');
    const years = await page.$$eval('#results li small', (s) => s.map((x) => x.textContent));
    for (const y of years) expect(y).toContain('2019 年度');
  });

  it('works under a sub-path (BASE_PATH=/nianbao/)', async () => {
    const sub = await serve(inject('sites').samples.distSub, '/nianbao/');
    try {
      await page.goto(`${sub.url}search/?q=${encodeURIComponent('复议')}`);
      await page.waitForSelector('#search-status[data-state="done"]', { timeout: 20_000 });
      const links = await page.$$eval('#results li > a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links.length).toBe(5);
      for (const l of links) expect(l).toMatch(/^\/nianbao\/reports\/[0-9a-f]{16}\/$/);
    } finally {
      await sub.close();
    }
  });

  it('works by keyboard: tab to the box, type, Enter, tab to the first result', async () => {
    await page.goto(`${server.url}search/`);
    await page.focus('#q');
    await page.keyboard.type('公开');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#search-status[data-state="done"]');
    await page.waitForSelector('#results li a');
    let focused = '';
    for (let i = 0; i < 30 && !focused.startsWith('/'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.closest('#results') ? new URL((document.activeElement as HTMLAnchorElement).href).pathname : ''));
    }
    expect(focused).toMatch(/^\/(reports|agencies|regions|years|kinds)\//);
  });
});
