import type { ReportRow, SummaryRow } from '../schema/datasets.ts';
import { tally, yearRows, type ReportTally, type YearRow } from './aggregate.ts';

/**
 * A kind of agency's page (src/pages/kinds/[kind].astro) as data: how many reports (each once,
 * copies apart: aggregate.ts tally), the totals by year, and the list of its reports, where a
 * copy is marked as one (the list is of files, the counts of reports).
 */
export interface KindPage {
  count: ReportTally;
  years: YearRow[];
  list: Array<{ r: ReportRow; copy: boolean }>;
}

export function kindPage(reports: ReportRow[], summary: Map<string, SummaryRow>): KindPage {
  return {
    count: tally(reports),
    years: yearRows(reports, summary),
    list: reports.map((r) => ({ r, copy: r.duplicate_of !== null })),
  };
}
