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
  /** At most `topN` reports with the most new requests (件), more than 0, never cut inside a tie. */
  top: Array<{ r: ReportRow; v: number }>;
  /** The tie the cut fell in, left out of `top` whole: its value and how many reports share it. */
  tied: { v: number; n: number } | null;
}

/**
 * The year page's data. The ranking leaves out reports with no new request (0 is no "most": t91
 * saw lists of 0s) and never cuts inside a tie: when the `topN`th and the next have the same
 * count, every report with it is left out and counted in `tied` (t91: three others with 1 件 left
 * out without a word). Ties are listed by agency name, then report id.
 */
export function yearPage(reports: ReportRow[], summary: Map<string, SummaryRow>, topN = 20): YearPage {
  const ranked = decided(reports)
    .map((r) => ({ r, v: summary.get(r.report_id)?.requests_new ?? null }))
    .filter((x): x is { r: ReportRow; v: number } => x.v !== null && x.v > 0)
    .sort(
      (a, b) =>
        b.v - a.v ||
        (a.r.agency ?? '').localeCompare(b.r.agency ?? '', 'zh') ||
        a.r.report_id.localeCompare(b.r.report_id),
    );
  const cut = ranked.length > topN && ranked[topN]!.v === ranked[topN - 1]!.v ? ranked[topN - 1]!.v : null;
  return {
    count: tally(reports),
    totals: totals(reports, summary),
    top: (cut === null ? ranked : ranked.filter((x) => x.v > cut)).slice(0, topN),
    tied: cut === null ? null : { v: cut, n: ranked.filter((x) => x.v === cut).length },
  };
}
