import { describe, expect, it } from 'vitest';
import { ok, parseText, rowOf } from './helpers.ts';

/**
 * Section 四 printed as two tables (a fresh tester's v16, v16b): 行政复议 on one page, 行政诉讼
 * with 未经复议直接起诉 and 复议后起诉 on the next, each under a header of its own. All 15 cells
 * were NULL ("5 values for 15 columns"): the second table was not joined to the first.
 */

const RESULTS = '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计';

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

describe('section 四 printed as two tables', () => {
  it('reads each block under the header that names it (| text)', () => {
    const text = report([
      '行政复议 |',
      `${RESULTS} |`,
      '5 | 8 | 2 | 7 | 22 |',
      '行政诉讼 |',
      '未经复议直接起诉 | 复议后起诉 |',
      `${RESULTS} | ${RESULTS} |`,
      '3 | 7 | 8 | 7 | 25 | 3 | 1 | 7 | 0 | 11 |',
    ]);
    expect(rows(text)).toEqual(['5 8 2 7 22', '3 7 8 7 25', '3 1 7 0 11']);
  });

  it('reads each block under the header that names it (HTML, a blank cell kept in its column)', () => {
    const tr = (cells: string[], attrs = '') => `<tr>${cells.map((c) => `<td${attrs}>${c}</td>`).join('')}</tr>`;
    const results = RESULTS.split(' | ');
    const text = [
      '<html><body><p>某某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本局全年公开信息。</p>',
      '<p>四、政府信息公开行政复议、行政诉讼情况</p>',
      `<table>${tr(['行政复议'], ' colspan="5"')}${tr(results)}${tr(['5', '8', '2', '7', '22'])}</table>`,
      // The second table on the next page, under a caption.
      '<p>（续表）</p>',
      `<table>${tr(['行政诉讼'], ' colspan="10"')}${tr(['未经复议直接起诉', '复议后起诉'], ' colspan="5"')}`,
      `${tr([...results, ...results])}${tr(['3', '7', '8', '7', '25', '0', '0', '0', '0', ''])}</table>`,
      '<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>',
    ].join('\n');
    expect(rows(text, 'a.html')).toEqual(['5 8 2 7 22', '3 7 8 7 25', '0 0 0 0 B']);
  });

  it('leaves a block NULL whose table is not proven, and reads the others', () => {
    // The second table a value short: which cell is lost is not known.
    expect(
      rows(
        report([
          '行政复议 |',
          `${RESULTS} |`,
          '5 | 8 | 2 | 7 | 22 |',
          '行政诉讼 |',
          '未经复议直接起诉 | 复议后起诉 |',
          `${RESULTS} | ${RESULTS} |`,
          '3 | 7 | 8 | 7 | 25 | 3 | 1 | 7 | 11 |',
        ]),
      ),
    ).toEqual(['5 8 2 7 22', 'A A A A A', 'A A A A A']);
    // 行政诉讼 not split into its two blocks: its ten values are no block's.
    expect(
      rows(
        report([
          '行政复议 |',
          `${RESULTS} |`,
          '5 | 8 | 2 | 7 | 22 |',
          '行政诉讼 |',
          `${RESULTS} | ${RESULTS} |`,
          '3 | 7 | 8 | 7 | 25 | 3 | 1 | 7 | 0 | 11 |',
        ]),
      ),
    ).toEqual(['5 8 2 7 22', 'A A A A A', 'A A A A A']);
    // The litigation blocks named out of the form's order.
    expect(
      rows(
        report([
          '行政复议 |',
          `${RESULTS} |`,
          '5 | 8 | 2 | 7 | 22 |',
          '行政诉讼 |',
          '复议后起诉 | 未经复议直接起诉 |',
          `${RESULTS} | ${RESULTS} |`,
          '3 | 7 | 8 | 7 | 25 | 3 | 1 | 7 | 0 | 11 |',
        ]),
      ),
    ).toEqual(['5 8 2 7 22', 'A A A A A', 'A A A A A']);
  });

  it('reads no block two tables name (another year’s printed after), nor one none names', () => {
    // (NULL on the code before too: the first table's five values for fifteen columns.)
    expect(
      rows(
        report([
          '行政复议 |',
          `${RESULTS} |`,
          '5 | 8 | 2 | 7 | 22 |',
          '行政复议 |',
          `${RESULTS} |`,
          '1 | 0 | 0 | 0 | 1 |',
        ]),
      ).join(' '),
    ).not.toMatch(/\d/);
  });
});
