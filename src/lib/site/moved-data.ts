import { DB_FILE, TABLE_NAMES, csvCompressed, type Layout } from '../write/layout.ts';

/**
 * The data files of the single-file layout that a layout no longer has (a table in parts, a
 * DuckDB file too large to publish), each with the data page's section that replaces it: the
 * `_redirects` rules for them (legacy-urls.ts).
 *
 * A table whose CSV is gzip-compressed (past the part limit, write/export.ts) was published as
 * plain CSV parts before (`data/cells/cells-00001.csv` …). The `.csv.gz` parts are cut on their
 * compressed size, so they hold other rows than the plain part of the same number: an old part's
 * address goes to the table's section too, by a placeholder rule after the static ones (no
 * plain CSV part exists any more for it to shadow).
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
  // Placeholder rules come after the static ones (Cloudflare Pages).
  for (const t of TABLE_NAMES)
    if (csvCompressed(layout.tables[t].csv)) moved.push([`${base}data/${t}/:part.csv`, `${base}data/#${t}`]);
  return moved;
}
