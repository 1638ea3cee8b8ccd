import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { columns, type TableName } from '../schema/datasets.ts';
import { parquetFrom, readLayout, type Layout } from '../write/layout.ts';
import { dropDigests, reportDigests } from './digests.ts';
import { FS_THREADS, linkInThreads } from './fs-threads.ts';
import { buildDuckdb, dropSorted, sortedTables, unsortedSql, type SortedFiles } from './sorted.ts';
import { sqlString as quote } from '../write/quote.ts';
import { columnsJS } from './columns.ts';

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

/**
 * Reports an incremental build writes with one query over the datasets' files as they are, with
 * no sorted copy (sorted.ts): a full scan of the cells takes about 1–2 s at 100,000 reports, the
 * copy 9–17 s; at 0.2 MB a report, the query holds some 400 MB at most.
 */
const UNSORTED_MAX = 2_000;

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

/**
 * SQL that prepares the datasets of `dir`: the reports and summary rows in memory (one row per
 * report), the cells and checks as views of their files sorted by report (sorted.ts), so that
 * a block's query reads only the row groups of its reports, and memory stays bounded whatever
 * the number of cells. With `sorted` null, the views are of the files as they are
 * (`unsortedSql`): for a query that reads every row once (the few reports an update writes).
 */
export function stagingSql(
  dir: string,
  sorted: SortedFiles | null,
  layout: Layout = readLayout(dir),
  where: string | null = null,
): string[] {
  const file = (t: TableName) => parquetFrom(dir, layout, t);
  return [
    `CREATE TABLE r AS SELECT * REPLACE (CAST(published_on AS VARCHAR) AS published_on) FROM ${file('reports')}${where === null ? '' : ` WHERE ${where}`} ORDER BY report_id`,
    `CREATE TABLE s AS SELECT * FROM ${file('summary')} ORDER BY report_id`,
    ...rowViewsSql(dir, sorted, layout, where),
  ];
}

/** SQL: the views `c` and `k` of `stagingSql` (made again, `OR REPLACE`, once the sorted copy is there). */
function rowViewsSql(dir: string, sorted: SortedFiles | null, layout: Layout, where: string | null): string[] {
  const view = (t: 'cells' | 'checks') =>
    sorted ? `SELECT * FROM read_parquet(${quote(sorted[t])})` : unsortedSql(dir, layout, t, where);
  return [`CREATE OR REPLACE VIEW c AS ${view('cells')}`, `CREATE OR REPLACE VIEW k AS ${view('checks')}`];
}

/**
 * SQL: every report's own rows' hashes (`id`, `r`, `s`: its reports and summary rows; `s` NULL
 * for none), in report order. A report's cache key is these and its cells' and checks' digests
 * (digests.ts), as the file has them: not `ord`, the cell's position in the whole table, which
 * moves when a report is added before it.
 */
export function rowHashesSql(): string {
  return `SELECT r.report_id AS id, CAST(hash(r) AS VARCHAR) AS r, CAST(hash(s) AS VARCHAR) AS s
FROM r LEFT JOIN s ON s.report_id = r.report_id
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
 * With `cacheDir` (an incremental build), a report whose key (`rowHashesSql`, digests.ts) is the one recorded
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
  const db = await DuckDBInstance.create(':memory:', buildDuckdb());
  const conn = await db.connect();
  const cache = options.cacheDir;
  const layout = readLayout(options.dataDir);
  const where = options.where ?? null;
  // The pages' data load made them already in a build (load.ts); alone, they are made here and
  // removed at the end.
  let sorted: Awaited<ReturnType<typeof sortedTables>> | null = null;
  let digestsKey: string | null = null;
  try {
    // The views first (the keys need r and s), of the files as they are; the sorted copy only
    // once more reports are to be written than one query over the whole files takes.
    for (const sql of stagingSql(options.dataDir, null, layout, where)) await conn.run(sql);
    mkdirSync(options.outDir, { recursive: true });
    let ids: string[];
    let copied = 0;
    let keys: Map<string, string> | null = null;
    if (cache) {
      const made = await reportDigests(conn, options.dataDir, layout, where);
      if (made.created) digestsKey = made.key;
      const { digests } = made;
      const [idCol, rCol, sCol] = columnsJS<[string[], string[], Array<string | null>]>(
        await conn.runAndReadAll(rowHashesSql()),
      );
      keys = new Map(
        idCol.map((id, i) => [
          id,
          [FILE_FORMAT, rCol[i]!, sCol[i] ?? '-', digests.cells.get(id) ?? '-', digests.checks.get(id) ?? '-'].join(
            ':',
          ),
        ]),
      );
      const before = readKeys(cache);
      rmSync(join(cache, KEYS), { force: true });
      mkdirSync(join(cache, 'files'), { recursive: true });
      // The unchanged reports' files, linked by several threads (fs-threads.ts: out of the page
      // cache, 100,000 links one at a time took some 4 s); a file the cache lacks is written.
      const kept = idCol.filter((id) => before.get(id) === keys!.get(id));
      const outcomes = await linkInThreads(
        kept.map((id) => join(cache, 'files', `${id}.json`)),
        kept.map((id) => join(options.outDir, `${id}.json`)),
        FS_THREADS,
      );
      const taken = new Set<string>();
      kept.forEach((id, i) => {
        const o = outcomes[i]!;
        // No links there (another file system): a copy, when the cache has the file.
        if (
          'ino' in o ||
          ('stopped' in o && copyIfThere(join(cache, 'files', `${id}.json`), join(options.outDir, `${id}.json`)))
        )
          taken.add(id);
      });
      copied = taken.size;
      ids = idCol.filter((id) => !taken.has(id));
      for (const id of before.keys()) if (!keys.has(id)) rmSync(join(cache, 'files', `${id}.json`), { force: true });
    } else {
      ids = columnsJS(await conn.runAndReadAll('SELECT report_id FROM r ORDER BY report_id'))[0] as string[];
    }
    // A few reports (an update's): one query over the files as they are, every one at once.
    // More: blocks of the sorted copy, each reading only its reports' row groups.
    const few = cache !== undefined && ids.length <= UNSORTED_MAX;
    if (!few && ids.length > 0) {
      sorted = await sortedTables(conn, options.dataDir, layout, where);
      for (const sql of rowViewsSql(options.dataDir, sorted.files, layout, where)) await conn.run(sql);
    }
    const step = few ? Math.max(1, ids.length) : block;
    for (let i = 0; i < ids.length; i += step) {
      const part = ids.slice(i, i + step);
      // Two VARCHAR columns: the id and the file's text.
      const sql = blockSql(part[0]!, part.at(-1)!, cache ? part : undefined);
      const [idCol, bodyCol] = columnsJS<[string[], string[]]>(await conn.runAndReadAll(sql));
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
    if (digestsKey !== null) dropDigests(digestsKey);
  }
}

/** Copies `from` to `to`; false when `from` is not there. */
function copyIfThere(from: string, to: string): boolean {
  try {
    copyFileSync(from, to);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
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
