import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve, isAbsolute, sep } from 'node:path';

/**
 * The raw and output folders must not hold one another. An output folder inside the raw folder
 * is read back as input on the next run (its published CSVs became "reports"); a raw folder
 * inside the output folder is replaced with the datasets when a run is published
 * (write/generation.ts switches the whole folder). Paths are compared after symbolic links are
 * resolved, so a link does not hide the nesting.
 *
 * Returns the problem as a message, or null when the folders are apart.
 */
export function nestedFolders(raw: string, out: string): string | null {
  const r = real(raw);
  const o = real(out);
  if (r === o) return `the raw folder and the output folder are the same folder (${r})`;
  if (inside(o, r))
    return `the output folder ${o} is inside the raw folder ${r}: its datasets would be read as reports on the next run`;
  if (inside(r, o))
    return `the raw folder ${r} is inside the output folder ${o}: publishing the datasets replaces that folder`;
  return null;
}

/** `p` with every symbolic link resolved, as far as it exists (a new output folder does not yet). */
function real(p: string): string {
  const abs = resolve(p);
  if (existsSync(abs)) return realpathSync.native(abs);
  const parent = dirname(abs);
  return parent === abs ? abs : resolve(real(parent), basename(abs));
}

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Why `raw` cannot be the raw folder: it does not exist (a typo, a folder not yet made), it is
 * not a folder, or it cannot be looked at; null when it is a folder. Reading nothing there would
 * publish empty datasets, so the run stops before anything is written.
 */
export function rawFolderProblem(raw: string): string | null {
  const abs = resolve(raw);
  try {
    if (statSync(abs).isDirectory()) return null;
    return `the raw folder ${abs} is not a folder: give --raw the folder that holds the report files`;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return `the raw folder ${abs} does not exist: check --raw (the default is data/raw)`;
    return `cannot read the raw folder ${abs}: ${code ?? (e as Error).message}`;
  }
}

/**
 * The raw folder as the manifest records it (`raw_dir`): never a path of the machine the run was
 * on. A folder inside the working directory is given relative to it, `/`-separated and
 * normalised (`data/raw/`, `./data//raw` and `/home/alice/nianbao/data/raw`, run from
 * `/home/alice/nianbao`, all give `data/raw`; the working directory itself is `.`); any other
 * folder by its base name alone (`/srv/reports/raw` → `raw`; the file system's root has none: ``).
 */
export function rawDirLabel(raw: string, cwd: string = process.cwd()): string {
  const base = resolve(cwd);
  const abs = resolve(base, raw);
  const rel = relative(base, abs);
  if (rel === '') return '.';
  if (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return rel.split(sep).join('/');
  return basename(abs);
}

/**
 * A folder named on the command line or in an environment variable whose bytes are not UTF-8:
 * Node decodes them with U+FFFD (the replacement character) for each bad byte, so the run would
 * read or write another folder, one named with those characters (a fresh tester: `--out` of
 * Latin-1 bytes published to `out-�`). Such a name is refused, with this message.
 *
 * Returns the Chinese-and-English message for the option `option` (as the user typed it, e.g.
 * `--out` or `NIANBAO_DATA`), or null when the name is as given.
 */
export function undecodedPathProblem(option: string, value: string): string | null {
  if (!value.includes('\uFFFD')) return null;
  return (
    `${option}: 路径含有无法按 UTF-8 解读的字节，已拒绝 (the path has bytes that are not UTF-8; ` +
    `Node would read them as U+FFFD and use another folder): ${JSON.stringify(value)}`
  );
}
