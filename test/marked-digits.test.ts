import { describe, expect, it } from 'vitest';
import { textToLines } from '../src/lib/decode/lines.ts';
import { readActive } from '../src/lib/tables/sections.ts';
import { rowOf } from './helpers.ts';

/**
 * A cell of digits with another mark between them (`68、0`, `0；0`): a separator written as
 * another mark, so two numbers (or one and the start of another) in one cell. It is no value,
 * but it is its row's cells: the row's own line holds them, and a copy of the row with it is a
 * copy. Found by the full-width
 * property test at other seeds; the same text in `|` rows gave the same wrong numbers.
 */

const active = (text: string) => readActive(textToLines(text), 2020).read!;
const HEAD = '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n';
const ROWS = `规章 | 301 | 301 | 489 |
规范性文件 | 0 | 0 | 0 |
行政许可 | 343 | 0 | 648 |
其他对外管理服务事项 | 1961 | -2 | 297 |
行政处罚 | 594 | 2 | 0 |
行政强制 | 0 | 0 | 0 |
`;

describe('a cell of digits with another mark between them', () => {
  it('is its row’s cells: the values on the next line (a row whose label is lost) are not the row’s', () => {
    // Seed 1 of the full-width property test, table 1162: 政府集中采购's label lost after it.
    const r = active(`${HEAD}${ROWS}行政事业性收费 | 68、0 |\n1686 | 0万元 |\n采购总金额（万元） |`);
    expect(rowOf(r.cells, 'active', 'fees')).toBe('A A');
    expect(rowOf(r.cells, 'active', 'penalty')).toBe('594 2 0');
  });

  it('a copy of the row holding it is a copy: both NULL (repeated_row)', () => {
    // Seed 24, table 696: 行政事业性收费；9；0 then 行政事业性收费；0、0.
    for (const [first, second] of [
      ['9 | 0', '0、0'],
      ['0、0', '9 | 0'],
      ['9 | 0', '0；0'],
    ]) {
      const r = active(
        `${HEAD}${ROWS}行政事业性收费 | ${first} |\n行政事业性收费 | ${second} |\n政府集中采购 | 0 | 0万元 |`,
      );
      expect(rowOf(r.cells, 'active', 'fees'), `${first} / ${second}`).toBe('R R');
      expect(rowOf(r.cells, 'active', 'procurement')).toBe('0 0');
    }
  });
});
