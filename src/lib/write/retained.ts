import type { DuckDBConnection } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { columns, type TableName } from '../schema/datasets.ts';
import type { RowCounts } from '../ingest/analyze.ts';

/**
 * Rows retained from the previous run. An incremental ingest (`--incremental`) over a corpus
 * that grew by a thousand files would otherwise load every row of every file into DuckDB again
 * (12 million cells at 100,000 reports: most of the run). Instead, for each file the previous
 * incremental run read exactly as it is now (same path, size, SHA-256, analysis code and
 * settings), its rows are copied from the previous run's DuckDB file, and only the new and
 * changed files' rows are loaded. A file's rows depend on nothing but the file and the code
 * (the analysis cache rests on the same fact), so the tables are the ones a full run makes, in
 * the same order: `test/analysis-cache.test.ts` compares every published byte.
 *
 * What the previous run read is its ledger, a file in the cache folder per output folder: the
 * code version and settings, the generation folder its datasets are in, the DuckDB file's size
 * and modification time (a file changed since, say opened read-write by a user, is not used),
 * how many of its check rows are per file (the cross-year checks come after them and are
 * computed again), and each file with rows, by path and SHA-256. A run removes the ledger when it
 * starts and writes its own when it has published, so a failed run is followed by a full one.
 */

/** The big tables, whose rows are per file. */
export const ROW_TABLES = ['cells', 'checks', 'sections'] as const satisfies readonly TableName[];

export interface Ledger {
  version: string;
  /** The run's settings (size limit, latest year), as the analysis cache keys them. */
  settings: string;
  /** The generation folder (real path) the output folder showed when the run published. */
  gen: string;
  db: { size: number; mtimeMs: number };
  /** Check rows of the files' own, before the run's cross-year checks. */
  fileChecks: number;
  /** Path → SHA-256 of every file whose rows the DuckDB file holds. */
  files: Map<string, string>;
}

/** Where the ledger of the output folder `out` is kept. */
export const ledgerPath = (cacheDir: string, out: string): string =>
  join(cacheDir, 'nianbao-retained', `${createHash('sha256').update(resolve(out)).digest('hex').slice(0, 24)}.ndjson`);

/**
 * The previous run's ledger for `out`, when it was made by this code with these settings and
 * its DuckDB file (`dbFile` in the generation folder) is as that run left it; otherwise null.
 * The ledger is removed either way: the run that reads it writes the next one.
 */
export function takeLedger(
  cacheDir: string,
  out: string,
  version: string,
  settings: string,
  dbFile: string,
): Ledger | null {
  const path = ledgerPath(cacheDir, out);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  rmSync(path, { force: true });
  try {
    const lines = text.split('\n');
    const head = JSON.parse(lines[0]!) as Omit<Ledger, 'files'>;
    if (head.version !== version || head.settings !== settings) return null;
    const gen = realpathSync(out);
    if (gen !== head.gen) return null;
    const st = statSync(join(gen, dbFile));
    if (st.size !== head.db.size || st.mtimeMs !== head.db.mtimeMs) return null;
    const files = new Map<string, string>();
    for (let i = 1; i < lines.length; i++) {
      if (!lines[i]) continue;
      const [p, sha] = JSON.parse(lines[i]!) as [string, string];
      files.set(p, sha);
    }
    return { ...head, files };
  } catch {
    return null;
  }
}

