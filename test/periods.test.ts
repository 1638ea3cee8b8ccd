import { describe, expect, it } from 'vitest';
import {
  namesOtherPeriod,
  otherPeriodCaption,
  otherPeriodOpener,
  otherPeriodReference,
} from '../src/lib/tables/periods.ts';

describe('namesOtherPeriod', () => {
  it.each([
    ['累计', true],
    ['累计数', true],
    ['2008年以来累计', true],
    ['截至2023年底累计', true],
    ['截至2023年12月31日，本年度共累计受理', false],
    ['截至目前累计', true],
    ['上一个年度', true],
    ['前一年度', true],
    ['往期', true],
    ['当前年度', false],
    ['以上年度', false],
    ['全年累计', false],
    ['1-12月累计', false],
    ['本年（含上年结转）', false],
    ['《条例》施行以来', false],
    ['2023年以来', false],
    ['2022年以来', true],
    ['来源：某局 2024年01月25日', false],
    ['《十四五规划纲要（2021-2025年）》', false],
    ['2022年1月1日至12月31日', true],
    ['22年', true],
    ['23年', false],
    ['2022年数据', true],
    ['上年数据', true],
    ['二〇二二年', true],
    ['2018-2020年', true],
    ['近三年合计', true],
    ['2023年', false],
    ['2023年度数据', false],
    ['本年', false],
    ['本年累计', false],
    ['二〇二三年', false],
    ['总计', false],
    ['复议后起诉', false],
  ])('%s in a 2023 report: %s', (words, other) => expect(namesOtherPeriod(words, 2023)).toBe(other));
  it('counts any year as another when the report year is unknown', () =>
    expect(namesOtherPeriod('2023年', null)).toBe(true));
});

const lines = (...texts: string[]) => texts.map((text, k) => ({ no: 10 + k, text }));
const header = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况';
const heading = { no: 9, text: '三、收到和处理政府信息公开申请情况' };

describe('otherPeriodCaption', () => {
  it('finds a title naming last year, even with the form words in it', () => {
    expect(otherPeriodCaption(heading, lines('表3  2022年收到和处理政府信息公开申请情况', header), 2023)).toEqual({
      line: 10,
      words: '表3  2022年收到和处理政府信息公开申请情况',
    });
    expect(
      otherPeriodCaption(
        { no: 9, text: '四、政府信息公开行政复议、行政诉讼情况' },
        lines('表4  2022年政府信息公开行政复议、行政诉讼情况', '行政复议 | 行政诉讼'),
        2023,
      ),
    ).not.toBeNull();
  });
  it('finds the sentence introducing the table', () =>
    expect(otherPeriodCaption(heading, lines('本年度无相关情况。2022年度情况如下：', header), 2023)?.words).toContain(
      '2022年度情况如下：',
    ));
  it('finds a heading naming a span', () =>
    expect(
      otherPeriodCaption({ no: 9, text: '三、收到和处理政府信息公开申请情况（2008年以来累计）' }, lines(header), 2023),
    ).not.toBeNull());
  it('says nothing of a sentence comparing years, of 上年结转, or of the own year', () => {
    expect(otherPeriodCaption(heading, lines('本年度收到申请较2022年增长10%，具体如下：', header), 2023)).toBeNull();
    expect(otherPeriodCaption(heading, lines('含上年结转申请3件。', header), 2023)).toBeNull();
    expect(otherPeriodCaption(heading, lines('表3  2023年收到和处理政府信息公开申请情况', header), 2023)).toBeNull();
    expect(otherPeriodCaption(heading, lines('今年以来情况如下：', header), 2023)).toBeNull();
  });
  it('reads nothing after the table begins', () =>
    expect(otherPeriodCaption(heading, lines(header, '2022年情况'), 2023)).toBeNull());
});

describe('otherPeriodCaption and the form’s own words', () => {
  it('takes 2022年结转 and 结转2024年度 for the year’s rows', () =>
    expect(
      otherPeriodCaption(heading, lines('共收到申请5件，2022年结转2件，结转2024年度1件。', header), 2023),
    ).toBeNull());
});

describe('otherPeriodCaption and a running head', () => {
  it('takes a report title of another year for a page header, no caption (t89 l3b)', () =>
    expect(
      otherPeriodCaption(
        heading,
        lines('某某县人民政府2022年政府信息公开工作年度报告', '本年度办理情况如下。', header),
        2023,
      ),
    ).toBeNull());
});

