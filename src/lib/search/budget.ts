import type { Shard } from './shards.ts';

// Kept apart from shards.ts so that the browser bundle does not pull in zod.

/** Which shards the first query searches: in order, until the page budget is used (at least one). */
export function initialShards(shards: Shard[], budget: number): Shard[] {
  const out: Shard[] = [];
  let pages = 0;
  for (const s of shards) {
    if (out.length > 0 && pages + s.pages > budget) break;
    out.push(s);
    pages += s.pages;
  }
  return out;
}
