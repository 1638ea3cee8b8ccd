import type { ReportRow, SummaryRow } from '../schema/datasets.ts';
import { regionCodes } from '../region/ladder.ts';
import {
  FIGURES,
  byYear,
  counted,
  decided,
  tally,
  total,
  yearPoints,
  yearRows,
  type ReportTally,
  type Total,
  type YearRow,
} from './aggregate.ts';
import type { Point } from './charts.ts';
import { groupBy } from './group.ts';
import { fmt } from './present.ts';

/** The home page's view model (src/pages/index.astro): totals by year, chart points, leaders. */

const SHOWN = [
  'requests_new',
  'requests_new_natural_person',
  'requests_new_organisations',
  'granted',
  'partly_granted',
  'withheld',
  'unable',
  'declined',
  'review_total',
  'review_corrected',
];

export interface Overview {
  years: Map<number, ReportRow[]>;
  /** Per year: how many reports (copies apart, aggregate.ts tally; `n.inTotals` in its totals) and their totals. */
  rows: YearRow[];
  points: Point[];
  shown: (typeof FIGURES)[number][];
  /**
   * The year the rankings are of (rankingYear): leaders are from one year only, so they are
   * comparable; the latest year holding at least half as many reports as the fullest.
   */
  topYear: number | null;
  /** Later years left out of the rankings, holding fewer reports (rankingYear): the page names them. */
  laterYears: Array<{ year: number; reports: number }>;
  topAgencies: Array<{ r: ReportRow; v: number }>;
  topRegions: Array<{ code: string; name: string; t: Total }>;
  /** What the rankings leave out: reports of the year without the figure, provinces none of whose reports has it. */
  /**
   * What the rankings leave out: reports without the figure, provinces none of whose reports has
   * it, and reports of no known province (`unplaced`: how many, and the requests they add up to).
   */
  unranked: { reports: number; regions: number; unplaced: { reports: number; sum: number } };
  /**
   * Entries past the tenth with the tenth's very value, not listed (a fresh tester's t70: 西藏自治区's
   * 19 left out beside 云南省's 19 at tenth place, with no word): the page says how many.
   */
  tied: { agencies: number; regions: number };
  kinds: string[];
  /** Reports no total adds (aggregate.ts, undecided): the page says why when there are any. */
  undecided: number;
  /** How many reports, each once (tally): its `undated` and `disputed` are said under the year table. */
  count: ReportTally;
}

/**
 * The home page's headline figures, each report once (a copy, `duplicate_of`, is the report it
 * copies: aggregate.ts counted), as the totals count them: how many reports (and copies apart),
 * how many table cells are numbers (`numbers`: report_id → its cells of state `number`), how many
 * cells could not be read with certainty, how many reports have a check that failed.
 */
export interface Headline {
  count: ReportTally;
  numbers: number;
  uncertain: number;
  failing: number;
}

export function headline(reports: ReportRow[], numbers: ReadonlyMap<string, number>): Headline {
  let n = 0;
  let uncertain = 0;
  let failing = 0;
  for (const r of counted(reports)) {
    n += numbers.get(r.report_id) ?? 0;
    uncertain += r.cells_ambiguous;
    if (r.checks_failed > 0) failing++;
  }
  return { count: tally(reports), numbers: n, uncertain, failing };
}

/**
 * What the home page says under its rankings of entries tied with the tenth and not listed (in
 * Chinese; empty when none): how many, and the value they share.
 */
export function tiedNote(o: Pick<Overview, 'tied' | 'topAgencies' | 'topRegions'>): string {
  const agencies = o.tied.agencies > 0 && o.topAgencies.length > 0;
  const regions = o.tied.regions > 0 && o.topRegions.length > 0;
  return [
    agencies
      ? `另有 ${fmt(o.tied.agencies)} 份报告的本年新收申请与机关排名第 ${o.topAgencies.length} 位并列（同为 ${fmt(o.topAgencies.at(-1)!.v)}），未列出。`
      : '',
    regions
      ? `另有 ${fmt(o.tied.regions)} 个省级地区的合计与地区排名第 ${o.topRegions.length} 位并列（同为 ${fmt(o.topRegions.at(-1)!.t.sum)}），未列出。`
      : '',
  ].join('');
}

