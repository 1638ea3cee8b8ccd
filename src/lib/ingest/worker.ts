/** Worker thread: analyses batches of files (read, hash, parse, validate) for parallel.ts. */
import { hash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { loadGazetteer } from '../region/load.ts';
import { analyzeFile, serialize, transferables, type FileResult } from './analyze.ts';
import { readRaw, readRawAs } from './walk.ts';
import { openAnalysisCache } from './analysis-cache.ts';
import { failedInThisRun } from '../decode/convert-sync.ts';
import { lightEntry, readEntries, type PackRef } from './light-pack.ts';

const {
  maxBytes,
  maxYear,
  cache: cacheAt,
  crashOn,
  crashMb,
} = workerData as {
  maxBytes: number;
  maxYear: number;
  cache?: { dir: string; version: string } | null;
  crashOn?: string;
  crashMb?: number;
};
const ctx = { gazetteer: loadGazetteer(), maxBytes, maxYear };
const sha256 = (b: Uint8Array) => hash('sha256', b);
const cache = cacheAt ? openAnalysisCache(cacheAt.dir, cacheAt.version, { maxBytes, maxYear }) : null;

type Item = {
  path: string;
  size: number;
  abs: Uint8Array | string;
  skip?: string;
  retain?: string;
  unread?: true;
  identity?: string;
  /** Where its analysis without rows is in the previous run's light packs (light-pack.ts), for a file taken unread. */
  packed?: PackRef;
};

/** The light packs this worker has opened (path → descriptor; null: could not be). */
const packs = new Map<string, number | null>();

/**
 * A file taken unread (its identity the one the previous run read, so its SHA-256 the ledger's
 * `retain`) with its analysis without rows from its light pack entry `bytes`, when the entry is
 * that file's.
 */
function fromPack(f: Item, bytes: Uint8Array | null | undefined): FileResult | null {
  if (!bytes || !f.unread || !f.retain || !f.identity || f.skip || f.size > maxBytes) return null;
  const light = lightEntry(bytes, { path: f.path, size: f.size, sha256: f.retain });
  return light && { ...light, retained: true, identity: f.identity };
}

/**
 * One file's analysis, from the cache when an incremental ingest has it (analysis-cache.ts);
 * without its rows when `retain`, the SHA-256 the previous run read at this path, is the file's:
 * known without reading it when the file is `unread`, the very file that run read (its
 * identity, walk.ts). Entries the walk skipped and files over the size limit are never read
 * here (analyzeFile rejects them unread), nor is a file that cannot be read (analyzeFile says why).
 */
function analyse(f: Item) {
  const plain = () => serialize(analyzeFile(f, () => readRaw(f.abs), sha256, ctx));
  if (!cache || f.skip || f.size > maxBytes) return plain();
  // The previous run's DuckDB file has this file's rows when it read these very bytes
  // (retained.ts): the analysis without them will do, when the cache has it.
  const retained = (sha: string) => {
    const light = cache.get(cache.key(f.path, f.size, sha), false);
    return light && !light.rejected && light.counts ? { ...light, retained: true as const } : null;
  };
  if (f.unread && f.retain && f.identity) {
    const taken = retained(f.retain);
    if (taken) return { ...taken, identity: f.identity };
  }
  let bytes: Uint8Array;
  let identity: string | null;
  try {
    ({ bytes, identity } = readRawAs(f.abs, f.identity));
  } catch {
    return plain();
  }
  // The identity the next run may take this file by, when the bytes read are the walked file's.
  const known = <T extends FileResult>(r: T): T => (identity && !r.rejected ? { ...r, identity } : r);
  const sha = sha256(bytes);
  const key = cache.key(f.path, f.size, sha);
  const taken = f.retain === sha ? retained(sha) : null;
  if (taken) return known(taken);
  const hit = cache.get(key);
  if (hit) return known(hit);
  const result = serialize(
    analyzeFile(
      f,
      () => bytes,
      (b) => (b === bytes ? sha : sha256(b)),
      ctx,
    ),
  );
  // A conversion that failed in this run, not because of the file, is tried again next time.
  if (!(result.rejected && failedInThisRun(result.rejected.reason))) cache.put(key, result);
  return known(result);
}

/**
 * Tests only: fill the heap the way a huge DOM does, without end or with about `mb` MB (each
 * entry below takes about 140 bytes, measured), which the caller keeps while it reads the file.
 * Small objects in arrays of a thousand: one ever-growing array (one huge allocation) can abort
 * the whole process instead of the worker (nodejs/node#47224).
 */
function hogHeap(mb?: number): object[][] {
  let chunk: object[] = [];
  const hog = [chunk];
  for (let i = 0; mb === undefined || i < (mb * 1024 * 1024) / 140; i++) {
    if (chunk.length === 1000) hog.push((chunk = []));
    chunk.push({ i, s: `x${i}`, c: [i] });
  }
  return hog;
}

parentPort!.on('message', (msg: { id: number; items: Item[] }) => {
  // The results taken from their light pack entry, by position: the next run's index keeps
  // those entries where they are (light-pack.ts LightPackWriter).
  const packed: number[] = [];
  // The batch's light pack entries, read together (one read per pack for consecutive files).
  const asked = msg.items.filter((f) => f.packed);
  const read = readEntries(
    asked.map((f) => f.packed!),
    packs,
  );
  const bytes = new Map(asked.map((f, k) => [f, read[k]]));
  const results = msg.items.map((f, k) => {
    const hog = crashOn && f.path.includes(crashOn) ? hogHeap(crashMb) : [];
    const taken = fromPack(f, bytes.get(f));
    if (taken) packed.push(k);
    const result = taken ?? analyse(f);
    hog.length = 0;
    return result;
  });
  parentPort!.postMessage({ id: msg.id, results, packed }, results.flatMap(transferables));
});
