import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildJobs,
  MAX_BUILD_JOBS,
  NO_PROVINCE,
  PARALLEL_BUILD_FROM,
  ownsRegionCode,
  parseShard,
  pathScope,
  planProvinceShards,
  provinceOf,
  rendersNational,
  reportPredicate,
  shardName,
} from '../src/lib/site/shard.ts';
import { listFiles, mergeDists } from '../src/lib/site/merge.ts';
import { ownMarkerIds } from '../src/lib/site/charts.ts';

describe('sharded build: which build renders what', () => {
  it('parses --shard', () => {
    expect(parseShard(undefined)).toEqual({ kind: 'all' });
    expect(parseShard('')).toEqual({ kind: 'all' });
    expect(parseShard('national')).toEqual({ kind: 'national' });
    const s = parseShard('province=32,11,none');
    expect(s.kind).toBe('province');
    expect(shardName(s)).toBe('province=11,32,none');
    for (const bad of ['province=', 'province=3', 'province=320000', 'province=xx', 'provinces=32', 'nation'])
      expect(() => parseShard(bad)).toThrow(/--shard/);
  });

  it('a report belongs to the province of the first two digits of its region code, or to none', () => {
    expect(provinceOf('320211')).toBe('32');
    expect(provinceOf('610802005')).toBe('61');
    expect(provinceOf(null)).toBe(NO_PROVINCE);
    expect(provinceOf('')).toBe(NO_PROVINCE);
    const s = parseShard('province=32,none');
    expect(ownsRegionCode('320211', s)).toBe(true);
    expect(ownsRegionCode('310000', s)).toBe(false);
    expect(ownsRegionCode(null, s)).toBe(true);
    expect(ownsRegionCode('310000', parseShard('national'))).toBe(false);
    expect(ownsRegionCode('310000', parseShard(''))).toBe(true);
    expect(rendersNational(s)).toBe(false);
    expect(rendersNational(parseShard('national'))).toBe(true);
    expect(rendersNational(parseShard(''))).toBe(true);
  });

  it('the DuckDB predicate selects the same reports as provinceOf', async () => {
    const codes = ['320211', '321000', '310000', '610802005', null, '110000'];
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      await conn.run(
        `CREATE TABLE reports AS SELECT * FROM (VALUES ${codes.map((c) => `(${c === null ? 'NULL' : `'${c}'`})`).join(', ')}) t(region_code)`,
      );
      for (const spec of ['province=32', 'province=none', 'province=61,none', 'province=32,31,11', 'national']) {
        const shard = parseShard(spec);
        const got = (await conn.runAndReadAll(`SELECT region_code FROM reports WHERE ${reportPredicate(shard)}`))
          .getRowObjectsJS()
          .map((r) => r.region_code as string | null);
        expect(got.sort(), spec).toEqual(codes.filter((c) => ownsRegionCode(c, shard)).sort());
      }
      expect(reportPredicate(parseShard(''))).toBeNull();
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  });

  it('plans one shard per province, or at most N groups of similar size covering every province once', () => {
    const codes = [
      ...Array<string>(50).fill('320211'),
      ...Array<string>(30).fill('310000'),
      ...Array<string>(20).fill('110000'),
      ...Array<string>(10).fill('610802005'),
      null,
    ];
    expect(planProvinceShards(codes)).toEqual(['11', '31', '32', '61', 'none']);
    const groups = planProvinceShards(codes, 2);
    expect(groups).toEqual(['11,31,none', '32,61']);
    expect(planProvinceShards(codes, 9)).toHaveLength(5);
    expect(planProvinceShards([], 4)).toEqual([]);
  });

  it('builds in one process below PARALLEL_BUILD_FROM reports, else one per two cores up to MAX_BUILD_JOBS', () => {
    expect(buildJobs({ reports: 5, cores: 8 })).toBe(1);
    expect(buildJobs({ reports: PARALLEL_BUILD_FROM - 1, cores: 8 })).toBe(1);
    expect(buildJobs({ reports: PARALLEL_BUILD_FROM, cores: 2 })).toBe(2);
    expect(buildJobs({ reports: PARALLEL_BUILD_FROM, cores: 4 })).toBe(2);
    expect(buildJobs({ reports: PARALLEL_BUILD_FROM, cores: 6 })).toBe(3);
    expect(buildJobs({ reports: 100000, cores: 1 })).toBe(1);
    expect(buildJobs({ reports: 100000, cores: 64 })).toBe(MAX_BUILD_JOBS);
    // --jobs N wins, whatever the size.
    expect(buildJobs({ reports: 5, cores: 2, requested: 3 })).toBe(3);
    expect(buildJobs({ reports: 100000, cores: 8, requested: 1 })).toBe(1);
    for (const bad of [0, -1, 1.5, Number.NaN])
      expect(() => buildJobs({ reports: 1, cores: 2, requested: bad })).toThrow(/--jobs/);
  });

  it('says who writes each file of dist/', () => {
    const pub = new Set(['favicon.svg', 'site.css']);
    const province = [
      'reports/0123456789abcdef/index.html',
      'reports/0123456789abcdef/original.pdf',
      'reports/0123456789abcdef.json',
      'agencies/0123456789ab/index.html',
      'regions/320211/index.html',
      'regions/610802005/index.html',
    ];
    const national = [
      'index.html',
      '404.html',
      'about/index.html',
      'reports/index.html',
      'reports/index.json',
      'reports/index.jsonl',
      'reports/page/2/index.html',
      'agencies/index.html',
      'regions/index.html',
      'regions/unplaced/index.html',
      'regions/unplaced/2/index.html',
      'years/2021/index.html',
      'data/cells/cells-00001.csv',
      'pagefind/shards.json',
      '_redirects',
    ];
    for (const p of province) expect(pathScope(p, pub), p).toBe('province');
    for (const p of national) expect(pathScope(p, pub), p).toBe('national');
    for (const p of ['_astro/Base.abc123.css', 'favicon.svg', 'site.css']) expect(pathScope(p, pub), p).toBe('shared');
  });
});

