/**
 * npm run build [-- --jobs N] [--no-search-index]       the whole site into dist/: astro build, then the search index.
 *                                                       From 4,000 reports on a machine of 2 cores or more, the
 *                                                       provinces are built as N shards side by side and merged
 *                                                       (default 2, one per two cores from 6 cores, at most 4;
 *                                                       --jobs 1: one process)
 * npm run build -- --shard province=NN[,MM…] [--out DIR] one shard: the report, agency and region pages of
 *                                                       those provinces (`none`: reports without a region_code),
 *                                                       and their search records in DIR.search.jsonl (not published)
 * npm run build -- --shard national [--out DIR]         the pages that are not a province's, and their search
 *                                                       records in DIR.search.jsonl (no search index)
 * npm run build -- --list-shards [--groups N]           the province shards of the datasets, as a JSON array
 *                                                       (at most N shards of similar size with --groups)
 * npm run build:merge -- --from DIR… --out DIR [--national DIR]
 *                                                       merges shard dists, builds the national pages (unless
 *                                                       --national gives them), checks that every report has its
 *                                                       page, and builds the search index from the search records
 *                                                       beside each of them (DIR.search.jsonl), not from the HTML
 *
 * The shard reaches Astro as NIANBAO_SHARD (src/lib/site/shard.ts). The datasets are NIANBAO_DATA
 * (default data/build) as for any build. docs/hosting.md, "Sharded build".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { buildJobs, parseShard, planProvinceShards, SHARD_ENV, shardName, type Shard } from '../src/lib/site/shard.ts';
import { listFiles, mergeDists, missingReports, reportRegionCodes } from '../src/lib/site/merge.ts';
import { alive } from '../src/lib/write/generation.ts';
import { cacheDir, incremental, INCREMENTAL_ENV } from '../src/lib/site/incremental.ts';
import { beginBuild, cachedOutputs, endBuild, forgetRaced, removeStaleLinks } from '../src/lib/site/linked-pages.ts';
import { linkCachedPages } from '../src/lib/site/fs-threads.ts';
import { robotsWithSitemap, siteRoot, sitemapFiles, sitemapPages, siteUrlProblem } from '../src/lib/site/sitemap.ts';
import { undecodedPathProblem } from '../src/lib/ingest/folders.ts';
import { exitOnHelp } from './help.ts';

exitOnHelp(import.meta.url);

const argv = process.argv.slice(2);
// An option not known is an error, not a full build (a fresh tester's t29: `--incremntal` ran one).
{
  const flags = new Set(['--merge', '--list-shards', '--no-search-index', '--incremental']);
  const valued = new Set(['--groups', '--jobs', '--national', '--out', '--shard']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (flags.has(a)) continue;
    if (valued.has(a)) i++;
    else if (a === '--from') while (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) i++;
    else {
      console.error(`build: unknown argument: ${a} (npm run build -- --help lists the options)`);
      process.exit(2);
    }
  }
}
const value = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
};
/** Every value after `name` up to the next option. */
const values = (name: string): string[] => {
  const i = argv.indexOf(name);
  if (i < 0) return [];
  const out: string[] = [];
  for (let j = i + 1; j < argv.length && !argv[j]!.startsWith('--'); j++) out.push(argv[j]!);
  return out;
};
const dataDir = () => process.env.NIANBAO_DATA ?? 'data/build';
const seconds = (t: number) => `${((Date.now() - t) / 1000).toFixed(1)} s`;

/**
 * Node options of every process the build starts. A young generation of 64 MB a semi-space (V8's
 * default is far smaller): the pages' rendering makes short-lived garbage at a high rate (strings,
 * Plot's DOM nodes, DuckDB's rows), and with the default its scavenges cost the Astro process
 * about a fifth of its CPU. A 10,000-report `astro build` under GNU time: 110 s of CPU with the
 * default, 89 s with 64 MB (32 MB: 95 s, 128 MB: 100 s); memory about the same (1.47 → 1.42 GB).
 */
