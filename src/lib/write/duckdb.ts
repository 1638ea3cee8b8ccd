import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { closeSync, createReadStream, createWriteStream, openSync, writeSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { columns, type TableName } from '../schema/datasets.ts';
import type { RowSink, RunResult } from '../ingest/run.ts';

/**
 * Writes the five tables. During the run, rows are staged as newline-delimited JSON (V8's
 * JSON.stringify escapes every string correctly and is far faster than value-by-value appends);
 * at the end DuckDB loads the staging files into one database file with explicit column types
 * and copies each table to Parquet (zstd) and CSV. DuckDB runs single-threaded with insertion
 * order preserved, so the same input gives byte-identical files.
 */

export const DB_FILE = 'nianbao.duckdb';
const TABLES: TableName[] = ['reports', 'cells', 'checks', 'sections', 'summary'];
const ORDER: Partial<Record<TableName, string>> = { reports: 'source_file', summary: 'report_id' };

export interface DatasetWriter {
  sink: RowSink;
  finish(result: RunResult): Promise<void>;
}

class Staging {
  private fd: number;
  private buf: string[] = [];
  private size = 0;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }
  writeText(text: string): void {
    this.buf.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }
  write(rows: ReadonlyArray<object>): void {
    for (const r of rows) {
      const line = JSON.stringify(r);
      this.buf.push(line);
      this.size += line.length;
    }
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buf.length) writeSync(this.fd, `${this.buf.join('\n')}\n`);
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export async function openWriter(outDir: string): Promise<DatasetWriter> {
  const stagingDir = join(outDir, '.staging');
  await rm(stagingDir, { recursive: true, force: true });
  await mkdir(stagingDir, { recursive: true });
  const staging = Object.fromEntries(TABLES.map((t) => [t, new Staging(join(stagingDir, `${t}.ndjson`))])) as Record<TableName, Staging>;
  const sink: RowSink = {
    cells: (rows) => staging.cells.write(rows),
    checks: (rows) => staging.checks.write(rows),
    sections: (rows) => staging.sections.write(rows),
    ndjson: (table, text) => staging[table].writeText(text),
  };
  return {
    sink,
    async finish(result: RunResult) {
      staging.reports.write(result.reports);
      staging.summary.write(result.summary);
      for (const s of Object.values(staging)) s.close();
      const dbPath = join(outDir, DB_FILE);
      await rm(dbPath, { force: true });
      await rm(`${dbPath}.wal`, { force: true });
      // A memory cap keeps a 100,000-report run well under 2 GB; DuckDB spills to disk beyond it.
      const instance = await DuckDBInstance.create(dbPath, {
        threads: process.env.NIANBAO_DUCKDB_THREADS ?? '2',
        preserve_insertion_order: 'true',
        memory_limit: process.env.NIANBAO_DUCKDB_MEMORY ?? '512MB',
        temp_directory: join(stagingDir, 'tmp'),
      });
      const conn = await instance.connect();
      try {
        for (const name of TABLES) await loadTable(conn, name, staging[name].path);
        for (const name of TABLES) await exportTable(conn, outDir, name);
        await conn.run('CHECKPOINT');
      } finally {
        conn.closeSync();
        instance.closeSync();
        await rm(stagingDir, { recursive: true, force: true });
      }
    },
  };
}

async function loadTable(conn: DuckDBConnection, name: TableName, path: string): Promise<void> {
  const cols = columns(name);
  await conn.run(`CREATE TABLE ${name} (${cols.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
  const spec = cols.map((c) => `"${c.name}": '${c.type}'`).join(', ');
  const list = cols.map((c) => `"${c.name}"`).join(', ');
  await conn.run(`INSERT INTO ${name} SELECT ${list} FROM read_json('${path}', format = 'newline_delimited', columns = {${spec}}, maximum_object_size = 16777216)`);
}

async function exportTable(conn: DuckDBConnection, outDir: string, name: TableName): Promise<void> {
  const order = ORDER[name] ? ` ORDER BY ${ORDER[name]}` : '';
  const select = `SELECT * FROM ${name}${order}`;
  await conn.run(`COPY (${select}) TO '${join(outDir, `${name}.parquet`)}' (FORMAT parquet, COMPRESSION zstd)`);
  // Excel opens UTF-8 CSV as Chinese text only with a byte-order mark: DuckDB writes none, so
  // the file is written to a temporary name and copied behind a BOM.
  const tmp = join(outDir, `${name}.csv.tmp`);
  await conn.run(`COPY (${select}) TO '${tmp}' (FORMAT csv, HEADER true)`);
  await withBom(tmp, join(outDir, `${name}.csv`));
}

async function withBom(from: string, to: string): Promise<void> {
  const out = createWriteStream(to);
  out.write(Buffer.from([0xef, 0xbb, 0xbf]));
  await pipeline(createReadStream(from), out);
  await rm(from);
}
