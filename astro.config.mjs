// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { datasets } from './src/integrations/datasets.ts';
import { reportFiles } from './src/integrations/report-files.ts';
import { shard } from './src/integrations/shard.ts';

// Static output only: dist/ must work on any static host, also under a sub-path (BASE_PATH).
// SITE_URL (optional) is the public address, used in the data page's examples.
export default defineConfig({
  output: 'static',
  site: process.env.SITE_URL || undefined,
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  // Pages overlap their data fetching and file writes (the rendering itself is single-threaded).
  build: { concurrency: 4 },
  // `npm run build -- --incremental` (scripts/build.ts): a report, agency or region page whose
  // data is unchanged since the last incremental build (its cacheKey, src/lib/site/page-keys.ts)
  // is copied from that build's cache instead of rendered. The cache is NIANBAO_CACHE.
  ...(process.env.NIANBAO_INCREMENTAL === '1'
    ? { experimental: { incrementalBuild: true }, cacheDir: process.env.NIANBAO_CACHE || './node_modules/.astro' }
    : {}),
  integrations: [
    mdx(),
    // A sharded build (NIANBAO_SHARD, set by scripts/build.ts --shard): see src/lib/site/shard.ts.
    shard(),
    datasets({ dataDir: () => process.env.NIANBAO_DATA ?? 'data/build' }),
    // After the pages: reports/{id}.json (DuckDB, a block of reports per query) and _redirects.
    reportFiles({ dataDir: () => process.env.NIANBAO_DATA ?? 'data/build' }),
  ],
  vite: {
    // No inline scripts, however small: the Content-Security-Policy allows only the site's own files.
    // An incremental build's output folder starts with the cached pages linked into it
    // (src/lib/site/linked-pages.ts): Astro must not empty it.
    build: { assetsInlineLimit: 0, ...(process.env.NIANBAO_INCREMENTAL === '1' ? { emptyOutDir: false } : {}) },
    // DuckDB is a native module: keep it out of the bundle.
    ssr: { external: ['@duckdb/node-api'] },
  },
});
