import { closeSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import type { FileResult } from './analyze.ts';

/**
 * The light packs of an incremental ingest: each file's analysis without its rows (what the
 * analysis cache keeps as `<key>.bin`, analysis-cache.ts), one after the other in the run's path
 * order, in a few files beside the run's ledger (write/retained.ts, which keeps where each entry
 * is). The next run takes the files it does not read (same identity, walk.ts) in that same order,
 * and its workers read a batch's entries with one read per pack instead of opening one small file
 * each: at 100,000 reports, out of the page cache (a routine update's case), the two workers
 * spent 8 s each opening and reading 99,000 `.bin` files.
 *
 * A run writes the entries of the files it did not take from a pack into a new pack of its own
 * and keeps pointing at the previous packs for the others, so that an update writes a thousand
 * entries, not a hundred thousand; once the packs are many, or mostly entries no file points at,
 * the live entries are written into one new pack (`LightPackWriter.close`). Packs are never
 * changed once written.
 *
 * An entry is taken only when its bytes are those written (their CRC-32, kept in the ledger with
 * its place) and it names the file asked for (path, size and SHA-256, `lightEntry`); otherwise,
 * and when a pack cannot be read, the worker reads the cache's own file as before.
 */

/** Where an entry is: its pack (a path), byte offset, length, and the CRC-32 of its bytes. */
export interface PackRef {
  file: string;
  at: number;
  length: number;
  crc: number;
}

/** Path → its entry. */
export type PackIndex = Map<string, PackRef>;

/** Packs beyond this many, or more dead bytes than live ones, and the next run writes one pack. */
export const MAX_PACKS = 4;

/** A result as the analysis cache keeps it without rows: no rows, no run-specific marks. */
export function lightOf(r: Extract<FileResult, { rejected: null }>): FileResult {
  const { ndjson: _rows, retained: _retained, identity: _identity, ...light } = r;
  return light;
}

/** Appends entries to a new pack file. */
class PackFile {
  private readonly fd: number;
  private at = 0;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'wx');
  }

  append(b: Uint8Array, crc = crc32(b)): PackRef {
    const ref = { file: this.file, at: this.at, length: b.byteLength, crc };
    this.at += b.byteLength;
    this.pending.push(b);
    this.pendingBytes += b.byteLength;
    if (this.pendingBytes >= 1 << 20) this.flush();
    return ref;
  }

  get size(): number {
    return this.at;
  }

  private flush(): void {
    if (!this.pending.length) return;
    const all = Buffer.concat(this.pending, this.pendingBytes);
    for (let off = 0; off < all.length;) off += writeSync(this.fd, all, off, all.length - off);
    this.pending = [];
    this.pendingBytes = 0;
  }

  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }
}

/**
 * This run's index of entries, collected in path order: an entry taken from a previous pack
 * stays where it is; any other is appended to this run's pack, `newPack()` (a path), made when
 * the first such entry comes.
 */
export class LightPackWriter {
  readonly index: PackIndex = new Map();
  private own: PackFile | null = null;
  private closed = false;

  constructor(
    private readonly newPack: () => string,
    private readonly previous: PackIndex = new Map(),
  ) {}

  /**
   * Adds `r`'s entry when it has rows counted (the files an incremental run may retain). `taken`:
   * its analysis came from its entry in a previous pack, which is kept.
   */
  add(r: FileResult, taken = false): void {
    if (this.closed || r.rejected || !r.counts || this.index.has(r.path)) return;
    const old = taken ? this.previous.get(r.path) : undefined;
    if (old) this.index.set(r.path, old);
    else this.index.set(r.path, (this.own ??= new PackFile(this.newPack())).append(serialize(lightOf(r))));
  }

  /**
   * Finishes this run's pack and keeps the entries of the files `kept` says the ledger records
   * (a copy of another file, say, has an entry but no line: it is read every run); then, when the
   * index points into more than MAX_PACKS packs or their dead bytes outnumber the live ones,
   * writes every live entry into one new pack (those that cannot be read whole and unchanged are
   * left out: their files' `.bin` will be read). Returns the packs the index points into; a pack
   * of this run's that none of them is in is removed.
   */
  close(kept: (path: string) => boolean = () => true): string[] {
    if (this.closed) return this.packs();
    this.closed = true;
    this.own?.close();
    for (const path of this.index.keys()) if (!kept(path)) this.index.delete(path);
    const live = new Map<string, number>();
    for (const ref of this.index.values()) live.set(ref.file, (live.get(ref.file) ?? 0) + ref.length);
    let size = 0;
    for (const file of live.keys()) size += sizeOf(file);
    const used = [...live.values()].reduce((a, b) => a + b, 0);
    if (live.size > MAX_PACKS || size - used > used) this.compact();
    const packs = this.packs();
    if (this.own && !packs.includes(this.own.file)) rmSync(this.own.file, { force: true });
    return packs;
  }

