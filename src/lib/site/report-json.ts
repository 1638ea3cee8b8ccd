import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { columns, type TableName } from '../schema/datasets.ts';
import { parquetFrom, readLayout, type Layout } from '../write/layout.ts';
import { BUILD_DUCKDB, dropSorted, sortedTables, type SortedFiles } from './sorted.ts';

/**
 * The static API's per-report files, `reports/{report_id}.json`: the report row, its summary
 * row (or null), every cell and every check, without the repeated `report_id`; cells and checks
 * as `{"columns": […], "rows": [[…], …]}` (`rowArray`, `rowObjects` turns them back into objects). They are written
 * after `astro build` (src/integrations/report-files.ts), outside Astro's page pipeline: DuckDB
 * builds each file's JSON text, one query per block of reports, and JavaScript only writes the
 * strings to disk — no row becomes a JavaScript object.
 *
 * Cells keep the order of the cells dataset within a report; checks are ordered by check_id.
 * The JSON is compact (one line and a newline); DOUBLE columns print as DuckDB writes them
 * (`18.0`), which JSON readers parse to the same number.
 */

/** Reports per query: the query's memory grows with it (about 0.2 MB per report). */
export const REPORT_JSON_BLOCK = 500;

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A table's columns in a report's file: the dataset's, in its order, without report_id. */
export function jsonColumns(table: 'cells' | 'checks'): string[] {
  return columns(table)
    .map((c) => c.name)
    .filter((n) => n !== 'report_id');
}

/**
 * SQL: one row as a JSON array of its values in `jsonColumns` order (NULL as null). A report's
 * cells and checks are `{"columns": […], "rows": [[…], …]}` (Datasette's default shape), not an
 * object per row: the column names, repeated in every object, were half of a file's bytes, and
 * 100,000 reports' files must fit a 5 GB site (issue 16).
 */
function rowArray(table: 'cells' | 'checks'): string {
  return `'[' || ${jsonColumns(table)
    .map((c) => `coalesce(CAST(to_json(${ident(c)}) AS VARCHAR), 'null')`)
    .join(" || ',' || ")} || ']'`;
}

/** SQL literal: the start of a table's block, up to its first row. */
const blockStart = (table: 'cells' | 'checks') =>
  quote(`,"${table}":{"columns":${JSON.stringify(jsonColumns(table))},"rows":[`);

/** `struct_pack(a := a, …)` of a table's columns without report_id, in the dataset's order. */
export function rowStruct(table: TableName): string {
  return `struct_pack(${columns(table)
    .filter((c) => c.name !== 'report_id')
    .map((c) => `${ident(c.name)} := ${ident(c.name)}`)
    .join(', ')})`;
}

/**
 * SQL that prepares the datasets of `dir`: the reports and summary rows in memory (one row per
 * report), the cells and checks as views of their files sorted by report (sorted.ts), so that
 * a block's query reads only the row groups of its reports, and memory stays bounded whatever
 * the number of cells.
 */
export function stagingSql(
  dir: string,
  sorted: SortedFiles,
  layout: Layout = readLayout(dir),
  where: string | null = null,
): string[] {
  const file = (t: TableName) => parquetFrom(dir, layout, t);
  return [
    `CREATE TABLE r AS SELECT * REPLACE (CAST(published_on AS VARCHAR) AS published_on) FROM ${file('reports')}${where === null ? '' : ` WHERE ${where}`} ORDER BY report_id`,
    `CREATE TABLE s AS SELECT * FROM ${file('summary')} ORDER BY report_id`,
    `CREATE VIEW c AS SELECT * FROM read_parquet(${quote(sorted.cells)})`,
    `CREATE VIEW k AS SELECT * FROM read_parquet(${quote(sorted.checks)})`,
  ];
}

