import { describe, expect, it } from 'vitest';
import { testerFiles, wrongInFile } from './documents.ts';
import { minimalHtmlReport, ok, parseText, rowOf } from './helpers.ts';

/**
 * A fresh tester's t90: random damage to real-shaped files (a cell inserted or lost, a page
 * number between rows, OCR marks). Each shape here once published a number under a column it
 * was not proven to belong to.
 */

/** 三 as an HTML table: the header placing 自然人 … 总计 in grid columns 2–8, then `rows`. */
function requests(rows: string[]): string {
  const td = (cells: string[]) => cells.map((c) => `<td>${c}</td>`).join('');
  return minimalHtmlReport([
    '<p>二、主动公开政府信息情况</p><p>本局主动公开信息。</p>',
    '<p>三、收到和处理政府信息公开申请情况</p>',
    '<table border="1">',
    '<tr><td rowspan="3" colspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>',
    '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
    '<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>',
    ...rows.map((r) => {
      const [label, ...cells] = r.split(' ');
      return `<tr><td colspan="2">${label}</td>${td(cells.map((c) => (c === '_' ? '' : c)))}</tr>`;
    }),
    '</table>',
  ]);
}

describe('t90: a drawn row with a cell past its header, among rows that end under it', () => {
  const read = (row: string) =>
    ok(
      parseText(
        requests([
          '一、本年新收政府信息公开申请数量 9 3 0 0 0 1 _',
          '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 _',
          row,
          '四、结转下年度继续办理 0 0 0 0 0 0 _',
        ]),
        'report.html',
      ),
    ).cells;
  it('is not read by its count: a stray cell inserted mid-row pushes the blank 总计 out', () => {
    // 0 0 1 [1] 0 0 _ : the inserted 1 made 社会公益组织 1 and 总计 0.
    expect(rowOf(read('（七）总计 0 0 1 1 0 0 0 _'), 'requests', 'total')).not.toMatch(/\d/);
    expect(rowOf(read('（七）总计 0 0 0 0 0 0 0 _'), 'requests', 'total')).not.toMatch(/\d/);
  });
  it('the other rows are read, and a row ending under the header is read', () => {
    const cells = read('（七）总计 0 0 1 0 0 0 _');
    expect(rowOf(cells, 'requests', 'new_received')).toBe('9 3 0 0 0 1 B');
    expect(rowOf(cells, 'requests', 'total')).toBe('0 0 1 0 0 0 B');
  });
});

describe("t90's files (test/fixtures/tester/t90, README.txt its notes)", () => {
  const dir = new URL('./fixtures/tester/t90/', import.meta.url);
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(4));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
});
