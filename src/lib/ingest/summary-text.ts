import type { RunResult } from './run.ts';
import { printable } from '../schema/diagnostics.ts';
import type { TableName } from '../schema/datasets.ts';
import { TABLE_NAMES, csvCompressed, type Layout } from '../write/layout.ts';

/** The one-screen summary printed at the end of a run. */
export function summaryText(data: RunResult, outDir: string, seconds: number): string {
  const c = data.manifest.counts;
  const n = (k: string) => String(c[k] ?? 0);
  const lines = [
    '',
    `年报开放数据 ingest — ${n('files')} files in ${seconds.toFixed(1)} s → ${outDir}`,
    `  ok ${n('ok')} · partial ${n('partial')} · text_only ${n('text_only')} · duplicate ${n('duplicate')} · rejected ${n('rejected')}`,
    `  reports ${n('reports')}${c.copies ? ` (${n('copies')} ${c.copies === 1 ? 'is a copy' : 'are copies'} of another report, counted once)` : ''} · cells ${n('cells')} · ambiguous/unreadable cells ${n('cells_ambiguous')}`,
    // (The home page's 个表格数字 counts numbers only, each report once: fewer, and a reader asks why: t117.)
    `  (cells: every cell read, NULL ones and copies' included; the site counts the numbers only, each report once)`,
    `  checks failed ${n('checks_failed')} (in ${n('reports_with_failed_checks')} reports)`,
  ];
  const rejected = data.manifest.files.filter((f) => f.outcome === 'rejected');
  if (rejected.length) {
    lines.push('  rejected:');
    for (const f of rejected.slice(0, 10)) lines.push(printable(`    ${f.path}: ${f.reason}`));
    if (rejected.length > 10) lines.push(`    … and ${rejected.length - 10} more (see manifest.json)`);
  }
  lines.push(`  details per file: ${outDir}/manifest.json and the JSON Lines it lists (files_jsonl)`);
  return lines.join('\n');
}

/** What went out in parts (over the part limit), and whether the DuckDB file is published; empty when nothing did. */
export function partsText(layout: Layout, limitBytes: number): string {
  const limit = `${(limitBytes / 1024 / 1024).toFixed(limitBytes < 1 << 20 ? 3 : 0)} MiB`;
  const name = (t: TableName, ext: 'parquet' | 'csv') =>
    ext === 'csv' && csvCompressed(layout.tables[t].csv) ? `${t}.csv.gz` : `${t}.${ext}`;
  const split = TABLE_NAMES.flatMap((t) =>
    (['parquet', 'csv'] as const)
      .filter((ext) => layout.tables[t][ext].length > 1)
      .map((ext) => `${name(t, ext)} (${layout.tables[t][ext].length} parts)`),
  );
  const gzipped = TABLE_NAMES.filter((t) => csvCompressed(layout.tables[t].csv)).map((t) => `${t}.csv`);
  const lines = [];
  if (gzipped.length) lines.push(`  gzip-compressed (over ${limit} as CSV): ${gzipped.join(', ')}`);
  if (split.length) lines.push(`  in parts of at most ${limit}: ${split.join(', ')}`);
  if (!layout.duckdb)
    lines.push(`  nianbao.duckdb is over ${limit}: kept here, not published (nianbao.sql has the views)`);
  return lines.join('\n');
}
