import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReportIndex, type IndexEntry } from '../src/lib/site/report-index.ts';
import { buildReport } from './fixtures/build.ts';
import { query } from './query.ts';

/**
 * reports/index.json and its JSON Lines (the static API's index): a reader of the index alone
 * must be able to tell a copy (`duplicate_of`) and a report with other, different reports of its
 * agency and year (`same_agency_year`) from the others, as in reports.csv.
 */
describe('writeReportIndex', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-index-'));
  const raw = join(tmp, 'raw');
  const data = join(tmp, 'data');
  beforeAll(() => {
    mkdirSync(join(raw, 'conflict'), { recursive: true });
    const sample = '001_8c5126968789870d.txt';
    cpSync(join('data/raw', sample), join(raw, sample));
    // A copy of the sample with other line ends: another file, the same report (duplicate_of).
    const text = readFileSync(join('data/raw', sample), 'utf8');
    writeFileSync(
      join(raw, 'zz-copy.txt'),
      text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text.replace(/\n/g, '\r\n'),
    );
    // Two different reports of one agency (place known) for one year: same_agency_year 1 each.
    const title = '淮安市测试局2020年政府信息公开工作年度报告';
    writeFileSync(
      join(raw, 'conflict/a.txt'),
      buildReport({ title, requests: { new_received: ['5', '1', '0', '2', '0', '0', '8'] } }),
    );
    writeFileSync(
      join(raw, 'conflict/b.txt'),
      buildReport({
        title,
        head: ['发布时间：2021-02-03'],
        requests: { new_received: ['6', '1', '0', '2', '0', '0', '9'] },
      }),
    );
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/ingest.ts', '--raw', raw, '--out', data, '--quiet', '--workers', '0'],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('gives every report its duplicate_of and same_agency_year, inline and in the JSON Lines', async () => {
    const out = join(tmp, 'dist');
    expect(await writeReportIndex({ dataDir: data, outDir: out, base: '/', limit: 1 << 20 })).toEqual([
      'reports/index.json',
      'reports/index.jsonl',
    ]);
    const expected = await query<{ report_id: string; duplicate_of: string | null; same_agency_year: number }>(
      `SELECT report_id, duplicate_of, same_agency_year FROM '${join(data, 'reports.parquet')}' ORDER BY report_id`,
    );
    // The corpus has each kind: a copy, two conflicting reports, and a report that is neither.
    expect(expected.filter((r) => r.duplicate_of !== null)).toHaveLength(1);
    expect(expected.filter((r) => r.same_agency_year > 0)).toHaveLength(2);
    const inline = (JSON.parse(readFileSync(join(out, 'reports/index.json'), 'utf8')) as { reports: IndexEntry[] })
      .reports;
    const lines = readFileSync(join(out, 'reports/index.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as IndexEntry);
    expect(lines).toEqual(inline);
    expect(
      inline.map((e) => ({
        report_id: e.report_id,
        duplicate_of: e.duplicate_of,
        same_agency_year: e.same_agency_year,
      })),
    ).toEqual(expected.map((r) => ({ ...r, same_agency_year: Number(r.same_agency_year) })));
    // The same names as the reports columns, and the addresses last.
    expect(Object.keys(inline[0]!)).toEqual([
      'report_id',
      'title',
      'agency',
      'year',
      'region_code',
      'status',
      'checks_failed',
      'checks_not_assessable',
      'duplicate_of',
      'same_agency_year',
      'page',
      'json',
    ]);
  });
});
