import type { DuckDBConnection } from '@duckdb/node-api';
import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { columns, type TableName } from '../schema/datasets.ts';
import { BOM } from './csv.ts';
import { partPath, writeFitted, type Cut } from './parts.ts';

/**
 * A table's published copies, Parquet (zstd) and CSV, each one file while it fits in the part
 * limit and otherwise numbered parts (parts.ts). Rows go out in the table's published order
 * (reports by source_file, summary by report_id, the others as loaded), one query per file, on
 * one DuckDB thread with a fixed row-group size: the same rows give the same bytes on any
 * machine. CSV gets the formula-injection prefix on text columns (see csv.ts) and a BOM.
 */

/** Rows per Parquet row group: fixed, so the cuts depend on the rows only. */
export const ROW_GROUP_SIZE = Number(process.env.NIANBAO_ROW_GROUP_SIZE ?? 122_880);

const ORDER: Partial<Record<TableName, string>> = { reports: 'source_file', summary: 'report_id' };

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The relation to read a table from, its rows numbered by `rowid` in published order: the table
 * itself (rows in load order), or for an ordered table a sorted temporary copy (per connection).
 */
async function source(conn: DuckDBConnection, name: TableName): Promise<string> {
  const order = ORDER[name];
  if (!order) return name;
  await conn.run(`CREATE OR REPLACE TEMP TABLE sorted_${name} AS SELECT * FROM ${name} ORDER BY ${order}`);
  return `sorted_${name}`;
}

const rowsOf = (from: string, cut: Cut) =>
  `FROM ${from} WHERE rowid >= ${cut.offset} AND rowid < ${cut.offset + cut.rows}`;

async function count(conn: DuckDBConnection, name: TableName): Promise<number> {
  return Number((await conn.runAndReadAll(`SELECT count(*) FROM ${name}`)).getRows()[0]![0]);
}

function moveInto(from: string, outDir: string, path: string): void {
  mkdirSync(dirname(join(outDir, path)), { recursive: true });
  renameSync(from, join(outDir, path));
}

/** Writes `name` as Parquet into `outDir`; returns the paths (relative to outDir), in order. */
export async function exportParquet(
  conn: DuckDBConnection,
  outDir: string,
  scratch: string,
  name: TableName,
  limit: number,
): Promise<string[]> {
  const from = await source(conn, name);
  const tmp = join(scratch, `${name}.parquet.tmp`);
  const files: string[] = [];
  await writeFitted({
    total: await count(conn, name),
    limit,
    write: async (cut) => {
      await conn.run(
        `COPY (SELECT * ${rowsOf(from, cut)}) TO ${quote(tmp)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`,
      );
      return statSync(tmp).size;
    },
    keep: (part) => {
      files.push(partPath(name, 'parquet', part));
      moveInto(tmp, outDir, files.at(-1)!);
      return Promise.resolve();
    },
  });
  if (from !== name) await conn.run(`DROP TABLE ${from}`);
  return files;
}

export interface CsvExport {
  /** Paths relative to outDir, in order. */
  files: string[];
  /** SHA-256 of each file (computed while it is written). */
  sha256: Record<string, string>;
  /**
   * SHA-256 of the table's CSV as one file: the first file whole, then each further part without
   * its BOM and header line. The same whatever the part limit; equal to the file's own hash when
   * there is one file.
   */
  table: string;
  rows: number;
}

/** Writes `name` as CSV (BOM, header in every file) into `outDir`. */
export async function exportCsv(
  conn: DuckDBConnection,
  outDir: string,
  scratch: string,
  name: TableName,
  limit: number,
): Promise<CsvExport> {
  const from = await source(conn, name);
  const tmp = join(scratch, `${name}.csv.tmp`);
  const table = createHash('sha256');
  const out: CsvExport = { files: [], sha256: {}, table: '', rows: await count(conn, name) };
  const bom = Buffer.byteLength(BOM);
  await writeFitted({
    total: out.rows,
    limit,
    write: async (cut) => {
      // DuckDB's CSV writer (RFC 4180 quoting; far faster than streaming rows to csv-stringify).
      await conn.run(
        `COPY (SELECT ${csvSelect(name)} ${rowsOf(from, cut)}) TO ${quote(tmp)} (FORMAT csv, HEADER true)`,
      );
      return statSync(tmp).size + bom;
    },
    keep: (part) => {
      const path = partPath(name, 'csv', part);
      mkdirSync(dirname(join(outDir, path)), { recursive: true });
      out.sha256[path] = withBom(tmp, join(outDir, path), table, part !== null && part > 0);
      out.files.push(path);
      rmSync(tmp);
      return Promise.resolve();
    },
  });
  if (from !== name) await conn.run(`DROP TABLE ${from}`);
  out.table = table.digest('hex');
  return out;
}

/** The select list of a table's CSV: text columns prefixed as `safeText` does (csv.ts). */
export function csvSelect(name: TableName): string {
  return columns(name)
    .map((c) =>
      c.type === 'VARCHAR'
        ? `CASE WHEN left("${c.name}", 1) IN (${FORMULA_CHARS}) THEN '''' || "${c.name}" ELSE "${c.name}" END AS "${c.name}"`
        : c.type === 'DOUBLE'
          ? // A whole number prints as 3, not 3.0 (a count in cells.value); Parquet keeps the DOUBLE.
            `CASE WHEN "${c.name}" = trunc("${c.name}") AND abs("${c.name}") < 1e15 THEN CAST(CAST("${c.name}" AS BIGINT) AS VARCHAR) ELSE CAST("${c.name}" AS VARCHAR) END AS "${c.name}"`
          : `"${c.name}"`,
    )
    .join(', ');
}

const FORMULA_CHARS = ["'='", "'+'", "'-'", "'@'", 'chr(9)', 'chr(13)'].join(', ');

/**
 * Copies `from` behind a BOM into `to`; returns the SHA-256 of what was written. `table` hashes
 * the same bytes, except (`continued`) the BOM and header line of a part after the first.
 */
function withBom(from: string, to: string, table: Hash, continued: boolean): string {
  const out = openSync(to, 'w');
  const src = openSync(from, 'r');
  const hash = createHash('sha256');
  try {
    const bom = Buffer.from(BOM, 'utf8');
    writeSync(out, bom);
    hash.update(bom);
    if (!continued) table.update(bom);
    // In a part after the first, the header line is skipped for the table's hash (the header
    // has no quoted newline: column names are plain identifiers).
    let inHeader = continued;
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = readSync(src, buf, 0, buf.length, null)) > 0;) {
      const chunk = buf.subarray(0, n);
      writeSync(out, chunk);
      hash.update(chunk);
      if (inHeader) {
        const nl = chunk.indexOf(10);
        if (nl < 0) continue;
        inHeader = false;
        table.update(chunk.subarray(nl + 1));
      } else table.update(chunk);
    }
  } finally {
    closeSync(src);
    closeSync(out);
  }
  return hash.digest('hex');
}
