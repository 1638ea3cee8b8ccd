import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, parseText, wrongCells } from './helpers.ts';

/**
 * Fresh testers' files (test/fixtures/tester/t45, t48, t49 and t50, their READMEs): fuzzers over
 * plain and `-layout` text (a header in another order lost, `| ` as a blank cell, values glued
 * where they stood, every row adding up with another column as its total); pdftotext conversions
 * of Chromium-printed reports (another row's value as the fee, 四's blanks at its end, a running
 * header glued to a cell, a print header before the title), and a fuzzer's delimited text (a
 * grid table's wrapped unit, a bold unit, a short Markdown delimiter row); comma and tab rows
 * a cell short ending in an empty field (t60); plain pdftotext of LibreOffice's PDFs, 二's
 * sub-table read column by column with a blank cell (t61), and its first columns row by row with
 * the rest of 规章's after 规范性文件's (t62), labels broken into pieces and rows with no values
 * of their own there (t63); two reports in one file, another year's untitled
 * body under this year's info box, or another year's tables after a report without 四 (t64).
 */
for (const [name, count] of [
  ['t45', 14],
  ['t48', 6],
  ['t49', 4],
  ['t50', 5],
  ['t53', 3],
  ['t55', 3],
  ['t58', 11],
  ['t60', 5],
  ['t61', 4],
  ['t62', 6],
  ['t63', 8],
  ['t64', 7],
] as const) {
  const dir = new URL(`./fixtures/tester/${name}/`, import.meta.url);
  // Text only (a PDF kept beside them is read as a document: tester-t52.test.ts).
  const files = readdirSync(dir).filter((f) => !f.endsWith('.json') && !f.endsWith('.pdf') && f !== 'README.txt');
  describe(`a fresh tester’s files (${name})`, () => {
    it('are all here', () => expect(files.length).toBe(count));
    for (const file of files)
      it(`${file}: no wrong number`, () => {
        const p = ok(parseText(readFileSync(new URL(file, dir)), file));
        expect(wrongCells(p.cells, new URL(`${file}.json`, dir))).toEqual([]);
      });
  });
}

describe('what the fixes read, not only NULL', () => {
  const t49 = new URL('./fixtures/tester/t49/', import.meta.url);
  it('a grid table’s wrapped unit: the fee in 万元', () => {
    for (const [file, want] of [
      ['grid-cont-nolead-yuan.txt', 1264.56],
      ['grid-cont-nolead-qianyuan.txt', 4175.55],
      ['grid-md-bold-unit.txt', 4175.55],
    ] as const) {
      const p = ok(parseText(readFileSync(new URL(file, t49)), file));
      expect(p.cells.find((c) => c.table_id === 'active' && c.row_key === 'fees')?.value).toBe(want);
    }
  });
  it('a print header before the title: the agency', () => {
    const file = 'h_x02_break_in_group_thead.layout.txt';
    const p = ok(parseText(readFileSync(new URL(`./fixtures/tester/t45/${file}`, import.meta.url)), file));
    expect(p.report.agency).toBe('淮安市人民政府');
    // Its date cut off as a cell of its own (`4/26/21,` read as a comma-separated field).
    const text = `4/26/21, 8:49 PM         东兰县教育局2020年政府信息公开工作年度报告\n一、总体情况\n好。\n五、存在的主要问题及改进情况\n无。`;
    const q = ok(parseText(text, 'x.md'));
    expect([q.report.title, q.report.agency]).toEqual(['东兰县教育局2020年政府信息公开工作年度报告', '东兰县教育局']);
  });
});
