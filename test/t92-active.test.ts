import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';
import { minimalReport, ok, parseText, rowOf } from './helpers.ts';

/** A fresh tester's t92 (test/fixtures/tester/t92, README.txt its notes): section 二's sub-tables with a column of the agency's own. */
const dir = new URL('./fixtures/tester/t92/', import.meta.url);
const labels = new URL('./fixtures/tester/t92/labels/', import.meta.url);

describe('t92: a row label with its unit (规章（件）, 行政事业性收费（万元）) is the row, and ends the row before it', () => {
  const files = testerFiles(labels);
  it('has its files', () => expect(files.length).toBe(3));
  for (const file of files) {
    it(`${file}: no wrong number`, async () => expect(await wrongInFile(labels, file)).toEqual([]));
    it(`${file}: every number read`, async () => expect(await missingInFile(labels, file)).toEqual([]));
  }
});

describe("t92: a row under a header naming more columns than the form's is not read by its count", () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(11));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
});

describe('二: a sub-table header naming more columns than its rows have (tables/sections.ts activeWider)', () => {
  const active = (...lines: string[]) =>
    ok(parseText(minimalReport(['二、主动公开政府信息情况', ...lines, '三、收到和处理政府信息公开申请情况']))).cells;
  it("leaves a row short of a value unread, whichever side the agency's column stands", () => {
    for (const head of [
      '信息内容 | 本年收费金额（单位：万元） | 本年收费项目数量',
      '信息内容 | 本年收费项目数量 | 本年收费金额（单位：万元）',
    ])
      expect(rowOf(active('第二十条第（八）项', head, '行政事业性收费 | 7'), 'active', 'fees'), head).not.toBe('7');
    expect(
      rowOf(active('信息内容 | 上年处理决定数量 | 本年处理决定数量', '行政许可 | 863'), 'active', 'licensing'),
    ).not.toBe('863');
  });
  it('still reads a row under one header over the whole of 二, and a header of its own width', () => {
    const whole = active(
      '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
      '规章 | 3 | 1 | 25',
      '行政规范性文件 | 12 | 4 | 88',
      '行政许可 | 1234',
      '行政事业性收费 | 2.5',
    );
    expect(rowOf(whole, 'active', 'licensing')).toBe('1234');
    expect(rowOf(whole, 'active', 'fees')).toBe('2.5');
    // A dump's text before the header (项目金额) names no column of it.
    const dumped = active(
      '（一）财政预决算 项目金额 部门预算12345678（二）第二十条第（一）项 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
      '规章 | 3 | 1 | 25',
    );
    expect(rowOf(dumped, 'active', 'rules')).toBe('3 1 25');
  });
});
