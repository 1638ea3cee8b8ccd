/**
 * The PDF/DOCX part of `npm run bench`: a small corpus whose HTML reports are published as PDF
 * (printed by Chromium) and DOCX, then (1) PDF reading speed in pages per second, in process
 * (pdf.js + table rebuilding, one thread), and (2) `npm run eval` on that corpus, whose style
 * rows `pdf` and `docx` give the accuracy on these formats.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readPdf } from '../src/lib/decode/pdf.ts';

function files(dir: string, ext: string, acc: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const full = join(dir, e);
    if (statSync(full).isDirectory()) files(full, ext, acc);
    else if (full.endsWith(ext)) acc.push(full);
  }
  return acc;
}

export async function benchDocuments(work: string, count = 400): Promise<string> {
  const dir = join(work, `documents-${count}`);
  const tsx = ['--import', 'tsx'];
  const synth = spawnSync(
    process.execPath,
    [
      ...tsx,
      'scripts/synth.ts',
      '--count',
      String(count),
      '--seed',
      '2026',
      '--out',
      dir,
      '--pdf-share',
      '0.1',
      '--docx-share',
      '0.05',
    ],
    { encoding: 'utf8' },
  );
  if (synth.status !== 0) return `### PDF and DOCX\n\nsynth failed: ${synth.stderr.trim().slice(-500)}\n`;
  const pdfs = files(join(dir, 'raw'), '.pdf');
  const docx = files(join(dir, 'raw'), '.docx');
  if (pdfs.length) await readPdf(new Uint8Array(readFileSync(pdfs[0]!))); // load pdf.js first
  let pages = 0;
  const started = Date.now();
  for (const f of pdfs) {
    const r = await readPdf(new Uint8Array(readFileSync(f)));
    if (r.ok) pages += r.pages;
  }
  const seconds = (Date.now() - started) / 1000;
  const ev = spawnSync(process.execPath, [...tsx, 'scripts/eval.ts', dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const rows = ev.stdout.split('\n').filter((l) => /^\| (\*\*all\*\*|style: (pdf|docx)) /.test(l));
  return `### PDF and DOCX (${count} reports, seed 2026: ${pdfs.length} printed to PDF by Chromium, ${docx.length} as DOCX)

PDF reading: ${pdfs.length} PDFs, ${pages} pages in ${seconds.toFixed(1)} s — **${(pages / Math.max(seconds, 1e-9)).toFixed(1)} pages/s** (one thread, in process).

| cells | count | accuracy | wrong numbers | NULL where knowable | ambiguous/unreadable |
|---|---:|---:|---:|---:|---:|
${rows.join('\n')}
${ev.status !== 0 ? `\neval exited ${ev.status}: ${ev.stderr.trim().slice(-300)}\n` : ''}`;
}
