import { DuckDBInstance } from '@duckdb/node-api';

/** Runs one SQL query in a fresh in-memory DuckDB (tests read the published Parquet/CSV/DuckDB files with it). */
export async function query<T>(sql: string): Promise<T[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];
  } finally {
    conn.closeSync();
  }
}
