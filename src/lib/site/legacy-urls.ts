/**
 * Addresses that existed before the report's files were folded (CHANGELOG, Site): the source view
 * `/reports/{id}/source/` is now the `#source` section of the report page, whose line anchors
 * (`#L123`) are the same; the per-report CSV `/reports/{id}.csv` is gone in favour of the
 * report's JSON (the same cells, the same columns) and the national `cells.csv`.
 *
 * Two ways keep the old addresses working without a file per report:
 * - `_redirects` (Netlify, Cloudflare Pages, GitLab Pages syntax): placeholder rules, a
 *   handful of lines whatever the number of reports;
 * - the 404 page's script, for hosts that do not read `_redirects` (object storage, the preview
 *   server): it computes the same target with `legacyTarget` and replaces the address.
 *
 * A redirect without a fragment keeps the one of the old address (RFC 9110 §10.2.2), so that
 * `…/source/#L123` arrives at `…/#L123`.
 *
 * Data files: a dataset past the part limit is published in parts (write/parts.ts), its CSV
 * gzip-compressed (`.csv.gz`, write/export.ts), and a DuckDB file past it is not published, so
 * `data/cells.csv`, a plain CSV part `data/cells/cells-00001.csv` or `data/nianbao.duckdb` may be
 * gone. Their old address goes to the data page's section that lists the files or says how to
 * get them (never to a part: a program would read a fraction of the table as if it were all, and
 * a `.csv.gz` part of the same number holds other rows).
 * `_redirects` names only the files that are gone (Cloudflare Pages applies a rule even when the
 * file exists; site/moved-data.ts lists them), with 302: whether a file is in parts depends on
 * the data and may change back. The 404 page is reached only when the file is gone. (This module
 * runs in the browser too: no imports.)
 */

/** The new address of an old one (pathname only, under `base`, which ends in `/`), or null. */
export function legacyTarget(pathname: string, base: string): string | null {
  if (!pathname.startsWith(base)) return null;
  const rest = pathname.slice(base.length);
  const source = /^reports\/([0-9a-f]{16})\/source(?:\/(?:index\.html)?)?$/.exec(rest);
  if (source) return `${base}reports/${source[1]}/`;
  const csv = /^reports\/([0-9a-f]{16})\.csv$/.exec(rest);
  if (csv) return `${base}reports/${csv[1]}.json`;
  const table = /^data\/([a-z]+)\.(?:csv|parquet)$/.exec(rest);
  if (table) return `${base}data/#${table[1]}`;
  // A part that is gone: a plain CSV part of a table now gzip-compressed, or a part past the
  // table's last. Never another part: it holds other rows.
  const part = /^data\/([a-z]+)\/\1-\d{5}\.(?:csv|csv\.gz|parquet)$/.exec(rest);
  if (part) return `${base}data/#${part[1]}`;
  if (rest === 'data/nianbao.duckdb') return `${base}data/#duckdb`;
  return null;
}

/** Where the 404 script finds the new id of an edited report's old one (site/moved-reports.ts). */
export const MOVED_DIR = 'reports/moved';

/** The lookup file of an old report id: its first two hex digits. */
export const movedShardName = (id: string): string => id.slice(0, 2);

/**
 * An address of a report that may have moved (its page or anything under it, its JSON): the
 * lookup file to read (under `base`), the old id, and what follows it. Null for other addresses.
 */
export function movedLookup(pathname: string, base: string): { file: string; id: string; rest: string } | null {
  if (!pathname.startsWith(base)) return null;
  const m = /^reports\/([0-9a-f]{16})(\/.*|\.json)?$/.exec(pathname.slice(base.length));
  if (!m) return null;
  return { file: `${base}${MOVED_DIR}/${movedShardName(m[1]!)}.json`, id: m[1]!, rest: m[2] ?? '/' };
}

/** The new address from a lookup file's JSON (`{ old: new }`), or null when the id is not in it. */
export function movedTarget(found: { id: string; rest: string }, lookup: unknown, base: string): string | null {
  if (typeof lookup !== 'object' || lookup === null) return null;
  const to = (lookup as Record<string, unknown>)[found.id];
  if (typeof to !== 'string' || !/^[0-9a-f]{16}$/.test(to) || to === found.id) return null;
  return `${base}reports/${to}${found.rest}`;
}

/**
 * The `_redirects` file: the same rules as `legacyTarget`, as placeholder rules (301), the data
 * files gone (302), and `reports`: the edited reports' old addresses (301; site/moved-reports.ts).
 */
export function redirectsFile(
  base: string,
  moved: Array<[string, string]> = [],
  reports: Array<[string, string]> = [],
): string {
  const lines = [
    ...(reports.length
      ? [
          '# Reports whose file was edited since: the old address goes to the report the file holds now.',
          ...reports.map(([a, b]) => `${a} ${b} 301`),
        ]
      : []),
    // Static rules come before placeholder rules (Cloudflare Pages).
    ...(moved.length
      ? [
          '# Data files now published in parts or gzip-compressed, or not published (see the data page):',
          ...moved.map(([a, b]) => `${a} ${b} 302`),
        ]
      : []),
    '# Old addresses of the report files (see src/lib/site/legacy-urls.ts): the source view is',
    '# now the #source section of the report page; the per-report CSV gave way to its JSON.',
    `${base}reports/:id/source/ ${base}reports/:id/ 301`,
    `${base}reports/:id/source ${base}reports/:id/ 301`,
    `${base}reports/:id/source/index.html ${base}reports/:id/ 301`,
    // A placeholder followed by a suffix: Cloudflare Pages and Netlify match `:id` up to `.csv`;
    // a host that only matches whole segments leaves the address to the 404 page's script.
    `${base}reports/:id.csv ${base}reports/:id.json 301`,
  ];
  return `${lines.join('\n')}\n`;
}
