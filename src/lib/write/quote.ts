/** A SQL string literal (DuckDB): `it's` → `'it''s'`. The one quoting of text put into SQL. */
export const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;
