import { describe, expect, it } from 'vitest';
import { textToLines } from '../src/lib/decode/lines.ts';
import { maskOrphanLabels } from '../src/lib/decode/orphans.ts';
import { readRequests } from '../src/lib/tables/sections.ts';

const seven = (v: string[]) => v.flatMap((x) => [x, '']).join('\n');

/** Reading-order pdftotext: the labels of （一）（二） come out after the rows below them. */
const READING_ORDER = [
  '申请人情况',
  '自然人',
  '',
  '商业企业',
  '',
  '科研机构',
  '',
  '社会公益组织',
  '',
  '法律服务机构',
  '',
  '其他',
  '',
  '总计',
  '',
  '一、本年新收政府信息公开申请数量',
  '',
  seven(['5', '0', '0', '0', '0', '0', '5']),
  '二、上年结转政府信息公开申请数量',
  '',
  seven(['1', '0', '0', '0', '0', '0', '1']),
  seven(['3', '0', '0', '0', '0', '0', '3']),
  seven(['2', '0', '0', '0', '0', '0', '2']),
  '1.属于国家秘密',
  '',
  seven(['1', '0', '0', '0', '0', '0', '1']),
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '',
  '（三）不予公开',
  '',
  '1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '',
  '（七）总计',
  '',
  seven(['6', '0', '0', '0', '0', '0', '6']),
  '四、结转下年度继续办理',
  '',
  seven(['0', '0', '0', '0', '0', '0', '0']),
].join('\n');

describe('row labels with no room for numbers', () => {
  it('are masked: later rows are found, no value changes rows', () => {
    const lines = maskOrphanLabels(textToLines(READING_ORDER));
    const r = readRequests(lines, 2024);
    const row = (k: string) =>
      r
        .read!.cells.filter((c) => c.row_key === k)
        .map((c) => (c.state === 'number' ? c.value : c.state[0]))
        .join(' ');
    // The rows between 1.属于国家秘密 and （七）总计 were not found (their labels drifted), so the
    // values after its label could be one of theirs: the invariant leaves them NULL.
    expect(row('withheld_state_secret')).toBe('a a a a a a a');
    // （七）总计 right after a masked label: the values after the two labels may be either row's
    // (plain pdftotext writes labels back to back, then both rows' values: t45's f1_067).
    expect(row('total')).toBe('a a a a a a a');
    expect(row('carried_forward')).toBe('0 0 0 0 0 0 0');
    expect(row('granted')).toBe('');
    expect(row('carried_over')).toBe('a a a a a a a');
    // the words that tell the 2021 layout are kept
    expect(r.rowsLayout).toBe('2021');
    // the raw text of a masked label is kept
    expect(lines.find((l) => l.raw === '（一）予以公开')!.text).not.toContain('予以公开');
  });

  it('leave the row after them unproven when both labels come before the values', () => {
    // Plain pdftotext: （七）总计's label, 结转下年度's right after, then 总计's values and 结转's
    // (units and values split apart on a line that reads as text: t45's f1_067).
    const text = [
      '（六）其他处理 0 0 0 0 0 0 0',
      '（七）总计',
      '四、结转下年度继续办理',
      '',
      '16 2 0 0 0 0 18',
      '件',
      '1件 0件 0件 0件 0件 件0 件1',
    ].join('\n');
    const r = readRequests(maskOrphanLabels(textToLines(text)), 2024);
    const fwd = r.read!.cells.filter((c) => c.row_key === 'carried_forward');
    expect(fwd.every((c) => c.state !== 'number')).toBe(true);
  });

  it("2019's row （六）其他处理 over the 2021 form's first item is its group's heading, not masked (t94 L1)", () => {
    const group = ['（六）其他处理', '', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ''];
    const lines = textToLines([...group, seven(['11', '0', '0', '0', '0', '0', '11'])].join('\n'));
    expect(maskOrphanLabels(lines)).toBe(lines);
    // Before another row's label it is masked as before.
    const other = textToLines(
      ['（六）其他处理', '', '（七）总计', '', seven(['1', '0', '0', '0', '0', '0', '1'])].join('\n'),
    );
    expect(maskOrphanLabels(other)).not.toBe(other);
  });

  it('labels followed by their numbers are left alone', () => {
    const lines = textToLines('（一）予以公开\n\n3\n\n0\n（二）部分公开 1 0 0 0 0 0 1\n（三）不予公开\n0件\n');
    expect(maskOrphanLabels(lines)).toBe(lines);
  });
});
