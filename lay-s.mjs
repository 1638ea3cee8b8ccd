import { DuckDBInstance } from '@duckdb/node-api';
const db = await (await DuckDBInstance.create(':memory:')).connect();
const [out, file] = process.argv.slice(2);
const rows = (await db.runAndReadAll(`select s.section, s.heading, s.text from '${out}/sections.parquet' s join '${out}/reports.parquet' r using (report_id) where r.source_file like '%${file}%' order by section`)).getRowObjectsJS();
for (const r of rows) console.log(r.section, JSON.stringify(r.heading), JSON.stringify(r.text.slice(0, 300)));
