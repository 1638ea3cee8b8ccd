import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { convertDocument } from '../src/lib/decode/document.ts';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';
import { ok, parseText } from './helpers.ts';

/** A fresh tester's t95 (test/fixtures/tester/t95, README.txt its notes): a Word table of 三 cut in two, a PDF row cut by a page. */
const dir = new URL('./fixtures/tester/t95/', import.meta.url);

describe("t95: a header places its own table's rows only; a page's next row fills no blank cell", () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(4));
  for (const file of files) {
    it(`${file}: no wrong number`, async () => expect(await wrongInFile(dir, file)).toEqual([]));
    // (The PDF's narrow table loses cells to its interleaved group labels: no wrong number is asked.)
    if (!file.endsWith('.pdf'))
      it(`${file}: every number read`, async () => expect(await missingInFile(dir, file)).toEqual([]));
  }
});

describe('t95: a workbook under a Word name', () => {
  it('is said to be an Excel workbook, not a broken Word document', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    for (const name of ['s.docx', 's.doc']) {
      const r = await convertDocument(name, bytes);
      expect(r).toMatchObject({ ok: false, code: 'E_UNSUPPORTED_TYPE' });
      expect(!r.ok && r.reason).toMatch(/内容实为Excel 表格/);
    }
  });
});

describe("t95: 四's header naming 行政诉讼 once over each block, its block in brackets", () => {
  it('reads the blocks in the form’s order, and none in the other', () => {
    const html = readFileSync(new URL('l11_000.html', dir), 'utf8');
    const read = (text: string) =>
      ok(parseText(text, 'x.html')).cells.filter((c) => c.table_id === 'review' && c.state === 'number').length;
    expect(read(html)).toBe(15);
    const [a, b] = ['行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];
    expect(read(html.replace(a, '@').replace(b, a).replace('@', b))).toBe(0);
  });
});

describe("t95: a footnote's reference mark is no word of the label it follows", () => {
  it('reads the row', () => {
    const html = (mark: string) =>
      `<h1>某某局2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>三、收到和处理政府信息公开申请情况</p><table><tr><td>一、本年新收政府信息公开申请数量${mark}</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr></table>`;
    const row = (text: string) =>
      ok(parseText(text, 'x.html'))
        .cells.filter((c) => c.row_key === 'new_received' && c.state === 'number')
        .map((c) => c.value);
    expect(row(html('<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>'))).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(row(html('<a href="#_ftn1" name="_ftnref1">[1]</a>'))).toEqual([3, 0, 0, 0, 0, 0, 3]);
    // Beside a number, with its unit too, it marks the number (no number, as a <sup>).
    const marked = (cell: string) =>
      ok(parseText(html('').replace('<td>3</td>', `<td>${cell}</td>`), 'x.html')).cells.find(
        (c) => c.row_key === 'new_received' && c.col_key === 'natural_person',
      )?.state;
    for (const cell of ['3<a href="#_ftn1">1</a>', '3件<a href="#_ftn1">1</a>', '<a href="#_ftn1">1</a>3'])
      expect(marked(cell), cell).not.toBe('number');
  });
});
