/**
 * Loaded with `--import` into the Astro process of an incremental build (scripts/build.ts): a
 * file written with `fs.promises.writeFile` that has other hard links is unlinked first, so the
 * write makes a new file instead of changing the one all its links share.
 *
 * Why: the pages an incremental build keeps are hard links to Astro's cached copies, which the
 * live site's pages are linked to as well (src/lib/site/linked-pages.ts). Astro writes a page it
 * renders again, and then its cached copy, with `fs.promises.writeFile` over the existing path
 * (astro/dist/core/build/generate.js, incremental.js): without this, that write would change the
 * previous build's page, still being served, and the cache's copy of it.
 */
import fs from 'node:fs';

const writeFile = fs.promises.writeFile;

/** `fs.promises.writeFile`, breaking the target's hard links first. */
export async function unsharedWriteFile(file, data, options) {
  if (typeof file === 'string' || file instanceof URL) {
    try {
      if ((await fs.promises.lstat(file)).nlink > 1) await fs.promises.unlink(file);
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
  }
  return writeFile(file, data, options);
}

fs.promises.writeFile = unsharedWriteFile;
