import { describe, expect, it } from 'vitest';
import { requestRows2021 } from '../src/lib/template/definitions.ts';
import { minimalHtmlReport, ok, parseText, rowOf } from './helpers.ts';

/**
 * A drawn table whose header names a column the form does not have (a fresh tester's v04 法人
 * 小计, v05 上年总计, v24 二's 上年数量, v37 四's 合计): every row had a value more than the form's
 * columns and was NULL; each value is now the one under its column's label, the extra left out.
 */

const td = (v: string | number, attrs = '') => `<td${attrs}>${v}</td>`;

const page = minimalHtmlReport;

/** 三 with 法人或其他组织's 小计 after its five columns: `row(k)` gives row k's 8 value cells. */
function requests(row: (k: number) => Array<string | number>, subtotal = '小计'): string {
  const head = [
    `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' colspan="2" rowspan="3"')}${td('申请人情况', ' colspan="8"')}</tr>`,
    `<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="6"')}${td('总计', ' rowspan="2"')}</tr>`,
    `<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', subtotal].map((l) => td(l)).join('')}</tr>`,
  ];
  const rows = requestRows2021.map(
    (d, k) =>
      `<tr>${td(d.label, ' colspan="2"')}${row(k)
        .map((v) => td(v))
        .join('')}</tr>`,
  );
  return ['<p>三、收到和处理政府信息公开申请情况</p>', `<table>${[...head, ...rows].join('\n')}</table>`].join('\n');
}

/** Row k of 三: six applicants' counts, their 法人 subtotal and the total. */
function values(k: number): number[] {
  const v = [k % 4, 1, k % 3, 0, 2, k % 2];
  const org = v.slice(1).reduce((a, b) => a + b, 0);
  return [...v, org, v[0]! + org];
}

describe('a drawn header naming a column the form does not have', () => {
  it('三 with a 法人 小计 column: each value under its label, the subtotal left out', () => {
    const p = ok(parseText(page([requests(values)]), 'a.html'));
    for (const [k, d] of requestRows2021.entries()) {
      const v = values(k);
      expect(rowOf(p.cells, 'requests', d.key), d.key).toBe([...v.slice(0, 6), v[7]].join(' '));
    }
  });

  it('a blank cell keeps its column (the row was read one column off before: 小计 as 其他)', () => {
    const row = (k: number) => {
      const v: Array<string | number> = values(k);
      if (k === 2) v[2] = '';
      return v;
    };
    const p = ok(parseText(page([requests(row)]), 'a.html'));
    const v = values(2);
    expect(rowOf(p.cells, 'requests', 'granted')).toBe([v[0], v[1], 'B', v[3], v[4], v[5], v[7]].join(' '));
  });

  it('a number spanning two columns leaves those two NULL, the row’s others read', () => {
    // The row's cells as the page writes them: 科研机构 and 社会公益组织 one cell (<td colspan="2">).
    const html = page([requests(values)]).replace(
      /(<tr><td colspan="2">（一）予以公开<\/td><td>\d+<\/td><td>\d+<\/td>)<td>(\d+)<\/td><td>\d+<\/td>/,
      '$1<td colspan="2">$2</td>',
    );
    const p = ok(parseText(html, 'a.html'));
    const v = values(2);
    expect(rowOf(p.cells, 'requests', 'granted')).toBe([v[0], v[1], 'A', 'A', v[4], v[5], v[7]].join(' '));
  });

  it('reads no row with a value in a column the header does not name', () => {
    // The extra column under no label of its own (an empty header cell, 法人或其他组织 over it): a
    // row with a value there is NULL, as before; one with the cell blank is read by the labels.
    const row = (k: number) => {
      const v: Array<string | number> = values(k);
      if (k === 2) [v[2], v[6]] = ['', ''];
      return v;
    };
    const p = ok(parseText(page([requests(row, '')]), 'a.html'));
    expect(rowOf(p.cells, 'requests', 'partly_granted')).not.toMatch(/\d/);
    const v = values(2);
    expect(rowOf(p.cells, 'requests', 'granted')).toBe([v[0], v[1], 'B', v[3], v[4], v[5], v[7]].join(' '));
  });

  it('二 with 上年数量 beside 本年处理决定数量, and 四 with a 合计 after its fifteen', () => {
    const active = [
      '<p>二、主动公开政府信息情况</p><table>',
      `<tr>${td('第二十条第（一）项', ' colspan="4"')}</tr>`,
      `<tr>${['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'].map((l) => td(l)).join('')}</tr>`,
      `<tr>${['规章', 3, 2, 11].map((l) => td(l)).join('')}</tr>`,
      `<tr>${['行政规范性文件', 51, 17, 164].map((l) => td(l)).join('')}</tr>`,
      `<tr>${td('第二十条第（五）项', ' colspan="3"')}</tr>`,
      `<tr>${['信息内容', '本年处理决定数量', '上年数量'].map((l) => td(l)).join('')}</tr>`,
      `<tr>${['行政许可', 1881, 1692].map((l) => td(l)).join('')}</tr>`,
      '</table>',
    ].join('\n');
    const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const review = [
      '<p>四、政府信息公开行政复议、行政诉讼情况</p><table>',
      `<tr>${td('行政复议', ' colspan="5" rowspan="2"')}${td('行政诉讼', ' colspan="10"')}${td('合计', ' rowspan="3"')}</tr>`,
      `<tr>${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>`,
      `<tr>${[...results, ...results, ...results].map((l) => td(l)).join('')}</tr>`,
      `<tr>${[3, 0, 2, 9, 14, 0, 5, 6, 3, 14, 3, 9, 1, 5, 18, 46].map((v) => td(v)).join('')}</tr>`,
      '</table>',
    ].join('\n');
    const p = ok(parseText(page([active, review]), 'a.html'));
    expect(rowOf(p.cells, 'active', 'licensing')).toBe('1881');
    expect(rowOf(p.cells, 'active', 'rules')).toBe('3 2 11');
    expect(rowOf(p.cells, 'review', 'review')).toBe('3 0 2 9 14');
    expect(rowOf(p.cells, 'review', 'suit_after_review')).toBe('3 9 1 5 18');
  });
});
