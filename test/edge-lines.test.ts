import { describe, expect, it } from 'vitest';
import { minimalReport, ok, parseText, rowOf } from './helpers.ts';

/**
 * One cell a line, as plain pdftotext writes a ruled table: a blank cell is no line at all, and an
 * empty line may stand between rows (and between header rows). Such an empty line at the edge of a
 * row's values is no blank cell: a row short of a value must not take it for one, or every value
 * between the lost cell and that edge stands a column off (a fresh tester's t12: 68 wrong numbers
 * in 二, 三 and 四). An empty line is a cell where the table shows it: between two values of a row
 * (rows.ts, fromLines `edges`, edgeSeparators, interiorEmptyLine).
 */

/** 二's first sub-table's header, one cell a line. */
const ACTIVE_HEADER = ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'];

const cells = (text: string, table: string) => ok(parseText(text)).cells.filter((c) => c.table_id === table);

describe('one cell a line with empty lines between rows', () => {
  it('二: a row short of a value is not read with the empty line after it as its last cell', () => {
    const text = minimalReport([
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '',
      ...ACTIVE_HEADER,
      '',
      '规章',
      '3',
      '18',
      '',
      '行政规范性文件',
      '27',
      '3',
      '198',
      '',
    ]);
    const active = cells(text, 'active');
    const rules = active.filter((c) => c.row_key === 'rules');
    // 18 is 现行有效件数 (the lost cell is 本年废止件数): never under 本年废止件数.
    expect(rules.find((c) => c.col_key === 'repealed')?.value ?? null).toBeNull();
    expect(rules.filter((c) => c.value !== null && c.value !== 3 && c.value !== 18)).toEqual([]);
    expect(rowOf(active, 'active', 'normative_docs')).toBe('27 3 198');
  });

  it('四: fourteen values between two empty lines are not read with the first as blank', () => {
    const values = ['12', '16', '4', '16', '48', '5', '7', '1', '20', '5', '1', '4', '7', '17'];
    const text = minimalReport([
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议',
      '行政诉讼',
      '',
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
      '未经复议直接起诉',
      '复议后起诉',
      '',
      ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      '',
      ...values,
      '',
    ]);
    const review = cells(text, 'review');
    expect(review).toHaveLength(15);
    // The 复议 block's values are its first five (12 16 4 16 48): never a column to the right.
    const upheld = review.find((c) => c.row_key === 'review' && c.col_key === 'upheld');
    expect(upheld?.value === 12 || upheld?.value === null).toBe(true);
    const corrected = review.find((c) => c.row_key === 'review' && c.col_key === 'corrected');
    expect(corrected?.value === 16 || corrected?.value === null).toBe(true);
  });

  it('四: thirteen values on one line, empty lines after it: no blank placed at its end (a fresh tester’s t45)', () => {
    const text = minimalReport([
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议 行政诉讼',
      '未经复议直接起诉 复议后起诉',
      '结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计',
      '4 2 6 7 2 4 2 15 1 1 3 2 7',
      '',
      '',
      '',
      '五、存在的主要问题及改进情况',
    ]);
    const review = cells(text, 'review');
    expect(review.filter((c) => c.value !== null)).toEqual([]);
  });

  it('三: a row short of 科研机构 is not read with the empty line after it as 总计', () => {
    const row = (label: string, v: string[]) => [label, ...v, ''];
    const text = minimalReport([
      '三、收到和处理政府信息公开申请情况',
      '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和',
      '申请人情况',
      '',
      '自然人',
      '法人或其他组织',
      '总计',
      '',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '',
      ...row('一、本年新收政府信息公开申请数量', ['312', '46', '50', '70', '52', '71', '601']),
      ...row('二、上年结转政府信息公开申请数量', ['0', '0', '1', '1', '4', '1', '7']),
      // 科研机构 (3) blank and lost: 30 3 8 2 1 44 are 自然人, 商业企业, 社会公益组织 … 总计.
      ...row('三、本年度办理结果 （一）予以公开', ['30', '3', '8', '2', '1', '44']),
    ]);
    const granted = cells(text, 'requests').filter((c) => c.row_key === 'granted');
    const total = granted.find((c) => c.col_key === 'total');
    expect(total?.value === 44 || total?.value === null).toBe(true);
    expect(granted.find((c) => c.col_key === 'research')?.value ?? null).toBeNull();
    expect(rowOf(cells(text, 'requests'), 'requests', 'new_received')).toBe('312 46 50 70 52 71 601');
  });
});

describe('one cell a line where an empty line is a cell', () => {
  it('a table showing a blank cell between two values reads an empty line at a row’s edge as its blank cell', () => {
    const text = minimalReport([
      '二、主动公开政府信息情况',
      ...ACTIVE_HEADER,
      '规章',
      '3',
      '',
      '18',
      '行政规范性文件',
      '27',
      '3',
      '',
      '三、收到和处理政府信息公开申请情况',
    ]);
    const active = cells(text, 'active');
    expect(rowOf(active, 'active', 'rules')).toBe('3 B 18');
    expect(rowOf(active, 'active', 'normative_docs')).toBe('27 3 B');
  });
});
