import { DuckDBInstance } from '@duckdb/node-api';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { columns } from '../src/lib/schema/datasets.ts';
import { mulberry32 } from './helpers.ts';
import {
  Assembler,
  INSERT_ROWS,
  MAX_PARTS,
  MERGE_RUNS,
  insertSql,
  ledgerPath,
  newPackPath,
  spans,
  takeLedger,
  unchangedSince,
  unreadFiles,
  writeLedger,
  pruneOrphanLedgers,
  STALE_MS,
} from '../src/lib/write/retained.ts';

/**
 * Rows retained from the previous run (src/lib/write/retained.ts): the inserts the tables are
 * filled with, from runs of rows of this run's and the previous file's; where each report's
 * rows are in the previous file; the ledger, taken only for the same code, settings and DuckDB
 * file, and only once. The whole (the tables, the published files) is test/analysis-cache.test.ts.
 */

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-retained-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('Assembler', () => {
  it('cuts the runs of rows into inserts of INSERT_ROWS rows, in order, runs of one source joined', () => {
    const asm = new Assembler('sections');
    asm.push('fresh_sections_0', 0, 5);
    asm.push('fresh_sections_0', 5, INSERT_ROWS - 10);
    asm.push('prev.sections', 7, 20);
    asm.push('fresh_sections_0', INSERT_ROWS - 5, 3);
    const first = asm.take()!;
    expect(first.pieces).toEqual([
      { from: 'fresh_sections_0', first: 0, count: INSERT_ROWS - 5 },
      { from: 'prev.sections', first: 7, count: 5 },
    ]);
    expect(first.sql).toHaveLength(1);
    expect(first.sql[0]).toMatch(
      /^INSERT INTO sections SELECT .* FROM fresh_sections_0 WHERE rowid BETWEEN 0 AND \d+ UNION ALL SELECT .* FROM prev.sections WHERE rowid BETWEEN 7 AND 11$/,
    );
    // Fewer rows than an insert wait until the table's last one.
    expect(asm.take()).toBeNull();
    expect(asm.take(true)!.pieces).toEqual([
      { from: 'prev.sections', first: 12, count: 15 },
      { from: 'fresh_sections_0', first: INSERT_ROWS - 5, count: 3 },
    ]);
    expect(asm.take(true)).toBeNull();
  });

  it('gathers an insert of more than MAX_PARTS runs in a temporary table first, then inserts it in one statement', () => {
    const asm = new Assembler('sections');
    // Runs of two staged files (runs of the previous file would be read in one scan: insertSql).
    for (let i = 0; i < MAX_PARTS + 1; i++) asm.push(i % 2 ? 'fresh_sections_1' : 'fresh_sections_0', i, 1);
    const sql = asm.take(true)!.sql;
    expect(sql).toHaveLength(5);
    expect(sql[0]).toMatch(/^CREATE TEMP TABLE gather_sections /);
    expect(sql[1]!.split(' UNION ALL ')).toHaveLength(MAX_PARTS);
    expect(sql[2]!.split(' UNION ALL ')).toHaveLength(1);
    expect(sql[3]).toMatch(/^INSERT INTO sections SELECT .* FROM gather_sections$/);
    expect(sql[4]).toBe('DROP TABLE gather_sections');
  });
});

