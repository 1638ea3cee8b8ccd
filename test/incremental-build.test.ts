import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildEnv, SYNTHETIC_PART_BYTES } from './global-setup.ts';
import { listFiles } from '../src/lib/site/merge.ts';
import { writeSiteRecords } from '../src/lib/search/site-records.ts';

/**
 * The incremental build (`npm run build -- --incremental`, src/lib/site/page-keys.ts) against a
 * clean build of the same data: a routine update adds reports to a built site, and the rebuilt
 * site must equal a clean build of the new data byte for byte, file by file, while copying the
 * pages whose data did not change. The corpus is the synthetic site of test/global-setup.ts; the
 * earlier site is the same corpus without every fourth file.
 */

const sites = inject('sites');
const { data, raw, dist: clean } = sites.synthetic;
const PARTS = { NIANBAO_PART_BYTES: String(SYNTHETIC_PART_BYTES) };

function run(what: string, args: string[], env: Record<string, string>): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    encoding: 'utf8',
    env: buildEnv({ ...PARTS, ...env }),
    maxBuffer: 256 << 20,
  });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status})\n${r.stderr}\n${r.stdout.slice(-4000)}`);
  return r.stdout;
}

/** Files only in a, only in b, and in both with other bytes. */
function compare(a: string, b: string) {
  const fa = listFiles(a);
  const fb = listFiles(b);
  const inB = new Set(fb);
  const inA = new Set(fa);
  return {
    onlyA: fa.filter((f) => !inB.has(f)),
    onlyB: fb.filter((f) => !inA.has(f)),
    differ: fa.filter((f) => inB.has(f) && !readFileSync(join(a, f)).equals(readFileSync(join(b, f)))),
    files: fa.length,
  };
}

/**
 * How many pages Astro copied instead of rendering, report JSON files copied, and pages whose
 * search record came from the cache (and how many were read), from a build's log.
 */
function reused(log: string): { pages: number; json: number; records: number; read: number; opened: number } {
  const pages = (log.match(/\((?:cached|restored)\)/g) ?? []).length;
  const json = Number(/\((\d+) unchanged, copied from the cache\)/.exec(log)?.[1] ?? NaN);
  const search =
    /search-index: \d+ pages read in [\d.]+ s \(\d+ of (\d+) files parsed, (\d+) unchanged.*; (\d+) files read/.exec(
      log,
    );
  return {
    pages,
    json,
    records: Number(search?.[2] ?? NaN),
    read: Number(search?.[1] ?? NaN),
    opened: Number(search?.[3] ?? NaN),
  };
}

/** The search records of a built site by page (site-records.ts, every page parsed). */
function recordsOf(dist: string): Map<string, string> {
  const m = new Map<string, string>();
  writeSiteRecords(dist, (line) => m.set((JSON.parse(line) as { url: string }).url, line));
  return m;
}

/** A folder of hard links to every file of `from`: what a reader of `from` sees while others write. */
function linkedCopy(from: string, to: string): string {
  for (const f of listFiles(from)) {
    mkdirSync(dirname(join(to, f)), { recursive: true });
    linkSync(join(from, f), join(to, f));
  }
  return to;
}

describe('incremental build', () => {
  mkdirSync('.test-sites', { recursive: true });
  const tmp = resolve(mkdtempSync(join('.test-sites', 'incremental-')));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const cache = join(tmp, 'cache');
  const out = join(tmp, 'dist');
  const earlierRaw = join(tmp, 'raw-earlier');
  const earlierData = join(tmp, 'data-earlier');
  const build = (what: string, dataDir: string) =>
    run(what, ['scripts/build.ts', '--incremental', '--out', out], {
      NIANBAO_DATA: dataDir,
      NIANBAO_RAW: raw,
      NIANBAO_CACHE: cache,
    });

  it(
    'an update gives the clean build of the new data byte for byte, copying unchanged pages; going back gives the earlier site',
    { timeout: 900_000 },
    () => {
      // The earlier corpus: every fourth file left out (new reports of old and new agencies and regions).
      const files = listFiles(raw).sort();
      cpSync(raw, earlierRaw, { recursive: true });
      const dropped = files.filter((_, i) => i % 4 === 1);
      for (const f of dropped) rmSync(join(earlierRaw, f));
      expect(dropped.length).toBeGreaterThan(20);
      run(
        'ingest (earlier)',
        ['scripts/ingest.ts', '--raw', earlierRaw, '--out', earlierData, '--quiet', '--workers', '0'],
        {},
      );

      // The first build has no cache: it renders everything (and fills the cache).
      const first = reused(build('incremental build (earlier, empty cache)', earlierData));
      expect(first.pages).toBe(0);
      expect(first.json).toBe(0);
      expect(first.records).toBe(0);
      const earlier = join(tmp, 'earlier');
      cpSync(out, earlier, { recursive: true });
      // Hard links of the earlier site's files, as the site being served while the update is
      // built: kept pages are links of the cache's copies (linked-pages.ts), and no write of the
      // update may reach them.
      const served = linkedCopy(out, join(tmp, 'served'));

      // The update: the full corpus.
      const updateLog = build('incremental build (update)', data);
      const update = reused(updateLog);
      // The rows of the report pages whose key changed were fetched together (load.ts), not block by block.
      const together = /the rows of (\d+) report\(s\) whose page key changed fetched together/.exec(updateLog);
      expect(Number(together?.[1])).toBeGreaterThan(10);
      // And from the datasets' files as they are: no sorted copy was made (sorted.ts; a build
      // that renders report pages block by block makes one).
      expect(updateLog).not.toContain('copied sorted by report');
      // The search index (pagefind/) too: built from the cached records of unchanged pages and
      // the parsed records of the others, it must be the clean build's index.
      const s = compare(earlier, served);
      expect(s.differ, 'files of the earlier site changed by the update').toEqual([]);
      expect(s.onlyA.length + s.onlyB.length).toBe(0);
      const c = compare(clean, out);
      expect(c.onlyA, 'files only in the clean build').toEqual([]);
      expect(c.onlyB, 'files only in the incremental build').toEqual([]);
      expect(c.differ, 'files that differ').toEqual([]);
      expect(c.files).toBeGreaterThan(300);
      // Unchanged pages and report files were copied, not rendered again: most of the earlier
      // site's report files (a report added before another in id order changes no other file).
      const earlierJson = listFiles(join(earlier, 'reports')).filter((f) => /^[0-9a-f]{16}\.json$/.test(f)).length;
      expect(update.pages).toBeGreaterThan(20);
      expect(update.json).toBeGreaterThan(earlierJson * 0.6);
      expect(listFiles(join(out, 'pagefind')).length).toBeGreaterThan(10);
      // Most records came from the cache, and some pages kept their address but not their record
      // (an agency's page with its new report): a cache keyed by address alone would fail above.
      expect(update.records).toBeGreaterThan(update.read * 0.3);
      expect(update.records).toBeLessThan(update.read);
      // The kept pages are the very files the earlier build's search step read (their cached
      // copies are hard links of them: scripts/unshared-writes.mjs): not read again.
      expect(update.opened).toBe(update.read - update.pages);
      const before = recordsOf(earlier);
      const changed = [...recordsOf(out)].filter(([url, r]) => before.has(url) && before.get(url) !== r);
      expect(changed.length).toBeGreaterThan(5);

      // Back to the earlier data: the pages of the reports no longer there are gone.
      const servedUpdate = linkedCopy(out, join(tmp, 'served-update'));
      const back = reused(build('incremental build (earlier again)', earlierData));
      const u = compare(clean, servedUpdate);
      expect(u.differ, 'files of the updated site changed by the next build').toEqual([]);
      expect(back.pages).toBeGreaterThan(20);
      expect(back.records).toBeGreaterThan(back.read * 0.3);
      const b = compare(earlier, out);
      expect(b.onlyA, 'files only in the earlier build').toEqual([]);
      expect(b.onlyB, 'files only in the rebuilt earlier site').toEqual([]);
      expect(b.differ, 'files that differ').toEqual([]);
    },
  );

  it(
    'a build stopped by Ctrl+C leaves its output folder as it was, and no half-built folder',
    { timeout: 900_000 },
    async () => {
      const stopped = join(tmp, 'stopped');
      cpSync(clean, stopped, { recursive: true });
      // Ctrl+C in a terminal reaches the whole process group: the build and its Astro child.
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out', stopped], {
        env: buildEnv({ ...PARTS, NIANBAO_DATA: data, NIANBAO_RAW: raw }),
        detached: true,
        stdio: 'ignore',
      });
      // Listened for from the start: a build that ends before the signal must not leave this
      // test waiting for an event already past (it hung CI for 15 minutes once).
      const closed = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
      // Stopped while Astro writes into the scratch folder beside the target (build.ts
      // singleBuild), or after 20 s whatever it is doing.
      const scratch = `${stopped}.building-${child.pid}`;
      for (let waited = 0; waited < 20_000 && child.exitCode === null; waited += 100) {
        if (existsSync(scratch) && readdirSync(scratch).length > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      try {
        process.kill(-child.pid!, 'SIGINT');
      } catch {
        // It had finished: the folder is then the new build, the same bytes.
      }
      // Stopped, not finished: the build says so and fails (build.ts: exit 130).
      expect(await closed).not.toBe(0);
      const c = compare(clean, stopped);
      expect([c.onlyA, c.onlyB, c.differ]).toEqual([[], [], []]);
      expect(readdirSync(tmp).filter((f) => f.includes('.building-'))).toEqual([]);
      expect(existsSync(join(stopped, 'index.html'))).toBe(true);
    },
  );

  it(
    'a signal to the build process alone (kill, a CI timeout) stops its Astro process too, and leaves the folder as it was',
    { timeout: 900_000 },
    async () => {
      const stopped = join(tmp, 'killed');
      cpSync(clean, stopped, { recursive: true });
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out', stopped], {
        env: buildEnv({ ...PARTS, NIANBAO_DATA: data, NIANBAO_RAW: raw }),
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let said = '';
      child.stderr.on('data', (b: Buffer) => (said += b.toString()));
      const closed = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
      const scratch = `${stopped}.building-${child.pid}`;
      for (let waited = 0; waited < 20_000 && child.exitCode === null; waited += 100) {
        if (existsSync(scratch) && readdirSync(scratch).length > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const running = child.exitCode === null;
      child.kill('SIGTERM');
      const code = await closed;
      if (running) {
        // Not the default death (a signal, no code): the build stopped Astro and cleaned up.
        expect(code).toBe(143);
        expect(said).toContain('stopped by SIGTERM');
      }
      // No Astro process left writing into the scratch folder.
      expect(spawnSync('pgrep', ['-f', scratch]).status).toBe(1);
      const c = compare(clean, stopped);
      expect([c.onlyA, c.onlyB, c.differ]).toEqual([[], [], []]);
      expect(readdirSync(tmp).filter((f) => f.includes('.building-'))).toEqual([]);
    },
  );
});
