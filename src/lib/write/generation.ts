import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { foreignEntries, foreignMessage } from './foreign.ts';
import { phase } from './phase.ts';

/**
 * Atomic publication of a run. The output path (e.g. data/build) is a symbolic link to a
 * generation folder beside it (data/.build.gen-…). A run writes everything into a new
 * generation folder, checks it against its own SHA256SUMS, flushes it to disk, and then
 * replaces the link with one atomic rename(2). Until that rename the previous generation is
 * what the output path shows, untouched; after it, the new one, complete. A run killed at any
 * point leaves one or the other; its leftovers are removed by the next run.
 *
 * An output folder from before this scheme (a plain folder) is moved aside first; between that
 * move and the rename a journal file names it, and the next run (or `recover`) puts it back if
 * the run died there.
 *
 * The folder a switch removes (the plain folder, or the generation the link shows) must hold
 * nothing but a previous run's files (foreign.ts): otherwise `startGeneration` refuses, before
 * the run analyses anything, naming what a user put there.
 */

export interface Generation {
  /** Where this run writes. */
  dir: string;
  /**
   * Verify against SHA256SUMS, then switch the output path to this generation. `unlisted`: files
   * kept beside the published ones but not in SHA256SUMS (the DuckDB file when it is too large to
   * publish). Returns a warning when the switch was made but tidying up after it failed (the
   * new datasets are published all the same).
   */
  commit(unlisted?: string[]): string | null;
  /** Remove this run's folder (on an error before commit). */
  abort(): void;
}

const names = (out: string) => {
  const parent = dirname(resolve(out));
  const name = basename(resolve(out));
  return {
    parent,
    out: resolve(out),
    prefix: `.${name}.`,
    journal: join(parent, `.${name}.switch`),
    lock: join(parent, `.${name}.lock`),
  };
};

/**
 * Pins the generation a build reads (`gen`: the folder the output path showed when it started),
 * so that an ingest finishing meanwhile does not remove it from under the build (a fresh
 * tester's t29: the build then stopped at a cells.parquet no longer there). A pin is a file
 * beside the generations naming it, one per process; a dead process's pin holds nothing.
 * Returns the unpin.
 */
export function pinGeneration(out: string, gen: string): () => void {
  const n = names(out);
  const pin = join(n.parent, `${n.prefix}pin-${process.pid}`);
  writeFileSync(pin, `${basename(gen)}\n`);
  return () => rmSync(pin, { force: true });
}

/** The generations pinned by live builds; the pins of dead ones are removed. */
function pinned(n: ReturnType<typeof names>): Set<string> {
  const out = new Set<string>();
  for (const e of readdirSync(n.parent)) {
    if (!e.startsWith(`${n.prefix}pin-`)) continue;
    const pid = Number(e.slice(`${n.prefix}pin-`.length));
    const path = join(n.parent, e);
    if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) {
      rmSync(path, { force: true });
      continue;
    }
    try {
      out.add(readFileSync(path, 'utf8').trim());
    } catch {
      // Unpinned meanwhile.
    }
  }
  return out;
}

/** Puts back a previous generation left aside by a killed switch; removes a dead run's leftovers. */
export function recover(out: string): void {
  const n = names(out);
  if (!existsSync(n.parent)) return;
  if (existsSync(n.journal)) {
    const previous = readFileSync(n.journal, 'utf8').trim();
    if (!lexists(n.out) && existsSync(join(n.parent, previous))) renameSync(join(n.parent, previous), n.out);
    unlinkSync(n.journal);
  }
  const current = lexists(n.out) && lstatSync(n.out).isSymbolicLink() ? readlinkSync(n.out) : null;
  const pins = pinned(n);
  for (const e of readdirSync(n.parent)) {
    if (!e.startsWith(n.prefix) || e === current || pins.has(e)) continue;
    if (/^(gen|link|old)-/.test(e.slice(n.prefix.length))) rmSync(join(n.parent, e), { recursive: true, force: true });
  }
}

/**
 * `recover` under the output's lock, for a run that stops before it starts a generation: a
 * folder a killed run set aside is back in place, so that the datasets the run says it keeps are
 * there. Does nothing when the output's parent folder does not exist; throws when another ingest
 * holds the lock.
 */
export function recoverOutput(out: string): void {
  const n = names(out);
  if (!existsSync(n.parent)) return;
  const unlock = lock(n.lock);
  try {
    recover(out);
  } finally {
    unlock();
  }
}

function lexists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** The generation folder the output link shows, which a switch removes; null for a link elsewhere. */
function shownGeneration(n: ReturnType<typeof names>): string | null {
  const target = readlinkSync(n.out);
  return target.startsWith(n.prefix) && !target.includes('/') ? join(n.parent, target) : null;
}

/** The files a folder's SHA256SUMS lists; none when it has none or it cannot be read. */
function listedFiles(dir: string): Set<string> {
  try {
    return new Set(parseSums(readFileSync(join(dir, 'SHA256SUMS'), 'utf8')).keys());
  } catch {
    return new Set();
  }
}

/** Whether a plain folder at the output path may be replaced: empty, or a previous run's output. */
function ours(dir: string): boolean {
  const entries = readdirSync(dir);
  return entries.length === 0 || entries.includes('SHA256SUMS') || entries.includes('manifest.json');
}

/** One run at a time per output: a lock file with the writer's pid (a dead writer's lock is taken over). */
function lock(path: string): () => void {
  for (;;) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const pid = Number(readFileSync(path, 'utf8'));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
      throw new Error(
        `another ingest (pid ${pid}) is writing here; wait for it to finish (or remove ${path} if it is gone)`,
      );
    rmSync(path, { force: true });
  }
}