const NODE_FLAGS = [
  '--max-semi-space-size=64',
  // linkedom's listener maps made lazily (scripts/linkedom-listeners.mjs): charts at less GC cost.
  '--import',
  new URL('./linkedom-listeners.mjs', import.meta.url).href,
];

/** An incremental build's Astro process also breaks hard links before it writes (linked-pages.ts). */
const nodeFlags = () =>
  incremental() ? [...NODE_FLAGS, '--import', new URL('./unshared-writes.mjs', import.meta.url).href] : NODE_FLAGS;

/**
 * The processes this build started that are running (`run`, `runLogged`): stopped with it
 * (a signal to this process: `kill`, a CI timeout, Ctrl+C through `npm run`'s wrapper).
 */
const running = new Set<ChildProcess>();

/**
 * Runs a Node process of the build (its output this one's); resolves when it ended well. Not
 * `spawnSync`: while it waits this process hears signals, and stops the children (singleBuild),
 * and answers tsx's wrapper, which kills a child that does not within 30 ms (a fresh tester:
 * Ctrl+C under `npm run build` left the scratch folder, a signal to this process was not heard).
 */
function run(what: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [...nodeFlags(), ...args], {
      stdio: 'inherit',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    });
    running.add(child);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      running.delete(child);
      if (code === 0) ok();
      else fail(new Error(`${what} failed (exit ${code ?? signal})`));
    });
  });
}

const astroArgs = (out?: string) => ['node_modules/astro/bin/astro.mjs', 'build', ...(out ? ['--outDir', out] : [])];
const shardEnv = (shard: Shard) => ({ [SHARD_ENV]: shard.kind === 'all' ? '' : shardName(shard) });

function astroBuild(shard: Shard, out?: string): Promise<void> {
  return run(`astro build${shard.kind === 'all' ? '' : ` (${shardName(shard)})`}`, astroArgs(out), shardEnv(shard));
}

/**
 * `run` for processes that run side by side: their output goes to `log` (Astro prints a line a
 * page), whose last lines are shown if the process fails.
 */

function runLogged(what: string, args: string[], env: Record<string, string>, log: string): Promise<void> {
  return new Promise((ok, fail) => {
    const file = createWriteStream(log, { flags: 'a' });
    const child = spawn(process.execPath, [...NODE_FLAGS, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    });
    running.add(child);
    child.on('exit', () => running.delete(child));
    child.stdout.pipe(file, { end: false });
    child.stderr.pipe(file, { end: false });
    child.on('error', fail);
    child.on('close', (code, signal) => {
      file.end(() => {
        if (code === 0) return ok();
        const tail = readFileSync(log, 'utf8').trimEnd().split('\n').slice(-40).join('\n');
        fail(new Error(`${what} failed (exit ${code ?? signal}); the end of ${log}:\n${tail}`));
      });
    });
  });
}

/**
 * A shard's search records (src/lib/search/record.ts), one JSON object a line: beside its dist
 * folder, not in it, so that they are never published and the merge never copies them.
 */
const recordsOf = (dist: string) => `${resolve(dist)}.search.jsonl`;

function searchIndex(dist?: string, records: string[] = [], cache?: string): Promise<void> {
  return run('search index', [
    '--import',
    'tsx',
    'scripts/search-index.ts',
    ...(dist ? ['--dist', dist] : []),
    ...(records.length ? ['--records', ...records] : []),
    ...(cache ? ['--cache', cache] : []),
  ]);
}

/** Writes the search records of a shard's pages beside it, for the merge. */
function exportRecords(dist: string): Promise<void> {
  return run('search records', [
    '--import',
    'tsx',
    'scripts/search-index.ts',
    '--dist',
    dist,
    '--export',
    recordsOf(dist),
  ]);
}

