import { describe, expect, it } from 'vitest';
import { sumsInAnotherColumn } from '../src/lib/tables/column-sums.ts';
import type { CellOut } from '../src/lib/tables/emit.ts';

const COLS = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'];
const rows = (...rs: number[][]): CellOut[] =>
  rs.flatMap((r, i) =>
    r.map((value, j) => ({
      table_id: 'requests',
      row_key: `r${i}`,
      col_key: COLS[j]!,
      value,
      raw: String(value),
      state: 'number',
      line: i + 1,
    })),
  );

describe('sumsInAnotherColumn (三 read in an order its sums deny)', () => {
  it('every row adding up with another column as its total: found', () => {
    const swapped = rows(
      [3001, 53, 0, 0, 61, 3119, 4],
      [34, 0, 0, 0, 0, 34, 0],
      [1288, 21, 0, 0, 50, 1362, 3],
      [447, 7, 0, 0, 0, 454, 0],
    );
    expect(sumsInAnotherColumn(swapped, COLS)).toContain('other_org column as the total');
  });
  it('rows adding up as read, or a source’s own error in a row or two: nothing', () => {
    expect(
      sumsInAnotherColumn(rows([1, 2, 0, 0, 0, 0, 3], [4, 0, 0, 0, 0, 0, 4], [2, 2, 0, 0, 0, 0, 4]), COLS),
    ).toBeNull();
    expect(
      sumsInAnotherColumn(
        rows([1, 2, 0, 0, 0, 0, 4], [4, 0, 0, 0, 0, 0, 4], [2, 2, 0, 0, 0, 0, 4], [5, 0, 0, 0, 0, 0, 5]),
        COLS,
      ),
    ).toBeNull();
  });
});
