import { DuckDBInstance } from '@duckdb/node-api';
import { groupBy } from './group.ts';
import { groupByAgency } from './agencies.ts';
import type {
  CellRow,
  CheckRow,
  ManifestEntry,
  ManifestHeader,
  ReportRow,
  SectionRow,
  SummaryRow,
  TableName,
} from '../schema/datasets.ts';
import { layoutOf, parquetFrom, readDataPackage, type DataPackageJson, type Layout } from '../write/layout.ts';
import { manifestEntries, readManifestHeader } from '../write/manifest.ts';
import { parseSums } from '../write/generation.ts';
import { ownsRegionCode, reportPredicate } from './shard.ts';
import { incremental } from './incremental.ts';
import { LazyRows } from './lazy-rows.ts';
import { reportDigests } from './digests.ts';
import { buildDuckdb, SORTED_TABLES, sortedTables, unsortedSql, type SortedFiles, type SortedTable } from './sorted.ts';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sqlString } from '../write/quote.ts';
import { columnsJS } from './columns.ts';

/**
 * Build-time access to the published datasets: the Parquet files (one per table, or its parts,
 * as datapackage.json lists them) read through an in-memory DuckDB (the .duckdb file may be
 * locked by a writer, or not published). Loaded once per build and cached. The manifest's
 * entries are read line by line, keeping only what pages show. The directory is NIANBAO_DATA
 * (default data/build).
 */

/** Input files without a report (rejected, duplicate) kept for the quality page; the rest are counted. */
export const NOT_REPORTS_KEPT = 200;

export interface SiteData {
  dir: string;
  reports: ReportRow[];
  summary: Map<string, SummaryRow>;
  /** manifest.json without its entries (counts, tables). */
  manifest: ManifestHeader;
  /** Input files that gave no report (rejected or duplicate): how many, and the first ones in path order. */
  notReports: { count: number; first: ManifestEntry[] };
  reportById: Map<string, ReportRow>;
  /** The copies of a report (the reports whose duplicate_of is its id), in report_id order. */
  copiesOf(reportId: string): ReportRow[];
  /** An agency's reports by agencyKey, oldest first. */
  reportsOfAgency(key: string): ReportRow[];
  cellsOf(reportId: string): Promise<CellRow[]>;
  checksOf(reportId: string): Promise<CheckRow[]>;
  sectionsOf(reportId: string): Promise<SectionRow[]>;
  /**
   * Says which reports' pages this build is expected to render (an incremental build's pages
   * whose key changed, linked-pages.ts `keysChanged`): when they are few, their rows are fetched
   * together, one query per table, at the first page that asks. Only a matter of time: any
   * report's rows are there either way.
   */
  expectRendered(reportIds: Iterable<string>): void;
  /**
   * Digest of a report's cells, checks and sections rows (in order), for the cache keys of an
   * incremental build (page-keys.ts); null when the build is not incremental.
   */
  digests: Map<string, string> | null;
  /** Rows per published table. */
  rowCounts: Record<TableName, number>;
  /**
   * How many cells of each report are numbers (state `number`), by report_id; a report without
   * one is not in the map. Read once, when first asked for (the home page's figures).
   */
  numberCells(): Promise<Map<string, number>>;
  /**
   * How many of each report's checks that failed compare it with the year before (check_id
   * cross_year.*), by report_id; a report without one is not in the map. One query, read when
   * first asked for (the quality page), never a per-report lookup.
   */
  crossYearFailures(): Promise<Map<string, number>>;
  /** datapackage.json as written by the ingest. */
  datapackage: DataPackageJson;
  /** Which files hold each table (from datapackage.json). */
  layout: Layout;
  /** Every published file (SHA256SUMS) with its size and SHA-256. */
  files: Map<string, { bytes: number; sha256: string }>;
}

export type { DataPackageJson };

const BLOCK = 256;
const KEEP_BLOCKS = 4;
/**
 * At most this many reports expected to render are fetched together (`expectRendered`): their
 * rows' text is held for the whole build, some 20 KB a report. At 100,000 reports a routine
 * update renders about 5,000 report pages spread over every block: fetched block by block (256
 * reports, three queries, about 90 ms of DuckDB each) that was some 37 s with the pages waiting.
 */
const EXPECTED_MAX = 10_000;
interface Block {
  cells: LazyRows<CellRow>;
  checks: LazyRows<CheckRow>;
  sections: LazyRows<SectionRow>;
}
const EMPTY: Block = { cells: new LazyRows([], []), checks: new LazyRows([], []), sections: new LazyRows([], []) };

let cached: Promise<SiteData> | null = null;

export function dataDir(): string {
  return process.env.NIANBAO_DATA ?? 'data/build';
}

export function loadSiteData(): Promise<SiteData> {
  return (cached ??= load(dataDir()));
}

/** The first files without a report, read line by line until enough are found; the count is the manifest's. */
async function notReportsOf(dir: string, manifest: ManifestHeader): Promise<SiteData['notReports']> {
  const count = (manifest.counts.rejected ?? 0) + (manifest.counts.duplicate ?? 0);
  const first: ManifestEntry[] = [];
  if (count === 0) return { count, first };
  for await (const e of manifestEntries(dir, manifest)) {
    if (e.outcome !== 'rejected' && e.outcome !== 'duplicate') continue;
    first.push(e);
    if (first.length === Math.min(count, NOT_REPORTS_KEPT)) break;
  }
  return { count, first };
}

