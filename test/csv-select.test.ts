import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { columns } from '../src/lib/schema/datasets.ts';
import { csvSelect } from '../src/lib/write/export.ts';

/**
 * The CSV's select list (export.ts csvSelect) keeps the rows in order from any first row: each
 * CSV part is one such query from the part's first rowid, and the parts joined must be the
 * table's CSV. A fresh tester found rows moved: `left(x, 1) IN (six characters)` became a join
 * in DuckDB's plan, which (one thread, insertion order kept) gave a part's first rows last when
 * the part started in the last 64 rows of a 2,048-row vector of a stored table.
 */

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-csv-select-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('csvSelect', () => {
  it('gives the rows in their order from any first rowid of a stored table', async () => {
    const file = join(tmp, 't.duckdb');
    const ddl = columns('checks')
      .map((c) => `"${c.name}" ${c.type}`)
      .join(', ');
    let db = await DuckDBInstance.create(file, { threads: '1', preserve_insertion_order: 'true' });
    let c = await db.connect();
    await c.run(`CREATE TABLE checks (${ddl})`);
    // Text that starts with a formula character now and then (the prefix must still apply).
    await c.run(
      `INSERT INTO checks (report_id, check_id) SELECT lpad(range::VARCHAR, 6, '0'), CASE WHEN range % 7 = 0 THEN '=' || range ELSE md5(range::VARCHAR) END FROM range(6000)`,
    );
    c.closeSync();
    db.closeSync();
    // Reopened: the rows are read from storage, as the exports read them.
    db = await DuckDBInstance.create(file, { threads: '1', preserve_insertion_order: 'true' });
    c = await db.connect();
    for (const lo of [0, 1983, 2000, 2040, 2047, 4090, 4095, 5990]) {
      const rows = (
        await c.runAndReadAll(`SELECT ${csvSelect('checks')} FROM checks WHERE rowid >= ${lo} AND rowid < 6000`)
      ).getRows();
      const ids = rows.map((r) => Number(r[0]));
      expect(ids, `from ${lo}`).toEqual(Array.from({ length: 6000 - lo }, (_, k) => lo + k));
      const withPrefix = rows.filter((r) => String(r[1]).startsWith("'="));
      expect(withPrefix.length).toBe(ids.filter((i) => i % 7 === 0).length);
    }
    c.closeSync();
    db.closeSync();
  });
});
