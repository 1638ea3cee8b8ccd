import { describe, expect, it } from 'vitest';
import { planShards, splitStable, urlPosition, type IndexablePage } from '../src/lib/search/shards.ts';
import { initialShards } from '../src/lib/search/budget.ts';

const pages = (year: number | null, n: number, kind: 'reports' | 'directory' = 'reports'): IndexablePage[] =>
  Array.from({ length: n }, (_, i) => ({ url: `/${kind}/${year ?? 'x'}-${i}/`, kind, year }));

describe('search index shards', () => {
  it('a small site gets one index with everything', () => {
    const s = planShards([...pages(2020, 30), ...pages(2021, 20), ...pages(null, 5, 'directory')], 100);
    expect(s).toHaveLength(1);
    expect(s[0]!.pages).toBe(55);
    expect(s[0]!.years).toEqual([2021, 2020]);
    expect(s[0]!.directory).toBe(true);
  });

  it('a large site: newest year first, then the directory, then older years; no shard above the limit', () => {
    const s = planShards(
      [
        ...pages(2019, 150),
        ...pages(2020, 90),
        ...pages(2021, 60),
        ...pages(null, 50, 'directory'),
        ...pages(null, 10),
      ],
      100,
    );
    expect(s.every((x) => x.pages <= 100)).toBe(true);
    expect(s.reduce((n, x) => n + x.pages, 0)).toBe(360);
    expect(s[0]!.years).toEqual([2021]);
    expect(s[0]!.directory).toBe(false);
    expect(s[1]!.directory).toBe(true);
    expect(s.at(-1)!.undated).toBe(true);
    expect(new Set(s.flatMap((x) => x.urls)).size).toBe(360);
  });

  it('the first query stays within the page budget (at least one index)', () => {
    const s = planShards([...pages(2019, 100), ...pages(2020, 100), ...pages(2021, 100)], 100);
    expect(initialShards(s, 150).map((x) => x.years)).toEqual([[2021]]);
    expect(initialShards(s, 250)).toHaveLength(2);
    expect(initialShards(s, 10)).toHaveLength(1);
  });

  it("a group is cut by the pages' own positions: added pages move no other page", () => {
    const urls = Array.from({ length: 250 }, (_, i) => `/reports/r${i}/`);
    const before = splitStable(urls, 100);
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before.every((p) => p.length <= 100)).toBe(true);
    expect(before.flat().sort()).toEqual([...urls].sort());
    const added = [...urls, '/reports/new1/', '/reports/new2/', '/reports/new3/'];
    const after = splitStable(added, 100);
    expect(after).toHaveLength(before.length);
    // Each part is what it was plus the added pages that fall in it.
    after.forEach((p, k) => expect(p.filter((u) => !u.includes('new'))).toEqual(before[k]));
    // The split does not depend on the input order.
    expect(splitStable([...added].reverse(), 100)).toEqual(after);
    expect(urlPosition('/reports/a/')).toBe(urlPosition('/reports/a/'));
    expect(urlPosition('/reports/a/')).not.toBe(urlPosition('/reports/b/'));
  });

  it('reports added to one year leave the shards of the others as they were', () => {
    const site = [...pages(2019, 150), ...pages(2020, 90), ...pages(2021, 60), ...pages(null, 50, 'directory')];
    const before = planShards(site, 100);
    const after = planShards([...site, ...pages(2021, 70).map((p) => ({ ...p, url: `${p.url}n/` }))], 100);
    const older = (s: typeof before) => s.filter((x) => !x.years.includes(2021) && !x.directory).map((x) => x.urls);
    expect(older(after)).toEqual(older(before));
    expect(older(before).length).toBeGreaterThan(0);
  });
});
