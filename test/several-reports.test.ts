import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, parseText, rowOf, wrongCells } from './helpers.ts';
import { buildReport } from './fixtures/build.ts';

/**
 * Several reports saved as one file (segment/reports.ts): a fresh tester's t33, a workbook whose
 * sheets of 2022 and 2023 were saved as one CSV, each sheet a title and sections 二–四 but no 一.
 * The second sheet went into the first's 四 (四 NULL: two tables), and was not said to be there.
 * Each sheet carries the workbook's date (2024-01-20), which fits 2023's and not 2022's.
 */

const dir = new URL('./fixtures/tester/t33/', import.meta.url);
const FILE = 'm23_two_sheets_prev_first.csv';
const text = readFileSync(new URL(FILE, dir), 'utf8');
const [sheet2022, sheet2023] = text.split(/\n(?=测试最小m23局2023年)/) as [string, string];
const parse = (t: string, name = FILE) => ok(parseText(t, name));
const secondAt = (p: ReturnType<typeof parse>) => p.diagnostics.find((d) => d.code === 'W_SECOND_REPORT');
const lineOf = (t: string, s: string) => t.split('\n').findIndex((l) => l.includes(s)) + 1;

describe('several reports in one file', () => {
  it('the fixture holds two sheets', () => {
    expect(sheet2022).toContain('2022年政府信息公开工作年度报告');
    expect(sheet2023).toContain('2023年政府信息公开工作年度报告');
  });

  it('the one whose date fits its year is read, with every cell of its own, and the other report is named', () => {
    const p = parse(text);
    expect(p.report.year).toBe(2023);
    expect(wrongCells(p.cells, new URL(`${FILE}.json`, dir))).toEqual([]);
    expect(rowOf(p.cells, 'review', 'review')).toBe('4 6 0 4 14');
    const d = secondAt(p)!;
    expect(d.line).toBe(1);
    expect(d.message).toContain('2022, 2023');
    expect(d.message).toContain('publication date fits');
    expect(p.report.second_report_line).toBe(1);
  });

  it('the same when that sheet comes first; the other one is named where it begins', () => {
    const swapped = `${sheet2023}\n${sheet2022}`;
    const p = parse(swapped);
    expect(p.report.year).toBe(2023);
    expect(wrongCells(p.cells, new URL(`${FILE}.json`, dir))).toEqual([]);
    expect(rowOf(p.cells, 'review', 'review')).toBe('4 6 0 4 14');
    expect(p.report.second_report_line).toBeGreaterThan(lineOf(swapped, '测试最小m23局2022年') - 3);
    expect(p.report.second_report_line).toBeLessThanOrEqual(lineOf(swapped, '测试最小m23局2022年') + 2);
  });

  it('the year in the file’s name is read where it names one of them', () => {
    const p = parse(text, '测试最小m23局2022年政府信息公开工作年度报告.csv');
    expect(p.report.year).toBe(2022);
    expect(rowOf(p.cells, 'review', 'review')).toBe('5 4 0 2 11');
    expect(rowOf(p.cells, 'requests', 'total')).toBe('168 28 42 23 33 26 320');
    expect(secondAt(p)!.message).toContain("the year in the file's name");
  });

  it('the first is read where each report is dated for its own year (no date tells which is the file’s)', () => {
    // The first occurrence is the 2022 sheet's.
    const dated = text.replace('发布日期：2024-01-20', '发布日期：2023-01-18');
    expect(dated).not.toBe(text);
    const p = parse(dated);
    expect(p.report.year).toBe(2022);
    expect(rowOf(p.cells, 'review', 'review')).toBe('5 4 0 2 11');
    // Its first heading's line (二、), under its title.
    expect(p.report.second_report_line).toBe(lineOf(dated, '测试最小m23局2023年') + 2);
    expect(secondAt(p)!.message).toContain('(the first)');
  });

  it('a second sheet with no title of its own is not taken for a report (an appendix’s tables)', () => {
    const untitled = `${sheet2022}\n${sheet2023.split('\n').slice(2).join('\n')}`;
    const p = parse(untitled);
    expect(p.report.year).toBe(2022);
    expect(secondAt(p)).toBeUndefined();
  });

  it('finds a report’s title above its page fields (索引号, 发布机构, 成文日期, 文号 between it and 一)', () => {
    // Seed 18: the title four lines above 一 was not the second report's, so it had no year and
    // the first, last year's, was read.
    const fields = [
      '索 引 号 | 1118/2022-001 | 分 类 | 年报 |',
      '发布机构 | 办公室 |',
      '成文日期 | 2022-01-14 |',
      '文 号 | |',
    ];
    const report = (year: number, n: string) =>
      buildReport({
        title: `测试市测试局${year}年政府信息公开工作年度报告`,
        head: fields,
        requests: { new_received: [n, '0', '0', '0', '0', '0', n], granted: [n, '0', '0', '0', '0', '0', n] },
      }).replace(/2020年，/g, `${year}年，`);
    const p = parse(`${report(2020, '4')}\n${report(2021, '7')}`, 'x.txt');
    expect(p.report.year).toBe(2021);
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('7 0 0 0 0 0 7');
  });

  it('and above a 标题 row its info box repeats it in (meta-title-cell): the date under the title tells', () => {
    // Synthetic seed 97: the second report began at its box's 标题 row, below the box's date, so
    // no date fitted either year and the first, last year's, was read under this year's title.
    const report = (year: number, n: string, titled: boolean) =>
      buildReport({
        title: `测试市测试局${year}年政府信息公开工作年度报告`,
        head: [
          '索 引 号 | 1118/2022-001 | 分 类 | 年报 |',
          '发布机构 | 测试局 | 成文日期 | 2022-02-14 |',
          ...(titled ? [`标\u3000\u3000题： | 测试市测试局${year}年政府信息公开工作年度报告 |`] : []),
          '文 号 | | 有 效 性 | |',
        ],
        requests: { new_received: [n, '0', '0', '0', '0', '0', n], granted: [n, '0', '0', '0', '0', '0', n] },
      }).replace(/2020年，/g, `${year}年，`);
    const p = parse(`${report(2020, '4', false)}\n${report(2021, '7', true)}`, 'x.txt');
    expect(p.report.year).toBe(2021);
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('7 0 0 0 0 0 7');
    expect(secondAt(p)?.message).toContain('publication date fits');
  });
});

