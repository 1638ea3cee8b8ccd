/**
 * npm run search-index [-- --dist DIR] [--records FILE…] [--threads N] [--shard-pages N --budget N --group N]
 *   Builds the search index of the built site in DIR (default dist) into DIR/pagefind/: the
 *   character index and the pages' records of each shard (src/lib/search/table.ts, shards.ts) and
 *   the site-wide files (first stage, script tables, place names), listed in DIR/pagefind/shards.json.
 *   The records are read from the pages' HTML (src/lib/search/record.ts), or with --records from
 *   files written by --export (the merge of a sharded build: the pages are not read again).
 *   --shard-pages, --budget (tests: many shards on a small site) and --group (records per group
 *   file) override the defaults. --threads: how many threads build the shards (default 2 on two
 *   cores or more from 20,000 pages, else 1); the index is the same bytes on any number.
 * npm run search-index -- --dist DIR --cache CACHE
 *   The same index, but the records of pages whose HTML is that of the previous build with the
 *   same CACHE folder come from it instead of being parsed again (src/lib/search/site-records.ts;
 *   the incremental build's, scripts/build.ts), and a shard whose records are those of one of
 *   the previous build's is not built again: its files are linked from CACHE/shards
 *   (src/lib/search/shard-cache.ts). CACHE then holds this build's records and shards.
 * npm run search-index -- --dist DIR --export FILE
 *   Writes the records of DIR's indexed pages to FILE, one JSON object a line, and builds no index
 *   (each shard of a sharded build, for the merge).
 *
 * Memory stays bounded by a shard: records are spooled to a temporary folder, split by shard, and
 * each shard is built from its own file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { SearchRecord } from '../src/lib/search/record.ts';
import { RecordCache, writeSiteRecords } from '../src/lib/search/site-records.ts';
import { LineWriter } from '../src/lib/search/line-writer.ts';
import { lineBytes } from '../src/lib/search/line-reader.ts';
import { addShardGrams, buildSiteIndex, GROUP } from '../src/lib/search/table.ts';
import { characterFold, scriptData } from '../src/lib/search/script-data.ts';
import { PLACE_BUCKETS, placeCore, placeFiles, type Place } from '../src/lib/search/places.ts';
import { FIRST_QUERY_PAGE_BUDGET, planShards, ShardManifest, type IndexablePage } from '../src/lib/search/shards.ts';
import { ShardCache, ShardKey, shardCode } from '../src/lib/search/shard-cache.ts';
import { exitOnHelp } from './help.ts';
import { buildShard, flushGz, writeGz, type ShardBuilt, type ShardJob } from './search-shard.ts';

exitOnHelp(import.meta.url);

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
/** Every value after `name` up to the next option. */
const values = (name: string): string[] => {
  const i = argv.indexOf(name);
  if (i < 0) return [];
  const out: string[] = [];
  for (let j = i + 1; j < argv.length && !argv[j]!.startsWith('--'); j++) out.push(argv[j]!);
  return out;
};
const dist = option('--dist') ?? 'dist';
const quiet = argv.includes('--quiet');
const shardPages = option('--shard-pages') ? Number(option('--shard-pages')) : undefined;
const budget = option('--budget') ? Number(option('--budget')) : FIRST_QUERY_PAGE_BUDGET;
const group = option('--group') ? Number(option('--group')) : GROUP;
/**
 * Threads that build shards: two by default on two cores or more (a shard's table is one
 * thread's work; 100,000 reports: 22 shards in 70 s on one), one below INDEX_THREADS_FROM pages,
 * where starting a worker (tsx loads the sources: about a second) costs more than it saves.
 */
const INDEX_THREADS_FROM = 20_000;
const threadsOption = option('--threads') ? Number(option('--threads')) : null;
const log = (s: string) => quiet || console.log(s);

function exportRecords(dir: string, file: string): number {
  const out = new LineWriter(file);
  try {
    return writeSiteRecords(dir, (line) => out.write(line)).records;
  } finally {
    out.close();
  }
}

