/**
 * The sitemap of a built site (sitemaps.org 0.9), for search engines: written by the build
 * (scripts/build.ts) when the site's address is known (SITE_URL), from the pages in the output
 * folder. Not @astrojs/sitemap: its hook sees one Astro process's pages, and the sharded and
 * incremental builds (several processes, cached pages) must list every page once.
 *
 * A sitemap names at most 50,000 addresses (the protocol's limit), so the pages go into
 * `sitemaps/sitemap-00001.xml` … and `sitemap-index.xml` names them: at 1,000,000 reports about
 * 40 files, none near the protocol's 50 MB.
 */

export const SITEMAP_INDEX = 'sitemap-index.xml';
export const URLS_PER_SITEMAP = 50_000;

/**
 * The addresses (relative to the site's root, ending in `/`) of the HTML pages among `files`
 * (paths relative to the output folder, with `/`): `reports/x/index.html` → `reports/x/`, the
 * home page → ``; the 404 page and the search page (its results are not a page) are left out.
 * Sorted, so that the same site gives the same sitemap.
 */
export function sitemapPages(files: readonly string[]): string[] {
  const pages: string[] = [];
  for (const f of files) {
    if (f !== 'index.html' && !f.endsWith('/index.html')) continue;
    const page = f.slice(0, -'index.html'.length);
    if (page === 'search/') continue;
    pages.push(page);
  }
  return pages.sort();
}

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** `n` as the sitemap file's number: `sitemaps/sitemap-00001.xml`. */
export const sitemapFile = (n: number) => `sitemaps/sitemap-${String(n).padStart(5, '0')}.xml`;

/**
 * The sitemap files: path relative to the output folder → XML. `root` is the site's root
 * address, absolute and ending in `/` (SITE_URL with the base path). Addresses are
 * percent-encoded (a kind page's Chinese name) by the URL parser.
 */
export function sitemapFiles(pages: readonly string[], root: string): Map<string, string> {
  const base = new URL(root);
  const files = new Map<string, string>();
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  for (let i = 0; i * URLS_PER_SITEMAP < pages.length || i === 0; i++) {
    const urls = pages
      .slice(i * URLS_PER_SITEMAP, (i + 1) * URLS_PER_SITEMAP)
      .map((p) => `<url><loc>${escapeXml(new URL(p, base).href)}</loc></url>`);
    files.set(
      sitemapFile(i + 1),
      `${head}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`,
    );
  }
  const index = [...files.keys()].map((f) => `<sitemap><loc>${escapeXml(new URL(f, base).href)}</loc></sitemap>`);
  files.set(
    SITEMAP_INDEX,
    `${head}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index.join('\n')}\n</sitemapindex>\n`,
  );
  return files;
}

/** robots.txt with the sitemap index named (a line replaced if it is there already). */
export function robotsWithSitemap(robots: string, root: string): string {
  const line = `Sitemap: ${new URL(SITEMAP_INDEX, root).href}`;
  const kept = robots.split('\n').filter((l) => !/^sitemap:/i.test(l.trim()));
  while (kept.length && kept.at(-1) === '') kept.pop();
  return `${kept.join('\n')}\n${line}\n`;
}

/** The site's root address from SITE_URL and the base path (BASE_PATH, default `/`). */
export function siteRoot(siteUrl: string, basePath = '/'): string {
  const b = basePath.endsWith('/') ? basePath : `${basePath}/`;
  return new URL(b.startsWith('/') ? b : `/${b}`, siteUrl).href;
}

/**
 * Why `siteUrl` (SITE_URL) and `basePath` (BASE_PATH) do not make one address, or null: a path
 * in SITE_URL that BASE_PATH does not start with. Pages are served under BASE_PATH, and their
 * canonical links and the sitemap take SITE_URL's origin only (a fresh tester's t41:
 * `SITE_URL=https://example.org/sub` gave canonical links without /sub, silently).
 */
export function siteUrlProblem(siteUrl: string, basePath = '/'): string | null {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    return `SITE_URL is not an absolute address: ${siteUrl}`;
  }
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  if (path === '/' || (base.startsWith('/') ? base : `/${base}`).startsWith(path)) return null;
  return `SITE_URL has the path ${url.pathname}, which BASE_PATH (${basePath}) does not start with: give SITE_URL as the origin (${url.origin}) and the path as BASE_PATH (BASE_PATH=${path})`;
}
