import * as fs from 'node:fs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publish } from '../src/commands/render.js';
import { resolveInputs, resolveSettings } from '../src/config/settings.js';
import { DEFAULT_MAX_BYTES } from '../src/core/parse/decode.js';
import type { FileToCheck } from '../src/io/inputs.js';
import type { Io } from '../src/io/io.js';
import { type FileState, runFile, type Step } from '../src/pipeline/file-pipeline.js';
import { type FilePlan, stepsOf } from '../src/pipeline/plan.js';
import { runFiles } from '../src/pipeline/run-files.js';
import { VALID_DRAFT, WITH_WARNING } from './support/documents.js';
import { project } from './support/io.js';

const INTERNAL_HINT = 'This is a bug in communique: please report it with the file that caused it.';

const internalError = (detail: string) => ({
  ruleId: 'internal/error',
  severity: 'error',
  message: `communique failed on this file: ${detail}`,
  hint: INTERNAL_HINT,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
});

const validatePlan: FilePlan = {
  maxBytes: DEFAULT_MAX_BYTES,
  check: { maxBytes: DEFAULT_MAX_BYTES, organisations: [] },
  policy: { report: 'all' },
  keepData: false,
};

/** Three communiqués in a fresh project, as the pipeline sees them. */
function threeFiles(): { cwd: string; files: FileToCheck[] } {
  const names = ['alpha.md', 'bravo.md', 'charlie.md'];
  const cwd = project(Object.fromEntries(names.map((name) => [name, VALID_DRAFT])));
  return { cwd, files: names.map((name) => ({ path: join(cwd, name), name })) };
}

/** A step that throws on the file with this name and does nothing to the others. */
const throwsOn =
  (name: string, error: unknown): Step =>
  (state) => {
    if (state.file.name === name) throw error;
  };

