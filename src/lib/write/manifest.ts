import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { z } from 'zod';
import { ManifestEntry, ManifestHeader, type Manifest } from '../schema/datasets.ts';
import { InlineArrayDoc, writeJsonDoc } from './json-doc.ts';
import { LineParts } from './parts.ts';

/**
 * manifest.json and its entries. At a million input files the entries are some 800 M
 * characters, past V8's string limit (about 537 M) and far past what a static host takes per
 * file, so no reader or writer holds them as one string:
 * - the entries, one JSON object per line (JSON Lines), in `manifest.jsonl`, or in parts
 *   `manifest/manifest-00001.jsonl` … of at most the part limit each (parts.ts);
 * - `manifest.json`: the run's header (version, raw_dir, counts, tables) and `files_jsonl`,
 *   the paths of those files; while the whole document stays under the part limit it also keeps
 *   the entries inline as `files`, as before version 2, written entry by entry.
 */

export const MANIFEST_FILE = 'manifest.json';

/** Writes manifest.json and the entries' JSON Lines into `dir`; returns every path written. */
export function writeManifest(dir: string, manifest: Manifest, limit: number): string[] {
  const { files, tables, ...head } = manifest;
  const lines = new LineParts(dir, 'manifest', 'jsonl', limit);
  const doc = new InlineArrayDoc(join(dir, MANIFEST_FILE), head, 'files', 2, limit);
  for (const e of files) {
    lines.write(JSON.stringify(e));
    doc.add(e);
  }
  return finishManifest(dir, head, lines, doc, tables);
}

/**
 * `writeManifest`, the entries written while the tables' hashes (which only the header needs,
 * at its end) are still being computed: the ingest writes them while DuckDB exports the tables.
 * It lets the event loop run every few thousand entries, so that the exports it waits for are
 * not held up. The same bytes as `writeManifest`.
 */
export async function writeManifestWhile(
  dir: string,
  manifest: Manifest,
  tables: Promise<Manifest['tables']>,
  limit: number,
): Promise<string[]> {
  // The header's tables are the ones awaited (a `tables` already in `manifest` is not kept).
  const { files, tables: _stale, ...head } = manifest;
  const lines = new LineParts(dir, 'manifest', 'jsonl', limit);
  const doc = new InlineArrayDoc(join(dir, MANIFEST_FILE), head, 'files', 2, limit);
  for (let i = 0; i < files.length; i++) {
    const e = files[i]!;
    lines.write(JSON.stringify(e));
    doc.add(e);
    if (i % 2000 === 1999) await new Promise((r) => setImmediate(r));
  }
  return finishManifest(dir, head, lines, doc, await tables);
}

function finishManifest(
  dir: string,
  head: Omit<Manifest, 'files' | 'tables'>,
  lines: LineParts,
  doc: InlineArrayDoc,
  tables: Manifest['tables'],
): string[] {
  const jsonl = lines.close();
  // Too large to keep the entries inline: the header alone (a few KB).
  if (!doc.finish({ files_jsonl: jsonl, tables }))
    writeJsonDoc(join(dir, MANIFEST_FILE), { ...head, files_jsonl: jsonl, tables }, 2);
  return [MANIFEST_FILE, ...jsonl];
}

/** The largest manifest.json read whole: ours are under the part limit; an older, inline one may be larger. */
const MAX_HEADER_BYTES = 256 << 20;

/** manifest.json without its inline entries (read whole: it is small). */
export function readManifestHeader(dir: string): ManifestHeader {
  const path = join(dir, MANIFEST_FILE);
  const size = statSync(path).size;
  if (size > MAX_HEADER_BYTES)
    throw new Error(`${path} is ${size} bytes, written by an older ingest: run \`npm run ingest\` again`);
  const { files: _inline, ...header } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return ManifestHeader.parse(header);
}

/**
 * Every entry, in path order, read line by line from the JSON Lines files (or, for a version 1
 * manifest, from its inline `files`). Each entry is validated. `mayMatch`: a test of a line's
 * JSON text that is true of every entry the caller wants (say, that it holds a diagnostic's
 * code): other lines are passed over unparsed (at 100,000 reports, parsing and validating every
 * entry took the quality page some 0.7 s a pass).
 */
