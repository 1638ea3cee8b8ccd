/**
 * npm run search-index [-- --dist DIR] [--records FILE…] [--shard-pages N --budget N --group N]
 *   Builds the search index of the built site in DIR (default dist) into DIR/pagefind/: the
 *   character index and the pages' records of each shard (src/lib/search/table.ts, shards.ts) and
 *   the site-wide files (first stage, script tables, place names), listed in DIR/pagefind/shards.json.
 *   The records are read from the pages' HTML (src/lib/search/record.ts), or with --records from
 *   files written by --export (the merge of a sharded build: the pages are not read again).
 *   --shard-pages, --budget (tests: many shards on a small site) and --group (records per group
 *   file) override the defaults.
 * npm run search-index -- --dist DIR --export FILE
 *   Writes the records of DIR's indexed pages to FILE, one JSON object a line, and builds no index
 *   (each shard of a sharded build, for the merge).
 *
 * Memory stays bounded by a shard: records are spooled to a temporary folder, split by shard, and
 * each shard is built from its own file.
 */
import {
  createReadStream,
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { pinyin } from 'pinyin-pro';
import { pageRecord, pageUrl, SearchRecord } from '../src/lib/search/record.ts';
import { addShardGrams, buildSiteIndex, buildTable, GROUP } from '../src/lib/search/table.ts';
import { characterFold, scriptData } from '../src/lib/search/script-data.ts';
import { PLACE_BUCKETS, placeCore, placeFiles, type Place } from '../src/lib/search/places.ts';
import { FIRST_QUERY_PAGE_BUDGET, planShards, ShardManifest, type IndexablePage } from '../src/lib/search/shards.ts';
import { exitOnHelp } from './help.ts';

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
const log = (s: string) => quiet || console.log(s);
const gzipAsync = promisify(gzip);

/** Lines appended to a file through a buffer (many small writes would dominate). */
class LineWriter {
  private fd: number;
  private buffer: string[] = [];
  private size = 0;
  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }
  write(line: string): void {
    this.buffer.push(line, '\n');
    this.size += line.length + 1;
    if (this.size > 1 << 22) this.flush();
  }
  private flush(): void {
    if (this.buffer.length) writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** The records of a built site's indexed pages (report pages and the directory pages), in a fixed order. */
function* siteRecords(dir: string): Generator<SearchRecord> {
  for (const section of ['reports', 'agencies', 'regions', 'years', 'kinds']) {
    let entries: string[];
    try {
      entries = readdirSync(join(dir, section)).sort();
    } catch {
      continue;
    }
    for (const e of entries) {
      const file = `${section}/${e}/index.html`;
      let html: string;
      try {
        html = readFileSync(join(dir, file), 'utf8');
      } catch {
        continue;
      }
      // Only pages that mark what to index (lists and paging pages do not).
      const record = pageRecord(html, pageUrl(file));
      if (record) yield record;
    }
  }
}

function exportRecords(dir: string, file: string): number {
  const out = new LineWriter(file);
  let n = 0;
  try {
    for (const r of siteRecords(dir)) {
      out.write(JSON.stringify(r));
      n++;
    }
  } finally {
    out.close();
  }
  return n;
}

async function* lines(file: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) if (line) yield line;
}

/**
 * Files of the index are gzipped JSON, named so that no server re-encodes them. They are
 * compressed on libuv's threads, GZ_AT_ONCE at a time, while this thread goes on building the
 * next files: compressing at level 9 was about a third of the index's time (100,000 reports:
 * 25 of 67 s of CPU), all on this thread. `flushGz` waits for them (and throws the first error).
 */
const GZ_AT_ONCE = 4;
const writing = new Set<Promise<void>>();
let gzError: Error | null = null;
async function writeGz(file: string, value: unknown): Promise<void> {
  while (writing.size >= GZ_AT_ONCE) await Promise.race(writing);
  if (gzError) throw gzError;
  const p: Promise<void> = gzipAsync(JSON.stringify(value), { level: 9 })
    .then((b) => writeFile(file, b))
    .catch((e: unknown) => void (gzError ??= e instanceof Error ? e : new Error(String(e))))
    .finally(() => writing.delete(p));
  writing.add(p);
}
async function flushGz(): Promise<void> {
  await Promise.all(writing);
  if (gzError) throw gzError;
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
  for (const d of ['p', 'f', 'l']) await mkdir(join(out, 'nb', 'places', d), { recursive: true });
  for (const [letter, l] of Object.entries(files.pinyin))
    await writeGz(join(out, 'nb', 'places', 'p', `${letter}.nbg`), l);
  for (let i = 0; i < PLACE_BUCKETS; i++) {
    await writeGz(join(out, 'nb', 'places', 'f', `${i}.nbg`), files.first[i]);
    await writeGz(join(out, 'nb', 'places', 'l', `${i}.nbg`), files.last[i]);
  }
  return manifest;
}

async function buildIndex(sources: string[], tmp: string): Promise<void> {
  const started = Date.now();
  // Pass 1: what planning the shards needs (address, kind, year) per record, in source order.
  const pages: IndexablePage[] = [];
  const seen = new Set<string>();
  for (const file of sources)
    for await (const line of lines(file)) {
      const r = SearchRecord.parse(JSON.parse(line));
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
  const shards = planShards(pages, shardPages);
  const shardOf = new Map<string, number>();
  shards.forEach((s, i) => s.urls.forEach((u) => shardOf.set(u, i)));
  // Pass 2: each record to its shard's file, as it is (the n-th line is the n-th page above).
  const writers = shards.map((_, i) => new LineWriter(join(tmp, `shard-${i}.jsonl`)));
  let n = 0;
  try {
    for (const file of sources)
      for await (const line of lines(file)) writers[shardOf.get(pages[n++]!.url)!]!.write(line);
  } finally {
    for (const w of writers) w.close();
  }
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
  for (const [i, shard] of shards.entries()) {
    const file = join(tmp, `shard-${i}.jsonl`);
    const records = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as SearchRecord);
    rmSync(file);
    const table = buildTable(records, fold, group);
    for (const c of table.folded) foldUsed.add(c);
    const dir = join(out, shard.id, 'nb');
    for (const d of ['g', 'p', 'r']) await mkdir(join(dir, d), { recursive: true });
    await writeGz(join(dir, 'pages.nbg'), table.header);
    for (let k = 0; k < table.chunks.length; k++) await writeGz(join(dir, 'p', `${k}.nbg`), table.chunks[k]);
    for (let k = 0; k < table.buckets.length; k++) await writeGz(join(dir, 'g', `${k}.nbg`), table.buckets[k]);
    for (let k = 0; k < table.groups.length; k++) await writeGz(join(dir, 'r', `${k}.nbg`), table.groups[k]);
    addShardGrams(siteGrams, i, table.grams);
    for (const r of records)
      if (r.filters['类型']?.[0] === '地区' && r.meta.title) places.push({ name: r.meta.title, url: r.url });
    done += shard.pages;
    log(
      `search-index: ${shard.id} (${shard.pages} pages) · ${done} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
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
  log(`search-index: ${shards.length} shards, ${done} pages, ${((Date.now() - started) / 1000).toFixed(1)} s → ${out}`);
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
  try {
    let sources = values('--records');
    if (!sources.length) {
      sources = [join(tmp, 'records.jsonl')];
      const n = exportRecords(dist, sources[0]!);
      log(`search-index: ${n} pages read in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    await buildIndex(sources, tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`search-index: fatal: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
