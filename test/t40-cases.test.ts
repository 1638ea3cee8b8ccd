import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './documents.ts';
import { ok, parseText, rowOf, wrongCells } from './helpers.ts';

/**
 * A fresh tester's t40 (3,157 files: PDFs printed from borderless tables, `pdftotext -layout`
 * text and others; 1,303 wrong numbers): a number too wide for its cell wraps (1019 as 101 over
 * 9; in a PDF 104 as 10 over 4, or one digit a line), and the digits on the row's own line were
 * published as the whole number, the rest dropped. A line of numbers alone beside a row read
 * from its own line is that row's or its neighbour's: neither is proven, so both are NULL
 * (tables/rows.ts `unlabelledValueLine`, `valueLineAbove`). Files in test/fixtures/tester/t40,
 * each with its truth file.
 */

const dir = new URL('./fixtures/tester/t40/', import.meta.url);
const truth = (file: string) => new URL(`${file}.json`, dir);

describe('t40: a number wrapped in its cell is never published cut short', () => {
  it('pdftotext -layout: the last digit on the line below', () => {
    const file = 'm03_layout_wrapped_number.txt';
    const text = readFileSync(new URL(file, dir), 'utf8');
    const p = ok(parseText(text, file));
    expect(wrongCells(p.cells, truth(file))).toEqual([]);
    // `一、本年新收… 101 5 3 2 6 7 1042` over a line `9` (1019): the 9 is this row's or 二's.
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('A A A A A A A');
    expect(rowOf(p.cells, 'requests', 'carried_over')).toBe('A A A A A A A');
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('1004 0 1 0 2 2 1009');
    expect(p.diagnostics.some((d) => /a line of values with no numbered label/.test(d.message))).toBe(true);
  });

  it('pdftotext -layout: the first digits on the line above the first row (under the header)', () => {
    const file = 'm03_layout_wrapped_number.txt';
    const lines = readFileSync(new URL(file, dir), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('一、本年新收'));
    [lines[at], lines[at + 1]] = [lines[at + 1]!, lines[at]!];
    const p = ok(parseText(lines.join('\n'), file));
    expect(wrongCells(p.cells, truth(file))).toEqual([]);
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('A A A A A A A');
    // The line above the second row is the first row's own: nothing stands between them.
    expect(rowOf(p.cells, 'requests', 'carried_over')).toBe('0 0 1 0 0 0 1');
  });

  for (const [file, row, table] of [
    // Borderless, top-aligned: 3-digit numbers wrap as 10 over 4 (104 was published as 10).
    ['m01_pdf_wrapped_number_top.pdf', 'new_received', 'requests'],
    // The same in 二, where no sum can tell: 289 was published as 28.
    ['m05_pdf_active_wrapped_number_top.pdf', 'normative_docs', 'active'],
  ] as const)
    it(`a PDF whose table has no vertical rules: ${file}`, async () => {
      const { parsed } = await parseDocument(file, new Uint8Array(readFileSync(new URL(file, dir))));
      const p = ok(parsed!);
      expect(wrongCells(p.cells, truth(file))).toEqual([]);
      expect(rowOf(p.cells, table, row)).toMatch(/^A( A)*$/);
      expect(p.cells.filter((c) => c.state === 'number').length).toBeGreaterThan(20);
    });

  it('digits beside the rest of a wrapped group label (理结果 ２ ９ under 22 and 29): the row is NULL', () => {
    // A PDF's text (scripts/document-text.ts), full-width digits: `三、本年度 （一）予以公开 ２ ０ １
    // ３ ０ ３ ２` over `办理结果 ２ ９`. 22 and 29 were published as 2 and 2.
    const file = 'f049_pdf_text_fullwidth_wrapped_beside_label.txt';
    const p = ok(parseText(readFileSync(new URL(file, dir), 'utf8'), file));
    expect(wrongCells(p.cells, truth(file))).toEqual([]);
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('A A A A A A A');
    // Below it, the same two digits may as well be the first of 部分公开's numbers (a cell set
    // to its bottom, as in the next case): not proven either.
    expect(rowOf(p.cells, 'requests', 'partly_granted')).toBe('A A A A A A A');
    expect(rowOf(p.cells, 'requests', 'withheld_state_secret')).not.toMatch(/A/);
  });

  it('first digits beside a wrapped group label above the row (set to the cell’s bottom): the row is NULL', () => {
    // A PDF's text, cells set to the bottom, one digit a line: `（五）不予  5  3  8` over
    // `处理  5.要求行政机关确认或重新出具已获取信息  0  0  4  4  0  0  8` (54, 34 and 88). 0 0 4 4
    // 0 0 8 was published as the row. A whole row beside such text would be a row of its own;
    // a page's number (`- 3 -`, a one-line dump's) is no digit of a cell.
    const file = 'bW2_pdf_text_bottom_wrapped_beside_group_label.txt';
    const p = ok(parseText(readFileSync(new URL(file, dir), 'utf8'), file));
    expect(wrongCells(p.cells, truth(file))).toEqual([]);
    expect(rowOf(p.cells, 'requests', 'declined_confirmation')).toBe('A A A A A A A');
    const whole = readFileSync(new URL(file, dir), 'utf8').replace(
      '（五）不予  5  3  8',
      '（五）不予  5  3  8  1  1  1  1',
    );
    const q = ok(parseText(whole, file));
    expect(rowOf(q.cells, 'requests', 'declined_confirmation')).toBe('0 0 4 4 0 0 8');
    const paged = readFileSync(new URL(file, dir), 'utf8').replace('（五）不予  5  3  8', '（五）不予  - 3 -');
    expect(rowOf(ok(parseText(paged, file)).cells, 'requests', 'declined_confirmation')).toBe('0 0 4 4 0 0 8');
  });

  it('a whole row of values beside the rest of a wrapped group label is the next row’s: the row above stands', () => {
    // `（一）予以公开 2 0 0 1 0 0 3` over `理结果 0 0 0 1 0 0 1`: seven values, 部分公开's.
    const file = 'f030_pdf_text_row_beside_label.txt';
    const p = ok(parseText(readFileSync(new URL(file, dir), 'utf8'), file));
    expect(wrongCells(p.cells, truth(file))).toEqual([]);
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('2 0 0 1 0 0 3');
  });
});
