import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDuckdb, dropSorted, sortedTables } from '../src/lib/site/sorted.ts';
import type { Layout } from '../src/lib/write/layout.ts';

describe('sortedTables: the per-report tables sorted by report, on disk, once per process', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-sorted-test-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  // The spill folder is removed on the process's exit, which a test worker's end is not.
  afterAll(() => rmSync(buildDuckdb().temp_directory!, { recursive: true, force: true }));

  // Two parts per table, rows of reports b, a, c out of order; within a report, the file order
  // (part, then row) is what `ord` must keep.
  const parts = {
    reports: [
      ['reports.parquet', "SELECT * FROM (VALUES ('a', '11'), ('b', '32'), ('c', NULL)) t(report_id, region_code)"],
    ],
    cells: [
      ['cells-1.parquet', "SELECT * FROM (VALUES ('b', 'x1'), ('a', 'y1'), ('b', 'x2')) t(report_id, v)"],
      ['cells-2.parquet', "SELECT * FROM (VALUES ('a', 'y2'), ('c', 'z1'), ('b', 'x3')) t(report_id, v)"],
    ],
    checks: [['checks.parquet', "SELECT * FROM (VALUES ('c', 'k1'), ('a', 'k2')) t(report_id, v)"]],
    sections: [['sections.parquet', "SELECT * FROM (VALUES ('b', 's2'), ('b', 's1')) t(report_id, v)"]],
    summary: [['summary.parquet', "SELECT * FROM (VALUES ('a')) t(report_id)"]],
  } as const;
  const layout = {
    tables: Object.fromEntries(
      Object.entries(parts).map(([t, ps]) => [t, { parquet: ps.map(([f]) => f), csv: [] }]),
    ) as unknown as Layout['tables'],
    duckdb: null,
    sql: '',
    manifest: 'manifest.json',
    manifestEntries: [],
  } satisfies Layout;

  const open = async () => {
    const db = await DuckDBInstance.create(':memory:');
    return { db, conn: await db.connect() };
  };

  it('sorts by report and keeps the dataset order within one, across parts', async () => {
    const { conn } = await open();
    for (const ps of Object.values(parts))
      for (const [f, sql] of ps) await conn.run(`COPY (${sql}) TO '${join(tmp, f)}' (FORMAT parquet)`);
    const first = await sortedTables(conn, tmp, layout, null);
    expect(first.created).toBe(true);
    const rows = (await conn.runAndReadAll(`SELECT report_id, v FROM read_parquet('${first.files.cells}')`))
      .getRows()
      .map((r) => r.join(':'));
    expect(rows).toEqual(['a:y1', 'a:y2', 'b:x1', 'b:x2', 'b:x3', 'c:z1']);

    // Asked again (another DuckDB, as the report files after the pages): the same files.
    const other = await open();
    const again = await sortedTables(other.conn, tmp, layout, null);
    expect(again).toEqual({ ...first, created: false });

    // A shard's predicate: only its reports' rows, in files of their own.
    const shard = await sortedTables(conn, tmp, layout, "substr(region_code, 1, 2) IN ('32')");
    expect(shard.created).toBe(true);
    expect(shard.files.cells).not.toBe(first.files.cells);
    const shardRows = (await conn.runAndReadAll(`SELECT v FROM read_parquet('${shard.files.cells}')`)).getRows();
    expect(shardRows.flat()).toEqual(['x1', 'x2', 'x3']);

    dropSorted(first.key);
    dropSorted(shard.key);
    expect(existsSync(dirname(first.files.cells))).toBe(false);
    expect(existsSync(dirname(shard.files.cells))).toBe(false);
  });

  it('is made after a query that spilled to disk (the build makes it lazily, after the digests)', async () => {
    // At 100,000 reports the digests spilled first, and the copy's own `SET temp_directory` then
    // failed every report page ("Cannot switch temporary directory after the current one has
    // been used"). The build's databases have their spill folder from the start (buildDuckdb).
    const db = await DuckDBInstance.create(':memory:', { ...buildDuckdb(), memory_limit: '32MB', threads: '1' });
    const conn = await db.connect();
    const spilled = await conn.runAndReadAll(
      'SELECT count(*) FROM (SELECT i, row_number() OVER (ORDER BY random()) AS n FROM range(3000000) r(i))',
    );
    expect(Number(spilled.getRows()[0]![0])).toBe(3_000_000);
    expect(buildDuckdb().temp_directory).toContain('nianbao-spill-');
    const made = await sortedTables(conn, tmp, layout, "region_code = '11'");
    expect(made.created).toBe(true);
    dropSorted(made.key);
    conn.closeSync();
  });
});