async function merge(): Promise<void> {
  const from = values('--from');
  const out = value('--out') ?? 'dist';
  if (from.length === 0) throw new Error('build:merge needs --from DIR… (the shards’ dist folders)');
  const started = Date.now();
  let national = value('--national');
  // Every source brings its pages' search records: the index is built from them. Checked before
  // the national pages are built, so that a shard built without them fails the merge at once.
  const noRecords = [...(national ? [national] : []), ...from].map(recordsOf).filter((f) => !existsSync(f));
  if (noRecords.length)
    throw new Error(
      `no search records ${noRecords.join(', ')}: build each shard (and --national) with this commit's \`npm run build -- --shard …\`, which writes them beside its folder`,
    );
  let scratch: string | null = null;
  if (!national) {
    // Inside the project: Astro keeps a build's prerender files under its outDir only when
    // that is inside the working directory.
    mkdirSync('.shard-build', { recursive: true });
    scratch = resolve(mkdtempSync(join('.shard-build', 'national-')));
    national = scratch;
  }
  const records = [national, ...from].map(recordsOf);
  try {
    if (scratch) {
      const t = Date.now();
      await astroBuild({ kind: 'national' }, scratch);
      await exportRecords(scratch);
      console.log(`build:merge: national pages in ${seconds(t)}`);
    }
    rmSync(out, { recursive: true, force: true });
    const t = Date.now();
    const publicFiles = new Set(existsSync('public') ? listFiles('public') : []);
    const { files, shared } = mergeDists([national, ...from], out, publicFiles);
    const missing = await missingReports(dataDir(), out);
    if (missing.length)
      throw new Error(
        `${missing.length} report(s) have no page or JSON in the merged site (a shard missing?): ${missing.slice(0, 5).join(', ')}`,
      );
    console.log(
      `build:merge: ${from.length} shard(s) and the national pages merged into ${out}: ${files} files (${shared} shared copies identical) in ${seconds(t)}`,
    );
    const s = Date.now();
    await searchIndex(out, records);
    writeSitemap(out);
    console.log(`build:merge: search index in ${seconds(s)}; merge total ${seconds(started)}`);
  } finally {
    if (scratch) {
      rmSync(scratch, { recursive: true, force: true });
      rmSync(recordsOf(scratch), { force: true });
    }
    if (existsSync('.shard-build') && readdirSync('.shard-build').length === 0)
      rmSync('.shard-build', { recursive: true });
  }
}

/**
 * The one-machine build in `jobs` processes (shard.ts, buildJobs): the national pages and `jobs`
 * groups of provinces, each an Astro build into a scratch folder with its search records, side
 * by side; then their files are moved into `out`, every report is checked to have its page and
 * JSON, and the search index is built from the records. The result equals a one-process build
 * (test/sharded-build.test.ts). A failed process fails the build and leaves `out` untouched.
 */