describe('sharded build: the merge', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-merge-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const write = (root: string, files: Record<string, string>) => {
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(dirname(join(tmp, root, p)), { recursive: true });
      writeFileSync(join(tmp, root, p), text);
    }
    return join(tmp, root);
  };
  const pub = new Set(['site.css']);

  it('copies the shards together, shared files once', () => {
    const a = write('a', { 'reports/0123456789abcdef/index.html': 'A', '_astro/x.css': 'css', 'site.css': 's' });
    const b = write('b', { 'reports/fedcba9876543210/index.html': 'B', '_astro/x.css': 'css', 'site.css': 's' });
    const n = write('n', { 'index.html': 'home', '_astro/x.css': 'css', 'site.css': 's' });
    const out = join(tmp, 'out');
    expect(mergeDists([n, a, b], out, pub)).toEqual({ files: 5, shared: 4 });
    expect(listFiles(out)).toEqual([
      '_astro/x.css',
      'index.html',
      'reports/0123456789abcdef/index.html',
      'reports/fedcba9876543210/index.html',
      'site.css',
    ]);
    expect(readFileSync(join(out, 'reports/fedcba9876543210/index.html'), 'utf8')).toBe('B');
  });

  it('moves the files when asked, shared files compared with the copy already moved', () => {
    const a = write('m1', { 'reports/0123456789abcdef/index.html': 'A', '_astro/x.css': 'css' });
    const b = write('m2', { 'reports/fedcba9876543210/index.html': 'B', '_astro/x.css': 'css' });
    const out = join(tmp, 'out-moved');
    expect(mergeDists([a, b], out, pub, { move: true })).toEqual({ files: 3, shared: 1 });
    expect(listFiles(out)).toEqual([
      '_astro/x.css',
      'reports/0123456789abcdef/index.html',
      'reports/fedcba9876543210/index.html',
    ]);
    // Moved, not copied: the first source keeps nothing; the second keeps only its shared copy.
    expect(listFiles(a)).toEqual([]);
    expect(listFiles(b)).toEqual(['_astro/x.css']);
    // Whole folders are renamed: the first source is left with no empty folder per page.
    expect(readdirSync(a)).toEqual([]);
    expect(readdirSync(join(b, 'reports'))).toEqual([]);
    const c = write('m3', { '_astro/y.css': 'one' });
    const d = write('m4', { '_astro/y.css': 'two' });
    expect(() => mergeDists([c, d], join(tmp, 'out-moved2'), pub, { move: true })).toThrow(/differs between/);
  });

  it('fails on a page written by two shards, even with the same bytes', () => {
    const a = write('c', { 'reports/0123456789abcdef/index.html': 'A' });
    const b = write('d', { 'reports/0123456789abcdef/index.html': 'A' });
    expect(() => mergeDists([a, b], join(tmp, 'out2'), pub)).toThrow(/written by two shards/);
    const e = write('e', { 'reports/0123456789abcdef/index.html': 'A' });
    expect(() => mergeDists([a, e], join(tmp, 'out3'), pub, { move: true })).toThrow(
      /reports\/0123456789abcdef\/index.html is written by two shards \(.*\/c and .*\/e\)/,
    );
  });

  it('fails on a shared file that differs between shards', () => {
    const a = write('e', { '_astro/x.css': 'one' });
    const b = write('f', { '_astro/x.css': 'two' });
    expect(() => mergeDists([a, b], join(tmp, 'out3'), pub)).toThrow(/differs between/);
  });

  it('refuses an output folder that overlaps a source', () => {
    const a = write('g', { 'index.html': 'x' });
    expect(() => mergeDists([a], a, pub)).toThrow(/overlaps/);
  });
});

describe('charts: marker ids', () => {
  it('are numbered per chart, under a prefix from its title', () => {
    const svg =
      '<marker id="plot-marker-471"/><path marker-end="url(#plot-marker-471)"/><marker id="plot-marker-472"/>';
    const a = ownMarkerIds(svg, 'title');
    expect(a).toMatch(
      /^<marker id="plot-marker-([0-9a-f]{8})-1"\/><path marker-end="url\(#plot-marker-\1-1\)"\/><marker id="plot-marker-\1-2"\/>$/,
    );
    expect(ownMarkerIds(svg.replaceAll('47', '9'), 'title')).toBe(a);
    expect(ownMarkerIds(svg, 'another title')).not.toBe(a);
  });
});
