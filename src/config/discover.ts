import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type CommuniqueConfig, parseConfig } from './parse.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../core/parse/source-text.js';

/** The file names a configuration may have, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = ['communique.config.json', '.communiquerc.json'] as const;

/**
 * The nearest configuration file at or above `from`, stopping at the repository root (the
 * first folder with `.git`) so a project never picks up a stray file from above it.
 */
export function discoverConfig(from: string): string | undefined {
  let folder = resolve(from);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(folder, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    if (existsSync(join(folder, '.git'))) return undefined;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

export type LoadedConfig =
  | { ok: true; path?: string; folder: string; config: CommuniqueConfig }
  | { ok: false; path: string; message: string; diagnostics?: Diagnostic[]; source?: SourceText };

export function loadConfig(path: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, path, message: code === 'ENOENT' ? `Cannot find the configuration file ${path}` : `Cannot read the configuration file ${path} (${code ?? 'unknown error'})` };
  }
  const parsed = parseConfig(text);
  if (!parsed.ok) return { ok: false, path, message: `The configuration file ${path} is not valid`, diagnostics: parsed.diagnostics, source: parsed.source };
  return { ok: true, path, folder: dirname(resolve(path)), config: parsed.config };
}
