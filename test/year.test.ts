import { describe, expect, it } from 'vitest';
import { decideYear, periodYear, planYears, titleYears } from '../src/lib/metadata/year.ts';
import { noYearZh, yearDisputedZh } from '../src/lib/ingest/reasons.ts';
import { buildReport } from './fixtures/build.ts';
import { ok, parseText } from './helpers.ts';

const body = { own: null, count: null, comparisons: [] };

describe('the years a title names', () => {
  it('one year, or both of two joined (no one year is the report’s)', () => {
    expect(titleYears('某局2023年政府信息公开工作年度报告', 2026)).toEqual([2023]);
    expect(titleYears('某局2022年、2023年政府信息公开工作年度报告', 2026)).toEqual([2022, 2023]);
    expect(titleYears('某局2022和2023年度政府信息公开工作年度报告', 2026)).toEqual([2022, 2023]);
    expect(titleYears('某局2022—2023年政府信息公开工作报告', 2026)).toEqual([2022, 2023]);
    // A later date in the title is no second subject.
    expect(titleYears('某局2023年政府信息公开工作年度报告（2024年1月20日）', 2026)).toEqual([2023]);
  });
});

describe('a title against the publication date', () => {
  it('stands when published after its year', () => {
    expect(decideYear({ titles: [2023], pageTitles: [], body, published: '2024-01-18' }).year).toBe(2023);
    expect(decideYear({ titles: [2023], pageTitles: [], body, published: null }).year).toBe(2023);
  });
  it('is NULL, with both claims, when the date is within or before its year (tester 9, m10)', () => {
    const d = decideYear({ titles: [2023], pageTitles: [], body, published: '2023-01-18' });
    expect(d.year).toBeNull();
    expect(d.conflict).toEqual([
      { source: 'title', year: 2023 },
      { source: 'published', year: 2023 },
    ]);
  });
  it('two years in the title: NULL unless the date leaves one', () => {
    expect(decideYear({ titles: [2022, 2023], pageTitles: [], body, published: '2024-01-20' }).year).toBeNull();
    expect(decideYear({ titles: [2022, 2023], pageTitles: [], body, published: '2023-01-20' }).year).toBe(2022);
  });
});

