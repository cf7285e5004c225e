/**
 * Files that ship with communique (schemas, templates), found from wherever this code was
 * loaded: src/ in tests, dist/ when built, node_modules/communique when installed.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(folder, 'schemas', 'communique.schema.json')) && existsSync(join(folder, 'templates'))) {
      root = folder;
      return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error('the schemas and templates folders are missing from the installation');
    folder = parent;
  }
}

export function packageFile(...segments: string[]): string {
  return join(packageRoot(), ...segments);
}
