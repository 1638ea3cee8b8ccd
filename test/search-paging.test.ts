import { describe, expect, it } from 'vitest';
import { resultPage, toCheck, type Checked } from '../src/lib/search/paging.ts';

/**
 * Pages a list as the search page does: check what toCheck asks (the truth), then show. The
 * candidates in `fails` cannot be checked (their record does not load).
 */
function show(
  truth: boolean[],
  page: number,
  per: number,
  checked: Checked[] = truth.map(() => undefined),
  fails: ReadonlySet<number> = new Set(),
) {
  for (let need = toCheck(checked, page, per); need.length; need = toCheck(checked, page, per))
    for (const i of need) checked[i] = fails.has(i) ? 'failed' : truth[i]!;
  return resultPage(checked, page, per);
}

describe('paging over checked results', () => {
  // A fresh tester's 住房和城乡建设局 2023: 117 candidates, 45 results; page 1 showed 1 result,
  // page 2 results 11–12, page 3 results 21–30; results 4–20 were never shown.
  const truth = Array.from({ length: 117 }, (_, i) => i % 13 < 5);
  const results = truth.flatMap((t, i) => (t ? [i] : []));

  it('every page is full but the last, and no result falls between two pages', () => {
    expect(results.length).toBe(45);
    const seen: number[] = [];
    for (let k = 1; k <= 5; k++) {
      const r = show(truth, k, 10);
      expect(r.page).toBe(k);
      expect(r.shown.length).toBe(k < 5 ? 10 : 5);
      expect([r.first, r.last]).toEqual([(k - 1) * 10 + 1, (k - 1) * 10 + r.shown.length]);
      seen.push(...r.shown);
    }
    expect(seen).toEqual(results);
  });

  it('a URL shows the same results however much was checked before', () => {
    const fresh = show(truth, 3, 10);
    // After pages 1 and 2, or after every candidate was checked in the background.
    const after: Checked[] = truth.map(() => undefined);
    show(truth, 1, 10, after);
    show(truth, 2, 10, after);
    expect(show(truth, 3, 10, after).shown).toEqual(fresh.shown);
    expect(show(truth, 3, 10, [...truth]).shown).toEqual(fresh.shown);
    expect(fresh.shown).toEqual(results.slice(20, 30));
  });

  it('checks only as many candidates as the page needs, and says at least and at most', () => {
    const checked: Checked[] = truth.map(() => undefined);
    const r = show(truth, 1, 10, checked);
    expect(checked.filter((c) => c !== undefined).length).toBeLessThan(30);
    expect(r.atLeast).toBe(10);
    expect(r.atMost).toBeGreaterThan(45);
    expect(r.atMost).toBeLessThanOrEqual(117);
    // Every candidate checked: exact.
    const all = resultPage([...truth], 1, 10);
    expect([all.atLeast, all.atMost, all.pages]).toEqual([45, 45, 5]);
  });

  it('a page past the last shows the last page, never an inverted range', () => {
    // The tester's &page=12 of 12 said 第 111–110 个 with no result.
    const r = show(truth, 12, 10);
    expect(r.page).toBe(5);
    expect(r.shown).toEqual(results.slice(40));
    expect(r.last).toBeGreaterThanOrEqual(r.first);
    expect(r.pages).toBe(5);
    // Nothing found: page 1, nothing shown.
    const none = show([false, false], 3, 10);
    expect([none.page, none.shown, none.atMost]).toEqual([1, [], 0]);
  });

  it('candidates that cannot be checked are skipped, never shown, and counted where they may shift the page', () => {
    // A fresh tester's: one record group that would not load failed the whole page.
    const fails = new Set([results[3]!, results[25]!, 116]);
    const r = show(truth, 3, 10, undefined, fails);
    // Page 3 is the results known, 21st to 30th: two failed candidates before them may be results.
    const known = results.filter((i) => !fails.has(i));
    expect(r.shown).toEqual(known.slice(20, 30));
    expect(r.failedBefore).toBe(2);
    expect(r.shown.every((i) => truth[i])).toBe(true);
    // Page 1 is not shifted by a failure after it.
    expect(show(truth, 1, 10, undefined, new Set([results[15]!])).failedBefore).toBe(0);
    // Every candidate fails: nothing shown, the page terminates, all are said to be missing.
    const none = show(truth, 2, 10, undefined, new Set(truth.map((_, i) => i)));
    expect([none.page, none.shown, none.atLeast, none.failedBefore]).toEqual([1, [], 0, 117]);
    expect(none.atMost).toBe(117);
  });
});
