import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TableName } from '../src/lib/schema/datasets.ts';
import type { IndexEntry } from '../src/lib/site/report-index.ts';
import { parquetFrom, readLayout } from '../src/lib/write/layout.ts';

/** Reading the published files the way a user would, whether a file is whole or in parts (tests only). */

/** A DuckDB table expression over a table's Parquet files in a data folder. */
export const parquetOf = (dir: string, table: TableName): string => parquetFrom(dir, readLayout(dir), table);

/** Every entry of reports/index.json in a built site: inline, or from its JSON Lines files. */
export function reportIndex(dist: string, base = '/'): { count: number; reports: IndexEntry[]; inline: boolean } {
  const doc = JSON.parse(readFileSync(join(dist, 'reports/index.json'), 'utf8')) as {
    count: number;
    reports?: IndexEntry[];
    reports_jsonl: string[];
  };
  const lines = doc.reports_jsonl.flatMap((url) =>
    readFileSync(join(dist, url.slice(base.length)), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as IndexEntry),
  );
  return { count: doc.count, reports: lines, inline: doc.reports !== undefined };
}