export function manifestEntries(
  dir: string,
  header: ManifestHeader,
  mayMatch?: (line: string) => boolean,
): AsyncGenerator<ManifestEntry>;
/** The same, each line read by `parse` (which validates what it returns). */
export function manifestEntries<T>(
  dir: string,
  header: ManifestHeader,
  mayMatch: (line: string) => boolean,
  parse: (line: string) => T,
): AsyncGenerator<T>;
export async function* manifestEntries(
  dir: string,
  header: ManifestHeader,
  mayMatch: (line: string) => boolean = () => true,
  parse: (line: string) => unknown = (line) => ManifestEntry.parse(JSON.parse(line)),
): AsyncGenerator<unknown> {
  if (!header.files_jsonl) {
    const inline = (JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as { files?: unknown[] }).files ?? [];
    for (const e of inline) {
      const line = JSON.stringify(e);
      if (mayMatch(line)) yield parse(line);
    }
    return;
  }
  for (const file of header.files_jsonl) {
    const input = createReadStream(join(dir, file));
    try {
      for await (const line of createInterface({ input, crlfDelay: Infinity }))
        if (line && mayMatch(line)) yield parse(line);
    } finally {
      // A reader that stops early (`break`) must not leave the file open.
      input.destroy();
    }
  }
}

/** What the next run's history needs of an entry (ingest/history.ts); the rest is not validated. */
const PreviousReport = ManifestEntry.pick({ path: true, report_id: true, replaces: true });
type PreviousReport = z.infer<typeof PreviousReport>;
const PreviousCopy = ManifestEntry.pick({ path: true, outcome: true, sha256: true });

/**
 * An entry's path and report_id without parsing the rest of its line (some 1 KB of diagnostics).
 * The entries are JSON.stringify's, `path` first: in JSON text an unescaped `,"bytes":` or
 * `"report_id":"` cannot lie inside a string, so the first of each is the key. Any other line,
 * and one with `replaces`, is parsed whole and validated. A byte-identical copy (`duplicate`,
 * no report of its own) holds its report's id: the first 16 hex digits of its SHA-256.
 */
function previousReport(line: string): PreviousReport | null {
  const end = line.indexOf(',"bytes":');
  const id = /"report_id":"([0-9a-f]{16})"/.exec(line);
  if (line.startsWith('{"path":"') && end > 0 && id && !line.includes('"replaces":')) {
    const path: unknown = JSON.parse(line.slice(8, end));
    if (typeof path === 'string') return { path, report_id: id[1]! };
  }
  const json: unknown = JSON.parse(line);
  if (id || line.includes('"replaces":')) return PreviousReport.parse(json);
  const copy = PreviousCopy.parse(json);
  return copy.outcome === 'duplicate' && copy.sha256 ? { path: copy.path, report_id: copy.sha256.slice(0, 16) } : null;
}

/**
 * The entries with a report of the run published in `dir` (path, report_id, replaces), and its
 * byte-identical copies, for the next run's history (ingest/history.ts). Null when `dir` holds no
 * run. A manifest that cannot be read gives an error: the caller decides whether the history may
 * be lost. Synchronous, a part file at a time (each at most the part limit): at 100,000 entries an
 * async line reader and JSON.parse of every line took seconds of the main thread, which the
 * update's analysis needs.
 */
export function previousReports(dir: string): PreviousReport[] | null {
  if (!existsSync(join(dir, MANIFEST_FILE))) return null;
  const header = readManifestHeader(dir);
  const reports: PreviousReport[] = [];
  const take = (line: string) => {
    if (!line.includes('"report_id":"') && !line.includes('"outcome":"duplicate"')) return;
    const e = previousReport(line);
    if (e?.report_id) reports.push(e);
  };
  if (!header.files_jsonl) {
    const inline = (JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as { files?: unknown[] }).files ?? [];
    for (const e of inline) take(JSON.stringify(e));
  } else
    for (const file of header.files_jsonl)
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) take(line);
  return reports;
}
