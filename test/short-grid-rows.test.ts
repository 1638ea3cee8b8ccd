import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, parseText, rowOf } from './helpers.ts';

/**
 * Two wrong numbers of a fresh 10,000-report eval (seed 9151), each a blank cell that moved:
 * the other values were published one column off.
 */
describe('a blank cell keeps its column', () => {
  it('a CSV row narrower than the sheet is not read from the sheet’s right edge (2019 二)', () => {
    // Rows of three values fill the sheet; 行政事业性收费 has two columns: its first is blank and
    // the sheet's last field is the export's padding. Read from the right it gave prev_items 0.
    const text = [
      '某局2019年政府信息公开工作年度报告',
      '一、总体情况',
      '全年公开信息。',
      '二、主动公开政府信息情况',
      '信息内容,本年新制作数量,本年新公开数量,对外公开总数量',
      '规章,42,42,171',
      '行政许可,0,0,38',
      '行政事业性收费,,0,',
      '政府集中采购,0,,',
      '三、收到和处理政府信息公开申请情况',
    ].join('\n');
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'active', 'fees')).toBe('B 0');
    // 政府集中采购,0,, — its first cell and two empty fields: which of them is its blank cell is
    // not shown either, and nothing else decides it.
    expect(['0 B', 'A A']).toContain(rowOf(p.cells, 'active', 'procurement'));
    expect(rowOf(p.cells, 'active', 'licensing')).toBe('0 0 38');
  });

  it('section 四 by year, one cell per line: the 本年 label line holds no cell', () => {
    const cellLines = (vals: string[]) => vals.map((v) => `${v} |`);
    const text = [
      '某局2025年政府信息公开工作年度报告',
      '一、总体情况',
      '全年公开信息。',
      '4、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      ...cellLines(['年度', '行政复议', '行政诉讼']),
      '||',
      ...cellLines(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉']),
      '||',
      '上年 |',
      ...cellLines('4 2 2 3 11 1 6 0 7 14 3 1 8 0 12'.split(' ')),
      '||',
      '本年 |',
      // The last cell (复议后起诉·总计) blank: it was read as the first, every value one column right.
      ...cellLines('0 0 0 0 0 0 0 0 0 0 0 0 0 0'.split(' ')),
      ' |',
      '||',
      '五、政府信息公开工作存在的主要问题及改进情况',
    ].join('\n');
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'review', 'review')).toBe('0 0 0 0 0');
    expect(rowOf(p.cells, 'review', 'suit_direct')).toBe('0 0 0 0 0');
    expect(rowOf(p.cells, 'review', 'suit_after_review')).toBe('0 0 0 0 B');
  });
});

describe('a glued row is split only where every identity it has can check it', () => {
  it('its column sums unreadable (约141): the row sum alone does not place it (a tester’s file)', () => {
    // 7.属于行政执法案卷 | 310140930111 | is 3|10|14|0|93|0|111, a typo of 1 as 10 in the source:
    // its row sum fails. 31|0|1|40|9|30|111 satisfies it and was published, every check passing.
    const text = readFileSync(new URL('./fixtures/tester/glued-row-unreadable-total.txt', import.meta.url));
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'requests', 'withheld_enforcement')).toBe('A A A A A A A');
    // The rows around it are read as printed.
    expect(rowOf(p.cells, 'requests', 'withheld_internal')).toMatch(/^\d+( \d+){6}$/);
  });
});
