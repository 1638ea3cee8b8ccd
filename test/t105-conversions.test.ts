import { describe, expect, it } from 'vitest';
import { missingInFile, reportAndTruth, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t105 (test/fixtures/tester/t105, README.txt its notes): one real report through
 * every conversion a user might make.
 */
const t105 = new URL('./fixtures/tester/t105/', import.meta.url);

describe('t105: line separators, an issuer box printed twice or wrapped', () => {
  const files = testerFiles(t105);
  it('has its files', () => expect(files.length).toBe(13));
  for (const file of files)
    it(file, async () => {
      const { report, expect: truth } = reportAndTruth(t105, file);
      expect({ agency: report.agency, region_code: report.region_code }).toEqual({
        agency: truth.agency,
        region_code: truth.region_code,
      });
      expect(await wrongInFile(t105, file)).toEqual([]);
      // A <pre>'s text laid out by spaces reads as the same text in a .txt does.
      if (file.startsWith('L2_')) expect(await missingInFile(t105, file)).toEqual([]);
    });
});
