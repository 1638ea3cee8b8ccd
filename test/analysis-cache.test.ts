import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileResult } from '../src/lib/ingest/analyze.ts';
import { timesKept } from '../src/lib/ingest/walk.ts';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateCorpus } from '../src/lib/synth/corpus.ts';
import { listFiles } from '../src/lib/site/merge.ts';
import { fileSha256, ledgerPath } from '../src/lib/write/retained.ts';
import { gaz, writeCorpus } from './helpers.ts';
import { copySamples } from './samples.ts';

/**
 * `npm run ingest -- --incremental` (src/lib/ingest/analysis-cache.ts): a second run takes each
 * file's analysis from the cache and publishes the same datasets; the cache is really used (an
 * entry planted in it shows), and only for the same file (a changed file is read again).
 */

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-analysis-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const raw = join(tmp, 'raw');
const cache = join(tmp, 'cache');
copySamples(raw);

/** Runs the ingest; returns what it printed (nothing when `quiet`). */
function ingest(out: string, incremental: boolean, from = raw, quiet = true, env: Record<string, string> = {}): string {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/ingest.ts',
      '--raw',
      from,
      '--out',
      out,
      ...(quiet ? ['--quiet'] : []),
      '--workers',
      '1',
      ...(incremental ? ['--incremental'] : []),
    ],
    {
      encoding: 'utf8',
      // A handful of files: a plain run reads them in this thread, an incremental one in workers
      // (the cache is theirs; a fresh tester's 400 files were read without it). A fixed clock.
      env: { ...process.env, NIANBAO_CACHE: cache, SOURCE_DATE_EPOCH: '1767225600', ...env },
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/**
 * The published files, but for the DuckDB file, whose bytes differ from run to run whatever
 * the input (its tables are compared by their hashes in manifest.json), and the two files that
 * list its hash.
 */
const published = (dir: string) =>
  Object.fromEntries(
    listFiles(dir)
      .filter((f) => !['nianbao.duckdb', 'SHA256SUMS', 'datapackage.json'].includes(f))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

/**
 * Published files without the edited files' earlier ids (manifest `replaces`, ingest/history.ts):
 * a run into a new folder has none of them.
 */
const noHistory = (files: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(files).map(([f, t]) => {
      if (f !== 'manifest.json') return [f, t.replace(/,"replaces":\[[^\]]*\]/g, '')];
      const doc = JSON.parse(t) as { files?: Array<{ replaces?: unknown }> };
      for (const e of doc.files ?? []) delete e.replaces;
      return [f, JSON.stringify(doc)];
    }),
  );

/** A table's published CSV text (one file or parts, plain or gzip). */
const csvText = (dir: string, table: string) =>
  listFiles(dir)
    .filter((f) => f.startsWith(table) && f.includes('.csv'))
    .map((f) => (f.endsWith('.gz') ? gunzipSync(readFileSync(join(dir, f))) : readFileSync(join(dir, f))).toString())
    .join('');

const entries = () => (existsSync(cache) ? listFiles(cache).filter((f) => f.endsWith('.bin')) : []);

describe('incremental ingest: the analysis cache', () => {
  it('a run from the cache publishes what a plain run does; a planted entry shows; a changed file is read again', () => {
    ingest(join(tmp, 'plain'), false);
    expect(entries()).toEqual([]);
    ingest(join(tmp, 'first'), true);
    const files = readdirSync(raw, { recursive: true }).length;
    expect(entries().length).toBe(files);
    ingest(join(tmp, 'second'), true);
    expect(published(join(tmp, 'first'))).toEqual(published(join(tmp, 'plain')));
    expect(published(join(tmp, 'second'))).toEqual(published(join(tmp, 'plain')));

    // Plant a title in one entry: the next run publishes it, so the entry was used.
    const planted = entries().find((f) => {
      const r = deserialize(readFileSync(join(cache, f))) as FileResult;
      return !r.rejected;
    })!;
    const r = deserialize(readFileSync(join(cache, planted))) as Extract<FileResult, { rejected: null }>;
    writeFileSync(join(cache, planted), serialize({ ...r, report: { ...r.report, title: '缓存中的标题' } }));
    ingest(join(tmp, 'planted'), true);
    expect(readFileSync(join(tmp, 'planted', 'reports.csv'), 'utf8')).toContain('缓存中的标题');

    // The same file changed (one more line): its key changes, it is read again.
    const file = join(raw, r.path);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    ingest(join(tmp, 'changed'), true);
    expect(readFileSync(join(tmp, 'changed', 'reports.csv'), 'utf8')).not.toContain('缓存中的标题');
  });

  it("a run into the same folder takes the unchanged files' rows from the previous DuckDB file and publishes what a plain run does", async () => {
    // Series of agencies (cross-year checks), copies, re-encoded copies and rejected files.
    const from = join(tmp, 'raw-kept');
    const corpus = [...generateCorpus(60, 20261205, gaz())];
    writeCorpus(from, corpus);
    const out = join(tmp, 'kept');
    // Small Parquet row groups and inserts, so that how the rows were inserted would show in the
    // Parquet bytes (retained.ts INSERT_ROWS).
    // And inserts of more than two runs of rows gathered first (retained.ts MAX_PARTS).
    // And every file settled (walk.ts): those just written have an identity, and files the
    // previous run read are not read again.
    const small = {
      NIANBAO_ROW_GROUP_SIZE: '2048',
      NIANBAO_INSERT_ROWS: '2048',
      NIANBAO_MAX_PARTS: '2',
      NIANBAO_SETTLED_MS: '-1',
    };
    const run = (to: string, incremental: boolean, quiet = true) => ingest(to, incremental, from, quiet, small);
    expect(run(out, true, false)).not.toContain('previous run');
    // The files with rows, with the identity the next run reads them by (retained.ts).
    const ledgerLines = readFileSync(ledgerPath(cache, out), 'utf8').trim().split('\n').slice(1);
    expect(ledgerLines.length).toBeGreaterThan(0);
    // (None on tmpfs, where the times cannot be gone by: walk.ts timesKept.)
    // And each one's place in the light packs (light-pack.ts): pack, offset, length, CRC-32.
    for (const l of ledgerLines) {
      const line = JSON.parse(l) as unknown[];
      expect(line).toHaveLength(7);
      expect(typeof line[2]).toBe(timesKept(from) ? 'string' : 'object');
    }

    // One file removed, one edited, one added, and a copy of a kept file that sorts before it
    // (the kept one becomes the copy, its rows go).
    const series = corpus.filter((f) => f.truth.outcome === 'ok' || f.truth.outcome === 'partial');
    rmSync(join(from, series[1]!.path));
    writeFileSync(join(from, series[2]!.path), `${readFileSync(join(from, series[2]!.path), 'utf8')}\n`);
    // One rewritten to the same size with its time put back: another file by its change time.
    // (`touch -r`: to the nanosecond, which utimes from JavaScript cannot give.)
    const sameSize = join(from, series[4]!.path);
    const before = statSync(sameSize, { bigint: true });
    const times = join(tmp, 'times-of-the-rewritten-file');
    writeFileSync(times, '');
    execFileSync('touch', ['-r', sameSize, times]);
    const text = readFileSync(sameSize, 'latin1');
    const digit = text.search(/[1-8]/);
    writeFileSync(sameSize, `${text.slice(0, digit)}${Number(text[digit]) + 1}${text.slice(digit + 1)}`, 'latin1');
    execFileSync('touch', ['-r', times, sameSize]);
    const after = statSync(sameSize, { bigint: true });
    expect([after.size, after.mtimeNs, after.ino]).toEqual([before.size, before.mtimeNs, before.ino]);
    const extra = [...generateCorpus(3, 99, gaz())].find((f) => f.truth.outcome === 'ok')!;
    writeCorpus(join(from, 'added'), [extra]);
    const ext = series[3]!.path.slice(series[3]!.path.lastIndexOf('.'));
    writeFileSync(join(from, `0-first-copy${ext}`), readFileSync(join(from, series[3]!.path)));
    const printed = run(out, true, false);
    const taken = Number(/rows of (\d+) reports taken from the previous run/.exec(printed)?.[1]);
    expect(taken).toBeGreaterThan(series.length / 2);
    run(join(tmp, 'kept-plain'), false);
    // But for the edited files' earlier ids (ingest/history.ts), which a run into a new folder
    // has none of.
    const kept = published(out);
    const edited = JSON.parse(
      kept['manifest.jsonl']!.split('\n').find((l) => l.includes(JSON.stringify(series[2]!.path)))!,
    ) as {
      replaces?: string[];
    };
    expect(edited.replaces).toHaveLength(1);
    expect(noHistory(kept)).toEqual(noHistory(published(join(tmp, 'kept-plain'))));
    // Cross-year checks, which come after the files' own and are computed again.
    expect(csvText(out, 'checks')).toContain('cross_year.');

    // Plant a section's text in the DuckDB file (and the ledger's note of its size and time):
    // the next run publishes it, so the rows were taken from there.
    // The generation folder the output folder shows now (each run makes a new one).
    const db = () => join(realpathSync(out), 'nianbao.duckdb');
    const plant = async (text: string) => {
      const instance = await DuckDBInstance.create(db());
      const conn = await instance.connect();
      await conn.run(`UPDATE sections SET text = '${text}' WHERE rowid = 0`);
      conn.closeSync();
      instance.closeSync();
    };
    const ledger = ledgerPath(cache, out);
    const retime = () => {
      const [head, ...rest] = readFileSync(ledger, 'utf8').split('\n');
      const st = statSync(db());
      const h = JSON.parse(head!) as { db: { size: number; mtimeMs: number; sha256: string } };
      h.db = { size: st.size, mtimeMs: st.mtimeMs, sha256: fileSha256(db()) };
      writeFileSync(`${ledger}.tmp`, [JSON.stringify(h), ...rest].join('\n'));
      renameSync(`${ledger}.tmp`, ledger);
    };
    await plant('保留的行');
    retime();
    run(out, true);
    expect(csvText(out, 'sections')).toContain('保留的行');

    // The same file changed since the run that wrote it (its time and size not as the ledger
    // says): not used; every row is read from the analysis cache again.
    await plant('改过的行');
    const printedAgain = run(out, true, false);
    expect(printedAgain).not.toContain('previous run');
    expect(csvText(out, 'sections')).not.toContain('改过的行');
    expect(noHistory(published(out))).toEqual(noHistory(published(join(tmp, 'kept-plain'))));
    if (!timesKept(from)) return;

    // The files taken unread come from the light pack: a title planted in one entry (its place
    // and CRC-32 in the ledger made to match) is published. A pack whose bytes are not those
    // the ledger says is not used: the cache's own files are read, and a plain run's bytes published.
    const lines = readFileSync(ledger, 'utf8').trimEnd().split('\n');
    const head = JSON.parse(lines[0]!) as { packs: string[] };
    const k = lines.findIndex((l, i) => i > 0 && (JSON.parse(l) as unknown[]).length === 7);
    const line = JSON.parse(lines[k]!) as [string, string, string, number, number, number, number];
    const packFile = join(dirname(ledger), head.packs[line[3]]!);
    const pack = readFileSync(packFile);
    const entry = deserialize(pack.subarray(line[4], line[4] + line[5])) as Extract<FileResult, { rejected: null }>;
    const planted = serialize({ ...entry, report: { ...entry.report, title: '轻量包中的标题' } });
    // A pack is never changed in place: the planted entry goes into a new one the ledger names.
    const plantedPack = join(dirname(ledger), `${head.packs[0]!.split('.')[0]}.1-planted.pack`);
    writeFileSync(plantedPack, planted);
    head.packs.push(basename(plantedPack));
    lines[0] = JSON.stringify(head);
    lines[k] = JSON.stringify([line[0], line[1], line[2], head.packs.length - 1, 0, planted.length, crc32(planted)]);
    writeFileSync(ledger, `${lines.join('\n')}\n`);
    run(out, true);
    expect(readFileSync(join(out, 'reports.csv'), 'utf8')).toContain('轻量包中的标题');
    // The next run keeps that entry where it is; now every byte of every pack is damaged.
    for (const name of (JSON.parse(readFileSync(ledger, 'utf8').split('\n')[0]!) as { packs: string[] }).packs) {
      const f = join(dirname(ledger), name);
      writeFileSync(f, Buffer.alloc(statSync(f).size, 0x5a));
    }
    expect(run(out, true, false)).toContain('previous run');
    expect(readFileSync(join(out, 'reports.csv'), 'utf8')).not.toContain('轻量包中的标题');
    expect(noHistory(published(out))).toEqual(noHistory(published(join(tmp, 'kept-plain'))));
  });
});