/**
 * Data for queries and suggestions, site-wide: OpenCC's dictionaries split by character for the
 * query converters (src/lib/search/script.ts), the character fold restricted to the characters
 * that occur on the pages (to check a page's text), and place names with their pinyin
 * (pinyin-pro) and page.
 */
async function writeSuggestData(
  out: string,
  places: Array<{ name: string; url: string }>,
  fold: Record<string, string>,
  foldUsed: Set<string>,
): Promise<ShardManifest['script']> {
  const { manifest, buckets } = scriptData(fold);
  await mkdir(join(out, 'nb', 't'), { recursive: true });
  for (let i = 0; i < buckets.length; i++) await writeGz(join(out, 'nb', 't', `${i}.nbg`), buckets[i]);
  await writeGz(join(out, 'fold.nbg'), Object.fromEntries([...foldUsed].sort().map((c) => [c, fold[c]!])));
  const seen = new Set<string>();
  const list: Place[] = [];
  for (const p of places.sort((a, b) => a.url.localeCompare(b.url))) {
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    // Without the administrative suffix: wuxi → 无锡市.
    list.push([pinyin(placeCore(p.name), { toneType: 'none', type: 'array' }).join(''), p.name, p.url]);
  }
  // Split, so that a suggestion fetches one or two small files (src/lib/search/places.ts).
  const files = placeFiles(list);
  // The pinyin folder only with a file in it: no places (no reports), no empty folder published
  // (a fresh tester); a letter's file not there is a letter without places either way.
  const dirs = Object.keys(files.pinyin).length ? ['p', 'f', 'l'] : ['f', 'l'];
  for (const d of dirs) await mkdir(join(out, 'nb', 'places', d), { recursive: true });
  for (const [letter, l] of Object.entries(files.pinyin))
    await writeGz(join(out, 'nb', 'places', 'p', `${letter}.nbg`), l);
  for (let i = 0; i < PLACE_BUCKETS; i++) {
    await writeGz(join(out, 'nb', 'places', 'f', `${i}.nbg`), files.first[i]);
    await writeGz(join(out, 'nb', 'places', 'l', `${i}.nbg`), files.last[i]);
  }
  return manifest;
}

/** A thread that builds shards, and its end: an error, or its exit (`terminate` too). */
interface ShardWorker {
  worker: Worker;
  gone: Promise<Error>;
}

/** `threads` workers that build shards (search-shard-worker.ts), or none for one thread. */
const startWorkers = (threads: number): ShardWorker[] =>
  threads <= 1
    ? []
    : Array.from({ length: threads }, () => {
        const worker = new Worker(new URL('./search-shard-worker.ts', import.meta.url), {
          execArgv: ['--import', 'tsx'],
        });
        // Listened to from the start: one that fails before it is given a shard is not lost.
        const gone = new Promise<Error>((done) => {
          worker.once('error', done);
          worker.once('exit', (code) => done(new Error(`a search index worker stopped (exit ${code})`)));
        });
        return { worker, gone };
      });

const stopWorkers = (workers: ShardWorker[]) => Promise.all(workers.map((w) => w.worker.terminate()));

/**
 * Builds `jobs` on this thread (no workers) or on the `workers` (startWorkers), one shard at a
 * time each, calling `add` with each as it is done (in any order). The first failure stops them
 * all; the workers are stopped when this ends.
 */
async function buildShards(
  jobs: ShardJob[],
  fold: Record<string, string>,
  workers: ShardWorker[],
  add: (b: ShardBuilt) => void,
): Promise<void> {
  if (workers.length === 0) {
    for (const job of jobs) add(await buildShard(job, fold));
    return;
  }
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        ({ worker: w, gone }) =>
          new Promise<void>((ok, fail) => {
            const send = () => (next < jobs.length ? w.postMessage(jobs[next++]) : ok());
            w.on('message', (m: { built?: ShardBuilt; error?: string }) => {
              if (m.error !== undefined) return fail(new Error(m.error));
              add(m.built!);
              send();
            });
            void gone.then(fail);
            send();
          }),
      ),
    );
  } finally {
    await stopWorkers(workers);
  }
}

