import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentShard, pathScope, shardName } from '../lib/site/shard.ts';
import { listFiles } from '../lib/site/merge.ts';

/**
 * Sharded builds (src/lib/site/shard.ts): names the shard at the start, and after the build makes
 * sure a shard wrote only its own pages. Pages that are not a province's return no body in a
 * province shard (so Astro writes no file) except a Markdown page (about), which cannot: such a
 * file is removed here. A province page written by the national step is a bug and fails the build.
 */
export function shard(): AstroIntegration {
  let publicDir = '';
  return {
    name: 'nianbao-shard',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const s = currentShard();
        if (s.kind !== 'all') logger.info(`sharded build: ${shardName(s)}`);
      },
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const s = currentShard();
        if (s.kind === 'all') return;
        const out = fileURLToPath(dir);
        const publicFiles = new Set(existsSync(publicDir) ? listFiles(publicDir) : []);
        let removed = 0;
        for (const urls of assets.values()) {
          for (const url of urls) {
            const file = fileURLToPath(url);
            const rel = relative(out, file);
            const scope = pathScope(rel, publicFiles);
            if (s.kind === 'national' && scope === 'province')
              throw new Error(`sharded build (national): ${rel} is a province's page`);
            if (s.kind === 'province' && scope === 'national' && existsSync(file)) {
              rmSync(file);
              removed++;
              // The page's folder, when it is left empty.
              const folder = dirname(file);
              if (folder !== out && readdirSync(folder).length === 0) rmdirSync(folder);
            }
          }
        }
        if (removed) logger.info(`sharded build: removed ${removed} page(s) the national step writes`);
      },
    },
  };
}
