/**
 * The main thread keeps a few KB per input file until the end of the run (its manifest entry
 * with diagnostics, the report row, its summary row, what cross-year checks and duplicate
 * detection need): about 6 KB per file measured at 10,000 files. Node's default heap limit
 * (about 4.5 GB on a 24 GB machine) is reached near 600,000 files, so a larger run asks for a
 * heap sized to its files instead of failing after an hour.
 */

/** Bytes the main thread may keep per input file (measured 6 KB; with room). */
export const BYTES_PER_FILE = 8 * 1024;
/** Everything else: code, the gazetteer, buffers. */
const BASE_BYTES = 512 * 1024 * 1024;

/**
 * The heap (MB) a run of `files` files needs, or null when `limitBytes` (the current heap limit)
 * is enough. Never more than three quarters of `totalMemBytes`.
 */
export function heapNeededMb(files: number, limitBytes: number, totalMemBytes: number): number | null {
  const need = BASE_BYTES + files * BYTES_PER_FILE;
  if (need <= limitBytes) return null;
  return Math.floor(Math.min(need, 0.75 * totalMemBytes) / (1024 * 1024));
}
