import * as fs from 'node:fs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Io } from '../../src/io/io.js';
import { run } from '../../src/cli/program.js';
import { temporaryFolder } from './temporary.js';

/** Run the CLI in-process with captured output, as a user in `cwd` would. */
export async function runCli(argv: string[], cwd: string, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const text = (chunk: string | Uint8Array) =>
    typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  const io: Io = {
    stdout: { write: (chunk) => void out.push(text(chunk)) },
    stderr: { write: (chunk) => void err.push(text(chunk)) },
    cwd,
    env,
    fs,
    now: () => new Date(),
  };
  const code = await run(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A temporary project folder holding the given files (path → content). */
export function project(files: Record<string, string | Uint8Array>): string {
  const root = temporaryFolder();
  // A .git folder marks the project root, so config discovery stops here.
  mkdirSync(join(root, '.git'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
