/**
 * Writing rendered files without ever losing anything a person wrote. Every output folder
 * gets a `manifest.json` listing the files communique wrote there and their SHA-256; a file
 * is replaced only if the manifest says communique wrote it and it has not been changed
 * since — anything else needs `--force`. A source file is never replaced, even then.
 */
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { FileResult } from '../diagnostics/diagnostic.js';
import { runProblem } from '../diagnostics/make.js';
import type { FileSystem } from './io.js';
import { crypto } from './crypto.js';
import type { Staging } from './staging.js';
import { moveIntoPlace, writeAtomically } from './write.js';

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

export function sha256(content: Uint8Array): string {
  return crypto().createHash('sha256').update(content).digest('hex');
}

function readManifest(fs: FileSystem, folder: string): Manifest | undefined {
  const path = join(folder, MANIFEST);
  if (!fs.existsSync(path)) return undefined;
  try {
    const manifest = JSON.parse(fs.readFileSync(path, 'utf8')) as Manifest;
    const ours = typeof manifest.generator === 'string' && manifest.generator.startsWith('communique');
    return ours && Array.isArray(manifest.files) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Why each output may not be written, as `write/refused` problems (none when all may). */
export function refusals(
  fs: FileSystem,
  outputs: readonly PlannedOutput[],
  sources: readonly string[],
  force: boolean,
): FileResult[] {
  const problems: FileResult[] = [];
  const refuse = (path: string, reason: string, hint?: string) =>
    problems.push(runProblem('write/refused', `not writing ${path}: ${reason}`, hint));
  // Compared on their real paths: `--out` may reach a source's folder through a link.
  const real = (path: string) => {
    try {
      return fs.realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  const sourceSet = new Set(sources.map(real));
  const manifests = new Map<string, Manifest | undefined>();
  const manifestOf = (folder: string) => {
    if (!manifests.has(folder)) manifests.set(folder, readManifest(fs, folder));
    return manifests.get(folder);
  };
  for (const output of outputs) {
    // Nothing there yet is no source: a source exists, whatever link leads to it.
    if (!fs.existsSync(output.path)) continue;
    if (sourceSet.has(real(output.path))) {
      refuse(output.path, 'it is one of the files being rendered', 'Render into another folder with --out.');
      continue;
    }
    if (force) continue;
    const existing = fs.readFileSync(output.path);
    // The same bytes are ours: a run killed after writing them and before its manifest left them.
    if (existing.equals(output.content)) continue;
    const entry = manifestOf(dirname(output.path))?.files.find((file) => file.path === basename(output.path));
    if (!entry) refuse(output.path, 'it exists and communique did not write it');
    else if (entry.sha256 !== sha256(existing)) refuse(output.path, 'it has been changed since communique wrote it');
  }
  if (!force) {
    for (const folder of new Set(outputs.map((output) => dirname(output.path)))) {
      const path = join(folder, MANIFEST);
      if (fs.existsSync(path) && !manifestOf(folder)) refuse(path, 'it exists and is not a communique manifest');
    }
  }
  return problems;
}

/**
 * Write the outputs atomically and record them in each folder's manifest. An output already
 * written beside its place while the others rendered (`staging`) is only renamed into it.
 */
export function writeOutputs(
  fs: FileSystem,
  outputs: readonly PlannedOutput[],
  generator: string,
  cwd: string,
  staging?: Staging,
): void {
  const byFolder = new Map<string, PlannedOutput[]>();
  for (const output of outputs) {
    const folder = dirname(output.path);
    const inFolder = byFolder.get(folder);
    if (inFolder) inFolder.push(output);
    else byFolder.set(folder, [output]);
  }
  for (const [folder, planned] of byFolder) {
    fs.mkdirSync(folder, { recursive: true });
    removeLeftovers(fs, folder, planned, staging);
    const entries = new Map((readManifest(fs, folder)?.files ?? []).map((entry) => [entry.path, entry]));
    for (const output of planned) {
      const staged = staging?.take(output.path, output.content);
      if (staged) moveIntoPlace(fs, staged, output.path);
      else writeAtomically(fs, output.path, output.content);
      entries.set(basename(output.path), {
        path: basename(output.path),
        sha256: sha256(output.content),
        bytes: output.content.length,
        source: relative(cwd, resolve(cwd, output.source)).replace(/\\/g, '/') || output.source,
      });
    }
    const files = [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const manifest: Manifest = { generator, files };
    writeAtomically(fs, join(folder, MANIFEST), new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  }
}

/** Temporary files a killed run left beside the outputs it was writing: `.name.<12 hex>.tmp`. */
function removeLeftovers(
  fs: FileSystem,
  folder: string,
  planned: readonly PlannedOutput[],
  staging: Staging | undefined,
): void {
  const names = new Set([...planned.map((output) => basename(output.path)), MANIFEST]);
  for (const entry of fs.readdirSync(folder)) {
    const match = /^\.(.+)\.[0-9a-f]{12}\.tmp$/.exec(entry);
    const path = join(folder, entry);
    if (match && names.has(match[1]!) && !staging?.holds(path)) fs.rmSync(path, { force: true });
  }
}
