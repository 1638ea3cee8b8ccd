import { describe, expect, it } from 'vitest';
import { requestRows2021 } from '../src/lib/template/definitions.ts';
import type { CellOut } from '../src/lib/tables/read.ts';
import { ok, parseText, rowOf, minimalReport } from './helpers.ts';

/**
 * A column the form does not have (三's 法人 小计, a 上年总计 or a 备注; 二's 上年数量; a 合计 after
 * 四's fifteen) in `|`, tab or comma-separated text, where the header's pieces do not stand over
 * the rows' (merged header cells are left out). Every row has a value more than the form's
 * columns and is NULL; a row with a blank cell has the form's count again. It was read by that
 * count, its values after the blank one column off (小计 published as 其他, 上年总计 as 总计).
 */

type Extra = 'subtotal' | 'previous' | 'note';

/** Row k of 三: six applicants' counts, the 法人 subtotal and the total. */
function values(k: number): number[] {
  const v = [(k % 4) + 1, 1, (k % 3) + 1, 2, 2, (k % 2) + 1];
  const org = v.slice(1).reduce((a, b) => a + b, 0);
  return [...v, org, v[0]! + org];
}

/** The form's seven values of row k, and the row's cells as the file prints them (eight). */
function row(k: number, extra: Extra): { form: number[]; printed: string[] } {
  const v = values(k);
  const form = [...v.slice(0, 6), v[7]!];
  const printed =
    extra === 'subtotal'
      ? v.map(String)
      : extra === 'previous'
        ? [...form.map(String), String(k * 3 + 7)]
        : [...form.map(String), '见说明'];
  return { form, printed };
}

/** 三 under a three-line header naming `extra`, each line's cells joined by `sep`; `blank` empties cells. */
function requests(sep: string, extra: Extra, blank: (k: number, cells: string[]) => string[]): string {
  const h2 = [
    '自然人',
    '法人或其他组织',
    '总计',
    ...(extra === 'previous' ? ['上年总计'] : extra === 'note' ? ['备注'] : []),
  ];
  const h3 = [
    '商业企业',
    '科研机构',
    '社会公益组织',
    '法律服务机构',
    '其他',
    ...(extra === 'subtotal' ? ['小计'] : []),
  ];
  return [
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'].join(sep),
    h2.join(sep),
    h3.join(sep),
    ...requestRows2021.map((d, k) => [d.label, ...blank(k, row(k, extra).printed)].join(sep)),
  ].join('\n');
}

const report = minimalReport;

/** The cells of `table`.`rowKey` that are numbers, and differ from `truth` (NaN: blank). */
function wrong(cells: CellOut[], table: string, rowKey: string, truth: Array<number | null>): string[] {
  return cells
    .filter((c) => c.table_id === table && c.row_key === rowKey && c.state === 'number')
    .map((c) => {
      const j = cells.filter((x) => x.table_id === table && x.row_key === rowKey).indexOf(c);
      return c.value === truth[j] ? null : `${rowKey}.${c.col_key}: ${c.value} (truth ${truth[j]})`;
    })
    .filter((x): x is string => x !== null);
}

const SEPS = [
  ['|', ' | '],
  ['| (no spaces)', '|'],
  ['tab', '\t'],
  ['CSV', ','],
] as const;

