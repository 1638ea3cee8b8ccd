import type { DuckDBResultReader } from '@duckdb/node-api';

/**
 * A query's columns as JavaScript arrays, one per column of the result, each empty when there
 * are no rows: DuckDB's `getColumnsJS()` gives no column at all then, and a destructured column
 * was `undefined` (a fresh tester: a corpus whose only file was rejected could not be built,
 * "Cannot read properties of undefined (reading 'length')").
 */
export function columnsJS<T extends unknown[][]>(reader: DuckDBResultReader): T {
  const columns = reader.getColumnsJS();
  return Array.from({ length: reader.columnCount }, (_, i) => columns[i] ?? []) as T;
}
