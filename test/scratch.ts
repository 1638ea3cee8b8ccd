import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

const remove = (dir: string) => () => rmSync(dir, { recursive: true, force: true });

/**
 * A temporary folder for a test file or a describe block, removed when its tests are done,
 * passed or failed (the runs of the suite left hundreds of them in the system's temp folder).
 */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(remove(dir));
  return dir;
}

/** The same inside a test (hooks cannot be added there): removed when that test finishes. */
export function testScratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(remove(dir));
  return dir;
}
