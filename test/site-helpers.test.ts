import { describe, expect, it } from 'vitest';
import { namedLadder, regionCodes, regionLadder } from '../src/lib/region/ladder.ts';
import { firstPageOfYear, pageWindow } from '../src/lib/site/paging.ts';
import {
  ABSENT_TITLE,
  agencyDispute,
  secondReportNote,
  agencyName,
  cellView,
  CHECK_WORDS,
  statusLabel,
  checkOutcome,
  checkWord,
  fileLabel,
  placeLabel,
  regionTrail,
  reportLabel,
  sameAgencyYearNote,
  yearDispute,
} from '../src/lib/site/present.ts';
import { agencyDirectory, kindIndex, provinceIndex, yearIndex } from '../src/lib/site/directory.ts';
import { regionPages } from '../src/lib/site/region-page.ts';
import {
  SEARCH_FILE_CHARS,
  pageTitle,
  reportPage,
  requestsLayoutOfCells,
  shortFile,
} from '../src/lib/site/report-page.ts';
import {
  activeForm,
  formKeys,
  layoutForm,
  reportForms,
  requestsForm,
  reviewForm,
  tableOf,
} from '../src/lib/site/forms.ts';
import { digitPieces } from '../src/lib/site/digits.ts';
import { CAP, capLines, hiddenLine, lineNote } from '../src/lib/site/cap.ts';
import { pageMarks } from '../src/lib/site/report-meta.ts';
import { legacyTarget, redirectsFile } from '../src/lib/site/legacy-urls.ts';
import { movedDataFiles } from '../src/lib/site/moved-data.ts';
import { curl, examples, joinGzParts } from '../src/lib/site/examples.ts';
import type { Layout } from '../src/lib/write/layout.ts';
import { viewsSql } from '../src/lib/write/sql.ts';
import { fileKind, filesPerReport, oversized } from '../src/lib/site/dist-files.ts';
import type { CellRow, ReportRow, SummaryRow } from '../src/lib/schema/datasets.ts';
import { reportRow } from './helpers.ts';
import {
  PARTIAL_NOTE,
  anyPartial,
  isPartial,
  copiesNote,
  decided,
  tally,
  undatedNote,
  totals,
  undecided,
  undecidedNote,
  yearPoints,
  yearRows,
} from '../src/lib/site/aggregate.ts';
import { OUTCOMES, breakdown, consistency, rate } from '../src/lib/site/shares.ts';
import { laterYearsNote, overview, rankingYear, tiedNote, tiedPast } from '../src/lib/site/overview.ts';
import { yearPage } from '../src/lib/site/year-page.ts';
import { kindPage } from '../src/lib/site/kind-page.ts';
import { agencyYearConflicts, conflictMark } from '../src/lib/site/conflicts.ts';
import { agencyKey } from '../src/lib/site/agencies.ts';
import { unplacedCounts, unplacedHeading } from '../src/lib/site/unplaced.ts';

/** A place that is known: reports of one name and this place are one agency's. */
const PLACE = { region_code: '320211', region_basis: 'gazetteer' } as const;
const report = reportRow;

describe('regionLadder', () => {
  it('gives nothing for no code or a malformed one', () => {
    expect(regionLadder(null)).toEqual([]);
    expect(regionLadder('12345')).toEqual([]);
  });
  it('a province alone', () => expect(regionCodes('320000')).toEqual(['320000']));
  it('province, city, county', () => expect(regionCodes('320211')).toEqual(['320000', '320200', '320211']));
  it('a township under a county', () =>
    expect(regionCodes('320211001')).toEqual(['320000', '320200', '320211', '320211001']));
  it('skips the placeholder city of a county-level city directly under a province (省直辖县级市)', () => {
    expect(regionCodes('429004')).toEqual(['420000', '429004']);
    expect(regionCodes('419001')).toEqual(['410000', '419001']);
    expect(regionLadder('429004').map((r) => r.level)).toEqual(['province', 'county']);
  });
  it('skips the 市辖区/县 grouping of a municipality', () => {
    expect(regionCodes('110101')).toEqual(['110000', '110101']);
    expect(regionCodes('500229')).toEqual(['500000', '500229']);
  });
  it('a city without counties (东莞市) has townships right under it', () => {
    expect(regionCodes('441900003')).toEqual(['440000', '441900', '441900003']);
  });
  it('names each rung from its own field and leaves out a rung without a name', () => {
    expect(namedLadder('429004', { province: '湖北省', city: null, county: '仙桃市' })).toEqual([
      { level: 'province', code: '420000', name: '湖北省' },
      { level: 'county', code: '429004', name: '仙桃市' },
    ]);
    expect(namedLadder('320211', { province: '江苏省', city: null, county: '滨湖区' }).map((r) => r.code)).toEqual([
      '320000',
      '320211',
    ]);
  });
  it('the breadcrumb uses the same ladder as the pages', () => {
    const r = report({ region_code: '429004', province: '湖北省', county: '仙桃市' });
    expect(regionTrail(r).map((l) => l.code)).toEqual(regionCodes('429004'));
  });
  it('a place in words says when it is not known, or only the division the places of that name share', () => {
    expect(
      placeLabel(report({ region_code: '429004', province: '湖北省', county: '仙桃市', region_basis: 'gazetteer' })),
    ).toBe('湖北省 › 仙桃市');
    expect(placeLabel(report())).toBe('地区未确定');
    expect(
      placeLabel(report({ region_code: '140400', province: '山西省', city: '长治市', region_basis: 'ambiguous' })),
    ).toBe('山西省 › 长治市（地名有重名，无法唯一确定）');
  });
  it('a report in a list: its name and year, and no space before what follows when the year is not known', () => {
    // A tester's quality page: "测试无年局 ：2 格".
    expect(reportLabel('淮安市测试局', 2020)).toBe('淮安市测试局 2020');
    expect(`${reportLabel('测试无年局', null)}：2 格`).toBe('测试无年局：2 格');
  });
});

describe('regionPages', () => {
  it('builds no page for a placeholder code and names every page', () => {
    const pages = regionPages([report({ region_code: '429004', province: '湖北省', county: '仙桃市' })]);
    expect(pages.map((p) => [p.code, p.name])).toEqual([
      ['420000', '湖北省'],
      ['429004', '仙桃市'],
    ]);
    expect(pages[0]!.children.map((c) => c.code)).toEqual(['429004']);
    expect(pages[1]!.parents).toEqual([{ code: '420000', name: '湖北省' }]);
    expect(pages[1]!.agencies.map((a) => a.report.agency)).toEqual(['某某局']);
  });
  it('nothing for reports without a region', () => expect(regionPages([report()])).toEqual([]));
});

describe('checkWord', () => {
  it('a text-only report has nothing to check', () =>
    expect(checkWord(report({ status: 'text_only' }))).toBe('无表格可核对'));
  it('a partial report was checked in part', () =>
    expect(checkWord(report({ status: 'partial' }))).toBe('部分可核对，未见不一致'));
  it('failures first', () => expect(checkWord(report({ status: 'partial', checks_failed: 2 }))).toBe('2 项不一致'));
  it('a complete report with ambiguous cells is not plainly consistent', () =>
    expect(checkWord(report({ cells_ambiguous: 3 }))).toBe('未见不一致（有无法确定的格）'));
  it('complete and consistent', () => expect(checkWord(report())).toBe('一致'));
  it('a complete report whose checks did not all run was checked in part', () =>
    expect(checkWord(report({ checks_not_assessable: 35 }))).toBe('部分可核对，未见不一致'));
  it('a report with no check at all is not checked in part (t80: both 部分可核对 and 没有可核对 on one page)', () => {
    expect(checkWord(report({ status: 'partial', checks_passed: 0 }))).toBe('无可核对');
    expect(checkWord(report({ checks_passed: 0 }))).toBe('无可核对');
    expect(checkWord(report({ status: 'text_only', checks_passed: 0 }))).toBe('无表格可核对');
  });
  it('every list word is a search filter value but for the failure count (checkOutcome, CHECK_WORDS)', () => {
    const cases = [
      report({ checks_failed: 2 }),
      report({ status: 'text_only', checks_passed: 0 }),
      report({ checks_passed: 0 }),
      report({ status: 'partial' }),
      report({ checks_not_assessable: 3 }),
      report({ cells_ambiguous: 1 }),
      report(),
    ];
    expect(cases.map(checkOutcome)).toEqual([
      'failed',
      'no_tables',
      'none',
      'partial',
      'partial',
      'uncertain',
      'consistent',
    ]);
    for (const r of cases.slice(1)) expect(checkWord(r)).toBe(CHECK_WORDS[checkOutcome(r)]);
  });
});

describe('pageWindow', () => {
  it('0 or 1 page: no pager', () => {
    expect(pageWindow(1, 0)).toEqual([]);
    expect(pageWindow(1, 1)).toEqual([]);
  });
  it('2 pages', () => expect(pageWindow(1, 2)).toEqual([1, 2]));
  it('many pages: ends and a window', () => expect(pageWindow(10, 20)).toEqual([1, 7, 8, 9, 10, 11, 12, 13, 20]));
});

