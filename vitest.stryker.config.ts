import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant (`npm run mutate`): the ones that exercise src/
 * in the test's own process. Left out are the slow tests of other layers, which spawn the
 * built binary, a pseudo-terminal, real tools or a browser, or pack the package: a mutant in
 * src/ never reaches them (they run dist/), and Stryker would run them for every mutant of
 * module-level code. There is no global build either: `npm run mutate` builds first.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      '**/node_modules/**',
      'test/bin.test.ts',
      'test/new.pty.test.ts',
      'test/integration/**',
      'test/rendered-examples.test.ts',
      'test/workers.test.ts',
      'test/package.test.ts',
      // Fuzzes the whole pipeline, renderers included, for a throw: slow, and it asserts no output.
      'test/fuzz.test.ts',
    ],
    setupFiles: ['./test/support/cleanup.ts'],
    testTimeout: 30_000,
    env: { NO_COLOR: '1', FORCE_COLOR: '' },
  },
});
