import { describe, expect, it } from 'vitest';
import { textToLines } from '../src/lib/decode/lines.ts';
import { joinWrappedLabels } from '../src/lib/decode/wrapped.ts';

const texts = (t: string) =>
  joinWrappedLabels(textToLines(t))
    .map((l) => l.text.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

describe('labels wrapped around their numbers (pdftotext -layout)', () => {
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
      '2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理 6 0 0 0 0 0 6',
      '其政府信息公开申请',
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
});
