import { describe, expect, it } from 'vitest';
import { runInMemory, type SourceFile } from '../src/lib/ingest/run.ts';
import { encode } from '../src/lib/synth/encode.ts';
import { tally, totals } from '../src/lib/site/aggregate.ts';
import { conversionStem } from '../src/lib/ingest/canonical.ts';
import { conflictMark } from '../src/lib/site/conflicts.ts';
import { sameAgencyYearNote } from '../src/lib/site/present.ts';
import { buildReport } from './fixtures/build.ts';
import { gaz, sha } from './helpers.ts';

const file = (path: string, content: string | Uint8Array): SourceFile => {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { path, size: bytes.length, read: () => bytes, sha256: sha };
};
const run = (files: SourceFile[]) =>
  runInMemory(files, { rawDir: 'raw', maxBytes: 20 * 1024 * 1024, gazetteer: gaz(), maxYear: 2026 });

/** An agency whose place is known (淮安市): reports of it are of one agency. */
const PLACED = '淮安市测试局2020年政府信息公开工作年度报告';
const requests = { new_received: ['5', '1', '0', '2', '0', '0', '8'], granted: ['3', '1', '0', '1', '0', '0', '5'] };
const review = ['1', '2', '0', '0', '3', '0', '1', '0', '0', '1', '0', '0', '0', '0', '0'];

