import {
  appendFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The pages an incremental build (`npm run build -- --incremental`) does not render again are
 * hard links to the previous build's copies in Astro's cache, not copies of them.
 *
 * Astro's `experimental.incrementalBuild` skips a page whose cache key and code are unchanged
 * when its file is already in the output folder, and otherwise copies it from its cache
 * (`{cacheDir}/dist/`): at 100,000 reports that is a copy of every report, agency and region page
 * (gigabytes) on every update. So before Astro runs, every cached page is linked into the new
 * output folder (fs-threads.ts `linkCachedPages`, several at once); Astro finds it there and leaves it. A page Astro renders
 * again replaces its link with a new file (scripts/unshared-writes.mjs breaks a link before
 * writing, so that neither the cache's copy nor the live site's page is changed in place), and
 * after the build the links of pages that are gone are removed (`removeStaleLinks`, from the new
 * cache manifest). The result is the clean build's output (test/incremental-build.test.ts).
 */

/** Astro's incremental cache: its manifest and its copies of the pages (astro/dist/core/build/incremental.js). */
const MANIFEST = 'incremental-build.json';
export const CACHED_PAGES = 'dist';
/** Written before an incremental build, removed after it (`beginBuild`, `endBuild`). */
const RUNNING = 'nianbao-build-running';

/** The files linked into an output folder: path relative to it → the inode linked. */
export type LinkedPages = Map<string, number>;

/**
 * Marks the cache as being built into. When the mark is already there, a build was stopped
 * midway: Astro writes its copies of pages as it renders them and its manifest (the pages' keys)
 * only at the end, so a copy may be newer than its key. Then the manifest is removed, and every
 * page is rendered again (by Astro's own restore as much as by a link).
 */
export function beginBuild(cacheDir: string): { stale: boolean } {
  mkdirSync(cacheDir, { recursive: true });
  const stale = existsSync(join(cacheDir, RUNNING));
  if (stale) rmSync(join(cacheDir, MANIFEST), { force: true });
  writeFileSync(join(cacheDir, RUNNING), String(process.pid));
  return { stale };
}

/** The build finished: its manifest matches its copies. */
export function endBuild(cacheDir: string): void {
  rmSync(join(cacheDir, RUNNING), { force: true });
}

/** Pages rendered from another raw file than their key was made from (`markRaced`), one a line. */
const RACED = 'nianbao-raced-pages';

/**
 * Notes that the page written to `outputFile` (relative to the output folder, as Astro's cache
 * names it) was rendered from a raw file that changed after its key was made (an edit during the
 * build): its key names the old file, its HTML the new one, and a later build with the old file
 * back would keep it (a fresh tester's race). `forgetRaced` removes its cache copy at the end.
 */
export function markRaced(cacheDir: string, outputFile: string): void {
  mkdirSync(cacheDir, { recursive: true });
  appendFileSync(join(cacheDir, RACED), `${outputFile}\n`);
}

/**
 * Removes the cache's copies of the pages `markRaced` noted, so that the next incremental build
 * renders them again whatever their key (a page whose copy is gone is rendered: `linkCachedPages`
 * links nothing, and Astro finds nothing to restore); returns how many.
 */
export function forgetRaced(cacheDir: string): number {
  const file = join(cacheDir, RACED);
  if (!existsSync(file)) return 0;
  const pages = new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((p) => p && !p.split('/').some((s) => s === '' || s === '.' || s === '..')),
  );
  for (const p of pages) rmSync(join(cacheDir, CACHED_PAGES, p), { force: true });
  rmSync(file, { force: true });
  return pages.size;
}

/**
 * The pages of `component` (`src/pages/reports/[id]/index.astro`) whose key is not the one the
 * cache's manifest holds for their output file, or that it does not hold: those an incremental
 * build renders again, as far as the keys tell (Astro renders every page when the code changed).
 * `pages`: each page's output file, as the manifest names it, and key.
 */
export function keysChanged<T extends { outputFile: string; cacheKey: string | undefined }>(
  cacheDir: string,
  component: string,
  pages: readonly T[],
): T[] {
  const file = join(cacheDir, MANIFEST);
  let previous = new Map<string, string | undefined>();
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
      routes?: Record<string, { paths?: Record<string, { outputFile?: string; cacheKey?: string }> }>;
    };
    previous = new Map(
      Object.values(manifest.routes?.[component]?.paths ?? {}).map((p) => [p.outputFile ?? '', p.cacheKey]),
    );
  } catch {
    // No manifest (a first build), or not readable: every page.
  }
  return pages.filter((p) => p.cacheKey === undefined || previous.get(p.outputFile) !== p.cacheKey);
}

/** The output files of the pages recorded in the cache's manifest (relative to the output folder). */
export function cachedOutputs(cacheDir: string): Set<string> {
  const out = new Set<string>();
  const file = join(cacheDir, MANIFEST);
  if (!existsSync(file)) return out;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }>;
  };
  for (const route of Object.values(manifest.routes ?? {}))
    for (const p of Object.values(route.paths ?? {})) if (p.outputFile) out.add(p.outputFile);
  return out;
}

/**
 * Removes from `outDir` the links of pages that are no longer built: a file still the inode
 * that was linked (Astro neither rendered it again nor kept it) and not among this build's
 * cached pages (`cachedOutputs` after the build). Returns how many; empty folders left go too.
 */
export function removeStaleLinks(outDir: string, linked: LinkedPages, kept: ReadonlySet<string>): number {
  let removed = 0;
  for (const [path, ino] of linked) {
    if (kept.has(path)) continue;
    const file = join(outDir, path);
    let now: number;
    try {
      now = lstatSync(file).ino;
    } catch {
      continue;
    }
    if (now !== ino) continue;
    rmSync(file);
    removed++;
    // Its folder (reports/{id}/) when nothing else is in it.
    for (let dir = dirname(path); dir !== '.' && dir !== ''; dir = dirname(dir)) {
      const abs = join(outDir, dir);
      if (readdirSync(abs).length > 0) break;
      rmSync(abs, { recursive: true });
    }
  }
  return removed;
}
