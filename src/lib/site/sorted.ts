import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TableName } from '../schema/datasets.ts';
import { parquetFrom, type Layout } from '../write/layout.ts';

/**
 * The per-report tables (cells, checks, sections) copied once per build, sorted by report, into
 * Parquet files in a temporary folder: a query for a block of reports then reads only the row
 * groups of those reports (their min/max report_id), and neither DuckDB nor JavaScript holds a
 * table in memory. At 100,000 reports the in-memory copies the pages used to read were about
 * 4 GB of the build's 8.9 GB peak (issue 16).
 *
 * Each file keeps `ord`, the row's position in the dataset (file order), after report_id in the
 * sort: a report's rows keep the dataset's order.
 *
 * The pages' data load (load.ts) and the report files written after the build (report-json.ts)
 * use the same files. Astro loads the pages and the integrations as separate copies of this
 * module, so the registry lives on `globalThis`. The folders are removed when the process exits,
 * or by `dropSorted`.
 */

export const SORTED_TABLES = ['cells', 'checks', 'sections'] as const;
export type SortedTable = (typeof SORTED_TABLES)[number];
export type SortedFiles = Record<SortedTable, string>;

/** Rows per row group: a block of 256–500 reports (about 125 cells each) reads a few groups. */
const ROW_GROUP = 20_000;

interface Entry {
  dir: string;
  files: Promise<SortedFiles>;
}
const REGISTRY = Symbol.for('nianbao.sorted-tables');
type Registry = Map<string, Entry>;

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  let r = g[REGISTRY];
  if (!r) {
    r = new Map();
    g[REGISTRY] = r;
    const registryRef = r;
    process.once('exit', () => {
      for (const e of registryRef.values()) rmSync(e.dir, { recursive: true, force: true });
    });
  }
  return r;
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * SQL: the COPY statements that write the sorted files of `dataDir`'s tables into `dir`, and
 * the spill folder DuckDB sorts out of core in. `where` (a predicate on the reports table, a
 * sharded build's, shard.ts) keeps the rows of those reports only.
 */
export function sortedSql(dataDir: string, layout: Layout, dir: string, where: string | null): string[] {
  const scope =
    where === null
      ? ''
      : ` WHERE report_id IN (SELECT report_id FROM ${parquetFrom(dataDir, layout, 'reports')} WHERE ${where})`;
  // ord from each part's row number (the part's index in its high bits), not a window over the
  // whole table: at 100,000 reports that window took the cells' sort from 20 s to 42 s.
  const ordered = (t: TableName) =>
    layout.tables[t].parquet
      .map(
        (f, i) =>
          `SELECT * EXCLUDE (file_row_number), (${i}::BIGINT << 40) + file_row_number AS ord FROM read_parquet(${quote(join(dataDir, f))}, file_row_number = true)`,
      )
      .join(' UNION ALL ');
  return [
    `SET temp_directory = ${quote(join(dir, 'spill'))}`,
    ...SORTED_TABLES.map(
      (t) =>
        `COPY (SELECT * FROM (${ordered(t)})${scope} ORDER BY report_id, ord) TO ${quote(join(dir, `${t}.parquet`))} (FORMAT parquet, ROW_GROUP_SIZE ${ROW_GROUP})`,
    ),
  ];
}

/**
 * The sorted files of `dataDir` (and `where`), written on `conn` the first time they are asked
 * for in this process. `created` says whether this call wrote them: a caller that made them for
 * itself alone removes them after use (`dropSorted`).
 */
export async function sortedTables(
  conn: DuckDBConnection,
  dataDir: string,
  layout: Layout,
  where: string | null,
): Promise<{ files: SortedFiles; created: boolean; key: string }> {
  // Each block's query opens the sorted files again: their footers are read once.
  await conn.run('LOAD parquet');
  await conn.run('SET parquet_metadata_cache = true');
  const key = `${resolve(dataDir)}\0${where ?? ''}`;
  const reg = registry();
  const known = reg.get(key);
  if (known) return { files: await known.files, created: false, key };
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-sorted-'));
  const files = (async () => {
    for (const sql of sortedSql(dataDir, layout, dir, where)) await conn.run(sql);
    return Object.fromEntries(SORTED_TABLES.map((t) => [t, join(dir, `${t}.parquet`)])) as SortedFiles;
  })();
  reg.set(key, { dir, files });
  try {
    return { files: await files, created: true, key };
  } catch (e) {
    dropSorted(key);
    throw e;
  }
}

/** Removes the sorted files of `key` (from `sortedTables`). */
export function dropSorted(key: string): void {
  const reg = registry();
  const e = reg.get(key);
  if (!e) return;
  reg.delete(key);
  rmSync(e.dir, { recursive: true, force: true });
}

/** DuckDB settings of the build's in-memory databases: the sorts spill to disk beyond this. */
// 1 GB: under 512 MB the cells' sort was faster at 100,000 reports (20 s against 27 s, 0.7 GB of
// memory against 1.4 GB) but one build of two failed there ("failed to pin block": a parallel
// sort's memory varies from run to run).
export const BUILD_DUCKDB = { memory_limit: process.env.NIANBAO_BUILD_DUCKDB_MEMORY ?? '1GB' };
