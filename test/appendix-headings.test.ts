import { describe, expect, it } from 'vitest';
import { ok, parseText } from './helpers.ts';

/**
 * A report whose own headings 二 and 四 are numbered like items (2、 （四）) and are not found, with
 * another unit's tables in its appendix under headings of their own (a synthetic corpus's
 * 容县林业和草原局: 25 of its cells published from 县卫生健康委员会's tables).
 */
const text = (unit: string) =>
  [
    '容县林业和草原局2024年政府信息公开工作年度报告',
    '一、总体情况',
    '本局全年公开信息。',
    '2、主动公开政府信息情况',
    '详见附件。',
    '三、收到和处理政府信息公开申请情况',
    '无。',
    '（四）因政府信息公开工作被申请行政复议、提起行政诉讼情况',
    '详见附件。',
    '五、存在的主要问题及改进情况',
    '无。',
    '六、其他需要报告的事项',
    '无。',
    '附件：',
    `${unit}政府信息公开情况统计表`,
    '二、主动公开政府信息情况',
    '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '规章 | 0 | 0 | 5 |',
    '行政规范性文件 | 20 | 0 | 219 |',
    '行政许可 | 0 |',
    '行政处罚 | 0 |',
    '行政强制 | 19 |',
    '行政事业性收费 | 1012.93 |',
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议 | 行政诉讼 |',
    '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |',
    Array(15).fill('0').join(' | ') + ' |',
  ].join('\n');

describe('section headings inside an appendix after the last section', () => {
  it('are the appendix’s: another unit’s tables there are not read as the report’s', () => {
    const p = ok(parseText(text('县卫生健康委员会')));
    expect(p.cells.filter((c) => c.table_id === 'active' || c.table_id === 'review')).toEqual([]);
    expect(p.diagnostics.some((d) => d.code === 'W_TABLE_MISSING' && d.message.includes('县卫生健康委员会'))).toBe(
      true,
    );
  });

  it('still read the report’s own tables there', () => {
    const p = ok(parseText(text('容县林业和草原局')));
    expect(p.cells.find((c) => c.table_id === 'active' && c.row_key === 'coercion')?.value).toBe(19);
  });
});
