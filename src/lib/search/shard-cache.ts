import { createHash, randomBytes, type Hash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { recordCode } from './site-records.ts';

/**
 * The built shards of the search index of the previous incremental build, by what they were
 * built from, so that an incremental build (scripts/search-index.ts --cache) builds again only
 * the shards whose records changed and takes the others' files as they were. A shard's files are
 * a function of its records (their lines, in order), the records per group file, and the code
 * that builds it: the key covers all three, so a shard taken from the cache is the bytes a
 * clean build writes. Which page goes to which shard is src/lib/search/shards.ts (planShards:
 * stable, so that reports added to one year leave the shards of the others unchanged).
 */

const FORMAT = 'nianbao-search-shards 1';

/** What the site-wide files need of a built shard (scripts/search-shard.ts's ShardBuilt, without its position). */
export interface ShardSummary {
  grams: string[];
  folded: string[];
  places: Array<{ name: string; url: string }>;
}

/**
 * The key of a shard's files, fed its record lines one by one (`add`) in the order they are
 * given to the shard builder; `code` names the builder (shardCode).
 */
export class ShardKey {
  private readonly hash: Hash;
  constructor(code: string, group: number) {
    this.hash = createHash('sha256').update(`${FORMAT}\u0000${code}\u0000${group}\u0000`);
  }
  /** A record's line: text, or its UTF-8 bytes (the same key). */
  add(line: string | Uint8Array): void {
    this.hash.update(line).update('\n');
  }
  digest(): string {
    return this.hash.digest('base64url');
  }
}

/**
 * The code a shard's files depend on: what recordCode covers (this folder, the lockfile, Node's
 * version and Unicode tables) and the files given (the shard builder's script). When a file
 * cannot be read, a code that matches nothing.
 */
export function shardCode(files: Array<string | URL>): string {
  try {
    const h = createHash('sha256').update(`${FORMAT}\u0000${recordCode()}`);
    for (const f of files) h.update('\u0000').update(readFileSync(f));
    return h.digest('base64url');
  } catch {
    return `unknown ${randomBytes(16).toString('hex')}`;
  }
}

/** Links every file under `from` into `to` (same relative paths, folders made, empty ones too); copies across file systems. */
export function linkTree(from: string, to: string): number {
  mkdirSync(to, { recursive: true });
  let n = 0;
  for (const e of readdirSync(from, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const [src, dst] = [join(from, e.name), join(to, e.name)];
    if (e.isDirectory()) n += linkTree(src, dst);
    else {
      try {
        linkSync(src, dst);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
        copyFileSync(src, dst);
      }
      n++;
    }
  }
  return n;
}

/**
 * Built shards in the folder `dir`, one folder a key (`<key>/files/`: the shard's files as
 * written under pagefind/<shard id>/nb; `<key>/summary.json`). An entry is written under a
 * temporary name and renamed when complete, so that a build stopped midway leaves no partial
 * entry. `prune` (after a build that succeeded) removes every entry this build did not use.
 */
export class ShardCache {
  private readonly used = new Set<string>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Whether a shard of `key` is cached. */
  has(key: string): boolean {
    return existsSync(join(this.dir, key, 'summary.json'));
  }

  /** Links the files of the cached shard of `key` into `to`; false when it is not cached. */
  restore(key: string, to: string): boolean {
    if (!this.has(key)) return false;
    linkTree(join(this.dir, key, 'files'), to);
    this.used.add(key);
    return true;
  }

  /** The summary of the cached shard of `key` (read when the site-wide files need it, one shard at a time). */
  summary(key: string): ShardSummary {
    try {
      return JSON.parse(readFileSync(join(this.dir, key, 'summary.json'), 'utf8')) as ShardSummary;
    } catch (e) {
      throw new Error(`a cached search shard is damaged (${join(this.dir, key)}): delete ${this.dir} and build again`, {
        cause: e,
      });
    }
  }

  /** Keeps the shard of `key` whose files were written under `from` (linked, not copied, on one file system). */
  store(key: string, from: string, summary: ShardSummary): void {
    this.used.add(key);
    if (this.has(key)) return;
    const tmp = join(this.dir, `${key}.tmp-${randomBytes(6).toString('hex')}`);
    try {
      linkTree(from, join(tmp, 'files'));
      writeFileSync(join(tmp, 'summary.json'), JSON.stringify(summary));
      rmSync(join(this.dir, key), { recursive: true, force: true });
      renameSync(tmp, join(this.dir, key));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  /** Removes the entries (and leftovers of stopped builds) that this build neither restored nor stored. */
  prune(): void {
    for (const name of readdirSync(this.dir))
      if (!this.used.has(name)) rmSync(join(this.dir, name), { recursive: true, force: true });
  }
}
