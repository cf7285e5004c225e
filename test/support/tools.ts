import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { findBrowser } from '../../src/io/browser.js';
import type { FileSystem } from '../../src/io/io.js';

/**
 * The real tools the integration tests drive. In CI (`CI` set) a missing tool is a failure,
 * never a silent pass; on a developer's machine those tests are skipped with a message saying
 * what to install.
 */

/** The browser `render --to pdf` would use: `CHROME_PATH`, else the usual install locations. */
const found = findBrowser(fs as FileSystem, process.env);
export const CHROMIUM = found.ok ? found.path : undefined;

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
