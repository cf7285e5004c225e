import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

/**
 * Writing rendered files without ever losing anything a person wrote. Every output folder
 * gets a `manifest.json` listing the files communique wrote there and their SHA-256; a file
 * is replaced only if the manifest says communique wrote it and it has not been changed
 * since — anything else needs `--force`. A source file is never replaced, even then. Each
 * file is written to a temporary file beside it and renamed into place, so an interrupted
 * run leaves the previous version whole.
 */
export const MANIFEST = 'manifest.json';

export interface ManifestEntry {
  path: string;
  sha256: string;
  bytes: number;
  source: string;
}

export interface Manifest {
  generator: string;
  files: ManifestEntry[];
}

export interface PlannedOutput {
  /** Absolute path. */
  path: string;
  content: Uint8Array;
  /** The source file, as the user named it. */
  source: string;
}

export type Refusal = { path: string; reason: string };

export function sha256(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

function readManifest(folder: string): Manifest | undefined {
  const path = join(folder, MANIFEST);
  if (!existsSync(path)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    return typeof manifest.generator === 'string' && manifest.generator.startsWith('communique') && Array.isArray(manifest.files) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Why each output may not be written (empty when all may). */
export function refusals(outputs: readonly PlannedOutput[], sources: readonly string[], force: boolean): Refusal[] {
  const problems: Refusal[] = [];
  const sourceSet = new Set(sources.map((source) => resolve(source)));
  const manifests = new Map<string, Manifest | undefined>();
  const manifestOf = (folder: string) => {
    if (!manifests.has(folder)) manifests.set(folder, readManifest(folder));
    return manifests.get(folder);
  };
  for (const output of outputs) {
    if (sourceSet.has(resolve(output.path))) {
      problems.push({ path: output.path, reason: 'it is one of the files being rendered' });
      continue;
    }
    if (force || !existsSync(output.path)) continue;
    const folder = dirname(output.path);
    const entry = manifestOf(folder)?.files.find((file) => file.path === basename(output.path));
    if (!entry) problems.push({ path: output.path, reason: 'it exists and communique did not write it' });
    else if (entry.sha256 !== sha256(readFileSync(output.path))) problems.push({ path: output.path, reason: 'it has been changed since communique wrote it' });
  }
  if (!force) {
    for (const folder of new Set(outputs.map((output) => dirname(output.path)))) {
      const path = join(folder, MANIFEST);
      if (existsSync(path) && !manifestOf(folder)) problems.push({ path, reason: 'it exists and is not a communique manifest' });
    }
  }
  return problems;
}

/** Write the outputs atomically and record them in each folder's manifest. */
export function writeOutputs(outputs: readonly PlannedOutput[], generator: string, cwd: string): void {
  const byFolder = new Map<string, PlannedOutput[]>();
  for (const output of outputs) {
    const folder = dirname(output.path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), output]);
  }
  for (const [folder, planned] of byFolder) {
    mkdirSync(folder, { recursive: true });
    const entries = new Map((readManifest(folder)?.files ?? []).map((entry) => [entry.path, entry]));
    for (const output of planned) {
      writeAtomically(output.path, output.content);
      entries.set(basename(output.path), {
        path: basename(output.path),
        sha256: sha256(output.content),
        bytes: output.content.length,
        source: relative(cwd, resolve(cwd, output.source)).replace(/\\/g, '/') || output.source,
      });
    }
    const manifest: Manifest = { generator, files: [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
    writeAtomically(join(folder, MANIFEST), new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  }
}

export function writeAtomically(path: string, content: Uint8Array): void {
  const temporary = writeTemporary(path, content);
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Write a file that must not exist yet. The content goes to a temporary file first and is
 * linked into place, which fails if the name was taken in the meantime: no half-written
 * file, and nothing replaced, even in a race. False when the file exists.
 */
export function writeNewFile(path: string, content: Uint8Array): boolean {
  if (existsSync(path)) return false;
  mkdirSync(dirname(path), { recursive: true });
  const temporary = writeTemporary(path, content);
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // File systems without hard links: an exclusive create still never replaces a file.
    writeAll(openSync(path, 'wx'), content);
    return true;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** The content in a new temporary file beside `path`. */
function writeTemporary(path: string, content: Uint8Array): string {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeAll(openSync(temporary, 'wx'), content);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return temporary;
}

function writeAll(descriptor: number, content: Uint8Array): void {
  try {
    let written = 0;
    while (written < content.length) written += writeSync(descriptor, content, written);
  } finally {
    closeSync(descriptor);
  }
}
