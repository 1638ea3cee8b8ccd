import type { APIRoute } from 'astro';
import { loadSiteData } from '../../lib/site/load.ts';
import { columns } from '../../lib/schema/datasets.ts';
import { csvDocument, type CsvValue } from '../../lib/write/csv.ts';

/** This report's cells as CSV (UTF-8 with BOM so that Excel reads the Chinese). */
export async function getStaticPaths() {
  const data = await loadSiteData();
  return data.reports.map((r) => ({ params: { id: r.report_id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const data = await loadSiteData();
  const cells = await data.cellsOf(params.id!);
  // The same columns, in the same order, as the cells dataset (cells.csv), so that one
  // report's file and the whole table read alike. csv-stringify, with the formula-injection
  // prefix on text columns (see write/csv.ts).
  const cols = columns('cells');
  const text = cols.map((c) => c.type === 'VARCHAR');
  const body = csvDocument(
    cols.map((c) => c.name),
    cells.map((c) => cols.map((k) => (c as Record<string, CsvValue | undefined>)[k.name] ?? null)),
    text,
    '\r\n',
  );
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
