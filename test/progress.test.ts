import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../scripts/corpus.mjs';
import { validateCommand } from '../src/commands/validate.js';
import type { Io } from '../src/io/io.js';
import { project } from './support/io.js';

/** `validate` over 250 files with a clock that moves `step` ms each time it is read, and a terminal on stderr. */
async function run(step: number, env: Record<string, string> = {}) {
  const cwd = project({});
  writeCorpus(`${cwd}/corpus`, 250);
  let clock = Date.UTC(2026, 10, 29);
  const stderr: string[] = [];
  let asked = 0;
  const io: Io = {
    stdout: { write: () => undefined },
    stderr: {
      write: (chunk) => void stderr.push(String(chunk)),
      get isTTY() {
        asked++;
        return true;
      },
    },
    cwd,
    env,
    fs,
    now: () => {
      clock += step;
      return new Date(clock);
    },
  };
  const code = await validateCommand(['corpus'], { format: ['json=report.json'], jobs: 1 }, io);
  return { code, stderr: stderr.join(''), asked };
}

describe('the progress line of a long run', () => {
  it('shows on a terminal once a run has taken a second, and is cleared at the end', async () => {
    const { code, stderr, asked } = await run(50);
    expect(code).toBe(1);
    expect(asked).toBe(1);
    expect(stderr).toMatch(/^\rChecking \d+ of 250 files…/);
    expect(stderr).toContain('\rChecking 250 of 250 files…');
    expect(stderr.endsWith('\r\x1b[K')).toBe(true);
  });

  it('never shows, nor asks about the terminal, for a run that ends within a second', async () => {
    expect(await run(0)).toEqual({ code: 1, stderr: '', asked: 0 });
  });

  it('never shows in CI', async () => {
    expect(await run(50, { CI: 'true' })).toEqual({ code: 1, stderr: '', asked: 0 });
  });
});
