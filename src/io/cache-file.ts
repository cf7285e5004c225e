/**
 * The cache file of `validate --cache`, on disk. Reading it never fails a run: a missing,
 * unreadable, oversized or linked file reads as no cache, and the run rebuilds it.
 * Writing it is atomic (a temporary file renamed into place), never through a link, never
 * over a file being checked, and never over a folder or a device.
 */
import { dirname, join, resolve } from 'node:path';
import type { FileToCheck } from './inputs.js';
import type { FileSystem } from './io.js';
import { crypto } from './crypto.js';
import { readBounded } from './read.js';
import { writeAtomically } from './write.js';

/** Where the cache goes when --cache-location does not say: beside other tools' caches, ignored by git. */
export const DEFAULT_CACHE_FOLDER = join('node_modules', '.cache', 'communique');
const CACHE_FILE_NAME = 'validate-cache.json';
/** Far beyond any real project's cache (10,000 communiqués make about 30 MB). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

/**
 * The cache file: `location` (from the working folder) when given, else the default folder
 * under the project root. A location that is a folder, or ends with a slash, holds the file.
 */
export function cacheFilePath(fs: FileSystem, location: string | undefined, projectRoot: string, cwd: string): string {
  if (location === undefined) return join(projectRoot, DEFAULT_CACHE_FOLDER, CACHE_FILE_NAME);
  const path = resolve(cwd, location);
  if (/[\\/]$/.test(location) || isFolder(fs, path)) return join(path, CACHE_FILE_NAME);
  return path;
}

function isFolder(fs: FileSystem, path: string): boolean {
  try {
    return fs.statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The cache file's text, or undefined when there is none to trust. */
export function readCacheFile(fs: FileSystem, path: string): string | undefined {
  try {
    if (!fs.lstatSync(path).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const read = readBounded(fs, path, MAX_CACHE_BYTES);
  if (!read.ok) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    return undefined;
  }
}

/** Write the cache file; the reason it was not written, if it was not. */
export function writeCacheFile(
  fs: FileSystem,
  path: string,
  text: string,
  sources: readonly FileToCheck[],
): string | undefined {
  try {
    const stats = fs.lstatSync(path);
    if (stats.isSymbolicLink()) return 'it is a link';
    if (!stats.isFile()) return 'it is not a file';
  } catch {
    // Not there yet: it will be created.
  }
  if (sources.some((source) => resolve(source.path) === path)) return 'it is one of the files being checked';
  try {
    fs.mkdirSync(dirname(path), { recursive: true });
    writeAtomically(fs, path, new TextEncoder().encode(text));
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'unknown error';
  }
}

/**
 * What identifies this build of communique: the built worker script, which names every
 * chunk of code it runs by the hash of its content. Run from source (the tests) there is
 * no build, and the word `source` stands in.
 */
export function readBuildStamp(fs: FileSystem, workerFile: string): string {
  const read = readBounded(fs, workerFile, 16 * 1024 * 1024);
  if (!read.ok) return 'source';
  // The built worker script is about a kilobyte, kept as it is (no need to load node:crypto);
  // a larger one, should the build ever make it so, is kept by its hash.
  return read.bytes.length <= 4096
    ? new TextDecoder().decode(read.bytes)
    : `sha256:${crypto().createHash('sha256').update(read.bytes).digest('base64url')}`;
}