describe("links to the agency's other years' reports above its title (synthetic seed 143)", () => {
  // 相关阅读: last year's and the year before's titles, one under another, over this report's
  // title with no year: the first link was taken for the page's title and the report after the
  // body, last year's, published for this one.
  const report = (year: number, parts: boolean) =>
    parts
      ? [
          '第一部分 总体情况',
          `${year}年度，本机关政府信息公开工作平稳有序。`,
          '第二部分 主动公开政府信息情况',
          '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
          '规章 | 3 | 1 | 25',
        ]
      : [
          '一、总体情况',
          `${year}年，本机关政府信息公开工作平稳有序。`,
          '二、主动公开政府信息情况',
          '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
          '规章 | 5 | 2 | 23',
        ];
  const text = [
    '相关阅读',
    '某某局2021年政府信息公开工作年度报告',
    '某某局2020年政府信息公开工作年度报告',
    '',
    '某某局政府信息公开工作年度报告',
    ...report(2022, true),
    '某某局2021年政府信息公开工作年度报告',
    ...report(2021, false),
  ].join('\n');
  it('reads the report under the links, not last year’s after it', () => {
    const p = parse(text, 'report.txt');
    expect(rowOf(p.cells, 'active', 'rules')).toBe('3 1 25');
    expect(p.report.year).toBe(2022);
  });
});
