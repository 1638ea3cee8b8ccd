import type { AstroIntegration } from 'astro';
import { constants, copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSums, pinGeneration, sha256File, verifySums } from '../lib/write/generation.ts';
import { rendersNational } from '../lib/site/shard.ts';

/**
 * Publishes the datasets. Before any page is built, the data folder is pinned to the generation
 * it shows now (the ingest switches data/build atomically, so a run finishing during the build
 * cannot mix two runs in one site) and every file is checked against its SHA256SUMS: data that
 * does not match is refused, naming the file. After the pages are built, the files SHA256SUMS
 * lists are copied (a reflink where the file system allows, never a hard link: a later ingest
 * must not change a built site) under dist/data/, and each copy is checked again. A DuckDB file
 * too large to publish is not listed, so not copied. In a sharded build the national step
 * publishes them, not the province shards (site/shard.ts).
 */
export function datasets(options: { dataDir: () => string }): AstroIntegration {
  let from: string | null = null;
  return {
    name: 'nianbao-datasets',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const dir = options.dataDir();
        if (!existsSync(join(dir, 'SHA256SUMS'))) return;
        from = realpathSync(dir);
        // Every reader in this build (the pages' data loader too) reads this generation, which an
        // ingest finishing meanwhile leaves in place (pinGeneration; unpinned at the end, or by
        // the process's end). (Not in `astro dev`: there a new ingest should show, and the old
        // generation is removed.)
        if (command === 'build') {
          process.env.NIANBAO_DATA = from;
          if (lstatSync(dir).isSymbolicLink()) {
            const unpin = pinGeneration(dir, from);
            process.once('exit', unpin);
          }
        }
        try {
          verifySums(from, false);
        } catch (e) {
          const message = `the datasets in ${dir} are inconsistent: ${(e as Error).message}. Run \`npm run ingest\` again.`;
          if (command === 'build') throw new Error(message);
          logger.warn(message);
        }
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!from) {
          logger.warn(
            `no ${join(options.dataDir(), 'SHA256SUMS')}: run \`npm run ingest\` first; no datasets published`,
          );
          return;
        }
        if (!rendersNational()) return;
        const sums = parseSums(readFileSync(join(from, 'SHA256SUMS'), 'utf8'));
        const to = join(fileURLToPath(dir), 'data');
        mkdirSync(to, { recursive: true });
        for (const name of [...sums.keys(), 'SHA256SUMS']) {
          rmSync(join(to, name), { force: true });
          // Parts sit in a folder per table (write/parts.ts).
          mkdirSync(dirname(join(to, name)), { recursive: true });
          copyFileSync(join(from, name), join(to, name), constants.COPYFILE_FICLONE);
          const want = sums.get(name);
          if (want && sha256File(join(to, name)) !== want)
            throw new Error(
              `${join(from, name)} changed during the build (its copy does not match SHA256SUMS): run the build again`,
            );
        }
        logger.info(`published ${sums.size} data files to ${to}`);
      },
    },
  };
}
