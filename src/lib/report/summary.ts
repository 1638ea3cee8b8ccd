import type { ReportRow, SummaryRow } from '../schema/datasets.ts';
import { requestLeafRows } from '../template/definitions.ts';
import { indexCells } from '../checks/checks.ts';
import type { CellOut } from '../tables/read.ts';

/**
 * The wide `summary` row: headline figures, each taken from the 总计 column. A figure built
 * from several rows is NULL as soon as one of them is not a number: never a partial sum.
 */
export function summaryRow(report: ReportRow, cells: CellOut[]): SummaryRow {
  const ix = indexCells(cells);
  const v = (t: string, r: string, c = 'total') => {
    const x = ix.value(t, r, c);
    return typeof x === 'number' ? x : null;
  };
  const sum = (rows: string[]): number | null => {
    const xs = rows.map((r) => v('requests', r));
    return xs.length && xs.every((x) => x !== null) ? xs.reduce((a, b) => a + b, 0) : null;
  };
  const leaves = report.layout_requests ? requestLeafRows(report.layout_requests) : [];
  const pick = (prefix: string) => leaves.filter((k) => k.startsWith(prefix));
  return {
    report_id: report.report_id,
    agency: report.agency,
    year: report.year,
    region_code: report.region_code,
    duplicate_of: report.duplicate_of,
    requests_new: v('requests', 'new_received'),
    requests_new_natural_person: v('requests', 'new_received', 'natural_person'),
    requests_new_organisations: (() => {
      const xs = ['commercial', 'research', 'social_org', 'legal_service', 'other_org'].map((c) =>
        v('requests', 'new_received', c),
      );
      return xs.every((x) => x !== null) ? xs.reduce((a, b) => a + b, 0) : null;
    })(),
    requests_carried_over: v('requests', 'carried_over'),
    granted: v('requests', 'granted'),
    partly_granted: v('requests', 'partly_granted'),
    withheld: report.layout_requests ? sum(pick('withheld_')) : null,
    unable: report.layout_requests ? sum(pick('unable_')) : null,
    declined: report.layout_requests ? sum(pick('declined_')) : null,
    other: report.layout_requests ? sum(pick('other')) : null,
    requests_handled: v('requests', 'total'),
    carried_forward: v('requests', 'carried_forward'),
    review_total: v('review', 'review'),
    review_corrected: v('review', 'review', 'corrected'),
    suit_direct_total: v('review', 'suit_direct'),
    suit_direct_corrected: v('review', 'suit_direct', 'corrected'),
    suit_after_review_total: v('review', 'suit_after_review'),
    suit_after_review_corrected: v('review', 'suit_after_review', 'corrected'),
  };
}
