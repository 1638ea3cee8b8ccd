import { createHash } from 'node:crypto';
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataPackage, sha256sums, type PublishedFile } from './datapackage.ts';
import type { Written } from './duckdb.ts';
import { DB_FILE, SQL_FILE, layoutFiles, type Layout } from './layout.ts';
import { writeManifest } from './manifest.ts';
import { viewsSql } from './sql.ts';
import type { Manifest } from '../schema/datasets.ts';

/**
 * The edge that hashes the published files and writes datapackage.json and SHA256SUMS beside
 * them. `created` is passed in (the CLI uses SOURCE_DATE_EPOCH when set, so that a rebuild of
 * the same inputs can produce the same descriptor).
 */

async function describe(dir: string, path: string, known?: string): Promise<PublishedFile> {
  const full = join(dir, path);
  if (known) return { path, bytes: (await stat(full)).size, sha256: known };
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(full)) hash.update(chunk as Buffer);
  return { path, bytes: (await stat(full)).size, sha256: hash.digest('hex') };
}

/**
 * `known`: SHA-256 of files already hashed while they were written (path → hex); the rest
 * are read and hashed here. The generation's verification reads every file again before it is
 * published (generation.ts), so a wrong `known` hash stops the run instead of being published.
 */
export async function writePublication(
  dir: string,
  layout: Layout,
  created: Date,
  known: Record<string, string> = {},
): Promise<PublishedFile[]> {
  const files: PublishedFile[] = [];
  // One file at a time: a national run has hundreds of parts.
  for (const p of layoutFiles(layout)) files.push(await describe(dir, p, known[p]));
  await writeFile(join(dir, 'datapackage.json'), `${JSON.stringify(dataPackage(layout, files, created), null, 2)}\n`);
  const all = [...files, await describe(dir, 'datapackage.json')];
  await writeFile(join(dir, 'SHA256SUMS'), sha256sums(all));
  return all;
}

/**
 * The end of a run in `dir`, after the tables are written: the manifest (with the tables'
 * hashes), nianbao.sql, datapackage.json and SHA256SUMS. The DuckDB file is published while it
 * fits in the part limit; a larger one stays beside the published files, unlisted (a static host
 * does not take it; nianbao.sql gives the same tables from the Parquet files).
 */
export async function publishRun(opts: {
  dir: string;
  written: Written;
  manifest: Manifest;
  created: Date;
  limit: number;
  /** The manifest's files, when it is written already (`writeManifestWhile`, with `written.tables`). */
  manifestFiles?: string[];
}): Promise<Layout> {
  const { dir, written, limit } = opts;
  const [manifest, ...manifestEntries] =
    opts.manifestFiles ?? writeManifest(dir, { ...opts.manifest, tables: written.tables }, limit);
  const layout: Layout = {
    tables: written.files,
    duckdb: statSync(join(dir, DB_FILE)).size <= limit ? DB_FILE : null,
    sql: SQL_FILE,
    manifest: manifest!,
    manifestEntries,
  };
  writeFileSync(join(dir, SQL_FILE), viewsSql(layout));
  await writePublication(dir, layout, opts.created, written.known);
  return layout;
}
