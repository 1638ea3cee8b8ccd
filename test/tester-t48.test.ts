import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, parseText } from './helpers.ts';

/**
 * A fresh tester's mutation fuzzer (test/fixtures/tester/t48, its README): a header in another
 * order lost to a broken first label or to a note among the rows, `| ` read as a blank cell, a
 * stray whitespace line among one-cell-a-line values; and 四 set out by position with a gap.
 */
const dir = new URL('./fixtures/tester/t48/', import.meta.url);

describe('a fresh tester’s fuzzer files (t48)', () => {
  for (const k of [2, 6, 12])
    it(`review_blank${k}: 四 a value short, each value read under its label, the gap blank`, () => {
      const file = `review_blank${k}.layout.txt`;
      const p = ok(parseText(readFileSync(new URL(file, dir)), file));
      const review = p.cells.filter((c) => c.table_id === 'review');
      expect(review.filter((c) => c.value !== null)).toHaveLength(14);
      expect(review.filter((c) => c.value === null).map((c) => c.state)).toEqual(['blank']);
    });
});
