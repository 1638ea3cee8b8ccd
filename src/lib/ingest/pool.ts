import { Worker } from 'node:worker_threads';

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
  /** Tests only: the worker exhausts its heap when it reaches a file whose path contains this. */
  crashOn?: string;
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

export function spawnWorker(s: WorkerSettings): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), {
    execArgv: ['--import', 'tsx'],
    workerData: { maxBytes: s.maxBytes, maxYear: s.maxYear, crashOn: s.crashOn },
    // A worker's live data is the gazetteer and one batch; a cap makes V8 collect early
    // instead of growing its heap, which keeps the run's peak memory down.
    resourceLimits: { maxOldGenerationSizeMb: s.heapMb ?? 384 },
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
