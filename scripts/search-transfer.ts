/**
 * npx tsx scripts/search-transfer.ts --dist DIR [--data DIR] [QUERY …]
 * What headless Chromium downloads for one search on a fresh page, as served by scripts/serve.ts:
 * bytes until the first results are shown (the search page, its CSS/JS and the index files), and
 * in all once the background check of the remaining candidates (exact counts) has finished.
 * With --data, also a name found only in older years (issue 15: the costly case at scale).
 * Used by `npm run bench`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.ts';
import { parquetFrom, readLayout } from '../src/lib/write/layout.ts';

export interface Transfer {
  q: string;
  /** Bytes until the first results (or the no-result message) are shown. */
  first: number;
  /** Of which search files (pagefind/: index and records). */
  firstIndex: number;
  /** Bytes once the background check has finished. */
  total: number;
  files: number;
  results: number;
  /** Index shards the query fetched files of. */
  shards: number;
}

export async function searchTransfer(dist: string, queries: string[]): Promise<Transfer[]> {
  if (!existsSync(CHROMIUM)) return [];
  const { serveStatic } = await import('./serve.ts');
  const { chromium } = await import('playwright-core');
  const { server, url } = await serveStatic(dist, '/');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
  });
  const out: Transfer[] = [];
  try {
    for (const q of queries) {
      const page = await browser.newPage();
      // The files that had arrived when the page first said it was done (before the background check).
      await page.addInitScript(() => {
        const w = window as unknown as { firstFiles?: string[] };
        new MutationObserver(() => {
          const s = document.getElementById('search-status');
          if (!w.firstFiles && s?.dataset.state === 'done')
            w.firstFiles = [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)];
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
      });
      const got: Array<{ url: string; size: number }> = [];
      page.on('requestfinished', (r) => {
        void r.sizes().then((s) => got.push({ url: r.url(), size: s.responseBodySize }));
      });
      await page.goto(`${url}search/?q=${encodeURIComponent(q)}`);
      await page.waitForSelector('#search-status[data-state="done"]', { timeout: 300_000 });
      const firstFiles = new Set(
        await page.evaluate(() => (window as unknown as { firstFiles?: string[] }).firstFiles ?? []),
      );
      await page.waitForFunction(() => !document.querySelector('#search-status')?.hasAttribute('data-checking'), null, {
        timeout: 300_000,
      });
      await page.waitForTimeout(500);
      const early = got.filter((r) => firstFiles.has(r.url));
      const first = early.reduce((n, r) => n + r.size, 0);
      const firstIndex = early.filter((r) => r.url.includes('/pagefind/')).reduce((n, r) => n + r.size, 0);
      out.push({
        q,
        first,
        firstIndex,
        total: got.reduce((n, r) => n + r.size, 0),
        files: got.length,
        results: await page.$$eval('#results li', (l) => l.length),
        shards: new Set(got.map((r) => /\/pagefind\/(s\d+)\//.exec(r.url)?.[1]).filter(Boolean)).size,
      });
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

/**
 * Queries the bench measures: a common phrase, an agency's name, and — with the datasets — the
 * name of an agency whose reports are all from years outside the newest shard.
 */
export async function benchQueries(dist: string, data?: string): Promise<string[]> {
  const agency =
    /<h1>([^<]+)<\/h1>/.exec(
      readFileSync(join(dist, 'agencies', readdirSync(join(dist, 'agencies'))[0]!, 'index.html'), 'utf8'),
    )?.[1] ?? '人民政府';
  const out = ['行政复议', agency];
  if (data && existsSync(join(data, 'datapackage.json'))) {
    const reports = parquetFrom(data, readLayout(data), 'reports');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      const rows = (
        await conn.runAndReadAll(
          `SELECT agency FROM ${reports} WHERE agency IS NOT NULL GROUP BY agency
           HAVING max(year) <= (SELECT max(year) - 3 FROM ${reports})
           ORDER BY count(*), agency LIMIT 1`,
        )
      ).getRowObjectsJS() as Array<{ agency: string }>;
      if (rows[0]) out.push(rows[0].agency);
    } finally {
      conn.closeSync();
    }
  }
  return out;
}

export function describeTransfer(t: Transfer): string {
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
  return `“${t.q}”: first results after ${kb(t.first)} (index ${kb(t.firstIndex)}, ${t.shards} shard${t.shards === 1 ? '' : 's'}), ${kb(t.total)} with the background check, ${t.results} results shown`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const opt = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const dist = opt('--dist') ?? 'dist';
  const data = opt('--data');
  const rest = argv.filter((a, i) => !a.startsWith('--') && !['--dist', '--data'].includes(argv[i - 1] ?? ''));
  const queries = rest.length ? rest : await benchQueries(dist, data);
  for (const t of await searchTransfer(dist, queries)) console.log(describeTransfer(t));
}
