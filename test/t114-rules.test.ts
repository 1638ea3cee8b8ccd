import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t114 (test/fixtures/tester/t114, README.txt its notes): statements of none and
 * other units in more words (W), the agency's own tables the revised rules NULLed (L), controls (C).
 */
const dir = new URL('./fixtures/tester/t114/', import.meta.url);

describe('t114: none-stated and other-unit rules, again', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(22));
  for (const file of files)
    it(file, async () => {
      expect(await wrongInFile(dir, file)).toEqual([]);
      if (!file.startsWith('W')) expect(await missingInFile(dir, file)).toEqual([]);
    });
});
