/**
 * npm run bench:update -- --raw DIR [--new N] [--new-matching TEXT] [--work DIR]
 *   The routine update of issue 16: a built site of the corpus DIR without N of its files (every
 *   k-th file in path order, so the new reports fall on old and new agencies and regions alike;
 *   default 1,000), then those N files arrive, and the update is timed: the ingest of the whole
 *   corpus (`--incremental`: new files only are analysed), then `npm run build -- --incremental`
 *   (pages, report files and search index). The
 *   earlier site is built first, untimed, with the same cache. Prints each step's wall time,
 *   CPU time and peak memory (GNU time), and a JSON line with `update_reports` and `update_s`
 *   for bench/results.json. --new-matching TEXT: the new files are taken only among those whose
 *   path contains TEXT (a synthetic corpus's `/2025/`: reports of one year arriving, as they do).
 *
 * The corpora are folders of hard links to DIR's files (nothing copied); everything is
 * written under --work (default a temporary folder), which is removed at the end.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { listFiles } from '../src/lib/site/merge.ts';
import { exitOnHelp } from './help.ts';

exitOnHelp(import.meta.url);

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const raw = option('--raw');
if (!raw) throw new Error('bench:update needs --raw DIR (a corpus, e.g. npm run synth -- --count 10000 …)');
const fresh = Number(option('--new') ?? 1000);
const matching = option('--new-matching');
const work = resolve(option('--work') ?? mkdtempSync(join(tmpdir(), 'nianbao-update-')));

interface Step {
  what: string;
  seconds: number;
  cpu: number;
  peakMB: number;
}

function step(what: string, args: string[], env: Record<string, string>): Step {
  const started = Date.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %U %S %M', process.execPath, '--import', 'tsx', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 1 << 30,
  });
  const seconds = (Date.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${(r.stderr ?? '').slice(-3000)}`);
  const m = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  const s = { what, seconds, cpu: m ? Number(m[1]) + Number(m[2]) : NaN, peakMB: m ? Number(m[3]) / 1024 : NaN };
  console.log(`${what}: ${s.seconds.toFixed(1)} s (CPU ${s.cpu.toFixed(1)} s), ${s.peakMB.toFixed(0)} MB`);
  // The search index's own lines (pages read, shards built or kept, its total): where the build's time goes.
  for (const line of (r.stdout ?? '').split('\n'))
    if (/^search-index: (\d+ pages read|\d+ shards|.*kept)|^build: \d+ cached/.test(line)) console.log(`  ${line}`);
  return s;
}

/**
 * A folder of hard links to `files` of `from` (copies on another file system): the ingest does
 * not follow a symbolic link out of its raw folder.
 */
function linkFarm(from: string, files: string[], to: string): void {
  for (const f of files) {
    mkdirSync(dirname(join(to, f)), { recursive: true });
    try {
      linkSync(resolve(from, f), join(to, f));
    } catch {
      copyFileSync(resolve(from, f), join(to, f));
    }
  }
}

try {
  const files = listFiles(raw).sort();
  const candidates = matching === undefined ? files : files.filter((f) => f.includes(matching));
  const every = Math.max(2, Math.floor(candidates.length / fresh));
  const added = new Set(candidates.filter((_, i) => i % every === 1).slice(0, fresh));
  linkFarm(raw, files, join(work, 'raw'));
  linkFarm(
    raw,
    files.filter((f) => !added.has(f)),
    join(work, 'raw-earlier'),
  );
  console.log(
    `bench:update: ${files.length} files; the earlier site lacks ${added.size} of them${matching === undefined ? '' : ` (of the ${candidates.length} whose path contains ${matching})`}`,
  );
  const env = { NIANBAO_RAW: join(work, 'raw'), NIANBAO_CACHE: join(work, 'cache') };
  const out = join(work, 'dist');
  step(
    'earlier: ingest --incremental',
    ['scripts/ingest.ts', '--incremental', '--raw', join(work, 'raw-earlier'), '--out', join(work, 'data'), '--quiet'],
    env,
  );
  step('earlier: build --incremental', ['scripts/build.ts', '--incremental', '--out', out], {
    ...env,
    NIANBAO_DATA: join(work, 'data'),
  });
  const ingest = step(
    'update: ingest --incremental',
    ['scripts/ingest.ts', '--incremental', '--raw', join(work, 'raw'), '--out', join(work, 'data'), '--quiet'],
    env,
  );
  const build = step('update: build --incremental', ['scripts/build.ts', '--incremental', '--out', out], {
    ...env,
    NIANBAO_DATA: join(work, 'data'),
  });
  const total = ingest.seconds + build.seconds;
  console.log(`bench:update: ${added.size} new reports' files on ${files.length}: update in ${total.toFixed(1)} s`);
  console.log(
    JSON.stringify({
      reports_files: files.length,
      update_reports: added.size,
      update_s: Number(total.toFixed(1)),
      update_ingest_s: Number(ingest.seconds.toFixed(1)),
      update_build_s: Number(build.seconds.toFixed(1)),
      update_peak_mb: Math.round(Math.max(ingest.peakMB, build.peakMB)),
    }),
  );
} finally {
  if (!option('--work')) rmSync(work, { recursive: true, force: true });
}
