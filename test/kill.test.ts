import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pinGeneration, recover, verifySums } from '../src/lib/write/generation.ts';
import { copySamples } from './samples.ts';

/**
 * SIGKILL during the write phase. The ingest stops at a named point (NIANBAO_PAUSE_AT, see
 * src/lib/write/phase.ts) and says so on stderr; the test kills it there, so every point is
 * hit deterministically. After each kill, the output path shows either the previous datasets,
 * byte for byte, or the new run, complete and consistent with its SHA256SUMS.
 */

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-kill-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const raw = join(tmp, 'raw');
copySamples(raw);

const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600' };
const args = (out: string) => [
  '--import',
  'tsx',
  'scripts/ingest.ts',
  '--raw',
  raw,
  '--out',
  out,
  '--quiet',
  '--workers',
  '0',
];

function ingest(out: string) {
  const r = spawnSync(process.execPath, args(out), { encoding: 'utf8', env, timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
}

/** Starts an ingest, waits until it reports `phase: NAME`, and kills it with SIGKILL. */
function killAt(out: string, phase: string): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args(out), {
      env: { ...env, NIANBAO_PAUSE_AT: phase },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes(`phase: ${phase}\n`)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? ok() : fail(new Error(`ingest ended (${code}) before ${phase}: ${err}`)),
    );
  });
}

const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex'),
      ]),
  );
const reports = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { counts: { reports: number } }).counts.reports;

/** A new file each time, so that a new run differs from the previous one. */
let added = 0;
function addReport(): void {
  added++;
  const text = readFileSync('data/raw/000_c118c1f3c5e39f04.txt', 'utf8').replace(
    '无锡市滨湖区行政审批局',
    `无锡市滨湖区第${added}测试局`,
  );
  writeFileSync(join(raw, `added-${added}.txt`), text);
}

const BEFORE_SWITCH = ['analysed', 'exported-cells', 'written', 'verified', 'link'];