describe('a year the body’s statistical period disputes', () => {
  const lines = (...texts: string[]) => texts.map((text, i) => ({ no: i + 10, raw: text, text, map: null }));
  it('periodYear reads a whole-year period, not a part of a year or two years', () => {
    expect(periodYear(lines('本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。'), 2026)).toEqual({
      year: 2022,
      line: 10,
    });
    expect(periodYear(lines('无', '统计期限为2023年1月1日至12月31日。'), 2026)).toEqual({ year: 2023, line: 11 });
    expect(periodYear(lines('2023年1月1日至2023年6月30日'), 2026)).toBeNull();
    expect(periodYear(lines('2022年1月1日至2023年12月31日'), 2026)).toBeNull();
    // Another report's period is not this one's; in an earlier sentence of the line, 上年 does not matter.
    expect(periodYear(lines('上一年度报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。'), 2026)).toBeNull();
    expect(periodYear(lines('申请比上年增加。本报告统计期限自2020年1月1日起至2020年12月31日止。'), 2026)).toEqual({
      year: 2020,
      line: 10,
    });
  });
  it('periodYear reads periods in dots, slashes and Chinese numerals, by the same rules', () => {
    const at = (t: string) => periodYear(lines(t), 2026);
    expect(at('统计期限为2019.1.1-2019.12.31。')).toEqual({ year: 2019, line: 10 });
    expect(at('统计期限为2019/1/1至2019/12/31。')).toEqual({ year: 2019, line: 10 });
    expect(at('统计期限为2019.01.01—12.31。')).toEqual({ year: 2019, line: 10 });
    expect(at('统计期限为2019-01-01至2019-12-31。')).toEqual({ year: 2019, line: 10 });
    expect(at('本报告统计期限自二〇一九年一月一日至二〇一九年十二月三十一日止。')).toEqual({ year: 2019, line: 10 });
    expect(at('统计期限为二○一九年一月一日起至十二月三十一日。')).toEqual({ year: 2019, line: 10 });
    // Not a whole calendar year, two years, another report's period, a date run on.
    expect(at('2019.1.1-2019.6.30')).toBeNull();
    expect(at('2019.1.1-2020.12.31')).toBeNull();
    expect(at('2019/1/1至2019/12/310')).toBeNull();
    expect(at('2019.1.10-2019.12.31')).toBeNull();
    expect(at('2019.11.1-2019.12.31')).toBeNull();
    expect(at('二〇一九年一月一日至二〇一九年六月三十日')).toBeNull();
    expect(at('二〇一八年一月一日至二〇一九年十二月三十一日')).toBeNull();
    expect(at('上一年度报告中所列数据的统计期限为2018.1.1-2018.12.31。')).toBeNull();
    expect(at('上年度报告的统计期限为二〇一八年一月一日至二〇一八年十二月三十一日。')).toBeNull();
  });

  it('a period in Chinese numerals disputes a title’s year as one in digits does', () => {
    const text = buildReport({ style: 'pipes' }).replace(
      '一、总体情况\n',
      '一、总体情况\n本报告中所列数据的统计期限自二〇一九年一月一日起至二〇一九年十二月三十一日止。\n',
    );
    const p = ok(parseText(text));
    expect(p.report.year).toBe(2020);
    expect(p.diagnostics.find((x) => x.code === 'W_YEAR_DISPUTED')?.message).toMatch(
      /statistical period \(统计期限\) is 2019/,
    );
  });

  it('keeps the title’s year and warns (W_YEAR_DISPUTED, with the reason in Chinese)', () => {
    const text = buildReport({ style: 'pipes' }).replace(
      '一、总体情况\n',
      '一、总体情况\n本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。\n',
    );
    const p = ok(parseText(text));
    expect(p.report.year).toBe(2020);
    const d = p.diagnostics.find((x) => x.code === 'W_YEAR_DISPUTED')!;
    expect(d.line).toBe(text.split('\n').indexOf('本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。') + 1);
    expect(yearDisputedZh(d.message)).toBe('报告年度记为2020年，但正文的统计期限是2019年：数字属于哪一年请核对原文');
    // Published: the period's year beside the year, so that the report and quality pages can say so.
    expect(p.report).toMatchObject({ year: 2020, period_year: 2019 });
    // In the opening paragraph, before section 一 (the template's place for it).
    const opening = buildReport({ style: 'pipes' }).replace(
      '一、总体情况\n',
      '本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。\n一、总体情况\n',
    );
    expect(ok(parseText(opening)).diagnostics.some((x) => x.code === 'W_YEAR_DISPUTED')).toBe(true);
    const same = ok(parseText(text.replace(/2019年/g, '2020年')));
    expect(same.diagnostics.some((x) => x.code === 'W_YEAR_DISPUTED')).toBe(false);
    expect(same.report.period_year).toBe(2020);
    expect(ok(parseText(buildReport({ style: 'pipes' }))).report.period_year).toBeNull();
  });
});

