import { describe, expect, it } from 'vitest';
import { requestRows2021 } from '../src/lib/template/definitions.ts';
import { ok, parseText, rowOf } from './helpers.ts';

/**
 * 三 with its 总计 column and （七）总计 row left blank (a tester's file): no arithmetic checks
 * such a table, so where a row's blank cell stands only the table's structure can say.
 */

/** Six values per row of 三 (2021), the 总计 column and the （七）总计 row left out. */
const values = (k: number) => [k % 7, 1, 0, (k * 3) % 5, 0, k % 3];

function report(table: string): string {
  return [
    '<html><body><h1>某某局2023年政府信息公开工作年度报告</h1>',
    '<p>一、总体情况</p><p>本局全年公开信息。</p>',
    '<p>三、收到和处理政府信息公开申请情况</p>',
    table,
    '<p>四、政府信息公开行政复议、行政诉讼情况</p><p>无。</p>',
    '<p>五、存在的主要问题及改进情况</p><p>无。</p>',
    '</body></html>',
  ].join('\n');
}

const header = [
  '<tr><td colspan="2" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>',
  '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
  '<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>',
].join('\n');

/** The table's rows: `cells(k)` gives the value cells of row k (the label's are written here). */
function rows(cells: (k: number, total: boolean) => string): string {
  return requestRows2021
    .map((d, k) => `<tr><td colspan="2">${d.label}</td>${cells(k, d.key === 'total')}</tr>`)
    .join('\n');
}

describe('a blank last column given by the table (HTML, Word)', () => {
  it('an empty <td> under 总计 in every row is a blank cell; the others are placed by position', () => {
    const td = (v: string | number) => `<td>${v}</td>`;
    const html = report(
      `<table>${header}\n${rows((k, total) => (total ? td('').repeat(7) : values(k).map(td).join('') + td('')))}</table>`,
    );
    const p = ok(parseText(html, 'a.html'));
    for (const [k, d] of requestRows2021.entries()) {
      const want = d.key === 'total' ? 'B B B B B B B' : [...values(k), 'B'].join(' ');
      expect(rowOf(p.cells, 'requests', d.key), d.key).toBe(want);
    }
  });

  it('a row one <td> short of the others is still short: its values are not placed by position', () => {
    const td = (v: string | number) => `<td>${v}</td>`;
    // 予以公开 lost a cell (5 values and the blank): which one is not shown, and nothing checks it.
    const html = report(
      `<table>${header}\n${rows((k, total) =>
        total ? td('').repeat(7) : (k === 2 ? values(k).slice(1) : values(k)).map(td).join('') + td(''),
      )}</table>`,
    );
    const p = ok(parseText(html, 'a.html'));
    expect(rowOf(p.cells, 'requests', 'granted')).not.toMatch(/\d/);
    expect(rowOf(p.cells, 'requests', 'partly_granted')).toBe([...values(3), 'B'].join(' '));
  });
});
