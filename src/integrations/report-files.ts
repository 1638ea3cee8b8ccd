import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeReportJson } from '../lib/site/report-json.ts';
import { redirectsFile } from '../lib/site/legacy-urls.ts';
import { HOST_FILE_LIMIT, oversized } from '../lib/site/dist-files.ts';

/**
 * Files written after the pages, outside Astro's page pipeline: every report's JSON
 * (`reports/{id}.json`, one DuckDB query per block of reports, see site/report-json.ts) and the
 * `_redirects` rules for the addresses the report's files used to have (site/legacy-urls.ts).
 * The data folder is the one the datasets integration pinned in NIANBAO_DATA. Last, it warns
 * about published datasets larger than a static host takes per file (25 MiB).
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
        writeFileSync(join(out, '_redirects'), redirectsFile(base));
        const data = options.dataDir();
        if (!existsSync(join(data, 'reports.parquet'))) {
          logger.warn(`no ${join(data, 'reports.parquet')}: no report JSON written`);
          return;
        }
        const started = Date.now();
        const n = await writeReportJson({ dataDir: data, outDir: join(out, 'reports') });
        logger.info(`wrote ${n} report JSON files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        const published = join(out, 'data');
        const big = existsSync(published)
          ? oversized(
              readdirSync(published).map((f) => ({ path: `data/${f}`, bytes: statSync(join(published, f)).size })),
            )
          : [];
        if (big.length)
          logger.warn(
            `over ${HOST_FILE_LIMIT / 1024 / 1024} MiB, more than hosts such as Cloudflare Pages take per file: ${big.join(', ')} (serve dist/data/ from object storage)`,
          );
      },
    },
  };
}