/**
 * SQL: one digest per report (`report_id`, `d`) of `table`'s rows in `from` (a relation with the
 * rows' `ord`, their place in the dataset: the sorted files of sorted.ts): the sum of DuckDB's
 * 64-bit hash of each row (as a struct, without report_id and ord; NULL and '' hash differently)
 * with its place among its report's rows (1, 2, 3 … in ord). Two builds give a report the same
 * digest only when its rows and their order are the same (a change collides with odds of about
 * 2^-64); a report added before it does not change it, nor rows added between its own: a
 * report's cross-year checks stand after every report's own checks, and their distance from its
 * first check (the place this used) grew with every report added, so that at 100,000 reports an
 * update of 1,000 found 25,097 reports changed that were not, and wrote their pages and files
 * again. A sum, not a list hashed again: at
 * 100,000 reports the list of every cell's hash per report took more than the build's 1 GB of
 * DuckDB memory, and the incremental build failed (Out of Memory); a sum's state is one number a
 * report. One DuckDB version hashes alike every time; a new version (a lockfile change) may not,
 * which only makes everything written again.
 */
export function digestsSql(table: TableName, from: string): string {
  return `WITH x AS (SELECT *, row_number() OVER (PARTITION BY report_id ORDER BY ord) AS rel FROM ${from})
SELECT report_id, CAST(sum(hash(${rowStruct(table)}, rel)) AS VARCHAR) AS d FROM x GROUP BY report_id`;
}

/**
 * Every report's cache key (`id`, `key`): its reports and summary rows, its cells and checks in
 * order, as the file has them: not `ord`, the cell's position in the whole table, which moves
 * when a report is added before it.
 */
export function keysSql(): string {
  return `WITH
  cs AS (${digestsSql('cells', 'c')}),
  ks AS (${digestsSql('checks', 'k')})
SELECT r.report_id AS id,
  concat_ws(':', CAST(hash(r) AS VARCHAR), coalesce(CAST(hash(s) AS VARCHAR), '-'), coalesce(cs.d, '-'), coalesce(ks.d, '-')) AS key
FROM r LEFT JOIN s ON s.report_id = r.report_id
  LEFT JOIN cs ON cs.report_id = r.report_id LEFT JOIN ks ON ks.report_id = r.report_id
ORDER BY r.report_id`;
}

/**
 * One query: the JSON text of every report whose id lies in [first, last]. DuckDB writes each
 * row's JSON (`to_json`); the file is those texts joined, which keeps DuckDB from parsing them
 * again into a JSON document.
 */
export function blockSql(first: string, last: string, only?: readonly string[]): string {
  // `only`: just these ids of the range (an incremental build's changed reports).
  const within = only ? ` IN (${only.map(quote).join(', ')})` : ` BETWEEN ${quote(first)} AND ${quote(last)}`;
  const range = (t: string) => `${t}.report_id${within}`;
  const json = (e: string) => `CAST(to_json(${e}) AS VARCHAR)`;
  return `WITH
  cs AS (SELECT report_id, string_agg(${rowArray('cells')}, ',' ORDER BY ord) AS t FROM c WHERE ${range('c')} GROUP BY report_id),
  ks AS (SELECT report_id, string_agg(${rowArray('checks')}, ',' ORDER BY check_id) AS t FROM k WHERE ${range('k')} GROUP BY report_id)
SELECT r.report_id AS id,
  '{"report":' || ${json('r')} || ',"summary":' || coalesce(${json('s')}, 'null')
    || ${blockStart('cells')} || coalesce(cs.t, '') || ']}'
    || ${blockStart('checks')} || coalesce(ks.t, '') || ']}}' AS body
FROM r LEFT JOIN s ON s.report_id = r.report_id
  LEFT JOIN cs ON cs.report_id = r.report_id LEFT JOIN ks ON ks.report_id = r.report_id
WHERE ${range('r')}
ORDER BY r.report_id`;
}

/**
 * Writes `{outDir}/{report_id}.json` for every report of the datasets in `dataDir` (or those
 * `where`, a predicate on the reports table, selects); returns how many, and how many of them
 * were copied from `cacheDir`.
 *
 * With `cacheDir` (an incremental build), a report whose key (`keysSql`) is the one recorded
 * there is copied from there instead of queried; the others are queried and stored there. The
 * keys file is removed before the cache changes and written last, so a run stopped midway
 * leaves no key, and the next run writes everything.
 */
