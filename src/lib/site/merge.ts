import { DuckDBInstance } from '@duckdb/node-api';
import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parquetFrom, readLayout } from '../write/layout.ts';
import { pathScope } from './shard.ts';

/**
 * The merge of a sharded build (README, "Sharded build"): the dist folders of the province shards
 * and of the national step copied into one. A page (or any file that is not a shared asset) is
 * written by exactly one of them: a path found in two sources is an error, so no report page is
 * rendered twice. Shared files (`_astro/` and `public/`) are in every source and must be
 * byte-identical. After the copy, every report of the datasets must have its page and its JSON,
 * so no report page is lost. With `move` (the parallel one-machine build, whose shard folders are
 * scratch) the files are renamed rather than copied, and the sources are left incomplete.
 */

/** Files under `dir`, recursively, as /-separated paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

export interface MergeResult {
  files: number;
  /** Shared files found in more than one source (identical, copied once). */
  shared: number;
}

export function mergeDists(
  sources: string[],
  out: string,
  publicFiles: ReadonlySet<string>,
  options: { move?: boolean } = {},
): MergeResult {
  const outAbs = resolve(out);
  for (const s of sources) {
    const a = resolve(s);
    if (a === outAbs || a.startsWith(outAbs + sep) || outAbs.startsWith(a + sep))
      throw new Error(`merge: the output ${out} overlaps the source ${s}`);
    if (!existsSync(a)) throw new Error(`merge: no such folder: ${s}`);
  }
  const from = new Map<string, string>();
  const made = new Set<string>();
  let shared = 0;
  for (const src of sources) {
    for (const rel of listFiles(src)) {
      const earlier = from.get(rel);
      if (earlier !== undefined) {
        if (pathScope(rel, publicFiles) !== 'shared')
          throw new Error(`merge: ${rel} is written by two shards (${earlier} and ${src})`);
        // The first source's copy, already in `out` (moved or copied there).
        const a = join(out, rel);
        const b = join(src, rel);
        if (statSync(a).size !== statSync(b).size || !readFileSync(a).equals(readFileSync(b)))
          throw new Error(`merge: ${rel} differs between ${earlier} and ${src} (shards built from different code?)`);
        shared++;
        continue;
      }
      from.set(rel, src);
      const parent = dirname(join(out, rel));
      if (!made.has(parent)) {
        mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      if (options.move) moveFile(join(src, rel), join(out, rel));
      else copyFileSync(join(src, rel), join(out, rel), constants.COPYFILE_FICLONE);
    }
  }
  return { files: from.size, shared };
}

/** A rename, or a copy where the two folders are on different file systems (EXDEV). */
function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    copyFileSync(from, to, constants.COPYFILE_FICLONE);
  }
}

/** Reports of the datasets in `dataDir` whose page or JSON is missing from `dist`. */
export async function missingReports(dataDir: string, dist: string): Promise<string[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    const file = parquetFrom(dataDir, readLayout(dataDir), 'reports');
    const [ids] = (await conn.runAndReadAll(`SELECT report_id FROM ${file} ORDER BY report_id`)).getColumnsJS() as [
      string[],
    ];
    return ids.filter(
      (id) => !existsSync(join(dist, 'reports', id, 'index.html')) || !existsSync(join(dist, 'reports', `${id}.json`)),
    );
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/** Region codes of every report (for planning shards). */
export async function reportRegionCodes(dataDir: string): Promise<Array<string | null>> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    const file = parquetFrom(dataDir, readLayout(dataDir), 'reports');
    const [codes] = (await conn.runAndReadAll(`SELECT region_code FROM ${file}`)).getColumnsJS() as [
      Array<string | null>,
    ];
    return codes;
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
