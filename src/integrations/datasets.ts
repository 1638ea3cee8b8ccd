import type { AstroIntegration } from 'astro';
import { copyFile, link, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Publishes the datasets: after the pages are built, the files that SHA256SUMS lists (Parquet,
 * CSV, the DuckDB file, manifest.json, datapackage.json) are placed under dist/data/ byte for
 * byte — hard-linked when on the same disk, else copied — so the checksums match what is served.
 */
export function datasets(options: { dataDir: () => string }): AstroIntegration {
  return {
    name: 'nianbao-datasets',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const from = options.dataDir();
        const sums = join(from, 'SHA256SUMS');
        if (!existsSync(sums)) {
          logger.warn(`no ${sums}: run \`npm run ingest\` first; no datasets published`);
          return;
        }
        const { readFile } = await import('node:fs/promises');
        const names = (await readFile(sums, 'utf8')).split('\n').filter(Boolean).map((l) => l.slice(66));
        const to = join(fileURLToPath(dir), 'data');
        await mkdir(to, { recursive: true });
        for (const name of [...names, 'SHA256SUMS']) {
          // Names come from our own SHA256SUMS, but never let one leave the output directory.
          if (name.includes('/') || name.includes('\\') || name.startsWith('.')) throw new Error(`unexpected file name in SHA256SUMS: ${name}`);
          await rm(join(to, name), { force: true });
          await link(join(from, name), join(to, name)).catch(() => copyFile(join(from, name), join(to, name)));
        }
        logger.info(`published ${names.length} data files to ${to}`);
      },
    },
  };
}
