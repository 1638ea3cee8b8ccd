import type { RunResult } from './run.ts';

/** The one-screen summary printed at the end of a run. */
export function summaryText(data: RunResult, outDir: string, seconds: number): string {
  const c = data.manifest.counts;
  const n = (k: string) => String(c[k] ?? 0);
  const lines = [
    '',
    `年报开放数据 ingest — ${n('files')} files in ${seconds.toFixed(1)} s → ${outDir}`,
    `  ok ${n('ok')} · partial ${n('partial')} · text_only ${n('text_only')} · duplicate ${n('duplicate')} · rejected ${n('rejected')}`,
    `  reports ${n('reports')}${c.copies ? ` (${n('copies')} ${c.copies === 1 ? 'is a copy' : 'are copies'} of another report, counted once)` : ''} · cells ${n('cells')} · ambiguous/unreadable cells ${n('cells_ambiguous')}`,
    `  checks failed ${n('checks_failed')} (in ${n('reports_with_failed_checks')} reports)`,
  ];
  const rejected = data.manifest.files.filter((f) => f.outcome === 'rejected');
  if (rejected.length) {
    lines.push('  rejected:');
    for (const f of rejected.slice(0, 10)) lines.push(`    ${f.path}: ${f.reason}`);
    if (rejected.length > 10) lines.push(`    … and ${rejected.length - 10} more (see manifest.json)`);
  }
  lines.push(`  details per file: ${outDir}/manifest.json`);
  return lines.join('\n');
}
