/**
 * Sharded builds (docs/hosting.md, "Sharded build"). A build is one of:
 * - `all` (no shard: today's single-machine build, every page);
 * - `province` shards: the report pages (with original.pdf and reports/{id}.json), agency pages
 *   and region pages of one or more provinces — the first two digits of a report's
 *   `region_code` (GB/T 2260) — or of the reports with no region_code (`none`). An agency is its
 *   name in one region (agencies.ts), so an agency's pages and its other years stay in its shard;
 * - `national` (the merge step): every page that is not a province's — home, years, kinds,
 *   report lists, directories, quality, data, search, about, 404 — plus the published datasets,
 *   the reports index and `_redirects`; the search index is built over the merged dist.
 *
 * The shard is read from one environment variable, NIANBAO_SHARD (scripts/build.ts sets it from
 * `--shard`), here and nowhere else. Every shard loads the same datasets and renders a page from
 * the same props as the single build, so a page's bytes do not depend on the shard that wrote it.
 */

export const SHARD_ENV = 'NIANBAO_SHARD';
/** The province of reports without a region_code. */
export const NO_PROVINCE = 'none';

export type Shard = { kind: 'all' } | { kind: 'national' } | { kind: 'province'; provinces: ReadonlySet<string> };

/** `''` (none), `national`, `province=NN`, `province=NN,MM,none` (a runner may take several). */
export function parseShard(spec: string | undefined): Shard {
  const s = (spec ?? '').trim();
  if (s === '' || s === 'all') return { kind: 'all' };
  if (s === 'national') return { kind: 'national' };
  const m = /^province=(.+)$/.exec(s);
  if (m) {
    const list = m[1]!.split(',').map((p) => p.trim());
    const bad = list.filter((p) => !/^\d{2}$/.test(p) && p !== NO_PROVINCE);
    if (bad.length === 0 && list.length > 0) return { kind: 'province', provinces: new Set(list) };
  }
  throw new Error(
    `--shard ${JSON.stringify(s)}: expected province=NN (two digits of a GB/T 2260 code, or ${NO_PROVINCE}; several separated by commas) or national`,
  );
}

export function shardName(shard: Shard): string {
  if (shard.kind === 'province') return `province=${[...shard.provinces].sort().join(',')}`;
  return shard.kind;
}

let current: Shard | null = null;

/** The shard of this build (NIANBAO_SHARD). */
export function currentShard(): Shard {
  return (current ??= parseShard(process.env[SHARD_ENV]));
}

/** Province of a region code: its first two digits, or `none`. */
export function provinceOf(regionCode: string | null | undefined): string {
  return regionCode && /^\d{2}/.test(regionCode) ? regionCode.slice(0, 2) : NO_PROVINCE;
}

/** Does this build render the pages of reports (and agencies) in this region? */
export function ownsRegionCode(regionCode: string | null | undefined, shard: Shard = currentShard()): boolean {
  if (shard.kind === 'all') return true;
  if (shard.kind === 'national') return false;
  return shard.provinces.has(provinceOf(regionCode));
}

/** Does this build render the pages that are not a province's (see above)? */
export function rendersNational(shard: Shard = currentShard()): boolean {
  return shard.kind !== 'province';
}

/**
 * A DuckDB predicate on the reports table selecting this shard's reports, or null for every
 * report. (Province codes are validated digits, so they are safe to inline.)
 */
export function reportPredicate(shard: Shard = currentShard()): string | null {
  if (shard.kind === 'all') return null;
  if (shard.kind === 'national') return 'false';
  const codes = [...shard.provinces].filter((p) => p !== NO_PROVINCE).sort();
  const terms: string[] = [];
  if (codes.length) terms.push(`substr(region_code, 1, 2) IN (${codes.map((c) => `'${c}'`).join(', ')})`);
  // provinceOf: a code that does not start with two digits has no province either.
  if (shard.provinces.has(NO_PROVINCE))
    terms.push(`(region_code IS NULL OR NOT regexp_matches(region_code, '^\\d{2}'))`);
  return terms.length ? `(${terms.join(' OR ')})` : 'false';
}

/**
 * Provinces with reports, as shard names for `--shard province=…`: every province alone, or
 * grouped into at most `groups` shards of similar report counts (largest first, each to the
 * smallest group; groups in order of their first province).
 */
