import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t86 (test/fixtures/tester/t86, README.txt its notes): a report followed by
 * another report or by an appendix of another unit's or another year's tables: the other's
 * numbers were published under the first's title.
 */
const dir = new URL('./fixtures/tester/t86/', import.meta.url);

describe('t86: the first report’s own numbers, never the next report’s or an appendix’s', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(11));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
  // The first report alone is read in full: its own headings, numbered as it numbers them.
  for (const file of files.filter((f) => /^w[123]_/.test(f)))
    it(`${file}: every number read`, async () => expect(await missingInFile(dir, file)).toEqual([]));
});
