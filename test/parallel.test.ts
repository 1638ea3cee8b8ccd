import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParallel } from '../src/lib/ingest/parallel.ts';
import { prepareWorkers, startWorkers } from '../src/lib/ingest/pool.ts';
import { runInMemory } from '../src/lib/ingest/run.ts';
import { generateCorpus } from '../src/lib/synth/corpus.ts';
import { gaz, inMemory, writeCorpus } from './helpers.ts';
import { testScratchDir } from './scratch.ts';

describe('worker threads give the same run as one thread', () => {
  // The bundle last: once prepared, every worker of this file loads it.
  it.each([
    ['started by the run', false, false],
    ['started ahead (pool.ts)', true, false],
    ['loaded from a bundle (bundle.ts)', true, true],
  ])('same rows, same order, same manifest: workers %s', async (_, ahead, bundled) => {
    if (bundled) expect(await prepareWorkers()).toBe(true);
    const dir = testScratchDir('nianbao-par-');
    const corpus = [...generateCorpus(60, 99, gaz())];
    writeCorpus(dir, corpus);
    const ctx = { rawDir: 'x', maxBytes: 20 * 1024 * 1024, maxYear: 2026 };
    const seq = runInMemory(inMemory(corpus), { ...ctx, gazetteer: gaz() });
    const text: Record<string, string[]> = { cells: [], checks: [], sections: [] };
    const par = await runParallel(
      corpus.map((f) => ({ path: f.path, size: f.bytes.length, abs: join(dir, f.path) })),
      { ...ctx, workers: 2, batchSize: 7, started: ahead ? startWorkers(2, ctx) : undefined },
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

describe('workers started ahead', () => {
  const ctx = { rawDir: 'x', maxBytes: 1 << 20, maxYear: 2026 };
  const sink = { cells: () => {}, checks: () => {}, sections: () => {}, ndjson: () => {} };

  it('are stopped when the run has no file for them', async () => {
    const started = startWorkers(3, ctx);
    const r = await runParallel([], { ...ctx, workers: 2, started }, sink);
    expect(r.manifest.files).toEqual([]);
    // A stopped worker's threadId is -1: none is left running (the process would not exit).
    expect(started.map((s) => s.worker.threadId)).toEqual([-1, -1, -1]);
  });

  it('one that stopped before the run took it over fails the run as a worker that cannot start', async () => {
    const started = startWorkers(1, ctx);
    await started[0]!.worker.terminate();
    await new Promise((r) => setImmediate(r));
    expect(started[0]!.exited).toBe(true);
    const dir = testScratchDir('nianbao-par-');
    writeFileSync(join(dir, 'a.txt'), 'x');
    await expect(
      runParallel([{ path: 'a.txt', size: 1, abs: join(dir, 'a.txt') }], { ...ctx, workers: 1, started }, sink),
    ).rejects.toThrow(/failed to start/);
  });
});
