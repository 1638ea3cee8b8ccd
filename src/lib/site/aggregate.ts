import type { ReportRow, SummaryRow } from '../schema/datasets.ts';
import { groupBy } from './group.ts';
import { fmt, yearDispute } from './present.ts';

/**
 * Totals over many reports. A total adds only the reports that have the figure, and always
 * says how many did: a blank is never added as 0 and never hidden.
 */

export const FIGURES = [
  ['requests_new', '本年新收申请'],
  ['requests_new_natural_person', '其中自然人'],
  ['requests_new_organisations', '其中法人或其他组织'],
  ['granted', '予以公开'],
  ['partly_granted', '部分公开'],
  ['withheld', '不予公开'],
  ['unable', '无法提供'],
  ['declined', '不予处理'],
  ['review_total', '行政复议'],
  ['review_corrected', '行政复议结果纠正'],
  ['suit_direct_total', '行政诉讼（直接起诉）'],
  ['suit_after_review_total', '行政诉讼（复议后起诉）'],
] as const satisfies ReadonlyArray<readonly [keyof SummaryRow, string]>;
export type FigureKey = (typeof FIGURES)[number][0];

export interface Total {
  sum: number;
  /** Reports that have this figure. */
  known: number;
  /**
   * Reports the total is taken over: each report once (`counted`), less the `undecided`, which no
   * total adds — the denominator of `known` ("known/of 份报告有此数"), so a total whose reports all
   * have the figure says so. The `undecided` left out are said apart (ReportTally, undecidedNote).
   */
  of: number;
}

/**
 * A figure that is part of another (其中自然人 of 本年新收申请): its total adds only the reports
 * that have the whole too, so that it is never more than the whole's total over other reports
 * (a fresh tester: 其中自然人 30 beside 本年新收申请 24 on the home page, 总计 blank in one report).
 */
export const PARENT: Partial<Record<FigureKey, FigureKey>> = {
  requests_new_natural_person: 'requests_new',
  requests_new_organisations: 'requests_new',
  review_corrected: 'review_total',
};

/** A total that some of its reports do not have the figure for (blank, unreadable, no table). */
export const isPartial = (t: Total): boolean => t.known < t.of;

/** Whether a table of totals (one row of totals per year) has a partial one: it then gets PARTIAL_NOTE. */
export function anyPartial(rows: ReadonlyArray<{ t: Partial<Record<FigureKey, Total>> }>): boolean {
  return rows.some(({ t }) => Object.values(t).some((x) => x !== undefined && isPartial(x)));
}

/**
 * How many times more reports the best-covered year has than the least-covered one before a
 * chart of totals by year says that its rises and falls follow coverage (`coverageNote`).
 */
export const COVERAGE_RATIO = 1.5;

/**
 * A note under a chart of totals by year when the years hold very different numbers of reports
 * (`n.inTotals`: those a year's totals add): a sum over 300 reports against one over 9,000 says
 * how many reports were collected, not how many requests agencies had. Null when every year has
 * at least 1/COVERAGE_RATIO of the best-covered year's reports, or fewer than two years have any.
 */
export function coverageNote(rows: ReadonlyArray<{ y: number; n: Pick<ReportTally, 'inTotals'> }>): string | null {
  const years = rows.filter((r) => r.n.inTotals > 0);
  if (years.length < 2) return null;
  let lo = years[0]!;
  let hi = years[0]!;
  for (const r of years) {
    if (r.n.inTotals < lo.n.inTotals) lo = r;
    if (r.n.inTotals > hi.n.inTotals) hi = r;
  }
  if (hi.n.inTotals < lo.n.inTotals * COVERAGE_RATIO) return null;
  return `各年度收录的报告数相差很大（${lo.y} 年 ${fmt(lo.n.inTotals)} 份，${hi.y} 年 ${fmt(hi.n.inTotals)} 份）：合计的升降主要反映收录了多少报告，不宜看作申请量等的变化；比较时请看下表各年的报告数，或看单个机关的页面`;
}

/**
 * Under a table of totals with a partial one (marked *): the 收录的报告 column counts the
 * reports of the year, and a figure only those that have it, so two columns of one row may add
 * different reports (a fresh tester: 自然人 + 法人 above 本年新收 on the home page).
 */
export const PARTIAL_NOTE =
  '* 部分报告缺少该数字（空白、无法确定或表格缺失），该数只加总有该数字的报告，故同一行各列所加的报告可能不同（“其中”各项只加总同时有其总数的报告）；数字下方的“3/4”表示 4 份报告中有 3 份有此数';

