import { TABLE_DOCS, columnDocs } from '../schema/dictionary.ts';
import type { TableName } from '../schema/datasets.ts';
import { TABLE_NAMES, csvCompressed, type Layout } from './layout.ts';

export { TABLE_NAMES };

/**
 * The descriptor of the published files: a Frictionless Data Package (v2) with every resource's
 * path, format, size, SHA-256 and (for tables) schema, and the SHA256SUMS listing beside it.
 * Pure: the caller hashes the files and passes the clock.
 *
 * A resource in parts (parts.ts) has an array as `path`, Frictionless' multipart resource: the
 * parts concatenated in order are the data. Every CSV part repeats the header row (and the
 * BOM), so that each part opens on its own; Frictionless' reference implementation skips the
 * first line of each part after the first. Such a resource has no `bytes` or `hash` (they
 * describe one file): SHA256SUMS lists every part with its hash. A table's CSV past the part
 * limit is gzip-compressed (`.csv.gz`, one file or parts, each part a whole gzip file):
 * `"compression": "gz"`, and the parts are concatenated once decompressed.
 */
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

export function dataPackage(layout: Layout, files: PublishedFile[], created: Date): object {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const located = (paths: string[]) => {
    for (const p of paths) if (!byPath.has(p)) throw new Error(`datapackage: no such file ${p}`);
    if (paths.length !== 1) return { path: paths };
    const f = byPath.get(paths[0]!)!;
    return { path: f.path, bytes: f.bytes, hash: `sha256:${f.sha256}` };
  };
  const resources: object[] = [];
  for (const t of TABLE_NAMES) {
    const [en, zh] = TABLE_DOCS[t];
    const common = { title: zh, description: en };
    const csv = layout.tables[t].csv;
    resources.push({
      name: t,
      ...located(csv),
      type: 'table',
      format: 'csv',
      mediatype: 'text/csv',
      // A table whose CSV does not fit in one file is gzip-compressed (export.ts): Frictionless'
      // compression (the v2 recipe "Compression of Resources"); the mediatype, format and
      // encoding are those of the decompressed CSV, bytes and hash those of the .gz file.
      ...(csvCompressed(csv) ? { compression: 'gz' } : {}),
      encoding: 'utf-8-sig',
      ...common,
      schema: tableSchema(t, 'reports'),
    });
    resources.push({
      name: `${t}-parquet`,
      ...located(layout.tables[t].parquet),
      type: 'table',
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      ...common,
      schema: tableSchema(t, 'reports-parquet'),
    });
  }
  if (layout.duckdb)
    resources.push({
      name: 'nianbao-duckdb',
      ...located([layout.duckdb]),
      format: 'duckdb',
      mediatype: 'application/octet-stream',
      description: 'All five tables in one DuckDB database file.',
    });
  resources.push(
    {
      name: 'nianbao-sql',
      ...located([layout.sql]),
      format: 'sql',
      mediatype: 'application/sql',
      description:
        "DuckDB views of the five tables over the Parquet files: `.read nianbao.sql` in the data folder, or over HTTP after `SET VARIABLE nianbao_base = '<address of the data folder>/'`.",
    },
    {
      name: 'manifest',
      ...located([layout.manifest]),
      format: 'json',
      mediatype: 'application/json',
      description:
        'The run: counts of input files by outcome, per-table rows and hashes, and files_jsonl, the JSON Lines files listing every input file (kept inline as files while small).',
    },
    {
      name: 'manifest-files',
      ...located(layout.manifestEntries),
      format: 'jsonl',
      mediatype: 'application/jsonl',
      description:
        'Every input file and what became of it (ok, partial, text_only, duplicate, rejected, with the reason), one JSON object per line.',
    },
  );
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'nianbao',
    title: '年报开放数据 · Government information disclosure annual reports as data',
    description:
      'Tables of the annual reports on government information disclosure (政府信息公开工作年度报告) published by Chinese administrative agencies, read cell by cell. Blank or uncertain values are NULL, never 0; every number has its source line.',
    // 1.1: nianbao.sql and the manifest's JSON Lines; resources in parts past the part limit.
    // 1.2: a table's CSV past the part limit is gzip-compressed (.csv.gz, "compression": "gz").
    version: '1.2.0',
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
