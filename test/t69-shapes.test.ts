import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { abbreviates } from '../src/lib/segment/reports.ts';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';
import { buildReport } from './fixtures/build.ts';
import { ok, parseText } from './helpers.ts';

/**
 * A fresh tester's t69 (test/fixtures/tester/t69, README.txt its notes): a report saved twice in
 * one file, the copies differing in a few numbers. The second copy was taken for another report
 * and ignored, the first copy's numbers published; now the copies' tables are compared
 * (segment/reports.ts repeatsOf, tables/copies.ts), and a row they read differently is NULL.
 */
const dir = new URL('./fixtures/tester/t69/', import.meta.url);

describe('t69: every published number is the file’s', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(8));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
});

describe('t71: a part of the file taken for the report again never gives a value the report lacks', () => {
  const t71 = new URL('./fixtures/tester/t71/', import.meta.url);
  const files = testerFiles(t71);
  it('has its files', () => expect(files.length).toBe(14));
  for (const file of files) it(file, async () => expect(await wrongInFile(t71, file)).toEqual([]));
});

describe('t72: a repeat beside another report, or titled another way, is still compared', () => {
  const t72 = new URL('./fixtures/tester/t72/', import.meta.url);
  const files = testerFiles(t72);
  it('has its files', () => expect(files.length).toBe(8));
  for (const file of files) it(file, async () => expect(await wrongInFile(t72, file)).toEqual([]));
});

const requests = { new_received: ['5', '1', '0', '2', '0', '0', '8'], granted: ['3', '1', '0', '1', '0', '0', '5'] };
const changed = { new_received: ['6', '1', '0', '2', '0', '0', '9'], granted: ['3', '1', '0', '1', '0', '0', '5'] };
const cell = (text: string, row: string, col: string) =>
  ok(parseText(text, 'a.txt')).cells.find((c) => c.table_id === 'requests' && c.row_key === row && c.col_key === col)!;

describe('the same report twice with other numbers', () => {
  const a = buildReport({ requests });
  it('a row the copies read differently is NULL, every cell of it; the rows they agree on stand', () => {
    const text = `${a}\n${buildReport({ requests: changed })}`;
    expect(cell(text, 'new_received', 'total')).toMatchObject({ value: null, state: 'ambiguous' });
    expect(cell(text, 'new_received', 'commercial')).toMatchObject({ value: null, state: 'ambiguous' });
    expect(cell(text, 'granted', 'total')).toMatchObject({ value: 5, state: 'number' });
    const p = ok(parseText(text, 'a.txt'));
    expect(p.report.second_report_line).toBeNull();
    expect(p.diagnostics.map((d) => d.code)).toContain('W_DUPLICATE_TEXT');
    expect(p.diagnostics.map((d) => d.code)).not.toContain('W_SECOND_REPORT');
  });
  it('a yearless title under a list of the agency’s other years’ reports: their years are not the report’s (seed 139)', () => {
    // 相关文章 lists 2020's and 2019's titles above the report's own title, which states no year;
    // its body says 2020 (一's opening). 2019 was taken for the first copy's year, and the copy, its
    // body 2020, for another year's report: the first copy's numbers published.
    const yearless = (r: typeof requests) =>
      buildReport({ title: '测试市测试局政府信息公开工作年度报告', requests: r });
    const text = `相关文章：\n测试市测试局2020年政府信息公开工作年度报告\n测试市测试局2019年政府信息公开工作年度报告\n\n${yearless(requests)}\n${yearless(changed)}`;
    expect(cell(text, 'new_received', 'total')).toMatchObject({ value: null, state: 'ambiguous' });
    expect(ok(parseText(text, 'a.txt')).diagnostics.map((d) => d.code)).not.toContain('W_SECOND_REPORT');
  });
  it('a copy whose row fails its own sum still writes its numbers: where they are not the other copy’s, the row is NULL (repeat-differing)', () => {
    const failing = { ...requests, unable_needs_creation: ['0', '0', '0', '0', '0', '0', '3'] };
    const copy = buildReport({ requests: failing });
    expect(cell(copy, 'unable_needs_creation', 'total').state).toBe('ambiguous');
    const text = `${a}\n${copy}`;
    for (const col of ['natural_person', 'total'])
      expect(cell(text, 'unable_needs_creation', col)).toMatchObject({ value: null, state: 'ambiguous' });
    expect(cell(text, 'new_received', 'total')).toMatchObject({ value: 8, state: 'number' });
  });
  it('also under a title without the agency, or none', () => {
    const copy = buildReport({ requests: changed });
    for (const again of [
      copy.replace('测试市测试局2020年政府信息公开工作年度报告', '2020年度政府信息公开工作年度报告'),
      copy.replace('测试市测试局2020年政府信息公开工作年度报告\n', ''),
    ])
      expect(cell(`${a}\n${again}`, 'new_received', 'total').value).toBeNull();
  });
  it('beside another report in the file, the repeat is still compared (t72: A, A′, B and A, B, A′)', () => {
    const other = buildReport({ title: '测试市另一局2020年政府信息公开工作年度报告', requests: changed });
    const again = buildReport({ requests: changed });
    for (const text of [`${a}\n${again}\n${other}`, `${a}\n${other}\n${again}`]) {
      expect(cell(text, 'new_received', 'total').value).toBeNull();
      const p = ok(parseText(text, 'a.txt'));
      expect(p.diagnostics.map((d) => d.code)).toContain('W_SECOND_REPORT');
      expect(p.report.second_report_line).not.toBeNull();
    }
  });
  it('a copy whose title is written another way (年报 for 年度报告) over the same text is the report again (t72)', () => {
    const again = buildReport({ requests: changed }).replace('工作年度报告', '工作年报');
    expect(cell(`${a}\n${again}`, 'new_received', 'total').value).toBeNull();
  });
  it('another year’s report, or another agency’s, is no copy: the first report’s numbers stand, as before', () => {
    const otherYear = buildReport({
      title: '测试市测试局2021年政府信息公开工作年度报告',
      head: ['发布时间：2022-01-20'],
      requests: changed,
    }).replace(/2020年，/g, '2021年，');
    const otherAgency = buildReport({ title: '测试市另一局2020年政府信息公开工作年度报告', requests: changed });
    for (const other of [otherYear, otherAgency]) {
      const text = `${a}\n${other}`;
      expect(cell(text, 'new_received', 'total')).toMatchObject({ value: 8, state: 'number' });
      expect(ok(parseText(text, 'a.txt')).diagnostics.map((d) => d.code)).toContain('W_SECOND_REPORT');
    }
  });
});

