import { relative, resolve } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { type Io, wantsColor } from '../io/io.js';
import { EXIT } from '../cli/program.js';
import { discoverConfig, type LoadedConfig, loadConfig } from '../config/discover.js';
import type { FileResult } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import { type FormatContext, loadFormatter } from '../formatters/index.js';
import { expandPaths, type FileToCheck } from '../io/inputs.js';

/** What every command that reads communiqués shares: configuration, paths and reporting. */
export const DOCS_URL = 'https://communique.dev/docs/rules';
export const GENERATOR = `communique ${packageJson.version}`;

export function readConfiguration(option: string | false | undefined, io: Io): LoadedConfig {
  if (option === false) return { ok: true, folder: io.cwd, config: {} };
  const path = option ? resolve(io.cwd, option) : discoverConfig(io.cwd);
  if (!path) return { ok: true, folder: io.cwd, config: {} };
  return loadConfig(path);
}

export function formatContext(io: Io, stream: Io['stdout'] | undefined): FormatContext {
  return {
    cwd: io.cwd,
    color: stream ? wantsColor(stream, io.env) : false,
    toolName: 'communique',
    toolVersion: packageJson.version,
    docsUrl: DOCS_URL,
    rules,
  };
}

/** Problems that stop a command (a broken configuration or template), on stderr with code frames. */
export async function reportOnStderr(io: Io, results: readonly FileResult[]): Promise<void> {
  const stylish = await loadFormatter('stylish');
  io.stderr.write(stylish(results, formatContext(io, io.stderr)));
}

export async function reportConfigProblem(io: Io, configured: Extract<LoadedConfig, { ok: false }>): Promise<void> {
  io.stderr.write(`communique: ${configured.message}\n`);
  if (configured.diagnostics && configured.source) {
    const source = configured.source;
    const lines: Record<number, string> = {};
    for (const diagnostic of configured.diagnostics) {
      for (let line = Math.max(1, diagnostic.line - 1); line <= diagnostic.line; line++) lines[line] = source.lineText(line);
    }
    await reportOnStderr(io, [{ file: relative(io.cwd, configured.path) || configured.path, messages: configured.diagnostics, lines }]);
  }
}

export type Inputs = { ok: true; files: FileToCheck[] } | { ok: false; message: string };

/** The files a command works on: the paths given, or else the configuration's `files`. */
export async function inputFiles(paths: readonly string[], configured: Extract<LoadedConfig, { ok: true }>, io: Io): Promise<Inputs> {
  const config = configured.config;
  let inputs = [...paths];
  if (inputs.length === 0 && config.files && config.files.length > 0) {
    inputs = config.files.map((file) => relative(io.cwd, resolve(configured.folder, file)) || '.');
  }
  if (inputs.length === 0) return { ok: false, message: 'give the files or folders to check, or list them under `files` in communique.config.json' };
  const expansion = await expandPaths(inputs, io.cwd, config.ignore ? { patterns: config.ignore, base: configured.folder } : undefined);
  if (!expansion.ok) return expansion;
  if (expansion.files.length === 0) return { ok: false, message: `found no Markdown files in ${inputs.join(', ')}` };
  return expansion;
}

/**
 * The configuration and the files a command works on, or the exit code when either is
 * wrong (the problem already reported on stderr).
 */
export async function configuredInputs(
  paths: readonly string[],
  option: string | false | undefined,
  io: Io,
): Promise<{ configured: Extract<LoadedConfig, { ok: true }>; inputs: { files: FileToCheck[] } } | number> {
  const configured = readConfiguration(option, io);
  if (!configured.ok) {
    await reportConfigProblem(io, configured);
    return EXIT.usage;
  }
  const inputs = await inputFiles(paths, configured, io);
  if (!inputs.ok) {
    io.stderr.write(`communique: ${inputs.message}\n`);
    return EXIT.usage;
  }
  return { configured, inputs };
}
