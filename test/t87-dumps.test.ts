import { describe, expect, it } from 'vitest';
import { testerFiles, wrongInFile } from './documents.ts';

/** A fresh tester's t87 (test/fixtures/tester/t87, README.txt its notes): one-line dumps. */
const dir = new URL('./fixtures/tester/t87/', import.meta.url);

describe('t87: a mark inside a number or a glued run, a row printed twice: never a guess', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(7));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
});
