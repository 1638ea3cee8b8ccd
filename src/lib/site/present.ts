import type { CellRow, ReportRow, SummaryRow } from '../schema/datasets.ts';
import { namedLadder } from '../region/ladder.ts';
import { unescapeName } from '../ingest/names.ts';
import { OLD_TEMPLATE_ZH, agencyTitleZh, yearPeriodZh } from '../ingest/reasons.ts';
import { activeRows, requestRows, reviewRows } from '../template/definitions.ts';

/**
 * How numbers and states read on the site, in Chinese. A cell that is not a number never shows
 * as 0: it shows a mark and says why.
 */

// One formatter for the whole build: toLocaleString builds a new one on every call (a fifth of the build's time).
const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });
export const fmt = (n: number | null | undefined): string => (typeof n === 'number' ? NUMBER.format(n) : '—');

export interface CellView {
  text: string;
  /**
   * Why the cell is not a number (tooltip), or the raw text of a number when it reads otherwise
   * than shown (`0万元`, `１２`); null for a number shown as written (digit grouping aside), whose
   * link to its source line says the rest: a report page has some 200 cells, and 100,000 pages
   * must stay under 5 GB (issue 16).
   */
  title: string | null;
  kind: CellRow['state'] | 'absent';
  /** The source line a number links to; null when the source view does not show it whole (`title` says why). */
  line: number | null;
}

/** The agency's name for lists and rankings; never an empty link (W_NO_AGENCY: the name was not found). */
export const agencyName = (r: Pick<ReportRow, 'agency'>): string => r.agency ?? '未识别机关';

/**
 * A report in a list: a name (its agency, or its file) and its year, or the name alone when the
 * year is not known — no space left dangling before what follows (a tester saw "测试无年局 ：2 格").
 */
export const reportLabel = (name: string, year: number | null): string => (year === null ? name : `${name} ${year}`);

/** A form cell with no cell row: said on the cell and in the page's legend. */
export const ABSENT_TITLE = '未读到：原文没有这一行，或有但未能识别，数值留空';

/**
 * A form cell as the page shows it. `hidden` says why the page's source view does not show a line
 * whole (cap.ts hiddenLine), or null when it does: a number on such a line gets no link, which
 * would land on nothing or on text before it, and its tooltip says why.
 */
export function cellView(c: CellRow | undefined, hidden: (line: number) => string | null = () => null): CellView {
  // No cell: the row (or its table) was not found. Whether the source lacks it or it was there
  // but not recognised is not known here (W_ROW_MISSING), so the page says both, never that the
  // report lacks it (a fresh tester's 淮安: 予以公开 was in the source, unrecognised).
  if (!c) return { text: '', title: ABSENT_TITLE, kind: 'absent', line: null };
  switch (c.state) {
    case 'number': {
      const text = fmt(c.value);
      const asShown = c.raw.replace(/,/g, '') === text.replace(/,/g, '');
      const raw = asShown ? null : `原文“${c.raw}”`;
      const why = hidden(c.line);
      if (why === null) return { text, title: raw, kind: 'number', line: c.line };
      const title = [raw, why].filter(Boolean).join('；');
      return { text, title: title || null, kind: 'number', line: null };
    }
    case 'blank':
      return { text: '', title: `原文此格为空白（第 ${c.line} 行附近）：不等于 0`, kind: 'blank', line: c.line };
    case 'na':
      return { text: c.raw || '—', title: `原文为“${c.raw}”（不适用或无），不计为 0`, kind: 'na', line: c.line };
    case 'ambiguous':
      // Not "可有多种读法" (several readings): most such cells are a position not proven (a header in
      // another order, a row a cell short), which the source may well show one way (t91). As long
      // as before: the page's bytes (issue 16's budget) hold this text twice per cell.
      return { text: '?', title: `无法确定：原文“${c.raw}”所属格未证实，数值留空`, kind: 'ambiguous', line: c.line };
    case 'unreadable':
      return { text: '✕', title: `无法识别：原文“${c.raw}”`, kind: 'unreadable', line: c.line };
    case 'repeated_row':
      return { text: '?', title: repeatedRowTitle(c), kind: 'repeated_row', line: c.line };
    case 'repeated_column':
      return { text: '?', title: REPEATED_COLUMN_TITLE, kind: 'repeated_column', line: c.line };
    case 'unnamed_column':
      return { text: '?', title: unnamedColumnTitle(c), kind: 'unnamed_column', line: c.line };
    case 'other_period':
    case 'other_unit':
    case 'contradicted':
      return { text: '?', title: NOT_OWN_TITLE[c.state], kind: c.state, line: c.line };
    case 'corrected':
      return { text: '?', title: CORRECTED_TITLE, kind: 'corrected', line: c.line };
  }
}

