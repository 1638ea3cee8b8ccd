import { describe, expect, it } from 'vitest';
import { missingInFile, reportAndTruth, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t104 (test/fixtures/tester/t104, README.txt its notes): the shared cases' kinds
 * in variants nobody wrote.
 */
const t104 = new URL('./fixtures/tester/t104/', import.meta.url);

describe('t104: a date before the title; a table printed again; 其它, 覆議', () => {
  const files = testerFiles(t104);
  it('has its files', () => expect(files.length).toBe(20));
  for (const file of files)
    it(file, async () => {
      const { report, expect: truth } = reportAndTruth(t104, file);
      // (The W1 files' truth names no agency: only the year is checked there.)
      const want = truth as { agency?: string | null; year?: number };
      if (want.agency !== undefined) expect(report.agency).toBe(want.agency);
      expect(report.year).toBe(want.year);
      expect(await wrongInFile(t104, file)).toEqual([]);
      // The losses fixed (L*) read every cell, but where 四's two copies differ.
      if (file.startsWith('L') && file !== 'L1_b_block3_differs.txt')
        expect(await missingInFile(t104, file)).toEqual([]);
    });
});
