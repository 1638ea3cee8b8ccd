import { describe, expect, it } from 'vitest';
import { resultDetails } from '../src/lib/search/result.ts';

/** The line under a search result's title (src/client/search.ts), from the page's record. */
describe('resultDetails', () => {
  const meta = { agency: '淮安市测试局', title: '淮安市测试局2020年政府信息公开工作年度报告' };

  it('a report: its place and title; a directory page: its kind', () => {
    expect(resultDetails('报告', '江苏省 淮安市', meta)).toBe(
      '江苏省 淮安市 · 淮安市测试局2020年政府信息公开工作年度报告',
    );
    expect(resultDetails('报告', '', { title: '某报告' })).toBe('地区未确定');
    expect(resultDetails('地区', '', { title: '淮安市' })).toBe('地区');
  });

  it('says how many copies a report has', () => {
    expect(resultDetails('报告', '淮安市', { ...meta, copies: '2' })).toContain(' · 另有 2 份副本');
  });

  it('two different reports of one agency-year: each says its file and that the year has another', () => {
    // A fresh tester's: they showed as two identical-looking results.
    const one = resultDetails('报告', '淮安市', { ...meta, conflicts: '1', file: 'conflict/报告.txt' });
    const two = resultDetails('报告', '淮安市', { ...meta, conflicts: '1', file: 'conflict/报告（更正）.txt' });
    expect(one).toBe(`淮安市 · ${meta.title} · 文件 conflict/报告.txt · 同年另有 1 份不同报告`);
    expect(two).not.toBe(one);
    expect(two).toContain('同年另有 1 份不同报告');
  });
});
