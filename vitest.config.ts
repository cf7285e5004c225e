import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ once before the tests: the binary tests must never run stale code.
    globalSetup: ['./test/support/build.ts'],
    setupFiles: ['./test/support/cleanup.ts'],
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    testTimeout: 30_000,
    env: { NO_COLOR: '1', FORCE_COLOR: '' },
  },
});