async function parallelBuild(
  jobs: number,
  out: string,
  withSearch: boolean,
  regionCodes: Array<string | null>,
): Promise<void> {
  const started = Date.now();
  const plan = planProvinceShards(regionCodes, jobs);
  // Inside the project: Astro keeps a build's prerender files under its outDir only there.
  mkdirSync('.shard-build', { recursive: true });
  removeAbandoned('.shard-build');
  const scratch = resolve(mkdtempSync(join('.shard-build', 'parallel-')));
  writeFileSync(join(scratch, OWNER), String(process.pid));
  // Interrupted (Ctrl+C, a runner's cancel): stop the Astro processes and remove the scratch.
  const stop = (signal: NodeJS.Signals) => {
    for (const c of running) c.kill('SIGTERM');
    rmSync(scratch, { recursive: true, force: true });
    if (readdirSync('.shard-build').length === 0) rmSync('.shard-build', { recursive: true });
    console.error(`build: stopped by ${signal}; ${out} is as it was`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const parts: Array<{ shard: Shard; dist: string }> = [
    { shard: { kind: 'national' }, dist: join(scratch, 'national') },
    ...plan.map((p, i) => ({ shard: parseShard(`province=${p}`), dist: join(scratch, `shard-${i + 1}`) })),
  ];
  console.log(`build: ${plan.length} province shard(s) and the national pages side by side (logs in ${scratch})`);
  try {
    await Promise.all(
      parts.map(async ({ shard, dist }) => {
        const t = Date.now();
        const log = `${dist}.log`;
        await runLogged(`astro build (${shardName(shard)})`, astroArgs(dist), shardEnv(shard), log);
        if (withSearch)
          await runLogged(
            `search records (${shardName(shard)})`,
            ['--import', 'tsx', 'scripts/search-index.ts', '--dist', dist, '--export', recordsOf(dist)],
            {},
            log,
          );
        const built = readFileSync(log, 'utf8').match(/\d+ page\(s\) built in [^\n]*/)?.[0] ?? 'built';
        console.log(`build: ${shardName(shard)}: ${built}; done in ${seconds(t)}`);
      }),
    );
    const t = Date.now();
    // The search index is built from the records (not the pages) into the scratch folder while
    // this process moves the pages: one is CPU, the other the file system's (at 100,000 reports
    // 65 s and 26 s, one after the other until now).
    const index = join(scratch, 'index');
    const indexLog = `${index}.log`;
    const indexing = withSearch
      ? runLogged(
          'search index',
          [
            '--import',
            'tsx',
            'scripts/search-index.ts',
            '--dist',
            index,
            '--records',
            ...parts.map((p) => recordsOf(p.dist)),
          ],
          {},
          indexLog,
        )
      : Promise.resolve();
    // Settled here, awaited below: a failed merge must not leave its rejection unhandled.
    indexing.catch(() => undefined);
    // Merged beside `out` and checked there, then swapped in: a failure leaves `out` as it was.
    const merged = join(scratch, 'merged');
    const publicFiles = new Set(existsSync('public') ? listFiles('public') : []);
    const { files } = mergeDists(
      parts.map((p) => p.dist),
      merged,
      publicFiles,
      { move: true },
    );
    const missing = await missingReports(dataDir(), merged);
    if (missing.length)
      throw new Error(`${missing.length} report(s) have no page or JSON: ${missing.slice(0, 5).join(', ')}`);
    console.log(`build: ${files} files moved together in ${seconds(t)}`);
    await indexing;
    if (withSearch) {
      renameSync(join(index, 'pagefind'), join(merged, 'pagefind'));
      const last = readFileSync(indexLog, 'utf8').trimEnd().split('\n').at(-1);
      console.log(`build: ${last ?? 'search index built'}; both done in ${seconds(t)}`);
    }
    writeSitemap(merged);
    mkdirSync(dirname(resolve(out)), { recursive: true });
    recoverAside(resolve(out));
    const old = `${resolve(out)}.old-${process.pid}`;
    if (existsSync(out)) renameSync(out, old);
    moveDir(merged, out);
    if (existsSync(old)) removeAside(old);
    console.log(`build: ${out} in ${seconds(started)} (${jobs} jobs)`);
  } finally {
    // A failure while the search index was still being built: stop it before its folder goes.
    for (const c of running) c.kill('SIGTERM');
    // The shards' folders, logs and search records are all in it.
    rmSync(scratch, { recursive: true, force: true });
    if (existsSync('.shard-build') && readdirSync('.shard-build').length === 0)
      rmSync('.shard-build', { recursive: true });
  }
}

/**
 * The sitemap (src/lib/site/sitemap.ts) of the whole site in `dir`, and robots.txt naming it,
 * when the site's address is known (SITE_URL): search engines need absolute addresses. A shard
 * writes none; the merge and the one-machine builds write it over every page. robots.txt is
 * replaced, not written in place (an incremental build's files may be links to its cache).
 */
function writeSitemap(dir: string): void {
  const site = process.env.SITE_URL;
  if (!site) return;
  const t = Date.now();
  const root = siteRoot(site, process.env.BASE_PATH || '/');
  const pages = sitemapPages(listFiles(dir));
  const files = sitemapFiles(pages, root);
  for (const [path, xml] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), xml);
  }
  const robots = join(dir, 'robots.txt');
  const text = existsSync(robots) ? readFileSync(robots, 'utf8') : 'User-agent: *\nAllow: /\n';
  writeFileSync(`${robots}.tmp`, robotsWithSitemap(text, root));
  renameSync(`${robots}.tmp`, robots);
  console.log(
    `build: sitemap of ${pages.length} pages in ${files.size - 1} file(s) and its index (${root}) in ${seconds(t)}`,
  );
}

