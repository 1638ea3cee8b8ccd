import { describe, expect, it } from 'vitest';
import { makeLine, textToLines } from '../src/lib/decode/lines.ts';
import { relativeYearLabels } from '../src/lib/tables/year-labels.ts';
import { minimalReport, ok, parseText, rowOf } from './helpers.ts';

/** Section 三 of a report on 2023 (minimalReport's year) with its row labels as given, cells joined by `sep`. */
function requests(first: string, second: string, last: string, sep = ' | '): string {
  const row = (label: string, v: string) =>
    sep === ' | ' ? `${label} | ${v} |` : [label, ...v.split(' | ')].join(sep);
  return minimalReport([
    '三、收到和处理政府信息公开申请情况',
    '| 申请人情况 |',
    '自然人 | 法人或其他组织 | 总计 |',
    '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |',
    row(first, '5 | 1 | 0 | 0 | 0 | 1 | 7'),
    row(second, '1 | 0 | 0 | 0 | 0 | 0 | 1'),
    row('（一）予以公开', '4 | 1 | 0 | 0 | 0 | 1 | 6'),
    row('（七）总计', '4 | 1 | 0 | 0 | 0 | 1 | 6'),
    row(last, '2 | 0 | 0 | 0 | 0 | 0 | 2'),
    '四、政府信息公开行政复议、行政诉讼情况',
    '无。',
  ]);
}

describe('relativeYearLabels: 三 rows named by the year', () => {
  it('writes the year a row means as the form’s word, keeping the map to raw positions', () => {
    const lines = textToLines(
      [
        '一、2023年新收政府信息公开申请数量 | 5',
        '二、2022年度结转政府信息公开申请数量 | 1',
        '四、结转至2024年度继续办理 | 2',
      ].join('\n'),
    );
    const out = relativeYearLabels(lines, 2023);
    expect(out.map((l) => l.text)).toEqual([
      '一、本年新收政府信息公开申请数量 | 5',
      '二、上年结转政府信息公开申请数量 | 1',
      '四、结转至下年度继续办理 | 2',
    ]);
    for (const l of out) {
      expect(l.map).toHaveLength(l.text.length + 1);
      // The value after the label still maps to its own place in the raw line.
      expect(l.raw[l.map![l.text.lastIndexOf('|') + 2]!]).toBe(l.text.at(-1));
    }
  });

  it('leaves a label naming another year, and everything when the year is unknown', () => {
    const lines = [makeLine(1, '一、2022年新收政府信息公开申请数量 | 5'), makeLine(2, '四、结转2023年度继续办理 | 2')];
    expect(relativeYearLabels(lines, 2023)).toBe(lines);
    expect(relativeYearLabels(lines, null)).toBe(lines);
  });

  it('changes the text of a drawn table’s cells alike', () => {
    const cells = [
      { raw: '一、2023年新收', text: '一、2023年新收', no: 1, col: 0 },
      { raw: '5', text: '5', no: 1, col: 1 },
    ];
    const [l] = relativeYearLabels([makeLine(1, '一、2023年新收 5', cells)], 2023);
    expect(l!.cells!.map((c) => c.text)).toEqual(['一、本年新收', '5']);
  });
});

/** Labels of 一, 二 and 四 whose years are the ones the rows mean in a report on 2023. */
const FITTING: [string, string, string] = [
  '一、2023年新收政府信息公开申请数量',
  '二、2022年结转政府信息公开申请数量',
  '四、结转2024年度继续办理',
];
const parsed = (labels: [string, string, string], sep?: string) => ok(parseText(requests(...labels, sep)));

describe('a report whose 三 names its rows by the year', () => {
  it('reads them as the form’s rows when the years are the report’s', () => {
    const p = parsed(FITTING);
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('5 1 0 0 0 1 7');
    expect(rowOf(p.cells, 'requests', 'carried_over')).toBe('1 0 0 0 0 0 1');
    expect(rowOf(p.cells, 'requests', 'carried_forward')).toBe('2 0 0 0 0 0 2');
  });

  it('reads them in a table whose cells are joined by full-width ；', () => {
    const p = parsed(FITTING, '；');
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('5 1 0 0 0 1 7');
    expect(rowOf(p.cells, 'requests', 'carried_forward')).toBe('2 0 0 0 0 0 2');
  });

  it('reads none of them under a year that is not the one the row means', () => {
    const p = parsed([
      '一、2022年新收政府信息公开申请数量',
      '二、2021年结转政府信息公开申请数量',
      '四、结转2023年度继续办理',
    ]);
    for (const row of ['new_received', 'carried_over', 'carried_forward'])
      expect(rowOf(p.cells, 'requests', row)).not.toMatch(/\d/);
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('4 1 0 0 0 1 6');
  });
});
