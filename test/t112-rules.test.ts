import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t112 (test/fixtures/tester/t112, README.txt its notes): this session's rules
 * attacked both ways — statements of none and other units in more words (W), and innocent texts
 * the first versions voided (L).
 */
const dir = new URL('./fixtures/tester/t112/', import.meta.url);

describe('t112: none-stated and other-unit rules, both ways', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(29));
  for (const file of files)
    it(file, async () => {
      expect(await wrongInFile(dir, file)).toEqual([]);
      if (file.startsWith('L')) expect(await missingInFile(dir, file)).toEqual([]);
    });
});
