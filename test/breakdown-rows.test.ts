import { describe, expect, it } from 'vitest';
import { minimalReport, ok, parseText, rowOf } from './helpers.ts';

/** Section 三 with `extra` lines after its 本年新收 row, cells joined by ` | `. */
function requests(extra: string[]): string {
  return minimalReport([
    '三、收到和处理政府信息公开申请情况',
    '| 申请人情况 |',
    '自然人 | 法人或其他组织 | 总计 |',
    '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |',
    '一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 1 | 7 |',
    ...extra,
    '二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    '（一）予以公开 | 4 | 1 | 0 | 0 | 0 | 1 | 6 |',
    '（七）总计 | 6 | 1 | 0 | 0 | 0 | 1 | 8 |',
    '四、政府信息公开行政复议、行政诉讼情况',
    '无。',
  ]);
}
const newReceived = (extra: string[]) => rowOf(ok(parseText(requests(extra))).cells, 'requests', 'new_received');

describe('a breakdown row (其中…) under a row of 三', () => {
  it('leaves the row above it read: its values are its own row’s, not the rest of the one above', () => {
    expect(newReceived([])).toBe('5 1 0 0 0 1 7');
    expect(newReceived(['其中：网上申请 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |'])).toBe('5 1 0 0 0 1 7');
    expect(newReceived(['其中 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |'])).toBe('5 1 0 0 0 1 7');
  });

  it('publishes none of its own values under a row of the form', () => {
    const p = ok(parseText(requests(['其中：网上申请 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |'])));
    expect(p.cells.filter((c) => c.raw === '4' && c.col_key === 'total')).toEqual([]);
    expect(rowOf(p.cells, 'requests', 'carried_over')).toBe('1 0 0 0 0 0 1');
  });

  it('still leaves the row NULL when values follow with no label, or a label that is no breakdown’s', () => {
    expect(newReceived(['| 3 | 1 | 0 | 0 | 0 | 0 | 4 |'])).toBe('A A A A A A A');
    expect(newReceived(['网上申请 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |'])).toBe('A A A A A A A');
  });
});
