import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { columns } from '../src/lib/schema/datasets.ts';
import { digestsSql } from '../src/lib/site/digests.ts';
import { scratchDir } from './scratch.ts';

// DuckDB spills to `.tmp/` in the working directory by default: a folder of this test's instead.
const spill = scratchDir('nianbao-digests-');

/**
 * The incremental build's per-report digests (digests.ts `digestsSql`): the same rows in the
 * same order give the same digest wherever the report stands in the dataset; any change of a
 * row or of their order gives another; and memory stays bounded by the number of reports, not of
 * rows (the list of every row's hash took more than the build's 1 GB at 100,000 reports).
 */

type Row = { report_id: string; ord: number; check_id: string; detail: string | null };

async function digests(rows: Row[], memory = '256MB'): Promise<Map<string, string>> {
  const db = await DuckDBInstance.create(':memory:', { memory_limit: memory, threads: '2', temp_directory: spill });
  const conn = await db.connect();
  const cols = columns('checks').map((c) => `"${c.name}" ${c.type}`);
  await conn.run(`CREATE TABLE k (${cols.join(', ')}, ord BIGINT)`);
  const q = (s: string | null) => (s === null ? 'NULL' : `'${s}'`);
  if (rows.length)
    await conn.run(
      `INSERT INTO k (report_id, ord, check_id, detail) VALUES ${rows
        .map((r) => `(${q(r.report_id)}, ${r.ord}, ${q(r.check_id)}, ${q(r.detail)})`)
        .join(', ')}`,
    );
  const out = (await conn.runAndReadAll(digestsSql('checks', 'k'))).getRowObjectsJS() as Array<{
    report_id: string;
    d: string;
  }>;
  conn.closeSync();
  return new Map(out.map((r) => [r.report_id, r.d]));
}

const b = (ord: number, check_id: string, detail: string | null = 'x'): Row => ({
  report_id: 'B',
  ord,
  check_id,
  detail,
});

describe('digestsSql: one digest per report of its rows in order', () => {
  it('is the same when another report is added before it (its rows move in the dataset)', async () => {
    const alone = await digests([b(0, 'c1'), b(1, 'c2')]);
    const after = await digests([
      { report_id: 'A', ord: 0, check_id: 'c1', detail: 'y' },
      { report_id: 'A', ord: 1, check_id: 'c9', detail: 'y' },
      b(2, 'c1'),
      b(3, 'c2'),
    ]);
    expect(after.get('B')).toBe(alone.get('B'));
    expect(after.get('A')).not.toBe(after.get('B'));
  });

  it('is the same when rows of other reports come between its own (cross-year checks stand at the end)', async () => {
    const c = (ord: number): Row => ({ report_id: 'C', ord, check_id: `c${ord}`, detail: 'y' });
    const before = await digests([b(0, 'c1'), b(1, 'c2'), c(2), c(3), b(4, 'cross')]);
    const after = await digests([b(0, 'c1'), b(1, 'c2'), c(2), c(3), c(4), c(5), b(6, 'cross')]);
    expect(after.get('B')).toBe(before.get('B'));
  });

  it('changes with a value, with NULL for empty text, with the rows’ order, and with a row more', async () => {
    const base = (await digests([b(0, 'c1'), b(1, 'c2')])).get('B');
    const others = [
      [b(0, 'c1'), b(1, 'c2', 'z')],
      [b(0, 'c1'), b(1, 'c2', null)],
      [b(0, 'c1', ''), b(1, 'c2')],
      [b(0, 'c2'), b(1, 'c1')],
      [b(0, 'c1'), b(1, 'c2'), b(2, 'c2')],
    ];
    const ds = await Promise.all(others.map(async (rows) => (await digests(rows)).get('B')));
    expect(new Set([base, ...ds]).size).toBe(others.length + 1);
    expect((await digests([b(0, 'c1', ''), b(1, 'c2')])).get('B')).not.toBe(
      (await digests([b(0, 'c1', null), b(1, 'c2')])).get('B'),
    );
  });

  it('cells and sections: by the distance from the report’s first row, the same where the report stands', async () => {
    const db = await DuckDBInstance.create(':memory:', { memory_limit: '256MB', threads: '2', temp_directory: spill });
    const conn = await db.connect();
    const cols = columns('cells').map((c) => `"${c.name}" ${c.type}`);
    const cellDigests = async (rows: Array<[string, number, string]>) => {
      await conn.run(`CREATE OR REPLACE TABLE c (${cols.join(', ')}, ord BIGINT)`);
      await conn.run(
        `INSERT INTO c (report_id, ord, row_key) VALUES ${rows.map(([r, o, k]) => `('${r}', ${o}, '${k}')`).join(', ')}`,
      );
      const out = (await conn.runAndReadAll(digestsSql('cells', 'c'))).getRowObjectsJS() as Array<{
        report_id: string;
        d: string;
      }>;
      return new Map(out.map((r) => [r.report_id, r.d]));
    };
    const alone = await cellDigests([
      ['B', 0, 'r1'],
      ['B', 1, 'r2'],
    ]);
    const moved = await cellDigests([
      ['A', 0, 'r1'],
      ['A', 1, 'r2'],
      ['A', 2, 'r3'],
      ['B', 3, 'r1'],
      ['B', 4, 'r2'],
    ]);
    expect(moved.get('B')).toBe(alone.get('B'));
    expect(moved.get('A')).not.toBe(moved.get('B'));
    const swapped = await cellDigests([
      ['B', 0, 'r2'],
      ['B', 1, 'r1'],
    ]);
    const more = await cellDigests([
      ['B', 0, 'r1'],
      ['B', 1, 'r2'],
      ['B', 2, 'r2'],
    ]);
    expect(new Set([alone.get('B'), swapped.get('B'), more.get('B')]).size).toBe(3);
    conn.closeSync();
  });

  it('keeps memory by the reports: 3,000,000 rows of checks, and of cells, in 64 MB of DuckDB memory', async () => {
    const db = await DuckDBInstance.create(':memory:', { memory_limit: '64MB', threads: '2', temp_directory: spill });
    const conn = await db.connect();
    const cols = columns('checks').filter((c) => c.name !== 'report_id' && c.name !== 'check_id');
    await conn.run(
      `CREATE TABLE k AS SELECT printf('%08d', i // 100) AS report_id, 'c' || (i % 100) AS check_id, ${cols
        .map((c) => `NULL::${c.type} AS "${c.name}"`)
        .join(', ')}, i AS ord FROM range(3000000) r(i)`,
    );
    const n = (await conn.runAndReadAll(`SELECT count(*) AS n FROM (${digestsSql('checks', 'k')})`)).getRowsJS();
    expect(Number(n[0]![0])).toBe(30_000);
    const cellCols = columns('cells').filter((c) => c.name !== 'report_id' && c.name !== 'row_key');
    await conn.run(
      `CREATE TABLE c AS SELECT printf('%08d', i // 100) AS report_id, 'r' || (i % 100) AS row_key, ${cellCols
        .map((c) => `NULL::${c.type} AS "${c.name}"`)
        .join(', ')}, i AS ord FROM range(3000000) r(i)`,
    );
    const m = (await conn.runAndReadAll(`SELECT count(*) AS n FROM (${digestsSql('cells', 'c')})`)).getRowsJS();
    expect(Number(m[0]![0])).toBe(30_000);
    conn.closeSync();
  });
});
