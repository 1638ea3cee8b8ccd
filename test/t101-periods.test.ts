import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t101 (test/fixtures/tester/t101, README.txt its notes): a table introduced as
 * another period's (last year's, cumulative) and 四's row labelled with another period were
 * published as the report's year's. Each file's truth has that table NULL and the rest read.
 */
const dir = new URL('./fixtures/tester/t101/', import.meta.url);

describe("t101: another period's table or row is no number of the report's year", () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(11));
  for (const file of files)
    it(file, async () => {
      expect(await wrongInFile(dir, file)).toEqual([]);
      expect(await missingInFile(dir, file)).toEqual([]);
    });
});

/**
 * Seed 146 of the synthetic corpus (test/fixtures/synthetic/s146): a row of 三 with a stray copy
 * of its third cell and its 总计 blank (quirk stray-cell-row) reads `1 0 0 0 0 0 1` by count,
 * which holds its own sum by chance; the sums across rows show the shift (read.ts columnsHold).
 */
const s146 = new URL('./fixtures/synthetic/s146/', import.meta.url);

describe('a stray cell whose row sum holds by chance (seed 146)', () => {
  it('publishes no wrong number', async () => expect(await wrongInFile(s146, 'stray-cell-sums-hold.html')).toEqual([]));
});
