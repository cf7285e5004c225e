import packageJson from '../../package.json' with { type: 'json' };
import type { FileResult } from '../diagnostics/diagnostic.js';
import { runProblem } from '../diagnostics/make.js';
import { rules } from '../diagnostics/rules.js';
import { type FormatContext, loadFormatter } from '../formatters/index.js';
import { EXIT, type ExitCode } from '../io/exit.js';
import { type Io, type OutputStream, wantsColor } from '../io/io.js';

/** What every command shares when it speaks: the formatters' context and the one way to report problems. */
export const DOCS_URL = 'https://communique.dev/docs/rules';
export const GENERATOR = `communique ${packageJson.version}`;

export function formatContext(io: Io, stream: OutputStream | undefined): FormatContext {
  return {
    cwd: io.cwd,
    color: stream ? wantsColor(stream, io.env) : false,
    toolName: 'communique',
    toolVersion: packageJson.version,
    docsUrl: DOCS_URL,
    rules,
  };
}

/**
 * Problems beside a command's results — a bad option, a broken configuration or
 * template, a file left unwritten or skipped — on stderr through the stylish formatter:
 * `communique: …` for the run, code frames for problems at a place in a file.
 */
export async function reportProblems(io: Io, problems: readonly FileResult[]): Promise<void> {
  if (problems.length === 0) return;
  const stylish = await loadFormatter('stylish');
  io.stderr.write(stylish(problems, formatContext(io, io.stderr)));
}

/** The configuration's files match nothing yet (a new repository): say so; it is not a mistake. */
export function nothingYet(io: Io, what: string): ExitCode {
  io.stderr.write(`communique: no ${what} yet: the configuration's \`files\` match none\n`);
  return EXIT.ok;
}

/** A bad option or argument: say what is wrong and what to give instead, and exit 2. */
export function usageError(io: Io, message: string): Promise<ExitCode> {
  return fail(io, [runProblem('usage/invalid-option', message)], EXIT.usage);
}

/** Report the problems that stop a command, and end it with `exitCode`. */
export async function fail(io: Io, problems: readonly FileResult[], exitCode: ExitCode): Promise<ExitCode> {
  await reportProblems(io, problems);
  return exitCode;
}
