import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t122 (test/fixtures/tester/t122, README.txt its notes): the shared cases' kinds
 * rebuilt from other reports; these files are its losses (no wrong number in 174 files).
 */
const dir = new URL('./fixtures/tester/t122/', import.meta.url);

describe('t122: the losses of the held-back kinds', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(8));
  for (const file of files)
    it(`${file} publishes no wrong number`, async () => expect(await wrongInFile(dir, file)).toEqual([]));
  // A dump joining cells by ` | ` and rows by a space: read (181 and 183 cells lost before).
  it.each([
    ['d05_pipes_2021_shenyang.txt', 30],
    ['d06_pipes_nospace_2019_liangzhou.txt', 45],
  ])('%s loses at most %i cells', async (file, most) =>
    expect((await missingInFile(dir, file)).length).toBeLessThanOrEqual(most),
  );
});