/** Records what this run published at `out` (after it switched), for the next run. */
export function writeLedger(cacheDir: string, out: string, ledger: Omit<Ledger, 'gen' | 'db'>, dbFile: string): void {
  const path = ledgerPath(cacheDir, out);
  try {
    const gen = realpathSync(out);
    const st = statSync(join(gen, dbFile));
    const head = { ...ledger, files: undefined, gen, db: { size: st.size, mtimeMs: st.mtimeMs } };
    mkdirSync(join(cacheDir, 'nianbao-retained'), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      let text = `${JSON.stringify(head)}\n`;
      for (const [p, sha] of ledger.files) {
        text += `${JSON.stringify([p, sha])}\n`;
        if (text.length > 1 << 20) {
          writeSync(fd, text);
          text = '';
        }
      }
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch {
    // No ledger: the next run reads every file's rows from the analysis cache, as before.
  }
}

/**
 * The order of the run's reports with rows and where each one's rows are: `fresh` (loaded in
 * this run) or the previous run's. Filled by the writer's sink, report by report.
 */
export class RowOrder {
  readonly ids: string[] = [];
  readonly fresh: boolean[] = [];
  /** Each report's rows per table. */
  readonly counts: Record<(typeof ROW_TABLES)[number], number[]> = { cells: [], checks: [], sections: [] };
  /** Rows expected per table, over every report. */
  readonly expected: RowCounts = { cells: 0, checks: 0, sections: 0 };
  /** Check rows of this run's fresh files (before the cross-year checks in the fresh table). */
  freshChecks = 0;
  retained = 0;
  add(id: string, retained: boolean, counts: RowCounts): void {
    this.ids.push(id);
    this.fresh.push(!retained);
    for (const t of ROW_TABLES) {
      this.counts[t].push(counts[t]);
      this.expected[t] += counts[t];
    }
    if (retained) this.retained++;
    else this.freshChecks += counts.checks;
  }
}

const list = (t: TableName) =>
  columns(t)
    .map((c) => `"${c.name}"`)
    .join(', ');

/**
 * Rows per insert. Where an insert ends shows in how DuckDB stores the rows (an insert of 100,000
 * rows left vectors of fewer than 2,048), and so in the Parquet files' row groups (of 124,224
 * rows then). The tables are filled in inserts of this many rows whatever the rows' sources, so
 * a run with rows retained and a full run store them alike; a multiple of 2,048 keeps the
 * vectors whole (row groups of ROW_GROUP_SIZE rows). NIANBAO_INSERT_ROWS sets it for tests.
 */
export const INSERT_ROWS = Number(process.env.NIANBAO_INSERT_ROWS ?? 2048 * 60);

/** A run of rows of one source, by rowid, first to last. */
interface Segment {
  from: string;
  first: number;
  last: number;
}

/** Each report's rows in `from` (`where`: a rowid bound) as [first rowid, count]; throws when a report's rows are not contiguous. */
async function spans(conn: DuckDBConnection, from: string, where: string): Promise<Map<string, [number, number]>> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT report_id, min(rowid), max(rowid), count(*) FROM ${from}${where} GROUP BY report_id`,
    )
  ).getRows();
  const out = new Map<string, [number, number]>();
  for (const [id, lo, hi, n] of rows) {
    if (Number(hi) - Number(lo) + 1 !== Number(n))
      throw new Error(`${from}: the rows of report ${String(id)} are not together`);
    out.set(String(id), [Number(lo), Number(n)]);
  }
  return out;
}

/**
 * Fills the big tables from `fresh_<table>` (this run's rows, in file order; the checks' followed
 * by the run's cross-year checks) and, when `prevFileChecks` is not null, `prev.<table>` (the
 * attached previous DuckDB file, whose first `prevFileChecks` check rows are per file), each
 * report's rows from where `order` says, in the order of the reports and, within one, as they
 * were loaded: runs of rows by rowid, in inserts of INSERT_ROWS rows, so the tables are stored
 * alike either way. Throws when a report's rows are not as many as its analysis counted (a
 * previous file not as its ledger says), before anything is published.
 */
export async function assembleRows(
  conn: DuckDBConnection,
  order: RowOrder,
  prevFileChecks: number | null,
): Promise<void> {
  for (const t of ROW_TABLES) {
    const segments: Segment[] = [];
    const push = (from: string, first: number, count: number) => {
      if (!count) return;
      const last = segments.at(-1);
      if (last && last.from === from && last.last + 1 === first) last.last += count;
      else segments.push({ from, first, last: first + count - 1 });
    };
    const freshFrom = `fresh_${t}`;
    const freshAll = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${freshFrom}`)).getRows()[0]![0]);
    // Without the previous run's rows: this run's, as they were loaded.
    if (prevFileChecks === null) push(freshFrom, 0, freshAll);
    else {
      const prevFrom = `prev.${t}`;
      const fresh = await spans(conn, freshFrom, t === 'checks' ? ` WHERE rowid < ${order.freshChecks}` : '');
      const prev = await spans(conn, prevFrom, t === 'checks' ? ` WHERE rowid < ${prevFileChecks}` : '');
      order.ids.forEach((id, i) => {
        const span = (order.fresh[i] ? fresh : prev).get(id) ?? [0, 0];
        if (span[1] !== order.counts[t][i])
          throw new Error(
            `${order.fresh[i] ? 'this run' : "the previous run's DuckDB file"} has ${span[1]} ${t} rows of report ${id}, its analysis ${order.counts[t][i]}; run the ingest again without --incremental`,
          );
        push(order.fresh[i] ? freshFrom : prevFrom, span[0], span[1]);
      });
      // The run's cross-year checks, after every file's own.
      if (t === 'checks') push(freshFrom, order.freshChecks, freshAll - order.freshChecks);
    }
    await insertSegments(conn, t, segments);
  }
  for (const t of ROW_TABLES) await conn.run(`DROP TABLE fresh_${t}`);
}

/** Inserts the segments' rows into `t` in order, INSERT_ROWS rows per statement (UNION ALL keeps its parts' order). */
async function insertSegments(conn: DuckDBConnection, t: TableName, segments: Segment[]): Promise<void> {
  const cols = list(t);
  let parts: string[] = [];
  let rows = 0;
  const flush = async () => {
    if (parts.length) await conn.run(`INSERT INTO ${t} ${parts.join(' UNION ALL ')}`);
    parts = [];
    rows = 0;
  };
  for (const seg of segments) {
    let first = seg.first;
    while (first <= seg.last) {
      const take = Math.min(seg.last - first + 1, INSERT_ROWS - rows);
      parts.push(`SELECT ${cols} FROM ${seg.from} WHERE rowid BETWEEN ${first} AND ${first + take - 1}`);
      first += take;
      rows += take;
      if (rows === INSERT_ROWS) await flush();
    }
  }
  await flush();
}
