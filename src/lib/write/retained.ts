import type { DuckDBConnection } from '@duckdb/node-api';
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { columns, type TableName } from '../schema/datasets.ts';
import type { PackIndex, PackRef } from '../ingest/light-pack.ts';

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
 * code version and settings, the generation folder its datasets are in, the DuckDB file's size,
 * modification time and SHA-256 (a file changed since, say opened read-write by a user, is not
 * used; nor is one with a write-ahead log beside it),
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
  db: { size: number; mtimeMs: number; sha256: string };
  /** Check rows of the files' own, before the run's cross-year checks. */
  fileChecks: number;
  /** Path → SHA-256 of every file whose rows the DuckDB file holds. */
  files: Map<string, string>;
  /**
   * Path → identity (ingest/walk.ts `fileIdentity`) of those files the run found settled: a file
   * with that identity now is the one read, and its SHA-256 the one above, without reading it.
   */
  identities: Map<string, string>;
  /**
   * Where each file's analysis without rows is in the run's light packs (ingest/light-pack.ts,
   * files beside the ledger); absent in a ledger written without them.
   */
  pack?: { entries: PackIndex };
}

/** Where the ledger of the output folder `out` is kept. */
export const ledgerPath = (cacheDir: string, out: string): string =>
  join(cacheDir, 'nianbao-retained', `${createHash('sha256').update(resolve(out)).digest('hex').slice(0, 24)}.ndjson`);

/**
 * A new light pack's path for the output folder `out` (beside its ledger, the folder made): named
 * after this process, so that a run does not remove the pack another running one is writing.
 */
export function newPackPath(cacheDir: string, out: string): string {
  const ledger = ledgerPath(cacheDir, out);
  mkdirSync(dirname(ledger), { recursive: true });
  return `${ledger.slice(0, -'.ndjson'.length)}.${process.pid}-${randomBytes(6).toString('hex')}.pack`;
}

/**
 * The previous run's ledger for `out`, when it was made by this code with these settings and
 * the output folder still shows that run's generation; otherwise null. The ledger is removed
 * either way: the run that reads it writes the next one. Whether its DuckDB file is as that run
 * left it is `unchangedSince`, asked once the file is attached (and so locked against writers).
 */
export function takeLedger(cacheDir: string, out: string, version: string, settings: string): Ledger | null {
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
    const head = JSON.parse(lines[0]!) as Omit<Ledger, 'files' | 'identities' | 'pack'> & {
      packs?: unknown;
      out?: unknown;
    };
    // The packs' names only: they are always beside the ledger.
    const packs = Array.isArray(head.packs)
      ? head.packs.map((n) => (typeof n === 'string' && n === basename(n) ? join(dirname(path), n) : null))
      : [];
    if (head.version !== version || head.settings !== settings) return null;
    if (realpathSync(out) !== head.gen) return null;
    const files = new Map<string, string>();
    const identities = new Map<string, string>();
    const entries: PackIndex = new Map();
    for (let i = 1; i < lines.length; i++) {
      if (!lines[i]) continue;
      const [p, sha, identity, k, at, length, crc] = JSON.parse(lines[i]!) as [
        string,
        string,
        (string | null)?,
        number?,
        number?,
        number?,
        number?,
      ];
      files.set(p, sha);
      if (identity) identities.set(p, identity);
      const file = Number.isInteger(k) ? packs[k!] : null;
      if (file && [at, length, crc].every(Number.isSafeInteger))
        entries.set(p, { file, at: at!, length: length!, crc: crc! });
    }
    const { packs: _names, out: _out, ...rest } = head;
    const packed = entries.size ? { entries } : undefined;
    return { ...rest, files, identities, ...(packed ? { pack: packed } : {}) };
  } catch {
    return null;
  }
}

/**
 * The paths whose file is, by its identity now (ingest/walk.ts), the one the previous run read
 * there: the ledger's SHA-256 is that file's, and it need not be read (ingest/worker.ts).
 */
