import { describe, expect, it } from 'vitest';
import { requestRows2021 } from '../src/lib/template/definitions.ts';
import { minimalHtmlReport, ok, parseText, rowOf } from './helpers.ts';

/**
 * 三 with a 行次 ("line number") column between the row labels and the form's columns: every row
 * had a value more than the form's columns and was NULL. When the header names it (行次, 栏次,
 * 序号) its values are left out and the others read under their labels (columns.ts,
 * ROW_NUMBER_COLUMN); a row that lost a cell, or a table whose header does not name it, is not read.
 */

const td = (v: string | number, attrs = '') => `<td${attrs}>${v}</td>`;
const LEGAL = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];

const page = minimalHtmlReport;

/** Row k of 三: six applicants' counts and the total. */
function values(k: number): number[] {
  const v = [(k % 4) + 1, 1, k % 3, 0, 2, k % 2];
  return [...v, v.reduce((a, b) => a + b, 0)];
}

/** 三 as a drawn table with 行次 (`label`) after the row labels; `row(k)` gives row k's cells after its number. */
function drawn(row: (k: number) => Array<string | number> = values, label = '行次', number = true): string {
  const head = [
    `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' colspan="2" rowspan="3"')}${td(label, ' rowspan="3"')}${td('申请人情况', ' colspan="7"')}</tr>`,
    `<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>`,
    `<tr>${LEGAL.map((l) => td(l)).join('')}</tr>`,
  ];
  const rows = requestRows2021.map(
    (d, k) =>
      `<tr>${td(d.label, ' colspan="2"')}${number ? td(k + 1) : ''}${row(k)
        .map((v) => td(v))
        .join('')}</tr>`,
  );
  return ['<p>三、收到和处理政府信息公开申请情况</p>', `<table>${[...head, ...rows].join('\n')}</table>`].join('\n');
}

/** The same table as `|` text: two header lines, each row `| label | n | values |`. */
function piped(label = '行次'): string {
  const lines = [
    `| 申请人情况 | ${label} | 自然人 | 法人或其他组织 | 总计 |`,
    `| | | | ${LEGAL.join(' | ')} |`,
    ...requestRows2021.map((d, k) => `| ${d.label} | ${k + 1} | ${values(k).join(' | ')} |`),
  ];
  return ['三、收到和处理政府信息公开申请情况', ...lines].join('\n');
}

const text = (body: string) =>
  [
    '某某局2023年政府信息公开工作年度报告',
    '一、总体情况',
    '本局全年公开信息。',
    body,
    '五、存在的主要问题及改进情况',
    '无。',
  ].join('\n');

describe('a 行次 column beside 三', () => {
  it('drawn, named 行次 / 栏次 / 序号: each value under its label, the row numbers left out', () => {
    for (const label of ['行次', '栏次', '序号']) {
      const p = ok(parseText(page([drawn(values, label)]), 'a.html'));
      for (const [k, d] of requestRows2021.entries())
        expect(rowOf(p.cells, 'requests', d.key), `${label} ${d.key}`).toBe(values(k).join(' '));
    }
  });

  it('drawn, 序号 first, before the labels’ column (t82: every row lost): each value under its label', () => {
    const first = (k: number | null, rest: string) => `<tr>${k === null ? td('序号', ' rowspan="3"') : td(k)}${rest}`;
    const head = [
      first(null, `${td('项目', ' rowspan="3"')}${td('申请人情况', ' colspan="7"')}</tr>`),
      `<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>`,
      `<tr>${LEGAL.map((l) => td(l)).join('')}</tr>`,
    ];
    const rows = requestRows2021.map((d, k) =>
      first(
        k + 1,
        `${td(d.label)}${values(k)
          .map((v) => td(v))
          .join('')}</tr>`,
      ),
    );
    const html = ['<p>三、收到和处理政府信息公开申请情况</p>', `<table>${[...head, ...rows].join('\n')}</table>`].join(
      '\n',
    );
    const p = ok(parseText(page([html]), 'a.html'));
    for (const [k, d] of requestRows2021.entries())
      expect(rowOf(p.cells, 'requests', d.key), d.key).toBe(values(k).join(' '));
    // A row whose label stands a column right of the others' (a cell more before it) is not read.
    const ragged = html.replace(/(<tr><td>3<\/td>)/, '$1<td></td>');
    expect(rowOf(ok(parseText(page([ragged]), 'a.html')).cells, 'requests', 'granted')).not.toMatch(/\d/);
  });

  it('drawn, a blank cell keeps its column', () => {
    const row = (k: number) => values(k).map((v, j) => (k === 2 && j === 2 ? '' : v));
    const p = ok(parseText(page([drawn(row)]), 'a.html'));
    const v = values(2);
    expect(rowOf(p.cells, 'requests', 'granted')).toBe([v[0], v[1], 'B', ...v.slice(3)].join(' '));
  });

  it('drawn, a row that lost its number cell is not read (its values would stand a column off)', () => {
    const html = page([drawn()]).replace(/(<tr><td colspan="2">（一）予以公开<\/td>)<td>\d+<\/td>/, '$1');
    const p = ok(parseText(html, 'a.html'));
    expect(rowOf(p.cells, 'requests', 'granted')).not.toMatch(/\d/);
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe(values(0).join(' '));
  });

  it('drawn, a column the header names by no row-number word is not left out: no row read', () => {
    const p = ok(parseText(page([drawn(values, '代码')]), 'a.html'));
    for (const d of requestRows2021) expect(rowOf(p.cells, 'requests', d.key), d.key).not.toMatch(/\d/);
  });

  it('`|` text naming 行次 before the form’s columns: each value by position, the numbers left out', () => {
    const p = ok(parseText(text(piped())));
    for (const [k, d] of requestRows2021.entries())
      expect(rowOf(p.cells, 'requests', d.key), d.key).toBe(values(k).join(' '));
  });

  it('`|` text with a row a piece short is not read by position', () => {
    const t = text(piped()).replace(/(\| （一）予以公开 \| )\d+ \| /, '$1');
    const p = ok(parseText(t));
    expect(rowOf(p.cells, 'requests', 'granted')).not.toMatch(/\d/);
  });
});