describe('directory indexes', () => {
  const rs = [
    report({
      report_id: '0000000000000001',
      agency: '仙桃市人民政府',
      region_code: '429004',
      province: '湖北省',
      county: '仙桃市',
      year: 2022,
    }),
    report({
      report_id: '0000000000000002',
      agency: '仙桃市人民政府',
      region_code: '429004',
      province: '湖北省',
      county: '仙桃市',
      year: 2023,
    }),
    report({
      report_id: '0000000000000003',
      agency: '武汉市人民政府',
      region_code: '420100',
      province: '湖北省',
      city: '武汉市',
      year: 2023,
      agency_kind: '人民政府',
    }),
    report({ report_id: '0000000000000004', agency: '某某局', year: 2021 }),
  ];
  it('agencies by province then city, undetermined last', () => {
    const d = agencyDirectory(rs);
    expect(d.map((p) => [p.code, p.name, p.count])).toEqual([
      ['420000', '湖北省', 2],
      [null, '地区未确定', 1],
    ]);
    expect(d[0]!.cities.map((c) => [c.code, c.name])).toEqual([
      ['420100', '武汉市'],
      [null, '省级及直辖单位'],
    ]);
    expect(d[0]!.cities[1]!.agencies[0]).toMatchObject({ name: '仙桃市人民政府', years: [2022, 2023], reports: 2 });
  });
  it('years newest first with counts', () =>
    expect(yearIndex(rs)).toEqual([
      { key: 2023, reports: 2, agencies: { min: 2, max: 2 } },
      { key: 2022, reports: 1, agencies: { min: 1, max: 1 } },
      { key: 2021, reports: 1, agencies: { min: 1, max: 1 } },
    ]));
  describe('a name of unknown place in several reports is not proven one agency (同名机关，地区不明)', () => {
    const namesakes = [
      ...rs,
      report({ report_id: '0000000000000005', agency: '某某局', year: 2022 }),
      report({ report_id: '0000000000000006', agency: '某某局', year: 2022 }),
    ];
    it('its directory entry says so', () => {
      const d = agencyDirectory(namesakes);
      const entry = d.at(-1)!.cities[0]!.agencies[0]!;
      expect(entry).toMatchObject({ name: '某某局', reports: 3, namesakes: 3 });
      expect(d[0]!.cities[1]!.agencies[0]!.namesakes).toBe(0);
      // One entry, but one to three agencies.
      expect(d.at(-1)).toMatchObject({ count: 1, agencies: { min: 1, max: 3 } });
      expect(d[0]).toMatchObject({ count: 2, agencies: { min: 2, max: 2 } });
    });
    it('agencies by year and kind are a range, not one agency', () => {
      expect(yearIndex(namesakes).find((e) => e.key === 2022)!.agencies).toEqual({ min: 2, max: 3 });
      expect(kindIndex(namesakes).find((e) => e.key === '部门')!.agencies).toEqual({ min: 2, max: 4 });
    });
  });
  it('kinds by number of reports', () =>
    expect(kindIndex(rs).map((k) => [k.key, k.reports])).toEqual([
      ['部门', 3],
      ['人民政府', 1],
    ]));
});

const cell = (row_key: string, over: Partial<CellRow> = {}): CellRow => ({
  report_id: '0123456789abcdef',
  table_id: 'requests',
  row_key,
  col_key: 'total',
  value: 1,
  raw: '1',
  state: 'number',
  line: 1,
  ...over,
});