describe('each report is counted once', () => {
  it('the same report in another encoding: one canonical, the copy points at it', () => {
    const text = buildReport({ requests, review });
    const d = run([
      file('a/utf8.txt', text),
      file('b/gbk.txt', encode(text, 'gb18030')),
      file('c/utf16.txt', encode(text.replace(/\n/g, '\r\n'), 'utf-16le')),
    ]);
    expect(d.reports).toHaveLength(3);
    const [a, b, c] = d.reports;
    expect(a!.duplicate_of).toBeNull();
    expect(b!.duplicate_of).toBe(a!.report_id);
    expect(c!.duplicate_of).toBe(a!.report_id);
    expect(d.summary.find((s) => s.report_id === b!.report_id)!.duplicate_of).toBe(a!.report_id);
    expect(d.manifest.files.find((f) => f.path === 'b/gbk.txt')!.diagnostics.map((x) => x.code)).toContain(
      'W_DUPLICATE_REPORT',
    );
    // Totals add the report once.
    const t = totals(d.reports, new Map(d.summary.map((s) => [s.report_id, s])));
    expect(t.requests_new).toEqual({ sum: 8, known: 1, of: 1 });
  });

  describe('one agency whose name is written two ways (its own places in front or not, 人民政府 or 政府)', () => {
    const titled = (name: string) => PLACED.replace('淮安市测试局', name);
    const other = { ...requests, granted: ['2', '1', '0', '1', '0', '0', '4'] };
    const sums = (d: ReturnType<typeof run>) => totals(d.reports, new Map(d.summary.map((s) => [s.report_id, s])));

    it('the same numbers: one report and its copy, added once', () => {
      const d = run([
        file('a.txt', buildReport({ title: titled('江苏省淮安市测试局'), requests, review })),
        file('b.txt', buildReport({ title: titled('淮安市测试局'), requests, review })),
      ]);
      expect(d.reports.map((r) => r.region_code)).toEqual(['320800', '320800']);
      expect(d.reports.filter((r) => r.duplicate_of === null)).toHaveLength(1);
      expect(sums(d).requests_new).toEqual({ sum: 8, known: 1, of: 1 });
    });

    it('other numbers: both flagged as one agency-year, no total adds them', () => {
      const d = run([
        file('a.txt', buildReport({ title: titled('淮安市人民政府'), requests, review })),
        file('b.txt', buildReport({ title: titled('淮安市政府'), requests: other, review })),
      ]);
      expect(d.reports.map((r) => r.duplicate_of)).toEqual([null, null]);
      expect(d.manifest.files.map((f) => f.same_agency_year.length)).toEqual([1, 1]);
      expect(sums(d).requests_new.of).toBe(0);
    });

    it('another agency of the same place, with the same numbers, stays another report', () => {
      const d = run([
        file('a.txt', buildReport({ title: titled('淮安市测试局'), requests, review })),
        file('b.txt', buildReport({ title: titled('淮安市测试二局'), requests, review })),
      ]);
      expect(d.reports.map((r) => r.duplicate_of)).toEqual([null, null]);
      expect(d.manifest.files.map((f) => f.same_agency_year.length)).toEqual([0, 0]);
      expect(sums(d).requests_new).toEqual({ sum: 16, known: 2, of: 2 });
    });
  });

  it('an HTML page and a text copy of one agency and year with the same numbers: the better read is canonical', () => {
    const html = buildReport({ title: PLACED, requests, review, style: 'html' });
    const txt = buildReport({ title: PLACED, requests, review, style: 'tabs' });
    const d = run([file('a/report.txt', txt), file('b/report.html', html)]);
    expect(d.reports).toHaveLength(2);
    expect(d.reports.filter((r) => r.duplicate_of === null)).toHaveLength(1);
    expect(d.manifest.files.every((f) => !f.diagnostics.some((x) => x.code === 'W_SAME_AGENCY_YEAR'))).toBe(true);
  });

  it('a report missing a table is a copy of at most one of two that differ: they are never made copies of each other', () => {
    const full = buildReport({ title: PLACED, requests, review });
    const other = buildReport({
      title: PLACED,
      requests: { ...requests, granted: ['2', '1', '0', '1', '0', '0', '4'] },
      review,
    });
    const noRequests = full.replace(
      /(三、收到和处理政府信息公开申请情况\n)[\s\S]*?(四、政府信息公开行政复议)/,
      '$1（本部分表格以图片形式发布。）\n$2',
    );
    expect(noRequests).not.toBe(full);
    const d = run([file('a.txt', full), file('b.txt', other), file('c.txt', noRequests)]);
    const [a, b] = d.reports;
    expect(a!.duplicate_of).toBeNull();
    expect(b!.duplicate_of).toBeNull();
    expect(d.manifest.files.find((f) => f.path === 'b.txt')!.diagnostics.map((x) => x.code)).toContain(
      'W_SAME_AGENCY_YEAR',
    );
  });

  it('same agency and year with different numbers: both count, both flagged', () => {
    const d = run([
      file('a/one.txt', buildReport({ title: PLACED, requests, review })),
      file(
        'b/two.txt',
        buildReport({ title: PLACED, requests: { ...requests, granted: ['2', '1', '0', '1', '0', '0', '4'] }, review }),
      ),
    ]);
    expect(d.reports.map((r) => r.duplicate_of)).toEqual([null, null]);
    expect(d.manifest.files.every((f) => f.diagnostics.some((x) => x.code === 'W_SAME_AGENCY_YEAR'))).toBe(true);
    // The published tables say it too (reports.csv, summary.csv), and totals add neither.
    expect(d.reports.map((r) => r.same_agency_year)).toEqual([1, 1]);
    expect(d.summary.map((r) => r.same_agency_year)).toEqual([1, 1]);
    const t = totals(d.reports, new Map(d.summary.map((s) => [s.report_id, s])));
    expect(t.requests_new).toEqual({ sum: 0, known: 0, of: 0 });
  });

  it('a page of the same agency and year with no table (text only) leaves the report with numbers counted', () => {
    // A portal's 年报汇总 page taken for the agency's report, or a notice (a fresh tester's t111):
    // it adds nothing to a total, so it does not take the report that has numbers out of them.
    const notice = [PLACED, '发布时间：2021-01-20', '本机关年度报告全文见附件。'].join('\n');
    const d = run([file('a/one.txt', buildReport({ title: PLACED, requests, review })), file('b/page.txt', notice)]);
    const [report, page] = ['a/one.txt', 'b/page.txt'].map((p) => d.manifest.files.find((f) => f.path === p)!);
    expect(d.reports.map((r) => r.status)).toEqual(['complete', 'text_only']);
    expect(report!.same_agency_year).toEqual([]);
    expect(page!.same_agency_year).toEqual(['a/one.txt']);
    expect(d.reports.map((r) => r.same_agency_year)).toEqual([0, 1]);
    const t = totals(d.reports, new Map(d.summary.map((s) => [s.report_id, s])));
    expect(t.requests_new.sum).toBe(8);
  });

  it('all-zero tables prove nothing: two files that agree only on zeros stay two reports', () => {
    const d = run([
      file('a/one.txt', buildReport({ head: ['发布时间：2021-01-20'] })),
      file('b/two.txt', buildReport({ head: ['发布时间：2021-01-22'] })),
    ]);
    expect(d.reports.map((r) => r.duplicate_of)).toEqual([null, null]);
  });

  describe('conversions of one file (x.pdf, x.txt, x.layout.txt) are one report', () => {
    const full = buildReport({ title: PLACED, requests, review, style: 'tabs' });
    // A conversion that read less: 三's 予以公开 row lost (its label drifted away from its numbers).
    const partial = buildReport({ title: PLACED, requests, review }).replace(/（一）予以公开[^\n]*\n/, '');
    it('a conversion that read fewer cells is a copy of the one that read more, not a second report', () => {
      expect(partial).not.toMatch(/予以公开 \|/);
      const d = run([file('r/001_x.layout.txt', full), file('r/001_x.txt', partial)]);
      const [layout, txt] = d.reports;
      expect(txt!.status).not.toBe('complete');
      expect(layout!.duplicate_of).toBeNull();
      expect(txt!.duplicate_of).toBe(layout!.report_id);
      expect(d.reports.map((r) => r.same_agency_year)).toEqual([0, 0]);
      expect(d.manifest.files.find((f) => f.path === 'r/001_x.txt')!.diagnostics.map((x) => x.message)).toContainEqual(
        expect.stringMatching(/a copy of r\/001_x\.layout\.txt \(another format or conversion of the same file/),
      );
      // Counted once: the report that read more.
      expect(tally(d.reports)).toMatchObject({ reports: 1, copies: 1 });
      const t = totals(d.reports, new Map(d.summary.map((s) => [s.report_id, s])));
      expect(t.requests_new).toEqual({ sum: 8, known: 1, of: 1 });
    });
    it('so whatever the place: of an agency whose place is not known', () => {
      const title = '朝阳街道办事处2020年政府信息公开工作年度报告';
      const d = run([
        file('r/a.layout.txt', buildReport({ title, requests, review, style: 'tabs' })),
        file('r/a.txt', buildReport({ title, requests, review }).replace(/（一）予以公开[^\n]*\n/, '')),
      ]);
      expect(d.reports[1]!.duplicate_of).toBe(d.reports[0]!.report_id);
      expect(d.reports.map((r) => r.same_agency_year)).toEqual([0, 0]);
    });
    it('a number that differs: two reports (flagged), not copies', () => {
      const d = run([
        file('r/001_x.layout.txt', full),
        file(
          'r/001_x.txt',
          buildReport({
            title: PLACED,
            requests: { ...requests, new_received: ['5', '1', '0', '2', '0', '0', '9'] },
            review,
          }),
        ),
      ]);
      expect(d.reports.map((r) => r.duplicate_of)).toEqual([null, null]);
      expect(d.reports.map((r) => r.same_agency_year)).toEqual([1, 1]);
    });
    it('other names (report.v1, report.v2) or other folders are not conversions of one file', () => {
      for (const [a, b] of [
        ['r/report.v1.txt', 'r/report.v2.txt'],
        ['a/001_x.layout.txt', 'b/001_x.txt'],
      ]) {
        const d = run([file(a!, full), file(b!, partial)]);
        expect(d.reports.map((r) => r.duplicate_of)).toEqual([null, null]);
        expect(d.reports.map((r) => r.same_agency_year)).toEqual([1, 1]);
      }
    });
    it('conversionStem', () => {
      expect(conversionStem('r/001_huaian2024.pdf')).toBe('r/001_huaian2024');
      expect(conversionStem('r/001_huaian2024.txt')).toBe('r/001_huaian2024');
      expect(conversionStem('r/001_huaian2024.layout.txt')).toBe('r/001_huaian2024');
      expect(conversionStem('r/x.pdf.txt')).toBe('r/x');
      expect(conversionStem('r/report.v1.pdf')).toBe('r/report.v1');
      expect(conversionStem('a.b/report')).toBe('a.b/report');
    });
  });

  describe('every cell the same, under another file name (report.txt and converted.txt in one folder)', () => {
    const UNPLACED = '测试市测试局2020年政府信息公开工作年度报告';
    const other = (t: string) => t.replace('无。', '无其他事项。');
    const counted = (d: ReturnType<typeof run>) => totals(d.reports, new Map(d.summary.map((s) => [s.report_id, s])));
    it('of a known place: a copy, counted once, even with every number 0', () => {
      const d = run([
        file('r/report.txt', buildReport({ title: PLACED })),
        file('r/converted.txt', other(buildReport({ title: PLACED }))),
      ]);
      expect(d.reports.map((r) => r.region_basis)).not.toContain('unresolved');
      // In path order: converted.txt first, so it is the canonical one (equally well read).
      const [first, second] = d.reports;
      expect(first!.duplicate_of).toBeNull();
      expect(second!.duplicate_of).toBe(first!.report_id);
      expect(d.reports.map((r) => r.same_agency_year)).toEqual([0, 0]);
      expect(d.manifest.files.find((f) => f.path === 'r/report.txt')!.diagnostics.map((x) => x.message)).toContainEqual(
        expect.stringMatching(/a copy of r\/converted\.txt \(the same agency and year, and every cell the same/),
      );
      expect(tally(d.reports)).toMatchObject({ reports: 1, copies: 1 });
    });
    it('of a place not known, in one folder, with numbers not 0: a copy, counted once', () => {
      const d = run([
        file('r/report.txt', buildReport({ title: UNPLACED, requests, review })),
        file('r/converted.txt', other(buildReport({ title: UNPLACED, requests, review }))),
      ]);
      expect(d.reports.map((r) => r.region_basis)).toEqual(['unresolved', 'unresolved']);
      expect(d.reports[1]!.duplicate_of).toBe(d.reports[0]!.report_id);
      expect(d.reports.map((r) => r.same_agency_year)).toEqual([0, 0]);
      expect(counted(d).requests_new).toEqual({ sum: 8, known: 1, of: 1 });
    });
    it('of a place not known: all zeros, or in other folders, prove no copy (namesakes may print the same)', () => {
      for (const [a, b, spec] of [
        ['r/report.txt', 'r/converted.txt', {}],
        ['a/report.txt', 'b/converted.txt', { requests, review }],
      ] as const) {
        const d = run([
          file(a, buildReport({ title: UNPLACED, ...spec })),
          file(b, other(buildReport({ title: UNPLACED, ...spec }))),
        ]);
        expect(d.reports.map((r) => r.duplicate_of)).toEqual([null, null]);
        expect(d.reports.map((r) => r.same_agency_year)).toEqual([1, 1]);
      }
    });
    it('no number at all (tables not found): nothing proves a copy', () => {
      const d = run([
        file('r/report.txt', buildReport({ title: PLACED, omitTables: true })),
        file('r/converted.txt', other(buildReport({ title: PLACED, omitTables: true }))),
      ]);
      expect(d.reports.map((r) => r.status)).toEqual(['text_only', 'text_only']);
      expect(d.reports.map((r) => r.duplicate_of)).toEqual([null, null]);
      expect(d.reports.map((r) => r.same_agency_year)).toEqual([1, 1]);
    });
    it('one cell that differs, or is NULL in one: two reports, flagged, never merged', () => {
      for (const title of [PLACED, UNPLACED]) {
        const differs = { ...requests, granted: ['3', '1', '0', '1', '0', '0', '6'] };
        for (const second of [
          buildReport({ title, requests: differs, review }),
          other(buildReport({ title, requests, review })).replace(/（一）予以公开[^\n]*\n/, ''),
        ]) {
          const d = run([
            file('r/report.txt', buildReport({ title, requests, review })),
            file('r/converted.txt', second),
          ]);
          expect(
            d.reports.map((r) => r.duplicate_of),
            title,
          ).toEqual([null, null]);
          expect(
            d.reports.map((r) => r.same_agency_year),
            title,
          ).toEqual([1, 1]);
          expect(counted(d).requests_new).toEqual({ sum: 0, known: 0, of: 0 });
        }
      }
    });
  });

  describe('a place that is NULL or ambiguous is equal to nothing (SQL semantics)', () => {
    // 朝阳街道 is a name of many places (region_code NULL, ambiguous); 测试市 is no place
    // (NULL, unresolved); 店上镇 is in 潞城区 and in 壶关县 (region_code 140400, 长治市, ambiguous).
    const titles = {
      ambiguous: '朝阳街道办事处2020年政府信息公开工作年度报告',
      unresolved: '测试市测试局2020年政府信息公开工作年度报告',
      shared: '店上镇人民政府2020年政府信息公开工作年度报告',
    };
    const other = { ...requests, granted: ['2', '1', '0', '1', '0', '0', '4'] };
    for (const [kind, title] of Object.entries(titles)) {
      it(`${kind}: two files of that name and year with the same numbers are two reports, not copies, but flagged and in no total`, () => {
        const d = run([
          file('a/one.txt', buildReport({ title, requests, review })),
          file('b/two.txt', buildReport({ title, requests, review }).replace('无。', '无其他事项。')),
        ]);
        expect(d.reports.map((r) => r.region_basis)).toEqual(
          kind === 'unresolved' ? ['unresolved', 'unresolved'] : ['ambiguous', 'ambiguous'],
        );
        expect(d.reports.map((r) => r.duplicate_of)).toEqual([null, null]);
        expect(d.manifest.files.map((f) => f.duplicate_of)).toEqual([null, null]);
        // One agency's two files (counted twice) or two namesakes'? Not known: neither is added.
        expect(d.reports.map((r) => r.same_agency_year)).toEqual([1, 1]);
        const t = totals(d.reports, new Map(d.summary.map((s) => [s.report_id, s])));
        expect(t.requests_new).toEqual({ sum: 0, known: 0, of: 0 });
      });
      it(`${kind}: two files of that name and year with other numbers are flagged W_SAME_NAME_YEAR, not as one agency's`, () => {
        const d = run([
          file('a/one.txt', buildReport({ title, requests, review })),
          file('b/two.txt', buildReport({ title, requests: other, review })),
        ]);
        expect(d.manifest.files.map((f) => f.same_agency_year)).toEqual([['b/two.txt'], ['a/one.txt']]);
        expect(d.reports.map((r) => r.same_agency_year)).toEqual([1, 1]);
        expect(d.summary.map((r) => r.same_agency_year)).toEqual([1, 1]);
        expect(d.manifest.files.some((f) => f.diagnostics.some((x) => x.code === 'W_SAME_AGENCY_YEAR'))).toBe(false);
        expect(d.manifest.files.every((f) => f.diagnostics.some((x) => x.code === 'W_SAME_NAME_YEAR'))).toBe(true);
        const t = totals(d.reports, new Map(d.summary.map((s) => [s.report_id, s])));
        expect(t.requests_new).toEqual({ sum: 0, known: 0, of: 0 });
        // The page says why, truly: not "本机关另有", which the place does not prove.
        const note = sameAgencyYearNote(d.reports[0]!)!;
        expect(note).toMatch(/地区都未能确定/);
        expect(note).toMatch(/同名机关/);
        expect(note).not.toMatch(/^本机关/);
        expect(conflictMark(d.reports[0]!)!.note).toBe('同年另有 1 份同名机关（地区不明）的报告，不计入合计');
      });
      it(`${kind}: one file of that name and year is not flagged`, () => {
        const d = run([
          file('a/one.txt', buildReport({ title, requests, review })),
          file('b/two.txt', buildReport({ title: title.replace('2020年', '2021年'), requests: other, review })),
        ]);
        expect(d.reports.map((r) => r.same_agency_year)).toEqual([0, 0]);
      });
      it(`${kind}: consecutive years of that name are not checked against each other`, () => {
        const d = run([
          file('2020.txt', buildReport({ title, requests })),
          file(
            '2021.txt',
            buildReport({ title: title.replace('2020年', '2021年'), head: ['发布时间：2022-01-20'], requests: other }),
          ),
        ]);
        expect(d.reports.map((r) => r.year)).toEqual([2020, 2021]);
        expect(d.checks.filter((c) => c.check_id.startsWith('cross_year'))).toEqual([]);
      });
    }

    it('the same text is still one report, whatever its place', () => {
      const text = buildReport({ title: titles.ambiguous, requests, review });
      const d = run([file('a/utf8.txt', text), file('b/gbk.txt', encode(text, 'gb18030'))]);
      expect(d.reports[1]!.duplicate_of).toBe(d.reports[0]!.report_id);
    });
  });
});