/**
 * What a shard's files are built by besides src/lib/search (shard-cache.ts, shardCode): this
 * script, which gives each shard its records, and the shard builder.
 */
const SHARD_CODE_FILES = [new URL(import.meta.url), new URL('./search-shard.ts', import.meta.url)];

/**
 * Builds the index of the records in `sources`. With `shardCache` (an incremental build), a shard
 * whose records, in order, are those of a shard of the previous build is not built again: its
 * files are linked from the cache (shard-cache.ts), and the shards built are kept there.
 */
async function buildIndex(sources: string[], tmp: string, shardCache: ShardCache | null = null): Promise<void> {
  const started = Date.now();
  // Pass 1: what planning the shards needs (address, kind, year) per record, in source order.
  const pages: IndexablePage[] = [];
  const seen = new Set<string>();
  for (const file of sources)
    for (const line of lineBytes(file)) {
      const r = SearchRecord.parse(JSON.parse(line.toString()));
      if (seen.has(r.url)) throw new Error(`${r.url} has two search records (a page written by two shards?)`);
      seen.add(r.url);
      const year = r.sort.year ? Number(r.sort.year) : NaN;
      pages.push(
        r.url.startsWith('/reports/')
          ? { url: r.url, kind: 'reports', year: Number.isInteger(year) ? year : null }
          : { url: r.url, kind: 'directory', year: null },
      );
    }
  seen.clear();
  const threads = threadsOption ?? (pages.length >= INDEX_THREADS_FROM ? Math.min(2, availableParallelism()) : 1);
  // Started now, so that they load (about a second each) while this thread splits the records.
  const workers = startWorkers(threads);
  try {
    await buildShardsOf(sources, tmp, shardCache, pages, started, workers);
  } finally {
    await stopWorkers(workers);
  }
}

