import { describe, expect, it } from 'vitest';
import { carryHistory, MAX_REPLACED, type PreviousEntry } from '../src/lib/ingest/history.ts';
import type { ManifestEntry } from '../src/lib/schema/datasets.ts';
import { movedLookup, movedTarget, redirectsFile } from '../src/lib/site/legacy-urls.ts';
import { movedRules, movedShards } from '../src/lib/site/moved-reports.ts';

/** A report's id from a letter: 16 hex digits. */
const id = (c: string) => c.repeat(16);

function entry(path: string, report_id: string | null): ManifestEntry {
  return {
    path,
    bytes: 1,
    sha256: null,
    outcome: report_id ? 'ok' : 'rejected',
    reason: null,
    reason_code: null,
    report_id,
    duplicate_of: null,
    same_agency_year: [],
    diagnostics: [],
  };
}

describe('carryHistory: the earlier ids of an edited file', () => {
  // Every id a report of 某局's 2023, unless said otherwise.
  const facts = (...ids: string[]) => new Map(ids.map((i) => [i, { agency: '某局', year: 2023 }]));
  const all = facts(...'abcdef'.split('').map(id));

  it('an edited file replaces its old id; an unchanged one replaces nothing', () => {
    const now = [entry('a.txt', id('b')), entry('c.txt', id('c'))];
    const before = [
      { path: 'a.txt', report_id: id('a') },
      { path: 'c.txt', report_id: id('c') },
    ];
    expect(carryHistory(now, before, all, all)).toBe(1);
    expect(now[0]!.replaces).toEqual([id('a')]);
    expect(now[1]!.replaces).toBeUndefined();
  });

  it('carries the chain, newest first, also through runs where the file did not change (and counts only the edit)', () => {
    const second = [entry('a.txt', id('c'))];
    expect(carryHistory(second, [{ path: 'a.txt', report_id: id('b'), replaces: [id('a')] }], all, all)).toBe(1);
    expect(second[0]!.replaces).toEqual([id('b'), id('a')]);
    const third = [entry('a.txt', id('c'))];
    expect(carryHistory(third, second, all, all)).toBe(0);
    expect(third[0]!.replaces).toEqual([id('b'), id('a')]);
  });

  it('drops an old id that is a report of this run (the old version back, or another file now)', () => {
    const reverted = [entry('a.txt', id('a'))];
    carryHistory(reverted, [{ path: 'a.txt', report_id: id('b'), replaces: [id('a')] }], all, all);
    expect(reverted[0]!.replaces).toEqual([id('b')]);
    const elsewhere = [entry('a.txt', id('b')), entry('copy/a.txt', id('a'))];
    carryHistory(elsewhere, [{ path: 'a.txt', report_id: id('a') }], all, all);
    expect(elsewhere[0]!.replaces).toBeUndefined();
  });

  it('never guesses: another path, a file with no report now, an id two files would claim (t59)', () => {
    // Renamed and edited: two unrelated files.
    const renamed = [entry('b.txt', id('b'))];
    expect(carryHistory(renamed, [{ path: 'a.txt', report_id: id('a') }], all, all)).toBe(0);
    expect(renamed[0]!.replaces).toBeUndefined();
    // The file is no report now (rejected): its old id stays a 404.
    const rejected = [entry('a.txt', null)];
    expect(carryHistory(rejected, [{ path: 'a.txt', report_id: id('a') }], all, all)).toBe(0);
    expect(rejected[0]!.replaces).toBeUndefined();
    // Two byte-identical files (one id; the copy's entry a duplicate holding it) edited apart.
    const split = [entry('a.txt', id('b')), entry('a2.txt', id('c'))];
    const before: PreviousEntry[] = [
      { path: 'a.txt', report_id: id('a'), replaces: [id('e')] },
      { path: 'a2.txt', report_id: id('a') },
    ];
    expect(carryHistory(split, before, all, all)).toBe(0);
    expect(split[0]!.replaces).toEqual([id('e')]);
    expect(split[1]!.replaces).toBeUndefined();
  });

  it("never another agency's or year's report at the path, nor a file moved onto it (t59)", () => {
    const at = [entry('latest.html', id('b'))];
    const before = [{ path: 'latest.html', report_id: id('a') }];
    const nextYear = new Map([[id('b'), { agency: '某局', year: 2024 }]]);
    expect(carryHistory(at, before, all, nextYear)).toBe(0);
    expect(at[0]!.replaces).toBeUndefined();
    const other = new Map([[id('b'), { agency: '另一局', year: 2023 }]]);
    carryHistory(at, before, all, other);
    expect(at[0]!.replaces).toBeUndefined();
    // Not known (no earlier facts, or a NULL year): no redirect.
    carryHistory(at, before, new Map(), all);
    expect(at[0]!.replaces).toBeUndefined();
    carryHistory(at, before, new Map([[id('a'), { agency: '某局', year: null }]]), all);
    expect(at[0]!.replaces).toBeUndefined();
    // b was a report of the earlier run under another path: moved here, not an edit.
    const moved = [entry('a.txt', id('b'))];
    carryHistory(
      moved,
      [
        { path: 'a.txt', report_id: id('a') },
        { path: 'b.txt', report_id: id('b') },
      ],
      all,
      all,
    );
    expect(moved[0]!.replaces).toBeUndefined();
  });

  it('replaces a stale value and keeps at most MAX_REPLACED ids', () => {
    const long = Array.from({ length: MAX_REPLACED + 5 }, (_, i) => i.toString(16).padStart(16, '0'));
    const now = [{ ...entry('a.txt', id('f')), replaces: [id('e')] }];
    carryHistory(now, [{ path: 'a.txt', report_id: long[0]!, replaces: long.slice(1) }], facts(long[0]!, id('f')), all);
    expect(now[0]!.replaces).toEqual(long.slice(0, MAX_REPLACED));
    const none = [{ ...entry('a.txt', id('f')), replaces: [id('e')] }];
    carryHistory(none, [], all, all);
    expect(none[0]!.replaces).toBeUndefined();
  });
});

