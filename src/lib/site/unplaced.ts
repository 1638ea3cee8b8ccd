import type { ReportRow } from '../schema/datasets.ts';
import { sortedForList } from './paging.ts';

/** Reports not placed in a region (unresolved, or ambiguous between places), in list order. */
export function unplacedReports(reports: ReportRow[]): ReportRow[] {
  return sortedForList(reports).filter((r) => r.region_basis === 'unresolved' || r.region_basis === 'ambiguous');
}
