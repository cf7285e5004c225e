/**
 * Writing files without ever leaving a half-written one or replacing what someone wrote.
 * The content goes to a temporary file beside the target first; `writeAtomically` renames
 * it into place (an interrupted run leaves the previous version whole), `writeNewFile`
 * links it into place, which fails if the name is taken — even by a file created a moment
 * ago by someone else.
 */
import { basename, dirname, join } from 'node:path';
import { crypto } from './crypto.js';
import type { FileSystem } from './io.js';

export function writeAtomically(fs: FileSystem, path: string, content: Uint8Array): void {
  moveIntoPlace(fs, writeTemporary(fs, path, content), path);
}

/** Rename a temporary file written beside `path` into its place; removed when that fails. */
export function moveIntoPlace(fs: FileSystem, temporary: string, path: string): void {
  try {
    fs.renameSync(temporary, path);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Write a file that must not exist yet, creating its folder. False when the file exists. */
export function writeNewFile(fs: FileSystem, path: string, content: Uint8Array): boolean {
  if (fs.existsSync(path)) return false;
  fs.mkdirSync(dirname(path), { recursive: true });
  const temporary = writeTemporary(fs, path, content);
  try {
    fs.linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // File systems without hard links: an exclusive create still never replaces a file.
    writeAll(fs, fs.openSync(path, 'wx'), content);
    return true;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** The name of a temporary file beside `path`; `.*.tmp` files are what a killed run leaves behind. */
export function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${crypto().randomBytes(6).toString('hex')}.tmp`);
}

/** `content` in a new temporary file beside `path` (whose folder must exist): its name. */
export function writeTemporary(fs: FileSystem, path: string, content: Uint8Array): string {
  const temporary = temporaryName(path);
  try {
    writeAll(fs, fs.openSync(temporary, 'wx'), content);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  return temporary;
}

function writeAll(fs: FileSystem, descriptor: number, content: Uint8Array): void {
  try {
    let written = 0;
    while (written < content.length) written += fs.writeSync(descriptor, content, written);
  } finally {
    fs.closeSync(descriptor);
  }
}
