import { createReadStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
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
export async function* manifestEntries(
  dir: string,
  header: ManifestHeader,
  mayMatch: (line: string) => boolean = () => true,
): AsyncGenerator<ManifestEntry> {
  if (!header.files_jsonl) {
    const inline = (JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as { files?: unknown[] }).files ?? [];
    for (const e of inline) if (mayMatch(JSON.stringify(e))) yield ManifestEntry.parse(e);
    return;
  }
  for (const file of header.files_jsonl) {
    const input = createReadStream(join(dir, file));
    try {
      for await (const line of createInterface({ input, crlfDelay: Infinity }))
        if (line && mayMatch(line)) yield ManifestEntry.parse(JSON.parse(line));
    } finally {
      // A reader that stops early (`break`) must not leave the file open.
      input.destroy();
    }
  }
}
