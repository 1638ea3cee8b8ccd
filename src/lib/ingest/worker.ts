/** Worker thread: analyses batches of files (read, hash, parse, validate) for parallel.ts. */
import { hash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { loadGazetteer } from '../region/load.ts';
import { analyzeFile, serialize, transferables } from './analyze.ts';
import { readRaw } from './walk.ts';

const { maxBytes, maxYear, crashOn } = workerData as { maxBytes: number; maxYear: number; crashOn?: string };
const ctx = { gazetteer: loadGazetteer(), maxBytes, maxYear };
const sha256 = (b: Uint8Array) => hash('sha256', b);

/** Tests only: exhaust the heap the way a huge DOM does. */
function exhaustHeap(): never {
  // Many small objects, as a DOM is made of (one huge array would abort the whole process).
  const hog: object[] = [];
  for (let i = 0; ; i++) hog.push({ i, s: `x${i}`, c: [i] });
}

parentPort!.on(
  'message',
  (msg: { id: number; items: Array<{ path: string; size: number; abs: Uint8Array | string; skip?: string }> }) => {
    const results = msg.items.map((f) => {
      if (crashOn && f.path.includes(crashOn)) exhaustHeap();
      return serialize(analyzeFile(f, () => readRaw(f.abs), sha256, ctx));
    });
    parentPort!.postMessage({ id: msg.id, results }, results.flatMap(transferables));
  },
);
