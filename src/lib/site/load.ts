import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { CellRow, CheckRow, Manifest, ReportRow, SectionRow, SummaryRow, TableName } from '../schema/datasets.ts';

/**
 * Build-time access to the published datasets: the Parquet files read through an in-memory
 * DuckDB (the .duckdb file may be locked by a writer). Loaded once per build and cached.
 * The directory is NIANBAO_DATA (default data/build).
 */

export interface SiteData {
  dir: string;
  reports: ReportRow[];
  summary: Map<string, SummaryRow>;
  manifest: Manifest;
  cellsOf(reportId: string): Promise<CellRow[]>;
  checksOf(reportId: string): Promise<CheckRow[]>;
  sectionsOf(reportId: string): Promise<SectionRow[]>;
  /** Rows per published table. */
  rowCounts: Record<TableName, number>;
  /** datapackage.json as written by the ingest (null when missing). */
  datapackage: DataPackageJson | null;
}

export interface DataPackageJson {
  created: string;
  resources: Array<{ name: string; path: string; format: string; bytes: number; hash: string; title?: string; description?: string }>;
}

let cached: Promise<SiteData> | null = null;

export function dataDir(): string {
  return process.env.NIANBAO_DATA ?? 'data/build';
}

export function loadSiteData(): Promise<SiteData> {
  return (cached ??= load(dataDir()));
}

async function load(dir: string): Promise<SiteData> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const file = (t: string) => `'${join(dir, `${t}.parquet`).replace(/'/g, "''")}'`;
  const rows = async <T>(sql: string): Promise<T[]> => (await conn.runAndReadAll(sql)).getRowObjectsJS() as unknown as T[];
  const reports = await rows<ReportRow>(`SELECT * REPLACE (CAST(published_on AS VARCHAR) AS published_on) FROM ${file('reports')} ORDER BY report_id`);
  const summary = new Map((await rows<SummaryRow>(`SELECT * FROM ${file('summary')}`)).map((s) => [s.report_id, s]));
  // Per-report tables: copied once into memory sorted by report (file order kept within one),
  // so that a lookup reads one block instead of scanning the whole Parquet file per page.
  for (const t of ['cells', 'checks', 'sections']) {
    await conn.run(`CREATE TABLE ${t} AS SELECT * EXCLUDE (ord) FROM (SELECT *, row_number() OVER () AS ord FROM ${file(t)}) ORDER BY report_id, ord`);
  }
  const byReport = <T>(table: string, order: string) => async (id: string) => rows<T>(`SELECT * FROM ${table} WHERE report_id = '${id.replace(/[^0-9a-f]/g, '')}' ${order}`);
  const rowCounts = {} as Record<TableName, number>;
  for (const t of ['reports', 'cells', 'checks', 'sections', 'summary'] as const) {
    rowCounts[t] = Number((await rows<{ n: bigint }>(`SELECT count(*) AS n FROM ${file(t)}`))[0]!.n);
  }
  const pkgPath = join(dir, 'datapackage.json');
  const datapackage = existsSync(pkgPath) ? (JSON.parse(readFileSync(pkgPath, 'utf8')) as DataPackageJson) : null;
  return {
    dir,
    rowCounts,
    datapackage,
    reports,
    summary,
    manifest,
    cellsOf: byReport<CellRow>('cells', ''),
    checksOf: byReport<CheckRow>('checks', 'ORDER BY check_id'),
    sectionsOf: byReport<SectionRow>('sections', 'ORDER BY section'),
  };
}
