import { describe, expect, it } from 'vitest';
import { textToLines } from '../src/lib/decode/lines.ts';
import { readActive, readRequests } from '../src/lib/tables/sections.ts';
import { rowOf } from './helpers.ts';

/**
 * A cell of digits with another mark between them (`68、0`, `0；0`): a separator written as
 * another mark, so two numbers (or one and the start of another) in one cell. It is no value,
 * but it is its row's cells: the row's own line holds them, a copy of the row with it is a
 * copy, and it may stand for as many cells as it has digit groups. Found by the full-width
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

  it('may stand for two cells: a short row elsewhere is not placed by a sum it could make up', () => {
    // Seed 22, table 66: （三）5. has 6 cells for 7 (its 1 lost, and its 5 the source's own slip,
    // so its row does not add up); （三）6. holds 0；0 and （三）8. has 00. Counting 0；0 as one
    // cell made 0 5 0 0 0 _ 1 look proven, 5 under 商业企业.
    const rows: Array<[string, string]> = [
      ['一、本年新收政府信息公开申请数量', '3 | 13 | 0 | 0 | 0 | 0 | 16'],
      ['二、上年结转政府信息公开申请数量', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
      ['（一）予以公开', '0 | 12 | 0 | 0 | 0 | 0 | 12'],
      ['（二）部分公开', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
      ['（三）1.属于国家秘密', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
      ['（三）2.其他法律行政法规禁止公开', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
      ['（三）3.危及“三安全一稳定”', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
      ['（三）4.保护第三方合法权益', '1 | 0 | 0 | 0 | 0 | 0 | 1'],
      ['（三）5.属于三类内部事务信息', '0 | 5 | 0 | 0 | 0 | 1'],
      ['（三）6.属于四类过程性信息', '0 | 0 | 0 | 0 | 0 | 0；0'],
      ['（三）7.属于行政执法案卷', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
      ['（三）8.属于行政查询事项', '00 | 0 | 0 | 0 | 0 | 0'],
      ['（四）1.本机关不掌握相关政府信息', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
      ['（四）2.没有现成信息需要另行制作', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
      ['（四）3.补正后申请内容仍不明确', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
      ['（五）1.信访举报投诉类申请', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
      ['（五）2.重复申请', '1 | 0 | 0 | 0 | 0 | 0 | 1'],
      ['（五）3.要求提供公开出版物', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
      ['（五）4.无正当理由大量反复申请', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
      ['（五）5.要求行政机关确认或重新出具已获取信息', '1 | 0 | 0 | 0 | 0 | 0 | 1'],
      ['（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
      ['（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
      ['（六）3.其他', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
      ['（七）总计', '3 | 13 | 0 | 0 | 0 | 0 | 16'],
      ['四、结转下年度继续办理', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
    ];
    const text = [
      '自然人 | 法人或其他组织 | 总计 |',
      '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |',
      ...rows.map(([l, v]) => `${l} | ${v} |`),
    ].join('\n');
    const r = readRequests(textToLines(text), 2022).read!;
    expect(rowOf(r.cells, 'requests', 'withheld_internal')).not.toMatch(/\d/);
    expect(rowOf(r.cells, 'requests', 'withheld_process')).toBe('A A A A A A A');
    expect(rowOf(r.cells, 'requests', 'granted')).toBe('0 12 0 0 0 0 12');
  });
});