describe('insertSql', () => {
  it("inserts any runs of the previous run's rows and of new rows in their order, reading the previous table once when it can", async () => {
    const c = await (
      await DuckDBInstance.create(':memory:', { threads: '1', preserve_insertion_order: 'true' })
    ).connect();
    const ddl = columns('sections')
      .map((col) => `"${col.name}" ${col.type}`)
      .join(', ');
    await c.run(`ATTACH ':memory:' AS prev`);
    await c.run(`CREATE TABLE prev.sections (${ddl})`);
    await c.run(`CREATE TABLE fresh_sections_0 (${ddl})`);
    await c.run(`INSERT INTO prev.sections (report_id) SELECT 'p' || range FROM range(400)`);
    await c.run(`INSERT INTO fresh_sections_0 (report_id) SELECT 'f' || range FROM range(400)`);
    const random = mulberry32(20261205);
    const int = (n: number) => Math.floor(random() * n);
    let merged = 0;
    for (let trial = 0; trial < 150; trial++) {
      // Runs in the order an update makes them: the previous rows going forward with gaps (files
      // removed or changed), new rows between them; now and then a step back (rows taken twice).
      const pieces: Array<{ from: string; first: number; count: number }> = [];
      let p = int(20);
      let f = 0;
      for (let k = int(MERGE_RUNS + 6); k >= 0 && p < 380 && f < 380; k--) {
        if (random() < 0.6) {
          const count = 1 + int(Math.min(15, 400 - p));
          pieces.push({ from: 'prev.sections', first: p, count });
          p += count + (random() < 0.5 ? int(10) : 0);
          if (random() < 0.05) p = int(p);
        } else {
          const count = 1 + int(Math.min(8, 400 - f));
          pieces.push({ from: 'fresh_sections_0', first: f, count });
          f += count;
        }
      }
      const expected = pieces.flatMap((x) =>
        Array.from({ length: x.count }, (_, i) => `${x.from === 'prev.sections' ? 'p' : 'f'}${x.first + i}`),
      );
      await c.run('CREATE OR REPLACE TABLE sections AS SELECT * FROM fresh_sections_0 LIMIT 0');
      const sql = insertSql('sections', pieces);
      if (sql.some((q) => q.includes('ORDER BY pos'))) merged++;
      for (const q of sql) await c.run(q);
      const got = (await c.runAndReadAll('SELECT report_id FROM sections ORDER BY rowid')).getRows().map((r) => r[0]);
      expect(got).toEqual(expected);
    }
    // Both ways were taken.
    expect(merged).toBeGreaterThan(30);
    expect(merged).toBeLessThan(140);
  });
});

describe('spans', () => {
  it("gives each report's first rowid and rows, and refuses a report whose rows are apart", async () => {
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    await c.run(`CREATE TABLE t (report_id VARCHAR)`);
    await c.run(`INSERT INTO t VALUES ('a'), ('a'), ('b'), ('c'), ('c')`);
    expect(await spans(c, 't')).toEqual(
      new Map([
        ['a', [0, 2]],
        ['b', [2, 1]],
        ['c', [3, 2]],
      ]),
    );
    expect(await spans(c, 't', ' WHERE rowid < 3')).toEqual(
      new Map([
        ['a', [0, 2]],
        ['b', [2, 1]],
      ]),
    );
    await c.run(`INSERT INTO t VALUES ('a')`);
    await expect(spans(c, 't')).rejects.toThrow(/rows of report a are not together/);
  });
});

