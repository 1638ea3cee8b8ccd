import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { columnsJS } from '../src/lib/site/columns.ts';

describe('columnsJS', () => {
  it('gives one array per column of the result, empty ones when there are no rows', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      const none = await conn.runAndReadAll(`SELECT 'a' AS id, 1 AS n WHERE false`);
      // What DuckDB itself gives: no column at all.
      expect(none.getColumnsJS()).toEqual([]);
      expect(columnsJS(none)).toEqual([[], []]);
      const some = await conn.runAndReadAll(`SELECT * FROM (VALUES ('a', 1), ('b', 2)) t(id, n)`);
      expect(columnsJS(some)).toEqual([
        ['a', 'b'],
        [1, 2],
      ]);
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  });
});
