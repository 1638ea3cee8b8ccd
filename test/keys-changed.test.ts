import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keysChanged } from '../src/lib/site/linked-pages.ts';

/**
 * The report pages an incremental build is expected to render again (linked-pages.ts
 * `keysChanged`): the data load fetches their rows together (load.ts `expectRendered`).
 */
describe('keysChanged: the pages whose key is not the cache manifest’s', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-keys-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const route = 'src/pages/reports/[id]/index.astro';
  const page = (id: string, cacheKey: string | undefined) => ({ id, outputFile: `reports/${id}/index.html`, cacheKey });
  const pages = [page('a', 'k1'), page('b', 'k2'), page('c', 'k3'), page('d', undefined)];

  it('a changed key, a page not in the manifest and a page without a key; not an unchanged one', () => {
    writeFileSync(
      join(tmp, 'incremental-build.json'),
      JSON.stringify({
        routes: {
          [route]: {
            paths: {
              '/reports/a/': { cacheKey: 'k1', outputFile: 'reports/a/index.html' },
              '/reports/b/': { cacheKey: 'old', outputFile: 'reports/b/index.html' },
              '/reports/d/': { cacheKey: 'k4', outputFile: 'reports/d/index.html' },
            },
          },
          // Another route's same output file name is not this route's.
          'src/pages/agencies/[key].astro': {
            paths: { '/x/': { cacheKey: 'k3', outputFile: 'reports/c/index.html' } },
          },
        },
      }),
    );
    expect(keysChanged(tmp, route, pages).map((p) => p.id)).toEqual(['b', 'c', 'd']);
  });

  it('no manifest, or one that cannot be read: every page', () => {
    const none = mkdtempSync(join(tmp, 'none-'));
    expect(keysChanged(none, route, pages).map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
    writeFileSync(join(none, 'incremental-build.json'), '{"routes": {');
    expect(keysChanged(none, route, pages).map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
