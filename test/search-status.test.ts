import { describe, expect, it } from 'vitest';
import {
  backgroundCheck,
  checkingProgress,
  checkNote,
  cutNote,
  queryLabel,
  statusText,
  VERIFY_GROUPS_IN_BACKGROUND,
  VERIFY_IN_BACKGROUND,
  filterOption,
  loadNote,
  type StatusFacts,
} from '../src/lib/search/status.ts';

const facts = (f: Partial<StatusFacts>): StatusFacts => ({
  said: '“复议”：',
  total: 0,
  check: 'none',
  page: 1,
  pages: 1,
  first: 1,
  last: 0,
  undatedLast: false,
  many: false,
  excluded: null,
  missing: null,
  ...f,
});

describe('the search status line', () => {
  it('says how the query was read: each reading, each term in its script readings', () => {
    expect(queryLabel([[['复议']]], false, '复议')).toBe('“复议”：');
    expect(queryLabel([[['资讯公开', '信息公开']]], true, '資訊公開')).toBe(
      '“资讯公开”或“信息公开”（由“資訊公開”转为简体）：',
    );
    expect(queryLabel([[['住建局2023']], [['住建局'], ['2023']]], false, '住建局 2023')).toBe(
      '“住建局2023”，或同时含有“住建局”“2023”：',
    );
    expect(queryLabel([], false, '')).toBe('');
  });

  it('says when a long query was cut', () => {
    expect(cutNote(1500, 64)).toBe('查询共 1500 个字，太长，只按前 64 个字搜索。');
  });

  it('when the filters exclude every result, says how many there are without them', () => {
    // A fresh tester's: the page said nothing was found.
    const text = statusText(facts({ excluded: { n: 49, atMost: false } }));
    expect(text).toBe('“复议”：找到 49 个页面，但都不符合所选的筛选条件。');
    expect(text).not.toContain('没有找到');
    expect(statusText(facts({ excluded: { n: 400, atMost: true } }))).toContain('找到最多 400 个页面');
    // Without filters (or nothing found without them either): nothing found, and what is searched.
    expect(statusText(facts({}))).toMatch(/^“复议”：没有找到含有这些文字的页面。搜索范围/);
  });

  it('says the background check is running only while it runs', () => {
    const shown = (check: StatusFacts['check']) =>
      statusText(facts({ total: 40, atLeast: check === 'none' ? 40 : 10, pages: 4, last: 10, check }));
    expect(shown('checking')).toBe(
      '“复议”：找到 至少 10、最多 40 个页面，第 1 页，最多 4 页（第 1–10 个）。（其余页面正在核对是否含有完整词语，数目可能减少。）',
    );
    // Done: an exact count, no note.
    expect(shown('none')).toBe('“复议”：找到 40 个页面，第 1/4 页（第 1–10 个）。');
    // Too many to check, or broken off: the count stays a range, said as final.
    for (const check of ['capped', 'failed'] as const) {
      expect(shown(check)).toContain('找到 至少 10、最多 40 个页面');
      expect(shown(check)).not.toContain('正在');
      expect(checkNote(check)).not.toBe('');
    }
    expect(shown('failed')).toContain('出错');
  });

  it('a count not checked is said to be at least and at most; a range is never inverted', () => {
    // A fresh tester's: “最多 108 个页面，第 1/12 页（第 1–1 个）” showed one result; 第 111–110 个.
    const text = statusText(
      facts({ total: 117, atLeast: 20, pages: 12, page: 2, first: 11, last: 20, check: 'capped' }),
    );
    expect(text).toContain('找到 至少 20、最多 117 个页面，第 2 页，最多 12 页（第 11–20 个）');
    expect(statusText(facts({ total: 45, pages: 5, page: 5, first: 41, last: 40 }))).not.toContain('第 41–40 个');
    // The filter panel's counts: exact only when every candidate is checked.
    expect(filterOption('2025', 10, false)).toBe('2025（最多 10）');
    expect(filterOption('2025', 1, true)).toBe('2025（1）');
  });

  it('checks in the background only a bounded number of candidates', () => {
    expect(backgroundCheck(0, 0)).toBe('none');
    expect(backgroundCheck(12, 2)).toBe('checking');
    expect(backgroundCheck(VERIFY_IN_BACKGROUND, VERIFY_GROUPS_IN_BACKGROUND)).toBe('checking');
    // A common phrase on a 2,000-report site: 1,931 candidates, never checked in the background.
    expect(backgroundCheck(1931, 120)).toBe('capped');
    expect(backgroundCheck(200, VERIFY_GROUPS_IN_BACKGROUND + 1)).toBe('capped');
  });

  it('says which shards were not searched yet', () => {
    const text = statusText(facts({ missing: { searched: ['2024 年度报告'], pages: 5000 } }));
    expect(text).toBe(
      '“复议”：已搜索的部分中没有找到。 已搜索：2024 年度报告；其余 5000 个页面中可能还有结果，尚未搜索。',
    );
  });

  it('says what did not load and what that leaves uncertain, instead of failing the page', () => {
    // A fresh tester's: one failed request made the whole page 搜索出错.
    const text = statusText(facts({ total: 40, atLeast: 30, pages: 4, page: 3, first: 21, last: 30, failedBefore: 2 }));
    expect(text).toContain('有 2 个候选页面因网络错误未能载入');
    expect(text).toContain('其序号可能因此偏小');
    expect(statusText(facts({ total: 5, pages: 1, last: 5, unloaded: 1 }))).toContain(
      '本页有 1 个结果因网络错误未能载入',
    );
    expect(loadNote(0, 0)).toBe('');
    expect(statusText(facts({ total: 5, pages: 1, last: 5 }))).not.toContain('网络错误');
  });

  it('says how far the check before a far page has got', () =>
    expect(checkingProgress(200, 640, 2000)).toBe(
      '正在核对第 200 页及之前的候选页面是否含有完整词语（已核对 640/2000）…',
    ));
});
