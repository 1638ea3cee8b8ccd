import { describe, expect, it } from 'vitest';
import { requestRows2021 } from '../src/lib/template/definitions.ts';
import { minimalReport, ok, parseText, rowOf } from './helpers.ts';

/**
 * A column the form does not have between 三's row labels and 自然人 (单位 with 件, an empty
 * spacer, a label's note in a cell of its own), with 总计 blank in every row: the count took the
 * extra column for 自然人 and the blank 总计 for the line's padding, and read every value a column
 * to the right (a fresh tester's t10: 1,372 wrong numbers in HTML, tab, comma and `|` text). Now a
 * drawn header that places the form's columns is checked (columns.ts `gridColumns`, rows.ts
 * readRow), and a delimited row whose count is made up only by cells before its first value or
 * in a column empty in every row, its last empty cells dropped, is not read (rows.ts fromSlots).
 */

const ORGS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
const td = (v: string | number) => `<td>${v}</td>`;

/** Row k of 三: six applicants' counts (总计 left blank). */
const values = (k: number) => [(k % 4) + 1, 2, k % 3, 0, 1, k % 2];

function html(head: string, cell: (k: number) => string): string {
  const rows = requestRows2021.map((d, k) => `<tr>${td(d.label)}${cell(k)}${values(k).map(td).join('')}<td></td></tr>`);
  return [
    '<html><body><h1>某某局2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本局全年公开信息。</p>',
    '<p>三、收到和处理政府信息公开申请情况</p><table border="1">',
    `<tr><td>项目</td>${head}<td>自然人</td>${ORGS.map(td).join('')}<td>总计</td></tr>`,
    ...rows,
    '</table><p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>',
  ].join('\n');
}

/** 三 as delimited text: `line(label, k)` writes row k. */
function text(head: string, line: (label: string, k: number) => string): string {
  return minimalReport([
    '三、收到和处理政府信息公开申请情况',
    head,
    ...requestRows2021.map((d, k) => line(d.label, k)),
  ]);
}

const blankTotal = (k: number) => [...values(k), 'B'].join(' ');
const noNumber = (s: string) => expect(s).not.toMatch(/\d/);

describe('a column between the labels and 自然人, 总计 blank in every row', () => {
  it('drawn, a 单位 column of 件 the header names: each value under its label', () => {
    const p = ok(
      parseText(
        html('<td>单位</td>', () => td('件')),
        'a.html',
      ),
    );
    for (const [k, d] of requestRows2021.entries())
      expect(rowOf(p.cells, 'requests', d.key), d.key).toBe(blankTotal(k));
  });

  it('drawn, a column the header names by another word: no row read, none a column off', () => {
    const p = ok(
      parseText(
        html('<td>类别</td>', () => td('件')),
        'a.html',
      ),
    );
    for (const d of requestRows2021) noNumber(rowOf(p.cells, 'requests', d.key));
  });

  it('drawn, an empty spacer column under an empty header cell: each value under its label', () => {
    const p = ok(
      parseText(
        html('<td></td>', () => '<td></td>'),
        'a.html',
      ),
    );
    for (const [k, d] of requestRows2021.entries())
      expect(rowOf(p.cells, 'requests', d.key), d.key).toBe(blankTotal(k));
  });

  it('tab text, the label merged over two columns (`label\\t\\tv…\\t`): no row read', () => {
    const head = ['项目', '', '自然人', ...ORGS, '总计'].join('\t');
    const p = ok(parseText(text(head, (l, k) => [l, '', ...values(k), ''].join('\t'))));
    for (const d of requestRows2021) noNumber(rowOf(p.cells, 'requests', d.key));
  });

  it('comma text, a spacer column empty in every row: no row read', () => {
    const head = ['项目', '自然人', '', ...ORGS, '总计'].join(',');
    const p = ok(parseText(text(head, (l, k) => [l, values(k)[0], '', ...values(k).slice(1), ''].join(','))));
    for (const d of requestRows2021) noNumber(rowOf(p.cells, 'requests', d.key));
  });

  it('tab text, a unit cell or a label’s note before the values: no row read', () => {
    const head = ['项目', '自然人', ...ORGS, '总计'].join('\t');
    for (const before of ['件', '（区分处理的，只计这一情形）']) {
      const p = ok(parseText(text(head, (l, k) => [l, before, ...values(k), ''].join('\t'))));
      for (const d of requestRows2021) noNumber(rowOf(p.cells, 'requests', d.key));
    }
  });

  it('still reads a blank 自然人 in `|` text closed by a separator, and in tab text with nothing after', () => {
    const row = (k: number) => [(k % 3) + 1, 0, 1, 0, 2];
    const full = (k: number) => ['B', ...row(k), row(k).reduce((a, b) => a + b, 0)].join(' ');
    const head = ['项目', '自然人', ...ORGS, '总计'];
    const cells = (k: number) => ['', ...row(k), row(k).reduce((a, b) => a + b, 0)];
    const piped = ok(parseText(text(`| ${head.join(' | ')} |`, (l, k) => `| ${[l, ...cells(k)].join(' | ')} |`)));
    const tabbed = ok(parseText(text(head.join('\t'), (l, k) => [l, ...cells(k)].join('\t'))));
    for (const p of [piped, tabbed])
      for (const [k, d] of requestRows2021.entries()) expect(rowOf(p.cells, 'requests', d.key), d.key).toBe(full(k));
  });
});

describe('a column numbering the rows before 自然人, 总计 blank in every row (a fresh tester’s t11)', () => {
  /** Each row's cells are right or NULL, never another column's. */
  const rightOrNull = (p: ReturnType<typeof ok>) => {
    for (const [k, d] of requestRows2021.entries()) {
      const got = rowOf(p.cells, 'requests', d.key).split(' ');
      const want = blankTotal(k).split(' ');
      got.forEach((g, j) => {
        if (/\d/.test(g)) expect(g, `${d.key} ${j}`).toBe(want[j]);
      });
    }
  };

  it('tab text, the column under an empty header piece', () => {
    const head = ['', '', '自然人', ...ORGS, '总计'].join('\t');
    const p = ok(parseText(text(head, (l, k) => [l, k + 1, ...values(k), ''].join('\t'))));
    rightOrNull(p);
    expect(rowOf(p.cells, 'requests', 'granted')).not.toMatch(/\d/);
  });

  it('comma text, 行次 on the first of two header lines; codes 01, 02 …', () => {
    const head = [
      ['', '行次', '自然人', '法人或其他组织', '', '', '', '', '总计'].join(','),
      ['', '', '', ...ORGS, ''].join(','),
    ].join('\n');
    for (const n of [(k: number) => String(k + 1), (k: number) => String(k + 1).padStart(2, '0')]) {
      const p = ok(parseText(text(head, (l, k) => [l, n(k), ...values(k), ''].join(','))));
      rightOrNull(p);
    }
  });

  it('HTML, the row numbers under no header cell of their own', () => {
    const p = ok(
      parseText(
        html('', (k) => td(k + 1)),
        'a.html',
      ),
    );
    rightOrNull(p);
    expect(rowOf(p.cells, 'requests', 'granted')).not.toMatch(/\d/);
  });
});
