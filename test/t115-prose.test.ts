import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t115 (test/fixtures/tester/t115, README.txt its notes): ordinary prose the
 * none-stated and other-unit rules misread (L, read now), a second statement of none (W), controls (K).
 */
const dir = new URL('./fixtures/tester/t115/', import.meta.url);

describe("t115: a clerk's ordinary prose", () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(24));
  for (const file of files)
    it(file, async () => {
      expect(await wrongInFile(dir, file)).toEqual([]);
      if (!file.startsWith('W')) expect(await missingInFile(dir, file)).toEqual([]);
    });
});
