import { describe, expect, it } from 'vitest';
import { testerFiles, wrongInFile } from './documents.ts';

/** A fresh tester's t88 (test/fixtures/tester/t88, README.txt its notes): Word tables with merged cells. */
const dir = new URL('./fixtures/tester/t88/', import.meta.url);

describe('t88: a blank or a mark merged over rows, or a blank spanning an extra grid column, keeps its column', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(3));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
});
