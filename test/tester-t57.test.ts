import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveRegion } from '../src/lib/region/resolve.ts';
import { agencyFromTitle } from '../src/lib/metadata/agency.ts';
import { titleBeginning } from '../src/lib/metadata/metadata.ts';
import { undatedSignature } from '../src/lib/metadata/dates.ts';
import { gaz, ok, parseText } from './helpers.ts';

/**
 * A fresh tester's t57 (test/fixtures/tester/t57, the minimal files of a fuzzer over report
 * metadata, with their truth): wrong facts — a report filed under another place, agency or year.
 * Each file's metadata is its truth or NULL, never another value.
 */
const dir = new URL('./fixtures/tester/t57/', import.meta.url);
const files = readdirSync(dir).filter((f) => !f.endsWith('.json'));
const FIELDS = ['agency', 'year', 'region_code', 'published_on'] as const;

describe('a fresh tester’s files (t57): no wrong fact', () => {
  it('are all here', () => expect(files.length).toBe(11));
  for (const file of files)
    it(file, () => {
      const truth = JSON.parse(readFileSync(new URL(`${file}.json`, dir), 'utf8')) as {
        expect: Record<(typeof FIELDS)[number], string | number | null>;
      };
      const { report } = ok(parseText(readFileSync(new URL(file, dir)), file));
      const wrong = FIELDS.filter((f) => report[f] !== null && report[f] !== truth.expect[f]).map(
        (f) => `${f}: ${String(report[f])}, not ${String(truth.expect[f])}`,
      );
      expect(wrong).toEqual([]);
    });
});

const region = (agency: string, title: string | null = null) =>
  resolveRegion(gaz(), { agency, title, index_no: null, text: '' });

describe('a place name matches at a boundary, not as the tail of a longer name (t57)', () => {
  it('an unknown name is no place it ends with', () => {
    for (const agency of [
      '凤潮连街道办事处',
      '龙鹤峰县人民政府',
      '安龙游县人民政府',
      '新镇康县人民政府',
      '和望江县人民政府',
    ])
      expect(region(agency).region_code, agency).toBeNull();
  });
  it('an abolished county is no county its name ends with', () => {
    for (const agency of [
      '宜宾县人民政府',
      '密云县人民政府',
      '绍兴县人民政府',
      '玉环县人民政府',
      '会理县人民政府',
      '晋宁县人民政府',
    ])
      expect(region(agency).region_code, agency).toBeNull();
    // With its city in front: the city (coarse, but true).
    expect(region('宜宾市宜宾县人民政府').region_code).toBe('511500');
  });
  it('still after a name, a province’s short name, an institution, a verb or a year', () => {
    expect(region('江门市蓬江区潮连街道办事处').region_code).toBe('440703005');
    expect(region('鹤峰县人民政府').region_code).toBe('422828');
    expect(region('湖北恩施州鹤峰县人民政府').region_code).toBe('422828');
    expect(region('国家税务总局鹤峰县税务局').region_code).toBe('422828');
    expect(region('中共鹤峰县委').region_code).toBe('422828');
    expect(region('', '关于印发鹤峰县2022年政府信息公开工作年度报告的通知').region_code).toBe('422828');
    expect(region('', '二〇二二年度鹤峰县人民政府政府信息公开工作年度报告').region_code).toBe('422828');
  });
});

describe('a notice’s wrapper is no part of the agency (t57)', () => {
  it('关于 before the name, and the issuer of 关于印发…的通知', () => {
    expect(agencyFromTitle('关于浏阳市统计局2022年政府信息公开工作年度报告的公告')).toBe('浏阳市统计局');
    expect(agencyFromTitle('铜山区人民政府办公室关于印发铜山区人民政府2020年政府信息公开工作年度报告的通知')).toBe(
      '铜山区人民政府',
    );
    // An issuer whose name holds 关 (城关区).
    expect(agencyFromTitle('城关区人民政府办公室关于印发城关区人民政府2020年政府信息公开工作年度报告的通知')).toBe(
      '城关区人民政府',
    );
    // An agency's own 关于…的报告 keeps its name.
    expect(agencyFromTitle('浏阳市统计局关于2022年度政府信息公开工作的报告')).toBe('浏阳市统计局');
  });
});

