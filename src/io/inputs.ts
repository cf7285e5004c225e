/**
 * Turning the paths a user typed — files, folders, globs — into the list of files to
 * work on, each named as the user would recognise it. Folders yield the files with the
 * extensions asked for (skipping node_modules and hidden folders); globs are matched from
 * the working directory; the configuration's `ignore` patterns apply to everything found,
 * but never to a file named outright.
 */
import type * as nodeFs from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FileSystem } from './io.js';

export interface FileToCheck {
  /** Absolute path, for reading. */
  path: string;
  /** The path as the user gave it, or as their folder or glob expanded it, with forward slashes. */
  name: string;
}

export interface InputRules {
  /** File extensions a folder yields, without the dot. */
  extensions: readonly string[];
  /** What they are, for messages: "Markdown files". */
  label: string;
  /** Glob patterns, relative to `base`, for files to leave out. */
  ignore?: { patterns: readonly string[]; base: string };
}

export type Expansion =
  | {
      ok: true;
      files: FileToCheck[];
      /** Folders that could not be read (permissions): their files are missing from `files`. */
      unreadable: string[];
    }
  | { ok: false; message: string };

/** Communiqués are Markdown files. */
export const MARKDOWN_FILES: InputRules = { extensions: ['md', 'markdown'], label: 'Markdown files' };

// `*.pandoc.md` is communique's own DOCX-ready output, never a communiqué or a source.
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/.*/**', '**/*.pandoc.md'];
const GLOB_CHARACTERS = /[*?[\]{}!]/;

export async function expandPaths(
  fs: FileSystem,
  inputs: readonly string[],
  cwd: string,
  rules: InputRules,
): Promise<Expansion> {
  const files: FileToCheck[] = [];
  const seen = new Set<string>();
  const add = (path: string, name: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ path, name: name.replace(/\\/g, '/') });
  };
  const ignore = rules.ignore;
  let isIgnored: ((path: string) => boolean) | undefined;
  if (ignore && ignore.patterns.length > 0) {
    const { default: picomatch } = await import('picomatch');
    const match = picomatch([...ignore.patterns], { dot: true });
    isIgnored = (path) => {
      const fromBase = relative(ignore.base, path).replace(/\\/g, '/');
      return !fromBase.startsWith('..') && match(fromBase);
    };
  }
  const unreadable: string[] = [];
  const nameOf = (path: string) => relative(cwd, path).replace(/\\/g, '/') || '.';
  // The glob skips a folder it cannot read without a word; listen for it, so the user hears.
  const listening: typeof fs.readdir = ((
    path: string,
    options: unknown,
    callback: (error: NodeJS.ErrnoException | null, entries?: unknown) => void,
  ) =>
    fs.readdir(path, options as never, (error: NodeJS.ErrnoException | null, entries: unknown) => {
      if (error && error.code !== 'ENOENT') unreadable.push(nameOf(path));
      callback(error, entries);
    })) as never;

  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    const kind = statKind(fs, absolute);
    if (kind === 'file') {
      add(absolute, input);
      continue;
    }
    if (kind === 'directory') {
      const prefix = input === '.' || input === './' ? '' : `${input.replace(/[\\/]+$/, '')}/`;
      const found = filesIn(fs, absolute, rules.extensions, (folder) => unreadable.push(nameOf(folder)));
      // The walk's names hold no `.` or `..`: joined as they are, without path.resolve's
      // normalising, which cost more than the walk over thousands of files.
      const folder = absolute.endsWith(sep) ? absolute : absolute + sep;
      for (const name of found.sort()) {
        const path = folder + (sep === '/' ? name : name.replaceAll('/', sep));
        if (!isIgnored?.(path)) add(path, prefix + name);
      }
      continue;
    }
    if (!GLOB_CHARACTERS.test(input)) return { ok: false, message: `no such file or folder: ${input}` };
    const { glob, escapePath } = await import('tinyglobby');
    const options = { ignore: ALWAYS_IGNORED, onlyFiles: true, fs: { ...fs, readdir: listening } as never };
    const base = isAbsolute(input) ? '/' : cwd;
    const pattern = isAbsolute(input) ? escapePath('/') + input.slice(1) : input;
    const found = await glob(pattern, { ...options, cwd: base, expandDirectories: false });
    if (found.length === 0) return { ok: false, message: `no files match ${input}` };
    for (const name of found.sort()) {
      const path = resolve(base, name);
      if (!isIgnored?.(path)) add(path, isAbsolute(input) ? path : name);
    }
  }
  return { ok: true, files, unreadable: [...new Set(unreadable)].sort() };
}

/**
 * The files of a folder with one of these extensions, by their paths from it (forward
 * slashes), as the glob `**\/*.{md,markdown}` with ALWAYS_IGNORED finds them: no hidden
 * files or folders, no node_modules, no `*.pandoc.md`, and no links (one could lead out
 * of the project, or to a device; only a file named outright is read through a link).
 * Walked here, not by the glob library: over 2,000 files its matchers took several times as
 * long as the walk itself, a large share of a run answered from the cache.
 */
function filesIn(
  fs: FileSystem,
  root: string,
  extensions: readonly string[],
  onUnreadable: (folder: string) => void,
): string[] {
  const suffixes = extensions.map((extension) => `.${extension}`);
  const found: string[] = [];
  const pending = [''];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    let entries: nodeFs.Dirent[];
    try {
      entries = fs.readdirSync(folder ? join(root, folder) : root, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onUnreadable(join(root, folder));
      continue;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.')) continue;
      const path = folder ? `${folder}/${name}` : name;
      if (entry.isDirectory()) {
        if (name !== 'node_modules') pending.push(path);
      } else if (
        entry.isFile() &&
        suffixes.some((suffix) => name.endsWith(suffix) && name.length > suffix.length) &&
        !name.endsWith('.pandoc.md')
      )
        found.push(path);
    }
  }
  return found;
}

function statKind(fs: FileSystem, path: string): 'file' | 'directory' | 'missing' {
  try {
    return fs.statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}
