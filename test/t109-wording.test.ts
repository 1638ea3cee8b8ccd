import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t109 (test/fixtures/tester/t109, README.txt its notes): another period's table
 * in the words a clerk writes, not word lists — the period and the pointer in two clauses of one
 * sentence (NW1, SW2), and innocent notes after the year's own table (L1).
 */
const dir = new URL('./fixtures/tester/t109/', import.meta.url);

describe('t109: another period said in a sentence of two clauses; innocent notes', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(28));
  for (const file of files)
    it(file, async () => {
      expect(await wrongInFile(dir, file)).toEqual([]);
      if (file.startsWith('L1_')) expect(await missingInFile(dir, file)).toEqual([]);
    });
});
