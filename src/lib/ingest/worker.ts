/** Worker thread: analyses batches of files (read, hash, parse, validate) for parallel.ts. */
import { hash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { loadGazetteer } from '../region/load.ts';
import { analyzeFile, serialize, transferables } from './analyze.ts';
import { readRaw } from './walk.ts';

const { maxBytes, maxYear, crashOn, crashMb } = workerData as {
  maxBytes: number;
  maxYear: number;
  crashOn?: string;
  crashMb?: number;
};
const ctx = { gazetteer: loadGazetteer(), maxBytes, maxYear };
const sha256 = (b: Uint8Array) => hash('sha256', b);

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

parentPort!.on(
  'message',
  (msg: { id: number; items: Array<{ path: string; size: number; abs: Uint8Array | string; skip?: string }> }) => {
    const results = msg.items.map((f) => {
      const hog = crashOn && f.path.includes(crashOn) ? hogHeap(crashMb) : [];
      const result = serialize(analyzeFile(f, () => readRaw(f.abs), sha256, ctx));
      hog.length = 0;
      return result;
    });
    parentPort!.postMessage({ id: msg.id, results }, results.flatMap(transferables));
  },
);
