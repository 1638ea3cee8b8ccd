import { describe, expect, it } from 'vitest';
import { testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t86 (test/fixtures/tester/t86, README.txt its notes): a report of 第N部分,
 * unnumbered or （二） headings, then another report: the other's numbers were published under the
 * first's title.
 */
const dir = new URL('./fixtures/tester/t86/', import.meta.url);

describe('t86: the first report’s own numbers, never the next report’s', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(3));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
});
