import { describe, expect, it } from 'vitest';
import { correctionMarked } from '../src/lib/ingest/corrected.ts';
import { runInMemory, type SourceFile } from '../src/lib/ingest/run.ts';
import { tally, totals } from '../src/lib/site/aggregate.ts';
import { agencyYearConflicts, conflictMark } from '../src/lib/site/conflicts.ts';
import { sameAgencyYearNote } from '../src/lib/site/present.ts';
import { reportPage } from '../src/lib/site/report-page.ts';
import { buildReport } from './fixtures/build.ts';
import { gaz, sha } from './helpers.ts';

/**
 * A report and its corrected version (更正版): the agency says which one is right, so totals add
 * the corrected one and not the other (reports.superseded_by), where before they added neither.
 */

const file = (path: string, text: string): SourceFile => {
  const bytes = new TextEncoder().encode(text);
  return { path, size: bytes.length, read: () => bytes, sha256: sha };
};
const run = (files: SourceFile[]) =>
  runInMemory(files, { rawDir: 'raw', maxBytes: 20 * 1024 * 1024, gazetteer: gaz(), maxYear: 2026 });

const TITLE = '淮安市测试局2020年政府信息公开工作年度报告';
const review = ['1', '2', '0', '0', '3', '0', '1', '0', '0', '1', '0', '0', '0', '0', '0'];
const first = { new_received: ['5', '1', '0', '2', '0', '0', '8'], granted: ['3', '1', '0', '1', '0', '0', '5'] };
const fixed = { new_received: ['6', '1', '0', '2', '0', '0', '9'], granted: ['4', '1', '0', '1', '0', '0', '6'] };
const summaryOf = (d: ReturnType<typeof run>) => new Map(d.summary.map((s) => [s.report_id, s]));

describe('correctionMarked: the words with which an agency marks a corrected version', () => {
  it.each([
    [`${TITLE}（更正版）`, 'a.txt'],
    [`${TITLE}(更正)`, 'a.txt'],
    [`关于${TITLE}的更正`, 'a.txt'],
    [`${TITLE}（修订版）`, 'a.txt'],
    [`${TITLE}（修訂版）`, 'a.txt'],
    [`${TITLE}勘误`, 'a.txt'],
    [TITLE, 'crawl/淮安市测试局2020年年报（更正）.pdf'],
  ])('%s in %s', (title, source_file) => expect(correctionMarked({ title, source_file })).toBe(true));
  it.each([
    [TITLE, 'a.txt'],
    [TITLE, '更正/a.txt'],
    ['淮安市测试局2020年本年修订件数报告', 'a.txt'],
    [null, 'a.txt'],
    // Saying it is not (yet) corrected (a fresh tester's t71: the original named _更正前 preferred).
    [TITLE, '淮安市测试局2023年报_更正前.txt'],
    [TITLE, '淮安市测试局2023年报（待更正）.txt'],
    [TITLE, '淮安市测试局2023年报(未修订版).txt'],
    [`${TITLE}（未更正）`, 'a.txt'],
    // t72's: the same said in other words.
    [TITLE, '淮安市测试局2023年报_更正之前.txt'],
    [TITLE, '淮安市测试局2023年报（未经更正）.txt'],
    [TITLE, '淮安市测试局2023年报_更正以前.txt'],
    [TITLE, '淮安市测试局2023年报（有误，已更正）.txt'],
    [TITLE, '淮安市测试局2023年报（已撤回，见更正）.txt'],
    [TITLE, '淮安市测试局2023年报（原报告，已被更正）.txt'],
    [`${TITLE}（此版本有误，已更正）`, 'a.txt'],
  ])('not %s in %s', (title, source_file) => expect(correctionMarked({ title, source_file })).toBe(false));
});

