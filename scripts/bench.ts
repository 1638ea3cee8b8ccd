/**
 * npm run bench [-- --sizes 1000,10000,100000] [-- --keep DIR] [-- --site-max N] [-- --reuse-corpus] [-- --no-documents]
 *                 [-- --compare-ingest REF] [-- --compare-pairs N]
 * For each size: generate a synthetic corpus, then measure the pipeline as a user runs it —
 * `npm run ingest`, then `npm run build` (its search index included; the index's own time read
 * from its log) — as wall time, throughput and peak memory (GNU time for the ingest; the sampled
 * process tree for the site build), plus output sizes and the search's transfer for three
 * queries. Runs the accuracy evaluation on the 10,000 corpus. Writes
 * bench/results.md with a description of the machine, and bench/results.json (one object per size).
 * --compare-ingest REF: the 10,000 corpus (or the largest below it) is also ingested by commit REF
 * in alternating pairs (scripts/bench-compare.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { cpus, totalmem, release, tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { benchDocuments } from './bench-documents.ts';
import { compareIngest } from './bench-compare.ts';
import { benchQueries, describeTransfer, searchTransfer, type Transfer } from './search-transfer.ts';
import { filesPerReport, oversized } from '../src/lib/site/dist-files.ts';
import { readManifestHeader } from '../src/lib/write/manifest.ts';
import { exitOnHelp } from './help.ts';

exitOnHelp(import.meta.url);

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const sizes = arg('sizes', '1000,10000,100000').split(',').map(Number);
const work = arg('keep', join(tmpdir(), 'nianbao-bench'));
// The site build grows with the number of report pages; above this size it is not measured
// unless asked for (a 100,000-report build takes a long time here).
const siteMax = Number(arg('site-max', '10000'));
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface Measure {
  seconds: number;
  peakMB: number | null;
  ok: boolean;
  tail: string;
  /** Everything the command printed (measureTree only). */
  output?: string;
}

/** The search index's own seconds in a build's log (its last line: `search-index: N shards, M pages, S s`). */
function indexSeconds(log: string): number | null {
  const m = /search-index: \d+ shards, \d+ pages, ([\d.]+) s/.exec(log);
  return m ? Number(m[1]) : null;
}

