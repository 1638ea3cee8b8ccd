import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkTree, ShardCache, ShardKey } from '../src/lib/search/shard-cache.ts';
import { listFiles } from '../src/lib/site/merge.ts';

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-shard-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const key = (lines: string[], code = 'c', group = 16) => {
  const k = new ShardKey(code, group);
  for (const l of lines) k.add(l);
  return k.digest();
};

describe('the cache of built search shards', () => {
  it('a key is its records in order, the group size and the code', () => {
    expect(key(['a', 'b'])).toBe(key(['a', 'b']));
    expect(key(['a', 'b'])).not.toBe(key(['b', 'a']));
    expect(key(['ab'])).not.toBe(key(['a', 'b']));
    expect(key(['a'], 'c', 16)).not.toBe(key(['a'], 'c', 8));
    expect(key(['a'], 'c')).not.toBe(key(['a'], 'd'));
  });

  it('stores a shard by linking its files, restores it, and prunes what a build did not use', () => {
    const built = join(tmp, 'built');
    mkdirSync(join(built, 'g'), { recursive: true });
    mkdirSync(join(built, 'r'), { recursive: true });
    writeFileSync(join(built, 'pages.nbg'), 'header');
    writeFileSync(join(built, 'g', '0.nbg'), 'bucket');
    const dir = join(tmp, 'cache');
    const first = new ShardCache(dir);
    first.store('k1', built, { grams: ['ab'], folded: [], places: [{ name: '滨湖区', url: '/regions/320211/' }] });
    first.store('k2', built, { grams: [], folded: [], places: [] });
    first.prune();
    expect(statSync(join(dir, 'k1', 'files', 'pages.nbg')).ino).toBe(statSync(join(built, 'pages.nbg')).ino);

    const second = new ShardCache(dir);
    expect(second.restore('k3', join(tmp, 'none'))).toBe(false);
    expect(existsSync(join(tmp, 'none'))).toBe(false);
    expect(second.restore('k1', join(tmp, 'out'))).toBe(true);
    expect(readFileSync(join(tmp, 'out', 'g', '0.nbg'), 'utf8')).toBe('bucket');
    // Empty folders come back too: the files are those of a build.
    expect(existsSync(join(tmp, 'out', 'r'))).toBe(true);
    expect(second.summary('k1').places).toEqual([{ name: '滨湖区', url: '/regions/320211/' }]);
    second.prune();
    expect(second.has('k1')).toBe(true);
    expect(second.has('k2')).toBe(false);
  });

  it('linkTree links every file under a folder', () => {
    const from = join(tmp, 'tree');
    mkdirSync(join(from, 'a', 'b'), { recursive: true });
    writeFileSync(join(from, 'a', 'b', 'f'), 'x');
    expect(linkTree(from, join(tmp, 'tree2'))).toBe(1);
    expect(statSync(join(tmp, 'tree2', 'a', 'b', 'f')).nlink).toBe(2);
  });
});

/** A built site of report pages (by year) and region pages, as search-index.ts reads them. */
function site(dir: string, reports: Array<{ id: string; year: number }>): void {
  const page = (body: string) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>页</title></head><body><main>${body}</main></body></html>`;
  for (const r of reports) {
    mkdirSync(join(dir, 'reports', r.id), { recursive: true });
    writeFileSync(
      join(dir, 'reports', r.id, 'index.html'),
      page(
        `<article data-pagefind-body><span data-pagefind-filter="类型:报告"></span><span data-pagefind-filter="年度:${r.year}" data-pagefind-sort="year:${r.year}"></span><h1>机关${r.id}${r.year}年政府信息公开工作年度报告</h1><p>依申请公开 行政复议 ${r.id} 第${r.year % 7}项</p></article>`,
      ),
    );
  }
  for (const [code, name] of [
    ['320211', '滨湖区'],
    ['320000', '江苏省'],
  ]) {
    mkdirSync(join(dir, 'regions', code!), { recursive: true });
    writeFileSync(
      join(dir, 'regions', code!, 'index.html'),
      page(
        `<div data-pagefind-body><span data-pagefind-filter="类型:地区"></span><h1>${name}</h1><p>${reports.length} 份报告</p></div>`,
      ),
    );
  }
}

function index(dist: string, cache?: string, threads = 1): string {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/search-index.ts',
      '--dist',
      dist,
      '--shard-pages',
      '12',
      '--threads',
      String(threads),
      ...(cache ? ['--cache', cache] : []),
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`search-index failed (exit ${r.status})\n${r.stderr}`);
  return r.stdout;
}

/** Files of two indexes that are not the same bytes (or only in one). */
function differences(a: string, b: string): string[] {
  const [fa, fb] = [listFiles(a), listFiles(b)];
  const inB = new Set(fb);
  return [
    ...fa.filter((f) => !inB.has(f) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f)))),
    ...fb.filter((f) => !fa.includes(f)),
  ];
}

describe('an incremental search index keeps the shards whose records did not change', () => {
  it('reports added to the newest year: the other years\u2019 shards are kept, and the index is that of a clean build', () => {
    const years = [2019, 2020, 2021, 2022];
    const earlier = years.flatMap((year) =>
      Array.from({ length: 10 }, (_, i) => ({ id: `${year}r${String(i).padStart(2, '0')}`, year })),
    );
    const later = [...earlier, ...Array.from({ length: 4 }, (_, i) => ({ id: `2022n${i}`, year: 2022 }))];
    const cache = join(tmp, 'index-cache');
    const [a, b, cleanB] = [join(tmp, 'a'), join(tmp, 'b'), join(tmp, 'clean-b')];
    site(a, earlier);
    site(b, later);
    site(cleanB, later);
    const first = index(a, cache);
    expect(first).toMatch(/search-index: \d+ shards \(\d+ built, 0 kept\)/);
    index(cleanB);
    // On two worker threads: the shards built there are kept in the cache by the main thread.
    const update = index(b, cache, 2);
    const [, shards, builtN, keptN] = /search-index: (\d+) shards \((\d+) built, (\d+) kept\)/
      .exec(update)!
      .map(Number);
    expect(shards).toBeGreaterThanOrEqual(4);
    // 2022 (newest) and the directory pages (their text changed: the count of reports) again; 2019–2021 kept.
    expect(keptN).toBeGreaterThanOrEqual(2);
    expect(builtN! + keptN!).toBe(shards);
    expect(differences(join(b, 'pagefind'), join(cleanB, 'pagefind'))).toEqual([]);
    // The same again, now from a cache that holds every shard: all kept, the same bytes.
    const again = join(tmp, 'b-again');
    cpSync(b, again, { recursive: true });
    rmSync(join(again, 'pagefind'), { recursive: true });
    expect(index(again, cache)).toMatch(new RegExp(`search-index: ${shards} shards \\(0 built, ${shards} kept\\)`));
    expect(differences(join(again, 'pagefind'), join(cleanB, 'pagefind'))).toEqual([]);
  });
});
