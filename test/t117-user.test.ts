import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t117 (test/fixtures/tester/t117, README.txt its notes): a new user's own files.
 * No wrong number in any; w07 (a slip in a row label) and w15 (a `|` label wrapped at its border)
 * are read whole now, the others are losses left.
 */
const dir = new URL('./fixtures/tester/t117/', import.meta.url);

describe("t117: a new user's files", () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(12));
  for (const file of files)
    it(file, async () => {
      expect(await wrongInFile(dir, file)).toEqual([]);
      if (/^w(?:07|15)_/.test(file)) expect(await missingInFile(dir, file)).toEqual([]);
    });
});
