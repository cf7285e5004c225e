import * as fs from 'node:fs';
import type { Io } from '../io/io.js';
import { launchEditor } from './editor.js';
import { inquirerPrompts } from './inquirer-prompts.js';

/** The real world: this process's streams, file system, environment and clock. */
export function nodeIo(): Io {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  // Standard input is opened only by a command that reads it (`new`): setting it up costs
  // 5–10 ms, a noticeable share of `--help` or of checking one file.
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    get stdin() {
      return process.stdin;
    },
    cwd: process.cwd(),
    env: process.env,
    fs,
    now: () => new Date(),
    prompts: inquirerPrompts({
      get stdin() {
        return process.stdin;
      },
      stderr: process.stderr,
    }),
    editor: launchEditor(process.env.VISUAL || process.env.EDITOR),
  };
}

/**
 * `communique … | head -1`: once the reader has gone, nothing more can be said, so stop
 * without a stack trace, with the exit code the run had reached.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}
