import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';
import { ok, parseText } from './helpers.ts';

/**
 * A fresh tester's t84 (test/fixtures/tester/t84, README.txt its notes): headings numbered off
 * taken from an appendix or another report; a plan item in 六 taken for 二; a row a column right
 * with its total under 备注.
 */
const dir = new URL('./fixtures/tester/t84/', import.meta.url);

describe('t84: every number is its own section’s and column’s', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(10));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
  it('a plan item in 六 and sub-items under 第一部分 take no section (a07, h11: read whole)', async () => {
    expect(await missingInFile(dir, 'a07_unrec2_plan_in_6.txt')).toEqual([]);
    expect(await missingInFile(dir, 'h11_parts_subitems.txt')).toEqual([]);
  });

  it('the report read is not given the year of the other report’s title after it (r10, r12: 2022’s numbers as 2023’s)', () => {
    for (const file of ['r10_prev_first_subtitle.txt', 'r12_prev_first_noyear.txt'])
      expect(ok(parseText(readFileSync(new URL(file, dir)), file)).report.year, file).not.toBe(2023);
  });
});
