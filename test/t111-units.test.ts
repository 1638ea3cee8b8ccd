import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t111 (test/fixtures/tester/t111, README.txt its notes): another unit's table
 * printed as a section's only table, said so by the words over it (W1), and the same words naming
 * the report's own agency (C, read).
 */
const dir = new URL('./fixtures/tester/t111/', import.meta.url);

describe("t111: another unit's table in a section", () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(13));
  for (const file of files)
    it(file, async () => {
      expect(await wrongInFile(dir, file)).toEqual([]);
      if (file.startsWith('C_')) expect(await missingInFile(dir, file)).toEqual([]);
    });
});
