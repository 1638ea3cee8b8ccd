import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The five sample reports bundled in data/raw/. Tests read these by name and copy only these,
 * never the whole folder: a user's own reports put beside them in data/raw/ (as the README says
 * to) must not change what the tests count.
 */
export const SAMPLE_FILES = [
  '000_c118c1f3c5e39f04.txt',
  '001_8c5126968789870d.txt',
  '002_8c505244d5763fc4.txt',
  '003_a1c7e16d78f57f88.txt',
  '004_32db68a7ed8774d3.txt',
] as const;

export const SAMPLES_DIR = 'data/raw';

/** Copies the five samples (and nothing else of data/raw/) into `dest`, made if missing. */
export function copySamples(dest: string): void {
  mkdirSync(dest, { recursive: true });
  for (const f of SAMPLE_FILES) copyFileSync(join(SAMPLES_DIR, f), join(dest, f));
}
