import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileResult } from '../src/lib/ingest/analyze.ts';
import { listFiles } from '../src/lib/site/merge.ts';

/**
 * `npm run ingest -- --incremental` (src/lib/ingest/analysis-cache.ts): a second run takes each
 * file's analysis from the cache and publishes the same datasets; the cache is really used (an
 * entry planted in it shows), and only for the same file (a changed file is read again).
 */

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-analysis-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const raw = join(tmp, 'raw');
const cache = join(tmp, 'cache');
cpSync('data/raw', raw, { recursive: true });

function ingest(out: string, incremental: boolean): void {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/ingest.ts',
      '--raw',
      raw,
      '--out',
      out,
      '--quiet',
      '--workers',
      '1',
      ...(incremental ? ['--incremental'] : []),
    ],
    {
      encoding: 'utf8',
      // A handful of files: a plain run reads them in this thread, an incremental one in workers
      // (the cache is theirs; a fresh tester's 400 files were read without it). A fixed clock.
      env: { ...process.env, NIANBAO_CACHE: cache, SOURCE_DATE_EPOCH: '1767225600' },
    },
  );
  expect(r.status, r.stderr).toBe(0);
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
});
