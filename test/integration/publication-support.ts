import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../support/io.js';

/**
 * What the publication tests share: the documents (our three examples and the three
 * publication fixtures: a French one, a Simplified Chinese one, and a long English draft
 * with 40 attendees, a 1,600 px image, a wide table, footnotes and a Chinese paragraph),
 * a project holding them, and the rule for a missing tool: in CI a failure, elsewhere a
 * skip with a message saying what to install.
 */
export const repo = resolve(import.meta.dirname, '../..');
export const EXAMPLES = ['2025-05-14-hspr', '2025-10-14-npg', '2026-04-21-npg'];
export const STRESS = '2026-01-27-cfsw';
export const FRENCH = '2026-02-12-ccbq.fr';
export const CHINESE = '2026-03-18-sqyy.zh-CN';
export const FIXTURES = [STRESS, FRENCH, CHINESE];
export const DOCUMENTS = [...EXAMPLES, ...FIXTURES];
export const fixtures = join(repo, 'test/fixtures/publication');

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

/** Whether a command runs: `command args` exits 0. */
export function runs(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  return !result.error && result.status === 0;
}

export function requireTool(present: boolean, what: string, install: string): boolean {
  if (present) return true;
  if (process.env.CI) throw new Error(`${what} is needed for the integration tests and is not installed: ${install}`);
  console.warn(`Skipping the ${what} tests: ${what} is not installed (${install}).`);
  return false;
}

/** A scratch folder of the test file's own, kept across its tests (remove it in afterAll). */
export function scratch(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `communique-${prefix}-`));
}

export function removeScratch(folder: string | undefined): void {
  if (folder) rmSync(folder, { recursive: true, force: true });
}

/** A project in `folder` holding the examples and the publication fixtures (with the fixture's image folder). */
export function publicationProject(folder: string): string {
  const cwd = join(folder, 'project');
  mkdirSync(join(cwd, '.git'), { recursive: true });
  for (const example of EXAMPLES) cpSync(join(repo, 'examples', `${example}.md`), join(cwd, `${example}.md`));
  cpSync(fixtures, cwd, { recursive: true });
  return cwd;
}

/** Render every document in the project `cwd` to one format in `out`; exit 0, and one file per document. */
export async function renderAll(
  cwd: string,
  to: 'html' | 'md' | 'txt' | 'docx' | 'pdf',
  out = 'out',
  paths: string[] = ['.'],
): Promise<string> {
  const result = await runCli(['render', ...paths, '--to', to, '--out', out], cwd);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return join(cwd, out);
}

export function filesIn(folder: string, extension: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(extension))
    .sort();
}

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
