/**
 * Reading a configuration file: loaded only when there is one, since its parser brings
 * the YAML readers and the schema validators with it.
 */
import { dirname, relative, resolve } from 'node:path';
import { frameLines } from '../diagnostics/code-frame.js';
import { runProblem } from '../diagnostics/make.js';
import type { FileSystem } from '../io/io.js';
import type { LoadedConfig } from './discover.js';
import { parseConfig } from './parse.js';

/** Read and parse a configuration file (parsing itself is pure: parse.ts). */
export function loadConfig(fs: FileSystem, path: string, cwd: string): LoadedConfig {
  const shown = relative(cwd, path) || path;
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unknown error');
    return {
      ok: false,
      problems: [runProblem('config/unreadable', `cannot read the configuration file ${shown}: ${why}`)],
    };
  }
  const parsed = parseConfig(text);
  if (!parsed.ok) {
    const lines = frameLines(parsed.diagnostics, (line) => parsed.source.lineText(line));
    const header = runProblem('config/invalid', `the configuration file ${shown} is not valid`, '');
    return { ok: false, problems: [header, { file: shown, messages: parsed.diagnostics, lines }] };
  }
  return { ok: true, path, folder: dirname(resolve(path)), config: parsed.config };
}
