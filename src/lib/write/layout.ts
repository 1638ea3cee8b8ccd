import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { TableName } from '../schema/datasets.ts';
import { sqlString as quote } from './quote.ts';

/**
 * Which files hold what, in a data folder (data/build, dist/data): each table as one Parquet
 * and one CSV file, or as parts of either (parts.ts; a CSV past the part limit is `.csv.gz`,
 * export.ts); the DuckDB file when it is published;
 * nianbao.sql; manifest.json and its entries. datapackage.json is where a reader finds it
 * (`readLayout`), so that the site, the tests and the examples never guess file names.
 */

export const TABLE_NAMES: TableName[] = ['reports', 'cells', 'checks', 'sections', 'summary'];
export const DB_FILE = 'nianbao.duckdb';
export const SQL_FILE = 'nianbao.sql';

export interface Layout {
  tables: Record<TableName, { parquet: string[]; csv: string[] }>;
  /** The DuckDB file when it is published (not over the part limit), else null. */
  duckdb: string | null;
  /** DuckDB views over the Parquet files (see sql.ts). */
  sql: string;
  manifest: string;
  /** The manifest's entries as JSON Lines, in order. */
  manifestEntries: string[];
}

/** Whether a table's CSV files are gzip-compressed (`.csv.gz`, export.ts: all of them or none). */
export const csvCompressed = (files: string[]): boolean => files.some((f) => f.endsWith('.gz'));

/** Every published file of a layout (datapackage.json and SHA256SUMS come on top). */
export function layoutFiles(l: Layout): string[] {
  return [
    ...TABLE_NAMES.flatMap((t) => [...l.tables[t].parquet, ...l.tables[t].csv]),
    ...(l.duckdb ? [l.duckdb] : []),
    l.sql,
    l.manifest,
    ...l.manifestEntries,
  ];
}

/** The subset of datapackage.json that readers use. */
export const DataPackageJson = z.object({
  created: z.string(),
  resources: z.array(
    z.object({
      name: z.string(),
      path: z.union([z.string(), z.array(z.string())]),
      format: z.string().optional(),
      /** `gz`: each file is gzip-compressed (a table's CSV past the part limit). */
      compression: z.string().optional(),
      /** Only on a resource that is one file (a resource in parts has no single size or hash). */
      bytes: z.number().int().optional(),
      hash: z.string().optional(),
      title: z.string().optional(),
      description: z.string().optional(),
    }),
  ),
});
export type DataPackageJson = z.infer<typeof DataPackageJson>;

export const paths = (p: string | string[]): string[] => (typeof p === 'string' ? [p] : p);

export function readDataPackage(dir: string): DataPackageJson | null {
  const path = join(dir, 'datapackage.json');
  return existsSync(path) ? DataPackageJson.parse(JSON.parse(readFileSync(path, 'utf8'))) : null;
}

/** The layout datapackage.json describes (resource names as written by datapackage.ts). */
export function layoutOf(pkg: DataPackageJson): Layout {
  const find = (name: string) => pkg.resources.find((r) => r.name === name);
  const need = (name: string) => {
    const r = find(name);
    if (!r) throw new Error(`datapackage.json has no resource ${name}`);
    return paths(r.path);
  };
  return {
    tables: Object.fromEntries(
      TABLE_NAMES.map((t) => [t, { parquet: need(`${t}-parquet`), csv: need(t) }]),
    ) as Layout['tables'],
    duckdb: find('nianbao-duckdb') ? need('nianbao-duckdb')[0]! : null,
    sql: need('nianbao-sql')[0]!,
    manifest: need('manifest')[0]!,
    manifestEntries: need('manifest-files'),
  };
}

/** The layout of the data in `dir` (from its datapackage.json). */
export function readLayout(dir: string): Layout {
  const pkg = readDataPackage(dir);
  if (!pkg) throw new Error(`${join(dir, 'datapackage.json')} is missing: run \`npm run ingest\``);
  return layoutOf(pkg);
}

/** A DuckDB table expression reading a table's Parquet files (in order) from `dir`. */
export function parquetFrom(dir: string, layout: Layout, table: TableName): string {
  return `read_parquet([${layout.tables[table].parquet.map((f) => quote(join(dir, f))).join(', ')}])`;
}
