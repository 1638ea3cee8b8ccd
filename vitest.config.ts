import { defineConfig } from 'vitest/config';

// Tests that look at a built site share sites built once by test/global-setup.ts; the other
// tests do not wait for (or pay for) those builds.
const SITE_TESTS = [
  'test/site.test.ts',
  'test/search.test.ts',
  'test/quality.test.ts',
  'test/sharded-build.test.ts',
  'test/incremental-build.test.ts',
  'test/build-out.test.ts',
];
const common = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  // Tests share nothing but the temp dirs they create; keep them deterministic.
  sequence: { shuffle: false },
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...common, name: 'unit', include: ['test/**/*.test.ts'], exclude: SITE_TESTS } },
      // Browser tests run many page loads each; on a loaded 2-core machine 60 s is not enough.
      {
        test: {
          ...common,
          testTimeout: 300_000,
          name: 'site',
          include: SITE_TESTS,
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
