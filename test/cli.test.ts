import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { Manifest } from '../src/lib/schema/datasets.ts';
import { scratchDir, testScratchDir } from './scratch.ts';
import { copySamples } from './samples.ts';

function ingest(raw: string, out: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--raw', raw, '--out', out], {
    encoding: 'utf8',
  });
}

describe('npm run ingest (end to end)', () => {
  const tmp = scratchDir('nianbao-');
  const raw = join(tmp, 'raw');
  copySamples(join(raw, 'samples'));
  mkdirSync(join(raw, 'bad'));
  writeFileSync(join(raw, 'bad', 'empty.txt'), '');
  writeFileSync(join(raw, 'bad', 'image.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  // A real 50 MB file: rejected by size before it is read.
  writeFileSync(join(raw, 'bad', 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 0x41));
  const out1 = join(tmp, 'out1');
  const out2 = join(tmp, 'out2');
  const first = ingest(raw, out1);
  const second = ingest(raw, out2);

  it('exits 0 with rejected files and prints a summary naming them', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('ok 4 · partial 0 · text_only 1 · duplicate 0 · rejected 3');
    expect(first.stdout).toContain('bad/huge.txt: 文件大小 50.0 MiB，超过每份报告 20 MiB 的上限');
    expect(first.stdout).toContain('bad/image.png');
    expect(first.stderr).toContain('bad/empty.txt: E_EMPTY');
  });

  it('writes every dataset as Parquet and CSV, the DuckDB file and a valid manifest', () => {
    const files = readdirSync(out1).sort();
    for (const t of ['reports', 'cells', 'checks', 'sections', 'summary']) {
      expect(files).toContain(`${t}.parquet`);
      expect(files).toContain(`${t}.csv`);
    }
    expect(files).toContain('nianbao.duckdb');
    const manifest = Manifest.parse(JSON.parse(readFileSync(join(out1, 'manifest.json'), 'utf8')));
    expect(manifest.files.length).toBe(8);
  });

  it('the DuckDB file and the Parquet files hold the same rows', async () => {
    const db = await DuckDBInstance.create(join(out1, 'nianbao.duckdb'), { access_mode: 'READ_ONLY' });
    const conn = await db.connect();
    for (const t of ['reports', 'cells', 'checks', 'sections', 'summary']) {
      const a = (await conn.runAndReadAll(`SELECT count(*) FROM ${t}`)).getRows()[0]![0];
      const b = (await conn.runAndReadAll(`SELECT count(*) FROM '${join(out1, `${t}.parquet`)}'`)).getRows()[0]![0];
      expect(a).toBe(b);
    }
    const zeros = (
      await conn.runAndReadAll(`SELECT count(*) FROM cells WHERE state <> 'number' AND value IS NOT NULL`)
    ).getRows()[0]![0];
    expect(zeros).toBe(0n);
    const cell = (
      await conn.runAndReadAll(
        `SELECT value, raw, line FROM '${join(out1, 'cells.parquet')}' c JOIN reports r USING (report_id) WHERE r.agency = '无锡市滨湖区行政审批局' AND row_key = 'procurement' AND col_key = 'amount'`,
      )
    ).getRowObjectsJS();
    expect(cell).toEqual([{ value: 22.67, raw: '22.67万元', line: 79 }]);
    conn.closeSync();
    db.closeSync();
  });

  it('is deterministic: two runs give byte-identical Parquet, CSV and manifest', () => {
    expect(second.status).toBe(0);
    // datapackage.json carries the DuckDB file's hash and the build date: see datasets.test.ts.
    for (const f of readdirSync(out1).filter((f) => /\.(parquet|csv|json)$/.test(f) && f !== 'datapackage.json')) {
      expect(readFileSync(join(out2, f)).equals(readFileSync(join(out1, f))), f).toBe(true);
    }
  });

  it('reads NIANBAO_RAW and writes NIANBAO_DATA, the folders the build uses, when no flag says otherwise (t44)', () => {
    const out = join(tmp, 'by-env');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--quiet'], {
      encoding: 'utf8',
      env: { ...process.env, NIANBAO_RAW: join(raw, 'samples'), NIANBAO_DATA: out },
    });
    expect(r.status, r.stderr).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { counts: { ok: number } };
    expect(m.counts.ok).toBe(4);
  });

  it('a bad argument is a fatal error with a message', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--bogus'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('unknown argument: --bogus');
  });
});

describe('npm run ingest: the earlier ids of edited files (manifest `replaces`)', () => {
  const tmp = scratchDir('nianbao-history-');
  const sample = readFileSync('data/raw/000_c118c1f3c5e39f04.txt', 'utf8');
  const entryOf = (out: string, path: string) =>
    Manifest.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).files.find((f) => f.path === path)!;
  const raw = join(tmp, 'raw');
  const other = join(tmp, 'other');
  const out = join(tmp, 'out');
  mkdirSync(raw);
  mkdirSync(other);
  writeFileSync(join(raw, 'a.txt'), sample);
  const runs = [ingest(raw, out)];
  const first = entryOf(out, 'a.txt').report_id;
  writeFileSync(join(raw, 'a.txt'), `${sample}\n`);
  runs.push(ingest(raw, out));
  const edited = entryOf(out, 'a.txt');
  // Another raw folder's a.txt, another agency's report: no earlier version of it (t59).
  writeFileSync(join(other, 'a.txt'), readFileSync('data/raw/001_8c5126968789870d.txt'));
  runs.push(ingest(other, out));
  const elsewhere = entryOf(out, 'a.txt');

  it("an edited file replaces its earlier id, and the run says so; another agency's report at the path does not", () => {
    for (const r of runs) expect(r.status, r.stderr).toBe(0);
    expect(edited.report_id).not.toBe(first);
    expect(edited.replaces).toEqual([first]);
    expect(runs[1]!.stdout).toContain(
      "1 files edited since the last run here: their reports' earlier addresses redirect",
    );
    expect(elsewhere.report_id).not.toBe(edited.report_id);
    expect(elsewhere.replaces).toBeUndefined();
  });
});

describe('npm run build: what it refuses before it builds anything (t29)', () => {
  const build = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });

  it('an option it does not know (a typo of --incremental ran a full build)', () => {
    const r = build(['--incremntal']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown argument: --incremntal');
  });

  it('a data folder with no datasets: a plain message, not a stack trace', () => {
    const r = build([], { NIANBAO_DATA: join(testScratchDir('nianbao-nodata-'), 'nothing') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no datasets in .*nothing \(no manifest\.json\): run `npm run ingest` first/);
  });

  it('an incremental build whose cache is inside the output folder (each build would be a full one)', () => {
    const out = join(testScratchDir('nianbao-cache-inside-'), 'site');
    for (const cache of [join(out, 'cache'), out]) {
      const r = build(['--incremental', '--out', out], { NIANBAO_CACHE: cache });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('is inside the output folder');
    }
    // Beside it (a name that starts alike) is not inside: on to the next check.
    const r = build(['--incremental', '--out', out], { NIANBAO_CACHE: `${out}-cache`, NIANBAO_DATA: `${out}-none` });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no datasets in');
  });
});