async function buildShardsOf(
  sources: string[],
  tmp: string,
  shardCache: ShardCache | null,
  pages: IndexablePage[],
  started: number,
  workers: ShardWorker[],
): Promise<void> {
  const shards = planShards(pages, shardPages);
  const shardOf = new Map<string, number>();
  shards.forEach((s, i) => s.urls.forEach((u) => shardOf.set(u, i)));
  // Pass 2: each record to its shard's file, as it is (the n-th line is the n-th page above).
  const writers = shards.map((_, i) => new LineWriter(join(tmp, `shard-${i}.jsonl`)));
  const code = shardCache ? shardCode(SHARD_CODE_FILES) : '';
  const keys = shardCache ? shards.map(() => new ShardKey(code, group)) : null;
  let n = 0;
  try {
    // Bytes, not text: the lines are moved as they are (the keys hash the same UTF-8).
    for (const file of sources)
      for (const line of lineBytes(file)) {
        const s = shardOf.get(pages[n++]!.url)!;
        writers[s]!.write(line);
        keys?.[s]!.add(line);
      }
  } finally {
    for (const w of writers) w.close();
  }
  const digests = keys?.map((k) => k.digest()) ?? [];
  pages.length = 0;
  shardOf.clear();
  const out = join(dist, 'pagefind');
  // A stale index would mix with the new one.
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  let done = 0;
  const places: Array<{ name: string; url: string }> = [];
  // The first stage, filled shard by shard so that no shard's grams are kept.
  const siteGrams = new Map<string, number[]>();
  const fold = characterFold();
  const foldUsed = new Set<string>();
  // Each shard is built on its own (search-shard.ts), on `threads` threads; what the site-wide
  // files need of it is added here in shard order, as each next one is done, so that neither the
  // bytes depend on the threads nor more than a few shards' grams are kept at once.
  const jobs: ShardJob[] = shards.map((shard, i) => ({
    i,
    file: join(tmp, `shard-${i}.jsonl`),
    dir: join(out, shard.id, 'nb'),
    group,
  }));
  // The shards of the previous build with the same records: their files as they were.
  const kept = new Map<number, string>();
  for (const job of jobs)
    if (shardCache?.restore(digests[job.i]!, job.dir)) {
      kept.set(job.i, digests[job.i]!);
      rmSync(job.file);
    }
  const toBuild = jobs.filter((j) => !kept.has(j.i));
  const built = new Map<number, ShardBuilt>();
  let next = 0;
  /** The next shard in order, if built or kept. */
  const take = (i: number): ShardBuilt | undefined => {
    const b = built.get(i);
    if (b) built.delete(i);
    const key = kept.get(i);
    return b ?? (key === undefined ? undefined : { i, ...shardCache!.summary(key) });
  };
  const drain = () => {
    for (let r = take(next); r; r = take(next)) {
      for (const c of r.folded) foldUsed.add(c);
      addShardGrams(siteGrams, r.i, r.grams);
      places.push(...r.places);
      done += shards[r.i]!.pages;
      log(
        `search-index: ${shards[r.i]!.id} (${shards[r.i]!.pages} pages${kept.has(r.i) ? ', kept' : ''}) · ${done} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      next++;
    }
  };
  const add = (b: ShardBuilt) => {
    shardCache?.store(digests[b.i]!, jobs[b.i]!.dir, { grams: b.grams, folded: b.folded, places: b.places });
    built.set(b.i, b);
    drain();
  };
  // No more workers than shards to build (the others are stopped with the rest).
  await buildShards(toBuild, fold, workers.slice(0, toBuild.length), add);
  drain();
  const script = await writeSuggestData(out, places, fold, foldUsed);
  // The first stage: which shards hold each gram.
  const site = buildSiteIndex(siteGrams);
  siteGrams.clear();
  await mkdir(join(out, 'nb', 'g'), { recursive: true });
  for (let i = 0; i < site.files.length; i++) await writeGz(join(out, 'nb', 'g', `${i}.nbg`), site.files[i]);
  await flushGz();
  const manifest = ShardManifest.parse({
    version: 5,
    budget,
    gramBuckets: site.buckets,
    shards: shards.map(({ urls: _u, ...s }) => s),
    script,
  });
  await writeFile(join(out, 'shards.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  const reuse = shardCache ? ` (${toBuild.length} built, ${kept.size} kept)` : '';
  log(
    `search-index: ${shards.length} shards${reuse}, ${done} pages, ${((Date.now() - started) / 1000).toFixed(1)} s → ${out}`,
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  const exportTo = option('--export');
  if (exportTo) {
    const n = exportRecords(dist, exportTo);
    log(`search-index: ${n} records of ${dist} → ${exportTo} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-search-'));
  const cacheDir = option('--cache');
  if (cacheDir && values('--records').length) throw new Error('--cache reads the pages: not with --records');
  const cache = cacheDir ? new RecordCache(cacheDir) : null;
  const shardCache = cacheDir ? new ShardCache(join(cacheDir, 'shards')) : null;
  try {
    let sources = values('--records');
    if (cache) {
      const n = writeSiteRecords(dist, cache);
      cache.close();
      sources = [cache.recordsFile];
      log(
        `search-index: ${n.records} pages read in ${((Date.now() - started) / 1000).toFixed(1)} s (${n.parsed} of ${n.pages} files parsed, ${n.pages - n.parsed} unchanged: records from ${cacheDir}; ${n.read} files read, the others the very files the last build read)`,
      );
    } else if (!sources.length) {
      sources = [join(tmp, 'records.jsonl')];
      const n = exportRecords(dist, sources[0]!);
      log(`search-index: ${n} pages read in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    await buildIndex(sources, tmp, shardCache);
    cache?.commit();
    shardCache?.prune();
  } catch (e) {
    cache?.abandon();
    throw e;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`search-index: fatal: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
