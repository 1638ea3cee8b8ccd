/**
 * A worker of the search index (scripts/search-index.ts, --threads): builds the shards it is sent,
 * one at a time (search-shard.ts), and answers each with what the site-wide files need of it.
 */
import { parentPort } from 'node:worker_threads';
import { characterFold } from '../src/lib/search/script-data.ts';
import { buildShard, type ShardJob } from './search-shard.ts';

const fold = characterFold();
parentPort!.on('message', (job: ShardJob) => {
  buildShard(job, fold).then(
    (built) => parentPort!.postMessage({ built }),
    (e: unknown) => parentPort!.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
