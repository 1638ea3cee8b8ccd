import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportRow, SummaryRow } from '../src/lib/schema/datasets.ts';
import { forgetRaced, markRaced } from '../src/lib/site/linked-pages.ts';
import {
  agencyPageKey,
  regionPageKey,
  reportPageKey,
  sourceChangedSinceKey,
  type KeyContext,
} from '../src/lib/site/page-keys.ts';
import { regionPages } from '../src/lib/site/region-page.ts';
import { reportRow } from './helpers.ts';
import { testScratchDir } from './scratch.ts';

/**
 * An incremental build copies a page whose key is unchanged (page-keys.ts): every input a page
 * shows must change its key, and nothing else may (or nothing would be copied).
 */

const report = (id: string, over: Partial<ReportRow> = {}): ReportRow =>
  reportRow({
    report_id: id,
    source_file: `${id}.txt`,
    region_code: '320211',
    province: '江苏省',
    city: '无锡市',
    county: '滨湖区',
    region_basis: 'gazetteer',
    ...over,
  });

function context(reports: ReportRow[], over: Partial<KeyContext> = {}): KeyContext {
  const byId = new Map(reports.map((r) => [r.report_id, r]));
  return {
    summary: new Map(reports.map((r) => [r.report_id, { report_id: r.report_id, requests_new: 5 } as SummaryRow])),
    digests: new Map(reports.map((r) => [r.report_id, `cells:${r.report_id};`])),
    reportsOfAgency: () => reports,
    reportById: byId,
    copiesOf: (id) => reports.filter((r) => r.duplicate_of === id),
    ...over,
  };
}

describe('page cache keys', () => {
  const a = report('000000000000000a', { year: 2022 });
  const b = report('000000000000000b');
  const base = context([a, b]);

  it('are the same for the same data (fresh objects), so unchanged pages are copied', () => {
    const again = context([{ ...a }, { ...b }]);
    expect(reportPageKey({ ...b }, [{ ...a }, { ...b }], again)).toBe(reportPageKey(b, [a, b], base));
    expect(agencyPageKey([{ ...a }, { ...b }], again)).toBe(agencyPageKey([a, b], base));
    expect(regionPageKey(regionPages([{ ...a }, { ...b }])[0]!, again)).toBe(
      regionPageKey(regionPages([a, b])[0]!, base),
    );
  });

  it('a report page changes with its row, its summary, its cells, its agency’s other reports, its copies', () => {
    const key = reportPageKey(b, [a, b], base);
    const b2 = { ...b, checks_failed: 1 };
    expect(reportPageKey(b2, [a, b2], context([a, b2]))).not.toBe(key);
    const summary = new Map(base.summary);
    summary.set(b.report_id, { report_id: b.report_id, requests_new: 6 } as SummaryRow);
    expect(reportPageKey(b, [a, b], { ...base, summary })).not.toBe(key);
    const digests = new Map(base.digests);
    digests.set(b.report_id, 'cells:other;');
    expect(reportPageKey(b, [a, b], { ...base, digests })).not.toBe(key);
    const a2 = { ...a, title: '更正' };
    expect(reportPageKey(b, [a2, b], context([a2, b]))).not.toBe(key);
    const copy = report('000000000000000c', { duplicate_of: b.report_id });
    expect(reportPageKey(b, [a, b], context([a, b, copy]))).not.toBe(key);
  });

  it('a region page changes when a report under it does, or a new one arrives', () => {
    const key = regionPageKey(regionPages([a, b])[0]!, base);
    const c = report('000000000000000c', { agency: '另一局' });
    expect(regionPageKey(regionPages([a, b, c])[0]!, context([a, b, c]))).not.toBe(key);
    const summary = new Map(base.summary);
    summary.set(a.report_id, { report_id: a.report_id, requests_new: 9 } as SummaryRow);
    expect(regionPageKey(regionPages([a, b])[0]!, { ...base, summary })).not.toBe(key);
  });
});

describe('a raw file edited during the build (a fresh tester’s race)', () => {
  it('is noticed when the page reads another file than its key was made from', () => {
    const dir = testScratchDir('nianbao-page-keys-raw-');
    const raw = process.env.NIANBAO_RAW;
    const cache = process.env.NIANBAO_CACHE;
    process.env.NIANBAO_RAW = dir;
    process.env.NIANBAO_CACHE = join(dir, '.cache');
    try {
      writeFileSync(join(dir, 'r.txt'), 'as ingested');
      const r = report('00000000000000r1', { source_file: 'r.txt' });
      reportPageKey(r, [r], context([r]));
      const sha = (s: string) => createHash('sha256').update(s).digest('hex');
      expect(sourceChangedSinceKey('r.txt', sha('as ingested'))).toBe(false);
      expect(sourceChangedSinceKey('r.txt', sha('edited'))).toBe(true);
      expect(sourceChangedSinceKey('r.txt', null)).toBe(true);
      // No key made for it: nothing to say.
      expect(sourceChangedSinceKey('other.txt', sha('edited'))).toBe(false);
    } finally {
      if (raw === undefined) delete process.env.NIANBAO_RAW;
      else process.env.NIANBAO_RAW = raw;
      if (cache === undefined) delete process.env.NIANBAO_CACHE;
      else process.env.NIANBAO_CACHE = cache;
    }
  });

  it('its page’s cache copy is removed at the end, so the next build renders it whatever its key', () => {
    const cache = testScratchDir('nianbao-raced-');
    const copy = (p: string) => join(cache, 'dist', p);
    for (const p of ['reports/a/index.html', 'reports/b/index.html']) {
      mkdirSync(dirname(copy(p)), { recursive: true });
      writeFileSync(copy(p), 'page');
    }
    expect(forgetRaced(cache)).toBe(0);
    markRaced(cache, 'reports/a/index.html');
    markRaced(cache, 'reports/a/index.html');
    markRaced(cache, '../outside.html');
    expect(forgetRaced(cache)).toBe(1);
    expect(existsSync(copy('reports/a/index.html'))).toBe(false);
    expect(existsSync(copy('reports/b/index.html'))).toBe(true);
    expect(forgetRaced(cache)).toBe(0);
  });
});
