import { describe, expect, it } from 'vitest';
import { ok, parseText, rowOf } from './helpers.ts';
import { textToLines } from '../src/lib/decode/lines.ts';
import { foldScript } from '../src/lib/decode/script.ts';
import { joinWrappedLabels } from '../src/lib/decode/wrapped.ts';

const texts = (t: string) =>
  joinWrappedLabels(textToLines(t))
    .map((l) => l.text.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

describe('labels wrapped around their numbers (pdftotext -layout)', () => {
  it('joins a label broken before a `|` row into its first cell (a crawler’s text of a <br>)', () => {
    // A fifth fresh tester's: both rows NULL, the row above's for a line of values after it.
    expect(texts('（二）部分公开（区分处理的，只计这一情形，\n不计其他情形） | 41 | 2 | 0 | 0 | 1 | 1 | 45 |')).toEqual(
      ['(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 41 | 2 | 0 | 0 | 1 | 1 | 45 |'],
    );
    expect(
      texts('（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息\n\n公开申请 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |'),
    ).toEqual(['(六)1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |']);
    // 二's labels, numbered nowhere (an eighth fresh tester's).
    expect(texts('规章 | 2 | 1 | 19 |\n行政规范\n性文件 | 23 | 8 | 147 |')).toEqual([
      '规章 | 2 | 1 | 19 |',
      '行政规范性文件 | 23 | 8 | 147 |',
    ]);
    expect(texts('1.行政规范\n性文件 | 23 | 8 | 147 |')).toHaveLength(2);
    // Not: another label's numbering, a first cell that leaves the label unfinished or holds a
    // number, a markdown row (opening with `|`).
    for (const t of [
      '（三）部分公开（区分处理的，只计这一情形，\n不计其他情形） | 41 | 2 |',
      '（二）部分公开（区分处理的，只计这一情形，\n不计其他 | 41 | 2 |',
      '（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）41 | 2 |',
      '（二）部分公开（区分处理的，只计这一情形，\n| 不计其他情形） | 41 | 2 |',
    ])
      expect(texts(t), t).toHaveLength(2);
  });

  it('joins the pieces of one label with the numbers between them', () => {
    expect(
      texts(
        '        5.要求行政机关确认或重新出\n                     1    0    0    0    0    0    1\n        具已获取信息\n',
      ),
    ).toEqual(['5.要求行政机关确认或重新出具已获取信息 1 0 0 0 0 0 1']);
  });

  it('joins a label whose second piece carries the numbers, over a vertical group label', () => {
    const t =
      '        2、申请人逾期未按收费通知要\n  （六）其\n  他处理\n        求缴纳费用、行政机关不再处理      6    0    0    0    0    0    6\n        其政府信息公开申请\n';
    expect(texts(t)).toEqual([
      '(六)其',
      '他处理',
      '2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 6 0 0 0 0 0 6',
    ]);
  });

  it('leaves pieces that do not make one template label, and numbers on both sides', () => {
    expect(texts('        5.要求行政机关确认或重新出\n   1 0 0 0 0 0 1\n        另一段文字说明\n')).toEqual([
      '5.要求行政机关确认或重新出',
      '1 0 0 0 0 0 1',
      '另一段文字说明',
    ]);
    expect(
      texts('        5.要求行政机关确认或重新出\n   1 0 0 0 0 0 1\n        具已获取信息   2 0 0 0 0 0 2\n'),
    ).toEqual(['5.要求行政机关确认或重新出', '1 0 0 0 0 0 1', '具已获取信息 2 0 0 0 0 0 2']);
  });

  it('joins the pieces below a label line that holds the numbers (a narrow label column)', () => {
    const t =
      '（三）2.其他法      0       2       0       0       1       0       3\n律行政法规禁止\n公开\n\n（三）3.危及“       1       2       0       0       1       0       4\n三安全一稳定”\n';
    expect(texts(t)).toEqual([
      '(三)2.其他法律行政法规禁止公开 0 2 0 0 1 0 3',
      '(三)3.危及“三安全一稳定” 1 2 0 0 1 0 4',
    ]);
    // Only the numbering on the numbers' line; a group number before a whole label (2019's 其他处理).
    expect(texts('（三）1.          0    1    0    0    0    0    1\n属于国家秘\n密\n')).toEqual([
      '(三)1.属于国家秘密 0 1 0 0 0 0 1',
    ]);
    expect(texts('（六）其他    0    1    0    0    0    0    1\n处理\n')).toEqual(['(六)其他处理 0 1 0 0 0 0 1']);
    // 其他 is a whole label (2021's 3.其他), but (三)2. numbers 其他法律行政法规禁止公开.
    expect(texts('（三）2.其他    0    1    0    0    0    0    1\n法律行政法规禁止公开\n')).toEqual([
      '(三)2.其他法律行政法规禁止公开 0 1 0 0 0 0 1',
    ]);
  });

  it('leaves the pieces below when they do not make exactly one whole label', () => {
    // 3.其他 is a whole label of its own; 另行 does not finish 没有现成信息需要另行制作; a numbered line
    // is a row of its own.
    expect(texts('3.其他    0    1    0    0    0    0    1\n处理\n')).toEqual(['3.其他 0 1 0 0 0 0 1', '处理']);
    expect(texts('2.没有现成    0    1    0    0    0    0    1\n信息需要另行\n')).toEqual([
      '2.没有现成 0 1 0 0 0 0 1',
      '信息需要另行',
    ]);
    expect(texts('（五）2.重复申    0    1    0    0    0    0    1\n3.请\n')).toEqual([
      '(五)2.重复申 0 1 0 0 0 0 1',
      '3.请',
    ]);
  });

  it('keeps traditional script folded in a joined line', () => {
    const head = '三、收到和處理政府信息公開申請情況（本列數據的勾稽關係為）\n';
    const { lines } = foldScript(
      textToLines(`${head}（三）2.          0    1    0    0    0    0    1\n其他法律行\n政法規禁止\n公開\n`),
    );
    expect(joinWrappedLabels(lines)[1]?.text.replace(/\s+/g, ' ').trim()).toBe(
      '(三)2.其他法律行政法规禁止公开 0 1 0 0 0 0 1',
    );
  });
});

describe('long labels wrapped over two to four lines, the numbers on a middle or the last line', () => {
  it('joins 部分公开 with its note (the form prints it as part of the label), numbers on the last line', () => {
    expect(
      texts('（二）部分公开（区分处理的，只\n计这一情形，不计其他情形）          21   1   1   2   3   2   30\n'),
    ).toEqual(['(二)部分公开(区分处理的,只计这一情形,不计其他情形) 21 1 1 2 3 2 30']);
  });

  it('joins three pieces with the numbers on the middle one', () => {
    const t =
      '（二）部分公开（区分处理    \n的，只计这一情形，不计其    4       3       2       2       2       2       15\n他情形）                    \n（三）1.属于国家秘密        14      1       0       0       0       0       15\n';
    expect(texts(t)).toEqual([
      '(二)部分公开(区分处理的,只计这一情形,不计其他情形) 4 3 2 2 2 2 15',
      '(三)1.属于国家秘密 14 1 0 0 0 0 15',
    ]);
  });

  it('joins four pieces with the numbers on the third', () => {
    const t =
      '（六）2.申请人逾期未按      \n收费通知要求缴纳费用、行    \n政机关不再处理其政府信息    0       0       1       0       0       3       4\n公开申请                    \n（六）3.其他                0       3       0       0       0       3       6\n';
    expect(texts(t)).toEqual([
      '(六)2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 1 0 0 3 4',
      '(六)3.其他 0 3 0 0 0 3 6',
    ]);
  });

  it('leaves the pieces when numbers stand on two of them, or the pieces are no one label', () => {
    const two =
      '（六）2.申请人逾期未按\n收费通知要求缴纳费用、行   1 0 0 0 0 0 1\n政机关不再处理其政府信息    0 0 1 0 0 3 4\n公开申请\n';
    expect(texts(two)).toEqual([
      '(六)2.申请人逾期未按',
      '收费通知要求缴纳费用、行 1 0 0 0 0 0 1',
      '政机关不再处理其政府信息 0 0 1 0 0 3 4',
      '公开申请',
    ]);
    const other = '（二）部分公开（区分处理\n另一段说明文字    4 3 2 2 2 2 15\n';
    expect(texts(other)).toEqual(['(二)部分公开(区分处理', '另一段说明文字 4 3 2 2 2 2 15']);
  });

  it('starts from the numbering alone or a few characters, only into the whole label it numbers', () => {
    expect(texts('（三）1.\n属于国家秘\n密                0      1      0      0      0      0      1\n')).toEqual([
      '(三)1.属于国家秘密 0 1 0 0 0 0 1',
    ]);
    expect(texts('（一）予以\n公开              0      2      0      0      0      0      2\n')).toEqual([
      '(一)予以公开 0 2 0 0 0 0 2',
    ]);
    // Not a whole label, or numbered as another row: left as it was.
    expect(texts('（三）1.\n属于国家\n其他说明     0 1 0 0 0 0 1\n')).toEqual([
      '(三)1.',
      '属于国家',
      '其他说明 0 1 0 0 0 0 1',
    ]);
    // (The pieces below still make a label of their own, as before: only the numbering stays out.)
    expect(texts('（四）1.\n属于国家秘\n密     0 1 0 0 0 0 1\n')).toEqual(['(四)1.', '属于国家秘密 0 1 0 0 0 0 1']);
  });

  it('keeps a line of numbers after the last piece for the reader (it may be the next row)', () => {
    const t = '（二）部分公开（区分处理的，只\n计这一情形，不计其他情形）\n   4 3 2 2 2 2 15\n';
    expect(texts(t)).toEqual(['(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '4 3 2 2 2 2 15']);
  });
});

describe('a label after its group’s, glued (（五）不予处理4.…), wrapped', () => {
  it('joins as the label numbered alone does', () => {
    // The generator's group-label-every-row: the row was not found (a known loss, now read).
    expect(texts('（五）不予处理4.无正当理由大量\n反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |')).toEqual([
      '(五)不予处理4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    ]);
    // Not under another group's numbering (（四）4. is no item of the form).
    expect(texts('（四）无法提供4.无正当理由大量\n反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |')).toHaveLength(2);
  });
});

describe('二’s labels wrapped around their numbers (a borderless PDF’s lines; a fresh tester’s t61)', () => {
  it('reads the row, as 三’s', () => {
    const text = [
      '测试市测试局2020年政府信息公开工作年度报告',
      '一、总体情况',
      '好。',
      '二、主动公开政府信息情况',
      '第二十条第（五）项',
      '信息内容  上一年项目数量  本年增/减  处理决定数量',
      '行政许可  206  -14  275,264',
      '其他对外管理服务事',
      '277  20  72,614',
      '项',
      '三、收到和处理政府信息公开申请情况',
    ].join('\n');
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'active', 'other_services')).toBe('277 20 72614');
    expect(rowOf(p.cells, 'active', 'licensing')).toBe('206 -14 275264');
  });
});
