// realpathSync.native: the JS realpath turns a Buffer path into a string, losing non-UTF-8 bytes.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statfsSync,
  statSync,
  type BigIntStats,
  type PathLike,
  type Dirent,
  type Stats,
} from 'node:fs';
import { escapeName } from './names.ts';

/**
 * The raw folder, walked with byte-exact paths (Buffers), so a name that is not valid UTF-8 is
 * still found and read. Every entry that is not a plain file or folder is listed with the reason
 * it is not read, so nothing disappears from the manifest: symbolic links are followed only to a
 * file inside the raw folder (never outside it, never into a folder, so no loop); FIFOs, devices
 * and sockets are never opened. This is the edge that touches the file system.
 */

export interface RawEntry {
  /** Path relative to the raw folder, `/`-separated, escaped (see names.ts). */
  path: string;
  size: number;
  /** What to read: the file itself, or the target of a symbolic link inside the raw folder. */
  abs: Buffer;
  /** Set when the entry is not read: why. */
  skip?: string;
  /**
   * Which file this is (`fileIdentity`), for a regular file `settled` when walked: an
   * incremental ingest takes a file with the identity of one the previous run read for that
   * file, unread (write/retained.ts).
   */
  identity?: string;
}

/**
 * A file changed less than this before it is read is not vouched for by its identity: a write
 * within the same clock tick as an earlier one leaves the times as they were (what git calls
 * "racily clean"), and so does a write through a shared memory map to a page still dirty (the
 * kernel sets the times at the first write to a clean page and writes dirty pages back within
 * about 35 s by default: a fresh tester's second write through one `mmap`, 2.5 s after the
 * first, went unseen). The incremental ingest (the raw files it read) and build
 * (site/source-shas.ts) both go by it.
 */
export const SETTLED_NS = 60_000_000_000n;

/**
 * Which file this is: its device, inode, size, and modification and change times in
 * nanoseconds. A file written again, replaced, renamed over or touched back to its old time is
 * another: the kernel sets the change time on every write, and a user cannot set it back
 * (`touch -r` restores the modification time only).
 */
export const fileIdentity = (s: BigIntStats): string => `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;

/** Whether the file had not changed for SETTLED_NS (or `settledNs`) at `now` (ns since the epoch). */
export function settled(s: BigIntStats, now: bigint, settledNs = SETTLED_NS): boolean {
  const latest = s.mtimeNs > s.ctimeNs ? s.mtimeNs : s.ctimeNs;
  return now - latest > settledNs;
}

/**
 * File systems that keep their pages in memory and never write them back (tmpfs, ramfs): there
 * a write through a memory map never moves a file's times, however long one waits (a fresh
 * tester's `/dev/shm`). Their files have no identity to go by.
 */
const NO_WRITEBACK = new Set([0x01021994, 0x858458f6]);

/** Whether the times of files in `dir` move with every write that reaches them (not tmpfs or ramfs). */
export function timesKept(dir: PathLike): boolean {
  try {
    return !NO_WRITEBACK.has(Number(statfsSync(dir).type));
  } catch {
    return false;
  }
}

const SLASH = Buffer.from('/');

export function walkRaw(rawDir: string): RawEntry[] {
  const root = realpathSync.native(Buffer.from(rawDir), { encoding: 'buffer' });
  const out: RawEntry[] = [];
  // Tests set NIANBAO_SETTLED_MS (-1: every file settled) to give the files they just wrote an identity.
  const ms = Number(process.env.NIANBAO_SETTLED_MS || NaN);
  const settledNs = Number.isFinite(ms) ? BigInt(Math.round(ms * 1e6)) : SETTLED_NS;
  walk(root, [], root, out, { now: BigInt(Date.now()) * 1_000_000n, settledNs });
  return out;
}

function inside(root: Buffer, p: Buffer): boolean {
  return p.length > root.length && p.subarray(0, root.length).equals(root) && p[root.length] === 0x2f;
}

function kindOf(s: Stats | BigIntStats | Dirent<Buffer>): string | null {
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device file';
  if (s.isSocket()) return 'a socket';
  return null;
}

function walk(dir: Buffer, rel: string[], root: Buffer, out: RawEntry[], at: { now: bigint; settledNs: bigint }): void {
  let entries: Dirent<Buffer>[];
  let kept: boolean | null = null;
  try {
    entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    if (rel.length === 0) throw e;
    out.push({
      path: rel.join('/'),
      size: 0,
      abs: dir,
      skip: `folder could not be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    });
    return;
  }
  for (const e of entries) {
    const full = Buffer.concat([dir, SLASH, e.name]);
    const parts = [...rel, escapeName(e.name)];
    const path = parts.join('/');
    const skip = (why: string): void => {
      out.push({ path, size: 0, abs: full, skip: why });
    };
    if (e.isDirectory()) walk(full, parts, root, out, at);
    else if (e.isFile()) {
      const s = lstatSync(full, { bigint: true });
      kept ??= timesKept(dir);
      const identity = kept && settled(s, at.now, at.settledNs) ? fileIdentity(s) : null;
      out.push({ path, size: Number(s.size), abs: full, ...(identity ? { identity } : {}) });
    } else if (e.isSymbolicLink()) link(full, path, root, out);
    else {
      const kind = kindOf(e) ?? kindOf(lstatSync(full));
      skip(`${kind ?? 'not a regular file'}: not a regular file, not read`);
    }
  }
}

