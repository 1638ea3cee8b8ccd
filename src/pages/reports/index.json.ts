import type { APIRoute } from 'astro';
import { loadSiteData } from '../../lib/site/load.ts';

/** The static API's index: every report with its page and JSON addresses (relative to the site's base). */
export const GET: APIRoute = async () => {
  const data = await loadSiteData();
  const base = import.meta.env.BASE_URL;
  const reports = data.reports.map((r) => ({
    report_id: r.report_id,
    title: r.title,
    agency: r.agency,
    year: r.year,
    region_code: r.region_code,
    status: r.status,
    checks_failed: r.checks_failed,
    page: `${base}reports/${r.report_id}/`,
    json: `${base}reports/${r.report_id}.json`,
  }));
  return new Response(`${JSON.stringify({ count: reports.length, reports }, null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
