import { describe, expect, it } from 'vitest';
import { compactCross, expandCross } from '../src/lib/ingest/analyze.ts';
import type { CellOut } from '../src/lib/tables/emit.ts';
import { mulberry32 } from './helpers.ts';

describe('cross-year cells kept as one string', () => {
  it('gives back every cell of the rows the cross-year checks read, value for value, and no other', () => {
    const r = mulberry32(20261202);
    const rows = ['carried_over', 'carried_forward', 'rules', 'normative_docs', 'new_received', 'total'];
    const values = [null, 0, 7, 12345, 3.5, 0.1, 1e21, -2];
    for (let n = 0; n < 200; n++) {
      const cells: CellOut[] = Array.from({ length: Math.floor(r() * 30) }, (_, i) => ({
        table_id: r() < 0.5 ? 'requests' : 'active',
        row_key: rows[Math.floor(r() * rows.length)]!,
        col_key: `c${i}`,
        value: values[Math.floor(r() * values.length)]!,
        raw: 'x',
        state: 'number',
        line: 3,
      }));
      const kept = cells.filter((c) =>
        ['carried_over', 'carried_forward', 'rules', 'normative_docs'].includes(c.row_key),
      );
      const key = (c: Pick<CellOut, 'table_id' | 'row_key' | 'col_key' | 'value'>) =>
        `${c.table_id}.${c.row_key}.${c.col_key}=${String(c.value)}`;
      const back = expandCross(compactCross(cells));
      expect(back.map(key).sort()).toEqual(kept.map(key).sort());
      for (const c of back) expect(c.state).toBe(c.value === null ? 'blank' : 'number');
    }
  });

  it('is empty for a report without those rows', () => {
    expect(compactCross([])).toBe('');
    expect(expandCross('')).toEqual([]);
  });
});
