import { describe, expect, it } from 'vitest';
import { minimalReport, ok, parseText, rowOf } from './helpers.ts';

/** Shapes of a fresh tester's t26 that published wrong numbers (text as converters write it). */

const active = (header: string) =>
  ok(
    parseText(
      minimalReport([
        '二、主动公开政府信息情况',
        header,
        '规章 | 1 | 2 | 25 |',
        '行政规范性文件 | 2 | 11 | 76 |',
        '信息内容 | 本年处理决定数量 |',
        '行政许可 | 2512 |',
        '三、收到和处理政府信息公开申请情况',
        '无。',
      ]),
    ),
  ).cells;

describe('二: a header in shortened words of the form, in another order (t26)', () => {
  it('is read as a header: its values are not placed in the form’s order', () => {
    // 类别 | 废止件数 | 制发件数 | 有效件数: 1 was published as issued, 2 as repealed. (The other
    // headers of t26, 名称 | 有效 | 废止 | 制发 and 2019's, are its files in fixtures/tester/t26.)
    for (const header of ['类别 | 废止件数 | 制发件数 | 有效件数 |', '类别 | 有效件数 | 制发件数 | 废止件数 |']) {
      const cells = active(header).filter((c) => c.table_id === 'active' && c.row_key === 'rules');
      expect(cells.length, header).toBeGreaterThan(0);
      expect(
        cells.every((c) => c.value === null),
        header,
      ).toBe(true);
    }
  });

  it('under a lead with a note (信息内容（单位：千元）), or in a one-line dump with its padding', () => {
    // The synthetic generator's t26 shapes (seed 11): both were read in the form's order.
    const cells = active('信息内容（单位：千元） | 有效件数 | 制发件数 | 废止件数 |').filter(
      (c) => c.table_id === 'active' && c.row_key === 'rules',
    );
    expect(cells.map((c) => c.value)).toEqual([null, null, null]);
    const dump = ok(
      parseText(
        minimalReport([
          '二、主动公开政府信息情况 类别 ｜ 有效件数 ｜ 制发件数 ｜ 废止件数 ｜  ｜  ｜ 规章 ｜ 0 ｜ 0 ｜ 0 ｜  ｜ 行政规范性文件 ｜ 203 ｜ 90 ｜ 5 ｜  ｜  ｜ 行政许可 ｜ 69 ｜ 行政处罚 ｜ 1 ｜  ｜  ｜ 行政强制 ｜ 0 ｜ 三、收到和处理政府信息公开申请情况 无。',
        ]),
      ),
    ).cells;
    expect(dump.filter((c) => c.table_id === 'active' && c.row_key === 'normative_docs').map((c) => c.value)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('in the form’s order, shortened, is read as before', () => {
    expect(rowOf(active('类别 | 制发件数 | 废止件数 | 有效件数 |'), 'active', 'rules')).toBe('1 2 25');
  });
});