export function planProvinceShards(regionCodes: Array<string | null>, groups?: number): string[] {
  const counts = new Map<string, number>();
  for (const c of regionCodes) counts.set(provinceOf(c), (counts.get(provinceOf(c)) ?? 0) + 1);
  const provinces = [...counts.keys()].sort();
  if (!groups || groups >= provinces.length) return provinces;
  if (!(groups >= 1)) throw new Error(`shard count must be at least 1, not ${groups}`);
  const bins = Array.from({ length: groups }, () => ({ n: 0, provinces: [] as string[] }));
  const bySize = [...provinces].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
  for (const p of bySize) {
    const bin = bins.reduce((min, b) => (b.n < min.n ? b : min));
    bin.n += counts.get(p)!;
    bin.provinces.push(p);
  }
  return bins
    .map((b) => b.provinces.sort())
    .sort((a, b) => a[0]!.localeCompare(b[0]!))
    .map((p) => p.join(','));
}

/**
 * Who writes a file of the built site (a path relative to dist/): a province shard (`province`),
 * the national step (`national`), or every build alike (`shared`: the bundled `_astro/` assets
 * and the files of `public/`, byte-identical in every build). The merge uses this to check that
 * no page is written twice.
 */
export function pathScope(rel: string, publicFiles: ReadonlySet<string>): 'province' | 'national' | 'shared' {
  const p = rel.replace(/\\/g, '/');
  if (p.startsWith('_astro/') || publicFiles.has(p)) return 'shared';
  const parts = p.split('/');
  if (parts[0] === 'reports' && parts.length === 2 && /^[0-9a-f]{16}\.json$/.test(parts[1]!)) return 'province';
  if (parts[0] === 'reports' && parts.length === 3 && /^[0-9a-f]{16}$/.test(parts[1]!)) return 'province';
  if (parts[0] === 'agencies' && parts.length === 3 && /^[0-9a-f]{12}$/.test(parts[1]!)) return 'province';
  if (parts[0] === 'regions' && parts.length === 3 && /^\d+$/.test(parts[1]!)) return 'province';
  return 'national';
}

/** What a page returns in a build that does not write it: no body, so Astro writes no file. */
export function notInThisShard(): Response {
  return new Response(null, { status: 204 });
}

/**
 * Below this many reports a one-machine build renders everything in one Astro process: each
 * extra process costs its start-up and a full load of the datasets (several seconds), more than
 * it saves on a small site such as the bundled samples.
 */
export const PARALLEL_BUILD_FROM = 4000;
/** Astro processes at most, whatever the machine: each holds the reports rows in memory. */
export const MAX_BUILD_JOBS = 4;

/**
 * How many Astro processes a one-machine build (`npm run build`) runs at once. Astro renders a
 * build's pages on one thread, so on a machine of several cores the provinces are split into
 * `jobs` shards, built side by side with the national pages, and merged: the same dist/ as one
 * process (test/sharded-build.test.ts). `requested` is `--jobs N` (N ≥ 1) or undefined (auto:
 * from PARALLEL_BUILD_FROM reports, 2 jobs on 2 to 5 cores, then one per two cores up to
 * MAX_BUILD_JOBS).
 */
export function buildJobs(options: { reports: number; cores: number; requested?: number }): number {
  const { reports, cores, requested } = options;
  if (requested !== undefined) {
    if (!Number.isInteger(requested) || requested < 1)
      throw new Error(`--jobs needs a whole number ≥ 1, not ${requested}`);
    return requested;
  }
  if (reports < PARALLEL_BUILD_FROM) return 1;
  // With its young generation enlarged (scripts/build.ts NODE_FLAGS) one Astro build keeps about
  // one core busy: on 2 cores, 2 jobs took 81–84 s at 10,000 reports against 99 s for 1, and 3
  // jobs 94 s (bench/results.md); 2 jobs at 100,000 reports peaked at 6.0 GB over all processes.
  // So 2 jobs from 2 cores, and one per two cores beyond 4 (more is not measured).
  if (cores < 2) return 1;
  return Math.min(Math.max(2, Math.floor(cores / 2)), MAX_BUILD_JOBS);
}
