import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN } from './golden/seeds.ts';
import { ok, parseText, rowOf } from './helpers.ts';

describe('golden: the bundled sample reports, every cell', () => {
  for (const g of GOLDEN) {
    describe(g.file, () => {
      const parsed = ok(parseText(readFileSync(`data/raw/${g.file}`), g.file));

      it('report metadata', () => {
        expect(parsed.report).toMatchObject(g.report);
      });

      it('has exactly the expected rows', () => {
        const rows = [...new Set(parsed.cells.map((c) => `${c.table_id}.${c.row_key}`))].sort();
        expect(rows).toEqual(Object.keys(g.cells).sort());
      });

      for (const [key, want] of Object.entries(g.cells)) {
        it(`cells ${key}`, () => {
          const [table, row] = key.split('.') as [string, string];
          expect(rowOf(parsed.cells, table, row)).toBe(want);
        });
      }

      for (const [key, line, raw] of g.lines ?? []) {
        it(`provenance ${key} → line ${line}`, () => {
          const [table, row, col] = key.split('.');
          const cell = parsed.cells.find((c) => c.table_id === table && c.row_key === row && c.col_key === col);
          expect(cell).toBeDefined();
          expect(cell!.line).toBe(line);
          expect(cell!.raw).toBe(raw);
          const source = readFileSync(`data/raw/${g.file}`, 'utf8').split('\n')[line - 1]!;
          expect(source).toContain(raw);
        });
      }

      it('blank cells are NULL, never 0', () => {
        for (const c of parsed.cells) if (c.state !== 'number') expect(c.value).toBeNull();
      });
    });
  }
});
