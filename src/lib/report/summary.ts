import type { ReportRow, SummaryRow } from '../schema/datasets.ts';
import { requestLeafRows } from '../template/definitions.ts';
import { indexCells, type CellIndex } from '../checks/checks.ts';
import type { CellOut } from '../tables/read.ts';

/**
 * The wide `summary` row: headline figures, each taken from the 总计 column. A figure built
 * from several rows is NULL as soon as one of them is not a number: never a partial sum.
 */
export function summaryRow(report: ReportRow, cells: CellOut[], ix: CellIndex = indexCells(cells)): SummaryRow {
  const v = (t: string, r: string, c = 'total') => {
    const x = ix.value(t, r, c);
    return typeof x === 'number' ? x : null;
  };
  const sum = (rows: string[]): number | null => {
    const xs = rows.map((r) => v('requests', r));
    return xs.length && xs.every((x) => x !== null) ? xs.reduce((a, b) => a + b, 0) : null;
  };
  const pick = (prefix: 'withheld_' | 'unable_' | 'declined_' | 'other') =>
    report.layout_requests ? leavesOf(report.layout_requests)[prefix] : [];
  return {
    report_id: report.report_id,
    agency: report.agency,
    year: report.year,
    region_code: report.region_code,
    duplicate_of: report.duplicate_of,
    same_agency_year: report.same_agency_year,
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

const LEAVES: Partial<Record<'2019' | '2021', Record<'withheld_' | 'unable_' | 'declined_' | 'other', string[]>>> = {};
/** A layout's leaf rows of 三 by the prefix of their keys, made once per layout (not per report). */
function leavesOf(layout: '2019' | '2021'): Record<'withheld_' | 'unable_' | 'declined_' | 'other', string[]> {
  const made = LEAVES[layout];
  if (made) return made;
  const leaves = requestLeafRows(layout);
  const pick = (prefix: string) => leaves.filter((k) => k.startsWith(prefix));
  return (LEAVES[layout] = {
    withheld_: pick('withheld_'),
    unable_: pick('unable_'),
    declined_: pick('declined_'),
    other: pick('other'),
  });
}
