/**
 * npm run synth -- --count N --seed S --out DIR [--pdf-share 0.05] [--docx-share 0.05]
 * Writes N synthetic report files under DIR/raw and, for each, its ground truth as JSON under
 * DIR/truth (same relative path + .json). Deterministic for a seed.
 * --no-truth: raw files only (a 1,000,000-report corpus's truth is some 15 GB, only `npm run eval` reads it).
 */
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadGazetteer } from '../src/lib/region/load.ts';
import { generateCorpus } from '../src/lib/synth/corpus.ts';
import { documentRenderer } from '../src/lib/synth/documents.ts';

function opt(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) {
    console.error(`synth: --${name} is required (usage: npm run synth -- --count N --seed S --out DIR)`);
    process.exit(2);
  }
  return v;
}

const count = Number(opt('count'));
// Opt-in, slow (Chromium prints each PDF): a share of the HTML reports as PDF and DOCX.
const pdfShare = Number(opt('pdf-share', '0'));
const docxShare = Number(opt('docx-share', '0'));
const seed = Number(opt('seed', '1'));
const out = opt('out');
const truth = !process.argv.includes('--no-truth');
if (!Number.isInteger(count) || count < 1) {
  console.error('synth: --count must be a positive whole number');
  process.exit(2);
}
await rm(join(out, 'raw'), { recursive: true, force: true });
await rm(join(out, 'truth'), { recursive: true, force: true });
const dirs = new Set<string>();
let n = 0;
const started = Date.now();
const documents = pdfShare > 0 || docxShare > 0 ? await documentRenderer({ seed, pdfShare, docxShare }) : null;
for (const generated of generateCorpus(count, seed, loadGazetteer())) {
  const f = documents ? await documents.render(generated) : generated;
  for (const [base, name, data] of [
    ['raw', f.path, f.bytes],
    ...(truth ? ([['truth', `${f.path}.json`, JSON.stringify(f.truth)]] as const) : []),
  ] as const) {
    const full = join(out, base, name);
    const dir = dirname(full);
    if (!dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      dirs.add(dir);
    }
    await writeFile(full, data);
  }
  if (++n % 5000 === 0) process.stderr.write(`synth: ${n}/${count}\n`);
}
await documents?.close();
console.log(
  `synth: ${n} files (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${join(out, 'raw')} ${truth ? `(truth in ${join(out, 'truth')})` : '(no truth)'}`,
);
