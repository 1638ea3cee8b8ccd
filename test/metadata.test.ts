import { describe, expect, it } from 'vitest';
import { textToLines } from '../src/lib/decode/lines.ts';
import { agencyFromTitle, agencyKind, extractMetadata } from '../src/lib/metadata/metadata.ts';

const meta = (head: string, body = '') => extractMetadata(textToLines(head), textToLines(body), 2026);

describe('metadata', () => {
  it('title, agency, year and date from a typical header', () => {
    expect(meta('当前位置：首页 > 信息公开\n无锡市滨湖区行政审批局2020年政府信息公开工作年度报告\n发布时间:2021-01-22 09:33 [ 大 中 小 ]')).toMatchObject({
      title: '无锡市滨湖区行政审批局2020年政府信息公开工作年度报告',
      agency: '无锡市滨湖区行政审批局',
      agency_kind: '部门',
      year: 2020,
      published_on: '2021-01-22',
    });
  });

  it('索引号 and 发布机构 from a two-row header table', () => {
    const m = meta('索引号 | 公开方式 | 发布机构 |\n11620602MB161547XN/2021-02130 | 主动公开 | 凉州区市场监督管理局 |\n2020年度政府信息公开工作落实情况');
    expect(m).toMatchObject({ index_no: '11620602MB161547XN/2021-02130', agency: '凉州区市场监督管理局', year: 2020 });
  });

  it('inline labelled fields and Chinese dates', () => {
    const m = meta('某县教育局2021年政府信息公开工作年度报告\n索引号：ABC-2022-001  发布机构：某县教育局  发布日期：2022年1月5日');
    expect(m).toMatchObject({ index_no: 'ABC-2022-001', agency: '某县教育局', published_on: '2022-01-05', year: 2021 });
  });

  it('the year comes from the body ("2020年度") when the title has none — never the publication year', () => {
    const m = meta('驼峰路街道办事处政府信息公开工作年度报告\n发布时间：2021-01-15', '依据《2021年政务公开工作要点》（〔2021〕1号），2020年度我街办未接到申请。2021年1月15日');
    expect(m.year).toBe(2020);
    expect(m.published_on).toBe('2021-01-15');
  });

  it('no year at all stays NULL', () => {
    expect(meta('某局政府信息公开工作年度报告', '本年度未收到申请。').year).toBeNull();
  });

  it('agency from title; a bare place name is that place’s people’s government', () => {
    expect(agencyFromTitle('龙泉市2020年政府信息公开工作年度报告')).toBe('龙泉市人民政府');
    expect(agencyFromTitle('川汇区人民政府办公室 2019年政府信息公开工作年度报告')).toBe('川汇区人民政府办公室');
    expect(agencyFromTitle('驼峰路街道办事处政府信息公开工作年度报告')).toBe('驼峰路街道办事处');
  });

  it('agency kinds', () => {
    expect(agencyKind('杭州市人民政府')).toBe('人民政府');
    expect(agencyKind('杭州市人民政府办公厅')).toBe('人民政府办公室');
    expect(agencyKind('新华街道办事处')).toBe('街道办事处');
    expect(agencyKind('城关镇人民政府')).toBe('乡镇人民政府');
    expect(agencyKind('杭州市教育局')).toBe('部门');
  });
});
