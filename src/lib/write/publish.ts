import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataPackage, publishedFileNames, sha256sums, type PublishedFile } from './datapackage.ts';

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
 * `known`: SHA-256 of files already hashed while they were written (file name → hex); the rest
 * are read and hashed here. The generation's verification reads every file again before it is
 * published (generation.ts), so a wrong `known` hash stops the run instead of being published.
 */
export async function writePublication(
  dir: string,
  dbFile: string,
  created: Date,
  known: Record<string, string> = {},
): Promise<PublishedFile[]> {
  const files = await Promise.all(publishedFileNames(dbFile).map((p) => describe(dir, p, known[p])));
  await writeFile(join(dir, 'datapackage.json'), `${JSON.stringify(dataPackage(files, created), null, 2)}\n`);
  const all = [...files, await describe(dir, 'datapackage.json')];
  await writeFile(join(dir, 'SHA256SUMS'), sha256sums(all));
  return all;
}