/**
 * Removes a replaced site (`{out}.old-{pid}`, the live site until the rename before) without
 * keeping the build waiting: renamed `{out}.removing-{pid}` and removed by a detached process
 * that outlives this one. At 100,000 reports removing the old site's 283,000 files took 28 s of a
 * routine update's wall time. A removal stopped midway (the machine shut down) is taken up again
 * by the next build (`recoverAside`); a `.removing-` folder is never put back.
 */
function removeAside(old: string): void {
  const gone = old.replace(/\.old-(\d+)$/, '.removing-$1');
  try {
    renameSync(old, gone);
  } catch {
    rmSync(old, { recursive: true, force: true });
    return;
  }
  removeDetached(gone);
}

const REMOVER = `try { require('node:fs').rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 3 }); } catch {}`;

function removeDetached(dir: string): void {
  try {
    spawn(process.execPath, ['-e', REMOVER, dir], { detached: true, stdio: 'ignore' }).unref();
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What builds that are gone left beside `target`. A build killed between its two renames left
 * the site it replaced as `{out}.old-{pid}` and no `out`: put back; any other such folder, of a
 * build killed after both, removed (a fresh tester's t29: no dist/ at all, and dist.old-* piling
 * up). A `.removing-` folder whose removal stopped: removed again, in the background.
 */
function recoverAside(target: string): void {
  if (!existsSync(dirname(target))) return;
  const oldPrefix = `${basename(target)}.old-`;
  const removingPrefix = `${basename(target)}.removing-`;
  const deadPid = (name: string, prefix: string): boolean => {
    const pid = Number(name.startsWith(prefix) ? name.slice(prefix.length) : NaN);
    return Number.isInteger(pid) && pid > 0 && !alive(pid);
  };
  for (const name of readdirSync(dirname(target)).sort()) {
    if (deadPid(name, removingPrefix)) removeDetached(join(dirname(target), name));
    if (!deadPid(name, oldPrefix)) continue;
    if (!existsSync(target)) {
      renameSync(join(dirname(target), name), target);
      console.log(`build: put back ${target}, left aside by a build that was stopped`);
    } else removeAside(join(dirname(target), name));
  }
}

/** A folder renamed, or copied where `to` is on another file system (EXDEV). */
function moveDir(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(from, to, { recursive: true });
  }
}

/** The file in a parallel build's scratch folder that holds the PID of the build that made it. */
const OWNER = 'owner.pid';

/**
 * Removes the scratch folders of parallel builds whose process is gone (killed before it could
 * clean up), and leaves those of a build still running (two builds may share `.shard-build/`).
 */
function removeAbandoned(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith('parallel-')) continue;
    const pid = Number(existsSync(join(dir, name, OWNER)) ? readFileSync(join(dir, name, OWNER), 'utf8') : NaN);
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    console.log(`build: removed ${join(dir, name)}, left by a build that was stopped`);
  }
}

/**
 * The one-process build: Astro and the search index write into a folder beside `out`
 * (`{out}.building-{pid}`), which replaces `out` only when both succeeded, so that a failed or
 * stopped build (Ctrl+C) leaves `out` as it was: Astro empties its output folder first, and a
 * fresh tester's Ctrl+C left 64 of 1,133 files in dist/. The folders of builds that were killed
 * are removed by the next one. Both sites exist side by side for a moment: room for two.
 */
