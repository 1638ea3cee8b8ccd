import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from './scratch.ts';
import { linkCachedPages, linkInThreads, pageReadBits, statInThreads } from '../src/lib/site/fs-threads.ts';

const tmp = scratchDir('nianbao-fs-threads-');

describe('linkInThreads', () => {
  it('links every pair on any number of threads, folders made, a missing source said, the others in place', async () => {
    for (const threads of [1, 3, 8]) {
      const dir = join(tmp, `links-${threads}`);
      mkdirSync(join(dir, 'from'), { recursive: true });
      // 200 sources over several blocks of pairs, one of them missing.
      const n = 200;
      const from = Array.from({ length: n }, (_, i) => join(dir, 'from', `${i}.html`));
      const to = Array.from({ length: n }, (_, i) => join(dir, 'to', 'reports', `r${i}`, 'index.html'));
      from.forEach((f, i) => i !== 77 && writeFileSync(f, `page ${i}`));
      const out = await linkInThreads(from, to, threads);
      expect(out).toHaveLength(n);
      out.forEach((o, i) => {
        if (i === 77) {
          expect(o).toEqual({ missing: true });
          expect(existsSync(to[i]!)).toBe(false);
          return;
        }
        // Each pair's own file, linked (the same inode), not another pair's.
        expect(o).toEqual({ ino: lstatSync(from[i]!).ino });
        expect(readFileSync(to[i]!, 'utf8')).toBe(`page ${i}`);
      });
    }
  });

  it('throws an error other than a missing source, once the threads are done', async () => {
    const dir = join(tmp, 'taken');
    mkdirSync(join(dir, 'to'), { recursive: true });
    writeFileSync(join(dir, 'a'), 'a');
    writeFileSync(join(dir, 'to', 'a'), 'there already');
    await expect(linkInThreads([join(dir, 'a')], [join(dir, 'to', 'a')], 2)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await linkInThreads([], [], 4)).toEqual([]);
  });
});

describe('linkCachedPages', () => {
  it("links the pages of the cache's manifest into the output folder, leaving out a copy the cache lacks", async () => {
    const cache = join(tmp, 'cache');
    const pages = ['index.html', 'reports/a/index.html', 'reports/b/index.html', 'agencies/x/index.html'];
    for (const p of pages.slice(0, 3)) {
      mkdirSync(join(cache, 'dist', p, '..'), { recursive: true });
      writeFileSync(join(cache, 'dist', p), p);
    }
    const paths = Object.fromEntries(pages.map((p) => [`/${p}`, { outputFile: p, cacheKey: 'k' }]));
    writeFileSync(join(cache, 'incremental-build.json'), JSON.stringify({ routes: { r: { paths } } }));
    const out = join(tmp, 'site');
    const linked = await linkCachedPages(cache, out, 2);
    expect([...linked.keys()].sort()).toEqual(pages.slice(0, 3).sort());
    for (const p of pages.slice(0, 3)) {
      expect(readFileSync(join(out, p), 'utf8')).toBe(p);
      expect(linked.get(p)).toBe(lstatSync(join(cache, 'dist', p)).ino);
    }
    // No folder is left for a page not linked (it would be published empty if it is gone).
    expect(existsSync(join(out, 'agencies'))).toBe(false);
  });
});

describe('linkInThreads, sources that are not plain files', () => {
  it('says a symbolic link in the cache is missing (linked as itself, it would publish a link), its folder not left', async () => {
    const dir = join(tmp, 'symlinked');
    mkdirSync(join(dir, 'from'), { recursive: true });
    writeFileSync(join(dir, 'from', 'real.json'), '{}');
    symlinkSync('/nonexistent/x.json', join(dir, 'from', 'dangling.json'));
    symlinkSync(join(dir, 'from', 'real.json'), join(dir, 'from', 'other.json'));
    const names = ['dangling', 'other', 'real'];
    const out = await linkInThreads(
      names.map((n) => join(dir, 'from', `${n}.json`)),
      names.map((n) => join(dir, 'to', n, 'r.json')),
      2,
    );
    expect(out.map((o) => Object.keys(o)[0])).toEqual(['missing', 'missing', 'ino']);
    expect(readdirSync(join(dir, 'to'))).toEqual(['real']);
    // Removed from the cache: Astro's own restore of a page would follow the link.
    expect(readdirSync(join(dir, 'from'))).toEqual(['real.json']);
  });

  it('says a cached copy without the read permissions of a page written now is missing, and removes it', async () => {
    const dir = join(tmp, 'unreadable');
    mkdirSync(join(dir, 'from'), { recursive: true });
    const names = ['none', 'owner-only', 'fine'];
    names.forEach((n) => writeFileSync(join(dir, 'from', `${n}.html`), n));
    chmodSync(join(dir, 'from', 'none.html'), 0o000);
    chmodSync(join(dir, 'from', 'owner-only.html'), 0o600);
    // 0o444 under the usual umask 022; 0o400 under 077, where the owner-only copy is as written.
    const bits = pageReadBits();
    const ownerOnly = (0o600 & bits) === bits ? 'ino' : 'missing';
    const out = await linkInThreads(
      names.map((n) => join(dir, 'from', `${n}.html`)),
      names.map((n) => join(dir, 'to', n, 'index.html')),
      2,
    );
    // Linked, the published page would share the mode: a host answers 403.
    expect(out.map((o) => Object.keys(o)[0])).toEqual(['missing', ownerOnly, 'ino']);
    expect(readdirSync(join(dir, 'to'))).toEqual(ownerOnly === 'ino' ? ['fine', 'owner-only'] : ['fine']);
    expect(readdirSync(join(dir, 'from'))).toEqual(
      ownerOnly === 'ino' ? ['fine.html', 'owner-only.html'] : ['fine.html'],
    );
  });

  // Another file system (tmpfs at /dev/shm, where there is one): no link can be made.
  const shm = '/dev/shm';
  const other = existsSync(shm) && statSync(shm).dev !== statSync(tmp).dev;
  it.runIf(other)('stops at another file system (EXDEV), every pair stopped and no page folder left', async () => {
    const src = mkdtempSync(join(shm, 'nianbao-fs-threads-'));
    try {
      const from = Array.from({ length: 130 }, (_, i) => join(src, `${i}`));
      from.forEach((f) => writeFileSync(f, 'x'));
      // One a symbolic link to another's file: a copy would follow it to the wrong bytes.
      rmSync(from[100]!);
      symlinkSync(from[5]!, from[100]!);
      const to = from.map((_, i) => join(tmp, 'exdev', `p${i}`, 'index.html'));
      const out = await linkInThreads(from, to, 3);
      expect(out.filter((_, i) => i !== 100).every((o) => 'stopped' in o)).toBe(true);
      expect(out[100]).toEqual({ missing: true });
      expect(existsSync(from[100]!)).toBe(false);
      // A parent shared by the threads' pages may stay (another thread's was in it then).
      expect(existsSync(join(tmp, 'exdev')) ? readdirSync(join(tmp, 'exdev')) : []).toEqual([]);
    } finally {
      rmSync(src, { recursive: true, force: true });
    }
  });
});

describe('statInThreads', () => {
  it('reads the metadata of paths given as bytes, passing over those not there', async () => {
    const f = join(tmp, 'stat-me');
    writeFileSync(f, 'x');
    linkSync(f, join(tmp, 'stat-me-too'));
    await expect(
      statInThreads([Buffer.from(f), Buffer.from(join(tmp, 'nowhere')), Buffer.from(join(tmp, 'stat-me-too'))], 2),
    ).resolves.toBeUndefined();
  });
});
