import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { columns, type TableName } from '../schema/datasets.ts';
import type { RowSink, RunResult } from '../ingest/run.ts';

/**
 * Writes the five tables into one DuckDB file as the run goes (through appenders: fast, and
 * nothing piles up in memory), then copies each table to Parquet (zstd) and CSV. DuckDB runs
 * single-threaded with insertion order preserved, so the same input gives identical files:
 * rows are in sorted file order already; the small tables are also ordered by key.
 */

export const DB_FILE = 'nianbao.duckdb';
const ORDER: Partial<Record<TableName, string>> = { reports: 'source_file', summary: 'report_id' };

export interface DatasetWriter {
  sink: RowSink;
  finish(result: RunResult): Promise<void>;
}

export async function openWriter(outDir: string): Promise<DatasetWriter> {
  const dbPath = join(outDir, DB_FILE);
  await rm(dbPath, { force: true });
  await rm(`${dbPath}.wal`, { force: true });
  const instance = await DuckDBInstance.create(dbPath, { threads: '1', preserve_insertion_order: 'true' });
  const conn = await instance.connect();
  const appenders = new Map<TableName, DuckDBAppender>();
  for (const name of ['reports', 'cells', 'checks', 'sections', 'summary'] as TableName[]) {
    // Dates are appended as text and cast once at the end.
    const ddl = columns(name).map((c) => `"${c.name}" ${c.type === 'DATE' ? 'VARCHAR' : c.type}`);
    await conn.run(`CREATE TABLE ${name} (${ddl.join(', ')})`);
    appenders.set(name, await conn.createAppender(name));
  }
  const appendRows = (name: TableName, rows: ReadonlyArray<object>) => {
    const a = appenders.get(name)!;
    const cols = columns(name);
    for (const row of rows) {
      const r = row as Record<string, unknown>;
      for (const c of cols) append(a, c.type, r[c.name]);
      a.endRow();
    }
  };
  const sink: RowSink = {
    cells: (rows) => appendRows('cells', rows),
    checks: (rows) => appendRows('checks', rows),
    sections: (rows) => appendRows('sections', rows),
  };
  return {
    sink,
    async finish(result: RunResult) {
      try {
        appendRows('reports', result.reports);
        appendRows('summary', result.summary);
        for (const a of appenders.values()) a.closeSync();
        for (const name of ['reports', 'cells', 'checks', 'sections', 'summary'] as TableName[]) {
          await exportTable(conn, outDir, name);
        }
        await conn.run('CHECKPOINT');
      } finally {
        conn.closeSync();
        instance.closeSync();
      }
    },
  };
}

async function exportTable(conn: DuckDBConnection, outDir: string, name: TableName): Promise<void> {
  const cols = columns(name);
  for (const c of cols) if (c.type === 'DATE') await conn.run(`ALTER TABLE ${name} ALTER "${c.name}" TYPE DATE`);
  const order = ORDER[name] ? ` ORDER BY ${ORDER[name]}` : '';
  const select = `SELECT * FROM ${name}${order}`;
  await conn.run(`COPY (${select}) TO '${join(outDir, `${name}.parquet`)}' (FORMAT parquet, COMPRESSION zstd)`);
  await conn.run(`COPY (${select}) TO '${join(outDir, `${name}.csv`)}' (FORMAT csv, HEADER true)`);
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

