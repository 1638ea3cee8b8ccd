import { regionCodes } from '../src/lib/region/ladder.ts';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CSP } from '../src/lib/site/csp.ts';
import { EDITED_BEFORE, EDITED_FILE, HOSTILE_FILE, HOSTILE_TITLE } from './global-setup.ts';
import { manifestEntries, readManifestHeader } from '../src/lib/write/manifest.ts';
import { launch, serve } from './browser.ts';
import { reportIndex } from './published.ts';

/**
 * Quality gates on the built synthetic site (120 reports, the samples and one hostile file):
 * links and anchors, size budgets, inert hostile text, the Content-Security-Policy,
 * accessibility (axe-core, WCAG 2.2 AA), keyboard, narrow screens, and end-to-end flows.
 */

const { dist } = inject('sites').synthetic;
const htmlFiles = readdirSync(dist, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));
const doc = (f: string) => parseHTML(readFileSync(join(dist, f), 'utf8')).document;
const reportIds = readdirSync(join(dist, 'reports')).filter((e) => /^[0-9a-f]{16}$/.test(e));
const manifestOf = async (data: string) => {
  const out = [];
  for await (const e of manifestEntries(data, readManifestHeader(data))) out.push(e);
  return out;
};
const hostileId = reportIndex(dist).reports.find((r) => r.title === HOSTILE_TITLE)!.report_id;

