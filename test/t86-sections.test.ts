import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';
import { ok, parseText } from './helpers.ts';

/**
 * A fresh tester's t86 (test/fixtures/tester/t86, README.txt its notes): a report of 第N部分,
 * unnumbered or （二） headings, then another report: the other's numbers were published under the
 * first's title.
 */
const dir = new URL('./fixtures/tester/t86/', import.meta.url);

describe('t86: the first report’s own numbers, never the next report’s', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(4));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
  it('reads the first report whole, and says another follows', async () => {
    for (const file of files) {
      expect(await missingInFile(dir, file), file).toEqual([]);
      expect(ok(parseText(readFileSync(new URL(file, dir)), file)).report.second_report_line, file).not.toBeNull();
    }
  });
});
