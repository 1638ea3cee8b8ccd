import { describe, expect, it } from 'vitest';
import { minimalReport, ok, parseText, rowOf } from './helpers.ts';

/** Section 二 (2021 form) with `extra` lines after its 行政强制 row, cells joined by ` | `. */
function active(extra: string[], after = '行政强制 | 7 |'): string {
  return minimalReport([
    '二、主动公开政府信息情况',
    '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '规章 | 3 | 1 | 25 |',
    '行政规范性文件 | 12 | 4 | 88 |',
    '信息内容 | 本年处理决定数量 |',
    '行政许可 | 1234 |',
    '行政处罚 | 56 |',
    after,
    ...extra,
    '信息内容 | 本年收费金额（单位：万元） |',
    '行政事业性收费 | 2.5 |',
    '三、收到和处理政府信息公开申请情况',
    '无。',
  ]);
}
const coercion = (extra: string[], after?: string) =>
  rowOf(ok(parseText(active(extra, after))).cells, 'active', 'coercion');

describe('a row of another power (行政确认, 行政征收 …) added to 二', () => {
  it('leaves the form row above it read: its value is its own row’s, not the rest of the one above', () => {
    expect(coercion([])).toBe('7');
    for (const label of [
      '行政确认',
      '行政征收',
      '行政给付',
      '行政检查',
      '行政奖励',
      '行政裁决',
      '其他行政权力',
      '其他对外管理服务事项',
    ])
      expect(coercion([`${label} | 15 |`])).toBe('7');
    expect(coercion(['行政确认： | 15 |', '行政给付 | 2 |'])).toBe('7');
    // A part of a form row's, its qualifier in brackets (a fresh tester's t7, c10), and 二's
    // 2019 procurement sub-table kept in a 2021 report (t7, f06).
    expect(coercion(['行政强制（查封扣押） | 3 |'])).toBe('7');
    expect(coercion([], '行政强制 | 7 |\n行政许可（告知承诺制） | 45 |')).toBe('7');
    expect(coercion(['政府集中采购 | 45 | 1234.5万元 |'])).toBe('7');
  });

  it('publishes none of its own values under a row of the form', () => {
    const p = ok(parseText(active(['行政确认 | 15 |'])));
    expect(p.cells.filter((c) => c.table_id === 'active' && c.raw === '15')).toEqual([]);
    expect(rowOf(p.cells, 'active', 'fees')).toBe('2.5');
  });

  it('still leaves the row NULL when the label is only part of the name, or other text', () => {
    expect(coercion(['确认 | 15 |'])).toBe('A');
    expect(coercion(['行政确认事项办理 | 15 |'])).toBe('A');
    expect(coercion(['（查封扣押） | 3 |'])).toBe('A');
    expect(coercion(['| 15 |'])).toBe('A');
  });
});
