import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * No published file grows with the corpus (issue 16): a static host or CDN takes files up to
 * 25 MiB (Cloudflare Pages; some hosts count 25 MB), so every dataset, the manifest's entries
 * and the reports index are written as one file while they fit in PART_BYTES, and otherwise as
 * numbered parts of at most PART_BYTES each, in order. Concatenated in order (the header row of
 * every CSV part after the first dropped), the parts are exactly the single file. A table's CSV
 * that does not fit in one file is gzip-compressed instead (`.csv.gz`, export.ts), and cut into
 * parts only when the compressed file does not fit: each part is then a gzip file of its own,
 * cut on its compressed size.
 *
 * Names: `<name>.<ext>` when one file; `<name>/<name>-00001.<ext>`, `…-00002.<ext>` … when in
 * parts (1-based, zero-padded so that name order is part order for globs and `ls`); `ext` may
 * have two dots (`csv.gz`).
 */

/** 20 MiB: under 25 MiB and under 25 MB, whichever a host means. */
export const DEFAULT_PART_BYTES = 20 * 1024 * 1024;

/** The part limit; NIANBAO_PART_BYTES overrides it (tests use a few KB to get many parts from a tiny corpus). */
export const PART_BYTES = partBytesFrom(process.env.NIANBAO_PART_BYTES);

export function partBytesFrom(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PART_BYTES;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1024)
    throw new Error(`NIANBAO_PART_BYTES must be a whole number ≥ 1024, not ${value}`);
  return n;
}

/** The path of one file: the single file (`part` null) or part `part` (0-based). */
export function partPath(name: string, ext: string, part: number | null): string {
  if (part === null) return `${name}.${ext}`;
  const base = name.slice(name.lastIndexOf('/') + 1);
  return `${name}/${base}-${String(part + 1).padStart(5, '0')}.${ext}`;
}

/** The paths of `count` parts (count 0 = the single file). */
export function partPaths(name: string, ext: string, count: number): string[] {
  return count === 0 ? [partPath(name, ext, null)] : Array.from({ length: count }, (_, i) => partPath(name, ext, i));
}

export interface Cut {
  offset: number;
  rows: number;
}

/** Rows written at first to see whether a table fits in one file (a bounded guess, not the whole table). */
const PROBE_ROWS = 1 << 16;
/** Aim a little under the limit: a part's size is nearly, not exactly, proportional to its rows. */
const AIM = 0.95;

/**
 * Whether `total` rows fit in one file of at most `limit` bytes, writing as little as it can:
 * the first rows (a probe) say so when they are all the rows, or are over the limit themselves,
 * or put the whole table clearly over it (by more than the margin of AIM); otherwise the whole
 * table is written to know. When the answer is true, the last `write` was of all the rows.
 * Depends on the sizes only, so the same rows give the same answer.
 */
export async function fitsInOne(opts: {
  total: number;
  limit: number;
  write: (cut: Cut) => Promise<number>;
  probeRows?: number;
}): Promise<boolean> {
  const { total, limit, write } = opts;
  const probe = { offset: 0, rows: Math.min(total, opts.probeRows ?? PROBE_ROWS) };
  const size = await write(probe);
  if (probe.rows === total || size > limit) return size <= limit;
  if ((size / probe.rows) * total > limit / AIM) return false;
  return (await write({ offset: 0, rows: total })) <= limit;
}

/**
 * Writes `total` rows, in order, as one file when it fits in `limit` bytes, otherwise as parts of
 * at most `limit` bytes (a single row larger than the limit is a part of its own). `write(cut)`
 * writes those rows to a scratch file and returns its size; `keep(part, cut)` moves the scratch
 * file to its place (`part` null: the single file). Every decision depends on the sizes only, so
 * the same rows give the same parts.
 *
 * Returns the cuts kept (one, with `part` null, when the table is a single file).
 */
export async function writeFitted(opts: {
  total: number;
  limit: number;
  write: (cut: Cut) => Promise<number>;
  keep: (part: number | null, cut: Cut) => Promise<void>;
  probeRows?: number;
}): Promise<{ single: boolean; cuts: Cut[] }> {
  const { total, limit, write, keep } = opts;
  const whole = { offset: 0, rows: total };
  const probe = { offset: 0, rows: Math.min(total, opts.probeRows ?? PROBE_ROWS) };
  let size = await write(probe);
  let measured = probe.rows;
  if (probe.rows === total && size <= limit) {
    await keep(null, whole);
    return { single: true, cuts: [whole] };
  }
  // The probe suggests the whole table fits: write it whole to know.
  if (probe.rows < total && (size / probe.rows) * total <= AIM * limit) {
    size = await write(whole);
    measured = total;
    if (size <= limit) {
      await keep(null, whole);
      return { single: true, cuts: [whole] };
    }
  }
  const cuts: Cut[] = [];
  let perRow = size / Math.max(1, measured);
  for (let offset = 0; offset < total;) {
    let rows = Math.min(total - offset, Math.max(1, Math.floor((AIM * limit) / perRow)));
    let bytes = await write({ offset, rows });
    // Too big: shrink in proportion (strictly fewer rows each time, so this ends).
    while (bytes > limit && rows > 1) {
      rows = Math.max(1, Math.min(rows - 1, Math.floor((rows * AIM * limit) / bytes)));
      bytes = await write({ offset, rows });
    }
    const cut = { offset, rows };
    await keep(cuts.length, cut);
    cuts.push(cut);
    offset += rows;
    // A single row over the limit says nothing about the rows after it.
    if (rows > 1 || bytes <= limit) perRow = bytes / rows;
  }
  return { single: false, cuts };
}

/**
 * Text lines (JSON Lines) into parts of at most `limit` bytes, cut between lines (a line longer
 * than the limit is a part of its own). Synchronous writes with a buffer, like the manifest
 * writer. `close()` returns the paths relative to `dir`: the single file when everything fit in
 * one part, otherwise the parts.
 */
export class LineParts {
  private fd: number | null = null;
  private part = 0;
  private size = 0;
  private buf: string[] = [];
  private bufBytes = 0;
  private lines = 0;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    private readonly ext: string,
    private readonly limit: number,
  ) {}

  /** One line, without its newline. */
  write(line: string): void {
    const text = `${line}\n`;
    const bytes = Buffer.byteLength(text);
    if (this.fd === null) this.open();
    else if (this.size > 0 && this.size + bytes > this.limit) {
      this.closePart();
      this.part++;
      this.open();
    }
    this.buf.push(text);
    this.bufBytes += bytes;
    this.size += bytes;
    this.lines++;
    if (this.bufBytes > 1 << 20) this.flush();
  }

  get count(): number {
    return this.lines;
  }

  close(): string[] {
    if (this.fd === null) this.open(); // no lines: one empty file
    this.closePart();
    const parts = this.part + 1;
    if (parts > 1) return partPaths(this.name, this.ext, parts);
    // Everything fit in one part: it is the single file.
    const single = partPath(this.name, this.ext, null);
    renameSync(join(this.dir, partPath(this.name, this.ext, 0)), join(this.dir, single));
    rmSync(join(this.dir, this.name), { recursive: true, force: true });
    return [single];
  }

  private open(): void {
    const path = join(this.dir, partPath(this.name, this.ext, this.part));
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
    this.size = 0;
  }

  private flush(): void {
    if (this.fd !== null && this.buf.length) writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.bufBytes = 0;
  }

  private closePart(): void {
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