function publishedFiles(dir: string): SiteData['files'] {
  const sums = parseSums(readFileSync(join(dir, 'SHA256SUMS'), 'utf8'));
  return new Map([...sums].map(([path, sha256]) => [path, { bytes: statSync(join(dir, path)).size, sha256 }]));
}

async function load(dir: string): Promise<SiteData> {
  const manifest = readManifestHeader(dir);
  const datapackage = readDataPackage(dir);
  if (!datapackage) throw new Error(`no datapackage.json in ${dir}: run \`npm run ingest\``);
  const layout = layoutOf(datapackage);
  const db = await DuckDBInstance.create(':memory:', buildDuckdb());
  const conn = await db.connect();
  const file = (t: TableName) => parquetFrom(dir, layout, t);
  // BIGINT columns (counts) come back as BigInt: pages do arithmetic on numbers (counts stay far below 2^53).
  const rows = async <T>(sql: string): Promise<T[]> =>
    (await conn.runAndReadAll(sql)).getRowObjectsJS().map((r) => {
      for (const k in r) if (typeof r[k] === 'bigint') (r as Record<string, unknown>)[k] = Number(r[k]);
      return r;
    }) as unknown as T[];
  // Whole tables read once per Astro process: each row as one JSON text made by DuckDB and parsed
  // by V8, not value by value (getRowObjectsJS), as perReportRows below. At 100,000 reports, the
  // reports table: 13–14 s by row objects, 7.5–8.7 s this way (a loaded machine), in each of the
  // build's processes. Every column here is text, an integer or NULL, so the objects are the same.
  const jsonRows = async <T>(select: string, order = ''): Promise<T[]> => {
    const sql = `SELECT CAST(to_json(t) AS VARCHAR) FROM (${select}) t ${order}`;
    const [texts] = columnsJS<[string[]]>(await conn.runAndReadAll(sql));
    return texts.map((s) => JSON.parse(s) as T);
  };
  const reports = await jsonRows<ReportRow>(
    `SELECT * REPLACE (CAST(published_on AS VARCHAR) AS published_on) FROM ${file('reports')}`,
    'ORDER BY t.report_id',
  );
  const summary = new Map(
    (await jsonRows<SummaryRow>(`SELECT * FROM ${file('summary')}`)).map((s) => [s.report_id, s]),
  );
  // Per-report tables: copied once, sorted by report, into Parquet files on disk (sorted.ts), so
  // that a lookup reads the row groups of one block instead of scanning the whole table, and
  // memory does not grow with the tables. A sharded build (shard.ts) copies only the rows of the
  // reports whose pages it renders.
  const predicate = reportPredicate();
  // Made when a block is first asked for: an update that renders only the pages whose key
  // changed fetches their rows with one query over the files as they are (`expectRendered`),
  // and needs no sorted copy (9–17 s at 100,000 reports).
  let sortedFiles: Promise<SortedFiles> | null = null;
  const sorted = () => {
    if (!sortedFiles) {
      const t = Date.now();
      sortedFiles = sortedTables(conn, dir, layout, predicate).then((x) => {
        console.log(
          `build: the per-report tables copied sorted by report in ${((Date.now() - t) / 1000).toFixed(1)} s`,
        );
        return x.files;
      });
    }
    return sortedFiles;
  };
  const unsorted = (t: SortedTable) => `(${unsortedSql(dir, layout, t, predicate)})`;
  // Pages are rendered in report_id order, so per-report rows are fetched a block of reports
  // at a time (one range query per table instead of three queries per page) and kept for a
  // few blocks. Blocks are of the reports this build renders.
  // A block's rows of one table, by report, each report's rows as one JSON text made by DuckDB
  // and parsed by V8: reading them as row objects value by value (getRowObjectsJS) cost about
  // 10 µs of this thread a row, at 100,000 reports some 160 s of the build's CPU. Rows have the
  // dataset's columns in its order (ord left out), as before.
  const structs = new Map<string, string>();
  for (const t of SORTED_TABLES) {
    const names = (
      await rows<{ column_name: string }>(
        `SELECT column_name FROM (DESCRIBE SELECT * EXCLUDE (ord) FROM ${unsorted(t)})`,
      )
    ).map((c) => `"${c.column_name.replace(/"/g, '""')}"`);
    structs.set(t, `struct_pack(${names.map((c) => `${c} := ${c}`).join(', ')})`);
  }
  // `few`: the rows of a few reports, from the files as they are; else of a block, from the sorted copy.
  const perReportRows = async <T>(t: SortedTable, range: string, order: string, few: boolean) => {
    const from = few ? unsorted(t) : `read_parquet(${sqlString((await sorted())[t])})`;
    const columns = columnsJS(
      await conn.runAndReadAll(
        `SELECT report_id, CAST(to_json(list(${structs.get(t)} ORDER BY ${order})) AS VARCHAR) FROM ${from} WHERE ${range} GROUP BY report_id`,
      ),
    );
    // Parsed report by report as pages ask (lazy-rows.ts): most of a block is not rendered in an update.
    return LazyRows.fromColumns<T>(columns);
  };
  const rendered = predicate === null ? reports : reports.filter((r) => ownsRegionCode(r.region_code));
  const position = new Map(rendered.map((r, i) => [r.report_id, i]));
  const blocks = new Map<number, Promise<Block>>();
  // Within a report: cells in the dataset's order (ord), checks by id, sections by number.
  const fetchRows = (range: string, few = false): Promise<Block> =>
    Promise.all([
      perReportRows<CellRow>('cells', range, 'ord', few),
      perReportRows<CheckRow>('checks', range, 'check_id, ord', few),
      perReportRows<SectionRow>('sections', range, 'section, ord', few),
    ]).then(([cells, checks, sections]) => ({ cells, checks, sections }));
  let expected: { ids: Set<string>; rows: Promise<Block> | null } | null = null;
  const expectRendered = (reportIds: Iterable<string>): void => {
    const ids = new Set([...reportIds].filter((id) => position.has(id)));
    expected = ids.size > 0 && ids.size <= EXPECTED_MAX ? { ids, rows: null } : null;
  };
  const blockOf = (id: string): Promise<Block> | null => {
    const i = position.get(id);
    if (i === undefined) return null;
    if (expected?.ids.has(id)) {
      if (!expected.rows) {
        const { ids } = expected;
        const list = [...ids].map(sqlString).join(', ');
        const t = Date.now();
        expected.rows = fetchRows(`report_id IN (${list})`, true).then((b) => {
          console.log(
            `build: the rows of ${ids.size} report(s) whose page key changed fetched together in ${((Date.now() - t) / 1000).toFixed(1)} s`,
          );
          return b;
        });
      }
      return expected.rows;
    }
    const n = Math.floor(i / BLOCK);
    let b = blocks.get(n);
    if (!b) {
      const first = rendered[n * BLOCK]!.report_id;
      const last = rendered[Math.min(rendered.length, (n + 1) * BLOCK) - 1]!.report_id;
      b = fetchRows(`report_id BETWEEN '${first}' AND '${last}'`);
      blocks.set(n, b);
      if (blocks.size > KEEP_BLOCKS) blocks.delete(blocks.keys().next().value!);
    }
    return b;
  };
  const perReport =
    <K extends keyof Block>(k: K) =>
    async (id: string) =>
      ((await blockOf(id)) ?? EMPTY)[k].get(id);
  // One digest per report and table, of its rows (without report_id) in the dataset's order
  // (report-json.ts `digestsSql`).
  let digests: Map<string, string> | null = null;
  if (incremental()) {
    digests = new Map();
    // Kept for the process: the report files written after the pages use them too.
    const { digests: byTable } = await reportDigests(conn, dir, layout, predicate);
    for (const t of SORTED_TABLES)
      for (const [id, d] of byTable[t]) digests.set(id, `${digests.get(id) ?? ''}${t}:${d};`);
  }
  const agencies = groupByAgency(reports);
  const copies = groupBy(reports, (r) => r.duplicate_of);
  const rowCounts = {} as Record<TableName, number>;
  for (const t of ['reports', 'cells', 'checks', 'sections', 'summary'] as const) {
    rowCounts[t] = Number((await rows<{ n: bigint }>(`SELECT count(*) AS n FROM ${file(t)}`))[0]!.n);
  }
  let numbers: Promise<Map<string, number>> | null = null;
  const numberCells = () =>
    (numbers ??= rows<{ report_id: string; n: number }>(
      `SELECT report_id, count(*) AS n FROM ${file('cells')} WHERE state = 'number' GROUP BY report_id`,
    ).then((ns) => new Map(ns.map(({ report_id, n }) => [report_id, n]))));
  let crossYear: Promise<Map<string, number>> | null = null;
  const crossYearFailures = () =>
    (crossYear ??= rows<{ report_id: string; n: number }>(
      `SELECT report_id, CAST(count(*) AS INTEGER) AS n FROM ${file('checks')} WHERE status = 'fail' AND starts_with(check_id, 'cross_year.') GROUP BY report_id`,
    ).then((ns) => new Map(ns.map(({ report_id, n }) => [report_id, Number(n)]))));
  return {
    dir,
    rowCounts,
    numberCells,
    crossYearFailures,
    datapackage,
    layout,
    notReports: await notReportsOf(dir, manifest),
    files: publishedFiles(dir),
    reports,
    summary,
    manifest,
    reportById: new Map(reports.map((r) => [r.report_id, r])),
    digests,
    reportsOfAgency: (key) => agencies.get(key) ?? [],
    copiesOf: (id) => copies.get(id) ?? [],
    cellsOf: perReport('cells') as (id: string) => Promise<CellRow[]>,
    checksOf: perReport('checks') as (id: string) => Promise<CheckRow[]>,
    sectionsOf: perReport('sections') as (id: string) => Promise<SectionRow[]>,
    expectRendered,
  };
}