export function unreadFiles(
  entries: ReadonlyArray<{ path: string; identity?: string }>,
  ledger: Pick<Ledger, 'identities'>,
): Set<string> {
  const out = new Set<string>();
  for (const e of entries) if (e.identity && ledger.identities.get(e.path) === e.identity) out.add(e.path);
  return out;
}

/**
 * Whether the DuckDB file `db` is as the run of `ledger` left it: no write-ahead log beside it
 * (a session that edited it and was killed leaves its edit there, which attaching the file
 * replays: a fresh tester's 424242 was published so), and the same size, time and bytes.
 */
export function unchangedSince(ledger: Ledger, db: string): boolean {
  try {
    if (existsSync(`${db}.wal`)) return false;
    const st = statSync(db);
    return st.size === ledger.db.size && st.mtimeMs === ledger.db.mtimeMs && fileSha256(db) === ledger.db.sha256;
  } catch {
    return false;
  }
}

/** SHA-256 of a file (hex), read 4 MiB at a time: about a second for the DuckDB file at 100,000 reports. */
export function fileSha256(path: string): string {
  const h = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 22);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

/**
 * Records what this run published at `out` (after it switched), for the next run. `pack`: where
 * the run's index puts each file's light pack entry (ingest/light-pack.ts); every other pack of
 * `out`'s ledger is removed (but one a running process is writing), all of them when no ledger
 * is written.
 */
