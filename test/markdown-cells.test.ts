import { describe, expect, it } from 'vitest';
import { ACCEPTED } from '../src/lib/decode/document-types.ts';
import { markdownCell } from '../src/lib/tables/tokens.ts';
import { minimalReport, ok, parseText, rowOf } from './helpers.ts';

describe('markdownCell: a markdown table cell as a reader sees it', () => {
  it('drops emphasis around the whole cell', () => {
    expect(markdownCell(' **330** ')).toBe('330');
    expect(markdownCell('__8__')).toBe('8');
    expect(markdownCell('***12***')).toBe('12');
    expect(markdownCell('*5*')).toBe('5');
    expect(markdownCell('**（七）总计**')).toBe('（七）总计');
  });

  it('keeps what is not emphasis of the whole cell: struck text, a footnote mark, half a pair', () => {
    for (const s of ['~~53~~', '53*', '*53', '**53', '**', '*']) expect(markdownCell(s)).toBe(s);
  });

  it('joins a label broken by <br>, but never two digits into one number', () => {
    expect(markdownCell('（三）7.属于行<br>政执法案卷')).toBe('（三）7.属于行政执法案卷');
    expect(markdownCell('一、本年新收政府<br/>信息公开申请数量')).toBe('一、本年新收政府信息公开申请数量');
    expect(markdownCell('12<br>3')).toBe('12 3');
  });
});

/** Section 三 as a markdown table (pandoc or an LLM's conversion), totals in bold. */
const REQUESTS = minimalReport([
  '三、收到和处理政府信息公开申请情况',
  '| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
  '|---|:---:|:---:|:---:|:---:|:---:|:---:|---:|',
  '| 一、本年新收政府<br>信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 1 | **7** |',
  '| 二、上年结转政府<br>信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | **1** |',
  '| （一）予以公开 | 4 | 1 | 0 | 0 | 0 | 1 | **6** |',
  '| **（七）总计** | **4** | **1** | **0** | **0** | **0** | **1** | **6** |',
  '| 四、结转下年度<br>继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | **2** |',
  '四、政府信息公开行政复议、行政诉讼情况',
  '无。',
]);

describe('a markdown table with bold totals and broken labels', () => {
  it('reads the bold numbers and the rows whose labels were broken', () => {
    const p = ok(parseText(REQUESTS, 'report.md'));
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('5 1 0 0 0 1 7');
    expect(rowOf(p.cells, 'requests', 'carried_over')).toBe('1 0 0 0 0 0 1');
    expect(rowOf(p.cells, 'requests', 'total')).toBe('4 1 0 0 0 1 6');
    expect(rowOf(p.cells, 'requests', 'carried_forward')).toBe('2 0 0 0 0 0 2');
    // The published raw text is the source's, markup and all.
    expect(p.cells.find((c) => c.row_key === 'new_received' && c.col_key === 'total')?.raw).toBe('**7**');
  });

  it('does not read a struck number', () => {
    const p = ok(parseText(REQUESTS.replace('| **1** |', '| ~~1~~ |'), 'report.md'));
    expect(rowOf(p.cells, 'requests', 'carried_over')).toMatch(/^1 0 0 0 0 0 [UAB]$/);
  });
});

describe('tab-separated files', () => {
  it('are read by their name, .tsv, as text', () => {
    expect(ACCEPTED.test('报告.tsv')).toBe(true);
    expect(ACCEPTED.test('报告.TSV')).toBe(true);
  });
});
