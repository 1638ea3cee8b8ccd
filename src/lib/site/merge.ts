import { DuckDBInstance } from '@duckdb/node-api';
import {
  constants,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parquetFrom, readLayout } from '../write/layout.ts';
import { pathScope } from './shard.ts';
import { columnsJS } from './columns.ts';

/**
 * The merge of a sharded build (docs/hosting.md, "Sharded build"): the dist folders of the province shards
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
  if (options.move) return mergeMoving(sources, out, publicFiles);
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
      copyFileSync(join(src, rel), join(out, rel), constants.COPYFILE_FICLONE);
    }
  }
  return { files: from.size, shared };
}

/**
 * `mergeDists` with `move`: a folder or file that `out` does not have yet is renamed into it
 * whole, and only a folder both have is merged entry by entry. A shard's own folders
 * (`reports/{id}/`, `agencies/{key}/`) are so moved with one rename each, instead of a mkdir and a
 * rename per file and an empty folder left behind per page: at 100,000 reports the file-by-file
 * move took 33 s and removing the emptied shard folders about 60 s more. The same files result,
 * and the same checks: a file in two sources is an error unless it is a shared asset, identical.
 */
function mergeMoving(sources: string[], out: string, publicFiles: ReadonlySet<string>): MergeResult {
  const owner = new Map<string, string>();
  let shared = 0;
  const walk = (src: string, rel: string): void => {
    const entries = readdirSync(rel ? join(src, rel) : src, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const to = join(out, r);
      if (!existsSync(to)) {
        moveEntry(join(src, r), to);
        owner.set(r, src);
      } else if (e.isDirectory() && statSync(to).isDirectory()) walk(src, r);
      else {
        const earlier = ownerOf(owner, r) ?? 'an earlier source';
        if (!e.isFile() || pathScope(r, publicFiles) !== 'shared')
          throw new Error(`merge: ${r} is written by two shards (${earlier} and ${src})`);
        const b = join(src, r);
        if (statSync(to).size !== statSync(b).size || !readFileSync(to).equals(readFileSync(b)))
          throw new Error(`merge: ${r} differs between ${earlier} and ${src} (shards built from different code?)`);
        shared++;
      }
    }
  };
  mkdirSync(out, { recursive: true });
  for (const src of sources) walk(src, '');
  const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  return { files, shared };
}

/** The source that moved `rel` or the nearest folder above it into the output. */
function ownerOf(owner: ReadonlyMap<string, string>, rel: string): string | undefined {
  for (let r = rel; r; r = r.includes('/') ? r.slice(0, r.lastIndexOf('/')) : '') {
    const o = owner.get(r);
    if (o !== undefined) return o;
  }
  return undefined;
}

/** A file or folder renamed, or copied and removed where the two are on different file systems. */
function moveEntry(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** Reports of the datasets in `dataDir` whose page or JSON is missing from `dist`. */
export async function missingReports(dataDir: string, dist: string): Promise<string[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    const file = parquetFrom(dataDir, readLayout(dataDir), 'reports');
    const [ids] = columnsJS<[string[]]>(await conn.runAndReadAll(`SELECT report_id FROM ${file} ORDER BY report_id`));
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
    const [codes] = columnsJS<[Array<string | null>]>(await conn.runAndReadAll(`SELECT region_code FROM ${file}`));
    return codes;
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