export function writeLedger(
  cacheDir: string,
  out: string,
  ledger: Omit<Ledger, 'gen' | 'db' | 'pack'> & { pack?: { entries: PackIndex } | null },
  dbFile: string,
): void {
  const path = ledgerPath(cacheDir, out);
  const stem = basename(path, '.ndjson');
  let packs: string[] = [];
  try {
    const gen = realpathSync(out);
    const db = join(gen, dbFile);
    if (existsSync(`${db}.wal`)) throw new Error(`${db}.wal: the DuckDB file was edited`);
    const st = statSync(db);
    mkdirSync(join(cacheDir, 'nianbao-retained'), { recursive: true });
    const entries: PackIndex = ledger.pack?.entries ?? new Map<string, PackRef>();
    // Only packs beside the ledger that one of its lines is in are named in it (a name, not a path).
    const number = new Map<string, number>();
    for (const p of ledger.files.keys()) {
      const ref = entries.get(p);
      if (ref && !number.has(ref.file) && dirname(ref.file) === dirname(path)) number.set(ref.file, number.size);
    }
    packs = [...number.keys()];
    const head = {
      ...ledger,
      files: undefined,
      identities: undefined,
      pack: undefined,
      packs: packs.map((f) => basename(f)),
      // The output folder, for a later run into another one to tell whether this ledger is
      // still of use (pruneOrphanLedgers).
      out: resolve(out),
      gen,
      db: { size: st.size, mtimeMs: st.mtimeMs, sha256: fileSha256(db) },
    };
    const tmp = `${path}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      let text = `${JSON.stringify(head)}\n`;
      for (const [p, sha] of ledger.files) {
        const identity = ledger.identities.get(p);
        const ref = entries.get(p);
        const k = ref && number.get(ref.file);
        text += `${JSON.stringify(
          ref && k !== undefined
            ? [p, sha, identity ?? null, k, ref.at, ref.length, ref.crc]
            : identity
              ? [p, sha, identity]
              : [p, sha],
        )}\n`;
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
    // The packs no line is in: those of earlier runs, and this one's left out.
    removePacks(dirname(path), stem, new Set(packs.map((f) => basename(f))), false);
    pruneOrphanLedgers(dirname(path), basename(path));
  } catch {
    // No ledger: the next run reads every file's rows from the analysis cache, as before. This
    // run's own packs go; not the others: the ledger there may be another run's, written since
    // (two runs into one folder, the other's published after this one's: a fresh tester).
    removePacks(dirname(path), stem, new Set(), true);
  }
}

/**
 * Removes the light packs of the ledger `stem` but those in `keep` and those of other running
 * processes (only this process's with `ownOnly`), and ledgers left half-written by a process no
 * longer running. A process's file untouched for STALE_MS is removed even when a process of its
 * number runs: numbers are reused (a fresh tester), and no run writes for so long.
 */
function removePacks(dir: string, stem: string, keep: ReadonlySet<string>, ownOnly: boolean): void {
  try {
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(`${stem}.`) || keep.has(name)) continue;
      const rest = name.slice(stem.length + 1);
      // <stem>.<pid>-<random>.pack, or the ledger being written: <stem>.ndjson.<pid>.tmp
      const pid = name.endsWith('.pack')
        ? Number(rest.split('-')[0])
        : /^ndjson\.\d+\.tmp$/.test(rest)
          ? Number(rest.split('.')[1])
          : NaN;
      if (!Number.isInteger(pid)) continue;
      if (ownOnly ? pid === process.pid : !alive(pid) || stale(join(dir, name)))
        rmSync(join(dir, name), { force: true });
    }
  } catch {
    // Left for the next run to remove.
  }
}

/**
 * Removes the ledgers in `dir` (but `own`) that no run can take again, with their packs: those
 * whose generation folder is gone, and those whose output folder no longer shows it (removed
 * with `rm -rf out`, which leaves the generation folder; replaced by another run). A ledger is
 * taken only while its folder shows its generation (`takeLedger`), so these would stay in the
 * cache for good (a fresh tester: some 3.5 MB per output folder no longer used). A run into
 * that folder removes its ledger when it starts and writes the next once it has published, so
 * none is removed from under it. A ledger whose first line cannot be read as one is left: it
 * may be one being renamed into place.
 */
export function pruneOrphanLedgers(dir: string, own: string): number {
  let removed = 0;
  try {
    const names = readdirSync(dir);
    // Packs of output folders with no ledger at all: a run took it and was killed before it
    // wrote the next one (a fresh tester), and no run into that folder came since to remove them.
    const ledgers = new Set(names.filter((n) => n.endsWith('.ndjson')).map((n) => n.slice(0, -'.ndjson'.length)));
    const stems = new Set(names.map((n) => n.split('.')[0]!).filter((s) => /^[0-9a-f]{24}$/.test(s)));
    for (const stem of stems)
      if (!ledgers.has(stem) && `${stem}.ndjson` !== own) removePacks(dir, stem, new Set(), false);
    for (const name of names) {
      if (!name.endsWith('.ndjson') || name === own) continue;
      const head = ledgerHead(join(dir, name));
      if (head === null || (existsSync(head.gen) && (head.out === null || shows(head.out, head.gen)))) continue;
      rmSync(join(dir, name), { force: true });
      removePacks(dir, basename(name, '.ndjson'), new Set(), false);
      removed++;
    }
  } catch {
    // Left for a later run.
  }
  return removed;
}

/** Whether the folder `out` (a link to its generation) shows the generation `gen` now. */
function shows(out: string, gen: string): boolean {
  try {
    return realpathSync(out) === gen;
  } catch {
    return false;
  }
}

/**
 * The `gen` and `out` (null in a ledger written before it was kept) of a ledger's first line,
 * read alone (the rest may be tens of megabytes), or null.
 */
function ledgerHead(path: string): { gen: string; out: string | null } | null {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(1 << 16);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const end = buf.subarray(0, n).indexOf(0x0a);
    if (end < 0) return null;
    const head = JSON.parse(buf.subarray(0, end).toString('utf8')) as { gen?: unknown; out?: unknown };
    if (typeof head.gen !== 'string' || !head.gen) return null;
    return { gen: head.gen, out: typeof head.out === 'string' && head.out ? head.out : null };
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * How long a pack or half-written ledger may go unwritten before it is taken for one left by a
 * process that is gone, whatever runs under its number now: a day (the ingest of 1,000,000
 * reports took 2.4 hours, bench/results.md).
 */
export const STALE_MS = 24 * 3600 * 1000;

function stale(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > STALE_MS;
  } catch {
    return false;
  }
}

/** Whether a process `pid` is running (its pack being written is not touched). */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The big tables' names. */
export type RowTable = (typeof ROW_TABLES)[number];

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

/** A run of rows of one source table, by rowid. */
export interface Segment {
  from: string;
  first: number;
  count: number;
}

/** Where each report's rows are in a table: report_id → [first rowid, rows]. */
export type Spans = Map<string, [number, number]>;

/**
 * Each report's rows in `from` (`where`: a rowid bound), for the previous run's tables; throws
 * when a report's rows are not together (not a file this code wrote).
 */
export async function spans(conn: DuckDBConnection, from: string, where = ''): Promise<Spans> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT report_id, min(rowid), max(rowid), count(*) FROM ${from}${where} GROUP BY report_id`,
    )
  ).getRows();
  const out: Spans = new Map();
  for (const [id, lo, hi, n] of rows) {
    if (Number(hi) - Number(lo) + 1 !== Number(n))
      throw new Error(`${from}: the rows of report ${String(id)} are not together`);
    out.set(String(id), [Number(lo), Number(n)]);
  }
  return out;
}