describe('t75: another unit’s report, or an appendix, is no copy of the report', () => {
  const t75 = new URL('./fixtures/tester/t75/', import.meta.url);
  const files = testerFiles(t75);
  it('has its files', () => expect(files.length).toBe(3));
  for (const file of files)
    it(file, async () => {
      expect(await wrongInFile(t75, file)).toEqual([]);
      // Every number read, as before the repeat rules: none left NULL as a copy's difference.
      expect(await missingInFile(t75, file)).toEqual([]);
    });
});

describe('a part that repeats an earlier one', () => {
  it('is no report of its own: 2022’s, 2023’s and 2023’s again in a file named 2023 read 2023’s, compared with its copy (t72 x11)', () => {
    const name = 'x11_南京市高淳区卫生健康委员会2023年政府信息公开工作年度报告.txt';
    const p = ok(parseText(readFileSync(new URL(`./fixtures/tester/t72/${name}`, import.meta.url)), name));
    expect(p.report.year).toBe(2023);
    expect(p.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['W_SECOND_REPORT', 'W_DUPLICATE_TEXT']));
    expect(p.cells.find((c) => c.row_key === 'penalty' && c.col_key === 'decisions')!.value).toBeNull();
  });
});

describe('an agency’s name abbreviated', () => {
  it('卫健委 for 卫生健康委员会, 住建局 for 住房和城乡建设局, 政府办 for 人民政府办公室', () => {
    expect(abbreviates('南京市鼓楼区卫健委', '南京市鼓楼区卫生健康委员会')).toBe(true);
    expect(abbreviates('鼓楼区住建局', '鼓楼区住房和城乡建设局')).toBe(true);
    expect(abbreviates('鼓楼区政府办', '鼓楼区人民政府办公室')).toBe(true);
  });
  it('not another place’s agency, another kind, or the other way round', () => {
    expect(abbreviates('南京市卫健委', '南京市鼓楼区卫生健康委员会')).toBe(false);
    expect(abbreviates('测试局', '测试局办公室')).toBe(false);
    expect(abbreviates('南京市鼓楼区卫生健康委员会', '南京市鼓楼区卫健委')).toBe(false);
    expect(abbreviates('测试局', '另一局')).toBe(false);
    // A sub-unit's name is its bureau's and more: no abbreviation of it (t75).
    expect(abbreviates('南京市公安局', '南京市公安局交通管理局')).toBe(false);
    expect(abbreviates('南京市生态环境局', '南京市生态环境局溧水分局')).toBe(false);
    expect(abbreviates('南京市江宁区人民政府', '南京市江宁区淳化镇人民政府')).toBe(false);
  });
});
