import { defineConfig } from 'vitest/config';

// System and browser tests start real processes and wait on real time: generous time-outs, one file at a time.
export default defineConfig({
  test: {
    include: ['system/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
