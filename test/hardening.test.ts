import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../src/commands/validate.js';
import type { Io } from '../src/io/io.js';
import { VALID_DRAFT } from './support/documents.js';
import { project, runCli } from './support/io.js';

/**
 * Hostile files and places, each as an attacker (or an accident) would bring them: every
 * one ends with a clear message and exit code, nothing read it should not read, nothing
 * written over what a person wrote, and no hang.
 */
const repo = resolve(import.meta.dirname, '..');
/** The smallest PNG: one transparent pixel. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const bin = join(repo, 'bin/communique.js');

describe('reading only what a communiqué can be', () => {
  it('reports a folder it cannot read instead of skipping it in silence', async () => {
    const cwd = project({ 'minutes/open/a.md': VALID_DRAFT, 'minutes/locked/b.md': VALID_DRAFT });
    const out: string[] = [];
    const readdirSync = ((path: string, options: never) => {
      if (/locked\/?$/.test(path)) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return fs.readdirSync(path, options);
    }) as typeof fs.readdirSync;
    const io: Io = {
      stdout: { write: (chunk) => void out.push(String(chunk)) },
      stderr: { write: () => undefined },
      stdin: Readable.from([]),
      cwd,
      env: {},
      fs: { ...fs, readdirSync },
      now: () => new Date(),
    };
    const code = await validateCommand(['minutes'], { format: ['json'] }, io);
    expect(code).toBe(1);
    expect(JSON.parse(out.join(''))).toEqual([
      {
        file: 'minutes/locked',
        messages: [
          {
            ruleId: 'document/unreadable',
            severity: 'error',
            message: 'This folder cannot be read, so the communiqués in it were not checked',
            hint: 'Check that the path names a readable file.',
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 2,
          },
        ],
      },
      { file: 'minutes/open/a.md', messages: [] },
    ]);
  });

  it('refuses a device named in the configuration, without reading it', async () => {
    const cwd = project({ 'communique.config.json': JSON.stringify({ files: ['/dev/zero'] }) });
    const result = await runCli(['validate'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '/dev/zero:1:1  error    The file cannot be read: it is a device, not a file  document/unreadable',
    );
  });

  it('lists no actions from a device, and says why', async () => {
    const cwd = project({});
    const result = await runCli(['actions', '/dev/zero', '-f', 'json'], cwd);
    expect(result).toEqual({
      code: 0,
      stdout: '[]\n',
      stderr:
        'communique: skipping /dev/zero: it is not a valid communiqué\n' +
        '  hint: Run `communique validate /dev/zero` to see why.\n',
    });
  });
});

describe('writing reports', () => {
  it('never writes a report over a file being checked', async () => {
    const cwd = project({ 'a.md': VALID_DRAFT });
    const result = await runCli(['validate', 'a.md', '--format', 'json=a.md'], cwd);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'communique: not writing the report to a.md: it is one of the files being checked\n' +
        '  hint: Write the report to a file of its own.\n',
    });
    expect(readFileSync(join(cwd, 'a.md'), 'utf8')).toBe(VALID_DRAFT);
  });

  it('never writes a report through a link', async () => {
    const cwd = project({ 'a.md': VALID_DRAFT, 'elsewhere.txt': 'kept\n' });
    symlinkSync(join(cwd, 'elsewhere.txt'), join(cwd, 'report.sarif'));
    const result = await runCli(['validate', 'a.md', '--format', 'sarif=report.sarif'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'communique: not writing the report to report.sarif: it is a link\n  hint: Write the report to a file of its own.\n',
    );
    expect(readFileSync(join(cwd, 'elsewhere.txt'), 'utf8')).toBe('kept\n');
  });

  it('writes a report into a device, leaving the device a device', async () => {
    const cwd = project({ 'a.md': VALID_DRAFT });
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect((await runCli(['validate', 'a.md', '--format', 'json=/dev/null'], cwd)).code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('writing renders', () => {
  it('never replaces a source reached through a link to its own folder, even with --force', async () => {
    const copy = VALID_DRAFT.replace('date: 2021-05-05', 'date: 2021-06-02');
    const cwd = project({ 'b.md': VALID_DRAFT, 'b.pandoc.md': copy });
    symlinkSync(cwd, join(cwd, 'here'));
    const result = await runCli(['render', 'b.md', 'b.pandoc.md', '--to', 'md', '--out', 'here', '--force'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `communique: not writing ${join(cwd, 'here/b.pandoc.md')}: it is one of the files being rendered\n` +
        '  hint: Render into another folder with --out.\n',
    );
    expect(readFileSync(join(cwd, 'b.pandoc.md'), 'utf8')).toBe(copy);
  });

  it('carries on after a run killed half-way: its own outputs are recognised, its temporary files removed', async () => {
    const cwd = project({ 'doc.md': VALID_DRAFT });
    expect((await runCli(['render', 'doc.md', '--to', 'txt', '--out', 'out'], cwd)).code).toBe(0);
    // The source changes; a run writes the new text and is killed before it can record it.
    const changed = VALID_DRAFT.replace('endorsed its Terms of Reference', 'endorsed its Terms of Reference at last');
    writeFileSync(join(cwd, 'doc.md'), changed);
    const expected = (await runCli(['render', 'doc.md', '--to', 'txt', '--stdout'], cwd)).stdout;
    writeFileSync(join(cwd, 'out/doc.txt'), expected);
    writeFileSync(join(cwd, 'out/.doc.txt.0123456789ab.tmp'), 'half written');
    const again = await runCli(['render', 'doc.md', '--to', 'txt', '--out', 'out'], cwd);
    expect(again).toEqual({
      code: 0,
      stdout: `Rendered 1 of 1 communiqué to 1 file in ${join(cwd, 'out')}\n`,
      stderr: '',
    });
    expect(fs.readdirSync(join(cwd, 'out')).sort()).toEqual(['doc.txt', 'manifest.json']);
  });
});

describe('a file from another project', () => {
  it('is rendered with its own project: an image beside it is inside, one above that project is not', async () => {
    const body = '\n![The harbour](harbour.png)\n\n![The town](../town.png)\n';
    const elsewhere = project({ 'doc.md': VALID_DRAFT + body, 'harbour.png': PNG, '../town.png': PNG });
    const here = project({});
    const result = await runCli(['render', join(elsewhere, 'doc.md'), '--to', 'html', '--stdout'], here);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The image `../town.png` is outside the project  render/image-outside-project');
    expect(result.stderr).not.toContain('harbour.png');
  });
});

describe('templates and register output', () => {
  it('takes a template by name only, never by a path out of the template folders', async () => {
    const cwd = project({ 'doc.md': VALID_DRAFT });
    const result = await runCli(
      ['render', 'doc.md', '--to', 'txt', '--stdout', '--template', '../../../../etc/x'],
      cwd,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'communique: `../../../../etc/x` is not a template name; the txt templates are: `default`\n' +
        "  hint: Use one of the templates named in the message, or add it to the project's template folder.\n",
    );
  });

  it('writes action text into Markdown literally: no raw HTML, no image to fetch', async () => {
    const text = 'Brief members <script>alert(1)</script> and show ![chart](https://example.org/x.png) *now*';
    const cwd = project({ 'doc.md': VALID_DRAFT.replace('Circulate the Terms of Reference.', JSON.stringify(text)) });
    const result = await runCli(['actions', 'doc.md', '-f', 'markdown'], cwd, { COMMUNIQUE_TODAY: '2021-05-06' });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[2]).toBe(
      '| Community Partnerships Roundtable | ACT-1 | Brief members \\<script\\>alert(1)\\</script\\> and show \\!\\[chart\\](https://example.org/x.png) \\*now\\* | Department of Communities | 2021-06-30 | open | 2021-05-05 | doc (2021-05-05) |',
    );
  });
});

describe('a file with thousands of problems', () => {
  it('lists the first 500 and counts the rest in one closing line, at the first one not listed', async () => {
    const fields = Array.from({ length: 700 }, (_, index) => `zz_${index}: 1`).join('\n');
    const cwd = project({ 'doc.md': VALID_DRAFT.replace('status: draft\n', `status: draft\n${fields}\n`) });
    const result = await runCli(['validate', 'doc.md', '--format', 'json'], cwd);
    expect(result.code).toBe(1);
    const messages = JSON.parse(result.stdout)[0].messages as { ruleId: string; message: string; line: number }[];
    expect(messages).toHaveLength(501);
    expect(messages.at(-2)).toMatchObject({
      ruleId: 'schema/unknown-field',
      message: '`zz_499` is not a field of the front matter',
    });
    expect(messages.at(-1)).toMatchObject({
      ruleId: 'document/too-many-problems',
      message: '…and 200 more problems in this file',
      line: 504,
    });
  });
});

describe('a closed pipe', () => {
  it('ends the command quietly, with no stack trace', async () => {
    const child = spawn(process.execPath, [bin, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('keeps the exit code of a mistake it could not print (2 for a usage error, 1 for a problem found)', async () => {
    const cwd = project({ 'broken.md': 'no front matter\n' });
    const exitWithStreamClosed = async (args: string[], stream: 'stdout' | 'stderr') => {
      const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      child[stream].destroy();
      return new Promise<number | null>((done) => child.on('close', done));
    };
    expect(await exitWithStreamClosed(['nonsense'], 'stderr')).toBe(2);
    expect(await exitWithStreamClosed(['validate', '--max-warnings', 'x', '.'], 'stderr')).toBe(2);
    expect(await exitWithStreamClosed(['validate', 'broken.md'], 'stdout')).toBe(1);
  });
});

describe('an interrupted render', () => {
  it('takes back the files it had written beside their places, and ends as interrupted', async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < 400; n++) files[`minutes/m${n}.md`] = VALID_DRAFT;
    const cwd = project(files);
    const child = spawn(process.execPath, [bin, 'render', 'minutes', '--to', 'docx', '--out', 'pages'], {
      cwd,
      stdio: 'ignore',
    });
    const ended = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    // Interrupted once the first rendered files wait beside their places.
    const staged = () => fs.existsSync(join(cwd, 'pages')) && fs.readdirSync(join(cwd, 'pages')).length > 0;
    for (let waited = 0; !staged() && waited < 600 && child.exitCode === null; waited++)
      await new Promise((wait) => setTimeout(wait, 50));
    expect(staged()).toBe(true);
    child.kill('SIGINT');
    expect(await ended).toBe(130);
    expect(fs.existsSync(join(cwd, 'pages'))).toBe(false);
  }, 60_000);
});

describe('images, checked by validate as render checks them', () => {
  const body = [
    '',
    '![The map](map.png)',
    '',
    '![Linked](link.png)',
    '',
    '![By reference][secret]',
    '',
    '![Broken](%E0%A4%A)',
    '',
    '![As a URL](file://localhost/etc/passwd)',
    '',
    '![Climbing](../outside.png)',
    '',
    '![Remote](https://example.org/map.png)',
    '',
    '[secret]: /etc/passwd',
    '',
  ].join('\n');
  const lineOf = (text: string) => (VALID_DRAFT + body).split('\n').findIndex((line) => line.startsWith(text)) + 1;

  it('reports each image that cannot be used at its line, and passes the rest', async () => {
    const cwd = project({ 'doc.md': VALID_DRAFT + body, 'map.png': PNG, '../outside.png': PNG });
    symlinkSync('../outside.png', join(cwd, 'link.png'));
    const result = await runCli(['validate', 'doc.md', '--format', 'github'], cwd);
    expect(result.code).toBe(1);
    const outside = (line: number, end: number, what: string) =>
      `::error file=doc.md,line=${line},col=1,endLine=${line},endColumn=${end},title=render/image-outside-project::` +
      `The image \`${what}\` is outside the project%0AKeep images inside the project folder and refer to them with a relative path.`;
    const hint =
      '%0ARefer to the image by a path relative to the communiqué (complete any %25 escape, as in %2520), or by an https:// address.';
    const address = (line: number, end: number, what: string) =>
      `::error file=doc.md,line=${line},col=1,endLine=${line},endColumn=${end},title=render/image-address::` +
      `The image address \`${what}${hint}`;
    expect(result.stdout.split('\n').filter((line) => line.startsWith('::'))).toEqual([
      outside(lineOf('![Linked]'), 20, 'link.png'),
      outside(lineOf('![By reference]'), 24, '/etc/passwd'),
      address(lineOf('![Broken]'), 20, '%25E0%25A4%25A` has a `%25` escape that is not one'),
      address(
        lineOf('![As a URL]'),
        41,
        'file://localhost/etc/passwd` is a `file:` URL, which could name any file on the computer',
      ),
      outside(lineOf('![Climbing]'), 28, '../outside.png'),
    ]);
  });

  it('never takes the answer from the cache: the files an image names can change while the communiqué does not', async () => {
    const cwd = project({ 'doc.md': `${VALID_DRAFT}\n![Linked](link.png)\n`, 'map.png': PNG, '../outside.png': PNG });
    symlinkSync('../outside.png', join(cwd, 'link.png'));
    const first = await runCli(['validate', 'doc.md', '--cache'], cwd);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('The image `link.png` is outside the project  render/image-outside-project');
    fs.unlinkSync(join(cwd, 'link.png'));
    symlinkSync('map.png', join(cwd, 'link.png'));
    const second = await runCli(['validate', 'doc.md', '--cache'], cwd);
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('link.png');
  });
});