function link(full: Buffer, path: string, root: Buffer, out: RawEntry[]): void {
  const skip = (why: string): void => {
    out.push({ path, size: 0, abs: full, skip: why });
  };
  let target: Buffer;
  try {
    target = realpathSync.native(full, { encoding: 'buffer' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return skip('symbolic link loop: not read');
    if (code === 'ENOENT') return skip('dangling symbolic link (its target does not exist): not read');
    return skip(`symbolic link could not be resolved (${code ?? (e as Error).message}): not read`);
  }
  if (target.equals(root)) return skip('symbolic link to the raw folder itself: not followed');
  if (!inside(root, target)) return skip('symbolic link to a file outside the raw folder: not read');
  const s = statSync(target);
  const to = escapeName(target.subarray(root.length + 1));
  if (s.isDirectory())
    return skip(`symbolic link to the folder ${to}: not followed (its files are read where they are)`);
  if (!s.isFile()) return skip(`symbolic link to ${kindOf(s) ?? 'something that is not a regular file'}: not read`);
  out.push({ path, size: s.size, abs: target });
}

/**
 * Reads a file found by `walkRaw`. Opened without following a symbolic link and without
 * blocking (a FIFO put in place after the walk cannot hang the run), then checked to be a
 * regular file.
 */
export function readRaw(abs: Uint8Array | string): Buffer {
  return readRawAs(abs).bytes;
}

/**
 * `readRaw`, and `walked` (the identity the walk gave the entry) when the file opened is that
 * file and did not change while it was read; otherwise null. What the next incremental run may
 * take the file by: the walk's identity alone could name another file than the bytes read (a
 * fresh tester swapped a folder between the walk and the read).
 */
export function readRawAs(abs: Uint8Array | string, walked?: string): { bytes: Buffer; identity: string | null } {
  const path = typeof abs === 'string' ? abs : Buffer.from(abs.buffer, abs.byteOffset, abs.byteLength);
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const s = fstatSync(fd, { bigint: true });
    if (!s.isFile()) throw new Error(`${kindOf(s) ?? 'not a regular file'}: not read`);
    const bytes = readFileSync(fd);
    const same =
      walked !== undefined && fileIdentity(s) === walked && fileIdentity(fstatSync(fd, { bigint: true })) === walked;
    return { bytes, identity: same ? walked : null };
  } finally {
    closeSync(fd);
  }
}
