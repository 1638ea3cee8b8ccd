import type { ReportRow } from '../schema/datasets.ts';
import { sortedForList } from './paging.ts';

/** Reports not placed in a region (unresolved, or ambiguous between places), in list order. */
export function unplacedReports(reports: ReportRow[]): ReportRow[] {
  return sortedForList(reports).filter((r) => r.region_basis === 'unresolved' || r.region_basis === 'ambiguous');
}

/**
 * What the regions index says of the unplaced reports (a fresh tester's t56: “137 份…没有归入任何
 * 地区” while 24 of them were in a province's count): `nowhere`, those with no region at all;
 * `parentOnly`, those whose places of one name share a parent, counted in that parent only
 * (region_code is the parent's); `copies`, how many of either are copies of another report.
 */
export function unplacedCounts(reports: ReportRow[]): { nowhere: number; parentOnly: number; copies: number } {
  const unplaced = reports.filter((r) => r.region_basis === 'unresolved' || r.region_basis === 'ambiguous');
  return {
    nowhere: unplaced.filter((r) => r.region_code === null).length,
    parentOnly: unplaced.filter((r) => r.region_code !== null).length,
    copies: unplaced.filter((r) => r.duplicate_of !== null).length,
  };
}
