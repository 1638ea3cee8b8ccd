import { DB_FILE, TABLE_NAMES, type Layout } from '../write/layout.ts';

/**
 * The data files of the single-file layout that a layout no longer has (a table in parts, a
 * DuckDB file too large to publish), each with the data page's section that replaces it: the
 * `_redirects` rules for them (legacy-urls.ts).
 */
export function movedDataFiles(
  layout: Pick<Layout, 'tables' | 'duckdb'>,
  base: string,
): Array<[from: string, to: string]> {
  const moved: Array<[string, string]> = [];
  for (const t of TABLE_NAMES)
    for (const ext of ['parquet', 'csv'] as const)
      if (layout.tables[t][ext].join() !== `${t}.${ext}`) moved.push([`${base}data/${t}.${ext}`, `${base}data/#${t}`]);
  if (!layout.duckdb) moved.push([`${base}data/${DB_FILE}`, `${base}data/#duckdb`]);
  return moved;
}
