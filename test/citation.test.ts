import { describe, expect, it } from 'vitest';
import { citation } from '../src/lib/site/report-meta.ts';

describe('citation', () => {
  const r = {
    agency: '淮安市交通运输局',
    title: '淮安市交通运输局2020年政府信息公开工作年度报告',
    year: 2020,
    published_on: '2021-01-20',
    source_url: 'https://example.gov.cn/a.html',
    report_id: 'abc123',
  };
  it('names the original first, then this site’s page', () => {
    expect(citation(r, 'https://nianbao.example/reports/abc123/')).toBe(
      '淮安市交通运输局，《淮安市交通运输局2020年政府信息公开工作年度报告》，2021-01-20发布，https://example.gov.cn/a.html。年报开放数据整理，https://nianbao.example/reports/abc123/（报告编号 abc123）。',
    );
  });
  it('gives the report’s year after a title that does not state it', () => {
    expect(citation({ ...r, title: '驼峰路街道办事处政府信息公开工作年度报告', source_url: null }, '/r/')).toBe(
      '淮安市交通运输局，《驼峰路街道办事处政府信息公开工作年度报告》（2020年度），2021-01-20发布。年报开放数据整理，/r/（报告编号 abc123）。',
    );
  });
  it('leaves out what the report does not state, and no unsafe address', () => {
    expect(
      citation({ ...r, title: null, published_on: null, source_url: 'javascript:alert(1)' }, '/reports/abc123/'),
    ).toBe('淮安市交通运输局，2020年度报告。年报开放数据整理，/reports/abc123/（报告编号 abc123）。');
    expect(citation({ ...r, agency: null, title: null, year: null, published_on: null, source_url: null }, '/r/')).toBe(
      '年报开放数据整理，/r/（报告编号 abc123）。',
    );
  });
});
