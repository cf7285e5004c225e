import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { FileResult } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/make.js';
import { type CheckOptions, checkText } from '../core/check/check.js';
import { DEFAULT_MAX_BYTES } from '../core/parse/decode.js';
import { decodeProblemDiagnostic } from '../core/parse/communique.js';

const FIRST_COLUMN = { line: 1, column: 1, endLine: 1, endColumn: 2 };

/**
 * Read and check one file. Never throws: a file that cannot be read, or that trips a bug
 * in communique, becomes a diagnostic on that file and the run goes on.
 */
export function checkFile(path: string, name: string, options: CheckOptions): FileResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    const read = readBounded(path, maxBytes);
    if ('tooLarge' in read) return { file: name, messages: [decodeProblemDiagnostic({ kind: 'too-large', bytes: read.tooLarge, maxBytes })] };
    bytes = read;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unknown error');
    return { file: name, messages: [makeDiagnostic('document/unreadable', `The file cannot be read: ${why}`, FIRST_COLUMN)] };
  }
  try {
    const { messages, lines } = checkText(bytes, options);
    return { file: name, messages, lines };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { file: name, messages: [makeDiagnostic('internal/error', `communique failed while checking this file: ${detail}`, FIRST_COLUMN)] };
  }
}

/**
 * Read a file, unless it is over the size limit: a 50 MB file is never read into memory.
 * Synchronous on purpose: this runs in a worker thread or in a CLI run with nothing else
 * to do, and for small files each async call's round trip costs more than the read.
 */
export function readBounded(path: string, maxBytes: number): Uint8Array | { tooLarge: number } {
  const descriptor = openSync(path, 'r');
  try {
    const { size } = fstatSync(descriptor);
    if (size > maxBytes) return { tooLarge: size };
    return readFileSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}
