import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Tests share nothing but the temp dirs they create; keep them deterministic.
    sequence: { shuffle: false },
  },
});
