import type { APIRoute } from 'astro';
import { loadSiteData } from '../../lib/site/load.ts';

/** This report's data as JSON: the report row, every cell, every check. */
export async function getStaticPaths() {
  const data = await loadSiteData();
  return data.reports.map((r) => ({ params: { id: r.report_id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const data = await loadSiteData();
  const id = params.id!;
  const report = data.reportById.get(id);
  const [cells, checks] = await Promise.all([data.cellsOf(id), data.checksOf(id)]);
  const body = {
    report,
    summary: data.summary.get(id) ?? null,
    cells: cells.map(({ report_id: _r, ...c }) => c),
    checks: checks.map(({ report_id: _r, ...c }) => c),
  };
  return new Response(`${JSON.stringify(body, null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
