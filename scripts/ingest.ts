/**
 * npm run ingest [-- --raw DIR] [-- --out DIR] [--workers N] [--incremental] [--allow-empty] [--quiet]
 * Reads every file under the raw directory (recursively, sorted) and writes the datasets,
 * the DuckDB file and manifest.json. With --incremental, a file analysed by an earlier
 * incremental run of the same code and settings is taken from the analysis cache
 * (src/lib/ingest/analysis-cache.ts, in NIANBAO_CACHE or node_modules/.astro) instead. Exits 0 when the run completed, even with rejected
 * files; non-zero only on a fatal error, with a message naming the file.
 *
 * Publication is atomic (src/lib/write/generation.ts): the run is written to a new folder
 * beside --out, checked against its own SHA256SUMS, and switched into place with one rename;
 * a run that fails or is killed leaves the previous datasets as they were.
 */
import { spawnSync } from 'node:child_process';
import { hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { SourceFile } from '../src/lib/ingest/run.ts';
import type { DiskFile } from '../src/lib/ingest/parallel.ts';
import type { LightPackWriter as PackWriter } from '../src/lib/ingest/light-pack.ts';
import type { Generation } from '../src/lib/write/generation.ts';
import { readRaw, walkRaw, type RawEntry } from '../src/lib/ingest/walk.ts';
import { heapNeededMb } from '../src/lib/ingest/heap.ts';
import { bundleHash, prepareWorkers, startWorkers } from '../src/lib/ingest/pool.ts';
import { cacheVersion, pruneAnalysisCache } from '../src/lib/ingest/analysis-cache.ts';
import { nestedFolders, rawDirLabel, rawFolderProblem, undecodedPathProblem } from '../src/lib/ingest/folders.ts';

// Only light modules above: the parser, DuckDB and the schemas load (a second or more) after the
// worker threads have started, while they boot (src/lib/ingest/pool.ts).
const MAX_BYTES = 20 * 1024 * 1024;

interface Options {
  raw: string;
  out: string;
  quiet: boolean;
  workers: number;
  allowEmpty: boolean;
  incremental: boolean;
}

function args(argv: string[]): Options {
  // The folders the build reads too (NIANBAO_RAW, NIANBAO_DATA), when set: an ingest that wrote
  // elsewhere left the build to publish the old datasets, silently (a fresh tester's t44).
  const out: Options = {
    raw: process.env.NIANBAO_RAW || 'data/raw',
    out: process.env.NIANBAO_DATA || 'data/build',
    quiet: false,
    workers: Math.min(4, availableParallelism()),
    allowEmpty: false,
    incremental: false,
  };
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
    else if (a === '--allow-empty') out.allowEmpty = true;
    else if (a === '--incremental') out.incremental = true;
    else if (a === '--help' || a === '-h') {
      console.log(
        [
          'usage: npm run ingest -- [--raw DIR] [--out DIR] [--workers N] [--incremental] [--allow-empty] [--quiet]',
          '  --raw DIR      the report files, read recursively (default: NIANBAO_RAW, else data/raw)',
          '  --out DIR      where the datasets are published (default: NIANBAO_DATA, else data/build); replaced',
          '                 whole, atomically',
          `  --workers N    worker threads for runs of 500 files or more (default: ${out.workers}; 0 = none)`,
          '  --incremental  take the analysis of a file an earlier --incremental run read (same file, code and',
          '                 settings) from the cache (NIANBAO_CACHE, default node_modules/.astro); uses worker threads',
          '  --allow-empty  publish empty datasets when the raw folder has no files',
          '  --quiet        print nothing but errors',
        ].join('\n'),
      );
      process.exit(0);
    } else fail(`unknown argument: ${a}`);
  }
  return out;
}

/**
 * The analysis cache of this code (the workers' bundle and the lockfile), its other versions
 * removed; null when the workers run from the sources (no version to key on).
 */
