import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeReportJson } from '../lib/site/report-json.ts';
import { writeReportIndex } from '../lib/site/report-index.ts';
import { redirectsFile } from '../lib/site/legacy-urls.ts';
import { movedDataFiles } from '../lib/site/moved-data.ts';
import { movedRules, readMovedReports, writeMovedShards } from '../lib/site/moved-reports.ts';
import { HOST_FILE_LIMIT, oversized } from '../lib/site/dist-files.ts';
import { readLayout } from '../lib/write/layout.ts';
import { PART_BYTES } from '../lib/write/parts.ts';
import { cacheDir, incremental } from '../lib/site/incremental.ts';
import { currentShard, reportPredicate, rendersNational, shardName } from '../lib/site/shard.ts';

/**
 * Files written after the pages, outside Astro's page pipeline: every report's JSON
 * (`reports/{id}.json`, one DuckDB query per block of reports, see site/report-json.ts), the
 * reports index (`reports/index.json` and its JSON Lines, site/report-index.ts), and the
 * `_redirects` rules for the addresses the report's files and the data files used to have
 * (site/legacy-urls.ts), and those of reports whose file was edited since (their lookup files
 * for the 404 page too, site/moved-reports.ts). The data folder is the one the datasets integration pinned in
 * NIANBAO_DATA. Last, it warns about any published data file larger than a static host takes
 * per file (25 MiB): only a single row larger than the part limit can make one.
 *
 * In a sharded build (site/shard.ts) a province shard writes the JSON of its own reports, and
 * the national step the reports index and `_redirects`.
 */
export function reportFiles(options: { dataDir: () => string }): AstroIntegration {
  let base = '/';
  return {
    name: 'nianbao-report-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const data = options.dataDir();
        const shard = currentShard();
        const national = rendersNational(shard);
        if (!existsSync(join(data, 'datapackage.json'))) {
          if (national) writeFileSync(join(out, '_redirects'), redirectsFile(base));
          logger.warn(`no ${join(data, 'datapackage.json')}: no report JSON written`);
          return;
        }
        if (national) {
          // Edited reports' old addresses (site/moved-reports.ts).
          const movedReports = await readMovedReports(data);
          writeMovedShards(out, movedReports);
          writeFileSync(
            join(out, '_redirects'),
            redirectsFile(base, movedDataFiles(readLayout(data), base), movedRules(movedReports, base)),
          );
          if (movedReports.size) logger.info(`${movedReports.size} old report addresses redirect to edited reports`);
        }
        const started = Date.now();
        if (shard.kind !== 'national') {
          const { written, copied } = await writeReportJson({
            dataDir: data,
            outDir: join(out, 'reports'),
            where: reportPredicate(shard),
            // An incremental build copies the unchanged reports' files from its cache.
            cacheDir: incremental() ? join(cacheDir(), 'nianbao-report-json') : undefined,
          });
          const of = shard.kind === 'all' ? '' : ` (shard ${shardName(shard)})`;
          const from = incremental() ? ` (${copied} unchanged, copied from the cache)` : '';
          logger.info(
            `wrote ${written} report JSON files${of}${from} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
          );
        }
        if (national) await writeReportIndex({ dataDir: data, outDir: out, base, limit: PART_BYTES });
        const big = oversized([...filesUnder(out, 'data'), ...filesUnder(out, 'reports/index')]);
        if (big.length)
          logger.warn(
            `over ${HOST_FILE_LIMIT / 1024 / 1024} MiB, more than hosts such as Cloudflare Pages take per file: ${big.join(', ')} (a single row larger than the part limit; serve it from object storage)`,
          );
      },
    },
  };
}

/** Files under `dir/sub` (recursively), as paths relative to `dir`. */
function filesUnder(dir: string, sub: string): Array<{ path: string; bytes: number }> {
  if (!existsSync(join(dir, sub))) return [];
  return readdirSync(join(dir, sub), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const full = join(e.parentPath, e.name);
      return { path: relative(dir, full), bytes: statSync(full).size };
    });
}
