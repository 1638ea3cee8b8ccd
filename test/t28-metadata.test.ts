import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, parseText } from './helpers.ts';

/**
 * Minimal files of a fresh tester's t28 (test/fixtures/tester/t28) that filed a report under
 * another agency, year or date than the file proves.
 */

const parse = (file: string) =>
  ok(parseText(readFileSync(new URL(`./fixtures/tester/t28/${file}`, import.meta.url)), file));

describe('a crawler’s 标题: field against the report’s own title line', () => {
  it('does not take the field’s year over the title’s and the body’s', () => {
    // 标题: …2022年… above the report's own …2023年… and "2023年，本机关…": 2022 was published.
    for (const f of ['f01_crawler_title_year.txt', 'f03_html_label_vs_h1.html'])
      expect(parse(f).report.year, f).toBe(2023);
  });
  it('files the report under the agency the issuer names, with a warning', () => {
    const a = parse('f04_crawler_agency_other_city.txt');
    expect(a.report.agency).toBe('扬州市住房和城乡建设局');
    expect(a.report.region_code).toBe('321000');
    expect(a.diagnostics.some((d) => d.code === 'W_AGENCY_DISPUTED')).toBe(true);
    expect(parse('f05_crawler_agency_other_county.txt').report.agency).toBe('泰兴市人民政府');
  });
});

describe('a title’s words around the agency', () => {
  it('drops a verb of passing it on (转发, 公布) and a leading year of publishing', () => {
    expect(parse('f06_verb_zhuanfa.txt').report.agency).toBe('泰州市海陵区人民政府');
    const p = parse('f07_published_year_prefix.txt');
    expect(p.report.agency).toBe('北京市西城区人民政府');
    expect(p.report.year).toBe(2022);
  });
});

describe('the year of a title without one', () => {
  it('is not that of an earlier report 五 names (针对2022年度…年度报告中提出的问题)', () => {
    for (const f of ['f11_noyear_title_prev_report_ref.txt', 'f12_noyear_title_pubdate_prev_ref.txt'])
      expect(parse(f).report.year, f).toBe(2023);
  });
});

describe('a date label holding the statistical period', () => {
  it('is no publication date (时间：2023年1月1日—12月31日, 日期：2023.01.01-2023.12.31)', () => {
    for (const f of ['f13_time_label_is_period.txt', 'f14_date_label_is_period.txt']) {
      const p = parse(f);
      expect(p.report.published_on, f).toBeNull();
      expect(p.report.year, f).toBe(2023);
    }
  });
});

describe('a report with no title line', () => {
  it('is not titled by a section heading; its agency is the signature’s', () => {
    const p = parse('f15_no_title_line_signature.txt');
    expect(p.report.title).toBeNull();
    expect(p.report.agency).toBe('泰州市司法局');
  });
});

describe('an agency whose name holds a year', () => {
  it('is cut at the year the report’s words follow, which is the report’s', () => {
    const p = parse('f17_agency_name_with_year.txt');
    expect(p.report.agency).toBe('北京2022年冬奥会和冬残奥会组织委员会');
    expect(p.report.year).toBe(2021);
    const q = parse('f18_agency_name_with_year_b.txt');
    expect(q.report.agency).toBe('泰州市2035年远景目标办公室');
    expect(q.report.year).toBe(2023);
  });
});

describe('a portal’s 发布机构 over another agency’s report, the title no agency', () => {
  it('is the agency the signature and the text name, not the portal’s office', () => {
    const p = parse('f08_portal_issuer.txt');
    expect(p.report.agency).toBe('泰州市统计局');
  });
});