describe('the old addresses of edited reports', () => {
  it('finds the lookup file of a report address, and the new address in it, keeping what follows the id', () => {
    const base = '/nianbao/';
    const page = movedLookup(`/nianbao/reports/${id('a')}/`, base)!;
    expect(page).toEqual({ file: '/nianbao/reports/moved/aa.json', id: id('a'), rest: '/' });
    const lookup = { [id('a')]: id('b') };
    expect(movedTarget(page, lookup, base)).toBe(`/nianbao/reports/${id('b')}/`);
    const json = movedLookup(`/nianbao/reports/${id('a')}.json`, base)!;
    expect(movedTarget(json, lookup, base)).toBe(`/nianbao/reports/${id('b')}.json`);
    const bare = movedLookup(`/nianbao/reports/${id('a')}`, base)!;
    expect(movedTarget(bare, lookup, base)).toBe(`/nianbao/reports/${id('b')}/`);
    // Not a report's address, not under the base, not in the file, or a malformed file.
    expect(movedLookup('/nianbao/reports/index.json', base)).toBeNull();
    expect(movedLookup(`/reports/${id('a')}/`, base)).toBeNull();
    expect(movedTarget(page, { [id('c')]: id('b') }, base)).toBeNull();
    expect(movedTarget(page, { [id('a')]: 'https://evil.example/' }, base)).toBeNull();
    expect(movedTarget(page, null, base)).toBeNull();
  });

  it('writes static rules in id order within the cap, before the placeholder rules, and one lookup file per first two digits', () => {
    const moved = new Map([
      [id('b'), id('c')],
      [id('a'), id('c')],
      ['ab' + id('0').slice(2), id('d')],
    ]);
    const rules = movedRules(moved, '/', 4);
    expect(rules).toEqual([
      [`/reports/${id('a')}/`, `/reports/${id('c')}/`],
      [`/reports/${id('a')}.json`, `/reports/${id('c')}.json`],
      [`/reports/ab${id('0').slice(2)}/`, `/reports/${id('d')}/`],
      [`/reports/ab${id('0').slice(2)}.json`, `/reports/${id('d')}.json`],
    ]);
    const file = redirectsFile('/', [], rules).split('\n');
    expect(file.indexOf(`/reports/${id('a')}/ /reports/${id('c')}/ 301`)).toBeLessThan(
      file.indexOf('/reports/:id/source/ /reports/:id/ 301'),
    );
    const shards = movedShards(moved);
    expect([...shards.keys()]).toEqual(['aa', 'ab', 'bb']);
    expect(shards.get('aa')).toEqual({ [id('a')]: id('c') });
  });
});
