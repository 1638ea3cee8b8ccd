import type { ReportRow } from '../schema/datasets.ts';
import { sortedForList } from './paging.ts';
import { listCount } from './quality-lists.ts';

/** Reports not placed in a region (unresolved, or ambiguous between places), in list order. */
export function unplacedReports(reports: ReportRow[]): ReportRow[] {
  return sortedForList(reports).filter((r) => r.region_basis === 'unresolved' || r.region_basis === 'ambiguous');
}

/**
 * What the regions index says of the unplaced reports (a fresh tester's t56: “137 份…没有归入任何
 * 地区” while 24 of them were in a province's count): `nowhere`, those with no region at all;
 * `parentOnly`, those whose places of one name share a parent, counted in that parent only
 * (region_code is the parent's); each report once, as the province counts beside them count
 * (a fresh tester's t70: these included copies, the provinces' did not); `copies`, the copies
 * of another report among the unplaced, apart.
 */
export function unplacedCounts(reports: ReportRow[]): { nowhere: number; parentOnly: number; copies: number } {
  const unplaced = reports.filter((r) => r.region_basis === 'unresolved' || r.region_basis === 'ambiguous');
  const own = unplaced.filter((r) => r.duplicate_of === null);
  return {
    nowhere: own.filter((r) => r.region_code === null).length,
    parentOnly: own.filter((r) => r.region_code !== null).length,
    copies: unplaced.length - own.length,
  };
}

/** The unplaced list's heading count: each report once, its copies apart ("3，另有 1 份副本"; t70). */
export function unplacedHeading(rows: ReportRow[]): string {
  const copies = rows.filter((r) => r.duplicate_of !== null).length;
  return listCount({ reports: rows.length - copies, copies });
}
