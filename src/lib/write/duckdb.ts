import { DuckDBInstance, type DuckDBAppender } from '@duckdb/node-api';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { columns, type TableName } from '../schema/datasets.ts';
import type { Datasets } from '../ingest/run.ts';

/**
 * Writes the five tables into one DuckDB file, then copies each to Parquet (zstd) and CSV.
 * Rows go in through the appender (fast), in the run's order; each export is ordered by its
 * key columns and written single-threaded so that the same input gives identical files.
 */

export const TABLE_ORDER: Record<TableName, string> = {
  reports: 'source_file',
  cells: 'report_id, table_id, row_idx',
  checks: 'report_id, check_id',
  sections: 'report_id, section',
  summary: 'report_id',
};

export const DB_FILE = 'nianbao.duckdb';

export async function writeDatasets(outDir: string, data: Datasets): Promise<void> {
  const dbPath = join(outDir, DB_FILE);
  await rm(dbPath, { force: true });
  await rm(`${dbPath}.wal`, { force: true });
  const instance = await DuckDBInstance.create(dbPath, { threads: '1' });
  const conn = await instance.connect();
  try {
    for (const name of Object.keys(TABLE_ORDER) as TableName[]) {
      const cols = columns(name);
      // Dates are appended as text and cast once: simpler than building date values per row.
      const ddl = cols.map((c) => `"${c.name}" ${c.type === 'DATE' ? 'VARCHAR' : c.type}`);
      const extra = name === 'cells' ? ', row_idx BIGINT' : '';
      await conn.run(`CREATE TABLE ${name} (${ddl.join(', ')}${extra})`);
      const appender = await conn.createAppender(name);
      const rows = data[name] as Array<Record<string, unknown>>;
      rows.forEach((row, i) => {
        for (const c of cols) append(appender, c.type, row[c.name]);
        if (name === 'cells') appender.appendBigInt(BigInt(i));
        appender.endRow();
      });
      appender.closeSync();
      for (const c of cols) if (c.type === 'DATE') await conn.run(`ALTER TABLE ${name} ALTER "${c.name}" TYPE DATE`);
      const select = `SELECT ${cols.map((c) => `"${c.name}"`).join(', ')} FROM ${name} ORDER BY ${TABLE_ORDER[name]}`;
      await conn.run(`COPY (${select}) TO '${join(outDir, `${name}.parquet`)}' (FORMAT parquet, COMPRESSION zstd)`);
      await conn.run(`COPY (${select}) TO '${join(outDir, `${name}.csv`)}' (FORMAT csv, HEADER true)`);
    }
    await conn.run('ALTER TABLE cells DROP COLUMN row_idx');
    await conn.run('CHECKPOINT');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

function append(a: DuckDBAppender, type: string, v: unknown): void {
  if (v === null || v === undefined) return a.appendNull();
  switch (type) {
    case 'INTEGER':
      return a.appendInteger(v as number);
    case 'DOUBLE':
      return a.appendDouble(v as number);
    default:
      return a.appendVarchar(String(v));
  }
}
