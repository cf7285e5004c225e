import { dirname, join, resolve } from 'node:path';
import type { FileResult } from '../diagnostics/diagnostic.js';
import type { FileSystem } from '../io/io.js';
import type { CommuniqueConfig } from './parse.js';

/** The file names a configuration may have, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = ['communique.config.json', '.communiquerc.json'] as const;

/**
 * The nearest configuration file at or above `from`, stopping at the repository root (the
 * first folder with `.git`) so a project never picks up a stray file from above it.
 */
export function discoverConfig(fs: FileSystem, from: string): string | undefined {
  let folder = resolve(from);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(folder, name);
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    }
    if (fs.existsSync(join(folder, '.git'))) return undefined;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

export type LoadedConfig =
  | { ok: true; path?: string; folder: string; config: CommuniqueConfig }
  | { ok: false; problems: FileResult[] };

/**
 * The project a file belongs to, found from the file: the nearest folder holding a
 * configuration file, else the repository root (the first folder with `.git`), else the
 * file's own folder. A communiqué rendered from elsewhere keeps its own project's images.
 */
export function projectRootOf(fs: FileSystem, folder: string): string {
  const config = discoverConfig(fs, folder);
  if (config) return dirname(config);
  for (let here = resolve(folder); ; here = dirname(here)) {
    if (fs.existsSync(join(here, '.git'))) return here;
    if (dirname(here) === here) return resolve(folder);
  }
}
