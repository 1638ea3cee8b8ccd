import { describe, expect, it } from 'vitest';
import { testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t82 (test/fixtures/tester/t82, README.txt its notes): section 二's money unit
 * stated in wordings the unit grammar did not know, above another table, or by the report's own
 * sentence; counts stated in 万件. Each published a number off by a power of ten.
 */
const dir = new URL('./fixtures/tester/t82/', import.meta.url);

describe('t82: every published number is in the unit the report states', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(6));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
});