describe('reportPage', () => {
  it('a text-only report: no checks, and headlines say the tables are missing', () => {
    const r = report({ status: 'text_only', layout_active: null, layout_requests: null });
    const s = new Map([[r.report_id, { report_id: r.report_id } as never]]);
    const p = reportPage({ report: r, cells: [], checks: [], summary: s, agencyReports: [r] });
    expect(p.statusLine).toBe('仅文字（表格缺失或为图片）；无表格可核对');
    expect(p.checks.none).toBe(true);
    expect(p.history).toEqual([]);
    // The lists' word: one for a report in every place (t80).
    expect(p.filters).toContainEqual(['核对', '无表格可核对']);
  });
  it('a partial report whose tables give no check: 无可核对 everywhere, never 部分可核对 (t80 B2)', () => {
    const r = report({ status: 'partial', checks_passed: 0 });
    const p = reportPage({ report: r, cells: [], checks: [], summary: new Map(), agencyReports: [r] });
    expect(p.statusLine).toBe(`${statusLabel(r)}；无可核对`);
    expect(p.filters).toContainEqual(['核对', '无可核对']);
    expect(checkWord(r)).toBe('无可核对');
  });
  it('不予公开 NULL for a 三 of no known layout says so, not “blank cells” (t80 B9)', () => {
    const r = report({ status: 'partial', layout_requests: null });
    const s = new Map([
      [r.report_id, { report_id: r.report_id, withheld: null, unable: null, declined: null } as never],
    ]);
    const p = reportPage({
      report: r,
      cells: [cell('withheld_state_secret')],
      checks: [],
      summary: s,
      agencyReports: [r],
    });
    expect(p.headlines.find((h) => h.label === '不予公开')!.why).toBe('表格三不完整，无法确定其版式，未合计');
    const known = reportPage({
      report: { ...r, layout_requests: '2021' },
      cells: [cell('withheld_state_secret')],
      checks: [],
      summary: s,
      agencyReports: [r],
    });
    expect(known.headlines.find((h) => h.label === '不予公开')!.why).toBe('有空白、缺失或无法确定的格，未合计');
  });
  it('other years: none when the only others are this report’s copies (t80 B4)', () => {
    const r = report({ report_id: 'aaaaaaaaaaaaaaaa', year: 2019, agency: '瓦岗镇人民政府' });
    const copy = report({
      report_id: 'bbbbbbbbbbbbbbbb',
      year: 2019,
      agency: '瓦岗镇人民政府',
      duplicate_of: r.report_id,
    });
    const p = reportPage({ report: r, cells: [], checks: [], summary: new Map(), agencyReports: [r, copy] });
    expect(p.history).toEqual([]);
    const q = reportPage({ report: copy, cells: [], checks: [], summary: new Map(), agencyReports: [r, copy] });
    expect(q.history).toEqual([]);
  });
  it('较上年 against the corrected version when one supersedes the year before (t80 B5)', () => {
    const placed = { agency: '某县住房和城乡建设局', region_code: '530926', region_basis: 'stated' as const };
    const old = report({
      ...placed,
      report_id: '1111111111111111',
      year: 2023,
      same_agency_year: 1,
      superseded_by: '2222222222222222',
    });
    const fixed = report({ ...placed, report_id: '2222222222222222', year: 2023 });
    const now = report({ ...placed, report_id: '3333333333333333', year: 2024 });
    const sum = (id: string, n: number) => [id, { report_id: id, requests_new: n, granted: n } as never] as const;
    const s = new Map([sum(old.report_id, 804), sum(fixed.report_id, 802), sum(now.report_id, 1)]);
    const p = reportPage({ report: now, cells: [], checks: [], summary: s, agencyReports: [old, fixed, now] });
    const row = p.history.find((h) => h.current)!;
    expect(row.prev?.requests_new).toBe(802);
    expect(p.history.find((h) => h.report === fixed)!.corrects).toBe(true);
    expect(p.history.find((h) => h.report === old)!.corrects).toBe(false);
  });
  it('一致 only where every check could be run (a fresh tester: 35 of 40 not runnable, called 一致)', () => {
    const r = report();
    const check = (check_id: string, status: 'pass' | 'not_assessable') =>
      ({ report_id: r.report_id, check_id, status, expected: null, actual: null, detail: '' }) as const;
    const page = (checks: ReturnType<typeof check>[]) =>
      reportPage({ report: r, cells: [], checks, summary: new Map(), agencyReports: [r] });
    expect(page([check('a', 'pass')]).filters).toContainEqual(['核对', '一致']);
    const some = page([check('a', 'pass'), check('b', 'not_assessable'), check('c', 'not_assessable')]);
    expect(some.filters).toContainEqual(['核对', '部分可核对，未见不一致']);
    expect(some.statusLine).toContain('3 项核对中 2 项因空白或缺格无法核对');
  });
  it('search filters: a city or county given with its parent where its name is not its own', () => {
    // A fresh tester's: 市辖区 (北京, 天津, 上海, 重庆) and 朝阳区 (北京, 长春) were one value each.
    const r = report({ province: '北京市', city: '市辖区', county: '朝阳区' });
    const p = reportPage({ report: r, cells: [], checks: [], summary: new Map(), agencyReports: [r] });
    expect(p.filters).toContainEqual(['城市', '北京市·市辖区']);
    expect(p.filters).toContainEqual(['区县', '北京市·朝阳区']);
    const w = report({ province: '江苏省', city: '无锡市', county: '滨湖区' });
    const q = reportPage({ report: w, cells: [], checks: [], summary: new Map(), agencyReports: [w] });
    expect(q.filters).toContainEqual(['城市', '无锡市']);
    expect(q.filters).toContainEqual(['区县', '滨湖区']);
  });
  it('headline reasons: a missing table is not called a blank cell', () => {
    const r = report({ status: 'partial' });
    const summary = new Map([
      [r.report_id, { report_id: r.report_id, requests_new: null, review_total: null } as never],
    ]);
    const p = reportPage({ report: r, cells: [cell('new_received')], checks: [], summary, agencyReports: [r] });
    expect(p.headlines.find((h) => h.label === '本年新收申请')!.why).toBe('此格为空白、缺失或无法确定');
    expect(p.headlines.find((h) => h.label === '行政复议')!.why).toBe('未能从原文读出这张表格（原文没有，或无法识别）');
  });
  it('a year the statistical period disputes: a note with the reason in Chinese (W_YEAR_DISPUTED)', () => {
    const r = report({ year: 2020, period_year: 2019 });
    const s = new Map([[r.report_id, { report_id: r.report_id } as never]]);
    const p = reportPage({ report: r, cells: [], checks: [], summary: s, agencyReports: [r] });
    expect(p.yearNote).toBe('报告年度记为2020年，但正文的统计期限是2019年：数字属于哪一年请核对原文');
    expect(yearDispute(report({ year: 2020, period_year: 2020 }))).toBeNull();
    expect(yearDispute(report({ year: 2020, period_year: null }))).toBeNull();
    expect(yearDispute(report({ year: null, period_year: 2019 }))).toBeNull();
  });
  it('an agency name taken from the issuer against the title: a note with both names in Chinese (W_AGENCY_DISPUTED)', () => {
    const r = report({ agency: 'XX市丙七局', title_agency: 'XX市丙七局锟斤拷' });
    const s = new Map([[r.report_id, { report_id: r.report_id } as never]]);
    const p = reportPage({ report: r, cells: [], checks: [], summary: s, agencyReports: [r] });
    expect(p.agencyNote).toBe(
      '机关名称记为“XX市丙七局”（发布机构、落款所写，或标题中乱码之前的名称），但标题写作“XX市丙七局锟斤拷”：标题在名称之后另有无法识别的文字（如乱码的年份），哪个名称正确请核对原文',
    );
    expect(p.yearNote).toBeNull();
    // title_agency is NULL for every other report; a NULL agency or the same name is no dispute.
    expect(agencyDispute(report({ agency: 'XX市丙七局', title_agency: null }))).toBeNull();
    expect(agencyDispute(report({ agency: null, title_agency: 'XX市丙七局锟斤拷' }))).toBeNull();
    expect(agencyDispute(report({ agency: 'XX市丙七局', title_agency: 'XX市丙七局' }))).toBeNull();
    expect(
      reportPage({ report: report(), cells: [], checks: [], summary: s, agencyReports: [] }).agencyNote,
    ).toBeNull();
  });
  it('a second report in the same file, not read: a note with its line in Chinese (second_report_line)', () => {
    const r = report({ second_report_line: 212 });
    const s = new Map([[r.report_id, { report_id: r.report_id } as never]]);
    const p = reportPage({ report: r, cells: [], checks: [], summary: s, agencyReports: [r] });
    expect(p.secondReportNote).toContain('本文件第 212 行起还有另一份报告');
    expect(p.secondReportNote).toContain('未读取');
    expect(secondReportNote(report())).toBeNull();
  });
  it('another, different report of the agency-year: the page says its figures are in no total', () => {
    const r = report({ year: 2024, same_agency_year: 2, region_code: '320800', region_basis: 'gazetteer' });
    const s = new Map([[r.report_id, { report_id: r.report_id } as never]]);
    const p = reportPage({ report: r, cells: [], checks: [], summary: s, agencyReports: [r] });
    expect(p.conflictNote).toBe(
      '本机关2024年度另有 2 份不同的报告（不是本报告的副本），无法判断哪份正确，本报告的数字不计入各项合计、排名和图表。',
    );
    // Of a place not known (W_SAME_NAME_YEAR): not said to be this agency's, which is not known.
    const u = report({
      year: 2024,
      same_agency_year: 1,
      agency: '某某局',
      region_code: null,
      region_basis: 'unresolved',
    });
    expect(sameAgencyYearNote(u)).toBe(
      '2024年度另有 1 份名为“某某局”的机关的不同报告（不是本报告的副本），它们与本报告的地区都未能确定，无法判断是同一机关的报告（合计会重复计算）还是其他地方的同名机关，本报告的数字不计入各项合计、排名和图表。',
    );
    expect(
      reportPage({ report: report(), cells: [], checks: [], summary: s, agencyReports: [] }).conflictNote,
    ).toBeNull();
    // A copy is not in totals for its own reason (duplicate_of), said elsewhere on its page.
    expect(sameAgencyYearNote(report({ same_agency_year: 1, duplicate_of: 'ffffffffffffffff' }))).toBeNull();
  });
  it('two different reports of one agency-year are told apart in search: each carries its file and the count', () => {
    // A fresh tester's: two such reports showed as two identical-looking results.
    const page = (r: ReportRow, copies: ReportRow[] = []) =>
      reportPage({ report: r, cells: [], checks: [], summary: new Map(), agencyReports: [r], copies }).searchMeta;
    expect(page(report({ source_file: 'a/更正.txt', same_agency_year: 2 }))).toEqual([
      ['conflicts', '2'],
      ['file', 'a/更正.txt'],
    ]);
    // Most reports carry nothing (each value is bytes in the search index); copies as before.
    expect(page(report())).toEqual([]);
    expect(page(report(), [report({ report_id: 'ffffffffffffffff', duplicate_of: '0123456789abcdef' })])).toEqual([
      ['copies', '1'],
    ]);
    // A long name keeps its end, where names differ.
    const long = `${'很长的文件夹/'.repeat(20)}报告（更正）.pdf`;
    const [, file] = page(report({ source_file: long, same_agency_year: 1 }))[1]!;
    expect(Array.from(file)).toHaveLength(SEARCH_FILE_CHARS);
    expect(file).toMatch(/^….*\/报告（更正）\.pdf$/);
    expect(shortFile('a.txt')).toBe('a.txt');
  });
  it('a copy of another report is no search result of its own; the original lists its copies', () => {
    // A fresh tester's: a search listed a report and its copy (the same text, another encoding)
    // side by side, and counted both.
    const a = report({ report_id: '000000000000000a', source_file: 'z.txt', ...PLACE });
    const gbk = report({
      report_id: '000000000000000b',
      source_file: 'b-gbk.txt',
      ...PLACE,
      duplicate_of: a.report_id,
    });
    const bom = report({
      report_id: '000000000000000c',
      source_file: 'a-bom.txt',
      ...PLACE,
      duplicate_of: a.report_id,
    });
    const page = (r: ReportRow, more: Partial<Parameters<typeof reportPage>[0]>) =>
      reportPage({ report: r, cells: [], checks: [], summary: new Map(), agencyReports: [a, gbk, bom], ...more });
    const original = page(a, { copies: [gbk, bom] });
    expect(original.indexed).toBe(true);
    expect(original.original).toBeNull();
    expect(original.copies.map((c) => c.source_file)).toEqual(['a-bom.txt', 'b-gbk.txt']);
    const copy = page(gbk, { original: a });
    expect(copy.indexed).toBe(false);
    expect(copy.original).toBe(a);
    // Its original unknown (not among the reports): the copy stays findable as itself.
    expect(page(gbk, {}).indexed).toBe(true);
    expect(page(gbk, { original: bom }).indexed).toBe(true);
  });
  it('history pairs each year with the year before', () => {
    const a = report({ report_id: '000000000000000a', year: 2022, ...PLACE });
    const b = report({ report_id: '000000000000000b', year: 2023, ...PLACE });
    const summary = new Map([
      [a.report_id, { requests_new: 3 } as never],
      [b.report_id, { requests_new: 5 } as never],
    ]);
    const p = reportPage({ report: b, cells: [], checks: [], summary, agencyReports: [b, a] });
    expect(p.history.map((h) => [h.report.year, h.current, h.prev?.requests_new ?? null])).toEqual([
      [2022, false, null],
      [2023, true, 3],
    ]);
  });
  it('no change from a year of two different reports (which one is not known); a copy is no second report', () => {
    const a1 = report({ report_id: '00000000000000a1', year: 2022, same_agency_year: 1, ...PLACE });
    const a2 = report({ report_id: '00000000000000a2', year: 2022, same_agency_year: 1, ...PLACE });
    const b = report({ report_id: '000000000000000b', year: 2023, ...PLACE });
    const summary = new Map([
      [a1.report_id, { requests_new: 3 } as never],
      [a2.report_id, { requests_new: 4 } as never],
      [b.report_id, { requests_new: 5 } as never],
    ]);
    const p = reportPage({ report: b, cells: [], checks: [], summary, agencyReports: [b, a2, a1] });
    expect(p.history.find((h) => h.current)?.prev).toBeUndefined();
    // The same year's report and its copy: the change is from the report.
    const copy = report({ report_id: '00000000000000c1', year: 2022, duplicate_of: a1.report_id, ...PLACE });
    const q = reportPage({ report: b, cells: [], checks: [], summary, agencyReports: [b, copy, a1] });
    expect(q.history.find((h) => h.current)?.prev?.requests_new).toBe(3);
  });
  describe('reports of one name whose place is NULL or ambiguous: namesakes, not other years (同名机关，地区不明)', () => {
    const summary = new Map([
      ['000000000000000a', { requests_new: 3 } as never],
      ['000000000000000b', { requests_new: 5 } as never],
      ['000000000000000c', { requests_new: 8 } as never],
    ]);
    for (const place of [
      { region_code: null, region_basis: 'unresolved' as const },
      { region_code: '140400', region_basis: 'ambiguous' as const },
    ]) {
      it(`${place.region_basis}: no history and no change from the year before; the others listed with the note`, () => {
        const a = report({ report_id: '000000000000000a', year: 2022, ...place });
        const b = report({ report_id: '000000000000000b', year: 2023, ...place });
        const p = reportPage({ report: b, cells: [], checks: [], summary, agencyReports: [b, a] });
        expect(p.history).toEqual([]);
        expect(p.namesakes.map((r) => r.report_id)).toEqual(['000000000000000a']);
        expect(p.namesakeNote).toContain('同名机关，地区不明，未必为同一机关');
        expect(p.namesakeNote).toContain('本报告的地区未能确定或有重名');
      });
    }
    it('a placed report compares only with the placed ones; a namesake of unknown place is listed apart', () => {
      const a = report({ report_id: '000000000000000a', year: 2022, ...PLACE });
      const b = report({ report_id: '000000000000000b', year: 2023, ...PLACE });
      const c = report({ report_id: '000000000000000c', year: 2024, ...PLACE, region_basis: 'ambiguous' });
      const p = reportPage({ report: b, cells: [], checks: [], summary, agencyReports: [a, b, c] });
      expect(p.history.map((h) => [h.report.year, h.prev?.requests_new ?? null])).toEqual([
        [2022, null],
        [2023, 3],
      ]);
      expect(p.namesakes.map((r) => r.year)).toEqual([2024]);
      expect(p.namesakeNote).toContain('以下报告的发布机关与本报告同名，但其地区未能确定或有重名');
      // From the namesake's own page: nothing is compared.
      const q = reportPage({ report: c, cells: [], checks: [], summary, agencyReports: [a, b, c] });
      expect(q.history).toEqual([]);
      expect(q.namesakes.map((r) => r.year)).toEqual([2022, 2023]);
    });
    it('a report and its copy (the same text) are one report whatever the place: no note', () => {
      const a = report({ report_id: '000000000000000a', year: 2022 });
      const b = report({ report_id: '000000000000000b', year: 2022, duplicate_of: a.report_id });
      const p = reportPage({ report: b, cells: [], checks: [], summary, agencyReports: [a, b] });
      expect(p.namesakes).toEqual([]);
      expect(p.namesakeNote).toBeNull();
      // No other year: a report and its copy alone make no "other years" table (t80 B4).
      expect(p.history).toEqual([]);
    });
  });
});

