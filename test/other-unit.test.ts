import { describe, expect, it } from 'vitest';
import { otherUnitCaption } from '../src/lib/tables/other-unit.ts';
import { ok, parseText, rowOf } from './helpers.ts';
import { ACTIVE, REQUESTS, REVIEW, report } from './report-text.ts';

/**
 * Another unit's table as a section's only table (a fresh tester's t111): the words over it name
 * a unit that is not the report's agency, or several units, and the table is left NULL
 * (tables/other-unit.ts). The agency's own words are never doubted.
 */
const OWN = ['沭阳县水利局'];
const HEAD = { no: 1, text: '三、收到和处理政府信息公开申请情况' };
const TABLE = { no: 9, text: '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况' };
const over = (texts: string[], own = OWN, heading = HEAD) =>
  otherUnitCaption(heading, [...texts.map((text, i) => ({ no: i + 2, text })), TABLE], own)?.unit ?? null;

describe('otherUnitCaption', () => {
  it.each([
    [
      '本机关本年度未收到政府信息公开申请。下属单位沭阳县水利工程管理处收到和处理政府信息公开申请情况如下：',
      '下属单位沭阳县水利工程管理处',
    ],
    ['所属事业单位沭阳县水利工程管理处情况如下：', '所属事业单位沭阳县水利工程管理处'],
    ['沭阳县水利工程管理处收到和处理政府信息公开申请情况', '沭阳县水利工程管理处'],
    ['表3 沭阳县水利工程管理处政府信息公开申请情况统计表', '沭阳县水利工程管理处'],
    ['填报单位：沭阳县水利工程管理处', '沭阳县水利工程管理处'],
    ['沭阳县水利工程管理处', '沭阳县水利工程管理处'],
    ['（以下为局属沭阳县水利工程管理处数据）', '为局属沭阳县水利工程管理处'],
    ['本局机关本年度未收到申请，局属各单位汇总情况如下：', '局属各单位汇总'],
    ['本局派出机构沭阳县水利局沭城水利站收到和处理申请情况如下：', '本局派出机构沭阳县水利局沭城水利站'],
    ['县政府本级本年度未收到政府信息公开申请。各乡镇（街道）收到和处理政府信息公开申请情况汇总如下：', '各乡镇'],
    ['下屬單位沭陽縣水利工程管理處收到和處理政府信息公開申請情況如下：', '下属单位沭阳县水利工程管理处'],
    ['下表为下属单位沭阳县水利工程管理处收到和处理申请的情况。', '下属单位沭阳县水利工程管理处'],
    ['表3 沭阳县水利工程管理处政府信息公开行政复议、行政诉讼情况', '沭阳县水利工程管理处'],
    ['下属单位区教育局政府信息公开行政复议、行政诉讼情况如下：', '下属单位区教育局'],
  ])('names another unit: %s', (text, unit) => expect(over([text])).toBe(unit));

  it.each([
    '沭阳县水利局收到和处理政府信息公开申请情况如下：',
    '本局收到和处理政府信息公开申请情况如下：',
    '本局（含下属单位）收到和处理政府信息公开申请情况如下：',
    '填报单位：沭阳县水利局',
    '现将本年度收到和处理政府信息公开申请情况统计如下：',
    '2023年度，我局共收到政府信息公开申请15件，具体情况如下：',
    '本机关收到和处理政府信息公开申请情况如下：',
    '全县收到和处理政府信息公开申请情况汇总如下：',
    '（单位：件）',
    '本年度，我局及下属单位共收到申请12件。',
    '局机关各科室收到和处理政府信息公开申请情况汇总如下：',
    '本局及所属单位收到和处理政府信息公开申请情况如下：',
    '填报单位：沭阳县水利局办公室',
  ])('names no other unit: %s', (text) => expect(over([text])).toBeNull());

  it('reads the heading: 三、局属某处收到和处理…, not 四、因政府信息公开工作被申请行政复议…', () => {
    expect(over([], OWN, { no: 1, text: '三、局属沭阳县水利工程管理处收到和处理政府信息公开申请情况' })).toBe(
      '局属沭阳县水利工程管理处',
    );
    expect(over([], OWN, { no: 1, text: '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况' })).toBeNull();
    expect(over([], OWN, { no: 1, text: '三、本机关收到和处理政府信息公开申请情况' })).toBeNull();
  });

  it('reads a note after the table saying whose it is', () => {
    const note = (text: string) =>
      otherUnitCaption(
        HEAD,
        [TABLE, { no: 10, text: '一、本年新收政府信息公开申请数量 | 1 | 2 | 3 |' }, { no: 11, text }],
        OWN,
      )?.unit ?? null;
    expect(note('注：上表为局属沭阳县水利工程管理处数据。')).toBe('局属沭阳县水利工程管理处');
    expect(note('注：上表为本局数据。')).toBeNull();
    expect(note('注：上表为2022年度数据。')).toBeNull();
  });

  it('with the agency unknown, counts only words of several or subordinate units', () => {
    expect(over(['沭阳县水利工程管理处'], [])).toBeNull();
    expect(over(['所属事业单位沭阳县水利工程管理处情况如下：'], [])).not.toBeNull();
  });
});

describe("another unit's table in a section (parse)", () => {
  const read = (text: string) => ok(parseText(text));

  it("leaves the section's table NULL and reads the others", () => {
    const text = report(ACTIVE, ['下属单位测试管理处收到和处理政府信息公开申请情况如下：', ...REQUESTS], REVIEW, []);
    const p = read(text);
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('O O O O O O O');
    expect(p.diagnostics.some((d) => d.code === 'W_CELLS_AMBIGUOUS' && /another unit's/.test(d.message))).toBe(true);
    expect(rowOf(p.cells, 'active', 'rules')).toBe('2 1 17');
    expect(rowOf(p.cells, 'review', 'suit_after_review')).toBe('0 0 0 2 2');
  });

  it('takes a heading in other words just before a table for its section (segment/unheaded.ts)', () => {
    const text = report(ACTIVE, REQUESTS, REVIEW, []).replace(
      '三、收到和处理政府信息公开申请情况',
      '三、局属测试管理处收到和处理政府信息公开申请情况',
    );
    const p = read(text);
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('O O O O O O O');
    expect(rowOf(p.cells, 'active', 'fees')).toBe('121.33');
  });
});
