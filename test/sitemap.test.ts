import { describe, expect, it } from 'vitest';
import {
  SITEMAP_INDEX,
  URLS_PER_SITEMAP,
  robotsWithSitemap,
  siteRoot,
  sitemapFile,
  sitemapFiles,
  sitemapPages,
  siteUrlProblem,
} from '../src/lib/site/sitemap.ts';

describe('sitemap (sitemap.ts)', () => {
  it('lists every HTML page by its address, without the 404 and search pages', () => {
    expect(
      sitemapPages([
        'reports/abc/index.html',
        'index.html',
        '404.html',
        'search/index.html',
        'reports/abc.json',
        'kinds/部门/index.html',
        'site.css',
      ]),
    ).toEqual(['', 'kinds/部门/', 'reports/abc/']);
  });

  it('writes absolute, percent-encoded, escaped addresses under the base path', () => {
    const root = siteRoot('https://example.org', '/nianbao/');
    expect(root).toBe('https://example.org/nianbao/');
    const files = sitemapFiles(['', 'kinds/部门/', 'a&b/'], root);
    expect([...files.keys()]).toEqual([sitemapFile(1), SITEMAP_INDEX]);
    const xml = files.get(sitemapFile(1))!;
    expect(xml).toContain('<loc>https://example.org/nianbao/</loc>');
    expect(xml).toContain('<loc>https://example.org/nianbao/kinds/%E9%83%A8%E9%97%A8/</loc>');
    expect(xml).toContain('<loc>https://example.org/nianbao/a&amp;b/</loc>');
    expect(files.get(SITEMAP_INDEX)).toContain(
      '<sitemap><loc>https://example.org/nianbao/sitemaps/sitemap-00001.xml</loc></sitemap>',
    );
    expect(siteRoot('https://example.org/', 'x')).toBe('https://example.org/x/');
  });

  it('splits past the protocol limit of addresses per sitemap', () => {
    const pages = Array.from({ length: URLS_PER_SITEMAP * 2 + 1 }, (_, i) => `reports/${i}/`);
    const files = sitemapFiles(pages, 'https://example.org/');
    expect(files.size).toBe(4);
    const count = (f: string) => (files.get(f)!.match(/<url>/g) ?? []).length;
    expect([1, 2, 3].map((n) => count(sitemapFile(n)))).toEqual([URLS_PER_SITEMAP, URLS_PER_SITEMAP, 1]);
    expect((files.get(SITEMAP_INDEX)!.match(/<sitemap>/g) ?? []).length).toBe(3);
  });

  it('names the index in robots.txt once', () => {
    const once = robotsWithSitemap('User-agent: *\nAllow: /\n', 'https://example.org/');
    expect(once).toBe('User-agent: *\nAllow: /\nSitemap: https://example.org/sitemap-index.xml\n');
    expect(robotsWithSitemap(once, 'https://example.org/')).toBe(once);
  });

  it('refuses a path in SITE_URL that BASE_PATH does not give (a fresh tester’s t41)', () => {
    expect(siteUrlProblem('https://example.org')).toBeNull();
    expect(siteUrlProblem('https://example.org/', '/nianbao/')).toBeNull();
    expect(siteUrlProblem('https://example.org/nianbao', '/nianbao/')).toBeNull();
    expect(siteUrlProblem('https://example.org/sub')).toMatch(/BASE_PATH=\/sub\//);
    expect(siteUrlProblem('https://example.org/sub/', '/other/')).toMatch(/does not start with/);
    expect(siteUrlProblem('example.org')).toMatch(/not an absolute address/);
  });
});
