// Mutation testing: `npm run mutate` (not run in CI). It builds first, because the core
// imports the generated schema validators (src/generated/validators.js).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  mutate: ['src/core/**/*.ts', 'src/formatters/**/*.ts', 'src/io/write.ts', 'src/io/manifest.ts', '!src/generated/**'],
  coverageAnalysis: 'perTest',
  // A static mutant (one in code that runs when a module loads: the tables and patterns at
  // the top of a file) cannot be switched on for one test: Stryker reloads everything and
  // runs every test, about two minutes a mutant here, hours in all. They are left out (the
  // report lists them as ignored) unless STRYKER_STATIC=1 is set.
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  // Stryker rewrites the sandbox's tsconfig with the TypeScript JS API, which TypeScript 7
  // (the native compiler) no longer has: `ts.parseConfigFileTextToJson is not a function`.
  // Our tsconfig has no `extends` or `references` to rewrite, and vitest does not need it
  // rewritten, so point Stryker at a file that does not exist and the step is skipped.
  tsconfigFile: 'tsconfig.not-rewritten-by-stryker.json',
  // The machine has two cores.
  concurrency: 2,
  // A mutant that makes a test run longer than this is counted as timed out (and its test
  // runner restarted). The defaults (1.5 × the run's time + 5 s) are too tight on a busy
  // machine: other work slows every run, and the mutants then time out for no reason.
  // Real infinite loops are mostly stopped sooner, by Stryker's count of hits per mutant.
  timeoutFactor: 2.5,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  tempDirName: '.stryker-tmp',
  // Not needed by the tests Stryker runs, and large: kept out of the sandbox copy. (dist/ is
  // copied: a few in-process test files also spawn bin/communique.js once.)
  ignorePatterns: ['bench-corpus', 'scratch', 'reports'],
  thresholds: { high: 90, low: 80, break: null },
};
