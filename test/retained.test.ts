import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { columns } from '../src/lib/schema/datasets.ts';
import { assembleRows, ledgerPath, RowOrder, ROW_TABLES, takeLedger, writeLedger } from '../src/lib/write/retained.ts';

/**
 * Rows retained from the previous run (src/lib/write/retained.ts): the tables made of the
 * previous DuckDB file's rows and this run's, in the reports' order; a previous file that does
 * not hold what the analysis counted stops the run; the ledger is only taken for the same code,
 * settings and DuckDB file, and only once.
 */

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-retained-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const create = (c: DuckDBConnection, t: string, temp = '') =>
  c.run(
    `CREATE ${temp}TABLE ${t} (${columns(t.replace(/^(prev\.|fresh_)/, '') as 'cells')
      .map((x) => `"${x.name}" ${x.type}`)
      .join(', ')})`,
  );

/** A section row of `id` whose text is `text` (sections are the smallest table). */
const section = (id: string, text: string) => `('${id}', 1, NULL, '${text}')`;

async function setUp(): Promise<DuckDBConnection> {
  const c = await (
    await DuckDBInstance.create(':memory:', { threads: '1', preserve_insertion_order: 'true' })
  ).connect();
  await c.run(`ATTACH ':memory:' AS prev`);
  for (const t of ROW_TABLES) {
    await create(c, t);
    await create(c, `prev.${t}`);
    await create(c, `fresh_${t}`, 'TEMP ');
  }
  // The previous run: reports a, b, c (b's file since removed), and a cross-year check after.
  await c.run(
    `INSERT INTO prev.sections VALUES ${[section('a', 'a1'), section('a', 'a2'), section('b', 'b1'), section('c', 'c1')].join(', ')}`,
  );
  await c.run(`INSERT INTO prev.checks VALUES ('a', 'x', 'pass', 1, 1, ''), ('c', 'cross_year.old', 'fail', 1, 2, '')`);
  // This run: d is new (between a and c), and a new cross-year check.
  await c.run(`INSERT INTO fresh_sections VALUES ${[section('d', 'd1'), section('d', 'd2')].join(', ')}`);
  await c.run(
    `INSERT INTO fresh_checks VALUES ('d', 'y', 'pass', 1, 1, ''), ('d', 'cross_year.new', 'pass', 3, 3, '')`,
  );
  return c;
}

const none = { cells: 0, checks: 0, sections: 0 };

describe('assembleRows', () => {
  it("takes each report's rows from where it is, in the reports' order, then the run's cross-year checks", async () => {
    const c = await setUp();
    const order = new RowOrder();
    order.add('a', true, { ...none, sections: 2, checks: 1 });
    order.add('d', false, { ...none, sections: 2, checks: 1 });
    order.add('c', true, { ...none, sections: 1 });
    await assembleRows(c, order, 1);
    const rows = async (q: string) => (await c.runAndReadAll(q)).getRows().map((r) => r.join(' '));
    expect(await rows('SELECT report_id, text FROM sections ORDER BY rowid')).toEqual([
      'a a1',
      'a a2',
      'd d1',
      'd d2',
      'c c1',
    ]);
    // The previous run's cross-year check is not carried over; this run's comes last.
    expect(await rows('SELECT report_id, check_id FROM checks ORDER BY rowid')).toEqual([
      'a x',
      'd y',
      'd cross_year.new',
    ]);
  });

  it('stops when the previous file does not hold the rows the analysis counted', async () => {
    const c = await setUp();
    const order = new RowOrder();
    order.add('a', true, { ...none, sections: 3, checks: 1 });
    await expect(assembleRows(c, order, 1)).rejects.toThrow(/has 2 sections rows of report a, its analysis 3/);
  });

  it('without the previous run, the rows as they were loaded', async () => {
    const c = await setUp();
    await assembleRows(c, new RowOrder(), null);
    expect((await c.runAndReadAll('SELECT count(*) FROM checks')).getRows()[0]![0]).toBe(2n);
  });
});

describe('the ledger', () => {
  const out = join(tmp, 'out');
  const gen = join(tmp, '.out.gen-1');
  mkdirSync(gen);
  writeFileSync(join(gen, 'nianbao.duckdb'), 'db');
  symlinkSync(gen, out);
  const cache = join(tmp, 'cache');
  const files = new Map([['a.txt', 'f'.repeat(64)]]);
  const write = () => writeLedger(cache, out, { version: 'v1', settings: 's', fileChecks: 7, files }, 'nianbao.duckdb');

  it('is taken once, for the same code, settings and DuckDB file', () => {
    write();
    expect(readFileSync(ledgerPath(cache, out), 'utf8')).toContain('a.txt');
    const ledger = takeLedger(cache, out, 'v1', 's', 'nianbao.duckdb');
    expect(ledger?.fileChecks).toBe(7);
    expect(ledger?.files).toEqual(files);
    expect(takeLedger(cache, out, 'v1', 's', 'nianbao.duckdb')).toBeNull();
    write();
    expect(takeLedger(cache, out, 'v2', 's', 'nianbao.duckdb')).toBeNull();
    write();
    expect(takeLedger(cache, out, 'v1', 'other settings', 'nianbao.duckdb')).toBeNull();
  });

  it('is not used when the DuckDB file changed since', () => {
    write();
    utimesSync(join(gen, 'nianbao.duckdb'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(takeLedger(cache, out, 'v1', 's', 'nianbao.duckdb')).toBeNull();
  });
});