/** Why a cell the report corrects is NULL (tables/corrections.ts). */
export const CORRECTED_TITLE = '报告自行更正了这一格：更正前后的数字不同，不能证明哪一个是本年度的，数值留空';

/**
 * Why every value of a table is NULL when the table is not proven the report's own (tables/not-own.ts):
 * the cell's tooltip, and the note over its table (notOwnNote).
 */
export const NOT_OWN_TITLE = {
  other_period: '不是本年度的数字：原文说明此表为其他年度或累计的数据，数值留空',
  other_unit: '不是本机关的数字：原文说明此表为下属单位或其他单位的数据，数值留空',
  contradicted: '与正文矛盾：正文说本年度没有此类事项，表中却有数字，不能证明是本年度的，数值留空',
} as const;

/**
 * The note over a form table some of whose cells are not proven the report's own (`states`: its
 * cells' states), or null: the reader sees why the whole table is empty before reading any cell.
 */
export function notOwnNote(states: Iterable<CellRow['state'] | undefined>): string | null {
  const found = new Set<keyof typeof NOT_OWN_TITLE>();
  for (const s of states) if (s && s in NOT_OWN_TITLE) found.add(s as keyof typeof NOT_OWN_TITLE);
  if (!found.size) return null;
  return [...found].map((s) => NOT_OWN_TITLE[s].replace(/，数值留空$/, '')).join('；') + '：这些格的数值留空。';
}

/**
 * Why a cell of a duplicated row is blank (W_LABEL_REPEATED): the row's label heads two rows
 * of the table, written differently (two copies the same cell for cell are read once), so
 * neither can be said to be the row's. Not "more than one reading": each copy reads one way.
 */
export function repeatedRowTitle(c: Pick<CellRow, 'table_id' | 'row_key'>): string {
  const label = rowLabel(c.table_id, c.row_key);
  const row = label ? `“${label}”一行` : '这一行';
  return `无法确定：表中${row}出现两次，无法确定数字属于哪一行，数值留空`;
}

/** Why a cell is blank when a column label of its table's header appears twice (W_LABEL_REPEATED). */
export const REPEATED_COLUMN_TITLE = '无法确定：表头中有一列的名称出现两次，无法确定数字属于哪一列，数值留空';

/**
 * Why a cell is blank when its table's header names, at its column's place, a column the form
 * does not have (个体工商户 for 其他): the number there is that column's, not this one's. The
 * table's other columns, named by the form's own labels, are read.
 */
export function unnamedColumnTitle(c: Pick<CellRow, 'raw'>): string {
  const raw = c.raw ? `原文此处的数字“${c.raw}”` : '原文此处的数字';
  return `无法确定：表头在这一列的位置写的不是表格规定的这一列（而是表格没有的列名），${raw}不能当作这一列的数值，数值留空；同一表头下名称相符的其他列照常读取`;
}

/**
 * A row's label in the official form, for saying which row. A key whose label differs between
 * the two forms (规范性文件, 2021: 行政规范性文件) is named by the part both share.
 */
function rowLabel(table: CellRow['table_id'], row: string): string | null {
  const defs =
    table === 'review' ? [reviewRows] : table === 'active' ? Object.values(activeRows) : Object.values(requestRows);
  const labels = [...new Set(defs.flatMap((d) => d.filter((r) => r.key === row).map((r) => r.label)))];
  if (!labels.length) return null;
  const shortest = labels.reduce((a, b) => (b.length < a.length ? b : a));
  return labels.every((l) => l.endsWith(shortest)) ? shortest : null;
}

const STATUS_LABEL: Record<ReportRow['status'], string> = {
  complete: '三张表格均已找到',
  partial: '表格不完整',
  text_only: '仅文字（表格缺失或为图片）',
};

/**
 * A report's status in a few words. A text-only report of the old template (era `pre2019`) is
 * not said to miss its table: the old form's table is not parsed at all (segment/oldform.ts),
 * whether it is on the page or not.
 */
export function statusLabel(r: Pick<ReportRow, 'status' | 'era'>): string {
  return r.status === 'text_only' && r.era === 'pre2019' ? OLD_TEMPLATE_ZH : STATUS_LABEL[r.status];
}
export const BASIS_LABEL: Record<ReportRow['region_basis'], string> = {
  stated: '报告中写明',
  gazetteer: '据行政区划名称确定',
  clue: '据电话、网址、信用代码等线索确定',
  zone: '开发区、新区等非行政区划，按其管辖行政区确定',
  ambiguous: '地名有重名，无法唯一确定',
  unresolved: '未能确定',
};

