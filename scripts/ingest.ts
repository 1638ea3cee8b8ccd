/**
 * npm run ingest [-- --raw DIR] [-- --out DIR]
 * Reads every file under the raw directory (recursively, sorted) and writes the datasets,
 * the DuckDB file and manifest.json. Exits 0 when the run completed, even with rejected
 * files; non-zero only on a fatal error, with a message naming the file.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { runIngest, type SourceFile } from '../src/lib/ingest/run.ts';
import { runParallel, type DiskFile } from '../src/lib/ingest/parallel.ts';
import { availableParallelism } from 'node:os';
import { loadGazetteer } from '../src/lib/region/load.ts';
import { formatDiagnostic } from '../src/lib/schema/diagnostics.ts';
import { DB_FILE, openWriter } from '../src/lib/write/duckdb.ts';
import { writePublication } from '../src/lib/write/publish.ts';
import { summaryText } from '../src/lib/ingest/summary-text.ts';

const MAX_BYTES = 20 * 1024 * 1024;

function args(argv: string[]): { raw: string; out: string; quiet: boolean; workers: number } {
  const out = { raw: 'data/raw', out: 'data/build', quiet: false, workers: Math.min(4, availableParallelism()) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--raw' || a === '--out') {
      const v = argv[++i];
      if (!v) fail(`${a} needs a directory`);
      out[a.slice(2) as 'raw' | 'out'] = v!;
    } else if (a === '--workers') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) fail('--workers needs a whole number (0 = no worker threads)');
      out.workers = n;
    } else if (a === '--quiet') out.quiet = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run ingest -- [--raw DIR] [--out DIR] [--workers N] [--quiet]');
      process.exit(0);
    } else fail(`unknown argument: ${a}`);
  }
  return out;
}

function fail(message: string): never {
  console.error(`ingest: ${message}`);
  process.exit(2);
}

async function walk(dir: string, root: string, out: Array<SourceFile & DiskFile>): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    fail(`cannot read directory ${dir}: ${(e as Error).message}`);
  }
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) await walk(full, root, out);
    else if (e.isFile()) {
      const size = (await stat(full)).size;
      out.push({
        path: relative(root, full).split(sep).join('/'),
        size,
        abs: full,
        read: () => readFileSync(full),
        sha256: (b) => createHash('sha256').update(b).digest('hex'),
      });
    }
  }
}

async function main(): Promise<void> {
  const opts = args(process.argv.slice(2));
  const rawDir = resolve(opts.raw);
  const outDir = resolve(opts.out);
  const files: Array<SourceFile & DiskFile> = [];
  await walk(rawDir, rawDir, files);
  const started = Date.now();
  let lastPrint = Date.now();
  const progress = (done: number, total: number, path: string) => {
    const now = Date.now();
    // On a terminal, redraw one line each second; in logs (CI), a line every 10 s.
    const tty = process.stderr.isTTY;
    if (opts.quiet || (done < total && now - lastPrint < (tty ? 1000 : 10_000)) || (done === 0 && !tty)) return;
    lastPrint = now;
    const rate = done / Math.max(0.001, (now - started) / 1000);
    const msg = `[${done}/${total}] ${((100 * done) / Math.max(1, total)).toFixed(1)}% · ${rate.toFixed(0)} files/s ${path.slice(-50)}`;
    process.stderr.write(tty ? `\r${msg.padEnd(100)}${done === total ? '\n' : ''}` : `${msg}\n`);
  };
  await mkdir(outDir, { recursive: true });
  let writer;
  try {
    writer = await openWriter(outDir);
  } catch (e) {
    fail(`cannot open ${outDir} for writing: ${(e as Error).message}`);
  }
  const maxYear = new Date().getFullYear();
  // Worker threads pay off only on larger runs (each loads the gazetteer once).
  const data =
    opts.workers > 0 && files.length >= 500
      ? await runParallel(files, { rawDir: opts.raw, maxBytes: MAX_BYTES, maxYear, workers: opts.workers, onProgress: progress }, writer.sink)
      : runIngest(files, { rawDir: opts.raw, maxBytes: MAX_BYTES, gazetteer: loadGazetteer(), maxYear, onProgress: progress }, writer.sink);
  try {
    await writer.finish(data);
  } catch (e) {
    fail(`writing datasets to ${outDir} failed: ${(e as Error).message}`);
  }
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(data.manifest, null, 2)}\n`);
  // The build date in datapackage.json: SOURCE_DATE_EPOCH (seconds) when set, for reproducible builds.
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  await writePublication(outDir, DB_FILE, Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date());
  if (!opts.quiet) {
    for (const f of data.manifest.files) for (const d of f.diagnostics) if (d.code.startsWith('E_')) console.error(formatDiagnostic(d));
    console.log(summaryText(data, outDir, (Date.now() - started) / 1000));
  }
}

main().catch((e) => {
  console.error(`ingest: fatal: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
