import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parquetFrom, type Layout } from '../write/layout.ts';
import { sqlString as quote } from '../write/quote.ts';

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

/**
 * SQL: the COPY statements that write the sorted files of `dataDir`'s tables into `dir`, and
 * the spill folder DuckDB sorts out of core in. `where` (a predicate on the reports table, a
 * sharded build's, shard.ts) keeps the rows of those reports only.
 */
export function sortedSql(dataDir: string, layout: Layout, dir: string, where: string | null): string[] {
  return [
    ...SORTED_TABLES.map(
      (t) =>
        `COPY (${unsortedSql(dataDir, layout, t, where)} ORDER BY report_id, ord) TO ${quote(join(dir, `${t}.parquet`))} (FORMAT parquet, ROW_GROUP_SIZE ${ROW_GROUP})`,
    ),
  ];
}

/**
 * SQL: a per-report table's rows as the dataset's files hold them, each with its `ord`, for the
 * reports `where` selects (a predicate on the reports table, or null for all). The sorted files
 * are these rows sorted; a query that reads the whole table once (every report's digest, or the
 * rows of a few reports an update renders: load.ts, report-json.ts) reads them as they are and
 * needs no sorted copy (at 100,000 reports the copy took 9–17 s).
 */
export function unsortedSql(dataDir: string, layout: Layout, t: SortedTable, where: string | null): string {
  const scope =
    where === null
      ? ''
      : ` WHERE report_id IN (SELECT report_id FROM ${parquetFrom(dataDir, layout, 'reports')} WHERE ${where})`;
  // ord from each part's row number (the part's index in its high bits), not a window over the
  // whole table: at 100,000 reports that window took the cells' sort from 20 s to 42 s.
  const ordered = layout.tables[t].parquet
    .map(
      (f, i) =>
        `SELECT * EXCLUDE (file_row_number), (${i}::BIGINT << 40) + file_row_number AS ord FROM read_parquet(${quote(join(dataDir, f))}, file_row_number = true)`,
    )
    .join(' UNION ALL ');
  return `SELECT * FROM (${ordered})${scope}`;
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

/**
 * DuckDB settings of the build's in-memory databases: the sorts and the digests' windows spill to
 * disk beyond the memory limit, into a folder of this process's own, removed when it exits. Set
 * when the database is made: DuckDB refuses to change it once a query has spilled (the sorted
 * copy is made lazily, after the digests: load.ts), and its default is `.tmp` in the working
 * directory.
 */
// 1 GB: under 512 MB the cells' sort was faster at 100,000 reports (20 s against 27 s, 0.7 GB of
// memory against 1.4 GB) but one build of two failed there ("failed to pin block": a parallel
// sort's memory varies from run to run).
export function buildDuckdb(): Record<string, string> {
  return { memory_limit: process.env.NIANBAO_BUILD_DUCKDB_MEMORY ?? '1GB', temp_directory: spillDir() };
}

const SPILL = Symbol.for('nianbao.build-spill');
function spillDir(): string {
  const g = globalThis as unknown as Record<symbol, string | undefined>;
  let dir = g[SPILL];
  if (!dir) {
    const made = mkdtempSync(join(tmpdir(), 'nianbao-spill-'));
    dir = g[SPILL] = made;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return dir;
}