/**
 * Why a report's year is disputed, in Chinese (`W_YEAR_DISPUTED`): the year was kept from its
 * title, but the body's statistical period (统计期限) states another whole year. Null when it
 * is not (no period stated, or no year).
 */
export function yearDispute(r: Pick<ReportRow, 'year' | 'period_year'>): string | null {
  return r.year !== null && r.period_year !== null && r.period_year !== r.year
    ? yearPeriodZh(r.year, r.period_year)
    : null;
}

/**
 * Why a report's agency name is disputed, in Chinese (`W_AGENCY_DISPUTED`): the name was taken
 * from the issuer (发布机构 or the signature, 落款) although the title writes more after it
 * (`title_agency`, most likely a garbled year). Null when it is not: `title_agency` is set only
 * for such a report.
 */
export function agencyDispute(r: Pick<ReportRow, 'agency' | 'title_agency'>): string | null {
  return r.agency !== null && r.title_agency !== null && r.title_agency !== r.agency
    ? agencyTitleZh(r.title_agency, r.agency)
    : null;
}

/**
 * What the report page says of another report in the same file (`second_report_line`,
 * W_SECOND_REPORT): it was not read, so none of its numbers is on the site. Null for a file
 * holding one report.
 */
export function secondReportNote(r: Pick<ReportRow, 'second_report_line'>): string | null {
  return r.second_report_line === null
    ? null
    : `本文件第 ${r.second_report_line} 行起还有另一份报告（如另一年度的报告，或另一机关的报告），未读取：本页和各数据集只有本页这一份报告的数字，另一份报告的数字不在任何数据集和合计中。`;
}

/**
 * Why a report's figures are in no total: the same agency has other, different reports for
 * the same year (`same_agency_year`, W_SAME_AGENCY_YEAR; aggregate.ts `undecided`) — or, when
 * its place is not known (NULL or ambiguous), other reports of an agency of the same name whose
 * place is not known either (W_SAME_NAME_YEAR): one agency's, or namesakes', is not known. Null
 * for a copy (its original decides) and for most reports.
 */
export function sameAgencyYearNote(
  r: Pick<
    ReportRow,
    'year' | 'same_agency_year' | 'duplicate_of' | 'agency' | 'region_code' | 'region_basis' | 'superseded_by'
  >,
): string | null {
  if (r.duplicate_of || r.same_agency_year === 0) return null;
  if (r.superseded_by)
    return `本机关${r.year ?? ''}年度另有一份报告在标题或文件名中注明为更正版（见下方链接），本报告的数字不计入各项合计、排名和图表，合计计入更正版。`;
  if (r.region_code === null || r.region_basis === 'ambiguous')
    return `${r.year ?? ''}年度另有 ${r.same_agency_year} 份名为“${r.agency ?? ''}”的机关的不同报告（不是本报告的副本），它们与本报告的地区都未能确定，无法判断是同一机关的报告（合计会重复计算）还是其他地方的同名机关，本报告的数字不计入各项合计、排名和图表。`;
  return `本机关${r.year ?? ''}年度另有 ${r.same_agency_year} 份不同的报告（不是本报告的副本），无法判断哪份正确，本报告的数字不计入各项合计、排名和图表。`;
}

/**
 * On the page of a corrected version (its title or file name says 更正, 修订版): the other
 * reports of its agency and year that name it in `superseded_by` are in no total, it is. Null
 * when none does.
 */
export function correctsNote(r: Pick<ReportRow, 'year'>, superseded: number): string | null {
  return superseded > 0
    ? `本报告在标题或文件名中注明为更正版：本机关${r.year ?? ''}年度另有 ${superseded} 份报告由本报告取代，合计计入本报告，不计入被取代的报告（见下方链接）。`
    : null;
}

type Checked = Pick<
  ReportRow,
  'status' | 'checks_failed' | 'checks_not_assessable' | 'checks_passed' | 'cells_ambiguous'
>;

/**
 * What the checks of a report found — the one rule every page, list, search filter and count
 * uses (a fresh tester's t80: the quality page counted 235 reports checked in part, its search
 * link found 243, and a report page said both 部分可核对 and 没有可核对的表格):
 * - `failed`: some check fails;
 * - `no_tables`: a text-only report, no table read;
 * - `none`: tables read, but no check could be formed from them (checks_* all 0);
 * - `partial`: checked only in part — a partial report (tables or rows missing, their checks
 *   never formed), or checks that could not be made (a term blank or NULL);
 * - `uncertain`: every check made and passed, but some cell could not be read with certainty;
 * - `consistent`: all read, all checked, all pass.
 * Never 一致 (consistent) for a report whose tables were not there to check, nor for one whose
 * checks did not all run.
 */