describe('requests layout of the cells', () => {
  it('2019 by （六）其他处理', () => expect(requestsLayoutOfCells([cell('other')])).toBe('2019'));
  it('2021 by its （六） rows', () => expect(requestsLayoutOfCells([cell('other_misc')])).toBe('2021'));
  it('unknown: null, and the form shows only the rows both layouts share', () => {
    expect(requestsLayoutOfCells([cell('granted')])).toBe(null);
    const keys = requestsForm(null).body.map((b) => b.keys[0]!.split('.')[1]);
    expect(keys).not.toContain('other');
    expect(keys).not.toContain('other_misc');
    expect(keys).toContain('granted');
  });
});

describe('fileLabel', () => {
  it('a UTF-8 name is shown as it is', () => expect(fileLabel('a/报告.txt')).toBe('a/报告.txt'));
  it('an escaped GBK name is shown decoded', () =>
    expect(fileLabel('v01_\\xB9\\xFA\\xB1\\xEA.txt')).toBe('v01_国标.txt'));
  it('bytes that are not GBK either stay escaped', () => expect(fileLabel('x\\xFF.txt')).toBe('x\\xFF.txt'));
});

describe('layoutForm: the row-label columns of a form (sticky on a phone)', () => {
  it('section 三: three label columns; group labels span rows; the head cell above them is stub', () => {
    const t = requestsForm('2021');
    const p = layoutForm(t);
    expect(p.stubColumns).toBe(3);
    // The wide header cell above the labels is stub and reaches the edge; the others span value columns.
    expect(p.head[0]!.map((c) => [c.stub, c.edge, c.spanning])).toEqual([
      [true, true, false],
      [false, false, true],
    ]);
    expect(p.head[1]!.map((c) => c.spanning)).toEqual([false, true, false]);
    // Every body row ends with a label at the stub's edge; every label is stub.
    for (const row of p.body) {
      expect(row.every((c) => c.stub)).toBe(true);
      expect(row.at(-1)!.edge).toBe(true);
    }
    const groups = t.body.flatMap((r, i) => r.labels.filter((_, j) => p.body[i]![j]!.group).map((l) => l.text));
    expect(groups).toEqual([
      '三、本年度办理结果',
      '（三）不予公开',
      '（四）无法提供',
      '（五）不予处理',
      '（六）其他处理',
    ]);
    // A row under a group label spanning rows: only its own label, in the last column.
    const secret = t.body.findIndex((r) => r.keys[0]!.startsWith('requests.withheld_prohibited.'));
    expect(p.body[secret]!).toEqual([{ stub: true, edge: true, group: false, spanning: false }]);
  });
  it('section 二: one label column', () => {
    const p = layoutForm(activeForm('2019')[0]!);
    expect(p.stubColumns).toBe(1);
    expect(p.head[0]!.map((c) => c.stub)).toEqual([true, false, false, false]);
  });
  it('section 四 has no row labels: nothing is stub, and its group headers span value columns', () => {
    const t = reviewForm();
    const p = layoutForm(t);
    expect(p.stubColumns).toBe(0);
    expect(p.head.flat().some((c) => c.stub)).toBe(false);
    expect(
      t.head
        .flat()
        .filter((_, i) => p.head.flat()[i]!.spanning)
        .map((h) => h.text),
    ).toEqual(['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉']);
  });
});

describe('digitPieces: a source line never wraps inside a number', () => {
  const runs = (s: string) =>
    digitPieces(s)
      .filter((p) => p.digits)
      .map((p) => p.text);
  it('marks runs of ASCII and full-width digits with their separators; the pieces give the text back', () => {
    const line = '本年收到申请1,234件，办结１２３件，占比12.5%，第1项';
    expect(runs(line)).toEqual(['1,234', '１２３', '12.5']);
    expect(
      digitPieces(line)
        .map((p) => p.text)
        .join(''),
    ).toBe(line);
  });
  it('a single digit needs no mark; a glued run longer than a line is left to wrap', () => {
    expect(runs('第1项')).toEqual([]);
    expect(runs('1'.repeat(21))).toEqual([]);
    expect(runs('1'.repeat(20))).toEqual(['1'.repeat(20)]);
  });
  it('a separator not between digits is not part of the run', () => expect(runs('共12，其中3.')).toEqual(['12']));
});

describe('pageMarks: a mark before the first line of each PDF page', () => {
  it('marks nothing for no lines or a text file', () => {
    expect(pageMarks([])).toEqual([]);
    expect(pageMarks([null, null])).toEqual([null, null]);
  });
  it('marks the first line of one page', () => {
    expect(pageMarks([1])).toEqual([1]);
  });
  it('marks each page change, also after a line without a page', () => {
    expect(pageMarks([1, 1, 2, 2, null, 2, 3])).toEqual([1, null, 2, null, null, 2, 3]);
  });
});

describe('legacyTarget: old addresses of the report files', () => {
  const id = '0123456789abcdef';
  it('sends the source view to the report page (its #L anchors are the same)', () => {
    expect(legacyTarget(`/reports/${id}/source/`, '/')).toBe(`/reports/${id}/`);
    expect(legacyTarget(`/reports/${id}/source`, '/')).toBe(`/reports/${id}/`);
    expect(legacyTarget(`/reports/${id}/source/index.html`, '/')).toBe(`/reports/${id}/`);
  });
  it('sends the per-report CSV to the JSON', () => {
    expect(legacyTarget(`/reports/${id}.csv`, '/')).toBe(`/reports/${id}.json`);
  });
  it('keeps the base path, and leaves other addresses alone', () => {
    expect(legacyTarget(`/nianbao/reports/${id}/source/`, '/nianbao/')).toBe(`/nianbao/reports/${id}/`);
    expect(legacyTarget(`/reports/${id}/source/`, '/nianbao/')).toBeNull();
    expect(legacyTarget(`/reports/${id}/`, '/')).toBeNull();
    expect(legacyTarget(`/reports/${id}.json`, '/')).toBeNull();
    expect(legacyTarget('/reports/not-an-id/source/', '/')).toBeNull();
    expect(legacyTarget('/no/such/page/', '/')).toBeNull();
  });
  it('writes the same rules for _redirects, a few lines whatever the number of reports', () => {
    const rules = redirectsFile('/nianbao/')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(' '));
    expect(rules).toContainEqual(['/nianbao/reports/:id/source/', '/nianbao/reports/:id/', '301']);
    expect(rules).toContainEqual(['/nianbao/reports/:id.csv', '/nianbao/reports/:id.json', '301']);
    for (const [from, to] of rules)
      expect(legacyTarget(from!.replace(':id', id), '/nianbao/')).toBe(to!.replace(':id', id));
  });
});

