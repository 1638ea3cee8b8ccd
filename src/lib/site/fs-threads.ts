import { lstatSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { cachedOutputs, CACHED_PAGES, type LinkedPages } from './linked-pages.ts';

/**
 * File-system calls on many files made by several threads at once: an incremental build's kept
 * pages and report files linked (`linkCachedPages`, report-json.ts), the raw files' metadata read
 * ahead of the report pages' keys (`statInThreads`, page-keys.ts). Out of the page cache, each
 * call waits on the disk for directory entries and inodes: at 100,000 reports one thread made
 * 160,000 links in 27 s, eight threads in 12 s (the kernel's time on both cores then), since the
 * disk serves several such reads at once (bench/results.md).
 *
 * The threads run plain JavaScript given as text (no TypeScript loader to start in each): a
 * loop over their share of the files.
 */

/** What happened to one pair: the inode linked, or why not. */
export type LinkOutcome = { ino: number } | { missing: true } | { stopped: true };

/** Pairs per block: a thread takes every `threads`-th block, so neighbours in path order stay together. */
const BLOCK = 64;

/** Codes after which no more links are made: another file system, or no links allowed there. */
export const STOP_CODES = ['EXDEV', 'EPERM'] as const;

const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const { op, from, to, stopCodes, readBits } = workerData;
// link: 0 not tried (stopped), -1 source missing, otherwise the inode. lstat: nothing kept.
const inos = new Float64Array(op === 'link' ? from.length : 0);
let made = '';
let failure = null;
for (let i = 0; i < from.length; i++) {
  if (op === 'lstat') {
    try { fs.lstatSync(Buffer.from(from[i].buffer, from[i].byteOffset, from[i].byteLength)); } catch {}
    continue;
  }
  const dir = path.dirname(to[i]);
  // The folders this pair made (the first one mkdir made): removed again when no link is made
  // in them, so that no empty folder is published (a fresh tester: another file system).
  let first;
  try {
    if (dir !== made) {
      first = fs.mkdirSync(dir, { recursive: true });
      made = dir;
    }
    fs.linkSync(from[i], to[i]);
    const st = fs.lstatSync(to[i]);
    // A symbolic link in the cache is linked as itself, not followed: not a copy to keep, and
    // removed from the cache too (Astro's own restore would follow it: another page's bytes).
    // So is a file that cannot be read as a page just written can (a fresh tester's mode 000:
    // published so, a host answers 403).
    if (!st.isFile() || (st.mode & readBits) !== readBits) {
      fs.unlinkSync(to[i]);
      fs.rmSync(from[i], { force: true });
      throw Object.assign(new Error('not a regular file'), { code: 'ENOENT' });
    }
    inos[i] = st.ino;
  } catch (e) {
    if (first) {
      for (let d = dir; ; d = path.dirname(d)) {
        try { fs.rmdirSync(d); } catch { break; }
        if (d === first) break;
      }
      made = '';
    }
    if (e && e.code === 'ENOENT') { inos[i] = -1; continue; }
    if (e && stopCodes.includes(e.code)) break;
    failure = { message: String(e && e.message), code: e && e.code };
    break;
  }
}
parentPort.postMessage({ inos, failure }, [inos.buffer]);
`;

interface Done {
  inos: Float64Array;
  failure: { message: string; code?: string } | null;
}

/** Index lists of `n` items for `threads` threads: every `threads`-th block of BLOCK each. */
function shares(n: number, threads: number): number[][] {
  if (n === 0) return [];
  const k = Math.max(1, Math.min(threads, Math.ceil(n / BLOCK)));
  const out = Array.from({ length: k }, () => [] as number[]);
  for (let b = 0; b * BLOCK < n; b++)
    for (let i = b * BLOCK; i < Math.min(n, (b + 1) * BLOCK); i++) out[b % k]!.push(i);
  return out;
}

/** Runs WORKER on each share; resolves with each thread's result, in share order. */
function run(op: 'link' | 'lstat', parts: Array<{ from: unknown[]; to: unknown[] }>): Promise<Done[]> {
  return Promise.all(
    parts.map(
      (part) =>
        new Promise<Done>((done, fail) => {
          const w = new Worker(WORKER, {
            eval: true,
            workerData: { op, ...part, stopCodes: STOP_CODES, readBits: pageReadBits() },
          });
          w.once('message', done);
          w.once('error', fail);
          w.once('exit', (code) => fail(new Error(`a file-system thread stopped (exit ${code})`)));
        }),
    ),
  );
}

/**
 * Links `from[i]` to `to[i]` (folders made as needed) with `threads` threads (1: one thread
 * still, off the main one). A source that is not there is `missing`, and so is one that is not
 * a regular file (a symbolic link would be linked as itself, or followed by a copy) or lacks
 * the read permissions of a file written now (`pageReadBits`), which is removed: the sources are
 * caches' copies of pages, regular files. No folder made for a missing pair
 * stays. After EXDEV or EPERM a
 * thread makes no more links, and the pairs it did not try are `stopped` (each thread stops at
 * its own first such error); any other error is thrown, once every thread is done.
 */
export async function linkInThreads(
  from: readonly string[],
  to: readonly string[],
  threads: number,
): Promise<LinkOutcome[]> {
  const parts = shares(from.length, threads);
  const results = await run(
    'link',
    parts.map((share) => ({ from: share.map((i) => from[i]), to: share.map((i) => to[i]) })),
  );
  const failure = results.find((r) => r.failure)?.failure;
  if (failure) throw Object.assign(new Error(failure.message), { code: failure.code });
  const out: LinkOutcome[] = new Array<LinkOutcome>(from.length);
  parts.forEach((share, k) =>
    share.forEach((i, j) => {
      const ino = results[k]!.inos[j]!;
      out[i] = ino > 0 ? { ino } : ino < 0 ? { missing: true } : stoppedOrOdd(from[i]!);
    }),
  );
  return out;
}

/**
 * The read permissions a file written now has (0o666 less the umask: 0o444 under the usual
 * 022): a cached copy with fewer (a fresh tester's mode 000) is not one to publish. The umask is
 * read from /proc (Linux); elsewhere by setting it and setting it back (before any thread of
 * ours runs: the first call is on the main thread, and workers cannot set it).
 */
export function pageReadBits(): number {
  if (readBits === undefined) {
    let mask: number;
    try {
      const m = /^Umask:\s*([0-7]+)$/m.exec(readFileSync('/proc/self/status', 'utf8'));
      if (!m) throw new Error('no Umask line');
      mask = parseInt(m[1]!, 8);
    } catch {
      mask = process.umask(0o022);
      process.umask(mask);
    }
    readBits = 0o444 & ~mask;
  }
  return readBits;
}
let readBits: number | undefined;

/**
 * A pair not tried (links stopped: another file system): its source is to be copied instead,
 * unless it is not a regular file (a symbolic link, which a copy would follow to another file's
 * bytes: a fresh tester) or not readable as a page just written is (a copy keeps the mode),
 * which is removed and `missing`.
 */
function stoppedOrOdd(source: string): LinkOutcome {
  try {
    const st = lstatSync(source);
    const bits = pageReadBits();
    if (st.isFile() && (st.mode & bits) === bits) return { stopped: true };
  } catch {
    return { stopped: true };
  }
  try {
    rmSync(source, { force: true });
  } catch {
    // A folder: left; it is not linked or copied either.
  }
  return { missing: true };
}

/**
 * Reads the metadata of `paths` (lstat, results dropped) with `threads` threads, so that the
 * calls one thread makes on them next find it in memory. A path that cannot be read is passed
 * over: the caller's own call says why.
 */
export async function statInThreads(paths: readonly Uint8Array[], threads: number): Promise<void> {
  await run(
    'lstat',
    shares(paths.length, threads).map((share) => ({ from: share.map((i) => paths[i]), to: [] })),
  );
}

/** Threads for these calls: out of the page cache 4 made 160,000 links in 13 s, 8 in 12 s, 1 in 27 s. */
export const FS_THREADS = 8;

/**
 * Hard-links every page of the cache's manifest (`{cacheDir}/dist/…`) into `outDir` at the same
 * path, `threads` at a time; returns what was linked (path → inode). A copy Astro pruned or never
 * wrote is not linked (Astro renders that page); where links cannot be made (another file system:
 * EXDEV, or EPERM) they stop, and Astro copies the pages left as before.
 */
export async function linkCachedPages(cacheDir: string, outDir: string, threads = FS_THREADS): Promise<LinkedPages> {
  const paths = [...cachedOutputs(cacheDir)].sort();
  const outcomes = await linkInThreads(
    paths.map((p) => join(cacheDir, CACHED_PAGES, p)),
    paths.map((p) => join(outDir, p)),
    threads,
  );
  const linked: LinkedPages = new Map();
  paths.forEach((p, i) => {
    const o = outcomes[i]!;
    if ('ino' in o) linked.set(p, o.ino);
  });
  return linked;
}
