import type { APIRoute } from 'astro';
import { loadSiteData } from '../../lib/site/load.ts';

/** This report's cells as CSV (UTF-8 with BOM so that Excel reads the Chinese). */
export async function getStaticPaths() {
  const data = await loadSiteData();
  return data.reports.map((r) => ({ params: { id: r.report_id } }));
}

const field = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const GET: APIRoute = async ({ params }) => {
  const data = await loadSiteData();
  const cells = await data.cellsOf(params.id!);
  const cols = ['table_id', 'row_key', 'col_key', 'value', 'state', 'raw', 'line'] as const;
  const lines = [cols.join(','), ...cells.map((c) => cols.map((k) => field(c[k])).join(','))];
  return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
