import { describe, expect, it } from 'vitest';
import { testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t100 (test/fixtures/tester/t100, README.txt its notes): a cell's text made a
 * wrong number — a dump's number cut before a multiplier or a bound, a guess word before a
 * number, a note's number in 四's first cell, 12.000 among zeros.
 */
const dir = new URL('./fixtures/tester/t100/', import.meta.url);
describe("t100: a cell's text that is no plain number is never published as one", () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(52));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
});

describe('t100: an amount in 元 to the thousandth (125.000元) may be 125,000 grouped with a dot', () => {
  it('is NULL, ambiguous', async () => {
    const { parseCell } = await import('../src/lib/tables/cell.ts');
    expect(parseCell('125.000元', 'money', '万元')).toMatchObject({ state: 'ambiguous', value: null });
    expect(parseCell('125.50元', 'money', '万元')).toMatchObject({ state: 'number', value: 0.01255 });
  });
});
