import { TABLE_DOCS, columnDocs } from '../schema/dictionary.ts';
import type { TableName } from '../schema/datasets.ts';

/**
 * The descriptor of the published files: a Frictionless Data Package (v2) with every resource's
 * path, format, size, SHA-256 and (for tables) schema, and the SHA256SUMS listing beside it.
 * Pure: the caller hashes the files and passes the clock.
 */

export const TABLE_NAMES: TableName[] = ['reports', 'cells', 'checks', 'sections', 'summary'];
export const DATA_LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0',
};

export interface PublishedFile {
  /** File name inside the data directory. */
  path: string;
  bytes: number;
  sha256: string;
}

const FRICTIONLESS_TYPE: Record<string, string> = {
  VARCHAR: 'string',
  INTEGER: 'integer',
  BIGINT: 'integer',
  DOUBLE: 'number',
  DATE: 'date',
};

/** Each table's primary key (Frictionless `primaryKey`); every row is unique on it (tested). */
export const PRIMARY_KEYS: Record<TableName, string[]> = {
  reports: ['report_id'],
  cells: ['report_id', 'table_id', 'row_key', 'col_key'],
  checks: ['report_id', 'check_id'],
  sections: ['report_id', 'section'],
  summary: ['report_id'],
};

function tableSchema(table: TableName, reportsResource: string) {
  return {
    primaryKey: PRIMARY_KEYS[table],
    ...(table === 'reports'
      ? {}
      : { foreignKeys: [{ fields: ['report_id'], reference: { resource: reportsResource, fields: ['report_id'] } }] }),
    fields: columnDocs(table).map((c) => ({
      name: c.name,
      type: FRICTIONLESS_TYPE[c.type] ?? 'string',
      title: c.zh.replace(/。$/, ''),
      description: c.en,
    })),
    // An empty cell in the CSV is NULL (blank or uncertain in the source), never 0.
    missingValues: [''],
  };
}

/** Which files are published: each table as Parquet and CSV, the DuckDB file, the manifest. */
export function publishedFileNames(dbFile: string): string[] {
  return [...TABLE_NAMES.flatMap((t) => [`${t}.parquet`, `${t}.csv`]), dbFile, 'manifest.json'];
}

export function dataPackage(files: PublishedFile[], created: Date): object {
  const find = (path: string) => {
    const f = files.find((x) => x.path === path);
    if (!f) throw new Error(`datapackage: no such file ${path}`);
    return { path: f.path, bytes: f.bytes, hash: `sha256:${f.sha256}` };
  };
  const resources: object[] = [];
  for (const t of TABLE_NAMES) {
    const [en, zh] = TABLE_DOCS[t];
    const common = { title: zh, description: en };
    resources.push({
      name: t,
      ...find(`${t}.csv`),
      type: 'table',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8-sig',
      ...common,
      schema: tableSchema(t, 'reports'),
    });
    resources.push({
      name: `${t}-parquet`,
      ...find(`${t}.parquet`),
      type: 'table',
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      ...common,
      schema: tableSchema(t, 'reports-parquet'),
    });
  }
  for (const f of files.filter((x) => !/\.(csv|parquet)$/.test(x.path))) {
    const isDb = f.path.endsWith('.duckdb');
    resources.push({
      name:
        f.path
          .replace(/\.[^.]+$/, '')
          .replace(/[^a-z0-9._-]/gi, '-')
          .toLowerCase() + (isDb ? '-duckdb' : ''),
      ...find(f.path),
      format: isDb ? 'duckdb' : 'json',
      mediatype: isDb ? 'application/octet-stream' : 'application/json',
      description: isDb
        ? 'All five tables in one DuckDB database file.'
        : 'Every input file and what became of it (ok, partial, text_only, duplicate, rejected, with the reason).',
    });
  }
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'nianbao',
    title: '年报开放数据 · Government information disclosure annual reports as data',
    description:
      'Tables of the annual reports on government information disclosure (政府信息公开工作年度报告) published by Chinese administrative agencies, read cell by cell. Blank or uncertain values are NULL, never 0; every number has its source line.',
    version: '1.0.0',
    created: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    licenses: [DATA_LICENSE],
    sources: [
      {
        title:
          '各行政机关公开发布的政府信息公开工作年度报告 (annual reports published by each agency under the OGI Regulations, 国务院令第711号)',
      },
    ],
    keywords: ['政府信息公开', 'government information disclosure', 'annual reports', 'China'],
    resources,
  };
}

/** `sha256sum`-compatible listing, sorted by name: check with `sha256sum -c SHA256SUMS`. */
export function sha256sums(files: PublishedFile[]): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .join('');
}
