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

async function describe(dir: string, path: string): Promise<PublishedFile> {
  const full = join(dir, path);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(full)) hash.update(chunk as Buffer);
  return { path, bytes: (await stat(full)).size, sha256: hash.digest('hex') };
}

export async function writePublication(dir: string, dbFile: string, created: Date): Promise<PublishedFile[]> {
  const files = await Promise.all(publishedFileNames(dbFile).map((p) => describe(dir, p)));
  await writeFile(join(dir, 'datapackage.json'), `${JSON.stringify(dataPackage(files, created), null, 2)}\n`);
  const all = [...files, await describe(dir, 'datapackage.json')];
  await writeFile(join(dir, 'SHA256SUMS'), sha256sums(all));
  return all;
}
