import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildEnv, SYNTHETIC_PART_BYTES } from './global-setup.ts';
import { listFiles, mergeDists, missingReports } from '../src/lib/site/merge.ts';
import { pathScope } from '../src/lib/site/shard.ts';

/**
 * The sharded build (docs/hosting.md, "Sharded build") against the single build of the same corpus: the
 * synthetic site of test/global-setup.ts (120 synthetic reports over about 20 provinces, the
 * samples and a hostile file; some reports have no region_code). Four shards, each its own
 * process, then the merge (national pages, search index from the shards' search records); the
 * merged dist must equal the single build byte for byte, file by file.
 */

/**
 * Files allowed to differ between the merged and the single build. None today: the search index
 * is built from the same records (the merge's from the shards' exports, the single build's from
 * its pages), and chart marker ids no longer depend on render order.
 */
const DECLARED_DIFFERENCES: RegExp[] = [];

const sites = inject('sites');
const { data, raw, dist: single } = sites.synthetic;
const env = { NIANBAO_DATA: data, NIANBAO_RAW: raw, NIANBAO_PART_BYTES: String(SYNTHETIC_PART_BYTES) };

function spawnBuild(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', ...args], {
    encoding: 'utf8',
    env: buildEnv(env),
    maxBuffer: 64 << 20,
  });
}

function build(what: string, args: string[]): string {
  const r = spawnBuild(args);
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status})\n${r.stderr}\n${r.stdout.slice(-4000)}`);
  return r.stdout;
}

describe('sharded build', () => {
  // Inside the project: Astro keeps a build's prerender files under its outDir only there.
  mkdirSync('.test-sites', { recursive: true });
  const tmp = resolve(mkdtempSync(join('.test-sites', 'sharded-')));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const shards: string[] = [];
  const dists: string[] = [];
  const merged = join(tmp, 'merged');

  it('plans 4 shards that cover every province once, and the reports without a region', () => {
    const plan = JSON.parse(
      build('list shards', ['--list-shards', '--groups', '4']).trim().split('\n').at(-1)!,
    ) as string[];
    expect(plan).toHaveLength(4);
    const provinces = plan.flatMap((s) => s.split(','));
    expect(new Set(provinces).size).toBe(provinces.length);
    expect(provinces).toContain('none');
    expect(provinces.length).toBeGreaterThanOrEqual(4);
    const all = JSON.parse(build('list shards', ['--list-shards']).trim().split('\n').at(-1)!) as string[];
    expect([...provinces].sort()).toEqual(all);
    shards.push(...plan);
  });

  // Four Astro builds one after another and a merge: about 4 minutes on a quiet 2-core machine,
  // twice that on a busy one, so more than the site project's 5 minutes.
  it(
    'builds each shard in its own process and merges them into the single build, byte for byte',
    { timeout: 900_000 },
    () => {
      expect(shards).toHaveLength(4);
      for (const [i, s] of shards.entries()) {
        const out = join(tmp, `shard-${i + 1}`);
        build(`shard province=${s}`, ['--shard', `province=${s}`, '--out', out]);
        dists.push(out);
      }
      // A province shard writes only province pages and the shared assets, and its pages' search
      // records beside its folder (one line per report, agency and region page it wrote, but the
      // pages of copies of other reports: no search results of their own).
      const publicFiles = new Set(listFiles('public'));
      for (const d of dists) {
        expect(listFiles(d).filter((f) => pathScope(f, publicFiles) === 'national')).toEqual([]);
        const records = readFileSync(`${d}.search.jsonl`, 'utf8').trim().split('\n');
        const pages = listFiles(d).filter(
          (f) =>
            /^(reports|agencies|regions)\/[^/]+\/index\.html$/.test(f) &&
            readFileSync(join(d, f), 'utf8').includes('data-pagefind-body'),
        );
        expect(records.length, d).toBe(pages.length);
      }
      // Without a shard's records the merge stops before it builds anything.
      renameSync(`${dists[0]}.search.jsonl`, `${dists[0]}.hidden`);
      try {
        const r = spawnBuild(['--merge', '--from', ...dists, '--out', join(tmp, 'no-records')]);
        expect(r.status).not.toBe(0);
        expect(r.stderr).toContain('no search records');
        expect(existsSync(join(tmp, 'no-records'))).toBe(false);
      } finally {
        renameSync(`${dists[0]}.hidden`, `${dists[0]}.search.jsonl`);
      }
      build('merge', ['--merge', '--from', ...dists, '--out', merged]);

      const declared = (f: string) => DECLARED_DIFFERENCES.some((re) => re.test(f));
      const a = listFiles(single).filter((f) => !declared(f));
      const b = listFiles(merged).filter((f) => !declared(f));
      expect(
        b.filter((f) => !a.includes(f)),
        'files only in the merged build',
      ).toEqual([]);
      expect(
        a.filter((f) => !b.includes(f)),
        'files only in the single build',
      ).toEqual([]);
      const differ = a.filter((f) => !readFileSync(join(single, f)).equals(readFileSync(join(merged, f))));
      expect(differ, 'files that differ').toEqual([]);
      expect(a.length).toBeGreaterThan(300);
    },
  );

  it(
    'the one-machine build in several processes (--jobs 3) equals the one-process build, byte for byte',
    { timeout: 900_000 },
    () => {
      const out = join(tmp, 'parallel');
      const log = build('parallel build', ['--jobs', '3', '--out', out]);
      expect(log).toContain('3 province shard(s) and the national pages side by side');
      const a = listFiles(single);
      const b = listFiles(out);
      expect(
        b.filter((f) => !a.includes(f)),
        'files only in the parallel build',
      ).toEqual([]);
      expect(
        a.filter((f) => !b.includes(f)),
        'files only in the single build',
      ).toEqual([]);
      expect(
        a.filter((f) => !readFileSync(join(single, f)).equals(readFileSync(join(out, f)))),
        'files that differ',
      ).toEqual([]);
      // Its scratch folders and search records are gone.
      expect(existsSync('.shard-build') ? listFiles('.shard-build') : []).toEqual([]);
    },
  );

  it('a merge without one of the shards misses its reports', async () => {
    expect(dists).toHaveLength(4);
    const out = join(tmp, 'partial');
    mergeDists(dists.slice(1), out, new Set(listFiles('public')));
    const missing = await missingReports(data, out);
    expect(missing.length).toBeGreaterThan(0);
    const first = new Set(listFiles(dists[0]!));
    for (const id of missing) expect(first.has(`reports/${id}/index.html`), id).toBe(true);
  });
});