describe('data files now in parts, or not published', () => {
  const single = {
    tables: Object.fromEntries(
      ['reports', 'cells', 'checks', 'sections', 'summary'].map((t) => [
        t,
        { parquet: [`${t}.parquet`], csv: [`${t}.csv`] },
      ]),
    ) as Layout['tables'],
    duckdb: 'nianbao.duckdb',
  };
  const split = {
    tables: {
      ...single.tables,
      cells: { parquet: ['cells.parquet'], csv: ['cells/cells-00001.csv', 'cells/cells-00002.csv'] },
    },
    duckdb: null,
  };
  it('the 404 page sends a missing dataset file to its section of the data page', () => {
    expect(legacyTarget('/data/cells.csv', '/')).toBe('/data/#cells');
    expect(legacyTarget('/nianbao/data/summary.parquet', '/nianbao/')).toBe('/nianbao/data/#summary');
    expect(legacyTarget('/data/nianbao.duckdb', '/')).toBe('/data/#duckdb');
    // A part that is gone (a plain CSV part of a table now gzip-compressed; a part past the last).
    expect(legacyTarget('/data/cells/cells-00001.csv', '/')).toBe('/data/#cells');
    expect(legacyTarget('/nianbao/data/checks/checks-00012.csv.gz', '/nianbao/')).toBe('/nianbao/data/#checks');
    expect(legacyTarget('/data/cells/cells-00003.parquet', '/')).toBe('/data/#cells');
    expect(legacyTarget('/data/cells/reports-00001.csv', '/')).toBeNull();
    expect(legacyTarget('/data/cells/cells-1.csv', '/')).toBeNull();
  });
  it('a table gzip-compressed: its old plain CSV parts go to its section, by one placeholder rule after the static ones', () => {
    const gz = {
      tables: {
        ...single.tables,
        cells: { parquet: ['cells.parquet'], csv: ['cells/cells-00001.csv.gz', 'cells/cells-00002.csv.gz'] },
        checks: { parquet: ['checks.parquet'], csv: ['checks.csv.gz'] },
      },
      duckdb: 'nianbao.duckdb',
    };
    const moved = movedDataFiles(gz, '/');
    expect(moved).toEqual([
      ['/data/cells.csv', '/data/#cells'],
      ['/data/checks.csv', '/data/#checks'],
      ['/data/cells/:part.csv', '/data/#cells'],
      ['/data/checks/:part.csv', '/data/#checks'],
    ]);
    // Never a rule over a file that exists: the .csv.gz files, and summary.csv.
    for (const [from] of moved) expect(from.endsWith('.gz')).toBe(false);
    for (const [from, to] of moved)
      expect(legacyTarget(from.replace(/(\w+)\/:part/, '$1/$1-00002'), '/'), from).toBe(to);
    const file = redirectsFile('/', moved);
    expect(file.indexOf('/data/checks.csv ')).toBeLessThan(file.indexOf('/data/cells/:part.csv'));
    expect(file).toContain('/data/cells/:part.csv /data/#cells 302\n');
  });
  it('_redirects names only the files the layout no longer has (a rule would shadow a file that exists)', () => {
    expect(movedDataFiles(single, '/')).toEqual([]);
    expect(movedDataFiles(split, '/nianbao/')).toEqual([
      ['/nianbao/data/cells.csv', '/nianbao/data/#cells'],
      ['/nianbao/data/nianbao.duckdb', '/nianbao/data/#duckdb'],
    ]);
    const file = redirectsFile('/nianbao/', movedDataFiles(split, '/nianbao/'));
    expect(file).toContain('/nianbao/data/cells.csv /nianbao/data/#cells 302\n');
    // Static rules before placeholder rules (Cloudflare Pages).
    expect(file.indexOf('/data/cells.csv')).toBeLessThan(file.indexOf(':id'));
    for (const [from, to] of movedDataFiles(split, '/nianbao/')) expect(legacyTarget(from, '/nianbao/')).toBe(to);
  });
  it('the examples read every part of a table, and download them with their paths', () => {
    const parts = {
      ...split.tables,
      reports: { parquet: ['reports/reports-00001.parquet', 'reports/reports-00002.parquet'], csv: ['reports.csv'] },
    };
    const ex = examples('https://x.org/data/', { tables: parts, sql: 'nianbao.sql' });
    const code = (id: string) => ex.find((e) => e.id === id)!.code;
    expect(code('duckdb')).toContain(
      'curl --create-dirs -o "reports/reports-#1.parquet" "https://x.org/data/reports/reports-[00001-00002].parquet"',
    );
    expect(code('duckdb')).toContain("JOIN 'reports/reports-*.parquet' AS r");
    expect(code('duckdb')).toContain("FROM 'summary.parquet' AS s");
    expect(code('duckdb-http')).toContain("read_parquet([\n  'https://x.org/data/reports/reports-00001.parquet',");
    expect(code('duckdb-views')).toContain("SET VARIABLE nianbao_base = 'https://x.org/data/';");
    expect(code('python')).toContain('pd.concat([pd.read_parquet(u) for u in [');
    expect(code('r')).toContain('read_csv("https://x.org/data/reports.csv"');
  });
  it('curl and the join command take .csv.gz parts', () => {
    const files = ['cells/cells-00001.csv.gz', 'cells/cells-00002.csv.gz', 'cells/cells-00003.csv.gz'];
    expect(curl('https://x.org/data/', files)).toBe(
      'curl --create-dirs -o "cells/cells-#1.csv.gz" "https://x.org/data/cells/cells-[00001-00003].csv.gz"',
    );
    expect(curl('https://x.org/data/', ['checks.csv.gz'])).toBe('curl -O https://x.org/data/checks.csv.gz');
    expect(joinGzParts('cells', files)).toBe(
      '(gzip -dc cells/cells-00001.csv.gz; for f in $(ls cells/cells-*.csv.gz | tail -n +2); do gzip -dc "$f" | tail -n +2; done) > cells.csv',
    );
    expect(joinGzParts('checks', ['checks.csv.gz'])).toBe('gzip -dc checks.csv.gz > checks.csv');
    const ex = examples('https://x.org/data/', {
      tables: { ...split.tables, summary: { parquet: ['summary.parquet'], csv: ['summary.csv.gz'] } },
      sql: 'nianbao.sql',
    });
    expect(ex.find((e) => e.id === 'python')!.code).toContain('pd.read_csv("https://x.org/data/summary.csv.gz"');
  });
  it('nianbao.sql makes one view per table over its Parquet files, relative to nianbao_base', () => {
    const sql = viewsSql({
      ...split,
      tables: {
        ...split.tables,
        cells: { parquet: ['cells/cells-00001.parquet', 'cells/cells-00002.parquet'], csv: [] },
      },
      sql: 'nianbao.sql',
      manifest: 'manifest.json',
      manifestEntries: [],
    });
    expect(sql.match(/CREATE OR REPLACE VIEW/g)).toHaveLength(5);
    expect(sql).toContain("coalesce(getvariable('nianbao_base'), '') || 'cells/cells-00002.parquet'");
  });
});

describe('fileKind and filesPerReport: the hosting budget', () => {
  const id = '0123456789abcdef';
  it('tells the per-report files, search files and directory pages apart', () => {
    expect(fileKind(`reports/${id}/index.html`)).toBe('report page');
    expect(fileKind(`reports/${id}.json`)).toBe('report JSON');
    expect(fileKind(`reports/${id}/original.pdf`)).toBe('original PDF');
    expect(fileKind('pagefind/s01/nb/r/12.nbg')).toBe('search records');
    expect(fileKind('pagefind/s01/nb/g/12.nbg')).toBe('search index');
    expect(fileKind('pagefind/nb/g/3.nbg')).toBe('search index');
    expect(fileKind('pagefind/shards.json')).toBe('search index');
    expect(fileKind('agencies/abc/index.html')).toBe('directory page');
    expect(fileKind('regions/320000/index.html')).toBe('directory page');
    expect(fileKind('reports/page/2/index.html')).toBe('directory page');
    expect(fileKind('reports/index.json')).toBe('other');
    expect(fileKind(`reports/${id}/source/index.html`)).toBe('other');
    expect(fileKind('_redirects')).toBe('other');
  });
  it('counts per report, also for none', () => {
    expect(filesPerReport([], 0).line).toBe('— per report: ');
    const { counts, line } = filesPerReport(
      [`reports/${id}/index.html`, `reports/${id}.json`, 'pagefind/s01/nb/r/0.nbg', 'index.html'],
      1,
    );
    expect(counts['report page']).toBe(1);
    expect(line).toBe('4.00 per report: report page 1.00, report JSON 1.00, search records 1.00, other 1.00');
    expect(filesPerReport([`reports/${id}/index.html`, 'a', 'b'], 2).line).toBe(
      '1.50 per report: report page 0.50, other 1.00',
    );
  });
});

describe('oversized: files a static host will not take', () => {
  it('lists none, one, or several, largest first', () => {
    expect(oversized([])).toEqual([]);
    expect(oversized([{ path: 'a', bytes: 25 * 1024 * 1024 }])).toEqual([]);
    expect(
      oversized([
        { path: 'a', bytes: 26 * 1024 * 1024 },
        { path: 'b', bytes: 1 },
        { path: 'c', bytes: 30 * 1024 * 1024 },
      ]),
    ).toEqual(['c (30.0 MB)', 'a (26.0 MB)']);
  });
});

describe('yearPoints', () => {
  const t = (requests: number | null, granted: number | null) => {
    const total = (v: number | null) => ({ sum: v ?? 0, known: v === null ? 0 : 1, of: 1 });
    return { requests_new: total(requests), granted: total(granted) } as Parameters<typeof yearPoints>[0][0]['t'];
  };
  it('gives no point for a year where no report has the figure (a sum of nothing is not 0)', () => {
    const points = yearPoints(
      [
        { y: 2018, t: t(null, null) },
        { y: 2020, t: t(5, null) },
        { y: 2021, t: t(0, 2) },
      ],
      [
        ['requests_new', '本年新收申请'],
        ['granted', '予以公开'],
      ],
    );
    expect(points).toEqual([
      { year: 2020, value: 5, series: '本年新收申请' },
      { year: 2021, value: 0, series: '本年新收申请' },
      { year: 2021, value: 2, series: '予以公开' },
    ]);
  });
  it('ranks the latest year holding at least half the reports of the fullest, and names the later ones (t123)', () => {
    const r = (id: string, year: number, copy = false) =>
      ({ report_id: id, year, duplicate_of: copy ? 'x' : null }) as unknown as ReportRow;
    const years = (list: ReportRow[]) => new Map([...Map.groupBy(list, (x) => x.year)]);
    const many = Array.from({ length: 20 }, (_, i) => r(`a${i}`, 2023));
    const one = rankingYear(years([...many, r('b', 2024), r('c', 2024, true), r('d', 2024, true)]));
    expect(one).toEqual({ year: 2023, later: [{ year: 2024, reports: 1 }] });
    expect(laterYearsNote(one.later, one.year)).toBe(
      '2024 年度只收录了 1 份报告，不到收录最多的年度的一半，排名按 2023 年度。',
    );
    const half = Array.from({ length: 10 }, (_, i) => r(`h${i}`, 2024));
    expect(rankingYear(years([...many, ...half]))).toEqual({ year: 2024, later: [] });
    expect(laterYearsNote([], 2024)).toBeNull();
    expect(rankingYear(new Map())).toEqual({ year: null, later: [] });
  });
  it('the overview draws no 0 for years without the figure', () => {
    const report = (id: string, year: number) => ({ report_id: id, year, duplicate_of: null }) as unknown as ReportRow;
    const summary = new Map([['b', { requests_new: 3, granted: null, review_total: null } as unknown as SummaryRow]]);
    const o = overview([report('a', 2017), report('b', 2020)], summary);
    expect(o.points).toEqual([{ year: 2020, value: 3, series: '本年新收申请' }]);
  });
});

