import type { Worker } from 'node:worker_threads';
import type { FileResult } from './analyze.ts';
import { diag } from '../schema/diagnostics.ts';
import { Collector, sortPaths, type RowSink, type RunResult } from './run.ts';
import { retryHeapMb, spawnWorker, type Started, type WorkerSettings } from './pool.ts';
import type { LightPackWriter, PackIndex } from './light-pack.ts';

/**
 * The same run as `runIngest`, with files analysed in worker threads. Batches go out in sorted
 * order and results are collected in that order, so the output is identical to a sequential
 * run. This is the edge that touches threads; the work itself is `analyzeFile`.
 *
 * A worker that dies (its heap limit reached: ERR_WORKER_OUT_OF_MEMORY, or any crash) is
 * replaced, and the files it had not answered for are sent again one at a time. A file whose
 * worker runs out of memory on it alone is read once more, alone, in a fresh worker with the
 * main thread's own heap limit (`retryHeapMb`), one such worker at a time: a file that one
 * thread reads (`--workers 0`) is read the same way here. A file whose worker dies on it alone
 * for another reason, or whose roomy worker dies too, is recorded as rejected with the reason,
 * and the run goes on.
 */

export interface DiskFile {
  path: string;
  size: number;
  abs: Uint8Array | string;
  skip?: string;
  /** The walk's identity of the file (walk.ts), checked again when the worker opens it. */
  identity?: string;
}

export interface ParallelOptions extends WorkerSettings {
  rawDir: string;
  workers: number;
  batchSize?: number;
  /**
   * Heap limit (MB) of the worker that reads a file again after an ordinary worker ran out of
   * memory on it alone; by default the main thread's own (pool.ts `retryHeapMb`).
   */
  retryHeapMb?: number;
  /**
   * Per path, the SHA-256 of the file whose rows the previous run's DuckDB file holds
   * (write/retained.ts): a worker with the cache returns such a file's analysis without rows.
   */
  retain?: ReadonlyMap<string, string>;
  /**
   * Paths whose file is, by its identity (walk.ts `fileIdentity`), the one the previous run read
   * there: its SHA-256 is the one in `retain`, and the worker does not read it.
   */
  unread?: ReadonlySet<string>;
  /**
   * Where the previous run's light packs hold each file's analysis without rows (light-pack.ts):
   * a file taken unread goes to its worker with its entry's place, and the worker reads a batch's
   * entries in one go instead of opening the cache's file for each.
   */
  pack?: PackIndex;
  /** This run's light pack index, added to as the results are collected (path order). */
  packOut?: LightPackWriter;
  /** Workers already started with the same settings (pool.ts `startWorkers`), used first. */
  started?: Started[];
  onProgress?: (done: number, total: number, path: string) => void;
}

interface Task {
  /** Indices into the sorted files. */
  files: number[];
  /** Sent again alone after a worker died on its batch. */
  alone: boolean;
}

