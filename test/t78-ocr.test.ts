import { describe, expect, it } from 'vitest';
import { unverifiedOcrCells } from '../src/lib/checks/ocr.ts';
import type { CheckOut } from '../src/lib/checks/checks.ts';
import type { CellOut } from '../src/lib/tables/read.ts';
import { readFileSync } from 'node:fs';
import { prepareDocument } from '../src/lib/decode/document-lines.ts';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t78 (test/fixtures/tester/t78, README.txt its notes): PDFs whose text layer is
 * not what the page shows — two OCR layers disagreeing, OCR misreads, a tiny OCR word.
 */
const dir = new URL('./fixtures/tester/t78/', import.meta.url);

describe('t78: every published number is what the page shows', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(8));
  for (const file of files) it(file, { timeout: 60_000 }, async () => expect(await wrongInFile(dir, file)).toEqual([]));
  it('a typed page beside scanned ones keeps its numbers; a speck in a scan’s layer takes none away (t79)', async () => {
    // m02: 二 typed, read in full; j3: a full scan, 二 NULL by the OCR rule and nothing else lost.
    const typed = await missingInFile(dir, 'm02_typed_p1_scanned_tables.pdf');
    expect(typed.filter((k) => k.startsWith('active.'))).toEqual([]);
    // (The 7 others: a row of 三 the OCR layer leaves NULL, as before today.)
    expect(typed).toHaveLength(7);
    const lost = await missingInFile(dir, 'j3_comma_low.pdf');
    expect(lost.filter((k) => !k.startsWith('active.'))).toHaveLength(7);
  });
  it('a ToUnicode map contradicting the digits its font draws: those digits are NULL, and the file says why (c01, c03)', async () => {
    // c01: every digit mapped to the next (2 1 18 drawn, 3 2 29 in the text), none left; c03: 1 and 7 swapped.
    // Their numbers with no 1 or 7 (c03) still stand; the others are NULL (wrongInFile above: none wrong).
    expect(await missingInFile(dir, 'c01_tounicode_digits_shifted.pdf')).toHaveLength(200);
    const swapped = await missingInFile(dir, 'c03_tounicode_1_7_swapped.pdf');
    expect(swapped.length).toBeGreaterThan(40);
    expect(swapped.length).toBeLessThan(200);
    const doc = prepareDocument('c01.pdf', readFileSync(new URL('c01_tounicode_digits_shifted.pdf', dir)));
    if (!doc.ok) throw new Error(doc.reason);
    expect(doc.format).toContain('digits whose text is not what the font draws on page 1');
    expect(doc.warnings?.[0]).toMatchObject({ code: 'W_CELL_UNREADABLE', line: 1 });
    expect(doc.warnings?.[0]?.message).toContain('ToUnicode');
    // A file whose fonts agree with their text has no such warning.
    const typed = prepareDocument('m02.pdf', readFileSync(new URL('m02_typed_p1_scanned_tables.pdf', dir)));
    expect(typed.ok && typed.warnings).toBeFalsy();
  });
});

const cell = (table_id: CellOut['table_id'], row_key: string, col_key: string, value: number): CellOut => ({
  table_id,
  row_key,
  col_key,
  value,
  raw: String(value),
  state: 'number',
  line: 1,
});
const check = (check_id: string, status: CheckOut['status']): CheckOut => ({
  check_id,
  status,
  expected: null,
  actual: null,
  detail: '',
});

describe('an OCR layer’s numbers', () => {
  it('stand where an identity naming them holds and none fails; 二’s, which none names, do not', () => {
    const cells = [
      cell('active', 'licensing', 'decisions', 15836),
      cell('review', 'review', 'upheld', 1),
      cell('review', 'review', 'total', 1),
    ];
    const ids = ['review.block_sum.review'];
    const pass = unverifiedOcrCells(
      cells,
      ids.map((id) => check(id, 'pass')),
      null,
    );
    const fail = unverifiedOcrCells(
      cells,
      ids.map((id) => check(id, 'fail')),
      null,
    );
    expect(pass.has('active.licensing.decisions')).toBe(true);
    expect(fail.has('review.review.total')).toBe(true);
    expect(pass.has('review.review.total') && pass.has('review.review.upheld')).toBe(false);
  });
});
