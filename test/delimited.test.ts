import { describe, expect, it } from 'vitest';
import { delimitedRows, detectDelimiter } from '../src/lib/decode/delimited.ts';
import { textToLines } from '../src/lib/decode/lines.ts';
import { buildReport } from './fixtures/build.ts';
import { ok, parseText, pipesAsDelimited, rowOf } from './helpers.ts';

/** A pipes report re-written as delimited rows; values with thousands commas are quoted. */
const asDelimited = (text: string, d: ',' | ';') =>
  pipesAsDelimited(text, d, (c) => (d === ',' && c.includes(',') ? `"${c}"` : c));

const spec = {
  style: 'pipes' as const,
  requests: {
    new_received: ['1,205', '1', '0', '0', '1', '0', '1,207'],
    total: ['1,205', '1', '0', '0', '1', '0', '1,207'],
  },
  active: { licensing: ['58', '-3', '8,458'] },
  review: ['1', '2', '0', '0', '3', '0', '0', '0', '1', '1', '0', '0', '0', '0', '0'],
};

describe('comma- and semicolon-separated rows', () => {
  for (const d of [',', ';'] as const) {
    it(`reads "${d}" rows, quoted thousands included`, () => {
      const text = asDelimited(buildReport(spec), d);
      expect(text).toContain(
        d === ',' ? '本年新收政府信息公开申请数量,"1,205",1,0' : '本年新收政府信息公开申请数量;1,205;1;0',
      );
      const p = ok(parseText(text));
      expect(rowOf(p.cells, 'requests', 'new_received')).toBe('1205 1 0 0 1 0 1207');
      expect(rowOf(p.cells, 'active', 'licensing')).toBe('58 -3 8458');
      expect(rowOf(p.cells, 'review', 'review')).toBe('1 2 0 0 3');
      expect(p.report.status).toBe('complete');
      expect(p.cells.find((c) => c.row_key === 'new_received' && c.col_key === 'total')!.raw).toBe(
        '1,205'.replace('5', '7'),
      );
    });
  }

  it('every field quoted, a line of one field too: its text without the quotes (a fresh tester: the title and agency kept them)', () => {
    const quoted = asDelimited(buildReport(spec), ',')
      .split('\n')
      .map((l) => (l.includes(',') ? l : l.trim() ? `"${l.replace(/"/g, '""')}"` : l))
      .join('\n');
    expect(quoted.split('\n')[0]).toMatch(/^"测试.*报告"$/);
    const p = ok(parseText(quoted, 'report.csv'));
    expect(p.report.title).not.toContain('"');
    expect(p.report.agency).toBe(ok(parseText(buildReport(spec))).report.agency);
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('1205 1 0 0 1 0 1207');
  });

  it('a blank field stays a blank cell in its position', () => {
    const text = asDelimited(
      buildReport({ style: 'pipes', requests: { granted: ['', '1', '0', '0', '0', '0', '1'] } }),
      ',',
    );
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('B 1 0 0 0 0 1');
  });

  it('a row ending in an empty field, one short: not placed by its count (a fresh tester’s t60)', () => {
    // `…,0,8,3,0,0,16,` for 0 8 5 3 0 0 16: a cell lost in the middle and the sheet's width (or a
    // trailing separator) after, or a blank 总计. The count cannot tell; read as a blank 总计, every
    // value after the lost one stood a column left (docs/template.md: such rows are not placed).
    const row = ['1', '6', '2', '5', '7', '0', '21'];
    const base = asDelimited(buildReport({ style: 'pipes', requests: { granted: row, total: row } }), ',');
    for (const d of [',', '\t'])
      for (const damaged of [',1,2,5,7,0,21,', ',1,6,2,5,7,0,']) {
        const text = base.replace(',1,6,2,5,7,0,21', damaged).replaceAll(',', d);
        const p = ok(parseText(text, d === ',' ? 'r.csv' : 'r.tsv'));
        expect(rowOf(p.cells, 'requests', 'granted'), `${JSON.stringify(d)} ${damaged}`).toBe('A A A A A A A');
        expect(rowOf(p.cells, 'requests', 'total')).toBe('1 6 2 5 7 0 21');
      }
  });

  it('prose with ASCII commas is not a table', () => {
    const lines = textToLines(
      '全年公开1,234,567条信息。\n共处理2,345,678件，办结1,111,111件。\n规章，行政许可，总计。',
    );
    expect(detectDelimiter(lines)).toBeNull();
    expect(delimitedRows(lines)).toBe(lines);
  });
});
