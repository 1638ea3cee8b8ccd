import type { ReportRow, SummaryRow } from '../schema/datasets.ts';
import { namedLadder, regionCodes } from '../region/ladder.ts';
import { agencyKey } from './agencies.ts';
import { tally, total, type ReportTally, type Total } from './aggregate.ts';
import { fmt } from './present.ts';
import { groupBy } from './group.ts';

/**
 * Region pages (src/pages/regions/[code].astro) as data: which regions get a page, their names,
 * their parents, children and own agencies. Every code comes from the one region ladder
 * (src/lib/region/ladder.ts), so pages, breadcrumbs and totals agree.
 */

export interface RegionPage {
  code: string;
  name: string;
  /** Reports of this region and every region under it. */
  reports: ReportRow[];
  /** How many reports those are, each once (aggregate.ts tally: copies apart). */
  count: ReportTally;
  /** Ancestors, province first. */
  parents: Array<{ code: string; name: string }>;
  children: Array<{ code: string; name: string; reports: ReportRow[]; count: ReportTally }>;
  /** Agencies placed at this level itself (not under a child), by agency key, one report each. */
  agencies: Array<{ key: string; report: ReportRow }>;
}

/** Names of every rung any report names (the first name seen wins, in report order). */
export function regionNames(reports: ReportRow[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of reports) {
    for (const rung of namedLadder(r.region_code, {
      province: r.province,
      city: r.city,
      county: r.county,
      township: r.township,
    })) {
      if (!names.has(rung.code)) names.set(rung.code, rung.name);
    }
  }
  return names;
}

export function regionPages(reports: ReportRow[]): RegionPage[] {
  const names = regionNames(reports);
  const nameOf = (c: string) => names.get(c) ?? `行政区划 ${c}`;
  const under = groupBy(reports, (r) => regionCodes(r.region_code));
  return [...under].map(([code, rs]) => {
    const ladder = regionCodes(code);
    const depth = ladder.length;
    const children = new Map<string, ReportRow[]>();
    const agencies = new Map<string, ReportRow>();
    for (const r of rs) {
      const child = regionCodes(r.region_code)[depth];
      if (child) {
        const list = children.get(child);
        if (list) list.push(r);
        else children.set(child, [r]);
      } else {
        const k = agencyKey(r);
        if (k) agencies.set(k, r);
      }
    }
    return {
      code,
      name: nameOf(code),
      reports: rs,
      count: tally(rs),
      parents: ladder.slice(0, -1).map((c) => ({ code: c, name: nameOf(c) })),
      children: [...children]
        .map(([c, list]) => ({ code: c, name: nameOf(c), reports: list, count: tally(list) }))
        .sort((a, b) => b.count.reports - a.count.reports || b.reports.length - a.reports.length),
      agencies: [...agencies].map(([key, report]) => ({ key, report })),
    };
  });
}

/**
 * The sub-region table's rows: each child's reports (each once) and its 本年新收申请 added over
 * all its reports, of every year and of none (aggregate.ts totals) — not one year's number, so
 * the table says 历年合计 (childrenNote).
 */
export function childRows(
  page: Pick<RegionPage, 'children'>,
  summary: Map<string, SummaryRow>,
): Array<{ code: string; name: string; count: ReportTally; requestsNew: Total }> {
  return page.children.map((ch) => ({
    code: ch.code,
    name: ch.name,
    count: ch.count,
    requestsNew: total(ch.reports, summary, 'requests_new'),
  }));
}

/**
 * Said under the sub-region table: its counts and sums are over every year, and over the
 * children's reports of no known year when there are any (in its sums, in no year's row).
 */
export function childrenNote(
  children: ReadonlyArray<{ count: Pick<ReportTally, 'undated'> & Partial<Pick<ReportTally, 'undecided'>> }>,
): string {
  const n = children.reduce((a, ch) => a + ch.count.undated, 0);
  const undated = n > 0 ? `（含 ${fmt(n)} 份年度不明的报告）` : '';
  // 报告数 counts them, a total's denominator does not (a fresh tester's t56: 运河区 3 reports, 1/1).
  const u = children.reduce((a, ch) => a + (ch.count.undecided ?? 0), 0);
  const undecided =
    u > 0
      ? `；报告数含 ${fmt(u)} 份未计入合计的报告（同一机关同年另有不同的报告，哪份为准不明，或已由同年注明的更正版取代），所以可能多于“计入合计的报告”`
      : '';
  return `下级地区表中的报告数和本年新收申请是历年合计，即各年度之和${undated}，不是某一年度的数字；本地区各年度的数字见上表，下级地区的见其页面${undecided}`;
}
