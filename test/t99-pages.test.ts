import { describe, expect, it } from 'vitest';
import { testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t99 (test/fixtures/tester/t99, README.txt its notes): web pages with
 * Word-pasted cells printed to PDF without ruling lines, dumped by w3m, or copied from a browser.
 */
const dir = new URL('./fixtures/tester/t99/', import.meta.url);

describe('t99: pages printed, dumped or copied publish no wrong number', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(10));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
});
