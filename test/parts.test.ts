import { describe, expect, it } from 'vitest';
import { partsText } from '../src/lib/ingest/summary-text.ts';
import type { Layout } from '../src/lib/write/layout.ts';
import {
  DEFAULT_PART_BYTES,
  fitsInOne,
  partBytesFrom,
  partPath,
  partPaths,
  writeFitted,
  type Cut,
} from '../src/lib/write/parts.ts';

/**
 * The rule that keeps every published file under the part limit, on a model of a file writer:
 * a file of rows [o, o+n) has a fixed overhead (header, footer) plus the rows' own sizes.
 */
function model(sizes: number[], overhead = 100) {
  const writes: Cut[] = [];
  const kept: Array<{ part: number | null; cut: Cut }> = [];
  const size = (c: Cut) => overhead + sizes.slice(c.offset, c.offset + c.rows).reduce((a, b) => a + b, 0);
  return {
    writes,
    kept,
    size,
    write: (c: Cut) => {
      writes.push(c);
      return Promise.resolve(size(c));
    },
    keep: (part: number | null, cut: Cut) => {
      kept.push({ part, cut });
      return Promise.resolve();
    },
  };
}

describe('writeFitted: one file while it fits, otherwise parts under the limit', () => {
  it('keeps a table that fits as one file, written once', async () => {
    const m = model(Array<number>(1000).fill(10));
    const r = await writeFitted({ total: 1000, limit: 20_000, write: m.write, keep: m.keep });
    expect(r.single).toBe(true);
    expect(m.kept).toEqual([{ part: null, cut: { offset: 0, rows: 1000 } }]);
    expect(m.writes).toHaveLength(1);
  });

  it('cuts a larger table into parts, in order, each at most the limit, covering every row once', async () => {
    // Uneven rows: sizes from 1 to 300 bytes.
    const sizes = Array.from({ length: 5000 }, (_, i) => 1 + ((i * 7919) % 300));
    const m = model(sizes);
    const limit = 20_000;
    const r = await writeFitted({ total: sizes.length, limit, write: m.write, keep: m.keep });
    expect(r.single).toBe(false);
    expect(m.kept.map((k) => k.part)).toEqual(m.kept.map((_, i) => i));
    let next = 0;
    for (const { cut } of m.kept) {
      expect(cut.offset).toBe(next);
      expect(m.size(cut)).toBeLessThanOrEqual(limit);
      next += cut.rows;
    }
    expect(next).toBe(sizes.length);
    // Parts are nearly full: all but the last at least half the limit.
    for (const { cut } of m.kept.slice(0, -1)) expect(m.size(cut)).toBeGreaterThan(limit / 2);
    // The same sizes give the same cuts.
    const again = model(sizes);
    await writeFitted({ total: sizes.length, limit, write: again.write, keep: again.keep });
    expect(again.kept).toEqual(m.kept);
  });

  it('a row larger than the limit is a part of its own; an empty table is one file', async () => {
    const sizes = [10, 10, 50_000, 10, 10];
    const m = model(sizes);
    await writeFitted({ total: 5, limit: 1000, write: m.write, keep: m.keep });
    const cuts = m.kept.map((k) => k.cut);
    expect(cuts).toContainEqual({ offset: 2, rows: 1 });
    expect(cuts.reduce((n, c) => (expect(c.offset).toBe(n), n + c.rows), 0)).toBe(5);
    for (const c of cuts) if (c.offset !== 2) expect(m.size(c)).toBeLessThanOrEqual(1000);
    const empty = model([]);
    expect((await writeFitted({ total: 0, limit: 1000, write: empty.write, keep: empty.keep })).single).toBe(true);
    expect(empty.kept).toEqual([{ part: null, cut: { offset: 0, rows: 0 } }]);
  });

  it('probes a bounded number of rows first, so a huge table is not written whole to learn that it is huge', async () => {
    const sizes = Array<number>(100_000).fill(100);
    const m = model(sizes);
    await writeFitted({ total: sizes.length, limit: 1_000_000, write: m.write, keep: m.keep, probeRows: 1000 });
    expect(m.writes[0]).toEqual({ offset: 0, rows: 1000 });
    expect(m.writes.every((w) => w.rows < sizes.length)).toBe(true);
    expect(m.kept.length).toBeGreaterThanOrEqual(10);
    // A table the probe says fits is written whole once.
    const small = model(Array<number>(5000).fill(10));
    const r = await writeFitted({
      total: 5000,
      limit: 1_000_000,
      write: small.write,
      keep: small.keep,
      probeRows: 1000,
    });
    expect(r.single).toBe(true);
    expect(small.writes).toEqual([
      { offset: 0, rows: 1000 },
      { offset: 0, rows: 5000 },
    ]);
  });
});