function analysisCache(): { dir: string; version: string; root: string } | null {
  const bundle = bundleHash();
  if (!bundle) return null;
  const version = cacheVersion(bundle, 'package-lock.json', 'src/lib');
  const root = process.env.NIANBAO_CACHE || 'node_modules/.astro';
  const dir = join(root, 'nianbao-analysis');
  pruneAnalysisCache(dir, version);
  return { dir, version, root };
}

function fail(message: string): never {
  console.error(`ingest: ${message}`);
  process.exit(2);
}

/**
 * What happens to the datasets now at `out` when the run stops before it writes: kept, or there
 * are none. A previous output folder that a killed run left set aside is put back first
 * (generation.ts), so that the datasets this says are kept are in place.
 */
async function keptNote(out: string): Promise<string> {
  const { recoverOutput } = await import('../src/lib/write/generation.ts');
  try {
    recoverOutput(out);
  } catch {
    // Another ingest is writing there: what it set aside is its own to finish.
  }
  const { MANIFEST_FILE, readManifestHeader } = await import('../src/lib/write/manifest.ts');
  if (!existsSync(join(out, MANIFEST_FILE))) return 'nothing was written';
  let reports: number | string = 'unreadable manifest';
  try {
    const m = readManifestHeader(out);
    reports = m.counts.reports ?? m.counts.files ?? '?';
  } catch {
    // an unreadable manifest: the datasets are kept all the same
  }
  return `nothing was written; the datasets in ${out} (${reports} reports) are kept`;
}

/**
 * The raw folder's files. A raw folder that does not exist, is not a folder or cannot be read
 * stops the run before anything is written; so does one with no files at all (publishing it
 * would replace the previous datasets with empty ones), unless --allow-empty.
 */
async function listRaw(opts: Options): Promise<RawEntry[]> {
  const rawDir = resolve(opts.raw);
  const out = resolve(opts.out);
  const problem = rawFolderProblem(rawDir);
  if (problem) fail(`${problem}; ${await keptNote(out)}.`);
  let files: RawEntry[];
  try {
    files = walkRaw(rawDir);
  } catch (e) {
    fail(
      `cannot read the raw folder ${rawDir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; ${await keptNote(out)}.`,
    );
  }
  if (files.length === 0 && !opts.allowEmpty)
    fail(
      `the raw folder ${rawDir} holds no files, so there is nothing to publish; ${await keptNote(out)}. ` +
        'Put the report files in it (sub-folders are read too), or run with --allow-empty to publish empty datasets.',
    );
  return files;
}

/**
 * A run too large for this process's heap (src/lib/ingest/heap.ts) runs again in a child with
 * the heap it needs, and this process exits with the child's status.
 */
function rerunWithHeap(files: number): void {
  if (process.env.NIANBAO_HEAP_MB) return;
  const mb = heapNeededMb(files, getHeapStatistics().heap_size_limit, totalmem());
  if (mb === null) return;
  if (!process.argv.includes('--quiet')) console.error(`ingest: ${files} files: running with a ${mb} MB heap`);
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, `--max-old-space-size=${mb}`, ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, NIANBAO_HEAP_MB: String(mb) } },
  );
  process.exit(child.status ?? 1);
}

