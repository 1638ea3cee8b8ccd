import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParallel } from '../src/lib/ingest/parallel.ts';
import { runInMemory } from '../src/lib/ingest/run.ts';
import { generateCorpus } from '../src/lib/synth/corpus.ts';
import { gaz, sha } from './helpers.ts';

describe('worker threads give the same run as one thread', () => {
  it('same rows, same order, same manifest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-par-'));
    const corpus = [...generateCorpus(60, 99, gaz())];
    for (const f of corpus) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.bytes);
    }
    const ctx = { rawDir: 'x', maxBytes: 20 * 1024 * 1024, maxYear: 2026 };
    const seq = runInMemory(
      corpus.map((f) => ({ path: f.path, size: f.bytes.length, read: () => f.bytes, sha256: sha })),
      { ...ctx, gazetteer: gaz() },
    );
    const text: Record<string, string[]> = { cells: [], checks: [], sections: [] };
    const par = await runParallel(
      corpus.map((f) => ({ path: f.path, size: f.bytes.length, abs: join(dir, f.path) })),
      { ...ctx, workers: 2, batchSize: 7 },
      {
        cells: () => {},
        checks: () => {},
        sections: () => {},
        ndjson: (t, b) => text[t]!.push(Buffer.from(b).toString('utf8')),
      },
    );
    expect(par.manifest).toEqual(seq.manifest);
    expect(par.reports).toEqual(seq.reports);
    expect(par.summary).toEqual(seq.summary);
    const lines = (t: string) =>
      text[t]!.join('')
        .split('\n')
        .filter(Boolean)
        .map((l): unknown => JSON.parse(l));
    // Cross-year checks are appended after the run through the object sink; compare the rest.
    expect(lines('cells')).toEqual(seq.cells);
    expect(lines('sections')).toEqual(seq.sections);
    expect(lines('checks')).toEqual(seq.checks.filter((c) => !c.check_id.startsWith('cross_year')));
  });
});
