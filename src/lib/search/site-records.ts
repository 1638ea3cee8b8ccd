import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { pageRecord, pageUrl, type SearchRecord } from './record.ts';
import { LineWriter } from './line-writer.ts';

/**
 * The search records of a built site (record.ts), one JSON text a line, in a fixed order: what
 * scripts/search-index.ts builds the index from. An incremental build (`npm run build --
 * --incremental`) keeps them in its cache folder (RecordCache) and parses again only the pages
 * whose HTML changed: at 100,000 reports reading and parsing every page was about 5 minutes of
 * a routine update whose pages were mostly copied unchanged.
 */

/** The folders of dist/ whose pages are indexed (report pages and the directory pages), in order. */
export const INDEXED_SECTIONS = ['reports', 'agencies', 'regions', 'years', 'kinds'] as const;

/** The files that may be indexed pages, relative to `dir`, in the records' order. */
export function* sitePages(dir: string): Generator<string> {
  for (const section of INDEXED_SECTIONS) {
    let entries: string[];
    try {
      entries = readdirSync(join(dir, section)).sort();
    } catch {
      continue;
    }
    // Other entries (reports/<id>.json) have no index.html: readPage gives null.
    for (const e of entries) yield `${section}/${e}/index.html`;
  }
}

function readPage(dir: string, file: string): Buffer | null {
  try {
    return readFileSync(join(dir, file));
  } catch {
    return null;
  }
}

/** The record of a page's bytes as a JSON line, or null when the page is not indexed. */
const parse = (bytes: Buffer, file: string): string | null => {
  // Only pages that mark what to index (lists and paging pages do not).
  const r: SearchRecord | null = pageRecord(bytes.toString('utf8'), pageUrl(file));
  return r ? JSON.stringify(r) : null;
};

export interface SiteRecordsCount {
  /** Pages read (indexed or not). */
  pages: number;
  /** Records written. */
  records: number;
  /** Pages parsed (the others' records came from the cache). */
  parsed: number;
  /** Files read (with a cache, the others are the files the last build read: `fileIdentity`). */
  read: number;
}

/**
 * The record of each indexed page of the built site `dir`, in the order of sitePages, given to
 * `to`: a function called with each record's line, or a RecordCache, which writes them to its
 * records file, gives a page whose bytes are the cached page's bytes its cached record (the same
 * text) instead of parsing it, and remembers every page for the next build. With a cache, a page
 * that is the very file the last build digested (`fileIdentity`) is not read at all.
 */
export function writeSiteRecords(dir: string, to: ((line: string) => void) | RecordCache): SiteRecordsCount {
  const n: SiteRecordsCount = { pages: 0, records: 0, parsed: 0, read: 0 };
  const cache = to instanceof RecordCache ? to : null;
  for (const file of sitePages(dir)) {
    if (cache) {
      // The very file digested by the last build (a page the incremental build kept: a hard link
      // to the cache's copy) is not read again; any other is read and digested.
      const stat = fileIdentity(dir, file);
      if (stat === null) continue;
      let digest = cache.digestOf(file, stat);
      let line: string | null | undefined;
      if (digest !== undefined) line = cache.get(file, digest);
      if (line === undefined) {
        const bytes = readPage(dir, file);
        if (!bytes) continue;
        n.read++;
        digest = pageDigest(bytes);
        line = cache.get(file, digest);
        if (line === undefined) {
          line = parse(bytes, file);
          n.parsed++;
        }
      }
      n.pages++;
      cache.put(file, digest!, line, stat);
      if (line !== null) n.records++;
      continue;
    }
    const bytes = readPage(dir, file);
    if (!bytes) continue;
    n.pages++;
    n.read++;
    const line = parse(bytes, file);
    n.parsed++;
    if (line === null) continue;
    (to as (line: string) => void)(line);
    n.records++;
  }
  return n;
}

/** The proof that a page is the cached page: the SHA-256 of its bytes (the file itself, not its size or time). */
export const pageDigest = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('base64url');

/**
 * Which file a page is: its device, inode, size and modification time in nanoseconds (what git's
 * index trusts), or null when it is not there. The same identity as the file a build digested is
 * that file, unchanged: a page written again is a new file (scripts/unshared-writes.mjs breaks
 * a hard link before a write), and a page the incremental build keeps is a hard link to the file
 * the last build digested (its cached copy: the same inode). At 100,000 reports reading and
 * digesting every page took 31 s of a routine update's search step.
 */