async function main(): Promise<void> {
  const opts = args(process.argv.slice(2));
  for (const [option, value] of [
    ['--raw', opts.raw],
    ['--out', opts.out],
    ['NIANBAO_CACHE', process.env.NIANBAO_CACHE ?? ''],
  ] as const) {
    const problem = undecodedPathProblem(option, value);
    if (problem) fail(problem);
  }
  const outDir = resolve(opts.out);
  const nested = nestedFolders(opts.raw, opts.out);
  if (nested)
    fail(
      `${nested}. Keep the raw and output folders apart, neither inside the other (the defaults are data/raw and data/build).`,
    );
  const entries = await listRaw(opts);
  rerunWithHeap(entries.length);
  // Worker threads pay off only on larger runs (each loads the gazetteer once).
  const parallelFrom = Number(process.env.NIANBAO_PARALLEL_MIN ?? 500);
  // An incremental run always uses them: the analysis cache is the workers' (a fresh tester's
  // 400 files were all read again, with only a note).
  const parallel = opts.workers > 0 && (entries.length >= parallelFrom || opts.incremental);
  const maxYear = new Date().getFullYear();
  if (parallel) await prepareWorkers();
  const cache = parallel && opts.incremental ? analysisCache() : null;
  if (opts.incremental && !cache && !opts.quiet)
    console.error(
      `ingest: --incremental: no analysis cache (${parallel ? 'the workers run from the sources, not a bundle' : '--workers 0'}); every file is read`,
    );
  const booting = parallel
    ? startWorkers(opts.workers, {
        maxBytes: MAX_BYTES,
        maxYear,
        cache: cache && { dir: cache.dir, version: cache.version },
      })
    : [];
  // The analysis cache's settings key (worker.ts), which the ledger of retained rows repeats.
  const settings = JSON.stringify({ maxBytes: MAX_BYTES, maxYear });
  const [
    { runIngest },
    { runParallel },
    { loadGazetteer },
    { formatDiagnostic },
    { openWriter, previousFacts },
    { startGeneration },
    { DB_FILE },
    { PART_BYTES },
    { phase },
    { publishRun },
    { writeManifestWhile, previousReports },
    { partsText, summaryText },
    { takeLedger, unchangedSince, unreadFiles, writeLedger, newPackPath },
    { LightPackWriter },
  ] = await Promise.all([
    import('../src/lib/ingest/run.ts'),
    import('../src/lib/ingest/parallel.ts'),
    import('../src/lib/region/load.ts'),
    import('../src/lib/schema/diagnostics.ts'),
    import('../src/lib/write/duckdb.ts'),
    import('../src/lib/write/generation.ts'),
    import('../src/lib/write/layout.ts'),
    import('../src/lib/write/parts.ts'),
    import('../src/lib/write/phase.ts'),
    import('../src/lib/write/publish.ts'),
    import('../src/lib/write/manifest.ts'),
    import('../src/lib/ingest/summary-text.ts'),
    import('../src/lib/write/retained.ts'),
    import('../src/lib/ingest/light-pack.ts'),
  ]);
  const { carryHistory } = await import('../src/lib/ingest/history.ts');
  // The previous run's reports by path, read while the workers start: the ids of edited files'
  // earlier versions, whose addresses the site redirects (ingest/history.ts).
  let previous: ReturnType<typeof previousReports> = null;
  let before: Awaited<ReturnType<typeof previousFacts>> = new Map();
  try {
    previous = previousReports(outDir);
    if (previous) before = await previousFacts(outDir);
  } catch (e) {
    previous = null;
    console.error(
      `ingest: the previous run in ${outDir} cannot be read (${(e as Error).message}): the earlier versions of edited files are not recorded, and their old addresses will not redirect`,
    );
  }
  const files: Array<SourceFile & DiskFile> = entries.map((f) => ({
    ...f,
    read: () => readRaw(f.abs),
    sha256: (b) => hash('sha256', b),
  }));
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
  let gen: Generation;
  try {
    gen = startGeneration(outDir);
  } catch (e) {
    fail(`cannot write to ${outDir}: ${(e as Error).message}`);
  }
  // This run's light pack index (light-pack.ts), for the next incremental run.
  let packOut: PackWriter | null = null;
  try {
    // The previous incremental run's rows, for the files it read as they are now (retained.ts).
    const ledger = cache ? takeLedger(cache.root, outDir, cache.version, settings) : null;
    const writer = await openWriter(
      gen.dir,
      PART_BYTES,
      ledger && {
        db: join(ledger.gen, DB_FILE),
        fileChecks: ledger.fileChecks,
        unchanged: () => unchangedSince(ledger, join(ledger.gen, DB_FILE)),
      },
    );
    // The previous run's packs hold the entries of the files taken unread (only when its rows are).
    const packIn = writer.retaining ? ledger?.pack?.entries : undefined;
    if (cache) packOut = new LightPackWriter(() => newPackPath(cache.root, outDir), packIn);
    const data = parallel
      ? await runParallel(
          files,
          {
            rawDir: rawDirLabel(opts.raw),
            maxBytes: MAX_BYTES,
            maxYear,
            workers: opts.workers,
            cache,
            retain: writer.retaining ? ledger!.files : undefined,
            unread: writer.retaining ? unreadFiles(entries, ledger!) : undefined,
            pack: packIn,
            packOut: packOut ?? undefined,
            started: booting,
            onProgress: progress,
          },
          writer.sink,
        )
      : runIngest(
          files,
          {
            rawDir: rawDirLabel(opts.raw),
            maxBytes: MAX_BYTES,
            gazetteer: loadGazetteer(),
            maxYear,
            onProgress: progress,
          },
          writer.sink,
        );
    // The ledger's files (below): those with a report of their own.
    const ledgered = new Set(data.manifest.files.filter((f) => f.report_id !== null && f.sha256).map((f) => f.path));
    packOut?.close((path) => ledgered.has(path));
    // Only a run of the same raw folder: another folder's `001.txt` is another file.
    // Their agency and year now, as the report rows say.
    const now = new Map(data.reports.map((r) => [r.report_id, { agency: r.agency, year: r.year }]));
    const replacing = previous ? carryHistory(data.manifest.files, previous, before, now) : 0;
    phase('analysed');
    // The manifest's entries are written while DuckDB exports the tables (their hashes, which the
    // manifest's header holds, come last).
    const finishing = writer.finish(data);
    const manifestFiles = writeManifestWhile(
      gen.dir,
      data.manifest,
      finishing.then((w) => w.tables),
      PART_BYTES,
    );
    // Its failure is the export's, reported by the await below; not an unhandled rejection.
    manifestFiles.catch(() => {});
    const written = await finishing;
    // The build date in datapackage.json: SOURCE_DATE_EPOCH (seconds) when set, for reproducible builds.
    const epoch = Number(process.env.SOURCE_DATE_EPOCH);
    const layout = await publishRun({
      dir: gen.dir,
      written,
      manifest: data.manifest,
      created: Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date(),
      limit: PART_BYTES,
      manifestFiles: await manifestFiles,
    });
    phase('written');
    // A DuckDB file too large to publish stays beside the published files (see publishRun).
    const warning = gen.commit(layout.duckdb ? [] : [DB_FILE]);
    if (warning) console.error(`ingest: ${warning}`);
    if (cache)
      writeLedger(
        cache.root,
        outDir,
        {
          version: cache.version,
          settings,
          fileChecks: written.fileChecks,
          files: new Map(data.manifest.files.filter((f) => ledgered.has(f.path)).map((f) => [f.path, f.sha256!])),
          // As the workers read them (or took them unread), not as walked: a file swapped between
          // the two would pair one file's identity with the other's bytes (a fresh tester).
          identities: new Map(data.identities ?? []),
          pack: packOut && { entries: packOut.index },
        },
        DB_FILE,
      );
    if (!opts.quiet) {
      for (const f of data.manifest.files)
        for (const d of f.diagnostics) if (d.code.startsWith('E_')) console.error(formatDiagnostic(d));
      console.log(summaryText(data, outDir, (Date.now() - started) / 1000));
      if (written.retained)
        console.log(
          `rows of ${written.retained} reports taken from the previous run's ${DB_FILE} (their files unchanged); the other files' rows loaded`,
        );
      if (replacing)
        console.log(
          `${replacing} files edited since the last run here: their reports' earlier addresses redirect to the new ones (manifest \`replaces\`)`,
        );
      const parts = partsText(layout, PART_BYTES);
      if (parts) console.log(parts);
    }
  } catch (e) {
    gen.abort();
    fail(`writing datasets to ${outDir} failed; the previous datasets are kept: ${(e as Error).message}`);
  }
}

main().catch((e) => {
  console.error(`ingest: fatal: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