describe('totals: one agency-year with several different reports', () => {
  // 淮安市人民政府 2024 (a fresh tester's): two conversions of one report, read differently, so
  // not copies; the PDF is a copy of one of them.
  // The ingest finds them (same_agency_year, test/canonical.test.ts); the pages follow it.
  const a = report({ report_id: 'a', agency: '淮安市人民政府', ...PLACE, year: 2024, same_agency_year: 1 });
  const b = report({ report_id: 'b', agency: '淮安市人民政府', ...PLACE, year: 2024, same_agency_year: 1 });
  const pdf = report({ report_id: 'p', agency: '淮安市人民政府', ...PLACE, year: 2024, duplicate_of: 'a' });
  const other = report({ report_id: 'o', agency: '淮安市教育局', ...PLACE, year: 2024 });
  const lastYear = report({ report_id: 'l', agency: '淮安市人民政府', ...PLACE, year: 2023 });
  const s = (requests_new: number | null) => ({ requests_new }) as unknown as SummaryRow;
  const summary = new Map([
    ['a', s(3119)],
    ['b', s(3119)],
    ['p', s(3119)],
    ['o', s(10)],
    ['l', s(7)],
  ]);

  it('adds none of them, nor counts them among the reports it is of: the page says them apart', () => {
    expect([...undecided([a, b, pdf, other, lastYear])].sort()).toEqual(['a', 'b']);
    const t = totals([a, b, pdf, other, lastYear], summary).requests_new;
    // A tester's region page: 1/3 份报告有此数 and the footnote 部分报告缺少该数字 over a total
    // whose every report had the number; the other two were the agency-year's different reports.
    expect(t).toEqual({ sum: 17, known: 2, of: 2 });
    expect(tally([a, b, pdf, other, lastYear])).toEqual({
      reports: 4,
      copies: 1,
      undecided: 2,
      inTotals: 2,
      undated: 0,
      disputed: 0,
    });
    expect(decided([a, b, pdf, other, lastYear]).map((r) => r.report_id)).toEqual(['o', 'l']);
  });

  it('a page that shows only some of the agency-year still leaves its report out', () => {
    expect([...undecided([a, other])]).toEqual(['a']);
    expect(totals([a, other], summary).requests_new).toEqual({ sum: 10, known: 1, of: 1 });
  });

  it('a copy is never undecided: one report and its copies are one report', () => {
    expect(undecided([{ ...a, same_agency_year: 0 }, pdf]).size).toBe(0);
    expect(undecided([{ ...pdf, same_agency_year: 1 }]).size).toBe(0);
    expect(totals([{ ...a, same_agency_year: 0 }, pdf], summary).requests_new).toEqual({ sum: 3119, known: 1, of: 1 });
    expect(tally([{ ...a, same_agency_year: 0 }, pdf])).toEqual({
      reports: 1,
      copies: 1,
      undecided: 0,
      inTotals: 1,
      undated: 0,
      disputed: 0,
    });
    // A report of no known year is in the totals of no year: counted apart, and said so.
    expect(
      tally([
        { ...a, same_agency_year: 0 },
        { ...lastYear, year: null },
      ]),
    ).toMatchObject({ inTotals: 2, undated: 1 });
    expect(undatedNote(1)).toBe('另有 1 份报告年度不明，不在任何年度的合计中');
    expect(undatedNote(0)).toBe('');
  });

  it('a report that lacks the figure still counts in `of`: known < of only when a report added lacks it', () => {
    const blank = report({ report_id: 'n', agency: '淮安市公安局', ...PLACE, year: 2024 });
    const t = totals([a, b, other, blank], new Map([...summary, ['n', s(null)]])).requests_new;
    expect(t).toEqual({ sum: 10, known: 1, of: 2 });
  });

  it('a part (其中自然人) adds only the reports that have its whole: never more than the whole (a fresh tester)', () => {
    const t = (requests_new: number | null, natural: number | null) =>
      ({ requests_new, requests_new_natural_person: natural }) as unknown as SummaryRow;
    const blank = report({ report_id: 'n', agency: '淮安市公安局', ...PLACE, year: 2024 });
    const parts = totals(
      [other, blank],
      new Map([
        ['o', t(24, 20)],
        ['n', t(null, 10)],
      ]),
    );
    expect(parts.requests_new).toEqual({ sum: 24, known: 1, of: 2 });
    expect(parts.requests_new_natural_person).toEqual({ sum: 20, known: 1, of: 2 });
  });

  it('every page over them says how many were left out and why (undecidedNote), and nothing when none', () => {
    expect(undecidedNote(2)).toBe(
      '另有 2 份报告未计入合计：同一机关同一年度有两份以上不同的报告（或地区未能确定的同名机关同一年度有两份以上报告），无法判断哪份正确，或已由本机关同年注明为更正版的报告取代',
    );
    expect(undecidedNote(12345)).toContain('另有 12,345 份报告未计入合计');
    expect(undecidedNote(0)).toBe('');
  });

  it('a ranking cut at its tenth says how many past it share its value (t70: 西藏自治区 19 left out beside 云南省 19)', () => {
    const values = [30, 28, 25, 24, 22, 21, 20, 20, 19, 19, 19, 17];
    expect(tiedPast(values, 10)).toBe(1);
    expect(tiedPast(values.slice(0, 11), 9)).toBe(2);
    expect(tiedPast([5, 4, 3], 10)).toBe(0);
    expect(tiedPast([5, 4, 3, 2], 3)).toBe(0);
    const regions = values
      .slice(0, 10)
      .map((sum, i) => ({ code: String(i), name: String(i), t: { sum, known: 1, of: 1 } }));
    expect(tiedNote({ tied: { agencies: 0, regions: 1 }, topAgencies: [], topRegions: regions })).toBe(
      '另有 1 个省级地区的合计与地区排名第 10 位并列（同为 19），未列出。',
    );
    expect(tiedNote({ tied: { agencies: 0, regions: 0 }, topAgencies: [], topRegions: regions })).toBe('');
  });

  it("the pages' tables: a year's row, the year page, the overview, a region, a kind, shares and rates", () => {
    const all = [a, b, pdf, other, lastYear];
    const full = (requests_new: number) =>
      ({
        requests_new,
        granted: 1,
        partly_granted: 0,
        withheld: 0,
        unable: 0,
        declined: 0,
        other: 0,
        review_total: 2,
        review_corrected: 1,
      }) as unknown as SummaryRow;
    const sums = new Map([...summary].map(([id, x]) => [id, full(x.requests_new!)]));
    // A year's row: the reports it is over are those it adds (o), with the two left out said apart.
    const [row2023, row2024] = yearRows(all, sums);
    expect(row2024!.n).toEqual({ reports: 3, copies: 1, undecided: 2, inTotals: 1, undated: 0, disputed: 0 });
    expect(row2024!.t.requests_new).toEqual({ sum: 10, known: 1, of: 1 });
    expect(row2023!.n.inTotals).toBe(row2023!.t.requests_new.of);
    const page = yearPage(
      all.filter((r) => r.year === 2024),
      sums,
    );
    expect(page.count.undecided).toBe(2);
    expect(page.totals.granted).toEqual({ sum: 1, known: 1, of: 1 });
    const o = overview(all, sums);
    expect(o.undecided).toBe(2);
    expect(o.rows.map(({ y, n, t }) => [y, n.inTotals, t.requests_new.known, t.requests_new.of])).toEqual([
      [2023, 1, 1, 1],
      [2024, 1, 1, 1],
    ]);
    // The overview's 省级地区 (江苏省 2024): 10 from the one report added, 1/1 (a tester saw 17/19).
    expect(o.topRegions.map((x) => [x.code, x.t])).toEqual([['320000', { sum: 10, known: 1, of: 1 }]]);
    // What the rankings leave out is said (a fresh tester: places and agencies missing, no word why).
    expect(o.unranked).toEqual({ reports: 0, regions: 0, unplaced: { reports: 0, sum: 0 } });
    const blank = report({
      report_id: 'z',
      agency: '杭州市教育局',
      province: '浙江省',
      region_code: '330100',
      year: 2024,
    });
    expect(
      overview([...all, blank], new Map([...sums, ['z', { requests_new: null } as unknown as SummaryRow]])).unranked,
    ).toEqual({
      reports: 1,
      regions: 1,
      unplaced: { reports: 0, sum: 0 },
    });
    // A report of no known province: said under the ranking with the requests it holds (t107).
    const nowhere = report({ report_id: 'n', agency: '某局', province: null, region_code: null, year: 2024 });
    expect(
      overview([...all, nowhere], new Map([...sums, ['n', { requests_new: 418 } as unknown as SummaryRow]])).unranked
        .unplaced,
    ).toEqual({ reports: 1, sum: 418 });
    const region = regionPages(all).find((p) => p.code === '320211')!;
    expect(region.count).toEqual({ reports: 4, copies: 1, undecided: 2, inTotals: 2, undated: 0, disputed: 0 });
    expect(kindPage(all, sums).count.undecided).toBe(2);
    // 计入的报告 of rates and 共 N 份 of breakdowns (a tester saw 17/19 on the home page).
    expect(rate(all, sums, 'review_corrected', 'review_total')).toMatchObject({ reports: 2, of: 2 });
    expect(breakdown(all, sums, OUTCOMES)).toMatchObject({ reports: 2, of: 2 });
  });
});