export type CheckOutcome = 'failed' | 'no_tables' | 'none' | 'partial' | 'uncertain' | 'consistent';
export function checkOutcome(r: Checked): CheckOutcome {
  if (r.checks_failed > 0) return 'failed';
  if (r.status === 'text_only') return 'no_tables';
  if (r.checks_passed + r.checks_not_assessable === 0) return 'none';
  if (r.status === 'partial' || r.checks_not_assessable > 0) return 'partial';
  if (r.cells_ambiguous > 0) return 'uncertain';
  return 'consistent';
}

/** The words of each outcome: the search filter's value (核对), and the lists' but for `failed`. */
export const CHECK_WORDS: Record<CheckOutcome, string> = {
  failed: '有不一致',
  no_tables: '无表格可核对',
  none: '无可核对',
  partial: '部分可核对，未见不一致',
  uncertain: '未见不一致（有无法确定的格）',
  consistent: '一致',
};

/** What the checks of a report found, in a few words for lists (`N 项不一致` for failures). */
export function checkWord(r: Checked): string {
  return r.checks_failed > 0 ? `${r.checks_failed} 项不一致` : CHECK_WORDS[checkOutcome(r)];
}

export interface Headline {
  label: string;
  value: number | null;
}

/** Headline figures in plain words; NULL (shown as —) when an input is not a number. */
export function headlines(s: SummaryRow | undefined): Headline[] {
  if (!s) return [];
  const add = (...xs: Array<number | null>) => (xs.every((x) => x !== null) ? xs.reduce((a, b) => a + b, 0) : null);
  return [
    { label: '本年新收申请', value: s.requests_new },
    { label: '上年结转', value: s.requests_carried_over },
    // 予以公开 and 部分公开 apart, as every total and the agency page give them (a fresh tester:
    // 予以公开（含部分公开） 8 here, 予以公开 5 everywhere else).
    { label: '予以公开', value: s.granted },
    { label: '部分公开', value: s.partly_granted },
    { label: '不予公开', value: s.withheld },
    { label: '无法提供', value: s.unable },
    { label: '不予处理', value: s.declined },
    { label: '结转下年度', value: s.carried_forward },
    { label: '行政复议', value: s.review_total },
    { label: '其中结果纠正', value: s.review_corrected },
    { label: '行政诉讼', value: add(s.suit_direct_total, s.suit_after_review_total) },
    { label: '其中结果纠正', value: add(s.suit_direct_corrected, s.suit_after_review_corrected) },
  ];
}

/** GB/T 2260's names for a level that is no place of its own (市辖区 and 县 under a city). */
export const PLACEHOLDER = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/**
 * The names along a report's region, as its page's trail gives them, without GB/T 2260's
 * placeholder levels: 天津市 › 河北区 in every list as on the report's page (a fresh tester's t70
 * found 天津市 › 市辖区 › 河北区 in the lists).
 */
export function regionPath(r: ReportRow): string[] {
  return regionTrail(r)
    .map((l) => l.name)
    .filter((n) => !PLACEHOLDER.test(n));
}

/** The region path as links: each level's code with its name (a level without a name is left out). */
export function regionTrail(r: ReportRow): Array<{ code: string; name: string }> {
  return namedLadder(r.region_code, { province: r.province, city: r.city, county: r.county, township: r.township }).map(
    ({ code, name }) => ({ code, name }),
  );
}

/**
 * Where a report's agency is, in a few words: the names along its region code, and why that is not
 * the place when it is not known (地区未确定; an ambiguous code is only the division the places of
 * that name share).
 */
export function placeLabel(r: ReportRow): string {
  const trail = regionTrail(r)
    .map((l) => l.name)
    .join(' › ');
  if (!trail) return '地区未确定';
  return r.region_basis === 'ambiguous' ? `${trail}（${BASIS_LABEL.ambiguous}）` : trail;
}

/**
 * A source file's name for readers. The datasets keep a name that is not UTF-8 escaped byte
 * for byte (`\xB9\xFA…`, see ingest/names.ts); such names are mostly GBK from Windows zips,
 * so they are shown decoded as GB18030 when that decodes cleanly, with the escaped form kept
 * in the datasets and the title attribute.
 */
export function fileLabel(sourceFile: string): string {
  if (!/\\x[0-9A-Fa-f]{2}/.test(sourceFile)) return sourceFile;
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(unescapeName(sourceFile));
  } catch {
    return sourceFile;
  }
}
