import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/io.js';
import {
  DOCUMENTS,
  publicationProject,
  removeScratch,
  renderAll,
  requireTool,
  runs,
  scratch,
} from './publication-support.js';

/**
 * The Nu HTML Checker (the W3C validator, run locally from the vnu-jar package) finds no
 * error in any HTML we write: the examples, the publication fixtures, and `export`'s
 * index page. One run of the checker for all of them: the JVM is slow to start.
 */
const jar = String(createRequire(import.meta.url)('vnu-jar'));
const haveJava = requireTool(
  runs('java', ['-version']) && existsSync(jar),
  'Java (for the Nu HTML Checker)',
  'apt-get install default-jre-headless',
);

let folder: string | undefined;
afterAll(() => removeScratch(folder));

describe.skipIf(!haveJava)('the Nu HTML Checker', () => {
  let files: string[];
  beforeAll(async () => {
    folder = scratch('publication-nu');
    const cwd = publicationProject(folder);
    const out = await renderAll(cwd, 'html', 'html');
    const result = await runCli(['export', '.', '--out', 'public'], cwd);
    expect(result.code).toBe(0);
    files = [...DOCUMENTS.map((name) => join(out, `${name}.html`)), join(cwd, 'public', 'index.html')];
  }, 60_000);

  it('finds no errors in the examples, the fixtures or the export index (and does find one in a broken page)', () => {
    // A page with an error of its own, checked alongside ours: the checker really checks.
    const control = join(folder!, 'control.html');
    writeFileSync(control, '<!DOCTYPE html><html lang="en"><title>Control</title><p><div></div></p></html>');
    const result = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files, control], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    // vnu writes its report to standard error.
    const report = JSON.parse(result.stderr || result.stdout) as {
      messages: { type: string; url: string; lastLine?: number; message: string }[];
    };
    const errors = report.messages.map(
      (message) => `${message.url.split('/').pop()}:${message.lastLine ?? '?'}: ${message.type}: ${message.message}`,
    );
    expect(errors.filter((error) => !error.startsWith('control.html:'))).toEqual([]);
    expect(errors.filter((error) => error.startsWith('control.html:')).length).toBeGreaterThan(0);
    expect(files).toHaveLength(7);
  }, 120_000);
});