export function fileIdentity(dir: string, file: string): string | null {
  try {
    const s = statSync(join(dir, file), { bigint: true });
    return s.isFile() ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}` : null;
  } catch {
    return null;
  }
}

const FORMAT = 'nianbao-search-records 2';

/**
 * What else a record depends on: the code that reads it from the HTML (this folder: record.ts and
 * what it imports; the whole folder, which is simpler to get right than its import graph), the
 * packages (the lockfile: htmlparser2, entities) and Node (its Unicode tables: record.ts's
 * `\p{L}`). A record of another code is never reused. When a file cannot be read, a key that
 * matches nothing.
 */
export function recordCode(): string {
  try {
    const h = createHash('sha256').update(`${FORMAT}\u0000${process.versions.node}\u0000${process.versions.unicode}`);
    const here = new URL('.', import.meta.url);
    for (const f of readdirSync(here).sort()) h.update(`${f}\u0000`).update(readFileSync(new URL(f, here)));
    h.update(readFileSync(new URL('../../../package-lock.json', import.meta.url)));
    return h.digest('base64url');
  } catch {
    return `unknown ${randomBytes(16).toString('hex')}`;
  }
}

interface Cached {
  digest: string;
  /** The file's identity when it was digested (fileIdentity). */
  stat: string;
  /** Where its record's line is in the records file: offset and byte length; -1: not indexed. */
  at: number;
  length: number;
}

/**
 * The records of the previous build, by page file and digest of its bytes, in the cache folder
 * `dir`: `pages.tsv` (a header naming the code and the records file, then a line a page: its file
 * as JSON, its digest, its record's offset and length in the records file) and the records file
 * (`records-<random>.jsonl`, one record a line: the index's source). A build writes a new records
 * file while it reads the old one, and `commit` replaces pages.tsv in one rename before it removes
 * the old file, so that a build stopped at any point leaves a pages.tsv that matches its records
 * file, or none. Only the pages of the last build are kept: pages that are gone drop out.
 */
export class RecordCache {
  private readonly old = new Map<string, Cached>();
  private oldFd: number | null = null;
  private readonly pages: string[] = [];
  private readonly out: LineWriter;
  private closed = false;
  /** The new records file: every record written through `put`, in order. */
  readonly recordsFile: string;

  constructor(
    private readonly dir: string,
    private readonly code = recordCode(),
  ) {
    mkdirSync(dir, { recursive: true });
    const index = join(dir, 'pages.tsv');
    if (existsSync(index)) {
      const [head, ...lines] = readFileSync(index, 'utf8').split('\n');
      const [format, oldCode, file] = (head ?? '').split('\t');
      if (format === FORMAT && oldCode === code && file && existsSync(join(dir, file))) {
        try {
          for (const l of lines) {
            if (!l) continue;
            const [path, digest, at, length, stat] = l.split('\t');
            const c = { digest: digest!, at: Number(at), length: Number(length), stat: stat ?? '' };
            if (!digest || !stat || !Number.isInteger(c.at) || !Number.isInteger(c.length)) throw new Error(l);
            this.old.set(JSON.parse(path!) as string, c);
          }
          this.oldFd = openSync(join(dir, file), 'r');
        } catch {
          // A damaged page list (edited by hand, a full disk): no record is taken from it.
          this.old.clear();
        }
      }
    }
    this.recordsFile = join(dir, `records-${randomBytes(6).toString('hex')}.jsonl`);
    this.out = new LineWriter(this.recordsFile);
  }

  /** The digest of `file` when it is the very file the last build digested (fileIdentity), else undefined. */
  digestOf(file: string, stat: string): string | undefined {
    const c = this.old.get(file);
    return c && c.stat === stat ? c.digest : undefined;
  }

  /** The cached record line of `file` if its digest is `digest`: a string, null (not indexed), or undefined (not cached). */
  get(file: string, digest: string): string | null | undefined {
    const c = this.old.get(file);
    if (!c || c.digest !== digest) return undefined;
    if (c.at < 0) return null;
    if (this.oldFd === null) return undefined;
    const b = Buffer.allocUnsafe(c.length);
    if (readSync(this.oldFd, b, 0, c.length, c.at) !== c.length) return undefined;
    return b.toString('utf8');
  }

  /** Remembers `file`'s record for the next build, and writes it to the new records file. */
  put(file: string, digest: string, line: string | null, stat: string): void {
    if (line === null) {
      this.pages.push(`${JSON.stringify(file)}\t${digest}\t-1\t0\t${stat}`);
      return;
    }
    const at = this.out.write(line);
    this.pages.push(`${JSON.stringify(file)}\t${digest}\t${at}\t${Buffer.byteLength(line)}\t${stat}`);
  }

  /** Closes the new records file (to be read as the index's source). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.out.close();
    if (this.oldFd !== null) closeSync(this.oldFd);
  }

  /** Makes this build's records the cache, and removes every other records file. */
  commit(): void {
    this.close();
    const index = join(this.dir, 'pages.tsv');
    const name = basename(this.recordsFile);
    const lines = [[FORMAT, this.code, name].join('\t'), ...this.pages, ''];
    const fd = openSync(`${index}.new`, 'w');
    try {
      writeSync(fd, lines.join('\n'));
    } finally {
      closeSync(fd);
    }
    renameSync(`${index}.new`, index);
    for (const f of readdirSync(this.dir))
      if (/^records-[0-9a-f]+\.jsonl$/.test(f) && f !== name) rmSync(join(this.dir, f), { force: true });
  }

  /** Leaves the cache as it was (a failed build). */
  abandon(): void {
    this.close();
    rmSync(this.recordsFile, { force: true });
  }
}