/** Whether a process of this machine with this PID exists (EPERM: it does, owned by another user). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function startGeneration(out: string): Generation {
  const n = names(out);
  mkdirSync(n.parent, { recursive: true });
  const unlock = lock(n.lock);
  try {
    recover(out);
  } catch (e) {
    unlock();
    throw e;
  }
  if (lexists(n.out)) {
    const s = lstatSync(n.out);
    if (!s.isSymbolicLink() && !(s.isDirectory() && ours(n.out))) {
      unlock();
      throw new Error(`${n.out} exists and is not a dataset folder (no SHA256SUMS or manifest.json): not replaced`);
    }
    // What the switch removes must hold nothing but a previous run's files.
    const replaced = s.isSymbolicLink() ? shownGeneration(n) : n.out;
    const foreign = replaced ? foreignEntries(replaced, listedFiles(replaced)) : [];
    if (foreign.length) {
      unlock();
      throw new Error(foreignMessage(foreign));
    }
  }
  const id = `${Date.now().toString(36)}-${process.pid}`;
  const gen = `${n.prefix}gen-${id}`;
  const dir = join(n.parent, gen);
  mkdirSync(dir);
  return {
    dir,
    abort: () => {
      // Never the generation the output already shows (a failure after the rename).
      if (!(lexists(n.out) && lstatSync(n.out).isSymbolicLink() && readlinkSync(n.out) === gen))
        rmSync(dir, { recursive: true, force: true });
      unlock();
    },
    commit(unlisted = []) {
      try {
        return switchTo(unlisted);
      } finally {
        unlock();
      }
    },
  };

  function switchTo(unlisted: string[]): string | null {
    verifySums(dir, true, unlisted);
    // Files first, then the folders that hold them (parts are in a folder per table).
    const entries = walk(dir);
    for (const f of entries.filter((e) => !e.dir)) fsyncPath(join(dir, f.path));
    for (const f of entries.filter((e) => e.dir).reverse()) fsyncPath(join(dir, f.path));
    fsyncPath(dir);
    phase('verified');
    const link = join(n.parent, `${n.prefix}link-${id}`);
    symlinkSync(gen, link);
    const before = lexists(n.out) ? lstatSync(n.out) : null;
    const previous = before?.isSymbolicLink() ? readlinkSync(n.out) : null;
    if (before && !before.isSymbolicLink()) {
      // A plain folder from an older run: set it aside under a journal, then link.
      const aside = `${n.prefix}old-${id}`;
      writeFileSync(n.journal, `${aside}\n`);
      fsyncPath(n.parent);
      renameSync(n.out, join(n.parent, aside));
      phase('aside');
      renameSync(link, n.out);
      fsyncPath(n.parent);
      unlinkSync(n.journal);
      phase('switched');
      rmSync(join(n.parent, aside), { recursive: true, force: true });
      return null;
    }
    phase('link');
    renameSync(link, n.out);
    // Published. What follows makes the switch durable and removes the previous generation: its
    // failure does not undo the switch, so it is no failure of the run (a fresh tester's "the
    // previous datasets are kept" after the switch).
    try {
      fsyncPath(n.parent);
      phase('switched');
      // Not while a build reads it (pinGeneration): the next run removes it.
      if (previous && previous !== gen && previous.startsWith(n.prefix) && !pinned(n).has(previous))
        rmSync(join(n.parent, previous), { recursive: true, force: true });
    } catch (e) {
      return `the new datasets are published, but tidying up after the switch failed (the next run retries): ${(e as Error).message}`;
    }
    return null;
  }
}

function fsyncPath(p: string): void {
  const fd = openSync(p, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Every file and folder under `dir`, depth first, as `/`-separated paths relative to it. */
function walk(dir: string, prefix = ''): Array<{ path: string; dir: boolean }> {
  const out: Array<{ path: string; dir: boolean }> = [];
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push({ path, dir: true }, ...walk(dir, path));
    else out.push({ path, dir: false });
  }
  return out;
}

/**
 * Every file SHA256SUMS lists is there with that hash, and (strict) no other file is, apart
 * from `unlisted` ones. Throws naming the file.
 */
export function verifySums(dir: string, strict = true, unlisted: string[] = []): void {
  const sums = parseSums(readFileSync(join(dir, 'SHA256SUMS'), 'utf8'));
  for (const [name, hash] of sums) {
    const p = join(dir, name);
    if (!existsSync(p)) throw new Error(`${p} is listed in SHA256SUMS but missing`);
    if (sha256File(p) !== hash) throw new Error(`${p} does not match its SHA-256 in SHA256SUMS`);
  }
  if (strict)
    for (const f of walk(dir))
      if (!f.dir && f.path !== 'SHA256SUMS' && !sums.has(f.path) && !unlisted.includes(f.path))
        throw new Error(`${join(dir, f.path)} is not listed in SHA256SUMS`);
}

/**
 * A published file's name: a path inside the folder (parts sit in a folder per table), made
 * of plain segments: never absolute, never `..`, never a hidden or backslashed name.
 */
const SAFE_PATH = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export function parseSums(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n').filter(Boolean)) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) throw new Error(`SHA256SUMS: malformed line: ${line.slice(0, 100)}`);
    // Names come from our own SHA256SUMS, but never let one leave the folder.
    if (!SAFE_PATH.test(m[2]!)) throw new Error(`SHA256SUMS: unexpected file name ${m[2]}`);
    out.set(m[2]!, m[1]!);
  }
  return out;
}

export function sha256File(p: string): string {
  const h = createHash('sha256');
  const fd = openSync(p, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSyncChunk(fd, buf);
      if (n === 0) break;
      h.update(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

const readSyncChunk = (fd: number, buf: Buffer) => readSync(fd, buf, 0, buf.length, null);
