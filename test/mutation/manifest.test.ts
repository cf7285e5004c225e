import * as realFs from 'node:fs';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PlannedOutput, refusals, sha256, writeOutputs } from '../../src/io/manifest.js';
import { temporaryFolder } from '../support/temporary.js';

const encode = (text: string) => new TextEncoder().encode(text);

function folder(): string {
  return temporaryFolder('communique-manifest-');
}

function output(path: string, text: string, source = '/projects/minutes/a.md'): PlannedOutput {
  return { path, content: encode(text), source };
}

/** What `refusals` says, as the user reads it. */
function said(problems: ReturnType<typeof refusals>) {
  return problems.map((problem) => {
    expect(problem.file).toBe('');
    expect(problem.messages).toHaveLength(1);
    const [m] = problem.messages;
    return { ruleId: m!.ruleId, severity: m!.severity, message: m!.message, hint: m!.hint };
  });
}

const NOT_OURS_HINT = 'Use --force to replace it, or choose another --out.';

describe('sha256', () => {
  it('is the hex SHA-256 of the bytes', () => {
    expect(sha256(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256(encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('writeOutputs', () => {
  it('writes the files and a manifest of them, sorted by name, with sources relative to the working directory', () => {
    const cwd = folder();
    const out = join(cwd, 'rendered');
    writeOutputs(
      realFs,
      [
        output(join(out, 'winter.html'), '<p>winter</p>', join(cwd, 'minutes', 'winter.md')),
        output(join(out, 'autumn.html'), '<p>autumn, longer</p>', 'minutes/autumn.md'),
      ],
      'communique 9.9.9',
      cwd,
    );
    expect(readdirSync(out).sort()).toEqual(['autumn.html', 'manifest.json', 'winter.html']);
    expect(readFileSync(join(out, 'winter.html'), 'utf8')).toBe('<p>winter</p>');
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(
      `{
  "generator": "communique 9.9.9",
  "files": [
    {
      "path": "autumn.html",
      "sha256": "${sha256(encode('<p>autumn, longer</p>'))}",
      "bytes": 21,
      "source": "minutes/autumn.md"
    },
    {
      "path": "winter.html",
      "sha256": "${sha256(encode('<p>winter</p>'))}",
      "bytes": 13,
      "source": "minutes/winter.md"
    }
  ]
}
`,
    );
  });

  it('keeps what the manifest already lists and updates the entries of files written again', () => {
    const cwd = folder();
    const out = join(cwd, 'site');
    writeOutputs(
      realFs,
      [output(join(out, 'b.txt'), 'first b', 'b.md'), output(join(out, 'c.txt'), 'c', 'c.md')],
      'communique 1',
      cwd,
    );
    writeOutputs(
      realFs,
      [output(join(out, 'b.txt'), 'second b!', 'b.md'), output(join(out, 'a.txt'), 'a', 'a.md')],
      'communique 2',
      cwd,
    );
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toEqual({
      generator: 'communique 2',
      files: [
        { path: 'a.txt', sha256: sha256(encode('a')), bytes: 1, source: 'a.md' },
        { path: 'b.txt', sha256: sha256(encode('second b!')), bytes: 9, source: 'b.md' },
        { path: 'c.txt', sha256: sha256(encode('c')), bytes: 1, source: 'c.md' },
      ],
    });
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('second b!');
  });

  it('starts a new manifest over one that another program wrote', () => {
    const cwd = folder();
    const out = join(cwd, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ generator: 'sitegen', files: [{ path: 'x.html' }] }));
    writeOutputs(realFs, [output(join(out, 'y.txt'), 'y', 'y.md')], 'communique 1', cwd);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((file: { path: string }) => file.path)).toEqual(['y.txt']);
  });

  it('gives each folder its own manifest', () => {
    const cwd = folder();
    writeOutputs(
      realFs,
      [output(join(cwd, 'one', 'a.txt'), 'a', 'a.md'), output(join(cwd, 'two', 'deeper', 'b.txt'), 'bb', 'b.md')],
      'communique 1',
      cwd,
    );
    const one = JSON.parse(readFileSync(join(cwd, 'one', 'manifest.json'), 'utf8'));
    const two = JSON.parse(readFileSync(join(cwd, 'two', 'deeper', 'manifest.json'), 'utf8'));
    expect(one.files).toEqual([{ path: 'a.txt', sha256: sha256(encode('a')), bytes: 1, source: 'a.md' }]);
    expect(two.files).toEqual([{ path: 'b.txt', sha256: sha256(encode('bb')), bytes: 2, source: 'b.md' }]);
  });

  it('records a source typed with backslashes with forward slashes', () => {
    const cwd = folder();
    const out = join(cwd, 'out');
    writeOutputs(realFs, [output(join(out, 'a.txt'), 'a', 'minutes\\2024\\a.md')], 'communique 1', cwd);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.files[0].source).toBe('minutes/2024/a.md');
  });

  it('lists a folder of many files in order of their names, whatever order they were written in', () => {
    const cwd = folder();
    const out = join(cwd, 'many');
    const names = Array.from({ length: 120 }, (_, index) => `page-${String((index * 37) % 120).padStart(3, '0')}.html`);
    writeOutputs(
      realFs,
      names.map((name) => output(join(out, name), name, 'many.md')),
      'communique 1',
      cwd,
    );
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((file: { path: string }) => file.path)).toEqual([...names].sort());
  });

  it('records a source outside the working directory with ../, and the working directory itself as given', () => {
    const cwd = folder();
    const out = join(cwd, 'out');
    writeOutputs(
      realFs,
      [
        output(join(out, 'up.txt'), 'u', join(cwd, '..', 'elsewhere', 'up.md')),
        output(join(out, 'here.txt'), 'h', '.'),
      ],
      'communique 1',
      cwd,
    );
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((file: { source: string }) => file.source)).toEqual(['.', '../elsewhere/up.md']);
  });
});

describe('refusals', () => {
  it('allows new files, and files communique wrote and nobody has changed since', () => {
    const cwd = folder();
    const out = join(cwd, 'out');
    writeOutputs(realFs, [output(join(out, 'kept.txt'), 'kept', 'k.md')], 'communique 1', cwd);
    const planned = [output(join(out, 'kept.txt'), 'new kept'), output(join(out, 'fresh.txt'), 'fresh')];
    expect(refusals(realFs, planned, [], false)).toEqual([]);
  });

  it('refuses a file communique did not write, and one changed since it was written', () => {
    const cwd = folder();
    const out = join(cwd, 'out');
    writeOutputs(realFs, [output(join(out, 'edited.txt'), 'as written', 'e.md')], 'communique 1', cwd);
    writeFileSync(join(out, 'edited.txt'), 'as edited by hand');
    writeFileSync(join(out, 'stranger.txt'), 'someone else wrote this');
    const planned = [output(join(out, 'edited.txt'), 'x'), output(join(out, 'stranger.txt'), 'y')];
    expect(said(refusals(realFs, planned, [], false))).toEqual([
      {
        ruleId: 'write/refused',
        severity: 'error',
        message: `not writing ${join(out, 'edited.txt')}: it has been changed since communique wrote it`,
        hint: NOT_OURS_HINT,
      },
      {
        ruleId: 'write/refused',
        severity: 'error',
        message: `not writing ${join(out, 'stranger.txt')}: it exists and communique did not write it`,
        hint: NOT_OURS_HINT,
      },
    ]);
    // --force replaces both.
    expect(refusals(realFs, planned, [], true)).toEqual([]);
  });

  it('refuses a file in a folder with no manifest', () => {
    const out = folder();
    writeFileSync(join(out, 'index.html'), 'hand-made');
    expect(said(refusals(realFs, [output(join(out, 'index.html'), 'x')], [], false))).toEqual([
      {
        ruleId: 'write/refused',
        severity: 'error',
        message: `not writing ${join(out, 'index.html')}: it exists and communique did not write it`,
        hint: NOT_OURS_HINT,
      },
    ]);
  });

  it('never replaces a file being rendered, even with --force', () => {
    const out = folder();
    const source = join(out, 'minutes.md');
    writeFileSync(source, '---\n---\n');
    for (const force of [false, true]) {
      expect(said(refusals(realFs, [output(source, 'rendered', source)], [source], force))).toEqual([
        {
          ruleId: 'write/refused',
          severity: 'error',
          message: `not writing ${source}: it is one of the files being rendered`,
          hint: 'Render into another folder with --out.',
        },
      ]);
    }
  });

  it('refuses to take over a manifest.json that is not a communique manifest, unless forced', () => {
    const cases: Record<string, string> = {
      'another generator': JSON.stringify({ generator: 'sitegen 2', files: [] }),
      'a generator that is not text': JSON.stringify({ generator: 7, files: [] }),
      'files that are not a list': JSON.stringify({ generator: 'communique 1', files: {} }),
      'not JSON': '{ "generator": "communique',
    };
    for (const [what, text] of Object.entries(cases)) {
      const out = folder();
      writeFileSync(join(out, 'manifest.json'), text);
      const problems = said(refusals(realFs, [output(join(out, 'new.txt'), 'n')], [], false));
      expect(problems, what).toEqual([
        {
          ruleId: 'write/refused',
          severity: 'error',
          message: `not writing ${join(out, 'manifest.json')}: it exists and is not a communique manifest`,
          hint: NOT_OURS_HINT,
        },
      ]);
      expect(refusals(realFs, [output(join(out, 'new.txt'), 'n')], [], true), what).toEqual([]);
    }
  });

  it('says once per folder that its manifest is not ours, and judges existing files by it', () => {
    const out = folder();
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ generator: 'other', files: [] }));
    writeFileSync(join(out, 'old.txt'), 'old');
    const planned = [output(join(out, 'old.txt'), '1'), output(join(out, 'new.txt'), '2')];
    expect(said(refusals(realFs, planned, [], false)).map((problem) => problem.message)).toEqual([
      `not writing ${join(out, 'old.txt')}: it exists and communique did not write it`,
      `not writing ${join(out, 'manifest.json')}: it exists and is not a communique manifest`,
    ]);
  });
});
