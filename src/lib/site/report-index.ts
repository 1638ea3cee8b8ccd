import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { InlineArrayDoc, writeJsonDoc } from '../write/json-doc.ts';
import { parquetFrom, readLayout } from '../write/layout.ts';
import { LineParts } from '../write/parts.ts';

/**
 * The static API's index: every report with its page and JSON addresses (relative to the site's
 * base), written after the build (src/integrations/report-files.ts) and never held as one string:
 * - `reports/index.jsonl`, or its parts `reports/index/index-00001.jsonl` … under the part
 *   limit: one report per line, with the reports columns a reader needs to pick reports (a copy
 *   `duplicate_of` another, `same_agency_year` other different reports: in no total) and its
 *   page and JSON addresses;
 * - `reports/index.json`: `count`, `reports_jsonl` (the addresses of those files) and, while the
 *   document stays under the part limit, the reports inline as `reports` (as before), in
 *   report_id order.
 */

export interface IndexEntry {
  report_id: string;
  title: string | null;
  agency: string | null;
  year: number | null;
  region_code: string | null;
  status: string;
  checks_failed: number;
  /** As in reports.csv: checks that could not be made (above 0: consistent only in part). */
  checks_not_assessable: number;
  /** As in reports.csv: the report this one is a copy of, NULL for the report itself. */
  duplicate_of: string | null;
  /** As in reports.csv: how many other, different reports its agency has for its year (above 0: in no total). */
  same_agency_year: number;
  page: string;
  json: string;
}

/** Writes the index into `outDir` (dist); returns the paths written, relative to it. */
export async function writeReportIndex(options: {
  dataDir: string;
  outDir: string;
  base: string;
  limit: number;
}): Promise<string[]> {
  const { dataDir, outDir, base, limit } = options;
  const from = parquetFrom(dataDir, readLayout(dataDir), 'reports');
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    const count = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${from}`)).getRows()[0]![0]);
    mkdirSync(join(outDir, 'reports'), { recursive: true });
    const lines = new LineParts(outDir, 'reports/index', 'jsonl', limit);
    const doc = new InlineArrayDoc(join(outDir, 'reports/index.json'), { count }, 'reports', 1, limit);
    const result = await conn.stream(
      `SELECT report_id, title, agency, year, region_code, status, checks_failed, checks_not_assessable, duplicate_of,
              same_agency_year
       FROM ${from} ORDER BY report_id`,
    );
    for await (const rows of result.yieldRowObjectJs()) {
      for (const r of rows as unknown as Array<Omit<IndexEntry, 'page' | 'json'>>) {
        const entry: IndexEntry = {
          ...r,
          page: `${base}reports/${r.report_id}/`,
          json: `${base}reports/${r.report_id}.json`,
        };
        lines.write(JSON.stringify(entry));
        doc.add(entry);
      }
    }
    const jsonl = lines.close();
    const tail = { reports_jsonl: jsonl.map((p) => `${base}${p}`) };
    if (!doc.finish(tail)) writeJsonDoc(join(outDir, 'reports/index.json'), { count, ...tail }, 1);
    return ['reports/index.json', ...jsonl];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
