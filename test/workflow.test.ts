import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate, replayWorkflow } from './workflow-replay.ts';
import { query } from './query.ts';

/**
 * The reference deployment (.github/workflows/sharded-build.yml) replayed on this machine
 * (workflow-replay.ts): the bundled reports ingested, planned into two shards, each shard built
 * in a checkout of its own from the downloaded datasets, and the merge, from the shards'
 * artifacts, must give a site with every report's page and file and a search index.
 */
describe('the sharded-build workflow, replayed', () => {
  const work = resolve(mkdtempSync(join(tmpdir(), 'nianbao-workflow-')));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('knows only the expressions it can evaluate', () => {
    const ctx = { inputs: { shards: '' }, steps: { plan: { shards: '["11","32"]' } }, needs: {}, matrix: { p: '11' } };
    expect(evaluate(`inputs.shards || '32'`, ctx)).toBe('32');
    expect(evaluate(`fromJSON(steps.plan.outputs.shards)`, ctx)).toEqual(['11', '32']);
    expect(evaluate('matrix.p', ctx)).toBe('11');
    expect(() => evaluate('github.ref', ctx)).toThrow(/does not know/);
    expect(() => evaluate('steps.none.outputs.x', ctx)).toThrow(/not set/);
  });

  it(
    'ingests, builds two province shards apart and merges them into the whole site',
    { timeout: 900_000 },
    async () => {
      const replay = replayWorkflow(resolve('.'), '.github/workflows/sharded-build.yml', work, { shards: '2' });
      const shardJobs = replay.jobs.filter((j) => j.job === 'shard');
      expect(shardJobs.length, replay.log.join('\n')).toBe(2);
      const site = join(replay.artifacts, 'site');
      const datasets = join(replay.artifacts, 'datasets');
      const ids = (
        await query<{ report_id: string }>(`SELECT report_id FROM '${join(datasets, 'reports.parquet')}'`)
      ).map((r) => r.report_id);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        expect(existsSync(join(site, 'reports', id, 'index.html')), id).toBe(true);
        expect(existsSync(join(site, 'reports', `${id}.json`)), id).toBe(true);
      }
      expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('lang="zh-CN"');
      // The search index: its shards (each a folder) and the list of them.
      const index = JSON.parse(readFileSync(join(site, 'pagefind', 'shards.json'), 'utf8')) as {
        shards: Array<{ id: string; pages: number }>;
      };
      expect(index.shards.reduce((n, s) => n + s.pages, 0)).toBeGreaterThanOrEqual(ids.length);
      for (const s of index.shards) expect(existsSync(join(site, 'pagefind', s.id)), s.id).toBe(true);
      // Each shard's artifact holds its search records beside its pages (the merge reads them).
      for (const a of readdirSync(replay.artifacts).filter((n) => n.startsWith('shard-')))
        expect(readdirSync(join(replay.artifacts, a)).sort()).toEqual(['dist', 'dist.search.jsonl']);
    },
  );
});
