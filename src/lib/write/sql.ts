import { TABLE_NAMES, type Layout } from './layout.ts';
import { sqlString } from './quote.ts';

/**
 * nianbao.sql: the five tables as DuckDB views over the published Parquet files, so that the
 * tables are one `.read` away even when nianbao.duckdb is too large to publish (a static host
 * takes files up to 25 MiB). Paths are relative to the data folder and prefixed with the
 * variable `nianbao_base`: empty (the current folder) for a downloaded copy, the folder's
 * address to read over HTTP (DuckDB's httpfs extension reads only the row groups a query
 * needs). The views look the variable up at each query, and a session that never set it reads
 * the current folder.
 */

const quote = sqlString;

export function viewsSql(layout: Layout): string {
  const file = (p: string) => `coalesce(getvariable('nianbao_base'), '') || ${quote(p)}`;
  const views = TABLE_NAMES.map((t) => {
    const files = layout.tables[t].parquet;
    const list = files.length === 1 ? file(files[0]!) : `\n  ${files.map(file).join(',\n  ')}\n`;
    return `CREATE OR REPLACE VIEW ${t} AS SELECT * FROM read_parquet([${list}]);`;
  });
  return `-- 年报开放数据 · nianbao: the tables ${TABLE_NAMES.join(', ')} as DuckDB views over the Parquet files.
-- 五个数据表在 DuckDB 中的视图，直接读取本目录中的 Parquet 文件。
--
-- A downloaded copy of the data folder: run DuckDB in that folder, then
--   .read nianbao.sql
-- Over HTTP (DuckDB loads its httpfs extension), set the folder's address first:
--   SET VARIABLE nianbao_base = 'https://example.org/data/';
--   .read nianbao.sql
-- The full database file is made by \`npm run ingest\` (nianbao.duckdb).
${views.join('\n')}
`;
}
