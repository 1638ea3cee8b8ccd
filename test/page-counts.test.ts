import { describe, expect, it } from 'vitest';
import type { SummaryRow } from '../src/lib/schema/datasets.ts';
import { disputedNote, tally, undatedSharesNote } from '../src/lib/site/aggregate.ts';
import { headline } from '../src/lib/site/overview.ts';
import { COPY_MARK, listCount, qualityList } from '../src/lib/site/quality-lists.ts';
import { childRows, childrenNote, regionPages } from '../src/lib/site/region-page.ts';
import { reportRow as report } from './helpers.ts';

/**
 * Counts that one page shows and another must agree with (a fresh tester's): the home page's
 * figures each report once, a copy marked in the quality page's lists, undated and disputed
 * reports said beside the totals by year, the sub-region table said to be over every year.
 */

const PLACE = { region_code: '320211', region_basis: 'gazetteer' } as const;
const orig = report({ report_id: 'a', agency: '无锡市滨湖区人民政府', ...PLACE, cells_ambiguous: 3, checks_failed: 1 });
const copy = report({
  report_id: 'b',
  agency: '滨湖区人民政府',
  ...PLACE,
  cells_ambiguous: 3,
  checks_failed: 1,
  duplicate_of: 'a',
});
const other = report({ report_id: 'c', agency: '无锡市教育局', ...PLACE, cells_ambiguous: 1 });

describe("the home page's figures (overview.ts headline)", () => {
  it('count each report once: a copy adds no report, no number, no unreadable cell, no failed check', () => {
    const numbers = new Map([
      ['a', 100],
      ['b', 100],
      ['c', 40],
    ]);
    const h = headline([orig, copy, other], numbers);
    expect(h.count).toMatchObject({ reports: 2, copies: 1 });
    expect(h.numbers).toBe(140);
    expect(h.uncertain).toBe(4);
    expect(h.failing).toBe(1);
    // A report with no number cell is not in the map: it adds nothing, not NaN.
    expect(headline([orig, other], new Map([['a', 100]])).numbers).toBe(100);
  });
});

describe("the quality page's lists (quality-lists.ts)", () => {
  const byId = new Map([orig, copy, other].map((r) => [r.report_id, r]));

  it('list a copy marked, with the report it copies, and count reports each once', () => {
    const l = qualityList([orig, copy, other], (r) => r.cells_ambiguous > 0, byId, 200);
    expect(l.shown.map((x) => [x.r.report_id, x.copyOf])).toEqual([
      ['a', null],
      ['b', { id: 'a', label: '无锡市滨湖区人民政府 2023' }],
      ['c', null],
    ]);
    expect(l).toMatchObject({ reports: 2, copies: 1, all: 3 });
    expect(listCount(l)).toBe('2，另有 1 份副本');
    expect(listCount({ reports: 1234, copies: 0 })).toBe('1,234');
    expect(COPY_MARK).toBe('副本，未计入总数');
  });

  it('a copy of a report not in the data is still marked, without a link; the list is cut at max', () => {
    const l = qualityList([copy, other], () => true, new Map(), 1);
    expect(l.shown).toEqual([{ r: copy, copyOf: { id: 'a', label: null } }]);
    expect(l).toMatchObject({ reports: 1, copies: 1, all: 2 });
  });
});

describe('undated and disputed reports beside totals by year (aggregate.ts)', () => {
  const undated = report({ report_id: 'u', year: null });
  const disputed = report({ report_id: 'd', year: 2023, period_year: 2022 });
  const disputedCopy = report({ report_id: 'e', year: 2023, period_year: 2022, duplicate_of: 'd' });

  it('tally: disputed reports each once, copies apart', () => {
    expect(tally([orig, undated, disputed, disputedCopy])).toEqual({
      reports: 3,
      copies: 1,
      undecided: 0,
      inTotals: 3,
      undated: 1,
      disputed: 1,
    });
    // A report whose period agrees, or is not stated, is not disputed.
    expect(tally([report({ year: 2023, period_year: 2023 }), report({ year: null, period_year: 2022 })]).disputed).toBe(
      0,
    );
  });

  it('the notes: shares that take undated reports say so; a disputed year is said', () => {
    expect(undatedSharesNote(1)).toBe('以下图表和表格所计的报告含 1 份年度不明的报告，它们不在任何年度的合计中');
    expect(undatedSharesNote(0)).toBe('');
    expect(disputedNote(2)).toBe('其中 2 份报告的年度有疑问：标题所写年度与正文所写的统计期限不同，按标题所写年度列入');
    expect(disputedNote(0)).toBe('');
  });
});

describe("a region page's sub-region table (region-page.ts)", () => {
  const s = (requests_new: number) => ({ requests_new }) as unknown as SummaryRow;
  const city = { province: '江苏省', city: '无锡市' };
  const r2022 = report({ report_id: 'x', ...city, region_code: '320211', year: 2022 });
  const r2023 = report({ report_id: 'y', ...city, region_code: '320211', year: 2023 });
  const rNone = report({ report_id: 'z', ...city, region_code: '320213', year: null });
  const summary = new Map([
    ['x', s(5)],
    ['y', s(7)],
    ['z', s(11)],
  ]);

  it('adds every year of a child, and says so: 历年合计, with its undated reports', () => {
    const page = regionPages([r2022, r2023, rNone]).find((p) => p.code === '320200')!;
    const rows = childRows(page, summary);
    expect(rows.map((r) => [r.code, r.requestsNew.sum, r.count.reports])).toEqual([
      ['320211', 12, 2],
      ['320213', 11, 1],
    ]);
    expect(childrenNote(page.children)).toBe(
      '下级地区表中的报告数和本年新收申请是历年合计，即各年度之和（含 1 份年度不明的报告），不是某一年度的数字；本地区各年度的数字见上表，下级地区的见其页面',
    );
    expect(childrenNote([])).not.toContain('年度不明');
  });

  it("says that a child's report count holds reports no total adds (t56: 运河区 3 reports, 1/1)", () => {
    const note = childrenNote([{ count: { undated: 0, undecided: 2 } }, { count: { undated: 0, undecided: 0 } }]);
    expect(note).toContain('报告数含 2 份未计入合计的报告');
    expect(childrenNote([{ count: { undated: 0, undecided: 0 } }])).not.toContain('未计入合计');
  });
});