describe('static checks of every built page', () => {
  it('has no broken internal link or anchor', () => {
    const ids = new Map<string, Set<string>>();
    const idsOf = (f: string) => {
      let s = ids.get(f);
      if (!s) ids.set(f, (s = new Set([...doc(f).querySelectorAll('[id]')].map((e) => e.getAttribute('id')!))));
      return s;
    };
    let checked = 0;
    for (const f of htmlFiles) {
      for (const el of doc(f).querySelectorAll('a[href], link[href], script[src], img[src]')) {
        const raw = el.getAttribute('href') ?? el.getAttribute('src')!;
        if (/^(https?:|mailto:)/.test(raw)) continue;
        const url = new URL(raw, `http://site/${f}`);
        const path = decodeURIComponent(url.pathname).slice(1);
        const target = path === '' || path.endsWith('/') ? `${path}index.html` : path;
        expect(existsSync(join(dist, target)), `${f} → ${raw}`).toBe(true);
        if (url.hash && target.endsWith('.html'))
          expect(idsOf(target).has(decodeURIComponent(url.hash.slice(1))), `${f} → ${raw}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('keeps pages within budget: report HTML < 60 KB besides its source view, < 60 KB gzipped with it; page weight without search < 150 KB', () => {
    const sizes = htmlFiles.map((f) => ({ f, bytes: statSync(join(dist, f)).size }));
    const assets = (f: string) =>
      [...doc(f).querySelectorAll('link[rel="stylesheet"][href], script[src]')].reduce(
        (n, el) =>
          n +
          statSync(
            join(
              dist,
              decodeURIComponent(
                new URL(el.getAttribute('href') ?? el.getAttribute('src')!, `http://site/${f}`).pathname,
              ),
            ),
          ).size,
        0,
      );
    const largest = [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, 8);
    console.log(`largest pages:\n${largest.map((s) => `  ${(s.bytes / 1024).toFixed(1)} KB  ${s.f}`).join('\n')}`);
    for (const id of reportIds) {
      const f = `reports/${id}/index.html`;
      // The source view (the #source section) grows with the source file, bounded by site/cap.ts;
      // the rest of the page is held to the old budget, and the whole page to one when compressed.
      const html = readFileSync(join(dist, f));
      const at = html.indexOf('<section id="source"');
      expect(at, f).toBeGreaterThan(0);
      const end = html.indexOf('</section>', at) + '</section>'.length;
      const bytes = html.length - (end - at);
      expect(bytes, f).toBeLessThan(60 * 1024);
      expect(bytes + assets(f), `${f} with CSS and JS`).toBeLessThan(150 * 1024);
      expect(gzipSync(html).length, `${f} gzipped`).toBeLessThan(60 * 1024);
      // Each source line costs little besides its text: <span id="L12">…</span>, its number a CSS counter.
      const source = html.subarray(at, end).toString('utf8');
      const lines = (source.match(/<span id="L\d+"/g) ?? []).length;
      expect(lines, f).toBeGreaterThan(0);
      expect(
        [...source.matchAll(/<span id="L(\d+)">/g)].map((m) => Number(m[1])),
        `${f}: lines 1…n`,
      ).toEqual(Array.from({ length: lines }, (_, i) => i + 1));
      expect(source, `${f}: no link per line`).not.toMatch(/<a href="#L\d/);
    }
    for (const f of htmlFiles.filter((x) => !x.startsWith('reports/') && !x.startsWith('search/')))
      expect(statSync(join(dist, f)).size + assets(f), f).toBeLessThan(150 * 1024);
  });

  it('every page carries the Content-Security-Policy, and no inline script or event handler', () => {
    for (const f of htmlFiles) {
      const d = doc(f);
      expect(d.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'), f).toBe(CSP);
      // A data block (the data page's JSON-LD) is no script: browsers never run it.
      for (const s of d.querySelectorAll('script'))
        if (s.getAttribute('type') !== 'application/ld+json')
          expect(s.getAttribute('src'), `${f}: inline <script>`).toBeTruthy();
        else expect(() => JSON.parse(s.textContent ?? '') as unknown, `${f}: JSON-LD`).not.toThrow();
      for (const el of d.querySelectorAll('*')) {
        for (const a of el.getAttributeNames())
          expect(a.startsWith('on'), `${f}: <${el.tagName.toLowerCase()} ${a}>`).toBe(false);
        const href = el.getAttribute('href') ?? '';
        expect(/^\s*javascript:/i.test(href), `${f}: javascript: link`).toBe(false);
      }
    }
  });

  it('renders a hostile report as inert text on its page, its source view and its JSON', () => {
    const page = doc(`reports/${hostileId}/index.html`);
    // The page as a whole, and its source view (the #source section) on its own.
    for (const [f, d] of [
      ['page', page.documentElement],
      ['source view', page.querySelector('section#source')!],
    ] as const) {
      expect(d.textContent, f).toContain('<script>alert(1)</script>');
      expect(d.textContent, f).toContain('<img src=x onerror=alert(2)>');
      expect(d.querySelectorAll('iframe, img, object, embed'), f).toHaveLength(0);
      expect(
        [...d.querySelectorAll('script')].every((s) => s.getAttribute('src')?.includes('/_astro/')),
        f,
      ).toBe(true);
    }
    expect(doc(`reports/${hostileId}/index.html`).body.textContent).toContain(HOSTILE_FILE);
    const json = JSON.parse(readFileSync(join(dist, `reports/${hostileId}.json`), 'utf8')) as {
      report: { title: string; source_file: string };
    };
    expect(json.report.title).toBe(HOSTILE_TITLE);
    expect(json.report.source_file).toBe(`hostile/${HOSTILE_FILE}`);
  });

  it('writes nothing outside the output directory: file names become report ids', () => {
    for (const e of readdirSync(join(dist, 'reports')))
      expect(e, 'only ids, id.json, index files, pages and the moved reports').toMatch(
        /^([0-9a-f]{16}(\.json)?|index\.(html|json|jsonl)|index|page|moved)$/,
      );
    // The moved reports' lookup files: two hex digits each.
    for (const e of readdirSync(join(dist, 'reports', 'moved'))) expect(e).toMatch(/^[0-9a-f]{2}\.json$/);
  });
});

describe('in a real browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;
  const violations: string[] = [];
  const dialogs: string[] = [];
  const agency = readdirSync(join(dist, 'agencies'))[0]!;
  const county = readdirSync(join(dist, 'regions')).find((c) => /^\d{4}(?!00)\d{2}$/.test(c))!;
  const pageTypes: Array<[string, string]> = [
    ['overview', ''],
    ['report list', 'reports/'],
    ['report', `reports/${reportIds[0]}/`],
    ['agency', `agencies/${agency}/`],
    ['region index', 'regions/'],
    ['unplaced', 'regions/unplaced/'],
    ['province', `regions/${county.slice(0, 2)}0000/`],
    ['county', `regions/${county}/`],
    ['year', 'years/2020/'],
    ['kind', `kinds/${encodeURIComponent(readdirSync(join(dist, 'kinds'))[0]!)}/`],
    ['quality', 'quality/'],
    ['data', 'data/'],
    ['dictionary', 'data/dictionary/'],
    ['about', 'about/'],
    ['search', 'search/?q=复议'],
    ['404', 'no/such/page/'],
  ];

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext();
    page = await context.newPage();
    page.on(
      'console',
      (m) => m.text().includes('Content Security Policy') && violations.push(`${page.url()}: ${m.text()}`),
    );
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    server = await serve(dist);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (path: string) => {
    const r = await page.goto(server.url + path);
    if (path.startsWith('search/'))
      await page.waitForSelector('#search-status[data-state="done"]', { timeout: 20_000 });
    return r;
  };

  it('every page type loads without a CSP violation or a script error', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    for (const [, path] of pageTypes) await open(path);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('axe-core finds no WCAG 2.2 AA violation on any page type', async () => {
    // axe is injected into a context that ignores the page's CSP (it is test code, not the site's).
    const axeContext = await browser.newContext({ bypassCSP: true });
    const p = await axeContext.newPage();
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const found: string[] = [];
    for (const [name, path] of pageTypes) {
      await p.goto(server.url + path);
      if (path.startsWith('search/')) await p.waitForSelector('#search-status[data-state="done"]', { timeout: 20_000 });
      await p.addScriptTag({ path: axePath });
      const result = (await p.evaluate(() =>
        (window as unknown as { axe: { run(o: object): Promise<unknown> } }).axe.run({
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        }),
      )) as { violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> };
      for (const v of result.violations)
        found.push(
          `${name} (${path}): ${v.id} — ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
        );
    }
    await axeContext.close();
    expect(found).toEqual([]);
  });

  it('at 360 px and at 200 % zoom nothing but tables and charts scrolls sideways', async () => {
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 640, height: 400 },
    ]) {
      // 640 px wide at 200 % zoom is the layout of a 1280 px window zoomed to 200 %.
      await page.setViewportSize(viewport);
      for (const [name, path] of pageTypes) {
        await open(path);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${name} at ${viewport.width}px`).toBeLessThanOrEqual(1);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('at 390 px every chart fits the screen: no chart is cut off or scrolls', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const clipped: string[] = [];
    let charts = 0;
    for (const [name, path] of pageTypes) {
      await open(path);
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll('figure svg')]
          .filter((svg) => (svg as SVGElement).getBoundingClientRect().width > 0)
          .map((svg) => {
            const r = svg.getBoundingClientRect();
            const fig = svg.closest('figure')!;
            return {
              left: r.left,
              right: r.right,
              scroll: fig.scrollWidth - fig.clientWidth,
              vw: document.documentElement.clientWidth,
            };
          }),
      );
      charts += boxes.length;
      for (const b of boxes)
        if (b.left < 0 || b.right > b.vw + 1 || b.scroll > 1) clipped.push(`${name} (${path}): ${JSON.stringify(b)}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(charts).toBeGreaterThan(0);
    expect(clipped).toEqual([]);
  });

  // A report with all three forms: section 二 (narrow tables), 三 and 四 (wide ones).
  const formsReport = () =>
    reportIds.find((id) => {
      const html = readFileSync(join(dist, 'reports', id, 'index.html'), 'utf8');
      return ['active', 'requests', 'review'].every((t) => html.includes(`data-table="${t}"`));
    })!;

  it('at 390 px the wide forms keep their row labels (and the group headers of 四) in view when scrolled sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(`reports/${formsReport()}/`);
    const result = await page.evaluate(async () => {
      const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const out: Record<string, unknown> = {};
      for (const [name, sel] of [
        ['requests', 'table[data-table="requests"] td'],
        ['review', 'table[data-table="review"] td'],
      ] as const) {
        const scroll = document.querySelector(sel)!.closest<HTMLElement>('.scroll')!;
        const box = scroll.getBoundingClientRect();
        const bad: string[] = [];
        const steps = 12;
        for (let i = 1; i <= steps; i++) {
          scroll.scrollLeft = ((scroll.scrollWidth - scroll.clientWidth) * i) / steps;
          await frame();
          const at = `scrollLeft ${scroll.scrollLeft}`;
          // Every row's label cells: inside the visible part, side by side, the first at the left edge.
          for (const tr of scroll.querySelectorAll('tbody tr')) {
            const labels = [...tr.querySelectorAll('th')].map((th) => th.getBoundingClientRect());
            for (const r of labels)
              if (r.left < box.left - 1 || r.right > box.right + 1) bad.push(`${at}: label out of view ${r.left}`);
            for (let j = 1; j < labels.length; j++)
              if (labels[j]!.left < labels[j - 1]!.right - 1) bad.push(`${at}: labels overlap`);
          }
          const firsts = [...scroll.querySelectorAll('tbody th')].map((th) => th.getBoundingClientRect().left);
          if (firsts.length && Math.abs(Math.min(...firsts) - box.left) > 1)
            bad.push(`${at}: stub not at the left edge (${Math.min(...firsts)} vs ${box.left})`);
          // A header spanning value columns keeps its text in view while enough of it is.
          for (const th of scroll.querySelectorAll('thead th')) {
            const cell = th.getBoundingClientRect();
            const text = (th.querySelector('span') ?? th).getBoundingClientRect();
            const textWidth = th.querySelector('span') ? text.width : 0;
            const stub = Math.max(
              box.left,
              ...[...scroll.querySelectorAll('thead .stub')].map((s) => s.getBoundingClientRect().right),
            );
            const visible = Math.min(cell.right, box.right) - Math.max(cell.left, stub);
            if (
              (th.getAttribute('colspan') ?? '1') !== '1' &&
              !th.classList.contains('stub') &&
              visible > textWidth + 16
            )
              if (!th.querySelector('span') || text.left < stub - 1 || text.right > box.right + 1)
                bad.push(`${at}: header ${th.textContent} out of view`);
          }
        }
        out[name] = {
          overflow: scroll.scrollWidth - scroll.clientWidth,
          labels: scroll.querySelectorAll('tbody th').length,
          bad,
        };
      }
      return out;
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    const requests = result.requests as { overflow: number; labels: number; bad: string[] };
    const review = result.review as { overflow: number; labels: number; bad: string[] };
    // Both forms are wider than a phone; section 三 has row labels, section 四 (as on the official form) none.
    expect(requests.overflow).toBeGreaterThan(50);
    expect(review.overflow).toBeGreaterThan(50);
    expect(requests.labels).toBeGreaterThan(20);
    expect(requests.bad).toEqual([]);
    expect(review.bad).toEqual([]);
  });

  it('the "scroll sideways" hint shows only on a form that overflows, also after a resize; without JavaScript it is hidden', async () => {
    const hints = () =>
      page.$$eval('.scroll-hint + .scroll', (scrolls) =>
        scrolls.map((s) => ({
          overflows: s.scrollWidth - s.clientWidth > 1,
          shown: getComputedStyle(s.previousElementSibling!).display !== 'none',
        })),
      );
    const path = `reports/${formsReport()}/`;
    await page.setViewportSize({ width: 390, height: 844 });
    await open(path);
    const narrow = await hints();
    expect(narrow.some((h) => h.overflows)).toBe(true);
    expect(narrow.some((h) => !h.overflows)).toBe(true);
    for (const h of narrow) expect(h.shown).toBe(h.overflows);
    // Wider: the same page's forms fit, and the hints go.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement>('.scroll-hint')].every((h) => h.hidden),
    );
    const wide = await hints();
    expect(wide.every((h) => !h.overflows && !h.shown)).toBe(true);
    // Without JavaScript nothing can tell whether a form overflows: there is no hint (the CSS scroll shadows still show it).
    expect(doc(`${path}index.html`).querySelectorAll('.scroll-hint')).toHaveLength(0);
  });

  it('the reason of a cell with no number shows below its table when the cell is focused or tapped, not only on hover (t91)', async () => {
    const id = reportIds.find((r) => doc(`reports/${r}/index.html`).querySelector('table.form td[tabindex][title]'));
    expect(id).toBeDefined();
    await page.setViewportSize({ width: 390, height: 844 });
    await open(`reports/${id}/`);
    const below = (i: number) =>
      page
        .locator('table.form td[tabindex][title]')
        .nth(i)
        .evaluate((td) => {
          const line = td.closest('.scroll')!.nextElementSibling as HTMLElement | null;
          return {
            title: td.getAttribute('title'),
            text: line?.classList.contains('cell-why') ? line.textContent : null,
            shown: line !== null && getComputedStyle(line).display !== 'none',
          };
        });
    expect((await below(0)).shown).toBe(false);
    await page.locator('table.form td[tabindex][title]').first().focus();
    const focused = await below(0);
    expect(focused.shown).toBe(true);
    expect(focused.text).toBe(focused.title);
    const count = await page.locator('table.form td[tabindex][title]').count();
    if (count > 1) {
      await page
        .locator('table.form td[tabindex][title]')
        .nth(count - 1)
        .click();
      const tapped = await below(count - 1);
      expect(tapped.shown).toBe(true);
      expect(tapped.text).toBe(tapped.title);
    }
  });

  it('at 390 px the source view never wraps a line inside a number; Chinese text still wraps', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    let runsOnWrappedLines = 0;
    const broken: string[] = [];
    let wrappedChinese = 0;
    for (const id of reportIds) {
      // The line a number links to, highlighted, as a reader arrives at it.
      const html = readFileSync(join(dist, 'reports', id, 'index.html'), 'utf8');
      const line = /<td><a href="[^"#]*#(L\d+)"/.exec(html)?.[1] ?? 'L1';
      await open(`reports/${id}/#${line}`);
      const r = await page.evaluate(() => {
        const out = { runs: 0, broken: [] as string[], chinese: 0 };
        for (const l of document.querySelectorAll<HTMLElement>("pre.source > span[id^='L']")) {
          // Only lines that wrap (their text takes more than one line box).
          const range = document.createRange();
          range.selectNodeContents(l);
          if (new Set([...range.getClientRects()].map((x) => Math.round(x.top))).size < 2) continue;
          if (/[\u4e00-\u9fff]{20}/.test(l.textContent)) out.chinese++;
          const walker = document.createTreeWalker(l, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (n.parentElement!.closest('pre.source > span > a:first-child')) continue;
            for (const m of n.textContent!.matchAll(/[0-9０-９]+(?:[.,，．][0-9０-９]+)*/g)) {
              if (m[0].length < 2 || m[0].length > 20) continue;
              const run = document.createRange();
              run.setStart(n, m.index);
              run.setEnd(n, m.index + m[0].length);
              out.runs++;
              if (new Set([...run.getClientRects()].map((x) => Math.round(x.top))).size > 1)
                out.broken.push(`${l.id}: ${m[0]}`);
            }
          }
        }
        return out;
      });
      runsOnWrappedLines += r.runs;
      wrappedChinese += r.chinese;
      broken.push(...r.broken.map((b) => `${id} ${b}`));
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(runsOnWrappedLines).toBeGreaterThan(100);
    expect(wrappedChinese).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });

  it('keyboard: skip link first, visible focus on links and controls', async () => {
    await open(`reports/${reportIds[0]}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement!);
        return `${s.outlineStyle} ${s.outlineWidth}`;
      });
      expect(outline, await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))).not.toMatch(
        /^none|\s0px$/,
      );
    }
  });

  it('end to end: overview → province → county → agency → report → a number → its source line', async () => {
    // From a report with a region, walk down from the top the way a reader would.
    const index = reportIndex(dist);
    // A report with a number in section 三, whose agency sits at county level.
    const hasRequestNumber = (id: string) =>
      doc(`reports/${id}/index.html`).querySelector('table[data-table="requests"] td > a') !== null;
    const target = index.reports.find(
      (r) =>
        r.agency && regionCodes(r.region_code).length === 3 && r.status === 'complete' && hasRequestNumber(r.report_id),
    )!;
    await open('');
    await page.click('header nav a:has-text("地区")');
    await page.click(`a[href="/regions/${target.region_code!.slice(0, 2)}0000/"]`);
    expect(page.url()).toContain(`/regions/${target.region_code!.slice(0, 2)}0000/`);
    await page.click(`a[href="/regions/${regionCodes(target.region_code)[1]}/"]`);
    await page.click(`a[href="/regions/${target.region_code}/"]`);
    await page.click(`table.sortable a[href^="/agencies/"]:text-is("${target.agency}")`);
    expect(page.url()).toContain('/agencies/');
    await page.click(`main table a[href="/reports/${target.report_id}/"]`);
    expect(page.url()).toMatch(/\/reports\/[0-9a-f]{16}\/$/);
    const number = page.locator('table[data-table="requests"] td a').first();
    const text = (await number.textContent())!.replace(/,/g, '');
    await number.click();
    // The source view is the report page's #source section: the number leads to a line of it.
    expect(new URL(page.url()).pathname).toBe(`/reports/${target.report_id}/`);
    const hash = new URL(page.url()).hash;
    expect(hash).toMatch(/^#L\d+$/);
    const line = page.locator(`section#source [id="${hash.slice(1)}"]`);
    expect(await line.textContent()).toContain(text);
    // The :target rule highlights the line.
    expect(await line.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('end to end: search with a filter, then download a dataset and verify it against SHA256SUMS', async () => {
    await open('');
    await page.fill('#site-q', '复议');
    await page.press('#site-q', 'Enter');
    await page.waitForSelector('#search-status[data-state="done"]');
    await page.click('#filter-panel summary');
    await page.selectOption('select[name="type"]', '报告');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === '报告');
    await page.waitForSelector('#search-status[data-state="done"]');
    expect(
      await page.$$eval('#results li a', (as) =>
        as.every((a) => new URL((a as HTMLAnchorElement).href).pathname.startsWith('/reports/')),
      ),
    ).toBe(true);
    await open('data/');
    const sums = Object.fromEntries(
      (await (await fetch(`${server.url}data/SHA256SUMS`)).text())
        .trim()
        .split('\n')
        .map((l) => [l.slice(66), l.slice(0, 64)]),
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href="/data/summary.csv"]')]);
    const bytes = readFileSync(await download.path());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sums['summary.csv']);
    // A .csv.gz arrives as the gzip file SHA256SUMS lists, not unpacked on the way.
    const part = 'cells/cells-00001.csv.gz';
    const [gz] = await Promise.all([page.waitForEvent('download'), page.click(`a[href="/data/${part}"]`)]);
    const gzBytes = readFileSync(await gz.path());
    expect(createHash('sha256').update(gzBytes).digest('hex')).toBe(sums[part]);
    expect([...gzBytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
  });

  it('the 404 page answers unknown addresses with a way back', async () => {
    const r = await open('reports/0000000000000000/');
    expect(r!.status()).toBe(404);
    expect(await page.textContent('h1')).toContain('找不到');
    expect(await page.$('a[href="/search/"]')).not.toBeNull();
  });

  it('old addresses of the source view and the per-report CSV lead to the report page and the JSON (404 page script)', async () => {
    const id = reportIds[0]!;
    // A host that does not read `_redirects` (object storage): the 404 page's script redirects.
    const server = await serve(dist, '/', false);
    const open = (path: string) => page.goto(server.url + path);
    try {
      await page.goto(`${server.url}reports/${id}/source/#L3`);
      await page.waitForURL(`${server.url}reports/${id}/#L3`);
      const line = page.locator('section#source [id="L3"]');
      await line.waitFor();
      expect(await line.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
      await page.goto(`${server.url}reports/${id}.csv`);
      await page.waitForURL(`${server.url}reports/${id}.json`);
      expect(
        (JSON.parse((await page.textContent('body'))!) as { report: { report_id: string } }).report.report_id,
      ).toBe(id);
      // A dataset now in parts: its old address leads to its section of the data page.
      await page.goto(`${server.url}data/cells.csv`);
      await page.waitForURL(`${server.url}data/#cells`);
      await page.goto(`${server.url}data/nianbao.duckdb`);
      await page.waitForURL(`${server.url}data/#duckdb`);
      // A plain CSV part of before (the table is gzip-compressed now, its parts hold other rows).
      await page.goto(`${server.url}data/cells/cells-00001.csv`);
      await page.waitForURL(`${server.url}data/#cells`);
      // Anything else stays on the 404 page.
      await open('reports/0000000000000000/source/x');
      expect(new URL(page.url()).pathname).toBe('/reports/0000000000000000/source/x');
    } finally {
      await server.close();
    }
  });

  it("an edited report's old addresses lead to the report its file holds now (_redirects, the preview server, the 404 page's script)", async () => {
    const oldId = createHash('sha256').update(EDITED_BEFORE).digest('hex').slice(0, 16);
    const newId = reportIndex(dist).reports.find(
      (r) => r.title === '淮安市更正测试局2020年政府信息公开工作年度报告',
    )!.report_id;
    expect(newId).not.toBe(oldId);
    expect(existsSync(join(dist, 'reports', oldId))).toBe(false);
    const entry = (await manifestOf(inject('sites').synthetic.data)).find((e) => e.path === EDITED_FILE)!;
    expect(entry.report_id).toBe(newId);
    expect(entry.replaces).toEqual([oldId]);
    const rules = readFileSync(join(dist, '_redirects'), 'utf8').split('\n');
    expect(rules).toContain(`/reports/${oldId}/ /reports/${newId}/ 301`);
    expect(rules).toContain(`/reports/${oldId}.json /reports/${newId}.json 301`);
    // The preview server answers 301 as a static host with `_redirects` would.
    const r = await open(`reports/${oldId}/#requests`);
    expect(r!.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(`/reports/${newId}/`);
    // A host without `_redirects` (object storage): the 404 page's script, fragment and all.
    const server = await serve(dist, '/', false);
    try {
      await page.goto(`${server.url}reports/${oldId}/#requests`);
      await page.waitForURL(`${server.url}reports/${newId}/#requests`);
      await page.goto(`${server.url}reports/${oldId}.json`);
      await page.waitForURL(`${server.url}reports/${newId}.json`);
      // Another id of the same lookup file stays on the 404 page.
      const other = `${oldId.slice(0, 2)}${'0'.repeat(14)}`;
      await page.goto(`${server.url}reports/${other}/`);
      await page.waitForLoadState('networkidle');
      expect(new URL(page.url()).pathname).toBe(`/reports/${other}/`);
    } finally {
      await server.close();
    }
  });

  it('hostile text stays inert in the browser, also in search excerpts', async () => {
    await open(`reports/${hostileId}/`);
    await open(`reports/${hostileId}/#source`);
    await open('search/?q=onerror');
    expect(await page.$$eval('#results li', (l) => l.length)).toBeGreaterThan(0);
    expect(await page.$$('#results img, #results script, #results iframe')).toHaveLength(0);
    expect(dialogs).toEqual([]);
  });
});
