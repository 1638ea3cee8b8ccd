import { describe, expect, it } from 'vitest';
import { testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t110 (test/fixtures/tester/t110, README.txt its notes): random damage's new
 * wrong numbers — two rows' cells on one line, a letter glued to a dump's last value, a dump
 * hard-wrapped inside a number.
 */
const dir = new URL('./fixtures/tester/t110/', import.meta.url);

describe('t110: damage that published a wrong number', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(5));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
});
