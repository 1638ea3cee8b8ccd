import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t89 (test/fixtures/tester/t89, README.txt its notes): where a report ends,
 * tried with covers, contents pages, running headers, dates and other reports.
 */
const dir = new URL('./fixtures/tester/t89/', import.meta.url);

describe('t89: a report ends where another report or an appendix begins, and nowhere else', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(17));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
  // Every number read, but in the file whose appendix disagrees with the body everywhere (NULL)
  // and in the dump whose tables are not read (f6).
  for (const file of files.filter((f) => !/^w_toc_date_appendix_other|^f6_/.test(f)))
    it(`${file}: every number read`, async () => expect(await missingInFile(dir, file)).toEqual([]));
});