/** The lowest and highest report year (`year`), or null when no report has one. */
export function yearSpan(reports: ReadonlyArray<Pick<ReportRow, 'year'>>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of reports)
    if (r.year !== null) {
      lo = Math.min(lo, r.year);
      hi = Math.max(hi, r.year);
    }
  return lo <= hi ? [lo, hi] : null;
}

/** The reports a total adds: each report once (a copy of another, `duplicate_of`, is left out). */
export function counted<T extends Pick<ReportRow, 'duplicate_of'>>(reports: T[]): T[] {
  return reports.every((r) => !r.duplicate_of) ? reports : reports.filter((r) => !r.duplicate_of);
}

/**
 * How many reports a set holds, as every count of reports on a page says it (a heading's 份, a
 * directory index): each report once, as `counted` (a copy of another, `duplicate_of`, is no other
 * report). `copies` is how many were left out, for the note beside the count (copiesNote).
 * `undecided` is how many of `reports` no total adds (`undecided`): a table of totals is over
 * `inTotals` = `reports` − `undecided` (its `Total.of`, its 收录的报告 column), and the page says
 * how many were left out and why (undecidedNote), so a heading and the tables under it agree.
 */
export interface ReportTally {
  reports: number;
  copies: number;
  undecided: number;
  inTotals: number;
  /** Of `inTotals`: reports of no known year (in no year's total; given only when rows have `year`). */
  undated: number;
  /**
   * Of `reports` (copies apart): reports whose year is disputed (present.ts yearDispute: the
   * title's year, which they are listed under, is not the body's statistical period); given only
   * when rows have `year` and `period_year`.
   */
  disputed: number;
}

export function tally(
  reports: ReadonlyArray<
    Pick<ReportRow, 'duplicate_of' | 'same_agency_year'> & { year?: number | null; period_year?: number | null }
  >,
): ReportTally {
  let copies = 0;
  let undecided = 0;
  let undated = 0;
  let disputed = 0;
  for (const r of reports) {
    if (r.duplicate_of) {
      copies++;
      continue;
    }
    if (
      r.year !== undefined &&
      r.period_year !== undefined &&
      yearDispute({ year: r.year, period_year: r.period_year })
    )
      disputed++;
    if (r.same_agency_year > 0) undecided++;
    else if (r.year === null) undated++;
  }
  const n = reports.length - copies;
  return { reports: n, copies, undecided, inTotals: n - undecided, undated, disputed };
}

/** Said under totals by year when some reports have no known year; empty when none. */
export function undatedNote(n: number): string {
  return n > 0 ? `另有 ${fmt(n)} 份报告年度不明，不在任何年度的合计中` : '';
}

/**
 * Said over shares and rates (Breakdowns) that take `n` reports of no known year: they are in the
 * shares, but in no year's row of the totals by year. Empty when none.
 */
export function undatedSharesNote(n: number): string {
  return n > 0 ? `以下图表和表格所计的报告含 ${fmt(n)} 份年度不明的报告，它们不在任何年度的合计中` : '';
}

/**
 * Said beside totals by year when `n` of the reports have a disputed year: they are listed, and
 * added, under the year their title states. Empty when none.
 */
export function disputedNote(n: number): string {
  return n > 0 ? `其中 ${fmt(n)} 份报告的年度有疑问：标题所写年度与正文所写的统计期限不同，按标题所写年度列入` : '';
}

/**
 * Said under every table of totals: a 人民政府's report may add up its own departments' figures
 * (a 汇总, consolidated report), which the totals then add a second time beside the departments'
 * own reports (a fresh tester: 川汇区 2020 showed 40 where the district reported 19). The ingest
 * does not tell such reports yet.
 */
export const OVERLAP_NOTE =
  '有的人民政府年报汇总了本级各部门的数字，与这些部门自己的报告一并加总时会重复计算；本站尚不能识别这类汇总报告，跨机关的合计宜作上限看待';

/** Said under a table whose counts of reports left copies out. */
export const COPIES_LEFT_OUT = '报告数不计同一报告的副本（同一报告的不同编码或文件），每份报告只计一次';

/** Said beside a count of reports that left copies out; empty when there are none. */
export function copiesNote(t: ReportTally): string {
  return t.copies ? `另有 ${t.copies} 份为同一报告的副本，不重复计数` : '';
}

type AgencyYear = Pick<ReportRow, 'report_id' | 'duplicate_of' | 'same_agency_year'>;

