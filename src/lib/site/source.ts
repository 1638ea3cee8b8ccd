import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { convertSync } from '../decode/convert-sync.ts';
import { decode } from '../decode/decode.ts';
import { readsAsDocument } from '../ingest/by-content.ts';
import { unescapeName } from '../ingest/names.ts';
import { readRaw } from '../ingest/walk.ts';

/**
 * The raw file behind a report, decoded, as lines (line numbers match the cells' `line`).
 * The raw directory is NIANBAO_RAW (default data/raw); `sourceFile` is the manifest's path
 * (escaped bytes for a name that is not UTF-8, see ingest/names.ts). A path that would leave
 * the raw folder, also through a symbolic link, is refused. A PDF or Word file gives the text
 * the ingest extracted from it (for a .docx, the HTML it was converted to), whose lines the
 * cells' `line` count. With `sha256`, null for a file that is not the one the ingest read.
 */
export function readSource(sourceFile: string, sha256?: string): string[] | null {
  const d = readSourceDocument(sourceFile, sha256);
  return typeof d === 'object' && d !== null ? d.lines : null;
}

/** The raw folder's real path, found once per folder (each report page asks). Throws when it is not there. */
function rawRoot(dir: string): Buffer {
  let root = ROOTS.get(dir);
  if (!root) ROOTS.set(dir, (root = realpathSync.native(Buffer.from(dir), { encoding: 'buffer' })));
  return root;
}
const ROOTS = new Map<string, Buffer>();

/**
 * The raw file's bytes, or null when it is not there (or its path would leave the raw directory).
 * With `sha256` (the report's `source_sha256`), also null when the file is not the one the
 * ingest read: a file changed since would show other numbers than the report's, under its name.
 */
export function readSourceBytes(sourceFile: string, sha256?: string): Uint8Array | null {
  const bytes = readRawSource(sourceFile);
  if (bytes && sha256 !== undefined && createHash('sha256').update(bytes).digest('hex') !== sha256) return null;
  return bytes;
}

function readRawSource(sourceFile: string): Uint8Array | null {
  try {
    const full = rawSourcePath(sourceFile);
    return full && readRaw(full);
  } catch {
    return null;
  }
}

/**
 * A report's raw file under NIANBAO_RAW as named (before any symbolic link is resolved), or null
 * when the name has an empty, `.` or `..` part.
 */
export function rawSourceCandidate(sourceFile: string): Buffer | null {
  if (sourceFile.split('/').some((p) => p === '' || p === '.' || p === '..')) return null;
  return Buffer.concat([rawRoot(resolve(process.env.NIANBAO_RAW ?? 'data/raw')), SLASH, unescapeName(sourceFile)]);
}

const SLASH = Buffer.from('/');

/**
 * The real path of a report's raw file under NIANBAO_RAW, or null when the path would leave the
 * raw folder (also through a symbolic link). Throws when it is not there.
 */
export function rawSourcePath(sourceFile: string): Buffer | null {
  const root = rawRoot(resolve(process.env.NIANBAO_RAW ?? 'data/raw'));
  const path = rawSourceCandidate(sourceFile);
  if (!path) return null;
  const full = realpathSync.native(path, { encoding: 'buffer' });
  if (!(full.length > root.length && full.subarray(0, root.length).equals(root) && full[root.length] === 0x2f))
    return null;
  return full;
}

/** A source file's lines and, for a PDF, the page each line was read on. */
export interface SourceDocument {
  lines: string[];
  pages: Array<number | null>;
}

/**
 * The source lines and, for a PDF, the page each line was read on; `changed` when the raw file
 * is there but is not the one the ingest read (its SHA-256 is not the report's `source_sha256`:
 * edited after the ingest), null when it is not there.
 */
export function readSourceDocument(
  sourceFile: string,
  sha256?: string,
  read?: { sha256: string | null },
): SourceDocument | 'changed' | null {
  const bytes = readRawSource(sourceFile);
  // `read`: the SHA-256 of the bytes read (null: none), for the page's key (page-keys.ts).
  const sha = bytes && (sha256 !== undefined || read) ? createHash('sha256').update(bytes).digest('hex') : null;
  if (read) read.sha256 = sha;
  if (!bytes) return null;
  if (sha256 !== undefined && sha !== sha256) return 'changed';
  try {
    // Read as the ingest reads it: a web page under a Word name as the text it is, a PDF under a
    // text name, or under a name read by content (no extension, .asp …), as the document it is.
    if (readsAsDocument(sourceFile, bytes)) {
      const c = convertSync(sourceFile, new Uint8Array(bytes));
      if (!c.ok) return null;
      if (c.format === 'pdf') return { lines: c.located.map((l) => l.raw), pages: c.located.map((l) => l.page) };
      const lines = ('html' in c ? c.html : c.text).split(/\r\n|\r|\n/);
      return { lines, pages: lines.map(() => null) };
    }
    const d = decode(bytes);
    if (!d.ok) return null;
    const lines = d.text.split(/\r\n|\r|\n/);
    return { lines, pages: lines.map(() => null) };
  } catch {
    return null;
  }
}
