import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileIdentity as identity, readRaw, settled, timesKept } from '../ingest/walk.ts';
import { rawSourcePath } from './source.ts';

/**
 * The SHA-256 of each report's raw file as the source view would read it now, for the
 * incremental build's page keys (page-keys.ts: a report page shows its source), remembered
 * between builds by the file's identity so that an update does not read and hash every raw file
 * again (100,000 reports: some 5 s of the build's start).
 *
 * The identity and when a file has settled are the raw folder's (ingest/walk.ts `fileIdentity`,
 * `settled`): a hash is remembered only when the file had settled before it was read, and its
 * identity was the same before and after the read. The identity is the path's own (lstat): a
 * symbolic link put in the file's place, which the source view does not follow, never has a
 * regular file's.
 *
 * The file (`{cache}/nianbao-source-shas.tsv`, one line per file read: real path as hex, the
 * identity, the hash) is written whole by `save`, with the files asked for in this build only.
 */

const FORMAT = 'nianbao-source-shas 1';

type Entry = { id: string; sha: string };

export class SourceShas {
  private readonly known = new Map<string, Entry>();
  private readonly seen = new Map<string, Entry>();
  /** Per folder (hex of its real path): whether its files' times can be gone by (walk.ts timesKept). */
  private readonly kept = new Map<string, boolean>();

  /** `file`: the cache file, read when it is there (anything unreadable is ignored). */
  constructor(
    private readonly file: string,
    private readonly now: () => bigint = () => BigInt(Date.now()) * 1_000_000n,
  ) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    const lines = text.split('\n');
    if (lines[0] !== FORMAT) return;
    for (const line of lines.slice(1)) {
      const [path, id, sha] = line.split('\t');
      if (path && id && sha && /^[0-9a-f]{64}$/.test(sha)) this.known.set(path, { id, sha });
    }
  }

  /** The SHA-256 (hex) of the raw file of `sourceFile` (the manifest's path), or null when it cannot be read. */
  sha(sourceFile: string): string | null {
    try {
      const full = rawSourcePath(sourceFile);
      if (!full) return null;
      const key = full.toString('hex');
      const before = lstatSync(full, { bigint: true });
      // On tmpfs or ramfs a file's times may never move (walk.ts timesKept): always read.
      const dir = full.subarray(0, full.lastIndexOf(0x2f));
      let kept = this.kept.get(dir.toString('hex'));
      if (kept === undefined) this.kept.set(dir.toString('hex'), (kept = timesKept(dir)));
      const known = this.known.get(key);
      if (kept && known && known.id === identity(before)) {
        this.seen.set(key, known);
        return known.sha;
      }
      const sha = createHash('sha256').update(readRaw(full)).digest('hex');
      const after = lstatSync(full, { bigint: true });
      if (kept && identity(after) === identity(before) && settled(after, this.now()))
        this.seen.set(key, { id: identity(after), sha });
      return sha;
    } catch {
      return null;
    }
  }

  /** Writes the hashes of the files asked for since this was made (aside, then renamed). */
  save(): void {
    const lines = [FORMAT, ...[...this.seen].map(([path, e]) => `${path}\t${e.id}\t${e.sha}`)];
    const tmp = `${this.file}.${process.pid}.tmp`;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(tmp, `${lines.join('\n')}\n`);
    renameSync(tmp, this.file);
  }
}