describe('the ledger', () => {
  const out = join(tmp, 'out');
  const gen = join(tmp, '.out.gen-1');
  mkdirSync(gen);
  writeFileSync(join(gen, 'nianbao.duckdb'), 'db');
  symlinkSync(gen, out);
  const cache = join(tmp, 'cache');
  const files = new Map([
    ['a.txt', 'f'.repeat(64)],
    ['b.txt', 'e'.repeat(64)],
  ]);
  // b.txt changed too recently to be vouched for by its identity (walk.ts); c.txt has no rows.
  const identities = new Map([
    ['a.txt', '1:2:3:4:5'],
    ['c.txt', '1:3:3:4:5'],
  ]);
  const write = () =>
    writeLedger(cache, out, { version: 'v1', settings: 's', fileChecks: 7, files, identities }, 'nianbao.duckdb');

  const take = (version = 'v1', settings = 's') => takeLedger(cache, out, version, settings);

  it('is taken once, for the same code and settings', () => {
    write();
    expect(readFileSync(ledgerPath(cache, out), 'utf8')).toContain('a.txt');
    const ledger = take();
    expect(ledger?.fileChecks).toBe(7);
    expect(ledger?.files).toEqual(files);
    expect(ledger?.identities).toEqual(new Map([['a.txt', '1:2:3:4:5']]));
    // Unread: only a file with rows whose identity now is the one recorded.
    const now = [
      { path: 'a.txt', identity: '1:2:3:4:5' },
      { path: 'b.txt', identity: '1:9:3:4:5' },
      { path: 'c.txt', identity: '1:3:3:4:5' },
      { path: 'd.txt' },
    ];
    expect(unreadFiles(now, ledger!)).toEqual(new Set(['a.txt']));
    expect(unreadFiles([{ path: 'a.txt', identity: '1:2:3:4:6' }], ledger!)).toEqual(new Set());
    expect(take()).toBeNull();
    write();
    expect(take('v2')).toBeNull();
    write();
    expect(take('v1', 'other settings')).toBeNull();
  });

  it('says the DuckDB file changed since, even with its size and time kept, or with a write-ahead log', () => {
    const db = join(gen, 'nianbao.duckdb');
    write();
    expect(unchangedSince(take()!, db)).toBe(true);
    write();
    utimesSync(db, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(unchangedSince(take()!, db)).toBe(false);
    write();
    const { mtime } = statSync(db);
    writeFileSync(db, 'DB');
    utimesSync(db, mtime, mtime);
    expect(unchangedSince(take()!, db)).toBe(false);
    // An edit a killed session left in the log, which attaching the file would replay.
    write();
    writeFileSync(`${db}.wal`, 'edit');
    expect(unchangedSince(take()!, db)).toBe(false);
    rmSync(`${db}.wal`);
    write();
    expect(unchangedSince(take()!, db)).toBe(true);
  });

  it('names the light packs its entries are in, and removes every other pack of the output folder', () => {
    const dir = dirname(ledgerPath(cache, out));
    const packs = () =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.pack'))
        .sort();
    const made = (text: string) => {
      const file = newPackPath(cache, out);
      writeFileSync(file, text);
      return file;
    };
    const p1 = made('p1');
    const p2 = made('p2');
    const stray = made('p3');
    const onlyUnlisted = made('p4');
    // Another process's packs: one running (pid 1), one gone.
    const stem = basename(ledgerPath(cache, out), '.ndjson');
    const running = join(dir, `${stem}.1-aaaa.pack`);
    const gone = join(dir, `${stem}.999999999-bbbb.pack`);
    writeFileSync(running, 'r');
    writeFileSync(gone, 'g');
    // A pack elsewhere is never named in the ledger (its entry is left out); nor one that holds
    // only the entry of a file the ledger has no line for (a copy of another file).
    const entries = new Map([
      ['a.txt', { file: p2, at: 0, length: 2, crc: 12345 }],
      ['b.txt', { file: p1, at: 1, length: 1, crc: 7 }],
      ['c.txt', { file: join(tmp, 'elsewhere.pack'), at: 0, length: 1, crc: 1 }],
      ['copy.txt', { file: onlyUnlisted, at: 0, length: 1, crc: 1 }],
    ]);
    writeLedger(
      cache,
      out,
      { version: 'v1', settings: 's', fileChecks: 7, files, identities, pack: { entries } },
      'nianbao.duckdb',
    );
    expect(existsSync(stray)).toBe(false);
    expect(packs()).toEqual([p1, p2, running].map((f) => basename(f)).sort());
    const ledger = take()!;
    expect(ledger.pack!.entries).toEqual(new Map([...entries].filter(([p]) => p === 'a.txt' || p === 'b.txt')));
    expect(ledger.identities).toEqual(new Map([['a.txt', '1:2:3:4:5']]));
    expect(ledger.files).toEqual(files);
    // No ledger written (a write-ahead log beside the DuckDB file): this run's packs go, not
    // another's (the ledger there may be another run's, written since).
    const others = join(dir, `${stem}.999999999-cccc.pack`);
    writeFileSync(others, 'o');
    writeFileSync(join(gen, 'nianbao.duckdb.wal'), 'edit');
    writeLedger(
      cache,
      out,
      { version: 'v1', settings: 's', fileChecks: 7, files, identities, pack: { entries } },
      'nianbao.duckdb',
    );
    rmSync(join(gen, 'nianbao.duckdb.wal'));
    expect(packs()).toEqual([running, others].map((f) => basename(f)).sort());
    rmSync(running);
    expect(take()).toBeNull();
    write();
    expect(take()!.pack).toBeUndefined();
  });

  it("removes the ledgers and packs of output folders gone or showing another generation, not a live folder's", () => {
    // Another output folder, written to once, then removed by its user; a third one still there.
    const ledgerOf = (name: string) => {
      const o = join(tmp, name);
      const g = join(tmp, `.${name}.gen-1`);
      mkdirSync(g);
      writeFileSync(join(g, 'nianbao.duckdb'), 'db');
      symlinkSync(g, o);
      const pack = newPackPath(cache, o);
      writeFileSync(pack, 'p');
      const entries = new Map([['a.txt', { file: pack, at: 0, length: 1, crc: 1 }]]);
      writeLedger(
        cache,
        o,
        { version: 'v1', settings: 's', fileChecks: 0, files, identities, pack: { entries } },
        'nianbao.duckdb',
      );
      return { o, g, pack };
    };
    const gone = ledgerOf('gone');
    const kept = ledgerOf('kept');
    // Removed with `rm -rf`, which leaves the generation folder; and one that shows another now.
    const unlinked = ledgerOf('unlinked');
    const replaced = ledgerOf('replaced');
    rmSync(unlinked.o);
    rmSync(replaced.o);
    mkdirSync(join(tmp, '.replaced.gen-2'));
    symlinkSync(join(tmp, '.replaced.gen-2'), replaced.o);
    // A ledger being renamed into place, its first line not whole yet: left.
    const partial = join(dirname(ledgerPath(cache, out)), `${'0'.repeat(24)}.ndjson`);
    writeFileSync(partial, '{"gen":"/nowhere');
    rmSync(gone.o);
    rmSync(gone.g, { recursive: true });
    expect(existsSync(ledgerPath(cache, gone.o))).toBe(true);
    write();
    for (const o of [gone, unlinked, replaced]) {
      expect(existsSync(ledgerPath(cache, o.o))).toBe(false);
      expect(existsSync(o.pack)).toBe(false);
    }
    expect(existsSync(ledgerPath(cache, kept.o))).toBe(true);
    expect(existsSync(kept.pack)).toBe(true);
    expect(existsSync(partial)).toBe(true);
    expect(takeLedger(cache, kept.o, 'v1', 's')?.pack?.entries.get('a.txt')?.file).toBe(kept.pack);
    expect(pruneOrphanLedgers(dirname(ledgerPath(cache, out)), basename(ledgerPath(cache, out)))).toBe(0);
  });

  it('removes the packs of a run killed after it took its ledger, and those untouched for a day whatever runs under their number', () => {
    const dir = dirname(ledgerPath(cache, out));
    const stem = 'f'.repeat(24);
    const pack = (name: string) => {
      const f = join(dir, `${stem}.${name}`);
      writeFileSync(f, 'p');
      return f;
    };
    // No ledger of `stem`: its run took it, then was killed.
    const killed = pack('999999999-aaaa.pack');
    const halfLedger = pack('ndjson.999999999.tmp');
    // Process 1 runs: its pack may be being written, unless untouched for a day (a number reused).
    const running = pack('1-bbbb.pack');
    const reused = pack('1-cccc.pack');
    const old = (Date.now() - STALE_MS - 60_000) / 1000;
    utimesSync(reused, old, old);
    // Those of this run's own ledger are not for this function to remove.
    const ownPack = join(dir, `${basename(ledgerPath(cache, out), '.ndjson')}.999999999-dddd.pack`);
    writeFileSync(ownPack, 'o');
    pruneOrphanLedgers(dir, basename(ledgerPath(cache, out)));
    expect([killed, halfLedger, running, reused, ownPack].map((f) => existsSync(f))).toEqual([
      false,
      false,
      true,
      false,
      true,
    ]);
    rmSync(running);
    rmSync(ownPack);
  });
});
