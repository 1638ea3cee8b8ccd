import type { ReportRow } from '../schema/datasets.ts';

/** The report list is split into pages so that no page grows with the corpus. */
export const REPORTS_PER_PAGE = 500;

const sorted = new WeakMap<ReportRow[], ReportRow[]>();
const collator = new Intl.Collator('zh-CN');

/** Newest year first, then agency name; computed once per list (every list page needs it). */
export function sortedForList(reports: ReportRow[]): ReportRow[] {
  let out = sorted.get(reports);
  if (!out) sorted.set(reports, (out = sortList(reports)));
  return out;
}

function sortList(reports: ReportRow[]): ReportRow[] {
  return [...reports].sort(
    (a, b) =>
      (b.year ?? 0) - (a.year ?? 0) ||
      collator.compare(a.agency ?? '', b.agency ?? '') ||
      (a.report_id < b.report_id ? -1 : 1),
  );
}

export function pageCount(n: number): number {
  return Math.max(1, Math.ceil(n / REPORTS_PER_PAGE));
}

export function pageOf<T>(items: T[], page: number): T[] {
  return items.slice((page - 1) * REPORTS_PER_PAGE, page * REPORTS_PER_PAGE);
}

/**
 * Page numbers a pager shows: the first, the last, and three either side of the current one
 * (empty for a single page). A gap between two shown numbers is drawn as "…".
 */
export function pageWindow(page: number, pages: number, around = 3): number[] {
  if (pages <= 1) return [];
  return Array.from({ length: pages }, (_, i) => i + 1).filter(
    (n) => n === 1 || n === pages || Math.abs(n - page) <= around,
  );
}

/**
 * The page of the report list (sortedForList: newest year first) where `year`'s reports start,
 * for a year page to link its reports from; null when the list has none of that year.
 */
export function firstPageOfYear(reports: ReportRow[], year: number): number | null {
  const at = sortedForList(reports).findIndex((r) => r.year === year);
  return at < 0 ? null : Math.floor(at / REPORTS_PER_PAGE) + 1;
}

/** A year page lists its reports itself up to this many; beyond, it links the report list. */
export const YEAR_LIST_MAX = 200;