describe('a title with no year: the statistical period, the publication date and next year’s plans (a fresh tester, v34)', () => {
  /** A report whose title names no year: `opening` before 一, `overview` in 一, `plans` in 五. */
  const report = (o: { published?: string; opening?: string; overview: string; plans: string }) =>
    [
      '苏州市常熟市档案馆政府信息公开工作年度报告',
      ...(o.published ? [`发布时间：${o.published}`] : []),
      ...(o.opening ? [o.opening] : []),
      '一、总体情况',
      o.overview,
      '二、主动公开政府信息情况',
      '无。',
      '三、收到和处理政府信息公开申请情况',
      '无。',
      '四、政府信息公开行政复议、行政诉讼情况',
      '无。',
      '五、存在的主要问题及改进情况',
      o.plans,
      '六、其他需要报告的事项',
      '本年度未收取信息处理费。',
      '',
    ].join('\n');
  const PERIOD = '本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。';
  const PLANS =
    '一是政策解读形式较为单一。2023年，我馆将继续深化公开。2023年将加强培训。2023年将完善平台。2023年将强化监督。';
  const parsed = (text: string) => ok(parseText(text));
  const noYear = (text: string) => parsed(text).diagnostics.find((d) => d.code === 'W_NO_YEAR')?.message;

  it('the period before 一 (2022), published 2023-01-16, plans for 2023: 2022 (was NULL, 正文写2023年)', () => {
    const p = parsed(
      report({ published: '2023-01-16', opening: PERIOD, overview: '2022年，本馆认真贯彻落实条例。', plans: PLANS }),
    );
    expect(p.report).toMatchObject({ year: 2022, period_year: 2022 });
    expect(p.diagnostics.filter((d) => d.code === 'W_NO_YEAR' || d.code === 'W_YEAR_DISPUTED')).toEqual([]);
  });

  it('no period: the plans are not counted as the report’s year (2023 ×4 outweighed 2022 ×1)', () => {
    // Published 2023: was NULL (body 2023, published 2023).
    const text = report({ published: '2023-01-16', overview: '2022年，本馆认真贯彻落实条例。', plans: PLANS });
    expect(parsed(text).report.year).toBe(2022);
    // No date: was 2023, next year's.
    expect(parsed(report({ overview: '2022年，本馆认真贯彻落实条例。', plans: PLANS })).report.year).toBe(2022);
    // A plan written 2023年度工作计划 is next year's too, not the body's first 2023年度.
    const plan = '2023年度工作计划：深化公开，加强培训。';
    expect(parsed(report({ overview: '2022年，本馆认真贯彻落实条例。', plans: plan })).report.year).toBe(2022);
  });

  it('a period of 2022 published in June 2022 is no year’s (as before): NULL with both', () => {
    const text = report({ published: '2022-06-30', opening: PERIOD, overview: '本馆认真贯彻落实条例。', plans: PLANS });
    const p = parsed(text);
    expect(p.report.year).toBeNull();
    expect(noYear(text)).toBe(
      'the year the report covers is not certain (body 2022, published 2022, plans 2023); left NULL',
    );
  });

  it('plans no later than the year the body gives are a disagreement: NULL, the plans named (in Chinese too)', () => {
    const plans = '2022年，我馆将继续深化公开。';
    const text = report({ published: '2023-01-16', opening: PERIOD, overview: '本馆认真贯彻落实条例。', plans });
    expect(parsed(text).report.year).toBeNull();
    const message = noYear(text)!;
    expect(message).toBe(
      'the year the report covers is not certain (body 2022, published 2023, plans 2022); left NULL',
    );
    expect(noYearZh(message)).toBe(
      '报告所属年度无法确定（正文写2022年，发布于2023年，下一年的计划写2022年），年度留空',
    );
  });

  it('a body naming 2023年度 and a period of 2022 disagrees with itself: NULL, both named (2023 was taken)', () => {
    // As when the sections are not found and 五's 2023年度工作计划 is the body's first 年度.
    const text = report({ opening: PERIOD, overview: '2023年度，本馆认真贯彻落实条例。', plans: '无。' });
    expect(parsed(text).report).toMatchObject({ year: null, period_year: 2022 });
    expect(noYear(text)).toBe('the year the report covers is not certain (period 2022, body 2023); left NULL');
    expect(noYearZh(noYear(text)!)).toBe('报告所属年度无法确定（统计期限是2022年，正文写2023年），年度留空');
    // With a title's year, the title's as before (W_YEAR_DISPUTED).
    expect(parsed(text.replace('档案馆政府', '档案馆2023年政府')).report.year).toBe(2023);
  });

  it('as before: the body’s 2022年度 with plans for 2023; a title’s year against the period; 将 outside 五', () => {
    const body = report({ published: '2023-01-16', overview: '2022年度，本馆认真贯彻落实条例。', plans: PLANS });
    expect(parsed(body).report.year).toBe(2022);
    // The title says 2023, the period 2022: the title's year, disputed.
    const titled = parsed(
      report({ published: '2024-01-16', opening: PERIOD, overview: '本馆认真贯彻落实条例。', plans: PLANS }).replace(
        '档案馆政府',
        '档案馆2023年政府',
      ),
    );
    expect(titled.report).toMatchObject({ year: 2023, period_year: 2022 });
    expect(titled.diagnostics.some((d) => d.code === 'W_YEAR_DISPUTED')).toBe(true);
    // A year before 将 in 一 is the report's deed, counted as before.
    const deed = report({ overview: '2023年将政务公开纳入考核，2023年，本馆认真落实。', plans: '无。' });
    expect(parsed(deed).report.year).toBe(2023);
  });

  it('planYears: next year’s plans, not a thing put into another (将…纳入) nor a report named', () => {
    const years = (t: string) => planYears(t).years;
    expect(years('2023年，我馆将继续深化公开。')).toEqual([2023]);
    expect(years('2023年将加强培训；2024年拟完善平台。')).toEqual([2023, 2024]);
    expect(years('2023年度工作计划：加强培训。')).toEqual([2023]);
    expect(years('2023年的工作打算')).toEqual([2023]);
    expect(years('2023年我局将政务公开纳入绩效考核。')).toEqual([]);
    expect(years('针对2022年报告中指出的问题，我局已整改。')).toEqual([]);
    expect(years('2022年计划生育信息')).toEqual([]);
    expect(planYears('2023年，我馆将继续深化公开。').masked).toBe('····年，我馆将继续深化公开。');
  });
});