// t102's captions the first rule missed (W1c, W1e, W1g, W1h) and their innocent twins.
describe('otherPeriodCaption: long intros, notes after the table, citations, bracketed remarks', () => {
  const rows = [header, '一、本年新收政府信息公开申请数量 | 1 | 2 | 3'];
  it('reads a long line ending in a colon above a unit line', () =>
    expect(
      otherPeriodCaption(
        heading,
        lines(
          '上年度（2022年）本机关收到和处理政府信息公开申请的情况，按照规定格式统计如下，供读者参考使用：',
          '单位：件',
          ...rows,
        ),
        2023,
      ),
    ).not.toBeNull());
  it('reads a note after the table saying what the whole table is', () => {
    expect(
      otherPeriodCaption(heading, lines(...rows, '注：上表为2022年度数据，本年度未收到申请。'), 2023),
    ).not.toBeNull();
    expect(otherPeriodCaption(heading, lines(...rows, '（注：表中数据为2008年以来累计）'), 2023)).not.toBeNull();
    expect(otherPeriodCaption(heading, lines(...rows, '上表为2022年度数据。'), 2023)).not.toBeNull();
    expect(otherPeriodCaption(heading, lines(...rows, '*注：以上均为2022年度数据'), 2023)).not.toBeNull();
  });
  it('says nothing of a note on a part of the table (t106)', () => {
    for (const note of [
      '注：表中“上年结转”为2022年度未办结的申请。',
      '注：本表数据截至2024年1月10日。',
      '注：本表按照2021年修订的统计格式填报。',
      '注：本表统计期间为2022年12月21日至2023年12月20日。',
      '注：表中“尚未审结”含2022年受理的案件1件。',
      '注：表中现行有效件数包括往年制发且仍然有效的文件。',
      '注：2022年被提起的1起行政诉讼已于本年度审结，计入上表“结果维持”。',
    ])
      expect(otherPeriodCaption(heading, lines(...rows, note), 2023), note).toBeNull();
  });
  it('says nothing of a source, a format or a law named before the table (t106)', () => {
    for (const intro of [
      '数据来源：本机关2023年度报告统计，2021年起按新格式填报',
      '本年度收到和处理政府信息公开申请情况如下（上年度数据详见2022年年报）：',
      '按照国务院办公厅2021年印发的年度报告格式和有关意见，本机关收到和处理申请情况如下：',
      '本机关按照2021年国务院办公厅印发的新版格式要求，认真统计了本年度收到和处理政府信息公开申请的情况，具体如下：',
      '截至2024年1月10日，本年度收到和处理申请情况如下（较上年有所增加）：',
      '本年度收到申请45件（2022年为38件），具体情况如下：',
      '（统计期间：2022年12月21日至2023年12月20日）',
    ])
      expect(otherPeriodCaption(heading, lines(intro, '单位：件', ...rows), 2023), intro).toBeNull();
  });
  it('takes a heading’s own year for the report’s when the report’s is unknown (t106)', () =>
    expect(
      otherPeriodCaption({ no: 9, text: '三、2023年收到和处理政府信息公开申请情况' }, lines(...rows), null),
    ).toBeNull());
  it('says nothing of a note of the own year, of a comparison, or not about the table', () => {
    expect(otherPeriodCaption(heading, lines(...rows, '注：上表为2023年度数据。'), 2023)).toBeNull();
    expect(otherPeriodCaption(heading, lines(...rows, '注：上表中本年新收申请较2022年增加5件。'), 2023)).toBeNull();
    expect(otherPeriodCaption(heading, lines(...rows, '注：2022年度本机关未收到申请。'), 2023)).toBeNull();
    expect(
      otherPeriodCaption(heading, lines(...rows, '注：表中“上年结转”指2022年结转至2023年的申请。'), 2023),
    ).toBeNull();
  });
  it('takes a cited report for the table’s source, a bare title for a running head', () => {
    expect(otherPeriodCaption(heading, lines('摘自本机关2022年度报告：', ...rows), 2023)).not.toBeNull();
    expect(
      otherPeriodCaption(heading, lines('某某县人民政府2022年政府信息公开工作年度报告', ...rows), 2023),
    ).toBeNull();
  });
  it('reads past a comparison in a bracketed remark, not past one outside it', () => {
    expect(otherPeriodCaption(heading, lines('2022年度情况如下（本年度无增加）：', ...rows), 2023)).not.toBeNull();
    expect(otherPeriodCaption(heading, lines('本年度情况如下（较2022年增加5件）：', ...rows), 2023)).toBeNull();
    expect(otherPeriodCaption(heading, lines('本年度较2022年增加5件（2022年为10件）：', ...rows), 2023)).toBeNull();
  });
});

