import { describe, expect, it } from 'vitest';
import { mayHoldSecondReport, secondReports } from '../src/lib/site/second-reports.ts';
import type { ManifestEntry } from '../src/lib/schema/datasets.ts';

const entry = (path: string, over: Partial<ManifestEntry> = {}): ManifestEntry => ({
  path,
  bytes: 1,
  sha256: 'x',
  outcome: 'ok',
  reason: null,
  reason_code: null,
  report_id: `id-${path}`,
  duplicate_of: null,
  same_agency_year: [],
  diagnostics: [],
  ...over,
});

const second = (line: number | null) => ({
  code: 'W_SECOND_REPORT' as const,
  message: 'a second report starts',
  file: 'f',
  line,
  column: null,
});

/** The entries as the manifest reader gives them: one at a time, asynchronously. */
const of = (entries: ManifestEntry[]): AsyncIterable<ManifestEntry> => ({
  [Symbol.asyncIterator]: () => {
    let i = 0;
    return {
      next: () =>
        Promise.resolve(i < entries.length ? { value: entries[i++]!, done: false } : { value: undefined, done: true }),
    };
  },
});

describe('secondReports (the quality page’s files holding a report not read)', () => {
  it('lists the files whose entry has W_SECOND_REPORT, with its line, the first max of them, and counts all', async () => {
    const entries = [
      entry('a.txt', { diagnostics: [second(40)] }),
      entry('b.txt'),
      entry('c.txt', { outcome: 'partial', reason_code: 'PARTIAL', diagnostics: [second(null)] }),
      entry('d.txt', { diagnostics: [second(12)] }),
      // No report of its own: not listed (its original is).
      entry('e.txt', { outcome: 'duplicate', report_id: 'id-a.txt', diagnostics: [second(40)] }),
      entry('f.txt', { outcome: 'rejected', report_id: null, diagnostics: [second(3)] }),
    ];
    const r = await secondReports(of(entries), 2);
    expect(r).toMatchObject({ all: 3, reports: 3, copies: 0 });
    expect(r.shown).toEqual([
      { report_id: 'id-a.txt', path: 'a.txt', line: 40, copyOf: null },
      { report_id: 'id-c.txt', path: 'c.txt', line: null, copyOf: null },
    ]);
  });

  it('a copy of another report (another encoding of a file: its own id, duplicate_of set) is listed, marked and counted apart (t70)', async () => {
    const r = await secondReports(
      of([
        entry('a.txt', { diagnostics: [second(40)] }),
        entry('a-gbk.txt', { duplicate_of: 'id-a.txt', diagnostics: [second(40)] }),
      ]),
      10,
    );
    expect(r).toMatchObject({ all: 2, reports: 1, copies: 1 });
    expect(r.shown.map((s) => s.copyOf)).toEqual([null, 'id-a.txt']);
  });

  it('the same when only the lines that may hold one are parsed (the manifest reader’s mayMatch)', async () => {
    const entries = [
      entry('a.txt', { diagnostics: [second(40)] }),
      entry('b.txt', { diagnostics: [{ ...second(1), code: 'W_NO_YEAR' }] }),
      entry('c.txt', { outcome: 'partial', reason_code: 'PARTIAL', diagnostics: [second(null)] }),
      entry('d.txt'),
    ];
    const kept = entries.filter((e) => mayHoldSecondReport(JSON.stringify(e)));
    expect(kept.map((e) => e.path)).toEqual(['a.txt', 'c.txt']);
    expect(await secondReports(of(kept), 10)).toEqual(await secondReports(of(entries), 10));
  });

  it('none: an empty list', async () => {
    expect(await secondReports(of([entry('a.txt')]), 10)).toEqual({ shown: [], all: 0, reports: 0, copies: 0 });
  });
});