describe('a step that throws', () => {
  it('becomes one internal/error at 1:1 on that file; the other files are unaffected and stay in order', async () => {
    const { files } = threeFiles();
    const results = await runFiles(files, validatePlan, {
      fs,
      extraSteps: [throwsOn('bravo.md', new Error('the index was out of range'))],
    });
    expect(results.map((result) => result.file)).toEqual(['alpha.md', 'bravo.md', 'charlie.md']);
    expect(results[0]).toEqual({ file: 'alpha.md', messages: [] });
    expect(results[1]!.messages).toEqual([internalError('the index was out of range')]);
    // The file was parsed before the step threw, so the report can show where 1:1 is.
    expect(results[1]!.lines).toEqual({ 1: '---' });
    expect(results[2]).toEqual({ file: 'charlie.md', messages: [] });
  });

  it('keeps the diagnostics found before the throw, and reports a thrown non-Error by its text', async () => {
    const cwd = project({ 'warn.md': WITH_WARNING, 'fine.md': VALID_DRAFT });
    const files = ['warn.md', 'fine.md'].map((name) => ({ path: join(cwd, name), name }));
    const results = await runFiles(files, validatePlan, { fs, extraSteps: [throwsOn('warn.md', 'a bare string')] });
    expect(results[0]!.messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([
      ['internal/error', 1, 1],
      ['body/mode-mismatch', 28, 16],
    ]);
    expect(results[0]!.messages.filter((message) => message.ruleId === 'internal/error')).toEqual([
      internalError('a bare string'),
    ]);
    expect(results[1]).toEqual({ file: 'fine.md', messages: [] });
  });

  it('stops the steps after it and drops what earlier steps made', async () => {
    const ran: string[] = [];
    const steps: Step[] = [
      (state) => {
        ran.push('first');
        state.outputs = [{ format: 'txt', content: new TextEncoder().encode('half done') }];
      },
      () => {
        ran.push('second');
        throw new TypeError('cannot read properties of undefined');
      },
      () => {
        ran.push('third');
      },
    ];
    const result = await runFile({ path: '/nowhere/x.md', name: 'x.md' }, steps);
    expect(ran).toEqual(['first', 'second']);
    expect(result).toEqual({ file: 'x.md', messages: [internalError('cannot read properties of undefined')] });
    expect(result.outputs).toBeUndefined();
  });

  it('is caught when the step is asynchronous too', async () => {
    const step: Step = async () => {
      await Promise.resolve();
      throw new Error('rejected later');
    };
    const result = await runFile({ path: '/nowhere/y.md', name: 'y.md' }, [step]);
    expect(result.messages).toEqual([internalError('rejected later')]);
  });
});

describe('a fatal step', () => {
  it('stops later steps: an unreadable file never reaches parse or check', async () => {
    const { cwd, files } = threeFiles();
    const missing: FileToCheck = { path: join(cwd, 'gone.md'), name: 'gone.md' };
    const reached: string[] = [];
    // The plan's own steps (read, parse, check), each recording the files it sees.
    const names = ['read', 'parse', 'check'];
    const steps = stepsOf(validatePlan, fs).map(
      (step, index): Step =>
        (state: FileState) => {
          reached.push(`${names[index]} ${state.file.name}`);
          return step(state);
        },
    );
    const results = [];
    for (const file of [files[0]!, missing]) results.push(await runFile(file, steps));
    expect(reached).toEqual(['read alpha.md', 'parse alpha.md', 'check alpha.md', 'read gone.md']);
    expect(results[1]).toEqual({
      file: 'gone.md',
      messages: [
        {
          ruleId: 'document/unreadable',
          severity: 'error',
          message: 'The file cannot be read: it does not exist',
          hint: 'Check that the path names a readable file.',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 2,
        },
      ],
    });
  });

  it('stops a throwing extra step from running on an unreadable file', async () => {
    const { cwd, files } = threeFiles();
    const seen: string[] = [];
    const results = await runFiles([files[0]!, { path: join(cwd, 'gone.md'), name: 'gone.md' }], validatePlan, {
      fs,
      extraSteps: [
        (state) => {
          seen.push(state.file.name);
          throw new Error('should only run on readable files');
        },
      ],
    });
    expect(seen).toEqual(['alpha.md']);
    expect(results[1]!.messages.map((message) => message.ruleId)).toEqual(['document/unreadable']);
  });
});

describe('render through publish() when a step throws on one document', () => {
  it('writes the others with a manifest, reports internal/error on that file, and exits 1', async () => {
    const { cwd } = threeFiles();
    const out: string[] = [];
    const err: string[] = [];
    const text = (chunk: string | Uint8Array) =>
      typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const io: Io = {
      stdout: { write: (chunk) => void out.push(text(chunk)) },
      stderr: { write: (chunk) => void err.push(text(chunk)) },
      cwd,
      env: {},
      fs,
      now: () => new Date('2021-06-01T00:00:00Z'),
    };
    const settings = await resolveSettings(io, {});
    if (!settings.ok) throw new Error('settings did not resolve');
    const files = await resolveInputs(io, settings.value, ['alpha.md', 'bravo.md', 'charlie.md']);
    if (!files.ok) throw new Error('inputs did not resolve');
    const folder = join(cwd, 'out');

    const code = await publish(
      io,
      settings.value,
      files.value,
      { formats: ['html'], templateName: 'default', out: folder, includeInternal: false, strict: false, force: false },
      [throwsOn('bravo.md', new Error('the renderer ran out of ink'))],
    );

    // As asked of render: exit 1, like any refused document. (The README's table of rules
    // says internal/error exits 2, which `validate` does; render does not.)
    expect(code).toBe(1);
    expect(out.join('')).toBe(`Rendered 2 of 3 communiqués to 2 files in ${folder}\n`);
    expect(err.join('')).toBe(
      'bravo.md:1:1  error    communique failed on this file: the renderer ran out of ink  internal/error\n' +
        '> 1 | ---\n' +
        '    | ^\n' +
        `  hint: ${INTERNAL_HINT}\n` +
        '\n' +
        '✖ 1 problem (1 error, 0 warnings) in 1 of 1 file\n',
    );
    expect(existsSync(join(folder, 'alpha.html'))).toBe(true);
    expect(existsSync(join(folder, 'charlie.html'))).toBe(true);
    expect(existsSync(join(folder, 'bravo.html'))).toBe(false);
    expect(readFileSync(join(folder, 'alpha.html'), 'utf8')).toContain('Community Partnerships Roundtable Communiqué');
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as {
      generator: string;
      files: { path: string; source: string; bytes: number }[];
    };
    expect(manifest.generator).toMatch(/^communique /);
    expect(manifest.files.map((entry) => [entry.path, entry.source])).toEqual([
      ['alpha.html', 'alpha.md'],
      ['charlie.html', 'charlie.md'],
    ]);
    for (const entry of manifest.files) {
      expect(entry.bytes).toBe(readFileSync(join(folder, entry.path)).length);
    }
  });
});