export async function runParallel(input: DiskFile[], opts: ParallelOptions, sink: RowSink): Promise<RunResult> {
  const files = sortPaths(input).map((f) => ({
    path: f.path,
    size: f.size,
    abs: f.abs,
    skip: f.skip,
    retain: opts.retain?.get(f.path),
    ...(opts.unread?.has(f.path) ? { unread: true as const } : {}),
    ...(f.identity ? { identity: f.identity } : {}),
  }));
  // The identities the files were read (or taken) by, for the next run's ledger.
  const identities = new Map<string, string>();
  const batchSize = opts.batchSize ?? 50;
  const queue: Task[] = [];
  for (let i = 0; i < files.length; i += batchSize)
    queue.push({ files: Array.from({ length: Math.min(batchSize, files.length - i) }, (_, k) => i + k), alone: false });
  const collector = new Collector(
    opts.rawDir,
    sink,
    files.map((f) => f.path),
  );
  const done = new Map<number, FileResult>();
  // The results a worker took from their light pack entry, which the next run's index keeps.
  const fromPack = new Set<number>();
  /** A task's files as sent, with the place of their light pack entry for those taken unread. */
  const itemsOf = (task: Task) =>
    task.files.map((i) => {
      const f = files[i]!;
      const packed = f.unread && f.retain && f.identity ? opts.pack?.get(f.path) : undefined;
      return packed ? { ...f, packed } : f;
    });
  let want = 0; // next file to collect
  const live = new Set<Worker>();
  const started = [...(opts.started ?? [])];
  let finished = false;
  // Files an ordinary worker ran out of memory on, alone: read again one at a time in a roomy worker.
  const roomyQueue: number[] = [];
  let roomyBusy = false;

  try {
    await new Promise<void>((resolve, reject) => {
      if (files.length === 0) return resolve();
      const collect = () => {
        while (done.has(want)) {
          const r = done.get(want)!;
          done.delete(want);
          if (!r.rejected && r.identity) identities.set(r.path, r.identity);
          opts.packOut?.add(r, fromPack.delete(want));
          collector.add(r);
          want++;
          opts.onProgress?.(want, files.length, r.path);
        }
        if (want === files.length) {
          finished = true;
          resolve();
        }
      };
      const start = () => {
        // A worker started ahead (pool.ts) is taken over with what happened to it so far.
        const pre = started.shift();
        const w = pre?.worker ?? spawnWorker(opts);
        live.add(w);
        const inFlight = new Map<number, Task>();
        let nextId = 0;
        let error: NodeJS.ErrnoException | null = pre?.error ?? null;
        let answered = false;
        const send = () => {
          // A file sent again alone travels alone: if the worker dies then, it is the culprit.
          const busy = inFlight.size > 0;
          if (!queue.length || (busy && (queue[0]!.alone || [...inFlight.values()].some((t) => t.alone)))) return;
          const task = queue.shift()!;
          const id = nextId++;
          inFlight.set(id, task);
          w.postMessage({ id, items: itemsOf(task) });
        };
        w.on('message', (msg: { id: number; results: FileResult[]; packed?: number[] }) => {
          answered = true;
          const task = inFlight.get(msg.id)!;
          inFlight.delete(msg.id);
          for (const k of msg.packed ?? []) fromPack.add(task.files[k]!);
          task.files.forEach((i, k) => done.set(i, msg.results[k]!));
          collect();
          if (!finished) send();
        });
        w.on('error', (e: Error) => (error = e));
        const onExit = () => {
          live.delete(w);
          if (finished) return;
          const code = error?.code;
          const why = error ? `${code ?? error.name}: ${error.message}` : 'the worker thread stopped';
          // A worker that fails before its first answer for another reason than memory cannot
          // start at all (a bug, not a file): stop the run rather than blame every file.
          const suspect = [...inFlight.values()].some((t) => t.alone);
          if (!answered && !suspect && code !== 'ERR_WORKER_OUT_OF_MEMORY')
            return reject(new Error(`a worker thread failed to start: ${why}`));
          // Files it had not answered for: a lone file is the culprit; a batch is split so that
          // the culprit is found and the others are read.
          const retry: Task[] = [];
          for (const task of inFlight.values()) {
            // Only a file that travelled alone is proven the culprit: a one-file batch may have
            // been in flight beside the batch that killed the worker, so it is sent again alone.
            // A culprit that ran out of memory gets one more try with room (roomy below).
            if (!task.alone) for (const i of task.files) retry.push({ files: [i], alone: true });
            else if (code === 'ERR_WORKER_OUT_OF_MEMORY') roomyQueue.push(...task.files);
            else for (const i of task.files) done.set(i, died(files[i]!, why));
          }
          queue.unshift(...retry);
          collect();
          if (finished) return;
          start();
          roomy();
        };
        if (pre?.exited) return onExit();
        w.on('exit', onExit);
        send();
        // Two batches in flight per worker keeps it busy while the main thread collects.
        send();
      };
      /**
       * Reads the next file of `roomyQueue` in a fresh worker with the main thread's heap limit,
       * then stops that worker (its heap is given back); one at a time, so the run's peak memory
       * grows by one such worker at most. If it dies too, the file is rejected with the reason.
       */
      const roomy = () => {
        if (roomyBusy || finished || !roomyQueue.length) return;
        roomyBusy = true;
        const i = roomyQueue.shift()!;
        const w = spawnWorker({ ...opts, heapMb: opts.retryHeapMb ?? retryHeapMb() });
        live.add(w);
        let error: NodeJS.ErrnoException | null = null;
        let answered = false;
        w.on('message', (msg: { id: number; results: FileResult[] }) => {
          answered = true;
          done.set(i, msg.results[0]!);
          void w.terminate();
        });
        w.on('error', (e: Error) => (error = e));
        w.on('exit', () => {
          live.delete(w);
          roomyBusy = false;
          if (finished) return;
          if (!answered)
            done.set(
              i,
              died(files[i]!, error ? `${error.code ?? error.name}: ${error.message}` : 'the worker thread stopped'),
            );
          collect();
          roomy();
        });
        w.postMessage({ id: 0, items: [files[i]] });
      };
      for (let i = 0; i < Math.max(1, opts.workers); i++) start();
    });
  } finally {
    finished = true;
    // Workers started ahead and never taken over (no files, or more than the run uses) stop too.
    await Promise.all([...live, ...started.map((s) => s.worker)].map((w) => w.terminate()));
  }
  // The writer may start loading its last cell and section rows now; one turn of the event loop
  // lets that load begin before the run's end (cross-year checks) takes this thread.
  collector.filesDone();
  await new Promise((r) => setImmediate(r));
  return { ...collector.finish(), identities };
}

function died(f: { path: string; size: number }, why: string): FileResult {
  const reason = `the worker thread reading this file died (${why}); the file is not read`;
  return {
    path: f.path,
    size: f.size,
    sha256: null,
    rejected: { reason, diagnostics: [diag('E_READ_FAILED', reason, f.path)] },
  };
}
