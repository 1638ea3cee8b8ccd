import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { closeSync, existsSync, openSync, writevSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { exportCsv, exportParquet, ORDER } from './export.ts';
import { DB_FILE } from './layout.ts';
import { PART_BYTES } from './parts.ts';
import { phase } from './phase.ts';
import { Assembler, ROW_TABLES, spans, type RowTable, type Spans } from './retained.ts';
import { sqlString } from './quote.ts';
import { join } from 'node:path';
import { columns, type TableName } from '../schema/datasets.ts';
import type { RowSink, RunResult } from '../ingest/run.ts';

/**
 * Writes the five tables. During the run, rows are staged as newline-delimited JSON (V8's
 * JSON.stringify escapes every string correctly and is far faster than value-by-value appends)
 * in files of about 8 MB, which DuckDB loads into one database file with explicit column types
 * as they fill up; at the end each table is copied to Parquet and CSV, one file or numbered
 * parts under the part limit (export.ts, parts.ts).
 */

const TABLES: TableName[] = ['reports', 'cells', 'checks', 'sections', 'summary'];

/**
 * Per-table content hash: rows, and the SHA-256 of the table's published CSV as one file (when
 * it is in parts: the parts concatenated, each header after the first dropped; export.ts). The
 * DuckDB file's bytes differ from run to run; its tables do not, and the CSV is a deterministic
 * rendering of each (ordered, one writer thread), so two DuckDB files hold the same tables when
 * their manifests' `tables` agree.
 */
export type TableHashes = Record<TableName, { rows: number; sha256: string }>;

/** What `finish` wrote besides the DuckDB file. */
export interface Written {
  tables: TableHashes;
  /** Each table's files, in order, relative to the output folder. */
  files: Record<TableName, { parquet: string[]; csv: string[] }>;
  /** SHA-256 of the CSV files, computed while they were written. */
  known: Record<string, string>;
  /** Check rows of the files' own, before the run's cross-year checks (for the ledger, retained.ts). */
  fileChecks: number;
  /** Reports whose rows were copied from the previous run's DuckDB file (retained.ts). */
  retained: number;
}

export interface DatasetWriter {
  sink: RowSink;
  /** Whether the previous run's DuckDB file is open for its rows (retained.ts): `prev` was given and could be read. */
  retaining: boolean;
  finish(result: RunResult): Promise<Written>;
}

/**
 * A staging file is handed to DuckDB once it holds this many bytes (see `openWriter`). What is
 * left after the last file is analysed (up to one file per table) loads while nothing else runs,
 * on one thread: 8 MB rather than 32 MB took that wait at 10,000 reports from 1.8 s to 0.9 s.
 */
const CHUNK_BYTES = Number(process.env.NIANBAO_STAGING_CHUNK ?? 8 << 20);

/** Characters of NDJSON text turned into bytes at a time (far below V8's ~537 M string limit). */
const WRITE_PIECE_CHARS = 1 << 24;

/**
 * One table's staging: NDJSON files of about CHUNK_BYTES, numbered in order. A full file is
 * passed to `ready`, which loads it while the run goes on.
 */
class Staging {
  private fd: number;
  private closed = false;
  private buf: Uint8Array[] = [];
  private size = 0;
  private written = 0;
  private n = 0;
  private path: string;
  /** Rows in the open file, as its writer counts them (the big tables'; retained.ts). */
  rows = 0;
  constructor(
    private readonly base: string,
    private readonly ready: (path: string, n: number, rows: number) => void,
  ) {
    this.path = `${base}.${this.n}.ndjson`;
    this.fd = openSync(this.path, 'w');
  }
  /**
   * UTF-8 NDJSON, every row ending in `\n`: one file's rows (from worker threads, or `write`).
   * A staging file ends after the piece that brings it to CHUNK_BYTES: where the files end
   * depends on the rows alone (the loads they make shape the Parquet bytes), not on the mode.
   */
  writeBytes(bytes: Uint8Array): void {
    if (this.closed) throw new Error(`${this.base}: rows after the table was closed`);
    if (!bytes.length) return;
    this.buf.push(bytes);
    this.size += bytes.length;
    this.written += bytes.length;
    if (this.written >= CHUNK_BYTES) this.cut();
    else if (this.size > 1 << 22 || this.buf.length >= 512) this.flush();
  }
  /** The number of the open file. */
  get chunk(): number {
    return this.n;
  }
  /** Hands over the open file now, when it holds anything, and opens the next. */
  cut(): void {
    if (this.closed || !this.written) return;
    this.flush();
    closeSync(this.fd);
    this.ready(this.path, this.n, this.rows);
    this.n++;
    this.written = 0;
    this.rows = 0;
    this.path = `${this.base}.${this.n}.ndjson`;
    this.fd = openSync(this.path, 'w');
  }
  write(rows: ReadonlyArray<object>): void {
    // In pieces: the run's report and summary rows come in one call, and at 1,000,000 reports
    // their text is past V8's string limit (the 1,000,000-report ingest failed: Invalid string length).
    let text = '';
    for (const r of rows) {
      text += `${JSON.stringify(r)}\n`;
      if (text.length > WRITE_PIECE_CHARS) {
        this.writeBytes(Buffer.from(text, 'utf8'));
        text = '';
      }
    }
    if (text) this.writeBytes(Buffer.from(text, 'utf8'));
  }
  private flush(): void {
    // writev may write less than asked (a signal, a full disk's last bytes): go on from there.
    const chunks = this.buf;
    while (chunks.length) {
      let n = writevSync(this.fd, chunks);
      while (chunks.length && n >= chunks[0]!.length) n -= chunks.shift()!.length;
      if (n > 0) chunks[0] = chunks[0]!.subarray(n);
    }
    this.buf = [];
    this.size = 0;
  }
  /** Writes what is left and hands over the last file (once). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.flush();
    closeSync(this.fd);
    this.ready(this.path, this.n, this.rows);
  }
}

/**
 * Opens the database at once, so that the staging files of the big tables are loaded while the
 * files are still being analysed (on one DuckDB thread: the main thread is mostly idle then,
 * and the load is a tenth of the run). Loads run one after another, in file order, so each
 * table's rows are in the order they were written.
 */
export interface PreviousRun {
  /** Its DuckDB file. */
  db: string;
  /** Its check rows of the files' own (retained.ts `Ledger`). */
  fileChecks: number;
  /**
   * Whether the file is as that run left it (retained.ts `unchangedSince`): asked once it is
   * attached, when no other process can write it any more.
   */
  unchanged: () => boolean;
}

/**
 * `prev`: the previous run's DuckDB file, whose rows the run may take for files it read as they
 * are now (retained.ts). It is attached read-only at once; when it cannot be, the writer goes
 * without (`retaining` false) and the run must send every file's rows.
 */
export async function openWriter(
  outDir: string,
  partBytes = PART_BYTES,
  prev: PreviousRun | null = null,
): Promise<DatasetWriter> {
  const stagingDir = join(outDir, '.staging');
  await rm(stagingDir, { recursive: true, force: true });
  await mkdir(stagingDir, { recursive: true });
  const dbPath = join(outDir, DB_FILE);
  await rm(dbPath, { force: true });
  await rm(`${dbPath}.wal`, { force: true });
  // A memory cap keeps a 100,000-report run well under 2 GB; DuckDB spills to disk beyond it.
  const instance = await DuckDBInstance.create(dbPath, {
    // One thread per query, for the loads too: how a table's rows were inserted (by how many
    // threads) shows in its storage and so in the Parquet bytes, which must not depend on the
    // run's timing. Two connections run two queries at a time (`lanes` below).
    threads: '1',
    preserve_insertion_order: 'true',
    memory_limit: process.env.NIANBAO_DUCKDB_MEMORY ?? '512MB',
    temp_directory: join(stagingDir, 'tmp'),
  });
  const conn = await instance.connect();
  const other = await instance.connect();
  const close = () => {
    conn.closeSync();
    other.closeSync();
    instance.closeSync();
  };
  try {
    for (const name of TABLES) await createTable(conn, name);
  } catch (e) {
    close();
    throw e;
  }
  // The previous run's file, and where each report's rows are in it (retained.ts).
  let prevSpans: Record<RowTable, Spans> | null = null;
  if (prev) {
    try {
      await conn.run(`ATTACH ${sqlString(prev.db)} AS prev (READ_ONLY)`);
      if (!prev.unchanged()) throw new Error('changed since the previous run');
      prevSpans = {
        cells: await spans(conn, 'prev.cells'),
        checks: await spans(conn, 'prev.checks', ` WHERE rowid < ${prev.fileChecks}`),
        sections: await spans(conn, 'prev.sections'),
      };
    } catch {
      // Locked by another process, changed since, not a DuckDB file, or not one this code wrote:
      // every file's rows are loaded.
      prevSpans = null;
      await conn.run('DETACH DATABASE IF EXISTS prev').catch(() => {});
    }
  }
  const retaining = prevSpans !== null;
  // Two chains of loads and inserts, each one step after another on a connection of its own: the
  // cells' (most of the rows) on one, the other tables' on the other, so that at 100,000 reports
  // the checks and sections (some 6 s of inserts) go while the cells do. A table's steps are all
  // in one chain, in order, and so is each of its temporary tables (a connection's own). The first
  // failure is kept and rethrown by finish().
  const lanes = [conn, other] as const;
  const laneOf = (t: TableName): 0 | 1 => (t === 'cells' ? 0 : 1);
  const loads: [Promise<void>, Promise<void>] = [Promise.resolve(), Promise.resolve()];
  let loadError: Error | null = null;
  const enqueue = (t: TableName, step: (c: DuckDBConnection) => Promise<void>) => {
    const lane = laneOf(t);
    loads[lane] = loads[lane].then(async () => {
      if (loadError) return;
      try {
        await step(lanes[lane]);
      } catch (e) {
        loadError = e instanceof Error ? e : new Error(String(e));
      }
    });
  };
  // The big tables' staging files load into temporary tables of their own (`fresh_cells_3`, in
  // memory, not in the file), from which the tables are filled in inserts of INSERT_ROWS rows,
  // in published order, with the previous run's rows where it has them (retained.ts
  // `Assembler`); a temporary table is dropped once its rows are in.
  const chunkRows = new Map<string, number>();
  const consumed = new Map<string, number>();
  const stagingOf = (t: TableName) =>
    new Staging(join(stagingDir, t), (path, n, rows) => {
      const row = ROW_TABLES.find((r) => r === t);
      const into = row ? `fresh_${row}_${n}` : t;
      if (row) chunkRows.set(into, rows);
      enqueue(t, async (c) => {
        if (row) await createTable(c, row, into);
        await loadFile(c, t, path, into);
        await rm(path, { force: true });
      });
    });
  const staging = Object.fromEntries(TABLES.map((t) => [t, stagingOf(t)])) as Record<TableName, Staging>;
  const asm = Object.fromEntries(ROW_TABLES.map((t) => [t, new Assembler(t)])) as Record<RowTable, Assembler>;
  /** Queues the inserts that are whole (`rest`: all that is left). */
  const drain = (t: RowTable, rest: boolean) => {
    for (let w = asm[t].take(rest); w; w = asm[t].take(rest)) {
      // Rows still in the open staging file: hand it over first (its load comes before the insert).
      if (w.pieces.some((p) => p.from === `fresh_${t}_${staging[t].chunk}`)) staging[t].cut();
      const done: string[] = [];
      for (const p of w.pieces) {
        if (!chunkRows.has(p.from)) continue;
        consumed.set(p.from, (consumed.get(p.from) ?? 0) + p.count);
        if (consumed.get(p.from) === chunkRows.get(p.from)) done.push(p.from);
      }
      const sql = w.sql;
      enqueue(t, async (c) => {
        for (const q of sql) await c.run(q);
        for (const d of done) await c.run(`DROP TABLE ${d}`);
        for (const d of done) chunkRows.delete(d);
      });
    }
  };
  const expected: Record<RowTable, number> = { cells: 0, checks: 0, sections: 0 };
  let fileChecks = 0;
  let retained = 0;
  let filesIn = false;
  const sink: RowSink = {
    report: (id, fromPrev, counts) => {
      // The previous report's rows are all staged by now: its whole inserts can go.
      for (const t of ROW_TABLES) drain(t, false);
      if (fromPrev && !prevSpans) throw new Error('rows from the previous run, but none is open');
      if (fromPrev) retained++;
      fileChecks += counts.checks;
      for (const t of ROW_TABLES) {
        expected[t] += counts[t];
        if (prevSpans && fromPrev) {
          const [first, n] = prevSpans[t].get(id) ?? [0, 0];
          if (n !== counts[t])
            loadError ??= new Error(
              `the previous run's ${DB_FILE} has ${n} ${t} rows of report ${id}, its analysis ${counts[t]}; run the ingest again without --incremental`,
            );
          asm[t].push(`prev.${t}`, first, n);
        } else {
          asm[t].push(`fresh_${t}_${staging[t].chunk}`, staging[t].rows, counts[t]);
          staging[t].rows += counts[t];
        }
      }
    },
    cells: (rows) => staging.cells.write(rows),
    checks: (rows) => {
      // After every file: the run's cross-year checks, which no report announced.
      if (filesIn) {
        asm.checks.push(`fresh_checks_${staging.checks.chunk}`, staging.checks.rows, rows.length);
        staging.checks.rows += rows.length;
        expected.checks += rows.length;
      }
      staging.checks.write(rows);
    },
    sections: (rows) => staging.sections.write(rows),
    ndjson: (table, bytes) => staging[table].writeBytes(bytes),
    // The cells' and sections' last inserts go while the main thread computes the run's end.
    filesDone: () => {
      filesIn = true;
      for (const t of ROW_TABLES) drain(t, false);
      for (const t of ['cells', 'sections'] as const) {
        staging[t].close();
        drain(t, true);
      }
    },
  };
  return {
    sink,
    retaining,
    async finish(result: RunResult) {
      const written: Written = {
        tables: {} as TableHashes,
        files: {} as Written['files'],
        known: {},
        fileChecks: 0,
        retained: 0,
      };
      try {
        staging.reports.write(result.reports);
        staging.summary.write(result.summary);
        for (const s of Object.values(staging)) s.close();
        for (const t of ROW_TABLES) drain(t, true);
        for (const name of TABLES) written.files[name] = { parquet: [], csv: [] };
        /**
         * Waits for a chain of loads to end, then checks its tables: every row staged is in its
         * table, and each table has the rows its reports counted.
         */
        const whole = async (chain: 0 | 1): Promise<void> => {
          await loads[chain];
          if (loadError) throw loadError;
          const c = lanes[chain];
          for (const t of ROW_TABLES.filter((r) => laneOf(r) === chain)) {
            const n = Number((await c.runAndReadAll(`SELECT count(*) FROM ${t}`)).getRows()[0]![0]);
            if (n !== expected[t]) throw new Error(`${t}: ${n} rows written, ${expected[t]} counted`);
          }
          for (const left of chunkRows.keys()) {
            if (laneOf(ROW_TABLES.find((r) => left.startsWith(`fresh_${r}_`))!) !== chain) continue;
            const n = Number((await c.runAndReadAll(`SELECT count(*) FROM ${left}`)).getRows()[0]![0]);
            if (n) throw new Error(`${left}: ${n} rows staged that no report counted`);
          }
        };
        // Exports run one query per thread (deterministic row groups), two queries at a time on
        // the two connections: the tables' Parquet and CSV copies are independent. The other
        // tables' exports start as soon as their chain of loads has ended, while the cells are
        // still being inserted (one thread: the other core is free then); the cells' CSV (a COPY
        // and the gzip of some 850 MB at 100,000 reports), the longest export, has a connection
        // to itself (`EXPORT_LANES`).
        // The first failure stops both lanes, and both settle before the connections close.
        let failed = false;
        const scratch = join(stagingDir, 'export');
        await mkdir(scratch, { recursive: true });
        const run = async (c: DuckDBConnection, job: ExportJob): Promise<void> => {
          const [kind, name] = job;
          if (kind === 'parquet') {
            written.files[name].parquet = await exportParquet(c, outDir, scratch, name, partBytes);
            return;
          }
          const csv = await exportCsv(c, outDir, scratch, name, partBytes);
          written.files[name].csv = csv.files;
          Object.assign(written.known, csv.sha256);
          written.tables[name] = { rows: csv.rows, sha256: csv.table };
          phase(`exported-${name}`);
        };
        const lane = async (c: DuckDBConnection, jobs: readonly ExportJob[]): Promise<void> => {
          for (const job of jobs) {
            if (failed) return;
            await run(c, job);
          }
        };
        const stopping = <T>(p: Promise<T>): Promise<T> =>
          p.catch((e: unknown) => {
            failed = true;
            throw e;
          });
        // The cells' chain.
        const cells = stopping(
          whole(0).then(() => {
            written.fileChecks = fileChecks;
            written.retained = retained;
            phase('loaded');
          }),
        );
        cells.catch(() => {});
        const settled = await Promise.allSettled([
          cells.then(() => stopping(lane(conn, EXPORT_LANES[0]))),
          stopping(whole(1).then(() => lane(other, EXPORT_LANES[1].early))).then(() =>
            cells.then(() => stopping(lane(other, EXPORT_LANES[1].late))),
          ),
        ]);
        for (const r of settled) if (r.status === 'rejected') throw r.reason;
        // Both chains have ended: the previous run's file is no longer read.
        if (retaining) await conn.run('DETACH prev');
        // The DuckDB file's tables in their published order too, as their CSV and Parquet files
        // (a fresh tester's t91: summary's rows were in load order there). Rows moved within the
        // table keep its schema; each report's rows stay together (retained.ts spans).
        for (const [name, order] of Object.entries(ORDER)) {
          await conn.run(`CREATE OR REPLACE TEMP TABLE ordered AS SELECT * FROM ${name} ORDER BY ${order}`);
          await conn.run(`DELETE FROM ${name}`);
          await conn.run(`INSERT INTO ${name} SELECT * FROM ordered`);
          await conn.run('DROP TABLE ordered');
        }
        // The tables' hashes in table order (the manifest's `tables`), whichever lane finished first.
        written.tables = Object.fromEntries(TABLES.map((name) => [name, written.tables[name]])) as TableHashes;
        phase('exported');
        await conn.run('CHECKPOINT');
        phase('checkpoint');
      } finally {
        close();
        await rm(stagingDir, { recursive: true, force: true });
      }
      return written;
    },
  };
}

type ExportJob = readonly ['parquet' | 'csv', TableName];

/**
 * The exports of the two connections, in order: the cells' CSV alone on one, once the cells are
 * whole; on the other, the other tables' Parquet and CSV files as soon as their loads have ended
 * (`early`: while the cells are still being inserted), then the cells' Parquet files (`late`).
 * At 100,000 reports the cells' CSV is some 16 s, the rest some 12 s and 6 s.
 */
export const EXPORT_LANES: readonly [
  readonly ExportJob[],
  { readonly early: readonly ExportJob[]; readonly late: readonly ExportJob[] },
] = [
  [['csv', 'cells']],
  {
    early: [
      ...TABLES.filter((name) => name !== 'cells').map((name) => ['parquet', name] as const),
      ...TABLES.filter((name) => name !== 'cells').map((name) => ['csv', name] as const),
    ],
    late: [['parquet', 'cells']],
  },
];

/** The table `name`, or a temporary table `as` of its columns. */
async function createTable(conn: DuckDBConnection, name: TableName, as?: string): Promise<void> {
  const cols = columns(name);
  await conn.run(
    `CREATE ${as ? 'TEMP ' : ''}TABLE ${as ?? name} (${cols.map((c) => `"${c.name}" ${c.type}`).join(', ')})`,
  );
}

async function loadFile(conn: DuckDBConnection, name: TableName, path: string, into: string): Promise<void> {
  const cols = columns(name);
  const spec = cols.map((c) => `"${c.name}": '${c.type}'`).join(', ');
  const list = cols.map((c) => `"${c.name}"`).join(', ');
  await conn.run(
    `INSERT INTO ${into} SELECT ${list} FROM read_json('${path}', format = 'newline_delimited', columns = {${spec}}, maximum_object_size = 16777216)`,
  );
}

/**
 * The agency and year of every report of the run published in `dir` (its DuckDB file, opened
 * read-only and closed again before this run's writer opens anything), by report_id: whether an
 * edited file's old report is its new one's earlier version (ingest/history.ts). Empty when there
 * is no such file; an error when it cannot be read.
 */
export async function previousFacts(dir: string): Promise<Map<string, { agency: string | null; year: number | null }>> {
  const facts = new Map<string, { agency: string | null; year: number | null }>();
  const path = join(dir, DB_FILE);
  if (!existsSync(path)) return facts;
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  try {
    const conn = await instance.connect();
    try {
      const rows = (await conn.runAndReadAll('SELECT report_id, agency, year FROM reports')).getRows();
      for (const [id, agency, year] of rows)
        facts.set(String(id), {
          agency: agency === null ? null : String(agency),
          year: year === null ? null : Number(year),
        });
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
  }
  return facts;
}