describe('SIGKILL during the write phase', () => {
  const out = join(tmp, 'out');
  ingest(out);

  for (const phase of BEFORE_SWITCH) {
    it(`killed at "${phase}": the previous datasets stay, byte-identical`, async () => {
      const before = snapshot(out);
      addReport();
      await killAt(out, phase);
      expect(snapshot(out)).toEqual(before);
      expect(() => verifySums(out)).not.toThrow();
    });
  }

  it('killed just after the switch: the new run is there, complete', async () => {
    const n = reports(out);
    addReport();
    await killAt(out, 'switched');
    expect(() => verifySums(out)).not.toThrow();
    expect(reports(out)).toBe(n + BEFORE_SWITCH.length + 1);
  });

  it('a second ingest into the same output while one runs is refused; the first is not disturbed', async () => {
    const before = snapshot(out);
    const child = spawn(process.execPath, args(out), {
      env: { ...env, NIANBAO_PAUSE_AT: 'written' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await new Promise<void>((ok) =>
      child.stderr.on('data', (d: Buffer) => d.toString().includes('phase: written') && ok()),
    );
    const second = spawnSync(process.execPath, args(out), { encoding: 'utf8', env, timeout: 120_000 });
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`another ingest \\(pid ${child.pid}\\) is writing here`));
    child.kill('SIGKILL');
    await new Promise((ok) => child.on('exit', ok));
    expect(snapshot(out)).toEqual(before);
  });

  it('a full disk (a write error) at any point: the run fails with a message, the previous datasets stay', () => {
    const before = snapshot(out);
    // `loaded` and `exported-checks`: while the other lane of exports runs (duckdb.ts EXPORT_LANES).
    for (const phase of ['loaded', 'exported-checks', 'exported-cells', 'written', 'verified']) {
      const r = spawnSync(process.execPath, args(out), {
        encoding: 'utf8',
        env: { ...env, NIANBAO_FAIL_AT: phase },
        timeout: 120_000,
      });
      expect(r.status, phase).toBe(2);
      expect(r.stderr).toContain('failed; the previous datasets are kept: ENOSPC');
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(tmp).filter((e) => e.startsWith('.out.'))).toEqual([readlinkSync(out)]);
    }
  });

  it('a failure after the switch (tidying up): the new datasets are published, and the run says so', () => {
    const r = spawnSync(process.execPath, args(out), {
      encoding: 'utf8',
      env: { ...env, NIANBAO_FAIL_AT: 'switched' },
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('the new datasets are published, but tidying up after the switch failed');
    expect(r.stderr).not.toContain('previous datasets are kept');
    expect(reports(out)).toBe(5 + added);
  });

  it('the next run removes what the killed ones left', () => {
    ingest(out);
    expect(readdirSync(tmp).filter((e) => e.startsWith('.out.'))).toEqual([readlinkSync(out)]);
    expect(reports(out)).toBe(5 + added);
  });

  it('a generation a running build reads is left in place until the build ends (t29)', () => {
    // A fresh tester's t29: an ingest finishing during a build removed the generation the build
    // had pinned, and the build stopped at a cells.parquet no longer there.
    const pinned = readlinkSync(out);
    const unpin = pinGeneration(out, join(tmp, pinned));
    addReport();
    ingest(out);
    expect(readlinkSync(out)).not.toBe(pinned);
    expect(existsSync(join(tmp, pinned, 'cells.parquet'))).toBe(true);
    unpin();
    addReport();
    ingest(out);
    expect(existsSync(join(tmp, pinned))).toBe(false);
    expect(readdirSync(tmp).filter((e) => e.startsWith('.out.'))).toEqual([readlinkSync(out)]);
  });
});

describe('SIGKILL while a plain output folder from an older version is replaced', () => {
  const out = join(tmp, 'legacy');
  const makeLegacy = () => {
    // An older version wrote a plain folder: make one from a run's files.
    const made = join(tmp, 'legacy-made');
    ingest(made);
    rmSync(out, { recursive: true, force: true });
    cpSync(made, out, { recursive: true, dereference: true });
    expect(lstatSync(out).isDirectory()).toBe(true);
  };

  it('killed before the folder is set aside: the folder stays as it was', async () => {
    makeLegacy();
    const before = snapshot(out);
    addReport();
    await killAt(out, 'verified');
    expect(lstatSync(out).isDirectory()).toBe(true);
    expect(snapshot(out)).toEqual(before);
  });

  it('killed with the folder set aside: the next run (or recover) puts it back, byte-identical', async () => {
    makeLegacy();
    const before = snapshot(out);
    addReport();
    await killAt(out, 'aside');
    expect(existsSync(out)).toBe(false);
    recover(out);
    expect(snapshot(out)).toEqual(before);
    // And the next ingest switches it normally.
    ingest(out);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(() => verifySums(out)).not.toThrow();
  });

  it('killed with the folder set aside: the next ingest puts it back even when it refuses or fails', async () => {
    makeLegacy();
    const before = snapshot(out);
    addReport();
    await killAt(out, 'aside');
    expect(existsSync(out)).toBe(false);
    // Refused before it writes anything (no raw folder): the datasets it says it keeps are there.
    const refused = spawnSync(process.execPath, args(out).with(4, join(tmp, 'no-such-raw')), { encoding: 'utf8', env });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/the datasets in .*legacy \(\d+ reports\) are kept/);
    expect(lstatSync(out).isDirectory()).toBe(true);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(tmp).filter((e) => e.startsWith('.legacy.'))).toEqual([]);
    // Killed there again, then a run that fails after it has started: the same.
    addReport();
    await killAt(out, 'aside');
    const failed = spawnSync(process.execPath, args(out), {
      encoding: 'utf8',
      env: { ...env, NIANBAO_FAIL_AT: 'analysed' },
    });
    expect(failed.status).toBe(2);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(tmp).filter((e) => e.startsWith('.legacy.'))).toEqual([]);
  });

  it('a tampered generation is refused before the switch, naming the file', () => {
    const gen = join(tmp, 'tampered');
    cpSync(out, gen, { recursive: true, dereference: true });
    writeFileSync(join(gen, 'cells.csv'), 'x');
    expect(() => verifySums(gen)).toThrow(`${join(gen, 'cells.csv')} does not match its SHA-256 in SHA256SUMS`);
    renameSync(join(gen, 'cells.csv'), join(gen, 'other.csv'));
    expect(() => verifySums(gen)).toThrow(/cells\.csv is listed in SHA256SUMS but missing/);
  });
});
