import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A thread's entry module as one prebuilt ES module. Each analysis worker otherwise loads some
 * ninety TypeScript modules through tsx's loader hooks: two workers took 1.4 s (2.2 s of CPU) to
 * be ready that way and 0.95 s (1.4 s of CPU) from a bundle, time that comes out of every run
 * since both vCPUs are busy with it at the start.
 *
 * The bundle is made by esbuild (which tsx is built on) from the sources as they are now,
 * before the run's workers start, and kept under node_modules/.cache/nianbao by the hash of its
 * text, so that two runs of different code never share one. Packages stay outside it, resolved
 * from the project's node_modules as usual. Every `import.meta.url` keeps the URL of the module
 * it was written in, so that files found beside a module (the document converter's thread,
 * convert-sync.ts) are found from the bundle too.
 *
 * When anything fails (no esbuild, a read-only node_modules), the caller uses the sources with
 * tsx, as before: slower to start, the same results.
 */

export interface Entry {
  url: URL;
  /** The thread's execArgv: tsx's loader for TypeScript sources, nothing for a bundle. */
  execArgv: string[];
  /** A bundle's hash (of its whole text: the code it runs); none for the sources. */
  hash?: string;
}

/** The sources, run with tsx. */
export const sourceEntry = (source: URL): Entry => ({ url: source, execArgv: ['--import', 'tsx'] });

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'nianbao');
/** Bundles of older code are removed after a day (a run that started from one has long loaded it). */
const KEEP_MS = 24 * 3600 * 1000;

/**
 * `source` (a TypeScript module) bundled, or null when it cannot be (see above). Async: esbuild
 * runs as a service process; about 0.1 s.
 */
export async function bundleEntry(source: URL, cacheDir = CACHE): Promise<Entry | null> {
  try {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [fileURLToPath(source)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'module-urls',
          setup(b) {
            b.onLoad({ filter: /\.ts$/ }, (args) => ({
              contents: readFileSync(args.path, 'utf8').replace(
                /\bimport\.meta\.url\b/g,
                JSON.stringify(pathToFileURL(args.path).href),
              ),
              loader: 'ts',
            }));
          },
        },
      ],
    });
    const text = result.outputFiles?.[0]?.text;
    if (!text) return null;
    const stem = basename(fileURLToPath(source)).replace(/\.ts$/, '');
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
    const file = join(cacheDir, `${stem}-${hash}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(cacheDir, { recursive: true });
      prune(cacheDir, stem);
      // Written aside and renamed: a run starting at the same moment never loads half a file.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, file);
    }
    return { url: pathToFileURL(file), execArgv: [], hash };
  } catch {
    return null;
  }
}

function prune(dir: string, stem: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`${stem}-`)) continue;
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}
