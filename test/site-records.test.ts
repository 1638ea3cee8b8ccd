import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RecordCache, recordCode, writeSiteRecords } from '../src/lib/search/site-records.ts';

const page = (title: string, text: string, body = true) =>
  `<!doctype html><html><head><title>${title}</title></head><body><main${body ? ' data-pagefind-body' : ''}><h1>${title}</h1><p>${text}</p></main></body></html>`;

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-site-records-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function site(name: string, pages: Record<string, string>): string {
  const dir = join(tmp, name);
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
  return dir;
}

/** The records as a clean build reads them: every page parsed. */
function parsedAll(dir: string): string[] {
  const lines: string[] = [];
  writeSiteRecords(dir, (l) => lines.push(l));
  return lines;
}

/** The records through the cache in `cacheDir`, committed, and how many pages were parsed. */
function cached(
  dir: string,
  cacheDir: string,
  code = 'code',
): { lines: string[]; parsed: number; pages: number; read: number } {
  const cache = new RecordCache(cacheDir, code);
  const n = writeSiteRecords(dir, cache);
  cache.close();
  const lines = readFileSync(cache.recordsFile, 'utf8').split('\n').filter(Boolean);
  cache.commit();
  return { lines, parsed: n.parsed, pages: n.pages, read: n.read };
}

const earlier = {
  'reports/a/index.html': page('报告甲', '本机关依申请公开'),
  'reports/a.json': '{}',
  'reports/b/index.html': page('报告乙', '主动公开'),
  'reports/c/index.html': page('报告丙', '行政复议'),
  'agencies/k/index.html': page('某局', '年度报告'),
  'agencies/index.html': page('机关', '列表', false),
  'years/2020/index.html': page('2020 年', '列表页', false),
};

describe('search records of a built site, with the incremental cache', () => {
  it('records in a fixed order: report pages, then directory pages; pages without a body left out', () => {
    const dir = site('order', earlier);
    const urls = parsedAll(dir).map((l) => (JSON.parse(l) as { url: string }).url);
    expect(urls).toEqual(['/reports/a/', '/reports/b/', '/reports/c/', '/agencies/k/']);
  });

  it('an update parses only the changed and new pages, gives the same records as parsing all, and drops the pages that are gone', () => {
    const cacheDir = join(tmp, 'cache-update');
    const before = site('before', earlier);
    const first = cached(before, cacheDir);
    expect(first.parsed).toBe(first.pages);
    expect(first.lines).toEqual(parsedAll(before));

    // One report changed (the same length: the digest, not the size, tells), one added, one gone;
    // a page without a body unchanged.
    const after = site('after', {
      ...earlier,
      'reports/b/index.html': page('报告乙', '被动公开'),
      'reports/d/index.html': page('报告丁', '新的报告'),
    });
    rmSync(join(after, 'reports/c'), { recursive: true });
    expect(readFileSync(join(after, 'reports/b/index.html')).length).toBe(
      readFileSync(join(before, 'reports/b/index.html')).length,
    );
    const second = cached(after, cacheDir);
    expect(second.parsed).toBe(2);
    expect(second.lines).toEqual(parsedAll(after));
    expect(second.lines.join('\n')).toContain('被动公开');
    // One records file is left, and the gone page is not in the cache.
    expect(readdirSync(cacheDir).sort()).toEqual(['pages.tsv', expect.stringMatching(/^records-[0-9a-f]+\.jsonl$/)]);
    expect(readFileSync(join(cacheDir, 'pages.tsv'), 'utf8')).not.toContain('reports/c/');

    // Nothing changed: nothing parsed. Back to the earlier site: the gone page parsed again.
    expect(cached(after, cacheDir).parsed).toBe(0);
    const back = cached(before, cacheDir);
    expect(back.parsed).toBe(2);
    expect(back.lines).toEqual(parsedAll(before));
  });

  it('records of other code are not reused; a failed build leaves the cache as it was', () => {
    const cacheDir = join(tmp, 'cache-code');
    const dir = site('code', earlier);
    cached(dir, cacheDir, 'one');
    expect(cached(dir, cacheDir, 'two').parsed).toBe(5);
    const files = readdirSync(cacheDir).sort();
    const index = readFileSync(join(cacheDir, 'pages.tsv'), 'utf8');
    const failed = new RecordCache(cacheDir, 'two');
    writeSiteRecords(dir, failed);
    failed.abandon();
    expect(readdirSync(cacheDir).sort()).toEqual(files);
    expect(readFileSync(join(cacheDir, 'pages.tsv'), 'utf8')).toBe(index);
    expect(cached(dir, cacheDir, 'two').parsed).toBe(0);
  });

  it('a page that is the very file digested before is not read again; a page written again is', () => {
    const cacheDir = join(tmp, 'cache-files');
    const dir = site('files', earlier);
    expect(cached(dir, cacheDir).read).toBe(5);
    // The next build's site: hard links of the same files (an incremental build's kept pages),
    // one page written again with the same bytes (a new file), one with others of the same size.
    const next = join(tmp, 'files-next');
    for (const f of Object.keys(earlier)) {
      mkdirSync(dirname(join(next, f)), { recursive: true });
      linkSync(join(dir, f), join(next, f));
    }
    rmSync(join(next, 'reports/a/index.html'));
    writeFileSync(join(next, 'reports/a/index.html'), earlier['reports/a/index.html']);
    rmSync(join(next, 'reports/b/index.html'));
    writeFileSync(join(next, 'reports/b/index.html'), page('报告乙', '被动公开'));
    const n = cached(next, cacheDir);
    expect(n.read).toBe(2);
    expect(n.parsed).toBe(1);
    expect(n.lines).toEqual(parsedAll(next));
    expect(n.lines.join('\n')).toContain('被动公开');
  });

  it('a damaged page list is not used', () => {
    const cacheDir = join(tmp, 'cache-damaged');
    const dir = site('damaged', earlier);
    cached(dir, cacheDir);
    const index = join(cacheDir, 'pages.tsv');
    writeFileSync(index, readFileSync(index, 'utf8').replace(/\t\d+\t(\d+)\t/, '\tx\t$1\t'));
    expect(cached(dir, cacheDir).parsed).toBe(5);
    expect(cached(dir, cacheDir).parsed).toBe(0);
  });

  it('the code key covers the record code, the lockfile and Node', () => {
    expect(recordCode()).toMatch(/^[\w-]{43}$/);
    expect(recordCode()).toBe(recordCode());
  });
});
