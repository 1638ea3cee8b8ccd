import { describe, expect, it } from 'vitest';
import { testerFiles, wrongInFile } from './documents.ts';

/** A fresh tester's t92 (test/fixtures/tester/t92, README.txt its notes): section 二's sub-tables with a column of the agency's own. */
const dir = new URL('./fixtures/tester/t92/', import.meta.url);

describe("t92: a row under a header naming more columns than the form's is not read by its count", () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(11));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
});