/**
 * One table's rows in the order they are published, as runs of rows of their source tables
 * (this run's staged rows, the previous run's file), cut into inserts of INSERT_ROWS rows. The
 * writer pushes each report's rows as they come and takes the inserts as soon as they are
 * whole, so the table fills while the files are still being analysed.
 */
export class Assembler {
  private queue: Segment[] = [];
  private pending = 0;
  constructor(readonly table: TableName) {}

  push(from: string, first: number, count: number): void {
    if (!count) return;
    this.pending += count;
    const last = this.queue.at(-1);
    if (last && last.from === from && last.first + last.count === first) last.count += count;
    else this.queue.push({ from, first, count });
  }

  /**
   * The next insert: its statements and the runs it reads. Null while fewer than INSERT_ROWS rows
   * wait, unless `rest` (the table's last insert).
   */
  take(rest = false): { sql: string[]; pieces: Segment[] } | null {
    if (!this.pending || (!rest && this.pending < INSERT_ROWS)) return null;
    let want = Math.min(this.pending, INSERT_ROWS);
    this.pending -= want;
    const pieces: Segment[] = [];
    while (want) {
      const seg = this.queue[0]!;
      const count = Math.min(seg.count, want);
      pieces.push({ from: seg.from, first: seg.first, count });
      want -= count;
      if (count === seg.count) this.queue.shift();
      else {
        seg.first += count;
        seg.count -= count;
      }
    }
    return { sql: insertSql(this.table, pieces), pieces };
  }
}

/**
 * Parts of one UNION ALL at most: a statement's time and memory grow with the square of its
 * parts (a fresh tester's 10,000 parts: 15.7 s and 2 GB; 20,000: 114 s). NIANBAO_MAX_PARTS sets
 * it for tests.
 */
export const MAX_PARTS = Number(process.env.NIANBAO_MAX_PARTS ?? 256);

/**
 * Runs of the previous run's rows in one insert, up to which they are read in one scan (see
 * `insertSql`); more, and each is read on its own.
 */
export const MERGE_RUNS = Number(process.env.NIANBAO_MERGE_RUNS ?? 256);

/** The previous run's DuckDB file, attached under this name (duckdb.ts). */
const PREV = 'prev.';