/**
 * Reports whose figures no total adds: an agency (name and place known) with two or more
 * reports for one year that are not copies of each other — or an agency name, its place not
 * known, with two or more such reports (W_SAME_NAME_YEAR: one agency's or namesakes') — as the
 * ingest found them
 * (`same_agency_year` > 0, W_SAME_AGENCY_YEAR), such as two conversions of one report read
 * differently, or a report and its corrected version; or an agency name, its place not known,
 * with two or more such reports (W_SAME_NAME_YEAR: one agency's or namesakes'). Which is right is not known, so none of
 * them is added (adding all counted the agency two or more times: a fresh tester's 淮安市人民政府
 * 2024 doubled 淮安市's 本年新收申请 to 6,238). Nor are they among a total's reports (`of`, the
 * denominator of `known`: a tester saw 1/3 份报告有此数 where the one report added had it), and
 * the pages say how many were left out and why (undecidedNote). The ingest decides it over every
 * report (ingest/run.ts), so a page or shard that sees only some of an agency's reports still
 * agrees with the published `reports.csv`.
 */
export function undecided<T extends AgencyYear>(reports: readonly T[]): Set<string> {
  const out = new Set<string>();
  for (const r of reports) if (!r.duplicate_of && r.same_agency_year > 0) out.add(r.report_id);
  return out;
}

/**
 * Said beside totals that left `n` reports out as `undecided`: how many and why (the page adds
 * where they are listed, the quality page's #same-agency-year). Empty when there are none.
 */
export function undecidedNote(n: number): string {
  return n > 0
    ? `另有 ${fmt(n)} 份报告未计入合计：同一机关同一年度有两份以上不同的报告（或地区未能确定的同名机关同一年度有两份以上报告），无法判断哪份正确，或已由本机关同年注明为更正版的报告取代`
    : '';
}

/** The reports whose figures a ranking or a total may use: `counted`, less the `undecided`. */
export function decided<T extends AgencyYear>(reports: T[]): T[] {
  const skip = undecided(reports);
  const out = counted(reports);
  return skip.size ? out.filter((r) => !skip.has(r.report_id)) : out;
}

export function totals(
  all: ReportRow[],
  summary: Map<string, SummaryRow>,
  figures: readonly FigureKey[] = FIGURES.map(([k]) => k),
): Record<FigureKey, Total> {
  const reports = counted(all);
  const skip = undecided(reports);
  const sums = figures.map(() => 0);
  const known = figures.map(() => 0);
  // Each report's summary row looked up once, for every figure asked.
  for (const r of reports) {
    if (skip.has(r.report_id)) continue;
    const row = summary.get(r.report_id);
    if (!row) continue;
    for (let i = 0; i < figures.length; i++) {
      const v = row[figures[i]!];
      const parent = PARENT[figures[i]!];
      if (typeof v === 'number' && (parent === undefined || typeof row[parent] === 'number')) {
        sums[i] = sums[i]! + v;
        known[i] = known[i]! + 1;
      }
    }
  }
  const out = {} as Record<FigureKey, Total>;
  figures.forEach((k, i) => (out[k] = { sum: sums[i]!, known: known[i]!, of: reports.length - skip.size }));
  return out;
}

/** One figure's total (`totals` of that figure alone). */
export function total(all: ReportRow[], summary: Map<string, SummaryRow>, figure: FigureKey): Total {
  return totals(all, summary, [figure])[figure];
}

/**
 * Chart points of yearly totals: one per year and figure that at least one report of the year
 * has. A year where no report has the figure gets no point (the table beside the chart shows —):
 * a sum of no numbers is unknown, not 0.
 */
export function yearPoints(
  rows: ReadonlyArray<{ y: number; t: Record<FigureKey, Total> }>,
  series: ReadonlyArray<readonly [FigureKey, string]>,
): Array<{ year: number; value: number; series: string }> {
  return rows.flatMap(({ y, t }) =>
    series.filter(([k]) => t[k].known > 0).map(([k, label]) => ({ year: y, value: t[k].sum, series: label })),
  );
}

export function byYear(reports: ReportRow[]): Map<number, ReportRow[]> {
  const m = groupBy(reports, (r) => r.year);
  return new Map([...m].sort((a, b) => a[0] - b[0]));
}

/** One row per report year, oldest first: its reports, how many (tally) and its totals. */
export interface YearRow {
  y: number;
  reports: ReportRow[];
  n: ReportTally;
  t: Record<FigureKey, Total>;
}

export function yearRows(reports: ReportRow[], summary: Map<string, SummaryRow>): YearRow[] {
  return [...byYear(reports)].map(([y, rs]) => ({ y, reports: rs, n: tally(rs), t: totals(rs, summary) }));
}

/** Region codes along a report's path: province, city, county, township (the one ladder). */
export { regionCodes } from '../region/ladder.ts';
