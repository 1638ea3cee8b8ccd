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
 *
 * And the cached copy of a page is made a hard link to the page just written with the same data
 * (Astro writes both from one `result.body`), not a second file: the next build links that copy
 * into its output, so a page kept is the very file this build's search step digested, which it
 * then need not read again (src/lib/search/site-records.ts `fileIdentity`).
 */
import fs from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const writeFile = fs.promises.writeFile;

/** Where Astro keeps its copies of the pages (linked-pages.ts: `{cacheDir}/dist/`). */
const CACHED_PAGES = `${resolve(process.env.NIANBAO_CACHE || 'node_modules/.astro', 'dist')}${sep}`;

/**
 * The files written last outside the cache, by their data (Astro renders a few pages at once, so
 * a page's cached copy may come after other pages' writes): at most RECENT of them.
 */
const recent = new Map();
const RECENT = 64;

const pathOf = (file) => (typeof file === 'string' ? resolve(file) : file instanceof URL ? fileURLToPath(file) : null);

/** `fs.promises.writeFile`, breaking the target's hard links first. */
export async function unsharedWriteFile(file, data, options) {
  const path = pathOf(file);
  if (path !== null) {
    try {
      if ((await fs.promises.lstat(path)).nlink > 1) await fs.promises.unlink(path);
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
    const from = path.startsWith(CACHED_PAGES) && options === undefined ? recent.get(data) : undefined;
    if (from !== undefined) {
      recent.delete(data);
      const tmp = `${path}.link-${process.pid}`;
      try {
        await fs.promises.link(from, tmp);
        await fs.promises.rename(tmp, path);
        return;
      } catch {
        await fs.promises.rm(tmp, { force: true });
      }
    }
  }
  await writeFile(file, data, options);
  if (path === null || path.startsWith(CACHED_PAGES) || options !== undefined) return;
  recent.set(data, path);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value);
}

fs.promises.writeFile = unsharedWriteFile;
