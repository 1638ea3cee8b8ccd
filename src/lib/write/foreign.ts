import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { escapeName } from '../ingest/names.ts';
import { printable } from '../schema/diagnostics.ts';
import { TABLE_NAMES } from './layout.ts';

/**
 * Publishing a run replaces the output folder whole (generation.ts): whatever else is in it is
 * gone. Before a run writes anything, the folder it would replace is checked for entries that
 * are not this tool's own outputs — files a user put there — so the run can refuse and name
 * them instead.
 *
 * Ours: every file the folder's SHA256SUMS lists, and the names this tool writes or wrote in any
 * version (the DuckDB file, which is not listed when it is too large to publish; its `.wal`; the
 * tables, whole or in parts; the manifest; the staging folder an older version kept inside the
 * output folder and a killed run may have left), so an older folder with no SHA256SUMS is
 * judged too. So are the files a file manager leaves in a folder it has shown (`.DS_Store`,
 * `Thumbs.db`): not a user's.
 */

const T = TABLE_NAMES.join('|');
const KNOWN_FILES = [
  /^(?:SHA256SUMS|datapackage\.json|manifest\.json|manifest\.jsonl|nianbao\.duckdb|nianbao\.duckdb\.wal|nianbao\.sql)$/,
  new RegExp(`^(?:${T})\\.(?:parquet|csv|csv\\.gz)$`),
  new RegExp(`^(${T})/\\1-\\d+\\.(?:parquet|csv|csv\\.gz)$`),
  /^manifest\/manifest-\d+\.jsonl$/,
  /^\.staging\//,
  // What a file manager leaves in a folder it shows (macOS, Windows): not a user's file.
  /(?:^|\/)(?:\.DS_Store|\._[^/]*|Thumbs\.db|desktop\.ini)$/,
];
const KNOWN_DIRS = new RegExp(`^(?:${T}|manifest|\\.staging)$|^\\.staging/`);

/**
 * Entries under `dir` that are not ours, as `/`-separated paths relative to it (a folder with
 * nothing of ours in it as one entry ending in `/`), sorted; names that are not UTF-8 escaped
 * as in the manifest. `listed`: the files the folder's SHA256SUMS lists. Empty when `dir` holds
 * only our outputs (or does not exist).
 */
export function foreignEntries(dir: string, listed: ReadonlySet<string>): string[] {
  if (!existsSync(dir)) return [];
  const ourFile = (p: string) => listed.has(p) || KNOWN_FILES.some((r) => r.test(p));
  const ourDir = (p: string) => KNOWN_DIRS.test(p) || [...listed].some((f) => f.startsWith(`${p}/`));
  const out: string[] = [];
  const walk = (rel: string) => {
    const entries: Dirent<Buffer>[] = readdirSync(join(dir, rel), { withFileTypes: true, encoding: 'buffer' });
    for (const e of entries) {
      const path = rel ? `${rel}/${escapeName(e.name)}` : escapeName(e.name);
      // A link is an entry of its own, never followed.
      if (e.isDirectory()) {
        if (ourDir(path)) walk(path);
        else out.push(`${path}/`);
      } else if (!ourFile(path)) out.push(path);
    }
  };
  walk('');
  return out.sort();
}

/** The refusal: the first few foreign entries, and what to do. */
export function foreignMessage(foreign: string[], shown = 5): string {
  const names = foreign.slice(0, shown).map(printable).join(', ');
  const more = foreign.length > shown ? ` and ${foreign.length - shown} more` : '';
  return (
    `the output folder holds ${foreign.length === 1 ? 'an entry' : 'entries'} this tool did not write (${names}${more}); ` +
    'publishing the datasets replaces the whole folder, so they would be lost. Move them out of it and run again ' +
    '(nothing was written)'
  );
}