describe('a report and its corrected version, of one agency (place known) and year', () => {
  const d = run([
    file('a/one.txt', buildReport({ title: TITLE, requests: first, review })),
    file('b/two.txt', buildReport({ title: `${TITLE}（更正版）`, requests: fixed, review })),
  ]);
  const [original, corrected] = d.reports;

  it('the corrected one is the year’s: same_agency_year 0; the other names it in superseded_by', () => {
    expect(original!.superseded_by).toBe(corrected!.report_id);
    expect(corrected!.superseded_by).toBeNull();
    expect(d.reports.map((r) => r.same_agency_year)).toEqual([1, 0]);
    expect(d.summary.map((r) => r.same_agency_year)).toEqual([1, 0]);
    const codes = d.manifest.files.map((f) => f.diagnostics.map((x) => x.code));
    expect(codes[0]).toContain('W_SUPERSEDED');
    expect(codes[0]).not.toContain('W_SAME_AGENCY_YEAR');
    expect(codes[1]).not.toContain('W_SAME_AGENCY_YEAR');
    expect(d.manifest.files.map((f) => f.same_agency_year)).toEqual([['b/two.txt'], []]);
  });

  it('totals add the corrected version’s numbers, not the other’s', () => {
    const t = totals(d.reports, summaryOf(d));
    expect(t.requests_new).toEqual({ sum: 9, known: 1, of: 1 });
    expect(tally(d.reports)).toMatchObject({ reports: 2, undecided: 1, inTotals: 1 });
  });

  it('the quality page lists no conflict for them, and counts the superseded one apart', () => {
    const list = agencyYearConflicts(d.reports, 10);
    expect(list).toMatchObject({ reports: 0, superseded: 1, groups: 0 });
    // Listed by name, each with its corrected version (t80 B6: only counted before).
    expect(list.supersededShown.map((r) => r.superseded_by)).toEqual([corrected!.report_id]);
  });

  it('each page says it and links the other', () => {
    expect(sameAgencyYearNote(original!)).toContain('更正版');
    expect(sameAgencyYearNote(corrected!)).toBeNull();
    expect(conflictMark(original!)!.note).toContain('更正版');
    expect(conflictMark(corrected!)).toBeNull();
    const page = (r: typeof original) =>
      reportPage({ report: r!, cells: [], checks: [], summary: summaryOf(d), agencyReports: d.reports });
    expect(page(original).correction.map((r) => r.report_id)).toEqual([corrected!.report_id]);
    expect(page(original).correctsNote).toBeNull();
    expect(page(corrected).correction.map((r) => r.report_id)).toEqual([original!.report_id]);
    expect(page(corrected).correctsNote).toContain('另有 1 份报告由本报告取代');
  });
});

describe('t71: how a correction is told', () => {
  it('a title with a correction label before it names the agency, not 更正:XX局 (counted beside XX局)', () => {
    const d = run([
      file('a/one.txt', buildReport({ title: TITLE, requests: first, review })),
      file('b/two.txt', buildReport({ title: `更正：${TITLE}`, requests: fixed, review })),
    ]);
    expect(d.reports.map((r) => r.agency)).toEqual(['淮安市测试局', '淮安市测试局']);
    expect(d.reports[0]!.superseded_by).toBe(d.reports[1]!.report_id);
    // t72's: 更正后的XX局…, 重新发布（更正）：XX局….
    for (const prefix of ['更正后的', '重新发布（更正）：']) {
      const e = run([
        file('a/one.txt', buildReport({ title: TITLE, requests: first, review })),
        file('b/two.txt', buildReport({ title: `${prefix}${TITLE}`, requests: fixed, review })),
      ]);
      expect(e.reports.map((r) => r.agency)).toEqual(['淮安市测试局', '淮安市测试局']);
      expect(e.reports[0]!.superseded_by).toBe(e.reports[1]!.report_id);
    }
  });
  it('a notice with no table decides nothing: both stay out of totals, as before', () => {
    const notice = `关于${TITLE}的更正说明\n发布时间：2021-03-01\n我局2020年年报中部分数据有误，现予更正。\n`;
    const d = run([
      file('a/one.txt', buildReport({ title: TITLE, requests: first, review })),
      file('b/notice.txt', notice),
    ]);
    const withYear = d.reports.filter((r) => r.year === 2020 && r.agency === '淮安市测试局');
    if (withYear.length === 2) expect(withYear.map((r) => r.superseded_by)).toEqual([null, null]);
    else expect(withYear.map((r) => r.superseded_by)).toEqual([null]);
  });
  it('the marker of a copy counts: the corrected report saved twice, one file named 更正版', () => {
    const corrected = buildReport({ title: TITLE, requests: fixed, review });
    const d = run([
      file('a/corrected-copy.txt', corrected),
      file('b/original.txt', buildReport({ title: TITLE, requests: first, review })),
      file('c/更正版.txt', corrected.replace(/\n/g, '\r\n')),
    ]);
    const [copyKept, original] = d.reports;
    expect(original!.superseded_by).toBe(copyKept!.report_id);
    expect(copyKept!.same_agency_year).toBe(0);
  });
  it('a correction whose printed tables agree with the original’s is no copy of it (its 四 corrected in words)', () => {
    const noReview = buildReport({ title: `${TITLE}（更正版）`, requests: first, review }).replace(
      /四、政府信息公开行政复议[\s\S]*?(?=五、)/,
      '四、政府信息公开行政复议、行政诉讼情况\n行政复议数据更正为：见说明。\n',
    );
    const d = run([
      file('a/one.txt', buildReport({ title: TITLE, requests: first, review })),
      file('b/two.txt', noReview),
    ]);
    expect(d.reports.map((r) => r.duplicate_of)).toEqual([null, null]);
    expect(d.reports[0]!.superseded_by).toBe(d.reports[1]!.report_id);
  });
});

