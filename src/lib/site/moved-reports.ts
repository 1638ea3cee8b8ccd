import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManifestEntry } from '../schema/datasets.ts';
import { manifestEntries, readManifestHeader } from '../write/manifest.ts';
import { MOVED_DIR, movedShardName } from './legacy-urls.ts';

/**
 * Reports whose file was edited since an earlier run (ingest/history.ts): the old report id's
 * addresses go to the new one's. Two ways, as for the other old addresses (legacy-urls.ts):
 * - static `_redirects` rules (`/reports/{old}/` and `/reports/{old}.json`), at most
 *   `MAX_STATIC_RULES` of them: Cloudflare Pages takes 2,000 static rules in all;
 * - for every moved id, the 404 page's script: it reads `reports/moved/{first two hex digits}.json`
 *   (`{ old: new }`, at most 256 small files whatever the number of reports) and replaces the
 *   address.
 */

/** Old report id → the id of the report its file holds now. */
export type MovedReports = Map<string, string>;

/** Static rules for moved reports, two per id (page, JSON), within Cloudflare's 2,000 with room for the others. */
export const MAX_STATIC_RULES = 1800;

const Moved = ManifestEntry.pick({ report_id: true, replaces: true });

/** Every moved id of the run published in `dataDir` (its manifest's `replaces`). */
export async function readMovedReports(dataDir: string): Promise<MovedReports> {
  const moved: MovedReports = new Map();
  const header = readManifestHeader(dataDir);
  for await (const e of manifestEntries(
    dataDir,
    header,
    (line) => line.includes('"replaces":'),
    (line) => Moved.parse(JSON.parse(line)),
  ))
    if (e.report_id) for (const old of e.replaces ?? []) moved.set(old, e.report_id);
  return moved;
}

/** The `_redirects` lines for moved reports, in old-id order, at most `max` lines. */
export function movedRules(moved: MovedReports, base: string, max = MAX_STATIC_RULES): Array<[string, string]> {
  const rules: Array<[string, string]> = [];
  for (const old of [...moved.keys()].sort()) {
    if (rules.length + 2 > max) break;
    const to = moved.get(old)!;
    rules.push(
      [`${base}reports/${old}/`, `${base}reports/${to}/`],
      [`${base}reports/${old}.json`, `${base}reports/${to}.json`],
    );
  }
  return rules;
}

/** The 404 script's lookup files: by the old id's first two hex digits, `{ old: new }` in id order. */
export function movedShards(moved: MovedReports): Map<string, Record<string, string>> {
  const shards = new Map<string, Record<string, string>>();
  for (const old of [...moved.keys()].sort()) {
    const name = movedShardName(old);
    const shard = shards.get(name) ?? {};
    shard[old] = moved.get(old)!;
    shards.set(name, shard);
  }
  return shards;
}

/** Writes the lookup files under `outDir/reports/moved/`, removing those of an earlier build first. */
export function writeMovedShards(outDir: string, moved: MovedReports): number {
  const dir = join(outDir, MOVED_DIR);
  rmSync(dir, { recursive: true, force: true });
  const shards = movedShards(moved);
  if (shards.size) mkdirSync(dir, { recursive: true });
  for (const [name, shard] of shards) writeFileSync(join(dir, `${name}.json`), JSON.stringify(shard));
  return shards.size;
}