/**
 * The statements that insert `pieces` into `table` in order, as one insert: one UNION ALL
 * (which keeps its parts in order with preserve_insertion_order, the writer's setting), or, with
 * more than MAX_PARTS pieces, the pieces gathered in a temporary table first, a UNION ALL of
 * MAX_PARTS at a time, and inserted from there in one statement.
 *
 * An insert with several runs of the previous run's rows (its rows with new files' rows between
 * them, an update's usual insert) reads the previous file once, from the first run's first row
 * to the last run's last, each row given its place in the insert, and puts them in order with
 * the new rows (`ORDER BY`): a scan of a stored table costs some 13 ms to start whatever it reads,
 * and an update of 1,000 reports among 100,000 made some 2,000 of them. The rows, their order and
 * the inserts' ends are the same, and so is how DuckDB stores them (test/analysis-cache.test.ts
 * compares every published byte with a full run's).
 */
export function insertSql(table: TableName, pieces: readonly Segment[]): string[] {
  const cols = list(table);
  const merged = mergedInsert(table, pieces, cols);
  if (merged) return [merged];
  const union = (ps: readonly Segment[]) =>
    ps
      .map((p) => `SELECT ${cols} FROM ${p.from} WHERE rowid BETWEEN ${p.first} AND ${p.first + p.count - 1}`)
      .join(' UNION ALL ');
  if (pieces.length <= MAX_PARTS) return [`INSERT INTO ${table} ${union(pieces)}`];
  const gather = `gather_${table}`;
  const out = [`CREATE TEMP TABLE ${gather} AS SELECT ${cols} FROM ${table} LIMIT 0`];
  for (let i = 0; i < pieces.length; i += MAX_PARTS)
    out.push(`INSERT INTO ${gather} ${union(pieces.slice(i, i + MAX_PARTS))}`);
  out.push(`INSERT INTO ${table} SELECT ${cols} FROM ${gather}`, `DROP TABLE ${gather}`);
  return out;
}

/**
 * The insert of `pieces` with one scan of the previous run's table, or null when it has fewer
 * than two runs of its rows, more than MERGE_RUNS, runs that overlap, or runs far apart (the scan
 * would read more rows between them than the insert holds). Each row's place in the insert is `pos`: a run's
 * rows are numbered from where the run starts in the insert; rows of the scan in no run (a
 * removed or changed file's) have none and are left out.
 */
function mergedInsert(table: TableName, pieces: readonly Segment[], cols: string): string | null {
  const prev = pieces.filter((p) => p.from.startsWith(PREV));
  if (prev.length < 2 || prev.length > MERGE_RUNS || pieces.length - prev.length >= MAX_PARTS) return null;
  const from = prev[0]!.from;
  if (prev.some((p) => p.from !== from)) return null;
  // A row in two runs (never from the writer) would take one place only: read run by run.
  const sorted = [...prev].sort((a, b) => a.first - b.first);
  if (sorted.some((p, i) => i > 0 && p.first < sorted[i - 1]!.first + sorted[i - 1]!.count)) return null;
  const lo = sorted[0]!.first;
  const hi = Math.max(...prev.map((p) => p.first + p.count - 1));
  const rows = pieces.reduce((n, p) => n + p.count, 0);
  if (hi - lo + 1 > 2 * rows) return null;
  const runs: string[] = [];
  const others: string[] = [];
  let at = 0;
  for (const p of pieces) {
    const range = `rowid BETWEEN ${p.first} AND ${p.first + p.count - 1}`;
    const pos = `rowid + (${at - p.first})`;
    if (p.from === from) runs.push(`WHEN ${range} THEN ${pos}`);
    else others.push(` UNION ALL SELECT ${cols}, ${pos} AS pos FROM ${p.from} WHERE ${range}`);
    at += p.count;
  }
  const scan = `SELECT ${cols}, CASE ${runs.join(' ')} END AS pos FROM ${from} WHERE rowid BETWEEN ${lo} AND ${hi}`;
  return `INSERT INTO ${table} SELECT ${cols} FROM (${scan}${others.join('')}) WHERE pos IS NOT NULL ORDER BY pos`;
}
