import type { ReportRow } from '../schema/datasets.ts';
import { undecided } from './aggregate.ts';
import { agencyKey, placeKnown } from './agencies.ts';
import { fileLabel } from './present.ts';
import { shortFile } from './report-page.ts';

/**
 * The reports no total adds because their agency has another, different report for the same
 * year (`same_agency_year` > 0, aggregate.ts `undecided`), grouped by agency and year for the
 * quality page: which reports disagree, side by side.
 */

/** Why the reports of such a group are in no total, as the quality page says it. */
export const CONFLICT_REASON =
  '同一机关同一年度有多份不同的报告，无法确定以哪份为准，均不计入合计；地区未能确定的同名机关同一年度有多份报告的，无法判断是否为同一机关，也均不计入合计';

export interface AgencyYearGroup {
  agency: string | null;
  year: number | null;
  /** The agency page's key (agencies.ts), null when the agency is not known. */
  agencyKey: string | null;
  /** How many reports the group has (all of them, also those not listed). */
  count: number;
  /** Its reports listed, by source file: all of them unless the list was cut (`count` says how many). */
  reports: ReportRow[];
}

export interface AgencyYearList {
  /** Reports in all groups. */
  reports: number;
  /**
   * Reports left out of totals because a corrected version supersedes them (`superseded_by`):
   * decided, so in no group; each report page links its corrected version.
   */
  superseded: number;
  /** The first `max` of those, by source file: each page links its corrected version. */
  supersededShown: ReportRow[];
  /** Groups (agency-years). */
  groups: number;
  /** The groups listed, newest year first, then by agency name. */
  shown: AgencyYearGroup[];
  /** Reports listed (at most `max`). */
  shownReports: number;
}

const collator = new Intl.Collator('zh-CN');
const byFile = (a: ReportRow, b: ReportRow) =>
  a.source_file < b.source_file ? -1 : a.source_file > b.source_file ? 1 : 0;

/**
 * The `undecided` reports grouped by agency (name and region code, as the ingest tells one agency)
 * and year, newest year first, then by agency name and region code. At most `max` reports are
 * listed, in whole groups (a page must not grow with the corpus): the groups after the first
 * that does not fit are left out, and a first group larger than `max` is listed cut to `max`.
 */
export function agencyYearConflicts(reports: readonly ReportRow[], max: number): AgencyYearList {
  const skip = undecided(reports);
  const groups = new Map<string, ReportRow[]>();
  let superseded = 0;
  const supersededShown: ReportRow[] = [];
  for (const r of reports) {
    if (!skip.has(r.report_id)) continue;
    if (r.superseded_by) {
      superseded++;
      if (supersededShown.length < max) supersededShown.push(r);
      continue;
    }
    // The ingest flags reports of one agency (name and place known) and year, and reports of one
    // name and year whose places are not known (NULL or ambiguous: ingest/run.ts flagSameAgencyYear).
    const key =
      r.agency === null || r.year === null
        ? `\u0001${r.report_id}`
        : placeKnown(r)
          ? `${r.agency}\u0000${r.region_code}\u0000${r.year}`
          : `${r.agency}\u0000?\u0000${r.year}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const all = [...groups.values()]
    .map((rs) => rs.sort(byFile))
    .sort(
      (a, b) =>
        (b[0]!.year ?? 0) - (a[0]!.year ?? 0) ||
        collator.compare(a[0]!.agency ?? '', b[0]!.agency ?? '') ||
        collator.compare(a[0]!.region_code ?? '', b[0]!.region_code ?? '') ||
        byFile(a[0]!, b[0]!),
    );
  const shown: AgencyYearGroup[] = [];
  let shownReports = 0;
  for (const rs of all) {
    if (shownReports + rs.length > max) {
      if (shown.length === 0 && max > 0) {
        shown.push(group(rs, rs.slice(0, max)));
        shownReports = max;
      }
      break;
    }
    shown.push(group(rs, rs));
    shownReports += rs.length;
  }
  return {
    reports: skip.size - superseded,
    superseded,
    supersededShown: supersededShown.sort(byFile),
    groups: all.length,
    shown,
    shownReports,
  };
}

function group(all: ReportRow[], listed: ReportRow[]): AgencyYearGroup {
  const first = all[0]!;
  return { agency: first.agency, year: first.year, agencyKey: agencyKey(first), count: all.length, reports: listed };
}

/**
 * How a list of an agency's reports tells one of an agency-year's different reports from the
 * others (same agency, year and often title: rows alike but for their link): its source file and
 * how many others it has, as a search result says it (search/result.ts). The file is shown decoded
 * and, when long, by its end (report-page.ts shortFile). Null for a copy (its original decides)
 * and for a report alone in its year.
 */
export function conflictMark(
  r: Pick<
    ReportRow,
    'source_file' | 'duplicate_of' | 'same_agency_year' | 'agency' | 'region_code' | 'region_basis' | 'superseded_by'
  >,
): { file: string; note: string } | null {
  if (r.duplicate_of || r.same_agency_year === 0) return null;
  const note = r.superseded_by
    ? '已由同年注明的更正版取代，不计入合计'
    : placeKnown(r)
      ? `同年另有 ${r.same_agency_year} 份不同报告，不计入合计`
      : `同年另有 ${r.same_agency_year} 份同名机关（地区不明）的报告，不计入合计`;
  return { file: shortFile(fileLabel(r.source_file)), note };
}
