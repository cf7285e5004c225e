import { dirname, relative } from 'node:path';
import type { FileResult } from '../diagnostics/diagnostic.js';
import { runProblem } from '../diagnostics/make.js';
import type { FileToCheck } from './inputs.js';
import type { FileSystem } from './io.js';
import { writeAtomically } from './write.js';

/**
 * `--format json=report.json`: a report written to a file, safely — never over a file
 * being checked, never through a link, and atomically, so a reader never sees half of it.
 */
export function writeReportFile(
  fs: FileSystem,
  path: string,
  text: string,
  sources: readonly FileToCheck[],
  cwd: string,
): FileResult | undefined {
  const shown = relative(cwd, path) || path;
  // Only a regular file that is already there can be a source; it is one when it is the same
  // file (device and inode) as a source, whatever links or names lead to either.
  const target = identity(fs, path);
  if (
    sources.some((source) => source.path === path || (target !== undefined && identity(fs, source.path) === target))
  ) {
    return runProblem(
      'write/refused',
      `not writing the report to ${shown}: it is one of the files being checked`,
      'Write the report to a file of its own.',
    );
  }
  if (isDevice(fs, path)) {
    // A device or a pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written into; replacing it would be wrong.
    try {
      writeStraight(fs, path, new TextEncoder().encode(text));
      return undefined;
    } catch (error) {
      return runProblem(
        'write/failed',
        `cannot write the report to ${shown} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`,
      );
    }
  }
  try {
    if (fs.lstatSync(path).isSymbolicLink()) {
      return runProblem(
        'write/refused',
        `not writing the report to ${shown}: it is a link`,
        'Write the report to a file of its own.',
      );
    }
  } catch {
    // Not there yet: it will be created.
  }
  try {
    fs.mkdirSync(dirname(path), { recursive: true });
    writeAtomically(fs, path, new TextEncoder().encode(text));
    return undefined;
  } catch (error) {
    return runProblem(
      'write/failed',
      `cannot write the report to ${shown} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`,
    );
  }
}

/** A regular file's device and inode, after following links; undefined for anything else. */
function identity(fs: FileSystem, path: string): string | undefined {
  try {
    const stats = fs.statSync(path, { bigint: true });
    return stats?.isFile() ? `${stats.dev}:${stats.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** A character device or a pipe, after following links: something to write into, never to replace. */
function isDevice(fs: FileSystem, path: string): boolean {
  try {
    const stats = fs.statSync(path);
    return stats.isCharacterDevice() || stats.isFIFO() || stats.isSocket();
  } catch {
    return false;
  }
}

function writeStraight(fs: FileSystem, path: string, content: Uint8Array): void {
  const descriptor = fs.openSync(path, 'w');
  try {
    let written = 0;
    while (written < content.length) written += fs.writeSync(descriptor, content, written);
  } finally {
    fs.closeSync(descriptor);
  }
}
