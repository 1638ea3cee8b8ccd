import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t84 (test/fixtures/tester/t84, README.txt its notes): headings numbered off
 * taken from an appendix or another report; a plan item in 六 taken for 二; a row a column right
 * with its total under 备注.
 */
const dir = new URL('./fixtures/tester/t84/', import.meta.url);

describe('t84: every number is its own section’s and column’s', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(8));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
  it('a plan item in 六 and sub-items under 第一部分 take no section (a07, h11: read whole)', async () => {
    expect(await missingInFile(dir, 'a07_unrec2_plan_in_6.txt')).toEqual([]);
    expect(await missingInFile(dir, 'h11_parts_subitems.txt')).toEqual([]);
  });
});
