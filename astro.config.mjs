// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// Static output only: dist/ must work on any static host, also under a sub-path (BASE_PATH).
export default defineConfig({
  output: 'static',
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  integrations: [mdx()],
  vite: {
    // DuckDB is a native module: keep it out of the bundle.
    ssr: { external: ['@duckdb/node-api'] },
  },
});