describe('a title broken inside a name (t57)', () => {
  it('its first line is read as the title’s beginning', () => {
    expect(titleBeginning('吉林省四平市铁')).toBe(true);
    expect(titleBeginning('安徽省黄山')).toBe(true);
    // A banner's complete name, a place alone, a site's name: no.
    for (const line of ['宁波市人民政府', '吉林省四平市', '吉林省人民政府门户网站', '政务公开'])
      expect(titleBeginning(line), line).toBe(false);
  });
  it('the agency and the region of the whole name', () => {
    const text =
      '吉林省四平市铁\n东区文化和旅游局2022年政府信息公开工作年度报告\n发布日期：2023-01-20\n一、总体情况\n好。\n五、存在的主要问题及改进情况\n无。';
    const { report } = ok(parseText(text, 'x.txt'));
    expect([report.agency, report.region_code]).toEqual(['吉林省四平市铁东区文化和旅游局', '220303']);
  });
  it('a place’s name run on from the first line into the second joins them', () => {
    for (const [first, second, agency, code] of [
      ['临汾市乡', '宁县住房和城乡建设局', '临汾市乡宁县住房和城乡建设局', '141029'],
      ['白银市会', '宁县人民政府', '白银市会宁县人民政府', '620422'],
      ['临', '高县交通运输局', '临高县交通运输局', '469024'],
      ['广西壮族自治', '区桂林市临桂区人民政府', '广西壮族自治区桂林市临桂区人民政府', '450312'],
      // A banner's name before the title: no name runs on, the title alone.
      ['宁波市人民政府', '府谷县交通运输局', '府谷县交通运输局', '610822'],
    ]) {
      const text = `${first}\n${second}2022年政府信息公开工作年度报告\n发布日期：2023-01-20\n一、总体情况\n好。\n五、存在的主要问题及改进情况\n无。`;
      const { report } = ok(parseText(text, 'x.txt'));
      expect([report.agency, report.region_code], first).toEqual([agency, code]);
    }
  });
});

describe('the body’s first 年度 against its other statements of its year (t57)', () => {
  const report = (opening: string, first: string) =>
    ok(
      parseText(
        `测试县交通运输局政府信息公开工作年度报告\n发布日期：2024-01-20\n${opening}\n一、总体情况\n${first}\n五、存在的主要问题及改进情况\n无。`,
        'x.txt',
      ),
    );
  it('a past year’s award or last year’s report is not the year: NULL, the disagreement named', () => {
    for (const first of [
      '2022年度，我局获评政务公开先进单位。2023年，我局认真贯彻落实《条例》。',
      '2022年度报告中提出的问题已全部整改到位。',
    ]) {
      const p = report(
        '根据《中华人民共和国政府信息公开条例》规定，现公布测试县交通运输局2023年政府信息公开工作年度报告。',
        first,
      );
      expect(p.report.year, first).toBeNull();
      expect(p.diagnostics.find((d) => d.code === 'W_NO_YEAR')?.message).toMatch(/body-report 2023, .*body 2022/);
    }
  });
  it('the most frequent year against the first 年度: NULL', () => {
    const p = report('', '2022年度，我局获评先进单位。2023年，我局做好公开工作。2023年，我局办理申请。');
    expect(p.report.year).toBeNull();
  });
  it('another year named as often as the first 年度’s: NULL', () => {
    const p = report('', '自2021年以来，我镇推进政务公开。2023年度，我镇获评先进单位。2024年，我镇做好公开工作。');
    expect(p.report.year).toBeNull();
  });
  it('a body that agrees with itself keeps its year', () => {
    const p = report(
      '根据《中华人民共和国政府信息公开条例》规定，现公布测试县交通运输局2023年政府信息公开工作年度报告。',
      '2023年度，我局认真贯彻落实《条例》。',
    );
    expect(p.report.year).toBe(2023);
  });
});

describe('a page with no title of its own (t57)', () => {
  const page = (title: string, before: string) =>
    ok(
      parseText(
        `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${before}<div id="zoom"><p>发布日期：2024-01-20</p><p>根据《中华人民共和国政府信息公开条例》规定，现公布浙江省水利厅2023年政府信息公开工作年度报告。</p><p>一、总体情况</p><p>2023年，我厅认真贯彻落实《条例》。</p><p>五、存在的主要问题及改进情况</p><p>无。</p></div></body></html>`,
        'x.html',
      ),
    );
  it('a 相关文章 list’s item with its date is not the title, though the fields follow it', () => {
    const p = page(
      '政府信息公开年报',
      '<div class="related"><h3>相关文章</h3><ul><li><a href="#">浙江省水利厅2018年政府信息公开工作年度报告</a> <span>2019-01-23</span></li></ul></div>',
    );
    expect(p.report.year).toBe(2023);
    expect(p.report.title ?? '').not.toContain('2018');
  });
  it('a stale <title> of another year than the report the body publishes: NULL, both named', () => {
    const p = page('浙江省水利厅2022年政府信息公开工作年度报告', '');
    expect(p.report.year).toBeNull();
    expect(p.diagnostics.find((d) => d.code === 'W_NO_YEAR')?.message).toMatch(/page-title 2022, body-report 2023/);
    // The same <title> of the body's year stands.
    expect(page('浙江省水利厅2023年政府信息公开工作年度报告', '').report.year).toBe(2023);
  });
});

describe('a date that ends the appendix (t57)', () => {
  it('is not the publication date when the report was signed before it without one', () => {
    const text = (signature: string) =>
      `测试县民政局2023年政府信息公开工作年度报告\n一、总体情况\n好。\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n${signature}\n附件：政府信息公开情况统计表\n二、主动公开政府信息情况\n表略。\n2024年3月5日`;
    expect(ok(parseText(text('测试县民政局'), 'x.txt')).report.published_on).toBeNull();
    // Signed with a date: that date.
    expect(ok(parseText(text('测试县民政局\n2024年1月20日'), 'x.txt')).report.published_on).toBe('2024-01-20');
    expect(undatedSignature('测试县民政局')).toBe(true);
    expect(undatedSignature('表略。')).toBe(false);
  });
});
