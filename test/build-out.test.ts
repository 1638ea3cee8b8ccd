import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildEnv } from './global-setup.ts';

/**
 * `npm run build -- --out DIR` with DIR outside the project: Astro's prerender code under its
 * output folder imports the project's packages, which are not found from there (two fresh
 * testers' clones: "Cannot find package '@oslojs/encoding'"). The build is made inside the
 * project and moved (scripts/build.ts singleBuild).
 */
describe('a build whose output folder is outside the project', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-out-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('builds, moves the site there and leaves no scratch folder', { timeout: 600_000 }, async () => {
    const out = join(tmp, 'site');
    // What a build killed between its two renames leaves (a fresh tester's t29): the site it
    // replaced set aside under its dead pid, and no site. The next build puts it back, then
    // replaces it as usual; nothing is left beside.
    const dead = spawnSync('true').pid;
    mkdirSync(join(tmp, `site.old-${dead}`));
    writeFileSync(join(tmp, `site.old-${dead}`, 'index.html'), 'the previous site');
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/build.ts', '--out', out, '--no-search-index', '--jobs', '1'],
      {
        encoding: 'utf8',
        env: buildEnv({ NIANBAO_DATA: inject('sites').samples.data, SITE_URL: 'https://nianbao.example.org' }),
        maxBuffer: 64 << 20,
      },
    );
    expect(r.status, `${r.stderr}\n${r.stdout.slice(-3000)}`).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(readdirSync(join(out, 'reports')).length).toBeGreaterThan(0);
    expect(r.stdout).toContain(`put back ${out}`);
    // The site it replaced is removed by a process of its own after the build (scripts/build.ts
    // removeAside): gone within a minute, nothing else left beside.
    for (let i = 0; i < 600 && readdirSync(tmp).length > 1; i++) await new Promise((ok) => setTimeout(ok, 100));
    expect(readdirSync(tmp)).toEqual(['site']);
    expect(existsSync('.shard-build/outside')).toBe(false);
    // The site's address known (SITE_URL): a sitemap of every page, named in robots.txt.
    const map = readFileSync(join(out, 'sitemaps/sitemap-00001.xml'), 'utf8');
    const reports = readdirSync(join(out, 'reports')).filter((e) => /^[0-9a-f]{16}$/.test(e));
    expect(reports.length).toBeGreaterThan(0);
    for (const id of reports) expect(map).toContain(`<loc>https://nianbao.example.org/reports/${id}/</loc>`);
    expect(map).toContain('<loc>https://nianbao.example.org/</loc>');
    expect(map).not.toContain('404');
    expect(readFileSync(join(out, 'sitemap-index.xml'), 'utf8')).toContain(
      'https://nianbao.example.org/sitemaps/sitemap-00001.xml',
    );
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toMatch(
      /\nSitemap: https:\/\/nianbao\.example\.org\/sitemap-index\.xml\n$/,
    );
  });
});
