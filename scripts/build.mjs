// Build: generate the schema validators, then bundle the CLI with rolldown into CommonJS.
//
// Why CommonJS: Node 20's ES module loader costs about 8 ms to start and close to a
// millisecond for every module it loads (resolving URLs, reading through fs/promises,
// decoding), and validating one file loaded 40 of esbuild's chunks. `require` of a few
// larger chunks starts faster: `--help` loads three files, validating one file ten.
//
// The chunks are grouped by hand (rolldown's `codeSplitting.groups`), not left to the
// bundler's one-chunk-per-set-of-importers rule:
// - `base`: whatever the CLI's entry needs before it knows the command (commander, the
//   program); the only chunk `--help` loads besides the entry.
// - `check`: what `validate` needs before it knows whether any file must be read: inputs,
//   settings, the cache, the checks across files, the report formatters, input and output.
//   A run answered from the cache loads nothing more.
// - `steps`: the rest of the per-file pipeline — the YAML readers, the schema validators,
//   the rules — loaded by the first file that must be read.
// Everything else (renderers, importers, prompts, PDF) stays in the chunks rolldown makes,
// loaded only by the command that uses it.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateValidatorModule } from './schemas.mjs';
import { generateTemplateModule } from './templates.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

mkdirSync(join(root, 'src/generated'), { recursive: true });
const validators = join(root, 'src/generated/validators.js');
writeFileSync(`${validators}.${process.pid}.tmp`, generateValidatorModule(root));
renameSync(`${validators}.${process.pid}.tmp`, validators);
const templates = join(root, 'src/generated/templates.js');
writeFileSync(`${templates}.${process.pid}.tmp`, generateTemplateModule(root));
renameSync(`${templates}.${process.pid}.tmp`, templates);

const { rolldown } = await import('rolldown');

const MAIN = join(root, 'src/cli/main.ts');
// What `validate` loads before it knows whether any file must be read: the command and the
// report formatters. A run answered from the cache needs nothing more.
const CHECKING = [
  join(root, 'src/commands/validate.ts'),
  ...readdirSync(join(root, 'src/formatters')).map((name) => join(root, 'src/formatters', name)),
];
const COMMANDER = /[\\/]node_modules[\\/]commander[\\/]/;
// commander requires child_process when it loads, for subcommands that are separate
// programs, which communique has none of: about 10 ms of every start. It gets the module
// when it first touches it instead.
const LAZY_CHILD_PROCESS = '\0lazy-child-process';
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  resolveId: (source, importer) =>
    source === 'node:child_process' && COMMANDER.test(importer ?? '') ? LAZY_CHILD_PROCESS : undefined,
  load: (id) =>
    id === LAZY_CHILD_PROCESS
      ? 'let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require("node:child_process"))[key] });'
      : undefined,
};
// chalk finds out at load whether the terminal takes colour, which loads node:tty and with
// it node:net (about 5 ms of every `validate`). communique never asks chalk: it decides
// colour itself (io/io.ts wantsColor) and gives chalk the level. chalk's own build for
// browsers, which detects nothing, is bundled instead.
const CHALK = /[\\/]node_modules[\\/]chalk[\\/]/;
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  resolveId: (source, importer) =>
    source === '#supports-color' && CHALK.test(importer ?? '')
      ? join(root, 'node_modules/chalk/source/vendor/supports-color/browser.js')
      : undefined,
};
// Left to Node: its built-ins; playwright-core, which finds its own files through __dirname
// and loads only when a PDF is printed; pdfjs-dist, an ES module with top-level await that
// loads only when a PDF is imported; and the ajv runtime helpers the generated validators
// require by path.
function external(id, importer) {
  if (id === 'node:child_process' && COMMANDER.test(importer ?? '')) return false;
  return /^node:/.test(id) || /^(playwright-core|pdfjs-dist)(\/|$)|^ajv(-formats)?\//.test(id);
}

const PIPELINE =
  /[\\/]src[\\/](core|pipeline|io|config|diagnostics|generated|formatters)[\\/]|[\\/]schemas[\\/]|[\\/]node_modules[\\/](yaml|js-yaml)[\\/]/;
// The bundled templates compiled at build time: only rendering needs them, and the steps
// chunk every `validate` loads would otherwise carry their 6,000 lines.
const RENDERING_ONLY = /[\\/]src[\\/]generated[\\/]templates\.js$/;

/** The modules these reach through static imports. */
function staticallyFrom(context, entries) {
  const reached = new Set();
  const pending = [...entries];
  while (pending.length > 0) {
    const id = pending.pop();
    if (reached.has(id)) continue;
    reached.add(id);
    pending.push(...(context.getModuleInfo(id)?.importedIds ?? []));
  }
  return reached;
}
let startUp;
let checking;
const isEntry = (id, context) => context.getModuleInfo(id)?.isEntry === true;

// Built beside dist/ and swapped in, so a test run building while another runs the binary
// never finds dist/ half-written or missing.
const staging = join(root, `dist.${process.pid}.tmp`);
rmSync(staging, { recursive: true, force: true });
const bundle = await rolldown({
  cwd: root,
  input: { cli: 'src/cli/main.ts', worker: 'src/pipeline/worker.ts' },
  platform: 'node',
  external,
  plugins: [lazyChildProcessForCommander, chalkWithoutDetection],
  // Merging shared modules into an entry chunk would run the worker's start-up code in
  // whichever thread first loads that chunk.
  experimental: { chunkOptimization: { mergeCommonChunks: false } },
  logLevel: 'warn',
  onLog(level, log, handler) {
    // A dynamic import of a module that is also imported statically elsewhere is deliberate:
    // the static importer is in another command's chunk.
    if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
    handler(level, log);
  },
});
await bundle.write({
  dir: staging,
  format: 'cjs',
  // Built-ins never change under us: no getters to keep their bindings live.
  externalLiveBindings: false,
  entryFileNames: '[name].js',
  chunkFileNames: '[name]-[hash].js',
  sourcemap: true,
  codeSplitting: {
    groups: [
      {
        debugName: 'base',
        priority: 2,
        name: (id, context) => {
          startUp ??= staticallyFrom(context, [MAIN]);
          return startUp.has(id) && !isEntry(id, context) ? 'base' : null;
        },
      },
      {
        debugName: 'check',
        priority: 1,
        name: (id, context) => {
          checking ??= staticallyFrom(context, CHECKING);
          return checking.has(id) && PIPELINE.test(id) && !isEntry(id, context) ? 'check' : null;
        },
      },
      {
        debugName: 'steps',
        priority: 0,
        name: (id, context) =>
          PIPELINE.test(id) && !RENDERING_ONLY.test(id) && !isEntry(id, context) ? 'steps' : null,
      },
    ],
  },
});
await bundle.close();
// package.json says "type": "module"; these files are CommonJS.
writeFileSync(join(staging, 'package.json'), '{ "type": "commonjs" }\n');

const previous = join(root, `dist.${process.pid}.old`);
if (existsSync(join(root, 'dist'))) renameSync(join(root, 'dist'), previous);
renameSync(staging, join(root, 'dist'));
rmSync(previous, { recursive: true, force: true });
