import { describe, expect, it } from 'vitest';
import { LazyRows } from '../src/lib/site/lazy-rows.ts';

describe('LazyRows (lazy-rows.ts)', () => {
  it('gives each report its rows, parsed once, and [] for a report without rows', () => {
    const rows = new LazyRows<{ v: number }>(['a', 'b'], ['[{"v":1},{"v":2}]', '[{"v":3}]']);
    const a = rows.get('a');
    expect(a).toEqual([{ v: 1 }, { v: 2 }]);
    expect(rows.get('a')).toBe(a);
    expect(rows.get('b')).toEqual([{ v: 3 }]);
    expect(rows.get('c')).toEqual([]);
  });

  it('parses only what is asked for: a damaged text elsewhere in the block is never read', () => {
    const rows = new LazyRows<{ v: number }>(['a', 'b'], ['[{"v":1}]', '{not json']);
    expect(rows.get('a')).toEqual([{ v: 1 }]);
    expect(() => rows.get('b')).toThrow();
  });

  it('from a query with no row at all (no columns): no rows for any report, no error', () => {
    // A routine update whose changed reports have no tables (t42): DuckDB gave no columns.
    const rows = LazyRows.fromColumns<{ v: number }>([]);
    expect(rows.get('a')).toEqual([]);
    expect(LazyRows.fromColumns<{ v: number }>([['a'], ['[{"v":1}]']]).get('a')).toEqual([{ v: 1 }]);
  });
});
