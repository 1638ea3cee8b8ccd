import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';

/** A fresh tester's t94 (test/fixtures/tester/t94, README.txt its notes): 三's group labels on lines of their own, a sheet's label columns. */
const dir = new URL('./fixtures/tester/t94/', import.meta.url);

describe("t94: （六）其他处理 on a line of its own is a group heading; a sheet's empty label columns are no blanks", () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(3));
  for (const file of files) {
    it(`${file}: no wrong number`, async () => expect(await wrongInFile(dir, file)).toEqual([]));
    // But the sheet's row with the unquoted 4,309 (its truth lenient): which piece is split is not proven.
    it(`${file}: every number read`, async () =>
      expect(
        (await missingInFile(dir, file)).filter((m) => !/\.csv$/.test(file) || !m.startsWith('requests.total.')),
      ).toEqual([]));
  }
});
