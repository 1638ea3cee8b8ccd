import { describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../src/lib/schema/datasets.ts';
import { NO_YEAR_FALLBACK, mayGiveNoYearReason, noYearReason, noYearReasons } from '../src/lib/site/undated.ts';

/**
 * The quality page lists the reports whose year is NULL with the reason the manifest gives
 * (W_NO_YEAR): a fresh tester found them on no list of it.
 */
const entry = (over: Partial<ManifestEntry>): ManifestEntry => ({
  path: 'a.txt',
  bytes: 100,
  sha256: null,
  outcome: 'ok',
  reason: null,
  reason_code: null,
  report_id: null,
  duplicate_of: null,
  same_agency_year: [],
  diagnostics: [],
  ...over,
});
const noYear = (message: string) => ({ code: 'W_NO_YEAR' as const, message, file: 'a.txt', line: null, column: null });
const disagree = noYear('the year the report covers is not certain (title 2021, published 2021); left NULL');
const unstated = noYear('the year the report covers is not stated');

async function* stream(entries: ManifestEntry[], read: string[]): AsyncGenerator<ManifestEntry> {
  for (const e of entries) {
    read.push(e.path);
    yield await Promise.resolve(e);
  }
}

describe('why a report has no year (undated.ts)', () => {
  it("says the manifest's reason: sources that disagree, or none that states it", () => {
    expect(noYearReason(entry({ diagnostics: [disagree] }))).toBe(
      '报告所属年度无法确定（标题写2021年，发布于2021年），年度留空',
    );
    expect(noYearReason(entry({ diagnostics: [unstated] }))).toBe('报告未写明所属年度，年度留空');
    expect(noYearReason(entry({}))).toBeNull();
  });

  it("reads the reasons of the reports asked for, and stops at the last one's entry", async () => {
    const entries = [
      entry({ path: 'a.txt', report_id: 'a', diagnostics: [disagree] }),
      entry({ path: 'b.txt', report_id: 'b' }),
      entry({ path: 'c.txt', report_id: 'c', diagnostics: [unstated] }),
      // A byte-identical copy names its original's report but is no report of its own.
      entry({ path: 'c2.txt', report_id: 'c', outcome: 'duplicate', diagnostics: [] }),
      entry({ path: 'd.txt', report_id: 'd', diagnostics: [unstated] }),
    ];
    const read: string[] = [];
    const reasons = await noYearReasons(stream(entries, read), new Set(['a', 'c']));
    expect([...reasons]).toEqual([
      ['a', '报告所属年度无法确定（标题写2021年，发布于2021年），年度留空'],
      ['c', '报告未写明所属年度，年度留空'],
    ]);
    expect(read).toEqual(['a.txt', 'b.txt', 'c.txt']);
    // Nothing asked, nothing read.
    const none: string[] = [];
    expect((await noYearReasons(stream(entries, none), new Set())).size).toBe(0);
    expect(none).toEqual([]);
    // A report whose entry has no W_NO_YEAR (an older manifest) gets none: the page says the fallback.
    expect((await noYearReasons(stream(entries, []), new Set(['b']))).size).toBe(0);
    expect(NO_YEAR_FALLBACK).toBe('报告所属年度未能确定，年度留空');
  });

  it('gives the same reasons when only the lines that may give one are parsed (the manifest reader’s mayMatch)', async () => {
    const entries = [
      entry({ path: 'a.txt', report_id: 'a', diagnostics: [disagree] }),
      entry({ path: 'b.txt', report_id: 'b' }),
      entry({ path: 'c.txt', report_id: 'c', diagnostics: [unstated] }),
      entry({ path: 'd.txt', report_id: 'd', diagnostics: [{ ...unstated, code: 'W_SECOND_REPORT' }] }),
    ];
    const kept = entries.filter((e) => mayGiveNoYearReason(JSON.stringify(e)));
    expect(kept.map((e) => e.path)).toEqual(['a.txt', 'c.txt']);
    const ids = new Set(['a', 'b', 'c', 'd']);
    expect(await noYearReasons(stream(kept, []), ids)).toEqual(await noYearReasons(stream(entries, []), ids));
  });
});
