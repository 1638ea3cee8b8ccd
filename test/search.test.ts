import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { parseQuery } from '../src/lib/search/query.ts';
import { ShardManifest } from '../src/lib/search/shards.ts';
import { launch, serve } from './browser.ts';
import { CONFLICT_FILES, COPIED_SAMPLE } from './global-setup.ts';
import { parquetOf } from './published.ts';
import { query } from './query.ts';

/**
 * Search in a real browser on the synthetic site (120 reports + the 5 samples), compared with
 * ground truth computed from the built HTML by its own parser (linkedom): a page should be
 * found iff its searchable text (inside data-pagefind-body, outside data-pagefind-ignore)
 * contains every term — a term in any of its simplified readings by opencc-js (the ingest's t2s,
 * and Taiwan phrases: 資訊 → 信息), compared with the page text after folding each traditional
 * character to simplified, whitespace next to a CJK character ignored, Latin letters in any case
 * — and carries the chosen filters.
 */

/** The truth's own normalisation (written apart from src/lib/search on purpose). */
function norm(s: string): string {
  const cjk = '\\u2E80-\\u303F\\u3040-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF';
  return s
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(new RegExp(`(?<=[${cjk}]) | (?=[${cjk}])`, 'gu'), '')
    .trim();
}
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const taiwanPhrases = OpenCC.Converter({ from: 'twp', to: 'cn' });
const charConverters = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
const foldCache = new Map<string, string>();
/** Each traditional character to its simplified character (one for one), with opencc-js. */
function fold(s: string): string {
  let out = '';
  for (const c of s) {
    let f = foldCache.get(c);
    if (f === undefined) {
      f = c;
      for (const conv of charConverters) {
        const x = conv(c);
        if (x !== c && x.length === c.length) {
          f = x;
          break;
        }
      }
      foldCache.set(c, f);
    }
    out += f;
  }
  return out;
}
const ASCII_FILTER: Record<string, string> = {
  type: '类型',
  year: '年度',
  province: '省份',
  city: '城市',
  district: '区县',
  kind: '机关类型',
  form: '表式',
  check: '核对',
};

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
      // Headings end a sentence (". "); other blocks only separate by white space.
      for (const el of body.querySelectorAll('h1, h2, h3, h4, h5, h6')) el.append('. ');
      for (const el of body.querySelectorAll('p, div, li, dt, dd, section, br')) el.append(' ');
      pages.set(`/${dir}/${e}/`, { text: fold(norm(body.textContent ?? '')), filters });
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
    { q: '局', why: 'one character, mostly inside longer words' },
    { q: '县', why: 'one character, mostly inside longer words' },
    { q: '市', filters: { year: '2020' }, why: 'one character with an ASCII filter name' },
    { q: '审批', why: 'two characters' },
    { q: '石家庄', why: 'place name, alone and inside 石家庄市' },
    { q: '政务新媒体', why: 'segmented differently on different pages' },
    { q: '新媒体', why: 'part of a longer word' },
    { q: '务公', why: 'across a word boundary' },
    { q: '依申請公開', why: 'traditional script' },
    { q: '行政複議', why: 'traditional script' },
    { q: '資訊公開', why: 'traditional script with a Taiwan phrase (資訊 → 信息)' },
    { q: '政府資訊', why: 'traditional script with a Taiwan phrase (資訊 → 信息)' },
    { q: '相關資料', why: 'traditional script: 资料 and the Taiwan reading 数据' },
    { q: '"2020 年度"', why: 'white space next to CJK' },
    { q: '2020 年度', why: 'white space between digits and CJK, unquoted' },
    { q: '复议 2019', why: 'Chinese and digits apart: joined, or each anywhere on the page' },
    { q: '"政府 信息公开"', why: 'white space inside a phrase' },
    { q: 'json', why: 'Latin, other case on the page' },
    { q: '2020', why: 'digits' },
    { q: '办理 答复 期限', why: 'three terms' },
  ];
  const agencies = await query<{ agency: string }>(
    `SELECT DISTINCT agency FROM ${parquetOf(data, 'reports')} WHERE agency IS NOT NULL ORDER BY agency LIMIT 6`,
  );
  const counties = await query<{ county: string }>(
    `SELECT DISTINCT county FROM ${parquetOf(data, 'reports')} WHERE county IS NOT NULL AND county <> '市辖区' ORDER BY county LIMIT 4`,
  );
  // Reports published in traditional script, found by a phrase of theirs in simplified characters.
  const traditional = await traditionalPhrases(2);
  const texts = await query<{ text: string }>(
    `SELECT text FROM ${parquetOf(data, 'sections')} WHERE section = 5 AND length(text) > 60 ORDER BY report_id LIMIT 5`,
  );
  return [
    ...fixed,
    ...agencies.map((a) => ({ q: a.agency, why: 'agency name (corpus)' })),
    ...agencies.slice(0, 3).map((a) => ({ q: a.agency.slice(1, 4), why: 'inside an agency name (corpus)' })),
    ...counties.map((c) => ({ q: c.county, why: 'county name (corpus)' })),
    ...texts.map((t) => ({ q: t.text.replace(/\s+/g, '').slice(20, 28), why: 'phrase from narrative text (corpus)' })),
    ...texts.map((t) => ({
      q: t.text.replace(/\s+/g, '').slice(40, 43),
      why: 'three characters from narrative text (corpus)',
    })),
    ...counties.slice(0, 2).map((c) => ({ q: c.county.slice(0, 1), why: 'first character of a county (corpus)' })),
    ...traditional.map((t) => ({
      q: toSimplified(t.phrase),
      why: 'simplified phrase of a traditional-script report (corpus)',
    })),
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

  function truthOf(q: Query): string[] {
    // A page matches one reading of the query (`住建局 2023`: 住建局2023, or 住建局 and 2023 apart).
    const alternatives = parseQuery(q.q).alternatives.map((terms) =>
      terms.map((t) => [...new Set([toSimplified(t), taiwanPhrases(t)].map((r) => fold(norm(r))))]),
    );
    return [...pages]
      .filter(
        ([, p]) =>
          (alternatives.length === 0 ||
            alternatives.some((terms) => terms.every((readings) => readings.some((r) => p.text.includes(r))))) &&
          Object.entries(q.filters ?? {}).every(([k, v]) => p.filters[ASCII_FILTER[k] ?? k]?.includes(v)),
      )
      .map(([u]) => u);
  }

  async function search(q: Query): Promise<string[]> {
    const params = new URLSearchParams({ q: q.q, per: '1000', ...q.filters });
    await page.goto(`${server.url}search/?${params}`);
    await page.waitForSelector('#search-status[data-state="done"], #search-status[data-state="error"]', {
      timeout: 20_000,
    });
    expect(await page.getAttribute('#search-status', 'data-state'), q.q).toBe('done');
    expect(await page.isHidden('#widen'), 'every index is searched at this size').toBe(true);
    return page.$$eval('#results li > a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  }

  it('the index lists every indexed page once', () => {
    const manifest = ShardManifest.parse(JSON.parse(readFileSync(join(dist, 'pagefind/shards.json'), 'utf8')));
    expect(manifest.shards.length).toBeGreaterThanOrEqual(1);
    expect(manifest.shards.reduce((n, s) => n + s.pages, 0)).toBe(pages.size);
  });

  it('finds what the pages contain: precision ≥ 0.99 and recall ≥ 0.98 over 50+ queries', async () => {
    const list = await queries();
    expect(list.length).toBeGreaterThanOrEqual(50);
    let tp = 0;
    let found = 0;
    let relevant = 0;
    const report: string[] = [];
    for (const q of list) {
      const truth = truthOf(q);
      const got = await search(q);
      const hit = got.filter((u) => truth.includes(u)).length;
      tp += hit;
      found += got.length;
      relevant += truth.length;
      report.push(
        `${q.q}${q.filters ? ` ${JSON.stringify(q.filters)}` : ''} (${q.why}): found ${got.length}, relevant ${truth.length}, correct ${hit}`,
      );
      expect(new Set(got).size, `${q.q}: no duplicates`).toBe(got.length);
      // Traditional script has no tolerance: each reading is exact, so the list is the truth.
      if (q.why.includes('traditional')) expect([...got].sort(), q.q).toEqual([...truth].sort());
    }
    const precision = found ? tp / found : 1;
    const recall = relevant ? tp / relevant : 1;
    console.log(
      `search: ${list.length} queries, precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}\n  ${report.join('\n  ')}`,
    );
    expect(relevant, 'the queries have answers').toBeGreaterThan(100);
    expect(precision, report.join('\n')).toBeGreaterThanOrEqual(0.99);
    expect(recall, report.join('\n')).toBeGreaterThanOrEqual(0.98);
  });

  it('many shards: the first stage loads only the shards that can hold the query, and all of them find the same pages', async () => {
    const sharded = join(dirname(dist), 'synth-dist-sharded');
    cpSync(dist, sharded, { recursive: true });
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/search-index.ts',
        '--dist',
        sharded,
        '--quiet',
        '--shard-pages',
        '60',
        '--budget',
        '80',
      ],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const srv = await serve(sharded);
    const requested = new Set<string>();
    const onRequest = (req: { url(): string }) => {
      const m = /\/pagefind\/(s\d+)\//.exec(req.url());
      if (m) requested.add(m[1]!);
    };
    page.on('request', onRequest);
    try {
      const manifest = ShardManifest.parse(JSON.parse(readFileSync(join(sharded, 'pagefind/shards.json'), 'utf8')));
      expect(manifest.shards.length).toBeGreaterThanOrEqual(4);
      const list = (await queries()).filter((q) => q.q && !q.q.includes('<')).slice(0, 24);
      let tp = 0;
      let found = 0;
      let relevant = 0;
      for (const q of list) {
        const params = new URLSearchParams({ q: q.q, per: '1000', all: '1', ...q.filters });
        await page.goto(`${srv.url}search/?${params}`);
        await page.waitForSelector('#search-status[data-state="done"], #search-status[data-state="error"]', {
          timeout: 20_000,
        });
        const got = await page.$$eval('#results li > a', (as) =>
          as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
        );
        const truth = truthOf(q);
        tp += got.filter((u) => truth.includes(u)).length;
        found += got.length;
        relevant += truth.length;
      }
      expect(tp / found).toBeGreaterThanOrEqual(0.99);
      expect(tp / relevant).toBeGreaterThanOrEqual(0.98);
      // A name on few pages: only the shards that hold its characters are fetched.
      const rare = (
        await query<{ agency: string }>(
          `SELECT agency FROM ${parquetOf(data, 'reports')} WHERE agency IS NOT NULL GROUP BY agency HAVING count(*) = 1 ORDER BY agency LIMIT 1`,
        )
      )[0]!.agency;
      requested.clear();
      await page.goto(`${srv.url}search/?${new URLSearchParams({ q: rare })}`);
      await page.waitForSelector('#search-status[data-state="done"]');
      expect(await page.$$eval('#results li', (l) => l.length)).toBeGreaterThan(0);
      expect(requested.size, [...requested].join(' ')).toBeLessThan(manifest.shards.length);
    } finally {
      page.off('request', onRequest);
      await srv.close();
      rmSync(sharded, { recursive: true, force: true });
    }
  });

  it('many shards built on two threads: the same index, byte for byte, as on one', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(dir.length))
        .sort();
    const built = (threads: number): string => {
      const d = join(dirname(dist), `synth-dist-threads-${threads}`);
      rmSync(d, { recursive: true, force: true });
      cpSync(dist, d, { recursive: true });
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'scripts/search-index.ts',
          '--dist',
          d,
          '--quiet',
          '--shard-pages',
          '60',
          '--budget',
          '80',
          '--threads',
          String(threads),
        ],
        { encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      return join(d, 'pagefind');
    };
    const one = built(1);
    const two = built(2);
    const list = files(one);
    expect(list.length).toBeGreaterThan(20);
    expect(files(two)).toEqual(list);
    for (const f of list) expect(readFileSync(join(two, f)).equals(readFileSync(join(one, f))), f).toBe(true);
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

  it('when the filters exclude every result, the page says how many and offers to clear them', async () => {
    // A fresh tester's: the page said nothing was found.
    const all = truthOf({ q: '复议', why: '' }).length;
    expect(all).toBeGreaterThan(0);
    // Agency pages have no year, so nothing is both; no page is of 1999 (no index is searched).
    const cases: Array<Record<string, string>> = [{ type: '机关', year: '2019' }, { year: '1999' }];
    for (const filters of cases) {
      expect(await search({ q: '复议', filters, why: '' })).toEqual([]);
      const text = await page.textContent('#search-status');
      expect(text).toContain(`“复议”：找到 ${all} 个页面，但都不符合所选的筛选条件。`);
      expect(text).not.toContain('没有找到');
    }
    await page.click('#search-status a[data-clear-filters]');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('year'));
    await page.waitForSelector('#search-status[data-state="done"]');
    expect(await page.$$eval('#results li', (l) => l.length)).toBe(all);
  });

  it('the note that other candidates are being checked goes when the check ends, fails or is replaced', async () => {
    // A fresh tester's: "正在核对" could stay on the page for ever. Each case in a new browser
    // context (nothing cached); the record groups after the first page's are held or refused.
    const q = `search/?${new URLSearchParams({ q: '政府信息公开', per: '1' })}`;
    const open = async (groups?: (route: Route) => Promise<void>) => {
      const context = await browser.newContext();
      const p = await context.newPage();
      let first: string | null = null;
      if (groups)
        await p.route('**/pagefind/*/nb/r/*.nbg', (route) => {
          first ??= route.request().url();
          return route.request().url() === first ? route.continue() : groups(route);
        });
      await p.goto(`${server.url}${q}`);
      await p.waitForSelector('#search-status[data-state="done"], #search-status[data-state="error"]');
      return { p, close: () => context.close() };
    };
    const settled = (p: Page) =>
      p.waitForFunction(() => !document.getElementById('search-status')!.hasAttribute('data-checking'));
    // The check ends: an exact count, no note.
    const ends = await open();
    await settled(ends.p);
    const n = truthOf({ q: '政府信息公开', why: '' }).length;
    expect(await ends.p.textContent('#search-status')).toBe(
      `“政府信息公开”：找到 ${n} 个页面，第 1/${n} 页（第 1–1 个）。`,
    );
    await ends.close();
    // The other groups cannot be fetched: the check is broken off, and the page says so.
    const fails = await open((route) => route.abort());
    await settled(fails.p);
    expect(await fails.p.getAttribute('#search-status', 'data-state')).toBe('done');
    const text = await fails.p.textContent('#search-status');
    expect(text).toContain('核对其余页面时出错');
    expect(text).not.toContain('正在核对');
    expect(await fails.p.$$eval('#results li', (l) => l.length)).toBe(1);
    await fails.close();
    // A newer search replaces one whose check is still running.
    let release!: () => void;
    const hold = new Promise<void>((ok) => (release = ok));
    const replaced = await open(async (route) => {
      await hold;
      await route.continue();
    });
    await replaced.p.waitForSelector('#search-status[data-checking]');
    expect(await replaced.p.textContent('#search-status')).toContain('正在核对');
    await replaced.p.fill('#q', '复议');
    await replaced.p.press('#q', 'Enter');
    await replaced.p.waitForFunction(() =>
      document.getElementById('search-status')!.textContent.startsWith('“复议”：找到'),
    );
    release();
    await replaced.p.waitForLoadState('networkidle');
    expect(await replaced.p.getAttribute('#search-status', 'data-checking')).toBeNull();
    expect(await replaced.p.textContent('#search-status')).toMatch(/^“复议”：找到 \d+ 个页面/);
    await replaced.close();
  });

  it('a request that fails once is tried again: the page is as if it had not failed', async () => {
    const q = `search/?${new URLSearchParams({ q: '政府信息公开', per: '3', page: '2' })}`;
    const status = async (fail: boolean) => {
      const context = await browser.newContext();
      const p = await context.newPage();
      const tried = new Set<string>();
      if (fail)
        await p.route('**/pagefind/**/*.nbg', (route) => {
          const url = route.request().url();
          if (tried.has(url)) return route.continue();
          tried.add(url);
          return route.abort();
        });
      await p.goto(`${server.url}${q}`);
      await p.waitForSelector('#search-status[data-state="done"], #search-status[data-state="error"]');
      await p.waitForFunction(() => !document.getElementById('search-status')!.hasAttribute('data-checking'));
      const out = {
        status: await p.textContent('#search-status'),
        hrefs: await p.$$eval('#results li > a', (as) =>
          as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
        ),
      };
      await context.close();
      return { ...out, failed: tried.size };
    };
    const clean = await status(false);
    const failing = await status(true);
    expect(failing.failed, 'every index file failed once').toBeGreaterThan(3);
    expect(failing.status).toBe(clean.status);
    expect(failing.hrefs).toEqual(clean.hrefs);
  });

  it('a record group that never loads costs the pages it holds, not the page: the rest is shown, the loss said', async () => {
    // A fresh tester's: one failed request made a whole page of results 搜索出错.
    const q = '政府信息公开';
    const truth = truthOf({ q, why: '' });
    const context = await browser.newContext();
    const p = await context.newPage();
    const groups: string[] = [];
    let refused = 0;
    await p.route('**/pagefind/*/nb/r/*.nbg', (route) => {
      const url = route.request().url();
      if (!groups.includes(url)) groups.push(url);
      // The first group asked for: it holds candidates before (and for) page 2's results.
      if (groups.indexOf(url) !== 0) return route.continue();
      refused++;
      return route.abort();
    });
    await p.goto(`${server.url}search/?${new URLSearchParams({ q, per: '3', page: '2' })}`);
    await p.waitForSelector('#search-status[data-state="done"], #search-status[data-state="error"]');
    await p.waitForFunction(() => !document.getElementById('search-status')!.hasAttribute('data-checking'));
    expect(await p.getAttribute('#search-status', 'data-state')).toBe('done');
    const text = (await p.textContent('#search-status'))!;
    expect(text).toMatch(/有 \d+ 个候选页面因网络错误未能载入/);
    expect(await p.isVisible('#search-status a[data-retry]')).toBe(true);
    expect(refused, 'tried again, in the page and in the background check').toBeGreaterThanOrEqual(2);
    // What is shown was checked: each a page holding the query.
    const hrefs = await p.$$eval('#results li > a', (as) =>
      as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    expect(hrefs.length).toBe(3);
    for (const h of hrefs) expect(truth, h).toContain(h);
    await context.close();
  });

  it('a copy of another report is no result of its own: the original says it has one, the copy says whose it is', async () => {
    // A fresh tester's: a search listed a report and its copy side by side, and counted both.
    const copies = readdirSync(join(dist, 'reports')).filter((e) => {
      const file = join(dist, 'reports', e, 'index.html');
      return existsSync(file) && readFileSync(file, 'utf8').includes('class="copy-note"');
    });
    expect(copies, `the copy of ${COPIED_SAMPLE}`).toHaveLength(1);
    const copy = parseHTML(readFileSync(join(dist, 'reports', copies[0]!, 'index.html'), 'utf8')).document;
    expect(copy.querySelector('[data-pagefind-body]')).toBeNull();
    const original = copy.querySelector('.copy-note a')!.getAttribute('href')!;
    const originalPage = parseHTML(readFileSync(join(dist, original, 'index.html'), 'utf8')).document;
    expect(originalPage.querySelector('[data-pagefind-body]')).not.toBeNull();
    expect(originalPage.querySelector(`a[href="/reports/${copies[0]}/"]`)).not.toBeNull();
    // Searched: the original once, with its copy said; the copy not at all.
    const got = await search({ q: '龙泉市人民政府 2020', why: '' });
    expect(got).toContain(original);
    expect(got).not.toContain(`/reports/${copies[0]}/`);
    const item = await page.$eval(
      `#results li:has(> a[href^="${original}"])`,
      (li) => li.querySelector('small')!.textContent,
    );
    expect(item).toContain('另有 1 份副本');
  });

  it('two different reports of one agency-year are two results told apart: each its file, and that the year has another', async () => {
    // A fresh tester's: they showed as two identical-looking results (same agency, year, place and title).
    const rows = await query<{ report_id: string; source_file: string }>(
      `SELECT report_id, source_file FROM ${parquetOf(data, 'reports')} WHERE same_agency_year > 0 AND duplicate_of IS NULL AND superseded_by IS NULL`,
    );
    expect(rows.map((r) => r.source_file).sort()).toEqual(Object.keys(CONFLICT_FILES).sort());
    const got = await search({ q: '淮安市测试局 2020', why: '' });
    const lines: string[] = [];
    for (const r of rows) {
      expect(got).toContain(`/reports/${r.report_id}/`);
      const line = await page.$eval(
        `#results li:has(> a[href^="/reports/${r.report_id}/"])`,
        (li) => li.querySelector('small')!.textContent,
      );
      expect(line).toContain(`文件 ${r.source_file}`);
      expect(line).toContain('同年另有 1 份不同报告');
      lines.push(line);
    }
    expect(new Set(lines).size).toBe(rows.length);
    // Other reports carry neither.
    const others = await page.$$eval('#results li > small', (s) => s.map((x) => x.textContent));
    expect(others.filter((t) => t.includes('同年另有')).length).toBe(rows.length);
  });

  it('city and district filters: one value per division, given with its parent where the name is not its own', async () => {
    // A fresh tester's: 市辖区 (北京, 天津, 上海, 重庆 alike) was one filter value.
    const rows = await query<{ province: string; city: string }>(
      `SELECT DISTINCT province, city FROM ${parquetOf(data, 'reports')} WHERE city IN ('市辖区', '县') ORDER BY province, city`,
    );
    expect(rows.length, 'the test site has a report of a municipality').toBeGreaterThan(0);
    for (const r of rows) {
      await page.goto(`${server.url}search/?${new URLSearchParams({ province: r.province })}`);
      await page.waitForSelector('#search-status[data-state="done"]');
      const options = await page.$$eval('select[name="city"] option', (o) => o.map((x) => x.textContent));
      expect(options).toContainEqual(expect.stringMatching(new RegExp(`^${r.province}·${r.city}（\\d+）$`)));
      expect(options.filter((o) => o.startsWith(`${r.city}（`))).toEqual([]);
      // Beside a result, the places' own names.
      const places = await page.$$eval('#results li small', (s) => s.map((x) => x.textContent));
      expect(places.join('\n')).not.toContain('·市辖区');
    }
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
    await page.selectOption('select[name="year"]', '2019');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2019');
    await page.waitForSelector('#search-status[data-state="done"]');
    const years = await page.$$eval('#results li > a', (s) => s.map((x) => x.textContent));
    for (const y of years) expect(y).toContain('2019 年度');
    // Filter counts are for this query: the year list shows only 2019 among the chosen filters' pages.
    expect(await page.$$eval('select[name="year"] option:checked', (o) => o.map((x) => x.textContent))).toEqual([
      expect.stringMatching(/^2019（\d+）$/),
    ]);
    expect(await page.isVisible('#clear-filters')).toBe(true);
    // A result opens its page with the term marked (src/client/highlight.ts).
    const href = await page.getAttribute('#results li > a', 'href');
    expect(href).toContain('pagefind-highlight=');
    await page.click('#results li > a');
    await page.waitForSelector('[data-pagefind-body] mark', { timeout: 10_000 });
    expect(await page.textContent('[data-pagefind-body] mark')).toBe('复议');
    // In view: the page scrolled to it (src/client/highlight.ts).
    expect(
      await page.$eval('[data-pagefind-body] mark', (m) => {
        const r = m.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }),
    ).toBe(true);
  });

  it('Chinese and digits apart: found where the page holds them apart, each word marked there', async () => {
    // A tester's 住建局 2023 was searched only as 住建局2023.
    const got = await search({ q: '复议 2019', why: '' });
    expect(got.length).toBeGreaterThan(0);
    const links = await page.$$eval('#results li > a', (as) => as.map((a) => a.getAttribute('href')!));
    const apart = links.find((l) => {
      const marks = new URL(l, 'http://x').searchParams.getAll('pagefind-highlight');
      return marks.includes('复议') && marks.includes('2019') && !marks.includes('复议2019');
    });
    expect(apart, links.join('\n')).toBeTruthy();
    await page.goto(`${server.url}${apart!.replace(/^\//, '')}`);
    await page.waitForSelector('[data-pagefind-body] mark', { timeout: 10_000 });
    const marked = await page.$$eval('[data-pagefind-body] mark', (m) => m.map((x) => x.textContent));
    expect(marked).toContain('复议');
    expect(marked).toContain('2019');
  });

  it('a long query is cut to its first 64 characters, and the page says so', async () => {
    // A tester's 1,500-character query fetched every character pair's index file.
    const [row] = await query<{ report_id: string; text: string }>(
      `SELECT report_id, text FROM ${parquetOf(data, 'sections')} WHERE section = 1 ORDER BY length(text) DESC, report_id LIMIT 1`,
    );
    const long = row!.text.replace(/\s+/g, ' ').slice(0, 1500);
    expect(long.length).toBeGreaterThan(300);
    const got = await search({ q: long, why: '' });
    expect(await page.textContent('#search-status')).toMatch(/查询共 \d+ 个字，太长，只按前 64 个字搜索/);
    expect(got.some((u) => u.includes(row!.report_id))).toBe(true);
  });

  it('a simplified query finds a report in traditional script and marks its own forms there', async () => {
    const [report] = await traditionalPhrases(1);
    const simplified = toSimplified(report!.phrase);
    expect(simplified).not.toBe(report!.phrase);
    await page.goto(`${server.url}search/?q=${encodeURIComponent(simplified)}`);
    await page.waitForSelector('#search-status[data-state="done"]');
    expect(await page.textContent('#results li > a')).toBeTruthy();
    await page.click(`#results li > a[href*="${report!.report_id}"]`);
    await page.waitForSelector('[data-pagefind-body] mark', { timeout: 10_000 });
    expect(await page.$$eval('[data-pagefind-body] mark', (m) => m.map((x) => x.textContent).join(''))).toContain(
      report!.phrase,
    );
  });

  it('many results: numbered, with the total and a page list', async () => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent('公开')}`);
    await page.waitForSelector('#search-status[data-state="done"]');
    expect(await page.textContent('#search-status')).toMatch(/找到 \d+ 个页面，第 1\/\d+ 页/);
    await page.click('#pager a:text-is("2")');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
    await page.waitForSelector('#search-status[data-state="done"]');
    expect(await page.getAttribute('#results', 'start')).toBe('11');
  });

  it('pages over checked results: each page full but the last, none skipped, a URL always the same', async () => {
    // A fresh tester's: a page showed only those of its candidates that held the query (1 of 10),
    // results between pages were never shown, and a fresh &page=3 showed other results.
    const q = '复议 2019';
    const all = await search({ q, why: '' });
    const per = 3;
    expect(all.length).toBeGreaterThan(per * 2);
    const at = async (k: number) => {
      await page.goto(`${server.url}search/?${new URLSearchParams({ q, per: String(per), page: String(k) })}`);
      await page.waitForSelector('#search-status[data-state="done"]');
      return {
        start: await page.getAttribute('#results', 'start'),
        hrefs: await page.$$eval('#results li > a', (as) =>
          as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
        ),
        status: (await page.textContent('#search-status'))!,
      };
    };
    const last = Math.ceil(all.length / per);
    for (const k of [1, 2, last]) {
      const got = await at(k);
      expect(got.start).toBe(String((k - 1) * per + 1));
      expect(got.hrefs, `page ${k}`).toEqual(all.slice((k - 1) * per, k * per));
    }
    // Past the last page: the last page, its range not inverted.
    const past = await at(last + 5);
    expect(past.hrefs).toEqual(all.slice((last - 1) * per));
    const [, a, b] = /第 (\d+)–(\d+) 个/.exec(past.status) ?? [];
    if (a) expect(Number(b)).toBeGreaterThanOrEqual(Number(a));
  });

  it('zero results suggest full names, a near spelling, places by pinyin or one edit, and browsing', async () => {
    const text = async (q: string) => {
      await page.goto(`${server.url}search/?q=${encodeURIComponent(q)}`);
      await page.waitForSelector('#search-status[data-state="done"]');
      await page.waitForSelector('#suggest li');
      return `${await page.textContent('#search-status')} ${await page.textContent('#suggest')}`;
    };
    const none = await text('卫健委');
    expect(none).toContain('卫生健康委员会');
    expect(none).not.toMatch(/栏目名称[^不]*搜索范围内/);
    expect(await text('依申清公开')).toContain('依申请公开');
    expect(await text('binhu')).toContain('滨湖区');
    // A place name one character off, even where no pair of the term is right (宾湖 → 滨湖区).
    expect(await text('宾湖')).toContain('滨湖区');
  });

  it('works under a sub-path (BASE_PATH=/nianbao/)', async () => {
    const sub = await serve(inject('sites').samples.distSub, '/nianbao/');
    try {
      await page.goto(`${sub.url}search/?q=${encodeURIComponent('复议')}`);
      await page.waitForSelector('#search-status[data-state="done"]', { timeout: 20_000 });
      const links = await page.$$eval('#results li > a', (as) =>
        as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
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
      focused = await page.evaluate(() =>
        document.activeElement?.closest('#results')
          ? new URL((document.activeElement as HTMLAnchorElement).href).pathname
          : '',
      );
    }
    expect(focused).toMatch(/^\/(reports|agencies|regions|years|kinds)\//);
  });
});

/**
 * Reports in traditional script and a phrase of each in that script: the first run of 8 to 12
 * CJK characters of section 一 that folds to other characters. (The titles are given in
 * simplified script, so the text is where a report's own script shows.)
 */
async function traditionalPhrases(n: number): Promise<Array<{ report_id: string; phrase: string }>> {
  const rows = await query<{ report_id: string; text: string }>(
    `SELECT report_id, text FROM ${parquetOf(data, 'sections')} WHERE section = 1 AND regexp_matches(text, '[開報關處會區]') ORDER BY report_id LIMIT ${n * 4}`,
  );
  const out: Array<{ report_id: string; phrase: string }> = [];
  for (const r of rows) {
    const phrase = (r.text.match(/[\u4e00-\u9fff]{8,}/g) ?? [])
      .map((run) => run.slice(0, 12))
      .find((run) => toSimplified(run) !== run);
    if (phrase && out.length < n) out.push({ report_id: r.report_id, phrase });
  }
  expect(out.length, 'the test site has reports in traditional script').toBe(n);
  return out;
}
