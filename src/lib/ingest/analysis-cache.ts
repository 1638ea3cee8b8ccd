import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileResult } from './analyze.ts';

/**
 * The analysis cache of an incremental ingest (`npm run ingest -- --incremental`): one file's
 * analysis (analyze.ts `FileResult`, its rows already serialised for the main thread) kept on
 * disk under a key of everything it depends on, so that a run over a corpus that grew by a
 * thousand files analyses only those. The run's end (duplicates, same agency-year, cross-year
 * checks, the datasets) is computed over every file as always.
 *
 * The key: the analysis code (`version`: the worker's bundle, the sources, and the lockfile,
 * which pins every package and its data, such as the gazetteer), the run's
 * settings (size limit, latest year), and the file itself (its path, size and SHA-256). Without
 * a bundle (the sources run through tsx) there is no version and no cache.
 *
 * An entry is two files: the analysis without its rows (`.bin`) and the rows (`.rows`, the
 * NDJSON of the three big tables). Files are written aside and renamed, so a run stopped midway
 * leaves whole entries only. The
 * entries of other versions are removed when a run of a new version opens the cache.
 */

export interface AnalysisCache {
  key(path: string, size: number, sha256: string): string;
  /**
   * The entry, or null. `rows: false`: without its rows (`ndjson` absent, `counts` kept), for a
   * file whose rows the writer takes from the previous run's DuckDB file (retained.ts); the rows
   * are kept in a file of their own so that such a run never reads them.
   */
  get(key: string, rows?: boolean): FileResult | null;
  put(key: string, result: FileResult): void;
}

type Rows = NonNullable<Extract<FileResult, { rejected: null }>['ndjson']>;

export function openAnalysisCache(dir: string, version: string, settings: object): AnalysisCache {
  const root = join(dir, version);
  const salt = `${version}\u0000${JSON.stringify(settings)}`;
  const file = (key: string) => join(root, key.slice(0, 2), `${key}.bin`);
  const rowsFile = (key: string) => join(root, key.slice(0, 2), `${key}.rows`);
  const write = (f: string, value: unknown) => {
    const tmp = `${f}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, serialize(value));
    renameSync(tmp, f);
  };
  return {
    key: (path, size, sha256) =>
      createHash('sha256').update(`${salt}\u0000${path}\u0000${size}\u0000${sha256}`).digest('hex'),
    get(key, rows = true) {
      let r: FileResult;
      try {
        r = deserialize(readFileSync(file(key))) as FileResult;
        if (r.rejected || !r.counts || !rows) return r;
        const bytes = readFileSync(rowsFile(key));
        const nd = deserialize(bytes) as Rows;
        // Node's deserializer makes typed arrays views of the one buffer it read. When that
        // buffer is the file's alone, the worker transfers it whole to the main thread
        // (analyze.ts transferables: one buffer for the three); otherwise (a small file's buffer
        // may be a slice of Node's shared pool) each gets its own copy. 2.8 GB of copies at
        // 100,000 reports.
        const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
        r.ndjson =
          own && [nd.cells, nd.checks, nd.sections].every((a) => a.buffer === bytes.buffer)
            ? nd
            : { cells: nd.cells.slice(), checks: nd.checks.slice(), sections: nd.sections.slice() };
      } catch {
        return null;
      }
      return r;
    },
    put(key, result) {
      try {
        mkdirSync(join(root, key.slice(0, 2)), { recursive: true });
        // The rows first: an entry whose light part is there has its rows too.
        if (!result.rejected && result.ndjson) {
          const { ndjson, ...light } = result;
          write(rowsFile(key), ndjson);
          write(file(key), light);
        } else write(file(key), result);
      } catch {
        // A full disk or a read-only folder: the run goes on without this entry.
      }
    },
  };
}

/** Removes the entries of every other version (older code); called once per run by the main thread. */
export function pruneAnalysisCache(dir: string, version: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name !== version) rmSync(join(dir, name), { recursive: true, force: true });
}

/**
 * The cache's version: the worker bundle's hash, the lockfile, and every source file under
 * `sources` (the document converter's thread loads its modules from the sources, outside the
 * bundle: convert-sync.ts), path and bytes, in path order.
 */
export function cacheVersion(bundleHash: string, lockfile: string, sources: string): string {
  const h = createHash('sha256').update(bundleHash);
  h.update(existsSync(lockfile) ? readFileSync(lockfile) : 'no-lockfile');
  const files = readdirSync(sources, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const f of files) h.update(`\u0000${f}\u0000`).update(readFileSync(f));
  return h.digest('hex').slice(0, 24);
}
