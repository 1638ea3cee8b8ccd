import { describe, expect, it } from 'vitest';
import { minimalReport, ok, parseText, rowOf } from './helpers.ts';

/**
 * `pdftotext -raw` of a table whose blank cells are drawn empty and whose numbers are
 * letter-spaced (a fresh tester's t45, f2_010): values one space apart, no gap where a blank
 * stood, `1 2` for 12. A row of the form's count may then be a blank lost and a number spaced
 * apart: only its own sum proves it (tables/read.ts, spacedDigits).
 */
const HEADER = ['三、收到和处理政府信息公开申请情况', '自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计'];
function table(partly: string): string {
  return minimalReport([
    ...HEADER,
    '一、本年新收政府信息公开申请数量 6 1 6 5 1 4 1 1 1 4 1 1 1',
    '（一）予以公开 1 2 3',
    `（二）部分公开 ${partly}`,
    '（三）1.属于国家秘密 2 0 0 0 0 0 2',
    '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
    '无。',
  ]);
}
const row = (text: string, key: string) => rowOf(ok(parseText(text)).cells, 'requests', key);

describe('a table of text whose values are not its cells one to one', () => {
  it('leaves a row of the form’s count NULL when its own sum fails', () => {
    // 4 1 1 3 _ 3 12, read by count as 4 1 1 3 3 1 2.
    expect(row(table('4 1 1 3 3 1 2'), 'partly_granted')).toBe('A A A A A A A');
  });
  it('reads a row of the form’s count that adds up', () => {
    expect(row(table('4 1 1 3 0 3 12'), 'partly_granted')).toBe('4 1 1 3 0 3 12');
    expect(row(table('2 0 0 0 0 0 2'), 'withheld_state_secret')).toBe('2 0 0 0 0 0 2');
  });
});
