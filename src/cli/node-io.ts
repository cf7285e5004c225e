import * as fs from 'node:fs';
import type { Io } from '../io/io.js';
import { launchEditor } from './editor.js';
import { inquirerPrompts } from './inquirer-prompts.js';

/** The real world: this process's streams, file system, environment and clock. */
export function nodeIo(): Io {
  // Every stream is opened only when first used: setting one up loads Node's stream modules
  // (and, for a pipe, its network ones), 5–10 ms, a noticeable share of `--help`, of checking
  // one file, or of a run that writes its report to a file and has nothing to print.
  return {
    get stdout() {
      return endQuietlyOnClosedPipe(process.stdout);
    },
    get stderr() {
      return endQuietlyOnClosedPipe(process.stderr);
    },
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
      get stderr() {
        return endQuietlyOnClosedPipe(process.stderr);
      },
    }),
    editor: launchEditor(process.env.VISUAL || process.env.EDITOR),
    onInterrupt,
  };
}

const cleanups = new Set<() => void>();
const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/** On a signal: every registered clean-up, then the end a shell expects of a process the signal stopped (128 + its number). */
function interrupted(signal: keyof typeof SIGNALS): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // The others still run; the process is ending either way.
    }
  }
  process.exit(128 + SIGNALS[signal]);
}

/** Listening only while something needs cleaning up: otherwise a signal ends the process as Node would. */
function onInterrupt(cleanup: () => void): () => void {
  if (cleanups.size === 0) for (const signal of Object.keys(SIGNALS)) process.on(signal, interrupted);
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) for (const signal of Object.keys(SIGNALS)) process.off(signal, interrupted);
  };
}

const listening = new WeakSet<NodeJS.WriteStream>();
let closing = false;

/**
 * `communique … | head -1`: once the reader has gone, nothing more can be said, so stop
 * without a stack trace, with the exit code the run had reached. The stop waits for the
 * current turn to finish: a usage error is written before the run's promise settles, and
 * the exit code it carries (2) is set only when it does.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (listening.has(stream)) return stream;
  listening.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (closing) return;
    if (error.code !== 'EPIPE') throw error;
    closing = true;
    setImmediate(() => process.exit(process.exitCode ?? 0));
  });
  return stream;
}