/** Runs a command, with GNU time when available for the whole-process peak memory. */
function measure(cmd: string[], env: Record<string, string> = {}): Measure {
  const started = Date.now();
  const full = GNU_TIME ? [GNU_TIME, '-v', ...cmd] : cmd;
  const r = spawnSync(full[0]!, full.slice(1), {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 1 << 28,
  });
  const seconds = (Date.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`
    .split('\n')
    .filter((l) => l.trim() && !/^\s+[A-Z][a-z].*: /.test(l))
    .slice(-6)
    .join('\n');
  return { seconds, peakMB: rss ? Number(rss[1]) / 1024 : null, ok: r.status === 0, tail };
}

/** Sum of resident memory of a process and all its descendants (Linux /proc), in kB. */
function treeRssKB(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(e)]);
      rss.set(Number(e), (Number(fields[21]) * 4096) / 1024);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop()!;
    total += rss.get(pid) ?? 0;
    todo.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Like measure, but peak memory is the whole process tree's (node and any child process), sampled every 200 ms. */
async function measureTree(cmd: string[], env: Record<string, string> = {}): Promise<Measure> {
  const started = Date.now();
  const child = spawn(cmd[0]!, cmd.slice(1), { env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKB(child.pid!))), 200);
  const code = await new Promise<number | null>((ok) => child.on('close', ok));
  clearInterval(timer);
  return {
    seconds: (Date.now() - started) / 1000,
    peakMB: peak / 1024,
    ok: code === 0,
    tail: out.split('\n').filter(Boolean).slice(-6).join('\n'),
    output: out,
  };
}

/** dist/'s files, relative, with `/`, and their sizes (files per report, files too large for a host). */
function relativeFiles(dir: string): Array<{ path: string; bytes: number }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => ({
      path: relative(dir, join(e.parentPath, e.name)).split(sep).join('/'),
      bytes: statSync(join(e.parentPath, e.name)).size,
    }));
}

function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(join(e.parentPath, e.name)).size;
    files++;
  }
  return { bytes, files };
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const node = process.execPath;
const tsx = ['--import', 'tsx'];
const rows: string[] = [];
const notes: string[] = [];
/** bench/results.json: one object per size (seconds, MB, files, bytes; null where not measured). */
const json: Array<Record<string, number | null>> = [];
const compareRef = process.argv.includes('--compare-ingest') ? arg('compare-ingest', '') : '';
const compareSize = [...sizes].filter((n) => n <= 10000).sort((a, b) => b - a)[0];
let compareTable = '';
let evalTable = '';
let lastSiteRate: { n: number; secondsPerReport: number } | null = null;

/** The wait after removing a previous run's output, before anything is measured. */
const SETTLE_MS = 35_000;

mkdirSync(work, { recursive: true });
for (const n of sizes) {
  const dir = join(work, String(n));
  const out = join(dir, 'build');
  const dist = join(dir, 'dist');
  // --reuse-corpus keeps a corpus generated earlier with the same size and seed (synth is not measured).
  if (process.argv.includes('--reuse-corpus') && existsSync(join(dir, 'raw')) && existsSync(join(dir, 'truth'))) {
    const removed = ['build', 'dist'].filter((sub) => existsSync(join(dir, sub)));
    for (const sub of removed) rmSync(join(dir, sub), { recursive: true, force: true });
    // On ext4 without a journal (this machine), files made within 30 s of removing many cost
    // about a tenth more CPU (bench/results.md, "Where a build's kernel time goes"): not the code's.
    if (removed.length) await new Promise((r) => setTimeout(r, SETTLE_MS));
  } else {
    rmSync(dir, { recursive: true, force: true });
    console.error(`bench: N = ${n}: synth`);
    const synth = measure([node, ...tsx, 'scripts/synth.ts', '--count', String(n), '--seed', '2026', '--out', dir]);
    if (!synth.ok) throw new Error(`synth failed: ${synth.tail}`);
  }
  console.error(`bench: N = ${n}: ingest`);
  const ingest = measure([node, ...tsx, 'scripts/ingest.ts', '--raw', join(dir, 'raw'), '--out', out, '--quiet']);
  if (!ingest.ok) throw new Error(`ingest failed: ${ingest.tail}`);
  const manifest = readManifestHeader(out);
  const reports = manifest.counts.reports ?? 0;
  const siteMeasured = n <= siteMax;
  if (siteMeasured) console.error(`bench: N = ${n}: site build`);
  // `npm run build` as a user runs it, search index included: from 4,000 reports it runs one
  // Astro process per core side by side (scripts/build.ts) and builds the index from the search
  // records the pages' processes wrote, while the pages are moved together; so its memory is the
  // whole process tree's, sampled, and the index's own time is read from the build's log.
  const build = siteMeasured
    ? await measureTree([node, ...tsx, 'scripts/build.ts', '--out', dist], {
        NIANBAO_DATA: out,
        NIANBAO_RAW: join(dir, 'raw'),
      })
    : null;
  if (build?.ok) lastSiteRate = { n, secondsPerReport: build.seconds / n };
  if (!build && lastSiteRate && n >= 100000) {
    const minutes = (ingest.seconds + lastSiteRate.secondsPerReport * n) / 60;
    notes.push(
      `Whole pipeline at ${n.toLocaleString('en')} (ingest measured + site build extrapolated): about ${Math.round(minutes)} min — the 15-minute target is **missed**; the site build is the bottleneck.`,
    );
  }
  const search = build?.ok ? indexSeconds(build.output ?? '') : null;
  let transfer: Transfer[] = [];
  if (build?.ok) {
    console.error(`bench: N = ${n}: search transfer`);
    transfer = await searchTransfer(dist, await benchQueries(dist, out));
    // searchTransfer needs a Chromium (README); without one it measures nothing, and says so here.
    if (!transfer.length) notes.push(`Search transfer at ${n.toLocaleString('en')} not measured: no Chromium found.`);
  }
  const index = dirSize(join(dist, 'pagefind'));
  const data = dirSize(out);
  const site = dirSize(dist);
  const distFiles = relativeFiles(dist);
  const perReport = filesPerReport(
    distFiles.map((f) => f.path),
    reports,
  );
  const tooLarge = oversized(distFiles);
  const raw = dirSize(join(dir, 'raw'));
  const rate = (m: Measure, count: number) => `${(count / m.seconds).toFixed(0)}/s`;
  rows.push(
    `| ${n.toLocaleString('en')} | ingest | ${ingest.seconds.toFixed(1)} s | ${rate(ingest, n)} files | ${ingest.peakMB?.toFixed(0) ?? '—'} MB | in ${mb(raw.bytes)}; out ${mb(data.bytes)} in ${data.files} files; ${reports} reports, ${manifest.counts.cells} cells |`,
    build
      ? `| ${n.toLocaleString('en')} | site build | ${build.ok ? `${build.seconds.toFixed(1)} s` : 'FAILED'} | ${site.files} files, ${(site.files / build.seconds).toFixed(0)} files/s | ${build.peakMB?.toFixed(0) ?? '—'} MB | dist ${mb(site.bytes)} with the search index, files ${perReport.line}; ${tooLarge.length ? `over 25 MiB: ${tooLarge.join(', ')}` : 'no file over 25 MiB'} |`
      : `| ${n.toLocaleString('en')} | site build | not measured | — | — | above --site-max ${siteMax}${lastSiteRate ? `; at the ${lastSiteRate.n.toLocaleString('en')}-report rate it would take about ${Math.round((lastSiteRate.secondsPerReport * n) / 60)} min` : ''} |`,
    build?.ok
      ? `| ${n.toLocaleString('en')} | search index (in the site build) | ${search === null ? 'not in the log' : `${search.toFixed(1)} s`} | ${index.files} files | (in the build's) | index ${mb(index.bytes)}; ${transfer.map((t) => `first query ${describeTransfer(t)}`).join('; ')} |`
      : `| ${n.toLocaleString('en')} | search index | not measured | — | — | needs the site build |`,
  );
  if (build?.ok && n >= 100000) {
    const minutes = (ingest.seconds + build.seconds) / 60;
    notes.push(
      `Whole pipeline at ${n.toLocaleString('en')} (\`npm run ingest\`, then \`npm run build\` with its search index, measured): ${minutes.toFixed(1)} min — the 15-minute target is ${minutes <= 15 ? 'met' : '**missed**'}; peak memory of any stage ${Math.max(ingest.peakMB ?? 0, build.peakMB ?? 0).toFixed(0)} MB.`,
    );
  }
  // The index is built inside the site build (beside the pages' move): the total is the two
  // commands' wall time, and search_s the index's part of site_s, not added to it.
  const total = build?.ok ? ingest.seconds + build.seconds : null;
  json.push({
    reports: n,
    ingest_s: ingest.seconds,
    site_s: build?.ok ? build.seconds : null,
    search_s: search,
    total_s: total,
    peak_mb: Math.max(ingest.peakMB ?? 0, build?.peakMB ?? 0) || null,
    dist_files: build?.ok ? site.files : null,
    dist_bytes: build?.ok ? site.bytes : null,
    files_per_report: build?.ok && reports > 0 ? Number((site.files / reports).toFixed(2)) : null,
  });
  if (compareRef && n === compareSize) {
    console.error(`bench: N = ${n}: ingest against ${compareRef}`);
    compareTable = compareIngest(join(dir, 'raw'), compareRef, Number(arg('compare-pairs', '3')));
  }
  if (n === 10000 || (n === sizes[sizes.length - 1] && !sizes.includes(10000) && !evalTable)) {
    console.error(`bench: N = ${n}: eval`);
    const r = spawnSync(node, ['--max-old-space-size=16384', ...tsx, 'scripts/eval.ts', dir], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    evalTable = `### Accuracy on the ${n.toLocaleString('en')}-report corpus (\`npm run eval\`, seed 2026)\n\n${r.stdout.trim()}\n`;
    if (r.status !== 0) notes.push(`eval on N = ${n} exited ${r.status}: ${r.stderr.trim()}`);
  }
  if (n >= 100000) {
    const ok = ingest.seconds > 0 && n / ingest.seconds >= 2000;
    notes.push(
      `Ingest target ≥ 2,000 reports/s at 100,000: ${ok ? 'met' : `**missed** (${(n / ingest.seconds).toFixed(0)}/s)`}; peak memory < 2 GB: ${ingest.peakMB !== null && ingest.peakMB < 2048 ? 'met' : '**missed or unmeasured**'} (${ingest.peakMB?.toFixed(0) ?? '—'} MB).`,
    );
  }
}

console.error('bench: PDF and DOCX');
const documentsTable = process.argv.includes('--no-documents') ? '' : await benchDocuments(work);
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpus().length} × ${cpu}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Linux ${release()}, Node ${process.version}`;
const text = `# Benchmark results

Produced by \`npm run bench -- --sizes ${sizes.join(',')}\` on ${new Date().toISOString().slice(0, 10)}.

Machine: ${machine}.
Peak memory is the whole process's maximum resident set size (GNU \`time -v\`), including worker threads;
for the site build (\`npm run build\` with its search index: from 4,000 reports one Astro process per
core, side by side, the index built from their search records) it is the sampled total of the
process tree. The search index's time is its part of the site build (from the build's log), not
added to it: the pipeline's time is the ingest's plus the site build's.
Search transfer is what headless Chromium downloads for one query on a fresh page (search page,
its CSS/JS and every index file), as served by \`scripts/serve.ts\` (HTML, CSS and JS gzipped as a
static host would; the index files are compressed already): until the first results are shown, and
in all once the background check of the other candidates has finished
(\`scripts/search-transfer.ts\`, which also runs alone on any built site). The third query is an
agency whose reports are all at least three years older than the newest year.

| reports | stage | wall time | throughput / output | peak memory | sizes |
|---:|---|---:|---:|---:|---|
${rows.join('\n')}

${notes.map((n) => `- ${n}`).join('\n')}

Targets (2 cores, 24 GB): ingest ≥ 2,000 reports/s with peak memory < 2 GB at 100,000 reports; the
whole pipeline for 100,000 reports (ingest + site build with its search index) in under 15 minutes with
peak memory under 8 GB; the first search query at 100,000 reports transfers under 300 KB.

${compareTable}
${evalTable}
${documentsTable}`;
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.md', text);
writeFileSync(
  'bench/results.json',
  `${JSON.stringify({ machine, date: new Date().toISOString().slice(0, 10), sizes: json }, null, 2)}\n`,
);
console.log(text);
