import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { project } from './io.js';

/**
 * Temporary folders that are removed after each test of the file that calls this: the
 * projects `project()` makes and plain scratch folders.
 */
export function temporaryFolders() {
  const made: string[] = [];
  afterEach(() => {
    for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  return {
    project(files: Record<string, string | Uint8Array>): string {
      const root = project(files);
      made.push(root);
      return root;
    },
    scratch(): string {
      const folder = mkdtempSync(join(tmpdir(), 'communique-scratch-'));
      made.push(folder);
      return folder;
    },
  };
}
