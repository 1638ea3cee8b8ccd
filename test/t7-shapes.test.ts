import { describe, expect, it } from 'vitest';
import { htmlToLines } from '../src/lib/decode/html.ts';
import { textToLines } from '../src/lib/decode/lines.ts';
import { parseCell } from '../src/lib/tables/cell.ts';
import { otherMoneyUnits } from '../src/lib/tables/units.ts';
import { minimalReport, ok, parseText, rowOf } from './helpers.ts';

/** Shapes of a fresh tester's t7 that published wrong numbers. */

const REVIEW_HEADER = [
  '四、政府信息公开行政复议、行政诉讼情况',
  '行政复议 | 行政诉讼 |',
  '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |',
];
const VALUES = [2, 4, 5, 3, 14, 2, 3, 0, 5, 10, 4, 1, 5, 2, 12];
const review = (lines: string[]) => {
  const p = ok(parseText(minimalReport(['三、收到和处理政府信息公开申请情况', '无。', ...REVIEW_HEADER, ...lines])));
  return ['review', 'suit_direct', 'suit_after_review'].map((r) => rowOf(p.cells, 'review', r)).join(' ');
};
const row = (label: string, vs: number[]) => `${label} | ${vs.join(' | ')} |`;
const seq = (from: number) => Array.from({ length: 15 }, (_, j) => from + j);

describe('四: a line numbering its columns, or another line of values', () => {
  it('reads the values row under a 栏次 row, or under a column index above the header', () => {
    expect(review([row('件数', VALUES)])).toBe(VALUES.join(' '));
    expect(review([row('栏次', seq(1)), row('件数', VALUES)])).toBe(VALUES.join(' '));
    expect(review([row('行次', seq(1)), VALUES.join(' | ') + ' |'])).toBe(VALUES.join(' '));
    // pandas' to_csv of read_html: 0 … 14 above the header.
    const p = ok(
      parseText(
        minimalReport([
          '三、收到和处理政府信息公开申请情况',
          '无。',
          REVIEW_HEADER[0]!,
          `${seq(0).join(' | ')} |`,
          ...REVIEW_HEADER.slice(1),
          `${VALUES.join(' | ')} |`,
        ]),
      ),
    );
    expect(rowOf(p.cells, 'review', 'review')).toBe('2 4 5 3 14');
  });

  it('leaves 四 NULL when a second whole table follows, one value a line (plain pdftotext, t26)', () => {
    // A fresh tester's t26: last year's table, then the report's, each under a caption and a
    // header of its own; the first fifteen values were published.
    const header: string[] = [
      '行政复议',
      '行政诉讼',
      ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      '未经复议直接起诉',
      '复议后起诉',
      ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
    ];
    const last = [0, 1, 0, 2, 3, 3, 2, 0, 1, 6, 2, 0, 0, 0, 2];
    const table = (caption: string, vs: number[]) => [caption, ...header, ...vs.map(String)];
    const text = minimalReport([
      '三、收到和处理政府信息公开申请情况',
      '无。',
      '四、政府信息公开行政复议、行政诉讼情况',
      ...table('2022年情况：', last),
      ...table('2023年情况：', VALUES),
    ]);
    const cells = ok(parseText(text)).cells.filter((c) => c.table_id === 'review');
    expect(cells).toHaveLength(15);
    expect(cells.every((c) => c.value === null && c.state === 'ambiguous')).toBe(true);
    // One table alone, one value a line: read.
    const one = minimalReport([
      '三、收到和处理政府信息公开申请情况',
      '无。',
      '四、政府信息公开行政复议、行政诉讼情况',
      ...table('', VALUES).slice(1),
    ]);
    expect(rowOf(ok(parseText(one)).cells, 'review', 'review')).toBe('2 4 5 3 14');
  });

  it('leaves 四 NULL when two labelled lines of values stand under the header (同比增减 above 件数)', () => {
    const yoy = [1, 0, -1, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0];
    expect(review([row('同比增减', yoy), row('件数', VALUES)])).toBe(Array(15).fill('A').join(' '));
  });
});

describe('a right-to-left override over digits (shown reversed)', () => {
  const html = (inner: string) =>
    htmlToLines(`<table><tr><td>行政许可</td><td>${inner}</td></tr></table>`)[0]!.cells![1]!.raw;
  it('html: <bdo dir="rtl"> or a bidi-override style make the cell no number', () => {
    for (const inner of [
      '<bdo dir="rtl">1234</bdo>',
      '<span style="unicode-bidi:bidi-override;direction:rtl">678</span>',
    ])
      expect(parseCell(html(inner), 'count').state, inner).toBe('unreadable');
    expect(parseCell(html('<bdo dir="ltr">1234</bdo>'), 'count').value).toBe(1234);
    expect(parseCell(html('<span dir="rtl">9012</span>'), 'count').value).toBe(9012);
  });
  it('text: U+202E makes the cell no number; other bidi marks are dropped', () => {
    expect(parseCell(textToLines('\u202e1234\u202c')[0]!.text, 'count').state).toBe('unreadable');
    expect(parseCell(textToLines('\u200f1234')[0]!.text, 'count').value).toBe(1234);
  });
});

describe('a fee stated in another currency or a fraction of a yuan', () => {
  const fee = (unit: string) =>
    rowOf(
      ok(
        parseText(
          minimalReport([
            '二、主动公开政府信息情况',
            '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
            '规章 | 3 | 1 | 25 |',
            `信息内容 | 本年收费金额（单位：${unit}） |`,
            '行政事业性收费 | 12.5 |',
            '三、收到和处理政府信息公开申请情况',
            '无。',
          ]),
        ),
      ).cells,
      'active',
      'fees',
    );
  it('is not read (no value in 万元), where 元 and 万元 are', () => {
    for (const u of ['美元', '万美元', '港元', '角', '万港币', '英镑', 'USD', 'HK$'])
      expect(fee(u), u).not.toMatch(/\d/);
    expect(fee('万元')).toBe('12.5');
    expect(fee('元')).toBe('0.00125');
    expect(otherMoneyUnits(textToLines('单位：件、万元'))).toEqual([]);
  });
});

describe('html text a browser never draws', () => {
  const html = (inner: string) =>
    htmlToLines(`<table><tr><td>行政许可</td><td>${inner}</td></tr></table>`)[0]!.cells![1]!.raw;
  it('noframes, noembed, audio fallback and a datalist’s options are no digits of the number', () => {
    for (const inner of [
      '<noframes>9</noframes>1',
      '<noembed>9</noembed>1',
      '<audio>9</audio>1',
      '<datalist><option value="9">9</option></datalist>1',
    ])
      expect(html(inner), inner).toBe('1');
    // An optgroup outside a select is a block of its own: two numbers, not 969.
    expect(parseCell(html('<optgroup label="x">9</optgroup>69'), 'count').state).toBe('unreadable');
  });
});
