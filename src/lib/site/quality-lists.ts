import type { ReportRow } from '../schema/datasets.ts';
import { fmt, reportLabel } from './present.ts';

/**
 * The quality page's lists of reports (checks that failed, cells not read with certainty, tables
 * incomplete, year disputed or not known, agency name disputed) as data. A list is of files: a copy of another report
 * (`duplicate_of`) is listed too, but marked as a copy with a link to the report it copies, and
 * the count in the heading is of reports, each once, as every total and the home page count them
 * (aggregate.ts counted), with the copies said apart.
 */

/** Said beside a copy in a list: it is in no count or total. */
export const COPY_MARK = '副本，未计入总数';

export interface Listed {
  r: ReportRow;
  /** The report this one copies: its id and label (null when that report is not in the data); null for no copy. */
  copyOf: { id: string; label: string | null } | null;
}

export interface QualityList {
  /** The first `max` reports that belong in the list, in the data's order. */
  shown: Listed[];
  /** How many belong: `reports` each once (copies apart), `copies` the copies among them. */
  reports: number;
  copies: number;
  /** reports + copies: what the shown list was cut from. */
  all: number;
}

export function qualityList(
  reports: readonly ReportRow[],
  keep: (r: ReportRow) => boolean,
  byId: ReadonlyMap<string, ReportRow>,
  max: number,
): QualityList {
  const shown: Listed[] = [];
  let copies = 0;
  let all = 0;
  for (const r of reports) {
    if (!keep(r)) continue;
    all++;
    if (r.duplicate_of) copies++;
    if (shown.length >= max) continue;
    const c = r.duplicate_of ? byId.get(r.duplicate_of) : undefined;
    shown.push({
      r,
      copyOf: r.duplicate_of
        ? { id: r.duplicate_of, label: c ? reportLabel(c.agency ?? c.source_file, c.year) : null }
        : null,
    });
  }
  return { shown, reports: all - copies, copies, all };
}

/** A list's heading count: its reports, each once, and its copies apart ("3" or "3，另有 1 份副本"). */
export function listCount(l: Pick<QualityList, 'reports' | 'copies'>): string {
  return l.copies > 0 ? `${fmt(l.reports)}，另有 ${fmt(l.copies)} 份副本` : fmt(l.reports);
}

/**
 * How a listed report's failed checks read (`count` of them, `cross` comparing it with the year
 * before: check_id cross_year.*): `N 项`, or `N 项（其中 M 项为与上一年度报告的衔接）` — a journalist
 * asking which reports fail their own arithmetic tells them apart (a fresh tester's t113).
 */
export function failedLabel(cross: number, count: number): string {
  return cross ? `${count} 项（其中 ${cross} 项为与上一年度报告的衔接）` : `${count} 项`;
}
