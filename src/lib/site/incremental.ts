/**
 * Whether this build is incremental (`npm run build -- --incremental`, scripts/build.ts): one
 * environment variable, read here, in astro.config.mjs and by the pages' cache keys
 * (page-keys.ts). Its cache folder is NIANBAO_CACHE (default node_modules/.astro).
 */
export const INCREMENTAL_ENV = 'NIANBAO_INCREMENTAL';
export const incremental = (): boolean => process.env[INCREMENTAL_ENV] === '1';

/** The incremental build's cache folder (Astro's cacheDir, astro.config.mjs). */
export const CACHE_ENV = 'NIANBAO_CACHE';
export const cacheDir = (): string => process.env[CACHE_ENV] || 'node_modules/.astro';