describe('fitsInOne: whether a table is one file (a CSV that is not goes gzip-compressed)', () => {
  it('decides from the probe when it holds every row, or is over the limit, or puts the table clearly over', async () => {
    const small = model(Array<number>(1000).fill(10));
    expect(await fitsInOne({ total: 1000, limit: 20_000, write: small.write })).toBe(true);
    expect(small.writes).toEqual([{ offset: 0, rows: 1000 }]);
    const over = model(Array<number>(100_000).fill(100));
    expect(await fitsInOne({ total: 100_000, limit: 50_000, write: over.write, probeRows: 1000 })).toBe(false);
    expect(over.writes).toEqual([{ offset: 0, rows: 1000 }]);
    const clearly = model(Array<number>(100_000).fill(10));
    expect(await fitsInOne({ total: 100_000, limit: 900_000, write: clearly.write, probeRows: 1000 })).toBe(false);
    expect(clearly.writes).toEqual([{ offset: 0, rows: 1000 }]);
  });

  it('near the limit it writes the whole table to know, and the last write is then the whole table', async () => {
    // 100 + 100,000 × 10 bytes: the probe estimates 1,000,000 (it misses the overhead's share).
    const near = model(Array<number>(100_000).fill(10));
    expect(await fitsInOne({ total: 100_000, limit: 1_000_100, write: near.write, probeRows: 1000 })).toBe(true);
    expect(near.writes.at(-1)).toEqual({ offset: 0, rows: 100_000 });
    const just = model(Array<number>(100_000).fill(10));
    expect(await fitsInOne({ total: 100_000, limit: 1_000_099, write: just.write, probeRows: 1000 })).toBe(false);
    // A table whose later rows are larger than its first: decided on the whole, not the guess.
    const uneven = model([...Array<number>(1000).fill(1), ...Array<number>(1000).fill(100)]);
    expect(await fitsInOne({ total: 2000, limit: 50_000, write: uneven.write, probeRows: 1000 })).toBe(false);
    expect(uneven.writes).toHaveLength(2);
  });
});

describe('part names and the limit', () => {
  it('names the single file and the numbered parts (1-based, zero-padded: name order is part order)', () => {
    expect(partPath('cells', 'csv', null)).toBe('cells.csv');
    expect(partPath('cells', 'csv', 0)).toBe('cells/cells-00001.csv');
    expect(partPath('reports/index', 'jsonl', 11)).toBe('reports/index/index-00012.jsonl');
    expect(partPath('cells', 'csv.gz', null)).toBe('cells.csv.gz');
    expect(partPath('cells', 'csv.gz', 1)).toBe('cells/cells-00002.csv.gz');
    expect(partPaths('checks', 'parquet', 0)).toEqual(['checks.parquet']);
    const many = partPaths('checks', 'parquet', 12);
    expect(many).toEqual([...many].sort());
  });

  it('is 20 MiB unless NIANBAO_PART_BYTES says otherwise, and refuses nonsense', () => {
    expect(DEFAULT_PART_BYTES).toBe(20 * 1024 * 1024);
    expect(DEFAULT_PART_BYTES).toBeLessThan(25_000_000);
    expect(partBytesFrom(undefined)).toBe(DEFAULT_PART_BYTES);
    expect(partBytesFrom('4096')).toBe(4096);
    expect(() => partBytesFrom('12')).toThrow(/NIANBAO_PART_BYTES/);
    expect(() => partBytesFrom('1e3x')).toThrow(/NIANBAO_PART_BYTES/);
  });
});

describe('the end-of-run summary of parts', () => {
  const one = (t: string) => ({ parquet: [`${t}.parquet`], csv: [`${t}.csv`] });
  const layout = (cells: Layout['tables']['cells'], duckdb: string | null): Layout => ({
    tables: {
      reports: one('reports'),
      cells,
      checks: one('checks'),
      sections: one('sections'),
      summary: one('summary'),
    },
    duckdb,
    sql: 'nianbao.sql',
    manifest: 'manifest.json',
    manifestEntries: ['manifest.jsonl'],
  });
  it('says nothing when everything is one file, and names what went out in parts', () => {
    expect(partsText(layout(one('cells'), 'nianbao.duckdb'), DEFAULT_PART_BYTES)).toBe('');
    const text = partsText(
      layout({ parquet: ['cells.parquet'], csv: ['cells/cells-00001.csv', 'cells/cells-00002.csv'] }, null),
      DEFAULT_PART_BYTES,
    );
    expect(text).toContain('in parts of at most 20 MiB: cells.csv (2 parts)');
    expect(text).toContain('nianbao.duckdb is over 20 MiB: kept here, not published');
    const gz = partsText(
      {
        ...layout(one('cells'), null),
        tables: {
          ...layout(one('cells'), null).tables,
          cells: { parquet: ['cells.parquet'], csv: ['cells/cells-00001.csv.gz', 'cells/cells-00002.csv.gz'] },
          checks: { parquet: ['checks.parquet'], csv: ['checks.csv.gz'] },
        },
      },
      DEFAULT_PART_BYTES,
    );
    expect(gz).toContain('gzip-compressed (over 20 MiB as CSV): cells.csv, checks.csv');
    expect(gz).toContain('in parts of at most 20 MiB: cells.csv.gz (2 parts)');
  });
});
