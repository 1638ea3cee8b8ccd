/**
 * One shard of the search index (scripts/search-index.ts): its records' file read (and removed),
 * its table built (src/lib/search/table.ts) and written as gzipped JSON under `dir`. The same
 * function runs on the main thread or in a worker (search-shard-worker.ts): what the site-wide
 * files need of the shard — its grams, the folded characters it uses, its place pages — comes
 * back as plain arrays, which the main thread adds in shard order, so the index is the same
 * bytes however many threads built it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { SearchRecord } from '../src/lib/search/record.ts';
import { buildTable } from '../src/lib/search/table.ts';

export interface ShardJob {
  /** The shard's position in the plan (shards.json order). */
  i: number;
  /** Its records, one JSON object a line (removed once read). */
  file: string;
  /** Where its files go: pagefind/<shard id>/nb. */
  dir: string;
  /** Records per group file. */
  group: number;
}

export interface ShardBuilt {
  i: number;
  grams: string[];
  folded: string[];
  /** The region pages' names and addresses, for the place suggestions. */
  places: Array<{ name: string; url: string }>;
}

/**
 * Files of the index are gzipped JSON, named so that no server re-encodes them. They are
 * compressed on libuv's threads, GZ_AT_ONCE at a time, while this thread goes on building the
 * next files: compressing at level 9 was about a third of the index's time (100,000 reports:
 * 25 of 67 s of CPU), all on this thread. `flushGz` waits for them (and throws the first error).
 * Per thread: a worker has its own.
 */
const GZ_AT_ONCE = 4;
const BUCKET_GZIP_LEVEL = 6;
const writing = new Set<Promise<void>>();
let gzError: Error | null = null;
const gzipAsync = promisify(gzip);

export async function writeGz(file: string, value: unknown, level = 9): Promise<void> {
  while (writing.size >= GZ_AT_ONCE) await Promise.race(writing);
  if (gzError) throw gzError;
  const p: Promise<void> = gzipAsync(JSON.stringify(value), { level })
    .then((b) => writeFile(file, b))
    .catch((e: unknown) => void (gzError ??= e instanceof Error ? e : new Error(String(e))))
    .finally(() => writing.delete(p));
  writing.add(p);
}

export async function flushGz(): Promise<void> {
  await Promise.all(writing);
  if (gzError) throw gzError;
}

/** Builds and writes one shard; its files are all written when this resolves. */
export async function buildShard(job: ShardJob, fold: Record<string, string>): Promise<ShardBuilt> {
  const records = readFileSync(job.file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as SearchRecord);
  rmSync(job.file);
  const table = buildTable(records, fold, job.group);
  for (const d of ['g', 'p', 'r']) await mkdir(join(job.dir, d), { recursive: true });
  await writeGz(join(job.dir, 'pages.nbg'), table.header);
  for (let k = 0; k < table.chunks.length; k++) await writeGz(join(job.dir, 'p', `${k}.nbg`), table.chunks[k]);
  // Level 6, not 9, for the character buckets (lists of numbers): 1.2 % larger, four times
  // quicker to compress (a shard of 7,300 pages: 0.4 s instead of 1.6 s).
  for (let k = 0; k < table.buckets.length; k++)
    await writeGz(join(job.dir, 'g', `${k}.nbg`), table.buckets[k], BUCKET_GZIP_LEVEL);
  for (let k = 0; k < table.groups.length; k++) await writeGz(join(job.dir, 'r', `${k}.nbg`), table.groups[k]);
  await flushGz();
  const places: ShardBuilt['places'] = [];
  for (const r of records)
    if (r.filters['类型']?.[0] === '地区' && r.meta.title) places.push({ name: r.meta.title, url: r.url });
  return { i: job.i, grams: [...table.grams], folded: [...table.folded], places };
}