describe('a column the form does not have, in delimited text, and a blank cell', () => {
  for (const [name, sep] of SEPS)
    for (const extra of ['subtotal', 'previous', 'note'] as const)
      it(`三 in ${name} text with ${extra}: the row with a blank cell is read by its header's positions, not its count`, () => {
        for (const col of [0, 2, 5, 6]) {
          // Row 2 (（一）予以公开) has a blank cell: at 自然人, 科研机构, 其他, or the extra's neighbour.
          const text = report([
            '三、收到和处理政府信息公开申请情况',
            requests(sep, extra, (k, cells) => (k === 2 ? cells.map((c, j) => (j === col ? '' : c)) : cells)),
          ]);
          const p = ok(parseText(text));
          const { form } = row(2, extra);
          const formCol = extra === 'subtotal' ? (col < 6 ? col : -1) : col;
          const truth = form.map((v, j) => (j === formCol ? null : v));
          expect(wrong(p.cells, 'requests', 'granted', truth), `blank at ${col}`).toEqual([]);
          // Every row keeps its blanks as empty pieces: each is read by the rebuilt header's
          // positions (columns.ts, columnsByPosition), the extra column left out.
          expect(rowOf(p.cells, 'requests', 'granted'), `blank at ${col}`).toBe(
            truth.map((v) => (v === null ? 'B' : v)).join(' '),
          );
          expect(rowOf(p.cells, 'requests', 'new_received')).toBe(row(0, extra).form.join(' '));
        }
      });

  it('三 whose blank cell is lost from the row (7 pieces where the table has 8) is not read by count', () => {
    const text = report([
      '三、收到和处理政府信息公开申请情况',
      requests(' | ', 'subtotal', (k, cells) => (k === 2 ? cells.filter((_, j) => j !== 2) : cells)),
    ]);
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'requests', 'granted')).not.toMatch(/\d/);
  });

  it('a table of the form’s seven columns with a blank cell is read as before', () => {
    const text = report([
      '三、收到和处理政府信息公开申请情况',
      requests(' | ', 'subtotal', (k, cells) => {
        const form = [...cells.slice(0, 6), cells[7]!];
        return k === 2 ? form.map((c, j) => (j === 2 ? '' : c)) : form;
      }).replace(' | 小计', ''),
    ]);
    const p = ok(parseText(text));
    const v = values(2);
    expect(rowOf(p.cells, 'requests', 'granted')).toBe([v[0], v[1], 'B', v[3], v[4], v[5], v[7]].join(' '));
    expect(rowOf(p.cells, 'requests', 'new_received')).toMatch(/^\d+( \d+){6}$/);
  });

  for (const [name, sep] of SEPS)
    it(`二 with 上年数量 and 四 with a 合计, in ${name} text, a blank cell each`, () => {
      const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
      const review = [3, 0, 2, 9, 14, 0, 5, 6, 3, 14, 3, 9, 1, 5, 18, 46];
      for (const blank of [0, 6, 14]) {
        const printed = review.map((v, j) => (j === blank ? '' : String(v)));
        const text = report([
          '二、主动公开政府信息情况',
          '第二十条第（一）项',
          ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'].join(sep),
          ['规章', '3', '2', '11'].join(sep),
          ['行政规范性文件', '51', '17', '164'].join(sep),
          '第二十条第（五）项',
          ['信息内容', '本年处理决定数量', '上年数量'].join(sep),
          ['行政许可', '', '1692'].join(sep),
          '第二十条第（六）项',
          ['信息内容', '本年处理决定数量', '上年数量'].join(sep),
          ['行政处罚', '12', '10'].join(sep),
          ['行政强制', '', '10'].join(sep),
          '第二十条第（八）项',
          ['信息内容', '本年收费金额（单位：万元）'].join(sep),
          ['行政事业性收费', '0'].join(sep),
          '四、政府信息公开行政复议、行政诉讼情况',
          ['行政复议', '行政诉讼', '合计'].join(sep),
          ['未经复议直接起诉', '复议后起诉'].join(sep),
          [...results, ...results, ...results].join(sep),
          printed.join(sep),
        ]);
        const p = ok(parseText(text));
        expect(rowOf(p.cells, 'active', 'licensing'), `blank ${blank}`).not.toMatch(/\d/);
        expect(rowOf(p.cells, 'active', 'coercion'), `blank ${blank}`).not.toMatch(/\d/);
        expect(rowOf(p.cells, 'active', 'rules')).toBe('3 2 11');
        const truth = review.slice(0, 15).map((v, j) => (j === blank ? null : v));
        for (const [b, key] of ['review', 'suit_direct', 'suit_after_review'].entries())
          expect(wrong(p.cells, 'review', key, truth.slice(b * 5, b * 5 + 5)), `blank ${blank}`).toEqual([]);
      }
    });
});

describe('a row of last year is no column', () => {
  it('四 printed by year (上年 | …, 本年 | …) is read as before', () => {
    const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const text = report([
      '四、政府信息公开行政复议、行政诉讼情况',
      ['年度', '行政复议', '行政诉讼'].join(' | '),
      ['未经复议直接起诉', '复议后起诉'].join(' | '),
      [...results, ...results, ...results].join(' | '),
      ['上年', 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0].join(' | '),
      ['本年', 3, 0, 2, 9, 14, 0, 5, 6, 3, 14, 3, 9, 1, 5, 18].join(' | '),
    ]);
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'review', 'review')).toBe('3 0 2 9 14');
  });
});
