/**
 * The outside world as the program sees it: streams, the file system, the environment,
 * the clock, prompts and the editor. Only `cli/` builds one from the real process; tests
 * build their own, so the same program runs in-process, on a fake file system and as a
 * spawned binary.
 */
import type * as nodeFs from 'node:fs';
import type { Prompts } from './prompts.js';

export interface OutputStream {
  write(chunk: string | Uint8Array): void;
  isTTY?: boolean;
  columns?: number;
}

export type InputStream = NodeJS.ReadableStream & { isTTY?: boolean };

/** The synchronous file-system calls communique makes, so a test can stand in for any of them. */
export type FileSystem = Pick<
  typeof nodeFs,
  | 'closeSync'
  | 'existsSync'
  | 'fstatSync'
  | 'linkSync'
  | 'lstatSync'
  | 'mkdirSync'
  | 'openSync'
  | 'readdir'
  | 'readdirSync'
  | 'readFileSync'
  | 'readSync'
  | 'realpathSync'
  | 'renameSync'
  | 'rmdirSync'
  | 'rmSync'
  | 'statSync'
  | 'writeSync'
>;

/** Opens a file in the person's editor; resolves once the editor has been started (or failed to start). */
export type Editor = (path: string, onFailure: (reason: string) => void) => void;

export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin?: InputStream;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  fs: FileSystem;
  /** The clock: the only source of "now" in the program. */
  now(): Date;
  /** Questions on the terminal; asked only when `canPrompt(io)`. */
  prompts?: Prompts;
  /** The person's editor, for `new --open`. */
  editor?: Editor;
  /**
   * Run `cleanup` should the run be interrupted (Ctrl-C, a cancelled CI job) before the
   * returned function is called; the process then ends as interrupted. For what a run must
   * not leave behind, such as files written beside their places and not yet put there.
   */
  onInterrupt?(cleanup: () => void): () => void;
}

/** Colour on a terminal, unless NO_COLOR says no; FORCE_COLOR turns it on anywhere. */
export function wantsColor(stream: OutputStream, env: Io['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') {
    return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  }
  return Boolean(stream.isTTY);
}
