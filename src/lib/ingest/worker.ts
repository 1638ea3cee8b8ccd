/** Worker thread: analyses batches of files (read, hash, parse, validate) for parallel.ts. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { loadGazetteer } from '../region/load.ts';
import { analyzeFile, serialize } from './analyze.ts';

const { maxBytes, maxYear } = workerData as { maxBytes: number; maxYear: number };
const ctx = { gazetteer: loadGazetteer(), maxBytes, maxYear };
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

parentPort!.on('message', (msg: { batch: number; items: Array<{ path: string; size: number; abs: string }> }) => {
  const results = msg.items.map((f) => serialize(analyzeFile(f, () => readFileSync(f.abs), sha256, ctx)));
  parentPort!.postMessage({ batch: msg.batch, results });
});
