import { describe, expect, it } from 'vitest';
import { markPageNumbers, textToLines } from '../src/lib/decode/lines.ts';
import { minimalReport, ok, parseText, rowOf } from './helpers.ts';

/**
 * Plain pdftotext of a ruled table: one cell a line, a blank cell no line at all, and the page's
 * bare number where the page breaks (a fresh tester's t6, F1). A row short of its blank and the
 * page number after it show the form's count, every value after the blank a column off.
 */
const HEADER = [
  '三、收到和处理政府信息公开申请情况',
  '自然人',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他',
  '总计',
];
const row = (label: string, values: Array<number | string>) => [label, ...values.map(String)];
function requests(lines: string[]): string {
  return minimalReport([
    ...HEADER,
    ...row('（三）4.保护第三方合法权益', [0, 0, 0, 0, 0, 0, 0]),
    ...lines,
    ...row('（三）6.属于四类过程性信息', [1, 0, 0, 0, 0, 0, 1]),
    '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
    '无。',
  ]);
}
const internal = (lines: string[]) => rowOf(ok(parseText(requests(lines))).cells, 'requests', 'withheld_internal');
// 3, (blank), 1, 2, 0, 2, 8: six values, then the page number 7.
const short = row('（三）5.属于三类内部事务信息', [3, 1, 2, 0, 2, 8]);

describe('a page number after a row one cell a line', () => {
  it('reads a whole row as before', () => {
    expect(internal(row('（三）5.属于三类内部事务信息', [3, 0, 1, 2, 0, 2, 8]))).toBe('3 0 1 2 0 2 8');
  });

  it('is no cell where a form feed shows the page break after it', () => {
    // The row is then a cell short: placed by arithmetic, or NULL; never shifted.
    const placed = ['3 B 1 2 0 2 8', 'A A A A A A A'];
    expect(placed).toContain(internal([...short, '7', '\f']));
    expect(placed).toContain(internal([...short, '7', '\f（三）6.属于四类过程性信息'].slice(0, -1)));
    // The page broke inside the row: pdftotext starts the next page with the form feed.
    expect(placed).toContain(internal([...short.slice(0, 3), '7', `\f${short[3]}`, ...short.slice(4)]));
  });

  it('leaves the row NULL where no form feed shows it and the row’s own sum does not hold', () => {
    expect(internal([...short, '7'])).toBe('A A A A A A A');
    // In the middle of the row (the page broke inside it).
    expect(internal([...short.slice(0, 4), '7', ...short.slice(4)])).toBe('A A A A A A A');
  });

  it('leaves 四 NULL when its fifteen values one a line break a block’s sum', () => {
    const review = (values: number[]) =>
      minimalReport([
        '三、收到和处理政府信息公开申请情况',
        '无。',
        '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
        '行政复议',
        '行政诉讼',
        '结果维持',
        '结果纠正',
        '其他结果',
        '尚未审结',
        '总计',
        '未经复议直接起诉',
        '复议后起诉',
        ...values.map(String),
      ]);
    const cells = (values: number[]) =>
      ok(parseText(review(values)))
        .cells.filter((c) => c.table_id === 'review')
        .map((c) => (c.state === 'number' ? String(c.value) : c.state[0]!.toUpperCase()))
        .join(' ');
    expect(cells([2, 1, 0, 1, 4, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0])).toBe('2 1 0 1 4 1 0 0 0 1 0 0 0 0 0');
    // 其他结果 blank and lost, page number 9 at the end.
    expect(cells([2, 1, 1, 4, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 9])).toBe(Array(15).fill('A').join(' '));
  });

  it('takes the newline that ends a file for no blank cell', () => {
    const text = requests(row('（三）5.属于三类内部事务信息', [3, 0, 1, 2, 0, 2, 8])).replace(/四、[\s\S]*$/, '');
    expect(rowOf(ok(parseText(`${text.trimEnd()}\n`)).cells, 'requests', 'withheld_process')).toBe('1 0 0 0 0 0 1');
  });

  it('is seen before the next section’s heading, first on a page, and with the form feed after it (t8)', () => {
    const active = (lines: string[]) =>
      ok(
        parseText(
          [
            '某某局2023年政府信息公开工作年度报告',
            '一、总体情况',
            '本局全年公开信息。',
            '二、主动公开政府信息情况',
            '信息内容',
            '本年制发件数',
            '本年废止件数',
            '现行有效件数',
            ...lines,
            '五、存在的主要问题及改进情况',
            '无。',
          ].join('\n'),
        ),
      ).cells.filter((c) => c.table_id === 'active');
    const shown = (cs: ReturnType<typeof active>, row: string) => rowOf(cs, 'active', row);
    // 行政事业性收费 blank (no line), then the page's number 2, then the next page's heading.
    const fee = active(['规章', '3', '1', '25', '行政事业性收费', '2', '\f三、收到和处理政府信息公开申请情况', '无。']);
    expect(shown(fee, 'fees')).not.toContain('2');
    // The same with the form feed after the number (`2\f`).
    const after = active([
      '规章',
      '3',
      '1',
      '25',
      '行政事业性收费',
      '2\f',
      '三、收到和处理政府信息公开申请情况',
      '无。',
    ]);
    expect(shown(after, 'fees')).not.toContain('2');
    // A page whose number is printed at its top (`\f2`): 25 is not taken for it, 2 is not a cell.
    const top = active([
      '规章',
      '3',
      '1',
      '25',
      '\f2',
      '行政规范性文件',
      '12',
      '4',
      '88',
      '三、收到和处理政府信息公开申请情况',
      '无。',
    ]);
    expect(['3 1 25', 'A A A']).toContain(shown(top, 'rules'));
  });
});

describe('a bare 0 last on a page', () => {
  it('is never the page’s number: the rest of a number wrapped in its cell', () => {
    const marks = (text: string) => markPageNumbers(textToLines(text)).map((l) => l.pageNumber ?? '-');
    // `-raw` text: 10 wrapped in its cell as `1` over `0`, the page breaking after it.
    expect(marks('5 0 0 3 0 2 1\n0\n\f4.无正当')).toEqual(['-', '-', '-']);
    expect(marks('5 0 0 3 0 2 1\n7\n\f4.无正当')).toEqual(['-', 'footer', '-']);
  });
});

describe('a centred `2 / 5` footer inside a table of layout text (no form feed)', () => {
  const layout = (footer: string) =>
    minimalReport([
      '三、收到和处理政府信息公开申请情况',
      '                    自然人  商业企业  科研机构  社会公益组织  法律服务机构  其他  总计',
      '（三）4.保护第三方合法权益        0        0        0        0        0        0        0',
      footer,
      '（三）5.属于三类内部事务信息      3        0        1        2        0        2        8',
      '（三）6.属于四类过程性信息        1        0        0        0        0        0        1',
      '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '无。',
    ]);
  const rows = (footer: string) => {
    const cells = ok(parseText(layout(footer))).cells;
    return [rowOf(cells, 'requests', 'withheld_third_party'), rowOf(cells, 'requests', 'withheld_internal')];
  };
  it('is the page’s number of the pages, no row’s values (t82: both rows beside it NULL)', () => {
    expect(rows('                                        2 / 5')).toEqual(['0 0 0 0 0 0 0', '3 0 1 2 0 2 8']);
  });
  it('not where it is no footer: a `5 / 2`, or a line not set in from the margin', () => {
    for (const footer of ['                                        5 / 2', '2 / 5'])
      expect(rows(footer), footer).not.toEqual(['0 0 0 0 0 0 0', '3 0 1 2 0 2 8']);
  });
});
