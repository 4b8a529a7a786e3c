import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Rendering a 100-page report and reading it back takes a few seconds, several times that on a busy
    // CI machine running other packages' tests alongside; the default 5 s would fail on load, not on a defect.
    testTimeout: 60_000,
  },
});