describe('otherPeriodReference (t106)', () => {
  it('finds a section’s words pointing at another period’s table printed elsewhere', () => {
    expect(
      otherPeriodReference(lines('本年度未收到申请，上年度收到和处理政府信息公开申请情况见附表。'), 2023),
    ).not.toBeNull();
    expect(otherPeriodReference(lines('2022年度情况附后。'), 2023)).not.toBeNull();
  });
  it('says nothing of the year’s own table, or of a comparison', () => {
    expect(otherPeriodReference(lines('本年度收到和处理政府信息公开申请情况详见附表2。'), 2023)).toBeNull();
    expect(otherPeriodReference(lines('详见附件，较2022年有所增长。'), 2023)).toBeNull();
    expect(otherPeriodReference(lines('2022年本机关未收到申请。本年度情况见附表。'), 2023)).toBeNull();
  });
});

describe('t108: notes on how a table was made, pointing words, openers', () => {
  const rows = [header, '一、本年新收政府信息公开申请数量 | 1 | 2 | 3'];
  it('a note whose predicate is no period says nothing', () => {
    for (const note of [
      '注：本表为依据2021年新版格式填报的数据。',
      '注：本表系根据2022年修订的统计口径统计。',
      '以上是本机关自2022年起的做法。',
    ])
      expect(otherPeriodCaption(heading, lines(...rows, note), 2023), note).toBeNull();
    expect(otherPeriodCaption(heading, lines(...rows, '注：上表数据均来自本机关2022年度报告。'), 2023)).not.toBeNull();
    expect(
      otherPeriodCaption(heading, lines(...rows, '注：上表数据统计时段为2022年1月1日至12月31日。'), 2023),
    ).not.toBeNull();
  });
  it('a section with no table of its own speaks for the table elsewhere; pointing clauses decide', () => {
    expect(otherPeriodReference(lines('本年度未收到申请。上年度有关情况见文末。'), 2023)).not.toBeNull();
    expect(otherPeriodReference(lines('本年度未收到申请，2022年度的有关情况另附。'), 2023)).not.toBeNull();
    expect(otherPeriodReference(lines('2022年本机关未收到申请。本年度情况见附表。'), 2023)).toBeNull();
    expect(otherPeriodReference(lines('按照2021年新修订的附表格式，本年度情况见附表。'), 2023)).toBeNull();
  });
  it('an opener naming another period, its report’s title included', () => {
    expect(
      otherPeriodOpener({ no: 1, text: '对上年度报告中“收到和处理政府信息公开申请情况”数据更正如下：' }, 2023),
    ).not.toBeNull();
    expect(otherPeriodOpener({ no: 1, text: '附件：2022年度政府信息公开工作年度报告数据' }, 2023)).not.toBeNull();
    expect(otherPeriodOpener({ no: 1, text: '更正说明：第三部分表格中数据有误，更正如下：' }, 2023)).toBeNull();
    expect(otherPeriodOpener({ no: 1, text: '附件1：本机关2023年政府信息公开情况统计表' }, 2023)).toBeNull();
  });
});

describe('t109: wrapped lines, dotted date spans, 至今, more note forms', () => {
  const rows = [header, '一、本年新收政府信息公开申请数量 | 1 | 2 | 3'];
  it('reads a sentence wrapped over two intro lines as one', () =>
    expect(
      otherPeriodCaption(
        heading,
        lines('本年度本机关未收到政府信息公开申请。2022', '年度收到和处理政府信息公开申请情况如下：', ...rows),
        2023,
      ),
    ).not.toBeNull());
  it('reads a span of dotted dates and a count since a year up to now', () => {
    expect(namesOtherPeriod('下表统计区间为2022.1.1—2022.12.31', 2023)).toBe(true);
    expect(namesOtherPeriod('统计区间为2022.12.21—2023.12.20', 2023)).toBe(false);
    expect(namesOtherPeriod('自2008年5月1日《条例》施行至今，本机关收到和处理申请情况', 2023)).toBe(true);
    expect(namesOtherPeriod('2023年1月至今', 2023)).toBe(false);
  });
  it('reads more note forms', () => {
    for (const note of [
      '※上表为2022年度数据。',
      '注：上表所示为2022年度数据。',
      '注：上表中的数字均为2022年度数据。',
      '上表所列各项，均系二〇二二年度之数据。',
      '注：上表系自二〇〇八年五月《条例》施行以来的累计数据。',
      '注：上表为本机关成立至今的累计数。',
    ])
      expect(otherPeriodCaption(heading, lines(...rows, note), 2023), note).not.toBeNull();
  });
});
