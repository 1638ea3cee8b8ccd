import { describe, expect, it } from 'vitest';
import { cellView } from '../src/lib/site/present.ts';
import { repeatedColumnLabel, REQUEST_COLUMN_LABELS } from '../src/lib/tables/header.ts';
import { ok, parseText, rowOf } from './helpers.ts';

/**
 * A label that appears twice in a table (c10): the numbers are NULL, and the reason given is
 * that one — not "the raw text has more than one reading" (state `ambiguous`).
 */

const HEAD = `测试局2022年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |
自然人 | 法人或其他组织 | 总计 |
`;
const COLUMNS = '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n';
const ROWS = `一、本年新收政府信息公开申请数量 | 30 | 5 | 1 | 2 | 1 | 3 | 42 |
二、上年结转政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |
（一）予以公开 | 20 | 3 | 1 | 1 | 0 | 2 | 27 |
（二）部分公开 | 5 | 1 | 0 | 0 | 1 | 0 | 7 |
`;
const TAIL = '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n';

describe('a label that appears twice', () => {
  it('a row label twice with different numbers: repeated_row, W_LABEL_REPEATED, and the site says so', () => {
    const text =
      HEAD +
      COLUMNS +
      ROWS.replace(/(（一）予以公开[^\n]*\n)/, '$1（一）予以公开 | 99 | 0 | 0 | 0 | 0 | 0 | 99 |\n') +
      TAIL;
    const p = ok(parseText(text));
    const granted = p.cells.filter((c) => c.table_id === 'requests' && c.row_key === 'granted');
    expect(granted).toHaveLength(7);
    expect(granted.every((c) => c.state === 'repeated_row' && c.value === null)).toBe(true);
    // The rows around it are read.
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('30 5 1 2 1 3 42');
    expect(rowOf(p.cells, 'requests', 'partly_granted')).toBe('5 1 0 0 1 0 7');
    const d = p.diagnostics.filter((x) => x.code === 'W_LABEL_REPEATED');
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toMatch(/requests\.granted: the row label appears twice \(lines 8 and 9\)/);
    expect(p.diagnostics.some((x) => x.code === 'W_CELLS_AMBIGUOUS')).toBe(false);
    expect(p.report.cells_ambiguous).toBe(7);
    const v = cellView({ report_id: p.report.report_id, ...granted[0]! });
    expect(v.kind).toBe('repeated_row');
    expect(v.title).toBe('无法确定：表中“（一）予以公开”一行出现两次，无法确定数字属于哪一行，数值留空');
    expect(v.title).not.toMatch(/多种读法/);
  });

  it('the same row printed twice with the same numbers is read once, with no warning', () => {
    const p = ok(parseText(HEAD + COLUMNS + ROWS.replace(/(（一）予以公开[^\n]*\n)/, '$1$1') + TAIL));
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('20 3 1 1 0 2 27');
    expect(p.diagnostics.some((x) => x.code === 'W_LABEL_REPEATED')).toBe(false);
  });

  it('a column label twice in the header: every row of the table repeated_column, and the site says so', () => {
    const text = HEAD + '商业企业 | 科研机构 | 科研机构 | 法律服务机构 | 其他 |\n' + ROWS + TAIL;
    const p = ok(parseText(text));
    const req = p.cells.filter((c) => c.table_id === 'requests');
    expect(req.length).toBeGreaterThan(0);
    expect(req.every((c) => c.state === 'repeated_column' && c.value === null)).toBe(true);
    const d = p.diagnostics.filter((x) => x.code === 'W_LABEL_REPEATED');
    expect(d.length).toBeGreaterThan(0);
    expect(d[0]!.message).toMatch(/the column label 科研机构 appears twice in the header \(line 5\)/);
    const v = cellView({ report_id: p.report.report_id, ...req[0]! });
    expect(v.kind).toBe('repeated_column');
    expect(v.title).toBe('无法确定：表头中有一列的名称出现两次，无法确定数字属于哪一列，数值留空');
  });

  it('a column label only counts as a header cell of its own, not in prose', () => {
    expect(repeatedColumnLabel('商业企业 | 科研机构 | 科研机构 | 法律服务机构', REQUEST_COLUMN_LABELS)).toBe(
      '科研机构',
    );
    expect(repeatedColumnLabel('商业企业\t科研机构\t社会公益组织\t法律服务机构', REQUEST_COLUMN_LABELS)).toBeNull();
    expect(
      repeatedColumnLabel('其中自然人申请20件，自然人申请较上年增加，商业企业5件', REQUEST_COLUMN_LABELS),
    ).toBeNull();
    // Two labels are no header line: nothing is said.
    expect(repeatedColumnLabel('自然人 | 自然人', REQUEST_COLUMN_LABELS)).toBeNull();
  });
});
