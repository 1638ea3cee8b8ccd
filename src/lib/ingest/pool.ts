import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { bundleEntry, sourceEntry, type Entry } from './bundle.ts';

/**
 * Starting the analysis worker threads (worker.ts). Kept apart from parallel.ts, which imports
 * the whole parser through run.ts: the command line starts its workers first and loads the rest
 * while they boot (each worker spends about a second loading the parser and the gazetteer,
 * time in which the main thread would otherwise sit on its own imports with a core idle).
 */

export interface WorkerSettings {
  maxBytes: number;
  maxYear: number;
  /** Heap limit of a worker (MB). */
  heapMb?: number;
  /** The analysis cache (analysis-cache.ts) of an incremental ingest: its folder and code version. */
  cache?: { dir: string; version: string } | null;
  /** Tests only: the worker exhausts its heap when it reaches a file whose path contains this. */
  crashOn?: string;
  /** Tests only: instead, it holds this many MB of small objects while it reads that file. */
  crashMb?: number;
}

/** Heap limit (MB) of an ordinary worker: the gazetteer, one batch, and room. */
export const WORKER_HEAP_MB = 384;
/** Young generation (MB) of a worker: where each file's short-lived objects are made. */
export const WORKER_YOUNG_MB = 32;

/**
 * Heap limit (MB) of the worker that reads a file again after an ordinary one ran out of memory
 * on it: the main thread's own limit, under which the same file is read with `--workers 0`
 * (V8's default is about a quarter of the machine's memory, at most about 4 GB; a 20 MB page
 * within the bounds of bounds.ts was measured to need up to 2 GB, so a fixed multiple of the
 * ordinary heap would not do). At most 4 GB even so: a main heap raised above that is for a run
 * of very many files (heap.ts), not for one file. Never less than four ordinary heaps. A limit,
 * not a reservation: the worker takes what the file needs.
 */
export function retryHeapMb(): number {
  const main = Math.floor(getHeapStatistics().heap_size_limit / (1024 * 1024));
  return Math.max(4 * WORKER_HEAP_MB, Math.min(main, 4096));
}

/**
 * A worker started ahead of its run. What happens to it before the run takes it over (an error,
 * its exit) is recorded, so that the run handles it as if it had been listening from the start.
 */
export interface Started {
  worker: Worker;
  error: Error | null;
  exited: boolean;
}

const SOURCE = new URL('./worker.ts', import.meta.url);
let entry: Entry = sourceEntry(SOURCE);

/**
 * Workers spawned from now on load worker.ts as one bundle (bundle.ts), when it can be made;
 * otherwise, and until this is called, from the sources with tsx. The command line calls it
 * before it starts its workers.
 */
export async function prepareWorkers(): Promise<boolean> {
  const bundled = await bundleEntry(SOURCE);
  if (bundled) entry = bundled;
  return bundled !== null;
}

/** The hash of the bundle workers load (prepareWorkers), or null when they load the sources. */
export const bundleHash = (): string | null => entry.hash ?? null;

export function spawnWorker(s: WorkerSettings): Worker {
  return new Worker(entry.url, {
    execArgv: entry.execArgv,
    workerData: { maxBytes: s.maxBytes, maxYear: s.maxYear, cache: s.cache, crashOn: s.crashOn, crashMb: s.crashMb },
    // A worker's live data is the gazetteer and one batch; a cap makes V8 collect early
    // instead of growing its heap, which keeps the run's peak memory down.
    // The young generation too: V8's default for a worker let each grow a few hundred MB of
    // short-lived garbage (10,000 files: 1,145 MB peak for the run; 829 MB with 32 MB, and 5 %
    // less CPU time; 8 MB cost 8 % more CPU).
    resourceLimits: { maxOldGenerationSizeMb: s.heapMb ?? WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
}

/** `n` workers started now, for `runParallel` to take over (its `started` option). */
export function startWorkers(n: number, s: WorkerSettings): Started[] {
  return Array.from({ length: n }, () => {
    const st: Started = { worker: spawnWorker(s), error: null, exited: false };
    // Listening at once: an 'error' with no listener would throw in the main thread.
    st.worker.on('error', (e: Error) => (st.error ??= e));
    st.worker.on('exit', () => (st.exited = true));
    return st;
  });
}
