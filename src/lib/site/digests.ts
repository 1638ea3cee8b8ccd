import type { DuckDBConnection } from '@duckdb/node-api';
import { resolve } from 'node:path';
import { columns, type TableName } from '../schema/datasets.ts';
import type { Layout } from '../write/layout.ts';
import { SORTED_TABLES, unsortedSql, type SortedTable } from './sorted.ts';
import { columnsJS } from './columns.ts';

/**
 * The incremental build's per-report digests: one per report and per-report table (cells,
 * checks, sections) of its rows in order, which the page keys (page-keys.ts) and the report
 * files' cache keys (report-json.ts) are made of. Computed once per build process, from the
 * datasets' files as they are (`unsortedSql`: a digest depends on a report's rows and their
 * order, ord, not on where they stand in the file), and shared by the pages' data load (load.ts)
 * and the report files written after it (report-json.ts), which each computed them before: at
 * 100,000 reports about 10 s each, on a sorted copy an update does not otherwise need.
 */

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** `struct_pack(a := a, …)` of a table's columns without report_id, in the dataset's order. */
export function rowStruct(table: TableName): string {
  return `struct_pack(${columns(table)
    .filter((c) => c.name !== 'report_id')
    .map((c) => `${ident(c.name)} := ${ident(c.name)}`)
    .join(', ')})`;
}

/**
 * SQL: one digest per report (`report_id`, `d`) of `table`'s rows in `from` (a relation with the
 * rows' `ord`, their place in the dataset: `unsortedSql`, or the sorted files): the sum of DuckDB's
 * 64-bit hash of each row (as a struct, without report_id and ord; NULL and '' hash differently)
 * with its place among its report's rows (`placeSql`). Two builds give a report the same
 * digest only when its rows and their order are the same (a change collides with odds of about
 * 2^-64); a report added before it does not change it, nor, in checks, rows added between its own: a
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
  return `WITH x AS (SELECT *, ${placeSql(table)} AS rel FROM ${from})
SELECT report_id, CAST(sum(hash(${rowStruct(table)}, rel)) AS VARCHAR) AS d FROM x GROUP BY report_id`;
}

/**
 * A row's place among its report's rows. Checks: its rank (1, 2, 3 … in ord), since a report's
 * cross-year checks stand apart from its own. Cells and sections: its distance from the report's
 * first row (0, 1, 2 … where, as the ingest writes them, a report's rows are together), which
 * needs no sort: at 100,000 reports the cells' rank took 6.8 s of the build, this 0.8 s. A report
 * whose rows were apart (or cut by a part boundary, whose ord jumps) gets another digest when
 * others move: its page is rendered again, never kept when it changed.
 */
function placeSql(table: TableName): string {
  return table === 'checks'
    ? 'row_number() OVER (PARTITION BY report_id ORDER BY ord)'
    : 'ord - min(ord) OVER (PARTITION BY report_id)';
}

/** Per table, each report's digest (`digestsSql`); a report with no rows in a table has none there. */
export type Digests = Record<SortedTable, Map<string, string>>;

const REGISTRY = Symbol.for('nianbao.report-digests');
type Registry = Map<string, Promise<Digests>>;

/**
 * The digests of the reports of `dataDir` (and `where`, a predicate on the reports table, as in
 * sorted.ts), computed on `conn` the first time they are asked for in this process. Astro loads
 * the pages and the integrations as separate copies of this module: the registry lives on
 * `globalThis`. `created` says whether this call computed them: a caller that did so for itself
 * alone forgets them after use (`dropDigests`), so that data written again into the same folder
 * is never read through old digests.
 */
export async function reportDigests(
  conn: DuckDBConnection,
  dataDir: string,
  layout: Layout,
  where: string | null,
): Promise<{ digests: Digests; created: boolean; key: string }> {
  const reg = registry();
  const key = `${resolve(dataDir)}\0${where ?? ''}`;
  const known = reg.get(key);
  if (known) return { digests: await known, created: false, key };
  const p = (async () => {
    const out = {} as Digests;
    for (const t of SORTED_TABLES) {
      const [ids, ds] = columnsJS<[string[], string[]]>(
        await conn.runAndReadAll(digestsSql(t, `(${unsortedSql(dataDir, layout, t, where)})`)),
      );
      out[t] = new Map(ids.map((id, i) => [id, ds[i]!]));
    }
    return out;
  })();
  reg.set(key, p);
  try {
    return { digests: await p, created: true, key };
  } catch (e) {
    // A failed computation is not kept: the next caller tries again.
    reg.delete(key);
    throw e;
  }
}

/** Forgets the digests of `key` (from `reportDigests`). */
export function dropDigests(key: string): void {
  registry().delete(key);
}

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[REGISTRY] ??= new Map<string, Promise<Digests>>());
}