describe('the quality page lists the agency-years with different reports (agencyYearConflicts)', () => {
  // The reports no total adds (same_agency_year > 0): a fresh tester found them on no list.
  const r = (id: string, over: Partial<ReportRow>) =>
    report({ report_id: id, source_file: `${id}.txt`, ...PLACE, same_agency_year: 1, ...over });
  const a = r('a', { agency: '淮安市人民政府', year: 2024, source_file: 'z/更正.txt' });
  const b = r('b', { agency: '淮安市人民政府', year: 2024, source_file: 'a/原文.txt' });
  const copy = r('p', { agency: '淮安市人民政府', year: 2024, duplicate_of: 'a', same_agency_year: 0 });
  const alone = r('o', { agency: '淮安市人民政府', year: 2023, same_agency_year: 0 });
  // The same name elsewhere is another agency: its own group.
  const elsewhere = [
    r('e1', { agency: '淮安市人民政府', year: 2024, region_code: '320800' }),
    r('e2', { agency: '淮安市人民政府', year: 2024, region_code: '320800' }),
  ];
  const older = [0, 1, 2].map((i) => r(`x${i}`, { agency: '安庆市教育局', year: 2021, same_agency_year: 2 }));

  it('groups them by agency (name and place) and year, newest year first; copies and single reports are not listed', () => {
    const list = agencyYearConflicts([alone, older[0]!, a, copy, ...elsewhere, b, older[1]!, older[2]!], 200);
    expect(list).toMatchObject({ reports: 7, groups: 3, shownReports: 7 });
    expect(list.shown.map((g) => [g.agency, g.year, g.count, g.reports.map((x) => x.report_id)])).toEqual([
      ['淮安市人民政府', 2024, 2, ['b', 'a']],
      ['淮安市人民政府', 2024, 2, ['e1', 'e2']],
      ['安庆市教育局', 2021, 3, ['x0', 'x1', 'x2']],
    ]);
    expect(list.shown[0]!.agencyKey).toBe(agencyKey(a));
    expect(list.shown[1]!.agencyKey).not.toBe(agencyKey(a));
  });

  it('lists at most `max` reports, in whole groups; a first group larger than that is cut', () => {
    const all = [a, b, ...elsewhere, ...older];
    expect(agencyYearConflicts(all, 5)).toMatchObject({ reports: 7, groups: 3, shownReports: 4 });
    expect(agencyYearConflicts(all, 5).shown).toHaveLength(2);
    const cut = agencyYearConflicts(older, 2);
    expect(cut).toMatchObject({ reports: 3, groups: 1, shownReports: 2 });
    expect(cut.shown.map((g) => [g.count, g.reports.length])).toEqual([[3, 2]]);
  });

  it('is empty when every agency-year has one report', () => {
    expect(agencyYearConflicts([alone, copy], 200)).toEqual({
      reports: 0,
      superseded: 0,
      supersededShown: [],
      groups: 0,
      shown: [],
      shownReports: 0,
    });
  });

  it("an agency's list tells its different reports of one year apart: the file and how many others (conflictMark)", () => {
    // A fresh tester's: the agency page showed two rows 2024（同年另有不同报告，不计入合计）, alike but for the link.
    expect(conflictMark(a)).toEqual({ file: 'z/更正.txt', note: '同年另有 1 份不同报告，不计入合计' });
    expect(conflictMark(b)).toEqual({ file: 'a/原文.txt', note: '同年另有 1 份不同报告，不计入合计' });
    expect(conflictMark(older[0]!)!.note).toBe('同年另有 2 份不同报告，不计入合计');
    // A long name keeps its end, as in search results; a name escaped in the datasets is shown decoded.
    const long = `${'很长的文件夹/'.repeat(20)}报告（更正）.pdf`;
    expect(conflictMark({ ...a, source_file: long })!.file).toBe(shortFile(long));
    expect(conflictMark({ ...a, source_file: '\\xB9\\xFA.txt' })!.file).toBe('国.txt');
    // A copy (its original decides) and a report alone in its year carry nothing.
    expect(conflictMark(copy)).toBeNull();
    expect(conflictMark(alone)).toBeNull();
  });
});

describe('rate', () => {
  const r1 = report({ report_id: 'r1' });
  const r2 = report({ report_id: 'r2' });
  const s = (review_corrected: number | null, review_total: number | null) =>
    ({ review_corrected, review_total }) as unknown as SummaryRow;

  it('has no sums, not 0, when no report has both figures (a fresh tester saw 行政复议 0 0 — 0/251)', () => {
    const r = rate([r1, r2], new Map([['r1', s(null, 4)]]), 'review_corrected', 'review_total');
    expect(r).toEqual({ numerator: null, denominator: null, rate: null, reports: 0, of: 2 });
  });

  it('sums the reports that have both, and a true 0 stays 0', () => {
    const summary = new Map([
      ['r1', s(1, 4)],
      ['r2', s(0, 0)],
    ]);
    expect(rate([r1, r2], summary, 'review_corrected', 'review_total')).toEqual({
      numerator: 1,
      denominator: 4,
      rate: 0.25,
      reports: 2,
      of: 2,
    });
  });
});

describe('counts of reports: a copy is not another report, on every page alike', () => {
  // A fresh tester's: the year page said "2023 年度报告（6 份）" over tables of 4 reports — two of
  // the six were copies (duplicate_of) of two others, which the totals rightly left out.
  const place = { region_code: '321200', region_basis: 'gazetteer', province: '江苏省', city: '泰州市' } as const;
  const a = report({ report_id: 'a', agency: '泰州市人民政府', agency_kind: '人民政府', ...place });
  const copyOfA = report({ ...a, report_id: 'a2', source_file: 'a-gbk.txt', duplicate_of: 'a' });
  const b = report({ report_id: 'b', agency: '泰州市教育局', ...place });
  const copyOfB = report({ ...b, report_id: 'b2', source_file: 'b-crlf.txt', duplicate_of: 'b' });
  const c = report({ report_id: 'c', agency: '泰州市公安局', ...place, year: 2022 });
  const all = [a, copyOfA, b, copyOfB, c];
  const s = (requests_new: number) => ({ requests_new }) as unknown as SummaryRow;
  const summary = new Map([
    ['a', s(10)],
    ['a2', s(10)],
    ['b', s(5)],
    ['b2', s(5)],
    ['c', s(1)],
  ]);
  const of2023 = all.filter((r) => r.year === 2023);

  it('the year page: its count is the number its totals are of, the copies said apart', () => {
    const page = yearPage(of2023, summary);
    expect(page.count).toEqual({ reports: 2, copies: 2, undecided: 0, inTotals: 2, undated: 0, disputed: 0 });
    expect(page.totals.requests_new).toEqual({ sum: 15, known: 2, of: 2 });
    expect(page.top.map((x) => x.r.report_id)).toEqual(['a', 'b']);
    expect(copiesNote(page.count)).toBe('另有 2 份为同一报告的副本，不重复计数');
    expect(copiesNote(yearPage([c], summary).count)).toBe('');
  });

  it("the year page's ranking leaves out 0 and never cuts inside a tie (a fresh tester's t91)", () => {
    const rs = ['a', 'b', 'c', 'd', 'e'].map((id) => report({ report_id: id, agency: `机关${id}`, ...place }));
    const counts = new Map([
      ['a', s(9)],
      ['b', s(3)],
      ['c', s(3)],
      ['d', s(3)],
      ['e', s(0)],
    ]);
    const page = yearPage(rs, counts, 2);
    expect(page.top.map((x) => x.r.report_id)).toEqual(['a']);
    expect(page.tied).toEqual({ v: 3, n: 3 });
    const wide = yearPage(rs, counts, 4);
    expect(wide.top.map((x) => x.r.report_id)).toEqual(['a', 'b', 'c', 'd']);
    expect(wide.tied).toBeNull();
  });

  it('the home page: reports per year', () => {
    expect(overview(all, summary).rows.map(({ y, n, t }) => [y, n.reports, t.requests_new.of])).toEqual([
      [2022, 1, 1],
      [2023, 2, 2],
    ]);
  });

  it('a region page: its own count, per year, and its children', () => {
    const city = regionPages(all).find((p) => p.code === '321200')!;
    expect(city.count).toEqual({ reports: 3, copies: 2, undecided: 0, inTotals: 3, undated: 0, disputed: 0 });
    const province = regionPages(all).find((p) => p.code === '320000')!;
    expect(province.children.map((ch) => [ch.code, ch.count.reports])).toEqual([['321200', 3]]);
    expect(yearRows(city.reports, summary).map(({ y, n }) => [y, n.reports])).toEqual([
      [2022, 1],
      [2023, 2],
    ]);
  });

  it('a kind page: its count and rows; its list shows the copies, marked', () => {
    const page = kindPage([a, copyOfA], summary);
    expect(page.count).toEqual({ reports: 1, copies: 1, undecided: 0, inTotals: 1, undated: 0, disputed: 0 });
    expect(page.years.map(({ y, n }) => [y, n.reports])).toEqual([[2023, 1]]);
    expect(page.list.map(({ r, copy }) => [r.report_id, copy])).toEqual([
      ['a', false],
      ['a2', true],
    ]);
  });

  it('the directory indexes (years, kinds, provinces, agencies) agree with the pages they link to', () => {
    expect(yearIndex(all).map((e) => [e.key, e.reports])).toEqual([
      [2023, 2],
      [2022, 1],
    ]);
    expect(kindIndex(all).map((e) => [e.key, e.reports])).toEqual([
      ['部门', 2],
      ['人民政府', 1],
    ]);
    expect(provinceIndex(all)).toEqual([{ code: '320000', name: '江苏省', reports: 3 }]);
    const agencies = agencyDirectory(all).flatMap((p) => p.cities.flatMap((ch) => ch.agencies));
    expect(agencies.find((e) => e.name === '泰州市人民政府')!.reports).toBe(1);
  });

  it('how many reports with tables are consistent: each report once', () => {
    expect(consistency(all)).toEqual({ withTables: 3, consistent: 3 });
  });

  it('a report whose checks did not all run, or partial, is not counted as consistent', () => {
    const some = all.map((r) =>
      r === a ? { ...r, checks_not_assessable: 2 } : r === b ? { ...r, status: 'partial' as const } : r,
    );
    expect(consistency(some)).toEqual({ withTables: 3, consistent: 1 });
    // Nor one with cells that could not be read (a fresh tester: counted as 表格读全).
    expect(consistency(all.map((r) => (r === c ? { ...r, cells_ambiguous: 19 } : r)))).toEqual({
      withTables: 3,
      consistent: 2,
    });
  });

  it('over the reports the totals add: one of an agency-year’s differing reports is no report of it (t80: 433 against 428)', () => {
    const some = all.map((r) => (r === a ? { ...r, same_agency_year: 1 } : r));
    expect(consistency(some)).toEqual({ withTables: 2, consistent: 2 });
    // Nor is a report with nothing to check consistent.
    expect(consistency(all.map((r) => (r === b ? { ...r, checks_passed: 0 } : r)))).toEqual({
      withTables: 3,
      consistent: 2,
    });
  });
});

describe('what a page says where it has no value or no name', () => {
  it('a cell with no row read is not said to be missing from the report (it may be there, unrecognised)', () => {
    const v = cellView(undefined);
    expect(v.kind).toBe('absent');
    expect(v.title).toBe(ABSENT_TITLE);
    expect(v.title).toContain('未能识别');
    expect(v.title).not.toContain('本报告中没有');
  });
  it('a report whose agency was not found is listed by a name, never an empty link', () => {
    expect(agencyName({ agency: null })).toBe('未识别机关');
    expect(agencyName({ agency: '某某局' })).toBe('某某局');
  });
});

