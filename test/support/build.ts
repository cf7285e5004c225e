import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Vitest's global setup: build before any test runs, so the tests that spawn
 * bin/communique.js (and the worker threads it starts) never run stale code.
 */
export default function build(): void {
  const root = resolve(import.meta.dirname, '../..');
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}${result.stderr}`);
}
