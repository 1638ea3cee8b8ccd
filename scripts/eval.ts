/**
 * npm run eval -- DIR
 * Ingests DIR/raw (as `npm run ingest` would, in process) and compares the result with the
 * ground truth in DIR/truth. Prints the accuracy tables; exits non-zero on any wrong number or
 * any report published under a wrong year.
 * --out FILE also writes the report as Markdown.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { evaluate, formatEval } from '../src/lib/eval/evaluate.ts';
import { runInMemory, type SourceFile } from '../src/lib/ingest/run.ts';
import { loadGazetteer } from '../src/lib/region/load.ts';
import { Truth } from '../src/lib/synth/truth.ts';

const dir = process.argv[2];
if (!dir || dir.startsWith('--')) {
  console.error('usage: npm run eval -- DIR [--out FILE]   (DIR as written by npm run synth)');
  process.exit(2);
}
const outIdx = process.argv.indexOf('--out');
const outFile = outIdx > 0 ? process.argv[outIdx + 1] : undefined;

async function walk(root: string, d: string, acc: string[]): Promise<void> {
  for (const e of await readdir(d, { withFileTypes: true })) {
    const full = join(d, e.name);
    if (e.isDirectory()) await walk(root, full, acc);
    else acc.push(relative(root, full).split(sep).join('/'));
  }
}

const rawDir = join(dir, 'raw');
const paths: string[] = [];
await walk(rawDir, rawDir, paths);
const files: SourceFile[] = await Promise.all(
  paths.map(async (p) => ({
    path: p,
    size: (await stat(join(rawDir, p))).size,
    read: () => readFileSync(join(rawDir, p)),
    sha256: (b: Uint8Array) => createHash('sha256').update(b).digest('hex'),
  })),
);
const truths = paths.map((p) => Truth.parse(JSON.parse(readFileSync(join(dir, 'truth', `${p}.json`), 'utf8'))));
const started = Date.now();
const data = runInMemory(files, {
  rawDir,
  maxBytes: 20 * 1024 * 1024,
  gazetteer: loadGazetteer(),
  maxYear: new Date().getFullYear(),
});
const seconds = (Date.now() - started) / 1000;
const result = evaluate(truths, data);
const text = `${formatEval(result)}\n\nIngest (in process, no writing): ${files.length} files in ${seconds.toFixed(1)} s.`;
console.log(text);
if (outFile) await writeFile(outFile, `${text}\n`);
if (result.total.wrong > 0 || result.wrongYears > 0) {
  console.error(`eval: ${result.total.wrong} wrong numbers, ${result.wrongYears} reports under a wrong year`);
  process.exit(1);
}
