import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { columns, type TableName } from '../schema/datasets.ts';

/**
 * The static API's per-report files, `reports/{report_id}.json`: the report row, its summary
 * row (or null), every cell and every check, without the repeated `report_id`. They are written
 * after `astro build` (src/integrations/report-files.ts), outside Astro's page pipeline: DuckDB
 * builds each file's JSON text, one query per block of reports, and JavaScript only writes the
 * strings to disk — no row becomes a JavaScript object.
 *
 * Cells keep the order of the cells dataset within a report; checks are ordered by check_id.
 * The JSON is compact (one line and a newline); DOUBLE columns print as DuckDB writes them
 * (`18.0`), which JSON readers parse to the same number.
 */

export const REPORT_JSON_BLOCK = 2000;

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** `struct_pack(a := a, …)` of a table's columns without report_id, in the dataset's order. */
function rowStruct(table: TableName): string {
  return `struct_pack(${columns(table)
    .filter((c) => c.name !== 'report_id')
    .map((c) => `${ident(c.name)} := ${ident(c.name)}`)
    .join(', ')})`;
}

/** SQL that copies the datasets of `dir` into sorted in-memory tables (one scan of each Parquet file). */
export function stagingSql(dir: string): string[] {
  const file = (t: TableName) => quote(join(dir, `${t}.parquet`));
  return [
    `CREATE TABLE r AS SELECT * REPLACE (CAST(published_on AS VARCHAR) AS published_on) FROM ${file('reports')} ORDER BY report_id`,
    `CREATE TABLE s AS SELECT * FROM ${file('summary')} ORDER BY report_id`,
    // The cells' order within a report is the dataset's (file) order: kept as `ord`.
    `CREATE TABLE c AS SELECT report_id, ord, to_json(${rowStruct('cells')}) AS j FROM (SELECT *, row_number() OVER () AS ord FROM ${file('cells')}) ORDER BY report_id, ord`,
    `CREATE TABLE k AS SELECT report_id, check_id, to_json(${rowStruct('checks')}) AS j FROM ${file('checks')} ORDER BY report_id, check_id`,
  ];
}

/** One query: the JSON text of every report whose id lies in [first, last]. */
export function blockSql(first: string, last: string): string {
  const range = (t: string) => `${t}.report_id BETWEEN ${quote(first)} AND ${quote(last)}`;
  return `WITH
  cs AS (SELECT report_id, list(j ORDER BY ord) AS l FROM c WHERE ${range('c')} GROUP BY report_id),
  ks AS (SELECT report_id, list(j ORDER BY check_id) AS l FROM k WHERE ${range('k')} GROUP BY report_id)
SELECT r.report_id AS id,
  CAST(json_object(
    'report', to_json(r),
    'summary', (SELECT to_json(s) FROM s WHERE s.report_id = r.report_id),
    'cells', to_json(coalesce(cs.l, [])),
    'checks', to_json(coalesce(ks.l, []))
  ) AS VARCHAR) AS body
FROM r LEFT JOIN cs ON cs.report_id = r.report_id LEFT JOIN ks ON ks.report_id = r.report_id
WHERE ${range('r')}
ORDER BY r.report_id`;
}

/** Writes `{outDir}/{report_id}.json` for every report of the datasets in `dataDir`; returns how many. */
export async function writeReportJson(options: { dataDir: string; outDir: string; block?: number }): Promise<number> {
  const block = options.block ?? REPORT_JSON_BLOCK;
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    for (const sql of stagingSql(options.dataDir)) await conn.run(sql);
    const ids = (await conn.runAndReadAll('SELECT report_id FROM r ORDER BY report_id')).getColumnsJS()[0]!.map(String);
    mkdirSync(options.outDir, { recursive: true });
    for (let i = 0; i < ids.length; i += block) {
      const [first, last] = [ids[i]!, ids[Math.min(ids.length, i + block) - 1]!];
      // Two VARCHAR columns: the id and the file's text.
      const [idCol, bodyCol] = (await conn.runAndReadAll(blockSql(first, last))).getColumnsJS() as [string[], string[]];
      for (let j = 0; j < idCol.length; j++) writeFileSync(join(options.outDir, `${idCol[j]}.json`), `${bodyCol[j]}\n`);
    }
    return ids.length;
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
