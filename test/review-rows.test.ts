import { describe, expect, it } from 'vitest';
import { ok, parseText, rowOf } from './helpers.ts';

/**
 * Section 四 as three rows of five, each labelled with its block (a fifth fresh tester's
 * s4_three_rows: all 15 cells NULL, "more values follow the first row's"): read by the rows'
 * labels, under a header naming the result columns in the form's order (tables/review-rows.ts).
 */

function report(review: string[]): string {
  return [
    '某某局2023年政府信息公开工作年度报告',
    '一、总体情况',
    '本局全年公开信息。',
    '四、政府信息公开行政复议、行政诉讼情况',
    ...review,
    '五、存在的主要问题及改进情况',
    '无。',
  ].join('\n');
}

const rows = (text: string, path = 'a.txt') => {
  const p = ok(parseText(text, path));
  return ['review', 'suit_direct', 'suit_after_review'].map((r) => rowOf(p.cells, 'review', r));
};

const HEADER = [
  '行政复议 | 行政诉讼 |',
  '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |',
];

describe('section 四 as three labelled rows of five', () => {
  it('reads each block from the row its label names, in any order of the rows', () => {
    const text = report([
      ...HEADER,
      '行政复议 | 7 | 2 | 4 | 1 | 14 |',
      '未经复议直接起诉 | 3 | 1 | 2 | 0 | 6 |',
      '复议后起诉 | 2 | 0 | 1 | 1 | 4 |',
    ]);
    expect(rows(text)).toEqual(['7 2 4 1 14', '3 1 2 0 6', '2 0 1 1 4']);
    const swapped = report([
      ...HEADER,
      '复议后起诉 | 2 | 0 | 1 | 1 | 4 | |',
      '行政复议 | 7 | 2 | 4 | 1 | 14 | |',
      '未经复议直接起诉 | 3 | 1 | 2 | 0 | 6 | |',
    ]);
    expect(rows(swapped)).toEqual(['7 2 4 1 14', '3 1 2 0 6', '2 0 1 1 4']);
  });

  it('places no value when the header names the results in another order, a row is short, or a block twice', () => {
    const cases = [
      [
        '行政复议 | 行政诉讼 |',
        '总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 未经复议直接起诉 | 复议后起诉 |',
        '行政复议 | 14 | 7 | 2 | 4 | 1 |',
        '未经复议直接起诉 | 6 | 3 | 1 | 2 | 0 |',
        '复议后起诉 | 4 | 2 | 0 | 1 | 1 |',
      ],
      [
        ...HEADER,
        '行政复议 | 7 | 2 | 4 | 14 |',
        '未经复议直接起诉 | 3 | 1 | 2 | 0 | 6 |',
        '复议后起诉 | 2 | 0 | 1 | 1 | 4 |',
      ],
      [
        ...HEADER,
        '行政复议 | 7 | 2 | 4 | 1 | 14 |',
        '行政复议 | 3 | 1 | 2 | 0 | 6 |',
        '复议后起诉 | 2 | 0 | 1 | 1 | 4 |',
      ],
    ];
    for (const c of cases) for (const r of rows(report(c))) expect(r, c.join('\n')).not.toMatch(/\d/);
  });
});
