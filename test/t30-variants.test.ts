import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, parseText, wrongCells } from './helpers.ts';

/**
 * Minimal files of a fresh tester's t30, who wrote variants of the kinds fixed for t27 and t28
 * (test/fixtures/tester/t30, each with its truth file): a qualified number in 四's own cell (no
 * label before it) and after a value in a one-line dump (`30至32`, `31以上`, `12余`), and a
 * title passed on with its bracket or a site's tag (关于印发《…, 转发:…, 【转载】…).
 */

const dir = new URL('./fixtures/tester/t30/', import.meta.url);
const parse = (file: string) => ok(parseText(readFileSync(new URL(file, dir)), file));

describe('t30: every published number is the file’s', () => {
  const files = readdirSync(dir).filter((f) => !f.endsWith('.json') && /^m0[1-4]/.test(f));
  it('has its files', () => expect(files.length).toBe(6));
  for (const file of files)
    it(file, () => expect(wrongCells(parse(file).cells, new URL(`${file}.json`, dir))).toEqual([]));
});

describe('a title passed on', () => {
  it('names the agency without the verb, its bracket or the site’s tag', () => {
    expect(parse('m08_title_guanyu_yinfa.txt').report.agency).toBe('泰州市姜堰区人民政府');
    expect(parse('m09_title_zhuanfa_colon.txt').report.agency).toBe('泰州市科技局');
    expect(parse('m14_title_zhuanzai_bracket.txt').report.agency).toBe('泰州市科技局');
  });
});

describe('an agency name holding a year, the title no year of the report', () => {
  it('is the whole name, and the year is not the name’s', () => {
    const p = parse('m10_agency_year_no_report_year.txt');
    expect(p.report.agency).toBe('北京2022年冬奥会和冬残奥会组织委员会');
    expect(p.report.year).not.toBe(2022);
    const q = parse('m12_agency_year_leading_year.txt');
    expect(q.report.agency).toBe('北京2022年冬奥会和冬残奥会组织委员会');
    expect(q.report.year).toBe(2021);
  });
});

describe('an earlier report named in section 一, the title no year', () => {
  it('gives no year (在2022年度政府信息公开工作年度报告基础上)', () => {
    expect(parse('m07_noyear_prev_report_in_section1.txt').report.year).toBeNull();
  });
});

describe('a crawler’s 标题: field over a one-line dump whose own title follows a breadcrumb', () => {
  // `标题: 泰州市人防办2022年…` / `当前位置： 首页 > 政务公开 泰州市人防办2023年… 一、总体情况 …`.
  it('does not give its year or agency alone', () => {
    const p = parse('m05_oneline_crawler_title_year.txt');
    expect(p.report.year).not.toBe(2022);
    const q = parse('m06_oneline_crawler_title_agency.txt');
    expect(q.report.agency).not.toBe('扬州市人防办');
    expect(q.diagnostics.some((d) => d.code === 'W_AGENCY_DISPUTED')).toBe(true);
  });
});

describe('an agency name holding a year, the report’s year in brackets after it', () => {
  it('is the whole name, and the year the bracketed one', () => {
    const p = parse('m11_agency_year_bracket_year.txt');
    expect(p.report.agency).toBe('北京2022年冬奥会和冬残奥会组织委员会');
    expect(p.report.year).toBe(2021);
  });
});
