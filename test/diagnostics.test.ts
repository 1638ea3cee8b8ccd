import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, printable, type Diagnostic } from '../src/lib/schema/diagnostics.ts';
import { ok, parseText } from './helpers.ts';

/**
 * Diagnostics point at the exact place: line and column (1-based, characters of the file's own
 * line) and, for a cell, its structured address — in the style of jsonc-parser's tests.
 */
function expectDiagnostic(
  ds: Diagnostic[],
  want: { code: Diagnostic['code']; line: number; column: number | null; at?: Diagnostic['at'] },
): void {
  const d = ds.find(
    (x) =>
      x.code === want.code && x.line === want.line && (!want.at || JSON.stringify(x.at) === JSON.stringify(want.at)),
  );
  expect(
    d,
    `${want.code} at line ${want.line}: ${JSON.stringify(ds.map((x) => [x.code, x.line, x.column, x.at]))}`,
  ).toBeDefined();
  expect({ code: d!.code, line: d!.line, column: d!.column, ...(want.at ? { at: d!.at } : {}) }).toEqual(want);
}

const C09 = readFileSync('test/fixtures/c09_unreadable_cell_text.txt', 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const colOf = (text: string, needle: string) => text.split('\n')[lineOf(text, needle) - 1]!.indexOf(needle) + 1;

describe('diagnostic positions', () => {
  const p = ok(parseText(C09, 'c09.txt'));
  it('a cell whose text is no number: line, column of its text, and cell address', () => {
    expectDiagnostic(p.diagnostics, {
      code: 'W_CELL_UNREADABLE',
      line: lineOf(C09, '88*'),
      column: colOf(C09, '88*'),
      at: { table: 'active', row: 'normative_docs', col: 'in_force' },
    });
    expectDiagnostic(p.diagnostics, {
      code: 'W_CELL_UNREADABLE',
      line: lineOf(C09, '1234（注1）'),
      column: colOf(C09, '1234（注1）'),
      at: { table: 'active', row: 'licensing', col: 'decisions' },
    });
  });
  it('the positions are real: the column points at the cell text in that line', () => {
    const lines = C09.split('\n');
    for (const d of p.diagnostics.filter((x) => x.line !== null && x.column !== null)) {
      const cell = p.cells.find(
        (c) => d.at && c.table_id === d.at.table && c.row_key === d.at.row && c.col_key === d.at.col,
      );
      expect(lines[d.line! - 1]!.slice(d.column! - 1).startsWith(cell!.raw.split(' ')[0]!), d.message).toBe(true);
    }
  });
  it('a whole-file problem has no line and no column', () => {
    const r = parseText('', 'empty.txt');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ code: 'E_EMPTY', line: null, column: null });
  });
});

describe('file names printed to the terminal', () => {
  it('show control characters as escapes, so a name cannot clear the screen or split a line', () => {
    const d = {
      code: 'E_EMPTY',
      message: 'empty file',
      file: 'a/\u001b[2J\u001b[31mfake\rok\nline\u009b.txt',
      line: 3,
      column: null,
    };
    const s = formatDiagnostic(d as Diagnostic);
    expect(s).toBe('a/\\x1b[2J\\x1b[31mfake\\rok\\nline\\x9b.txt:3: E_EMPTY: empty file');
    expect(s).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    // Names in other scripts are untouched.
    expect(printable('11/2024/北京市 报告（一）.txt')).toBe('11/2024/北京市 报告（一）.txt');
  });
});
