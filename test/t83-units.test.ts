import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t83 (test/fixtures/tester/t83, README.txt its notes): the session's money-unit
 * rules attacked — units named after 以, 为 or 人民币, in traditional script, above another
 * table; a 万 件 with a space; another fee's sentence with the fee's digits.
 */
const dir = new URL('./fixtures/tester/t83/', import.meta.url);

describe('t83: every published amount is in the unit the report states', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(11));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
  it('another fee’s sentence with the same digits takes no amount away (l04)', async () =>
    expect(await missingInFile(dir, 'l04_prose_other_fee_same_digits.txt')).toEqual([]));
});