  private packs(): string[] {
    return [...new Set([...this.index.values()].map((r) => r.file))];
  }

  private compact(): void {
    const to = new PackFile(this.newPack());
    const readers = new Map<string, WindowReader>();
    try {
      for (const [path, ref] of this.index) {
        let reader = readers.get(ref.file);
        if (!reader) readers.set(ref.file, (reader = new WindowReader(ref.file)));
        const b = reader.read(ref.at, ref.length);
        if (b && crc32(b) === ref.crc) this.index.set(path, to.append(b, ref.crc));
        else this.index.delete(path);
      }
    } finally {
      to.close();
      for (const r of readers.values()) r.close();
    }
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Reads a file front to back through a window of a few MB (entries in ascending order). */
class WindowReader {
  private readonly fd: number | null;
  private buf: Buffer = Buffer.alloc(0);
  private from = 0;

  constructor(file: string) {
    let fd: number | null = null;
    try {
      fd = openSync(file, 'r');
    } catch {
      // A pack gone: its entries are left out.
    }
    this.fd = fd;
  }

  read(at: number, length: number): Uint8Array | null {
    if (this.fd === null) return null;
    if (at < this.from || at + length > this.from + this.buf.length) {
      this.buf = readAt(this.fd, at, Math.max(length, 4 << 20));
      this.from = at;
    }
    const b = this.buf.subarray(at - this.from, at - this.from + length);
    return b.length === length ? b : null;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
  }
}

/** Up to `length` bytes at `at` (fewer at the file's end), in a buffer of their own. */
function readAt(fd: number, at: number, length: number): Buffer {
  const buf = Buffer.allocUnsafeSlow(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, at + got);
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}

/**
 * Reads entries (a worker's batch), one read per pack of the span from its first entry to its
 * last when they lie close together (consecutive files), else one read each. Open packs are kept
 * in `open` (path → descriptor, null: cannot be opened) for the next batch. Each entry's bytes,
 * or null when they cannot be read whole or are not those written (CRC-32).
 */
export function readEntries(refs: ReadonlyArray<PackRef>, open: Map<string, number | null>): Array<Uint8Array | null> {
  const out: Array<Uint8Array | null> = refs.map(() => null);
  const byFile = new Map<string, number[]>();
  refs.forEach((r, i) => byFile.set(r.file, [...(byFile.get(r.file) ?? []), i]));
  for (const [file, which] of byFile) {
    if (!open.has(file)) {
      try {
        open.set(file, openSync(file, 'r'));
      } catch {
        open.set(file, null);
      }
    }
    const fd = open.get(file);
    if (fd === null || fd === undefined) continue;
    which.sort((a, b) => refs[a]!.at - refs[b]!.at);
    const first = refs[which[0]!]!.at;
    const last = refs[which.at(-1)!]!;
    const span = last.at + last.length - first;
    const sum = which.reduce((n, i) => n + refs[i]!.length, 0);
    const keep = (i: number, b: Uint8Array) => {
      if (b.length === refs[i]!.length && crc32(b) === refs[i]!.crc) out[i] = b;
    };
    try {
      if (span <= Math.max(1 << 22, 2 * sum)) {
        const buf = readAt(fd, first, span);
        for (const i of which) keep(i, buf.subarray(refs[i]!.at - first, refs[i]!.at - first + refs[i]!.length));
      } else for (const i of which) keep(i, readAt(fd, refs[i]!.at, refs[i]!.length));
    } catch {
      // A pack cut short or gone: those entries are read from the cache's files instead.
    }
  }
  return out;
}

/**
 * The analysis without rows in `bytes` (a pack's entry) when it is that of the file asked for:
 * its path, size and SHA-256 (`sha256`, the ledger's for a file taken unread), not rejected, with
 * its rows counted. Otherwise null, as for bytes that do not deserialise.
 */
export function lightEntry(
  bytes: Uint8Array,
  file: { path: string; size: number; sha256: string },
): Extract<FileResult, { rejected: null }> | null {
  try {
    const r = deserialize(bytes) as FileResult | null;
    if (!r || typeof r !== 'object' || r.rejected !== null || !r.counts) return null;
    return r.path === file.path && r.size === file.size && r.sha256 === file.sha256 ? r : null;
  } catch {
    return null;
  }
}
