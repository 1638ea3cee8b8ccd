import { describe, expect, it } from 'vitest';
import { testerFiles, wrongInFile } from './documents.ts';
import { minimalHtmlReport, ok, parseText, rowOf } from './helpers.ts';

/** A fresh tester's t88 (test/fixtures/tester/t88, README.txt its notes): Word tables with merged cells. */
const dir = new URL('./fixtures/tester/t88/', import.meta.url);

describe('t88: a blank or a mark merged over rows, or a blank spanning an extra grid column, keeps its column', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(3));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
});

describe('a number merged over two rows and two grid columns keeps the row below in its columns (synthetic seed 144)', () => {
  const td = (c: string, a = '') => `<td${a}>${c}</td>`;
  const html = minimalHtmlReport([
    '<p>三、收到和处理政府信息公开申请情况</p>',
    '<table border="1">',
    `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' rowspan="3" colspan="2"')}${td('申请人情况', ' colspan="8"')}</tr>`,
    `<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="6"')}${td('总计', ' rowspan="2"')}</tr>`,
    `<tr>${['商业企业', '科研机构', '社会公益组织'].map((h) => td(h)).join('')}${td('法律服务机构', ' colspan="2"')}${td('其他')}</tr>`,
    `<tr>${td('一、本年新收政府信息公开申请数量', ' colspan="2"')}${['1', '2', '0', '0'].map((c) => td(c)).join('')}${td('0', ' colspan="2"')}${td('0')}${td('3')}</tr>`,
    `<tr>${td('三、本年度办理结果', ' rowspan="2"')}${td('（一）予以公开')}${['0', '1', '0', '0'].map((c) => td(c)).join('')}${td('0', ' colspan="2" rowspan="2"')}${td('0')}${td('1')}</tr>`,
    `<tr>${td('（二）部分公开')}${['1', '0', '0', '—'].map((c) => td(c)).join('')}${td('2')}${td('')}</tr>`,
    '</table>',
  ]);
  it('the row below: 其他 under 其他, 总计 blank', () => {
    const cells = ok(parseText(html, 'report.html')).cells;
    expect(rowOf(cells, 'requests', 'partly_granted')).toBe('1 0 0 N A 2 B');
  });
});
