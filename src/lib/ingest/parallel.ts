import { Worker } from 'node:worker_threads';
import type { FileResult } from './analyze.ts';
import { Collector, sortPaths, type RowSink, type RunResult } from './run.ts';

/**
 * The same run as `runIngest`, with files analysed in worker threads. Batches go out in sorted
 * order and results are collected in that order, so the output is identical to a sequential
 * run. This is the edge that touches threads; the work itself is `analyzeFile`.
 */

export interface DiskFile {
  path: string;
  size: number;
  abs: string;
}

export interface ParallelOptions {
  rawDir: string;
  maxBytes: number;
  maxYear: number;
  workers: number;
  batchSize?: number;
  onProgress?: (done: number, total: number, path: string) => void;
}

// The worker is TypeScript like the rest: tsx loads it in the thread as it does in the main one.
export async function runParallel(input: DiskFile[], opts: ParallelOptions, sink: RowSink): Promise<RunResult> {
  const files = sortPaths(input);
  const batchSize = opts.batchSize ?? 50;
  const batches: DiskFile[][] = [];
  for (let i = 0; i < files.length; i += batchSize) batches.push(files.slice(i, i + batchSize).map((f) => ({ path: f.path, size: f.size, abs: f.abs })));
  const collector = new Collector(opts.rawDir, sink);
  const done = new Map<number, FileResult[]>();
  let next = 0; // next batch to send
  let want = 0; // next batch to collect
  let processed = 0;

  const workers = Array.from({ length: Math.max(1, opts.workers) }, () => new Worker(new URL('./worker.ts', import.meta.url), {
        execArgv: ['--import', 'tsx'],
        workerData: { maxBytes: opts.maxBytes, maxYear: opts.maxYear },
        // A worker's live data is the gazetteer and one batch; a cap makes V8 collect early
        // instead of growing its heap, which keeps the run's peak memory down.
        resourceLimits: { maxOldGenerationSizeMb: 384 },
      }));
  try {
    await new Promise<void>((resolve, reject) => {
      if (batches.length === 0) return resolve();
      const send = (w: Worker) => {
        if (next < batches.length) {
          w.postMessage({ batch: next, items: batches[next] });
          next++;
        }
      };
      for (const w of workers) {
        w.on('error', reject);
        w.on('message', (msg: { batch: number; results: FileResult[] }) => {
          done.set(msg.batch, msg.results);
          // Collect in order; keep at most a few batches waiting.
          while (done.has(want)) {
            for (const r of done.get(want)!) {
              collector.add(r);
              opts.onProgress?.(++processed, files.length, r.path);
            }
            done.delete(want);
            want++;
          }
          if (want === batches.length) resolve();
          else send(w);
        });
        // Two batches in flight per worker keeps it busy while the main thread collects.
        send(w);
        send(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return collector.finish();
}
