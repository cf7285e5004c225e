// Build: generate the schema validators, then bundle the CLI with esbuild. Each command
// is its own chunk, loaded only when that command runs, so `--help` stays instant.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateValidatorModule } from './schemas.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

mkdirSync(join(root, 'src/generated'), { recursive: true });
const validators = join(root, 'src/generated/validators.js');
writeFileSync(`${validators}.${process.pid}.tmp`, generateValidatorModule(root));
renameSync(`${validators}.${process.pid}.tmp`, validators);

const esbuild = await import('esbuild');

// Node's built-in modules are taken with require(), not import: importing one as an ES module
// builds its ESM facade, which reads every export, and for node:fs that loads fs/promises,
// streams, readline and file watchers — about 20 ms of every start, `--help` included.
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) =>
      args.kind === 'import-statement' ? { path: args.path, namespace: 'builtin-by-require' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'builtin-by-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};
// commander requires child_process when it loads, for subcommands that are separate
// programs, which communique has none of: about 10 ms of every start. It gets the module
// when it first touches it instead.
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: args.path, namespace: 'lazy-builtin' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require(${JSON.stringify(args.path)}))[key] });`,
      loader: 'js',
    }));
  },
};
// Built beside dist/ and swapped in, so a test run building while another runs the binary
// never finds dist/ half-written or missing.
const staging = join(root, `dist.${process.pid}.tmp`);
rmSync(staging, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: {
    cli: 'src/cli/main.ts',
    worker: 'src/pipeline/worker.ts',
  },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies are bundled too: resolving and loading hundreds of small files from
  // node_modules costs more at start-up than parsing one bundle.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  plugins: [lazyChildProcessForCommander, builtinsByRequire],
  // playwright-core finds its own files through __dirname and loads only when a PDF is printed: it stays outside.
  external: ['playwright-core'],
  sourcemap: 'linked',
  // Chunks sit beside the entries so that `new URL('./worker.js', import.meta.url)` works from any of them.
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
  legalComments: 'none',
});
const previous = join(root, `dist.${process.pid}.old`);
if (existsSync(join(root, 'dist'))) renameSync(join(root, 'dist'), previous);
renameSync(staging, join(root, 'dist'));
rmSync(previous, { recursive: true, force: true });