async function singleBuild(out: string, withSearch: boolean): Promise<void> {
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  // Astro's prerender code, which it writes under the output folder, imports the project's
  // packages: outside the project they are not found (a fresh tester's `--out /tmp/site`:
  // "Cannot find package '@oslojs/encoding'"). Such a build is made in OUTSIDE_SCRATCH and then
  // moved beside `out` (copied when that is another file system) before it replaces it.
  const inside = target.startsWith(`${resolve('.')}${sep}`);
  recoverAside(target);
  const prefix = `${basename(target)}.building-`;
  for (const dir of [dirname(target), resolve(OUTSIDE_SCRATCH)]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const pid = Number(name.startsWith(prefix) ? name.slice(prefix.length) : NaN);
      if (Number.isInteger(pid) && pid > 0 && !alive(pid)) rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
  const beside = `${target}.building-${process.pid}`;
  const scratch = inside ? beside : join(resolve(OUTSIDE_SCRATCH), `${basename(target)}.building-${process.pid}`);
  // Ctrl+C reaches Astro too (one process group); a signal to this process alone (`kill`, a CI
  // timeout) is passed on to the process running. Either way this process cleans up instead of
  // dying at once.
  const state: { stopped: NodeJS.Signals | null } = { stopped: null };
  const stop = (signal: NodeJS.Signals) => {
    state.stopped = signal;
    for (const c of running) c.kill(signal);
  };
  const halt = (): void => {
    if (state.stopped) throw new Error(`stopped by ${state.stopped}`);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    if (incremental()) await incrementalAstroBuild(scratch, halt);
    else await astroBuild({ kind: 'all' }, scratch);
    halt();
    // Incremental: the search records of unchanged pages from the cache (site-records.ts).
    if (withSearch) await searchIndex(scratch, [], incremental() ? join(cacheDir(), 'search-records') : undefined);
    halt();
    writeSitemap(scratch);
    if (scratch !== beside) {
      moveDir(scratch, beside);
      rmSync(scratch, { recursive: true, force: true });
      removeEmptyScratch();
    }
    const old = `${target}.old-${process.pid}`;
    if (existsSync(target)) renameSync(target, old);
    renameSync(beside, target);
    removeAside(old);
  } catch (e) {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(beside, { recursive: true, force: true });
    removeEmptyScratch();
    const why = state.stopped ? `stopped by ${state.stopped}` : (e as Error).message;
    throw Object.assign(new Error(`${why}; ${out} is as it was`), { signal: state.stopped });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/**
 * The incremental build's Astro run into the empty folder `scratch` (`halt` throws once a signal
 * has come): the cached pages are linked
 * into it first and Astro leaves them (it renders those whose key changed), then the links of
 * pages no longer built are removed (src/lib/site/linked-pages.ts). Linked while Astro started
 * instead (a barrier before its first page), the update at 100,000 reports took 96.7 s instead of
 * 88.1 s: the links and Astro's start slowed each other more than they overlapped.
 */
async function incrementalAstroBuild(scratch: string, halt: () => void): Promise<void> {
  const cache = cacheDir();
  beginBuild(cache);
  const t = Date.now();
  const linked = await linkCachedPages(cache, scratch);
  console.log(`build: ${linked.size} cached page(s) linked in ${seconds(t)}`);
  // A signal while the links were made (on other threads: this one only heard it): no Astro
  // run. The cache is as it was (links only read it), so the next build need not render all.
  try {
    halt();
  } catch (e) {
    endBuild(cache);
    throw e;
  }
  await astroBuild({ kind: 'all' }, scratch);
  const removed = removeStaleLinks(scratch, linked, cachedOutputs(cache));
  if (removed) console.log(`build: ${removed} page(s) no longer built removed`);
  const raced = forgetRaced(cache);
  if (raced) console.log(`build: ${raced} page(s) whose raw file changed during the build will be rendered again`);
  endBuild(cache);
}

/** Where a build whose output folder is outside the project is made (singleBuild). */
const OUTSIDE_SCRATCH = '.shard-build/outside';

/** Removes OUTSIDE_SCRATCH and `.shard-build` when nothing is left in them. */
function removeEmptyScratch(): void {
  for (const dir of [OUTSIDE_SCRATCH, '.shard-build'])
    if (existsSync(dir) && readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
}

/** `--jobs N`, or undefined for the default. */
function jobsOption(): number | undefined {
  const v = value('--jobs');
  return v === undefined ? undefined : Number(v);
}

async function main(): Promise<void> {
  for (const [option, v] of [
    ['--out', value('--out') ?? ''],
    ...values('--from').map((f) => ['--from', f] as const),
    ['NIANBAO_DATA', process.env.NIANBAO_DATA ?? ''],
    ['NIANBAO_RAW', process.env.NIANBAO_RAW ?? ''],
    ['NIANBAO_CACHE', process.env.NIANBAO_CACHE ?? ''],
  ] as const) {
    const problem = undecodedPathProblem(option, v);
    if (problem) {
      console.error(`build: ${problem}`);
      process.exit(2);
    }
  }
  if (argv.includes('--merge')) return merge();
  if (argv.includes('--list-shards')) {
    const groups = value('--groups');
    console.log(
      JSON.stringify(planProvinceShards(await reportRegionCodes(dataDir()), groups ? Number(groups) : undefined)),
    );
    return;
  }
  // A cache inside the output folder goes with the folder each build replaces: every build
  // would be a full one, silently (a fresh tester's F4).
  const site = resolve(value('--out') ?? 'dist');
  if (argv.includes('--incremental') && `${resolve(cacheDir())}${sep}`.startsWith(`${site}${sep}`)) {
    console.error(
      `build: the cache ${cacheDir()} (NIANBAO_CACHE) is inside the output folder ${value('--out') ?? 'dist'}, which each build replaces: put it elsewhere`,
    );
    process.exit(2);
  }
  // No datasets: a plain message, not Astro's stack trace (a fresh tester's t29: ENOENT … stat
  // 'data/build/manifest.json').
  if (!existsSync(join(dataDir(), 'manifest.json'))) {
    console.error(
      `build: no datasets in ${dataDir()} (no manifest.json): run \`npm run ingest\` first, or set NIANBAO_DATA to an ingest's --out folder`,
    );
    process.exit(1);
  }
  // A path in SITE_URL that BASE_PATH does not give: the canonical links and the sitemap would
  // name other addresses than the pages' (a fresh tester's t41). Stopped before any work.
  const siteProblem = process.env.SITE_URL ? siteUrlProblem(process.env.SITE_URL, process.env.BASE_PATH || '/') : null;
  if (siteProblem) {
    console.error(`build: ${siteProblem}`);
    process.exit(2);
  }
  const shard = parseShard(value('--shard'));
  const out = value('--out');
  const started = Date.now();
  if (shard.kind === 'all') {
    const withSearch = !argv.includes('--no-search-index');
    const codes = existsSync(join(dataDir(), 'datapackage.json')) ? await reportRegionCodes(dataDir()) : [];
    // Incremental: one Astro process, whose cache (NIANBAO_CACHE) holds the last build's pages.
    if (argv.includes('--incremental')) process.env[INCREMENTAL_ENV] = '1';
    const jobs = process.env[INCREMENTAL_ENV]
      ? 1
      : buildJobs({ reports: codes.length, cores: availableParallelism(), requested: jobsOption() });
    if (jobs > 1 && codes.length) return parallelBuild(jobs, out ?? 'dist', withSearch, codes);
    return singleBuild(out ?? 'dist', withSearch);
  }
  await astroBuild(shard, out);
  const dist = out ?? 'dist';
  await exportRecords(dist);
  if (!resolve(dist).startsWith(resolve('.')))
    console.warn(`build: ${relative('.', dist)} is outside the project: do not run two builds of this project at once`);
  console.log(
    `build: shard ${shardName(shard)} → ${dist} (search records ${relative('.', recordsOf(dist))}) in ${seconds(started)}`,
  );
}

main().catch((e) => {
  console.error(`build: ${(e as Error).message}`);
  // Stopped by a signal: the shell's code for it (128 + its number), as parallelBuild's.
  const signal = (e as { signal?: NodeJS.Signals | null }).signal;
  process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1);
});
