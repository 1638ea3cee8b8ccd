import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The built sites (samples, sub-path, synthetic) are made once, before any test file runs.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests share nothing but the temp dirs they create; keep them deterministic.
    sequence: { shuffle: false },
  },
});