export async function writeReportJson(options: {
  dataDir: string;
  outDir: string;
  block?: number;
  where?: string | null;
  cacheDir?: string;
}): Promise<{ written: number; copied: number }> {
  const block = options.block ?? REPORT_JSON_BLOCK;
  const db = await DuckDBInstance.create(':memory:', BUILD_DUCKDB);
  const conn = await db.connect();
  const cache = options.cacheDir;
  const layout = readLayout(options.dataDir);
  const where = options.where ?? null;
  // The pages' data load made them already in a build (load.ts); alone, they are made here and
  // removed at the end.
  let sorted: Awaited<ReturnType<typeof sortedTables>> | null = null;
  try {
    sorted = await sortedTables(conn, options.dataDir, layout, where);
    for (const sql of stagingSql(options.dataDir, sorted.files, layout, where)) await conn.run(sql);
    mkdirSync(options.outDir, { recursive: true });
    let ids: string[];
    let copied = 0;
    let keys: Map<string, string> | null = null;
    if (cache) {
      const [idCol, keyCol] = (await conn.runAndReadAll(keysSql())).getColumnsJS() as [string[], string[]];
      keys = new Map(idCol.map((id, i) => [id, `${FILE_FORMAT}:${keyCol[i]!}`]));
      const before = readKeys(cache);
      rmSync(join(cache, KEYS), { force: true });
      mkdirSync(join(cache, 'files'), { recursive: true });
      ids = [];
      for (const id of idCol) {
        const file = join(cache, 'files', `${id}.json`);
        if (before.get(id) === keys.get(id) && existsSync(file)) {
          linkOrCopy(file, join(options.outDir, `${id}.json`));
          copied++;
        } else ids.push(id);
      }
      for (const id of before.keys()) if (!keys.has(id)) rmSync(join(cache, 'files', `${id}.json`), { force: true });
    } else {
      ids = (await conn.runAndReadAll('SELECT report_id FROM r ORDER BY report_id')).getColumnsJS()[0] as string[];
    }
    for (let i = 0; i < ids.length; i += block) {
      const part = ids.slice(i, i + block);
      // Two VARCHAR columns: the id and the file's text.
      const sql = blockSql(part[0]!, part.at(-1)!, cache ? part : undefined);
      const [idCol, bodyCol] = (await conn.runAndReadAll(sql)).getColumnsJS() as [string[], string[]];
      for (let j = 0; j < idCol.length; j++) {
        const out = join(options.outDir, `${idCol[j]}.json`);
        writeFileSync(out, `${bodyCol[j]}\n`);
        if (!cache) continue;
        // The cached copy may be a link of the live site's file: replaced, never written into.
        const file = join(cache, 'files', `${idCol[j]}.json`);
        rmSync(file, { force: true });
        linkOrCopy(out, file);
      }
    }
    if (cache && keys) writeFileSync(join(cache, KEYS), [...keys].map(([id, k]) => `${id} ${k}\n`).join(''));
    return { written: ids.length + copied, copied };
  } finally {
    conn.closeSync();
    db.closeSync();
    if (sorted?.created) dropSorted(sorted.key);
  }
}

/**
 * `to` as a hard link of `from` (no bytes copied: at 100,000 reports an update kept about 99,000
 * files), or a copy where a link cannot be made (another file system). Neither is ever written
 * into afterwards: a changed report's file is a new file (above).
 */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM') throw e;
    copyFileSync(from, to);
  }
}

/**
 * The files' format, in every cache key: a hash of the query that writes them, so that a cached
 * file written by other code is never copied (the rows' digest alone would not change).
 */
const FILE_FORMAT = createHash('sha256').update(blockSql('', '')).digest('hex').slice(0, 16);

/** The cache's keys file: a line `{report_id} {key}` per report. */
const KEYS = 'keys.txt';

function readKeys(cache: string): Map<string, string> {
  const file = join(cache, KEYS);
  if (!existsSync(file)) return new Map();
  return new Map(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ') as [string, string]),
  );
}

/** A block of a report's file (`cells`, `checks`): its columns and its rows as arrays of values. */
export interface RowBlock {
  columns: string[];
  rows: unknown[][];
}

/** The rows of a block as objects, `{ column: value }`: what a reader of the file does first. */
export function rowObjects(block: RowBlock): Array<Record<string, unknown>> {
  return block.rows.map((r) => Object.fromEntries(block.columns.map((c, i) => [c, r[i]])));
}
