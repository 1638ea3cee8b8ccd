import type { DuckDBConnection } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { columns, type TableName } from '../schema/datasets.ts';
import { BOM } from './csv.ts';
import { gzipFile } from './gzip.ts';
import { fitsInOne, partPath, writeFitted, type Cut } from './parts.ts';
import { sqlString as quote } from './quote.ts';

/**
 * A table's published copies, Parquet (zstd) and CSV. Parquet is one file while it fits in the
 * part limit and otherwise numbered parts (parts.ts); CSV is one plain file while it fits, and
 * otherwise gzip-compressed CSV, one file or parts (`exportCsv`). Rows go out in the table's published order
 * (reports by source_file, summary by report_id, the others as loaded), one query per file, on
 * one DuckDB thread with a fixed row-group size: the same rows give the same bytes on any
 * machine. CSV gets the formula-injection prefix on text columns (see csv.ts) and a BOM.
 */

/** Rows per Parquet row group: fixed, so the cuts depend on the rows only. */
export const ROW_GROUP_SIZE = Number(process.env.NIANBAO_ROW_GROUP_SIZE ?? 122_880);

/** The tables published in an order of their own (by this column), not in load order. */
export const ORDER: Partial<Record<TableName, string>> = { reports: 'source_file', summary: 'report_id' };

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
  /** Paths relative to outDir, in order: `<name>.csv`, or `.csv.gz` files (one, or parts). */
  files: string[];
  /** SHA-256 of each file as published (of the gzip bytes for a `.csv.gz`), computed while it is written. */
  sha256: Record<string, string>;
  /**
   * SHA-256 of the table's CSV as one uncompressed file: the first file whole, then each further
   * part without its BOM and header line (a `.csv.gz` decompressed). The same whatever the part
   * limit and the compression; equal to the file's own hash when it is one plain `.csv`.
   */
  table: string;
  rows: number;
}

/** The extension of a table's CSV once it does not fit in one plain file. */
export const CSV_GZ = 'csv.gz';

/**
 * Writes `name` as CSV (BOM, header in every file) into `outDir`: one plain `<name>.csv` while
 * it fits in `limit` bytes; otherwise gzip-compressed, `<name>.csv.gz`, or parts
 * `<name>/<name>-00001.csv.gz` … when the compressed file would be over the limit (each part a
 * whole gzip file, cut on its compressed size). A plain CSV is some 10 times its gzip: at
 * 100,000 reports the CSV files were 1.6 GB of the 1.75 GB of data (issue 16).
 */
export async function exportCsv(
  conn: DuckDBConnection,
  outDir: string,
  scratch: string,
  name: TableName,
  limit: number,
): Promise<CsvExport> {
  const from = await source(conn, name);
  const tmp = join(scratch, `${name}.csv.tmp`);
  const gz = join(scratch, `${name}.csv.gz.tmp`);
  const out: CsvExport = { files: [], sha256: {}, table: '', rows: await count(conn, name) };
  const bom = Buffer.from(BOM, 'utf8');
  // DuckDB's CSV writer (RFC 4180 quoting; far faster than streaming rows to csv-stringify).
  const copy = async (cut: Cut): Promise<number> => {
    await conn.run(`COPY (SELECT ${csvSelect(name)} ${rowsOf(from, cut)}) TO ${quote(tmp)} (FORMAT csv, HEADER true)`);
    return statSync(tmp).size + bom.length;
  };
  if (await fitsInOne({ total: out.rows, limit, write: copy })) {
    // The last write was the whole table: the single file, as it always was.
    const path = partPath(name, 'csv', null);
    out.sha256[path] = out.table = withBom(tmp, join(outDir, path));
    out.files.push(path);
    rmSync(tmp);
  } else {
    // The table's hash so far (the parts kept), and with the part last written (kept or not).
    let table = createHash('sha256');
    let next = table;
    let last = '';
    await writeFitted({
      total: out.rows,
      limit,
      write: async (cut) => {
        await copy(cut);
        next = table.copy();
        const skip = cut.offset > 0 ? headerSkipper() : null;
        const written = await gzipFile(tmp, gz, {
          prefix: bom,
          tap: (chunk) => {
            const rest = skip ? skip(chunk) : chunk;
            if (rest.length) next.update(rest);
          },
        });
        rmSync(tmp);
        last = written.sha256;
        return written.bytes;
      },
      keep: (part) => {
        const path = partPath(name, CSV_GZ, part);
        out.sha256[path] = last;
        out.files.push(path);
        moveInto(gz, outDir, path);
        table = next;
        return Promise.resolve();
      },
    });
    out.table = table.digest('hex');
  }
  if (from !== name) await conn.run(`DROP TABLE ${from}`);
  return out;
}

/**
 * For a part after the first: drops its BOM and header line from the bytes that follow (chunk by
 * chunk), so that the table's hash sees the rows only. The header has no quoted newline: column
 * names are plain identifiers.
 */
function headerSkipper(): (chunk: Buffer) => Buffer {
  let inHeader = true;
  return (chunk) => {
    if (!inHeader) return chunk;
    const nl = chunk.indexOf(10);
    if (nl < 0) return chunk.subarray(chunk.length);
    inHeader = false;
    return chunk.subarray(nl + 1);
  };
}

/** The select list of a table's CSV: text columns prefixed as `safeText` does (csv.ts). */
export function csvSelect(name: TableName): string {
  return columns(name)
    .map((c) =>
      c.type === 'VARCHAR'
        ? `CASE WHEN list_contains([${FORMULA_CHARS}], left("${c.name}", 1)) THEN '''' || "${c.name}" ELSE "${c.name}" END AS "${c.name}"`
        : c.type === 'DOUBLE'
          ? // A whole number prints as 3, not 3.0 (a count in cells.value); Parquet keeps the DOUBLE.
            `CASE WHEN "${c.name}" = trunc("${c.name}") AND abs("${c.name}") < 1e15 THEN CAST(CAST("${c.name}" AS BIGINT) AS VARCHAR) ELSE CAST("${c.name}" AS VARCHAR) END AS "${c.name}"`
          : `"${c.name}"`,
    )
    .join(', ');
}

/**
 * The characters a spreadsheet reads a formula from. Tested with `list_contains`, a plain
 * function: `IN (…)` of six values becomes a join in DuckDB's plan, which gave a part's first
 * rows last when the part started in the last 64 rows of a stored 2,048-row vector (a fresh
 * tester; test/csv-select.test.ts).
 */
const FORMULA_CHARS = ["'='", "'+'", "'-'", "'@'", 'chr(9)', 'chr(13)'].join(', ');

/** Copies `from` behind a BOM into `to`; returns the SHA-256 of what was written. */
function withBom(from: string, to: string): string {
  const out = openSync(to, 'w');
  const src = openSync(from, 'r');
  const hash = createHash('sha256');
  try {
    const bom = Buffer.from(BOM, 'utf8');
    writeSync(out, bom);
    hash.update(bom);
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = readSync(src, buf, 0, buf.length, null)) > 0;) {
      const chunk = buf.subarray(0, n);
      writeSync(out, chunk);
      hash.update(chunk);
    }
  } finally {
    closeSync(src);
    closeSync(out);
  }
  return hash.digest('hex');
}
