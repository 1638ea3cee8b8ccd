import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockSql, jsonColumns, rowObjects, writeReportJson, type RowBlock } from '../src/lib/site/report-json.ts';
import type { CellRow, CheckRow, ReportRow, SummaryRow } from '../src/lib/schema/datasets.ts';
import { query } from './query.ts';
import { scratchDir } from './scratch.ts';
import { copySamples } from './samples.ts';

/** BIGINT columns come back as BigInt; JSON has plain numbers. */
const plain = <T>(rows: T[]): T[] =>
  rows.map(
    (r) =>
      Object.fromEntries(Object.entries(r as object).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])) as T,
  );
const without = <T extends { report_id: string }>(rows: T[], id: string) =>
  rows.filter((r) => r.report_id === id).map(({ report_id: _r, ...rest }) => rest);

describe('writeReportJson: reports/{id}.json from one DuckDB query per block', () => {
  const tmp = scratchDir('nianbao-json-');
  const data = join(tmp, 'data');
  beforeAll(() => {
    const raw = join(tmp, 'raw');
    copySamples(raw);
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/ingest.ts', '--raw', raw, '--out', data, '--quiet'],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
  });

  it('writes, per report, the report row, its summary, its cells in dataset order and its checks by check_id', async () => {
    const out = join(tmp, 'one-block');
    const { written: n, copied } = await writeReportJson({ dataDir: data, outDir: out });
    expect(copied).toBe(0);
    const file = (t: string) => `'${join(data, `${t}.parquet`)}'`;
    const reports = plain(
      await query<ReportRow>(
        `SELECT * REPLACE (CAST(published_on AS VARCHAR) AS published_on) FROM ${file('reports')} ORDER BY report_id`,
      ),
    );
    const summary = plain(await query<SummaryRow>(`SELECT * FROM ${file('summary')}`));
    const cells = plain(await query<CellRow>(`SELECT * FROM ${file('cells')}`));
    const checks = plain(await query<CheckRow>(`SELECT * FROM ${file('checks')} ORDER BY report_id, check_id`));
    expect(n).toBe(5);
    expect(readdirSync(out).sort()).toEqual(reports.map((r) => `${r.report_id}.json`));
    let cellCount = 0;
    for (const report of reports) {
      const text = readFileSync(join(out, `${report.report_id}.json`), 'utf8');
      expect(text.endsWith('}\n')).toBe(true);
      const body = JSON.parse(text) as { cells: RowBlock; checks: RowBlock };
      expect(Object.keys(body)).toEqual(['report', 'summary', 'cells', 'checks']);
      // Cells and checks: the dataset's columns (without report_id) and a row of values each.
      expect(body.cells.columns).toEqual(jsonColumns('cells'));
      expect(body.checks.columns).toEqual(jsonColumns('checks'));
      expect({ ...body, cells: rowObjects(body.cells), checks: rowObjects(body.checks) }).toEqual({
        report,
        summary: summary.find((s) => s.report_id === report.report_id) ?? null,
        cells: without(cells, report.report_id),
        checks: without(checks, report.report_id),
      });
      cellCount += body.cells.rows.length;
    }
    expect(cellCount).toBe(cells.length);
    expect(jsonColumns('cells')).toEqual([
      'table_id',
      'row_key',
      'col_key',
      'value',
      'raw',
      'state',
      'line',
      'page',
      'bbox',
    ]);
    // A text-only report has no cells and no checks: empty lists, not null.
    expect(JSON.parse(readFileSync(join(out, '800650f213f3cc77.json'), 'utf8'))).toMatchObject({
      cells: { columns: jsonColumns('cells'), rows: [] },
      checks: { columns: jsonColumns('checks'), rows: [] },
    });
  });

  it('gives the same bytes whatever the block size (1, 2 or all reports per query)', async () => {
    const texts = async (block: number) => {
      const out = join(tmp, `block-${block}`);
      await writeReportJson({ dataDir: data, outDir: out, block });
      return readdirSync(out)
        .sort()
        .map((f) => readFileSync(join(out, f), 'utf8'));
    };
    const all = await texts(1000);
    expect(all).toHaveLength(5);
    expect(await texts(1)).toEqual(all);
    expect(await texts(2)).toEqual(all);
  });

  it('leaves no sorted copies behind', async () => {
    const leftovers = () => readdirSync(tmpdir()).filter((f) => f.startsWith('nianbao-sorted-'));
    const before = leftovers();
    await writeReportJson({ dataDir: data, outDir: join(tmp, 'cleanup') });
    expect(leftovers()).toEqual(before);
  });

  it('incremental: copies a report whose rows are unchanged from the cache, queries the others, same bytes', async () => {
    const cacheDir = join(tmp, 'cache');
    const clean = join(tmp, 'one-block');
    const first = await writeReportJson({ dataDir: data, outDir: join(tmp, 'inc-1'), cacheDir });
    expect(first).toEqual({ written: 5, copied: 0 });
    const second = await writeReportJson({ dataDir: data, outDir: join(tmp, 'inc-2'), cacheDir });
    expect(second).toEqual({ written: 5, copied: 5 });
    const files = (d: string) =>
      readdirSync(d)
        .sort()
        .map((f) => [f, readFileSync(join(d, f), 'utf8')]);
    expect(files(join(tmp, 'inc-2'))).toEqual(files(clean));
    // A cached file whose key changed (here: the key file says another key) is queried again,
    // never copied: a damaged cache entry is rewritten, the output is still the clean bytes.
    const keyFile = join(cacheDir, 'keys.txt');
    const lines = readFileSync(keyFile, 'utf8').trimEnd().split('\n');
    const [id, key] = lines[0]!.split(' ');
    // A key names the files' format (a hash of the query writing them): other code, other key.
    expect(key).toMatch(/^[0-9a-f]{16}:/);
    writeFileSync(join(cacheDir, 'files', `${id}.json`), '{"stale":true}\n');
    writeFileSync(keyFile, [`${id} stale`, ...lines.slice(1)].join('\n') + '\n');
    const third = await writeReportJson({ dataDir: data, outDir: join(tmp, 'inc-3'), cacheDir });
    expect(third).toEqual({ written: 5, copied: 4 });
    expect(files(join(tmp, 'inc-3'))).toEqual(files(clean));
    // No key file (a run stopped midway): everything is queried.
    rmSync(keyFile);
    expect(await writeReportJson({ dataDir: data, outDir: join(tmp, 'inc-4'), cacheDir })).toEqual({
      written: 5,
      copied: 0,
    });
  });

  it('quotes the block bounds it puts into SQL', () => {
    expect(blockSql("a'b", 'c')).toContain("BETWEEN 'a''b' AND 'c'");
  });
});
