import { describe, expect, it } from 'vitest';
import { PARTS_DESCRIBED, datasetLd, ldJson } from '../src/lib/site/dataset-ld.ts';

const pkg = {
  created: '2026-01-01T00:00:00Z',
  resources: [
    { name: 'reports', path: 'reports.csv', format: 'csv', bytes: 10, title: '每份报告一行' },
    { name: 'cells', path: Array.from({ length: 30 }, (_, i) => `cells/cells-${i}.csv.gz`), format: 'csv' },
    { name: 'cells-parquet', path: 'cells.parquet', format: 'parquet' },
    { name: 'nianbao-duckdb', path: 'nianbao.duckdb', format: 'duckdb', bytes: 3420160 },
  ],
};

describe('datasetLd (dataset-ld.ts)', () => {
  it('describes the package: licence, date, years, one download per file (a table in parts: its first parts)', () => {
    const ld = datasetLd({ pkg, dataUrl: 'https://x.org/data/', pageUrl: 'https://x.org/data/', years: [2019, 2024] });
    expect(ld).toMatchObject({
      '@type': 'Dataset',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      dateModified: '2026-01-01T00:00:00Z',
      temporalCoverage: '2019/2024',
      url: 'https://x.org/data/',
    });
    const d = ld.distribution as Array<Record<string, string>>;
    expect(d).toHaveLength(1 + PARTS_DESCRIBED + 2);
    expect(d[0]).toMatchObject({
      contentUrl: 'https://x.org/data/reports.csv',
      encodingFormat: 'text/csv',
      contentSize: '10 B',
    });
    expect(d[1]!.encodingFormat).toBe('application/gzip');
    expect(d.at(-2)!.encodingFormat).toBe('application/vnd.apache.parquet');
    // The DuckDB file's size differs between two ingests of the same input: the page names none.
    expect(d.at(-1)!.contentUrl).toBe('https://x.org/data/nianbao.duckdb');
    expect(d.at(-1)!.contentSize).toBeUndefined();
  });

  it('one year, no year, no address', () => {
    const one = datasetLd({ pkg, dataUrl: './', pageUrl: null, years: [2021, 2021] });
    expect(one.temporalCoverage).toBe('2021');
    expect(one.url).toBeUndefined();
    expect(datasetLd({ pkg, dataUrl: './', pageUrl: null, years: null }).temporalCoverage).toBeUndefined();
  });

  it('cannot close its script element', () => {
    expect(ldJson({ a: '</script><script>alert(1)</script>' })).not.toContain('<');
    expect(JSON.parse(ldJson({ a: '</script>' }))).toEqual({ a: '</script>' });
  });
});