describe('what decides nothing', () => {
  it('two reports that both say they correct: neither is added, as before', () => {
    const d = run([
      file('a/one.txt', buildReport({ title: `${TITLE}（更正版）`, requests: first, review })),
      file('b/two.txt', buildReport({ title: `${TITLE}（修订版）`, requests: fixed, review })),
    ]);
    expect(d.reports.map((r) => [r.same_agency_year, r.superseded_by])).toEqual([
      [1, null],
      [1, null],
    ]);
    expect(totals(d.reports, summaryOf(d)).requests_new).toEqual({ sum: 0, known: 0, of: 0 });
  });

  it('an agency whose place is not known: one agency’s or namesakes’ is not known, so no correction is', () => {
    const title = '测试街道办事处2020年政府信息公开工作年度报告';
    const d = run([
      file('a/one.txt', buildReport({ title, requests: first, review })),
      file('b/two.txt', buildReport({ title: `${title}（更正版）`, requests: fixed, review })),
    ]);
    expect(d.reports.map((r) => [r.same_agency_year, r.superseded_by])).toEqual([
      [1, null],
      [1, null],
    ]);
  });

  it('a corrected version alone in its year is an ordinary report', () => {
    const d = run([file('b/two.txt', buildReport({ title: `${TITLE}（更正版）`, requests: fixed, review }))]);
    expect(d.reports.map((r) => [r.same_agency_year, r.superseded_by])).toEqual([[0, null]]);
  });
});

describe('cross-year checks', () => {
  it('the next year is checked against the corrected version, not left unassessed between two', () => {
    const next = TITLE.replace('2020', '2021');
    const d = run([
      file('a/one.txt', buildReport({ title: TITLE, requests: first, review })),
      file('b/two.txt', buildReport({ title: `${TITLE}（更正版）`, requests: fixed, review })),
      file(
        'c/next.txt',
        buildReport({ title: next, head: ['发布时间：2022-01-20'], requests: fixed, review }).replace(
          '2020年，本局',
          '2021年，本局',
        ),
      ),
    ]);
    const nextId = d.reports[2]!.report_id;
    const cross = d.checks.filter((c) => c.report_id === nextId && c.check_id.startsWith('cross_year.'));
    expect(cross.length).toBeGreaterThan(0);
    // Not "2020 年有 2 份不同的报告，无法确定与哪份核对".
    expect(cross.filter((c) => c.detail.includes('无法确定与哪份核对'))).toEqual([]);
  });
});