describe('form cells: no key or tooltip a page does not need (issue 16, page bytes)', () => {
  const cell = (over: Partial<CellRow>): CellRow => ({
    report_id: '0123456789abcdef',
    table_id: 'active',
    row_key: 'fees',
    col_key: 'amount',
    value: 0,
    raw: '0',
    state: 'number',
    line: 7,
    page: null,
    bbox: null,
    ...over,
  });

  it('a number shown as written (digit grouping aside) has no tooltip; otherwise the tooltip gives the source text', () => {
    expect(cellView(cell({})).title).toBeNull();
    expect(cellView(cell({ value: 8458, raw: '8458' }))).toMatchObject({ text: '8,458', title: null });
    expect(cellView(cell({ value: 8458, raw: '8,458' })).title).toBeNull();
    expect(cellView(cell({ raw: '0万元' })).title).toBe('原文“0万元”');
    expect(cellView(cell({ value: 12, raw: '１２' })).title).toBe('原文“１２”');
    expect(cellView(cell({ value: 12.5, raw: '12.50' })).title).toBe('原文“12.50”');
    // Not a number: always says why.
    expect(cellView(cell({ state: 'blank', value: null, raw: '' })).title).toContain('不等于 0');
    expect(cellView(undefined).title).toBe(ABSENT_TITLE);
  });

  it('a number links to its line only when the source view shows that line whole (cap.ts capLines, hiddenLine)', () => {
    // A fresh tester's: a crawler's one-line dump had its numbers past 2,000 characters of line 1,
    // where the view cut the line, so #L1 landed on text without them.
    const dump = `${'某某局2023年政府信息公开工作年度报告 '.repeat(150)}本年新收政府信息公开申请数量 8458`;
    expect(dump.length).toBeGreaterThan(2_000);
    const view = capLines(['标题', dump, '结束']);
    expect(view).toMatchObject({ total: 3, whole: 3 });
    expect(view.lines[1]).toEqual({ text: dump, cutFrom: null });
    expect(hiddenLine(view, 2)).toBeNull();
    expect(cellView(cell({ value: 8458, raw: '8458', line: 2 }), (l) => hiddenLine(view, l))).toMatchObject({
      line: 2,
      title: null,
    });
    // Past the whole view's budget, the line that crosses it is cut (with its note) and the rest
    // are left out: a number there has no link, and its tooltip says why.
    const cap = { ...CAP, source: 30 };
    const cut = capLines(['a'.repeat(10), 'b'.repeat(40), 'c'], cap);
    expect(cut).toMatchObject({ total: 3, whole: 1 });
    expect(cut.lines.map((l) => [l.text.length, l.cutFrom])).toEqual([
      [10, null],
      [19, 40],
    ]);
    expect(lineNote(19, 40)).toBe('…（此行共 40 字，原文过长，只显示前 19 字）');
    for (const line of [2, 3]) {
      const v = cellView(cell({ value: 12, raw: '１２', line }), (l) => hiddenLine(cut, l));
      expect(v).toMatchObject({ kind: 'number', text: '12', line: null });
      expect(v.title).toBe(`原文“１２”；原文过长，本页的原文（逐行）未完整显示第 ${line} 行，请见原始文件`);
    }
    expect(hiddenLine(cut, 1)).toBeNull();
    // No source file in the build: no line to link to, and nothing said on each cell (the
    // source view says it once); a cell that reads otherwise than shown keeps its raw text.
    expect(cellView(cell({}), (l) => hiddenLine(null, l))).toMatchObject({ line: null, title: null });
    expect(cellView(cell({ value: 12, raw: '１２' }), (l) => hiddenLine(null, l))).toMatchObject({
      line: null,
      title: '原文“１２”',
    });
    // A cut never splits a character outside the Basic Multilingual Plane.
    const astral = capLines(['𠀀'.repeat(20)], { ...CAP, source: 9 });
    expect(astral.lines[0]!.text).toBe('𠀀'.repeat(4));
    expect(astral.whole).toBe(0);
  });

  it('formKeys lists every value cell of the forms shown, in page order; tableOf names each form', () => {
    const forms = reportForms('2021', '2021', new Set(['active', 'requests', 'review']));
    const keys = formKeys(forms);
    expect(keys.length).toBe(new Set(keys).size);
    expect(keys[0]).toBe('active.rules.issued');
    expect(keys.at(-1)).toBe('review.suit_after_review.total');
    expect(forms.active.map(tableOf)).toEqual(forms.active.map(() => 'active'));
    expect(tableOf(forms.requests!)).toBe('requests');
    expect(tableOf(forms.review!)).toBe('review');
    // A section without cells has no form.
    const some = reportForms(null, null, new Set(['requests']));
    expect(some.active).toEqual([]);
    expect(some.review).toBeNull();
    expect(formKeys(some).every((k) => k.startsWith('requests.'))).toBe(true);
  });
});

describe('a total some of whose reports lack the figure (the * and its note)', () => {
  it('is partial when fewer reports have it than it is over; a table with one gets the note', () => {
    expect(isPartial({ sum: 43963, known: 51, of: 57 })).toBe(true);
    expect(isPartial({ sum: 17, known: 2, of: 2 })).toBe(false);
    expect(isPartial({ sum: 0, known: 0, of: 0 })).toBe(false);
    const whole = { t: { requests_new: { sum: 5, known: 2, of: 2 } } };
    expect(anyPartial([whole])).toBe(false);
    expect(anyPartial([whole, { t: { granted: { sum: 1, known: 1, of: 2 } } }])).toBe(true);
    // A home page tester: 自然人 + 法人 above 本年新收 in one row; the note says why that can be.
    expect(PARTIAL_NOTE).toContain('同一行各列所加的报告可能不同');
  });
});

describe('a fresh user’s findings on the site', () => {
  it('a report page’s title names the agency and the year where the report’s own title does not', () => {
    expect(pageTitle({ title: '2020年度政府信息公开工作落实情况', agency: '某某局', year: 2020 })).toBe(
      '某某局 · 2020年度政府信息公开工作落实情况',
    );
    expect(
      pageTitle({ title: '驼峰路街道办事处政府信息公开工作年度报告', agency: '驼峰路街道办事处', year: 2020 }),
    ).toBe('驼峰路街道办事处政府信息公开工作年度报告（2020 年度）');
    expect(pageTitle({ title: '某某局2023年政府信息公开工作年度报告', agency: '某某局', year: 2023 })).toBe(
      '某某局2023年政府信息公开工作年度报告',
    );
    expect(pageTitle({ title: null, agency: null, year: null })).toBe('未知机关年政府信息公开工作年度报告');
  });
  it('the report list page where a year’s reports start', () => {
    const row = (year: number | null, agency: string, id: string) => ({ year, agency, report_id: id }) as ReportRow;
    const rows = [
      ...Array.from({ length: 600 }, (_, i) => row(2023, `甲${String(i).padStart(3, '0')}`, `a${i}`)),
      row(2022, '乙', 'b'),
      row(2021, '丙', 'c'),
    ];
    expect(firstPageOfYear(rows, 2023)).toBe(1);
    expect(firstPageOfYear(rows, 2022)).toBe(2);
    expect(firstPageOfYear(rows, 2019)).toBeNull();
  });
});

describe('reportPage: the place written whole', () => {
  it('joins the trail’s names, so a search for them as one string finds the page (a fresh tester)', () => {
    const r = report({ province: '甘肃省', city: '武威市', county: '凉州区', region_code: '620602' });
    const p = reportPage({ report: r, cells: [], checks: [], summary: new Map(), agencyReports: [r] });
    expect(p.fullPlace).toBe('甘肃省武威市凉州区');
    const one = report({ province: '甘肃省', city: null, county: null, region_code: '620000' });
    expect(
      reportPage({ report: one, cells: [], checks: [], summary: new Map(), agencyReports: [one] }).fullPlace,
    ).toBeNull();
  });
});
describe('reportPage: a placeholder level is no part of the place’s name', () => {
  it('北京市 › 市辖区 › 朝阳区 is 北京市朝阳区', () => {
    const r = report({ province: '北京市', city: '市辖区', county: '朝阳区', region_code: '110105' });
    expect(reportPage({ report: r, cells: [], checks: [], summary: new Map(), agencyReports: [r] }).fullPlace).toBe(
      '北京市朝阳区',
    );
  });
});

describe('the regions index on the unplaced reports (t56)', () => {
  it('tells the reports in no region from those counted in a shared parent, and counts the copies', () => {
    const row = (region_basis: string, region_code: string | null, duplicate_of: string | null = null) =>
      ({
        region_basis,
        region_code,
        duplicate_of,
        year: 2023,
        agency: '某局',
        report_id: `${region_basis}${region_code}`,
      }) as ReportRow;
    const counts = unplacedCounts([
      row('unresolved', null),
      row('ambiguous', null),
      row('ambiguous', '130100'),
      row('ambiguous', '130100', 'x'),
      row('gazetteer', '130102'),
    ]);
    // Each report once, as the province counts: the copy apart (t70).
    expect(counts).toEqual({ nowhere: 2, parentOnly: 1, copies: 1 });
    expect(unplacedHeading([row('unresolved', null), row('ambiguous', '130100', 'x')])).toBe('1，另有 1 份副本');
    expect(unplacedHeading([row('unresolved', null)])).toBe('1');
  });
});

describe('the quality page: failed checks of a report, cross-year apart (a fresh tester t113)', () => {
  it('says how many compare the report with the year before', async () => {
    const { failedLabel } = await import('../src/lib/site/quality-lists.ts');
    expect(failedLabel(0, 1)).toBe('1 项');
    expect(failedLabel(1, 2)).toBe('2 项（其中 1 项为与上一年度报告的衔接）');
  });
});
