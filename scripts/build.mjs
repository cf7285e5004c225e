// Build: generate the schema validators, then bundle the CLI with esbuild. Each command
// is its own chunk, loaded only when that command runs, so `--help` stays instant.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateValidatorModule } from './schemas.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

mkdirSync(join(root, 'src/generated'), { recursive: true });
writeFileSync(join(root, 'src/generated/validators.js'), generateValidatorModule(root));

const esbuild = await import('esbuild');
rmSync(join(root, 'dist'), { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: {
    cli: 'src/cli/main.ts',
    worker: 'src/validate/worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  // Chunks sit beside the entries so that `new URL('./worker.js', import.meta.url)` works from any of them.
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
  legalComments: 'none',
});
