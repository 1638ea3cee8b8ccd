import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reviewColumnsByLabels } from '../src/lib/tables/review-columns.ts';
import { layoutReview, type ReviewBlockMode } from '../src/lib/synth/layout-text.ts';
import { Random } from '../src/lib/synth/random.ts';

// Zeros where the tests leave a gap: a report leaves a cell blank for no case, and each block
// adds up with its blanks as none (review-columns.ts).
const VALUES = ['72', '0', '178', '37', '287', '13', '4', '0', '1', '18', '12', '1', '1', '0', '14'];

/** 四 set out by position with the values at `blank` left out: its header lines and value line. */
function laidOut(blank: number[], modes: ReviewBlockMode[] = ['whole', 'broken', 'spaced'], col = 14) {
  const lines = layoutReview(
    VALUES.map((v, k) => (blank.includes(k) ? '' : v)),
    modes,
    col,
  );
  const at = lines.findIndex((l) => /^\s*\d/.test(l));
  return { header: lines.slice(0, at), values: lines[at]! };
}

describe('reviewColumnsByLabels (四 a value short, set out by position)', () => {
  it('places each value under its label, a gap under a label a blank', () => {
    for (const blank of [[1], [4], [7], [13], [14], [1, 13]]) {
      const { header, values } = laidOut(blank);
      const placed = reviewColumnsByLabels(header, values, true);
      let i = 0;
      expect(placed).toEqual(VALUES.map((_, k) => (blank.includes(k) ? null : i++)));
    }
  });
  it('reads the real report set out by pdftotext -layout with a value blanked', () => {
    const text = readFileSync(new URL('./fixtures/documents/huaian2024.layout.txt', import.meta.url), 'utf8').split(
      '\n',
    );
    const at = text.findIndex((l) => l.startsWith('72   64    178'));
    const header = text.slice(at - 16, at).filter((l) => !l.includes('四、'));
    // 行政诉讼 (直接起诉)'s 4 left blank, its 总计 26 written 22 so that the block adds up.
    const row = text[at]!.replace(/(?<= {4})4(?= {8})/, ' ').replace(/(?<= )26(?= )/, '22');
    expect(reviewColumnsByLabels(header, row)).toEqual([0, 1, 2, 3, 4, 5, null, 6, 7, 8, 9, 10, 11, 12, 13]);
    // Not written so: the block does not add up with the gap as none.
    expect(reviewColumnsByLabels(header, text[at]!.replace(/(?<= {4})4(?= {8})/, ' '))).toBeNull();
    // Every value there: another reader's (reviewBlocksProven).
    expect(reviewColumnsByLabels(header, text[at]!)).toBeNull();
  });
  it('places nothing where a block with a gap does not add up (a value glued to its neighbour, or a case left blank)', () => {
    // 13 and 4 glued where they stood (a fresh tester's fuzzer): 134 under 结果维持, 结果纠正 a gap.
    const { header, values } = laidOut([]);
    const glued = values.replace(/\b13(\s+)4\b/, (_, sp: string) => `134${' '.repeat(sp.length)}`);
    expect(glued).not.toBe(values);
    expect(reviewColumnsByLabels(header, glued, true)).toBeNull();
    // A gap where the block's sum needs a value.
    const { header: h2, values: v2 } = laidOut([0]);
    expect(reviewColumnsByLabels(h2, v2, true)).toBeNull();
  });
  it('places nothing where a value is not centred under one label', () => {
    const { header, values } = laidOut([3]);
    // Two values glued where they stand (a number reaching from one's place to the next's).
    const glued = values.replace(
      /(\d+)(\s+)(\d+)/,
      (_, a: string, s: string, b: string) => `${a}${'0'.repeat(s.length)}${b}`,
    );
    expect(reviewColumnsByLabels(header, glued, true)).toBeNull();
    // A value moved off its label by a few columns (set to its cell's side).
    const moved = values.replace(/^(\s*)(\d+)/, (_, s: string, d: string) => `${s}     ${d}`);
    expect(reviewColumnsByLabels(header, moved, true)).toBeNull();
  });
  it('places nothing under a header in another order, or naming a block over another', () => {
    const { header, values } = laidOut([3]);
    const swapped = header.map((l) =>
      l.replace('结果维持', '@@').replace('结果纠正', '结果维持').replace('@@', '结果纠正'),
    );
    expect(reviewColumnsByLabels(swapped, values, true)).toBeNull();
    const groups = header.map((l) =>
      l.replace('未经复议直接起诉', '@@').replace('复议后起诉', '未经复议直接起诉').replace('@@', '复议后起诉'),
    );
    expect(reviewColumnsByLabels(groups, values, true)).toBeNull();
  });
  it('random damage to the value line never places a value under another label (property)', () => {
    const rng = new Random(2026);
    for (let n = 0; n < 400; n++) {
      const blank = [rng.int(0, 14)];
      const { header, values } = laidOut(blank, ['whole', 'whole', 'whole'], rng.int(14, 18));
      // Shift one value by a random amount, or glue it to the next.
      const spots = [...values.matchAll(/\d+/g)];
      const s = spots[rng.int(0, spots.length - 1)]!;
      const shift = rng.int(-6, 6);
      const chars = [...values];
      const word = s[0];
      for (let k = 0; k < word.length; k++) chars[s.index + k] = ' ';
      const to = Math.max(0, s.index + shift);
      while (chars.length < to + word.length) chars.push(' ');
      for (let k = 0; k < word.length; k++) chars[to + k] = word[k]!;
      const damaged = chars.join('');
      const placed = reviewColumnsByLabels(header, damaged, true);
      if (!placed) continue;
      // What is placed is the values in the line under their own columns.
      const read = [...damaged.matchAll(/\d+/g)].map((m) => m[0]);
      placed.forEach((i, k) => {
        if (i !== null) expect(read[i]).toBe(VALUES[k]);
      });
    }
  });
});
