import type { APIRoute } from 'astro';
import { loadSiteData } from '../../lib/site/load.ts';
import { columns } from '../../lib/schema/datasets.ts';
import { csvDocument } from '../../lib/write/csv.ts';

/** This report's cells as CSV (UTF-8 with BOM so that Excel reads the Chinese). */
export async function getStaticPaths() {
  const data = await loadSiteData();
  return data.reports.map((r) => ({ params: { id: r.report_id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const data = await loadSiteData();
  const cells = await data.cellsOf(params.id!);
  const cols = ['table_id', 'row_key', 'col_key', 'value', 'state', 'raw', 'line'] as const;
  // csv-stringify, with the formula-injection prefix on text columns (see write/csv.ts).
  const types = new Map(columns('cells').map((c) => [c.name, c.type]));
  const text = cols.map((k) => types.get(k) === 'VARCHAR');
  const body = csvDocument([...cols], cells.map((c) => cols.map((k) => c[k])), text, '\r\n');
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