/** How many values after the first `n` of a ranking (descending) equal the `n`-th: tied with it, not listed. */
export function tiedPast(values: readonly number[], n: number): number {
  if (values.length <= n) return 0;
  const last = values[n - 1]!;
  let k = n;
  while (k < values.length && values[k] === last) k++;
  return k - n;
}

/**
 * The year the rankings are of: the latest year holding at least half as many reports (copies
 * apart) as the year holding most, and the later years passed over. A fresh tester's t123: the
 * latest year held one report and 2023 twenty, and the "top ten" of the home page was one agency.
 */
export function rankingYear(years: ReadonlyMap<number | null, readonly ReportRow[]>): {
  year: number | null;
  later: Array<{ year: number; reports: number }>;
} {
  const counts = [...years]
    .filter((e): e is [number, readonly ReportRow[]] => e[0] !== null)
    .map(([y, rs]) => ({ year: y, reports: rs.filter((r) => r.duplicate_of === null).length }))
    .sort((a, b) => a.year - b.year);
  const most = Math.max(0, ...counts.map((c) => c.reports));
  const year = counts.filter((c) => c.reports > 0 && c.reports * 2 >= most).at(-1)?.year ?? null;
  return { year, later: year === null ? [] : counts.filter((c) => c.year > year && c.reports > 0) };
}

/** What the page says of later years left out of the rankings (rankingYear), or null. */
export function laterYearsNote(
  later: ReadonlyArray<{ year: number; reports: number }>,
  year: number | null,
): string | null {
  if (!later.length || year === null) return null;
  const held = later.map((l) => `${l.year} 年度只收录了 ${fmt(l.reports)} 份报告`).join('，');
  return `${held}，不到收录最多的年度的一半，排名按 ${year} 年度。`;
}

export function overview(reports: ReportRow[], summary: Map<string, SummaryRow>): Overview {
  const years = byYear(reports);
  const rows = yearRows(reports, summary);
  const points: Point[] = yearPoints(rows, [
    ['requests_new', '本年新收申请'],
    ['granted', '予以公开'],
    ['review_total', '行政复议'],
  ]);
  const { year: topYear, later: laterYears } = rankingYear(years);
  const latest = topYear !== null ? counted(years.get(topYear) ?? []) : [];
  const ranked = decided(latest);
  const withValue = ranked
    .map((r) => ({ r, v: summary.get(r.report_id)?.requests_new ?? null }))
    .filter((x): x is { r: ReportRow; v: number } => x.v !== null);
  const agencyRanking = withValue.sort((a, b) => b.v - a.v);
  const topAgencies = agencyRanking.slice(0, 10);
  const regions = [...groupBy(latest, (r) => regionCodes(r.region_code)[0] ?? null)].map(([code, rs]) => ({
    code,
    name: rs[0]!.province ?? code,
    t: total(rs, summary, 'requests_new'),
  }));
  const placed = regions.filter((x) => x.code !== null);
  const regionRanking = placed.filter((x) => x.t.known > 0).sort((a, b) => b.t.sum - a.t.sum);
  const topRegions = regionRanking.slice(0, 10);
  const tied = {
    agencies: tiedPast(
      agencyRanking.map((x) => x.v),
      10,
    ),
    regions: tiedPast(
      regionRanking.map((x) => x.t.sum),
      10,
    ),
  };
  // What the rankings leave out, said under them (a fresh tester: 浙江省 and an agency missing
  // from them, with no word why): reports without the figure, provinces none of whose reports
  // has it.
  // And reports of no known province, whose requests no province's total holds (a fresh tester's
  // t107: one such report held 79 % of a year's requests, the ranking said nothing).
  const nowhere = total(
    latest.filter((r) => regionCodes(r.region_code).length === 0),
    summary,
    'requests_new',
  );
  const unranked = {
    reports: ranked.length - withValue.length,
    regions: placed.filter((x) => x.t.known === 0).length,
    unplaced: { reports: nowhere.of, sum: nowhere.sum },
  };
  const count = tally(reports);
  const kinds = [...new Set(reports.map((r) => r.agency_kind).filter((k): k is string => !!k))].sort();
  return {
    years,
    rows,
    points,
    shown: FIGURES.filter(([k]) => SHOWN.includes(k)),
    topYear,
    laterYears,
    topAgencies,
    topRegions,
    unranked,
    tied,
    kinds,
    undecided: count.undecided,
    count,
  };
}
