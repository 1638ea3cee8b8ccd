import { DuckDBInstance } from '@duckdb/node-api';
const db = await (await DuckDBInstance.create(':memory:')).connect();
const [out, file, table] = process.argv.slice(2);
const rows = (await db.runAndReadAll(`select c.table_id, c.row_key, string_agg(coalesce(cast(c.value as varchar), upper(substr(c.state,1,1))), ' ') v from '${out}/cells.parquet' c join '${out}/reports.parquet' r using (report_id) where r.source_file like '%${file}%' ${table ? `and c.table_id='${table}'` : ''} group by all order by min(c.line)`)).getRowObjectsJS();
for (const r of rows) console.log(r.table_id, r.row_key, r.v);
