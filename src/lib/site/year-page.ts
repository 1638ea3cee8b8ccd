import type { ReportRow, SummaryRow } from '../schema/datasets.ts';
import { decided, tally, totals, type FigureKey, type ReportTally, type Total } from './aggregate.ts';

/**
 * A report year's page (src/pages/years/[year].astro) as data: how many reports (each once, copies
 * apart: aggregate.ts tally; `count.inTotals` is the number its totals are `of`, `count.undecided`
 * how many reports no total adds), the totals, and the agencies with the most new requests.
 */
export interface YearPage {
  count: ReportTally;
  totals: Record<FigureKey, Total>;
  top: Array<{ r: ReportRow; v: number }>;
}

export function yearPage(reports: ReportRow[], summary: Map<string, SummaryRow>, topN = 20): YearPage {
  return {
    count: tally(reports),
    totals: totals(reports, summary),
    top: decided(reports)
      .map((r) => ({ r, v: summary.get(r.report_id)?.requests_new ?? null }))
      .filter((x): x is { r: ReportRow; v: number } => x.v !== null)
      .sort((a, b) => b.v - a.v)
      .slice(0, topN),
  };
}
