import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../src/commands/validate.js';
import { DEFAULT_MAX_BYTES } from '../src/core/parse/decode.js';
import { importText } from '../src/import/import.js';
import type { FileSystem, Io } from '../src/io/io.js';
import { runFiles } from '../src/pipeline/run-files.js';
import { VALID_DRAFT } from './support/documents.js';
import { runCli, project } from './support/io.js';
import { ONE_PIXEL_PNG } from './support/png.js';
import { temporaryFolder } from './support/temporary.js';

const HINT = 'Check that the path names a readable file.';

const unreadable = (why: string) => ({
  ruleId: 'document/unreadable',
  severity: 'error',
  message: `The file cannot be read: ${why}`,
  hint: HINT,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
});

/** An Io on the real file system, with captured output and the given stand-ins for some calls. */
function testIo(cwd: string, overrides: Partial<FileSystem> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const text = (chunk: string | Uint8Array) =>
    typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  const io: Io = {
    stdout: { write: (chunk) => void out.push(text(chunk)) },
    stderr: { write: (chunk) => void err.push(text(chunk)) },
    cwd,
    env: {},
    fs: { ...fs, ...overrides },
    now: () => new Date('2023-06-01T00:00:00Z'),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('files that cannot be read', () => {
  it('a folder reached as a file is document/unreadable "it is a folder" at 1:1', async () => {
    const cwd = project({ 'notes.md/inner.txt': 'not a communiqué', 'ok.md': VALID_DRAFT });
    const results = await runFiles(
      [
        { path: join(cwd, 'notes.md'), name: 'notes.md' },
        { path: join(cwd, 'ok.md'), name: 'ok.md' },
      ],
      {
        maxBytes: DEFAULT_MAX_BYTES,
        check: { maxBytes: DEFAULT_MAX_BYTES, organisations: [] },
        policy: { report: 'all' },
        keepData: false,
      },
      { fs },
    );
    expect(results).toEqual([
      { file: 'notes.md', messages: [unreadable('it is a folder')] },
      { file: 'ok.md', messages: [] },
    ]);
  });

  it('a folder that takes a file’s place after the files are listed: exit 1, the others still checked', async () => {
    const cwd = project({ 'notes.md/inner.txt': 'not a communiqué', 'ok.md': VALID_DRAFT });
    const folder = join(cwd, 'notes.md');
    // The listing sees a file; by the time it is read, a folder stands there.
    const statSync = ((path: fs.PathLike, options?: fs.StatSyncOptions) => {
      const stats = fs.statSync(path, options) as fs.Stats;
      return String(path) === folder ? Object.assign(Object.create(stats), { isDirectory: () => false }) : stats;
    }) as typeof fs.statSync;
    const { io, stdout, stderr } = testIo(cwd, { statSync });
    const code = await validateCommand(['notes.md', 'ok.md'], { format: ['json'] }, io);
    expect(JSON.parse(stdout())).toEqual([
      { file: 'notes.md', messages: [unreadable('it is a folder')] },
      { file: 'ok.md', messages: [] },
    ]);
    expect(stderr()).toBe('');
    expect(code).toBe(1);
  });

  it('a folder named like a Markdown file, given outright, is searched as a folder', async () => {
    // What a user meets on the command line: `notes.md/` is a folder, so its Markdown files are checked.
    const cwd = project({ 'notes.md/inner.txt': 'not a communiqué' });
    const result = await runCli(['validate', 'notes.md/'], cwd);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'communique: found no Markdown files in notes.md/\n',
    });
  });

  it('permission denied: document/unreadable, exit 1, the other files checked', async () => {
    // Three groups' communiqués, so the checks across communiqués have nothing to say.
    const cwd = project({
      'first.md': VALID_DRAFT,
      'locked.md': VALID_DRAFT.replace(/Community Partnerships Roundtable/g, 'Riverbend Tenants Roundtable'),
      'last.md': VALID_DRAFT.replace(/Community Partnerships Roundtable/g, 'Coastal Housing Roundtable'),
    });
    const locked = join(cwd, 'locked.md');
    // Tests run as root, where chmod stops no read: the file system refuses this one file instead.
    const openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
      if (String(path) === locked) {
        throw Object.assign(new Error(`EACCES: permission denied, open '${locked}'`), {
          code: 'EACCES',
          errno: -13,
          syscall: 'open',
          path: locked,
        });
      }
      return (fs.openSync as (...args: unknown[]) => number)(path, ...rest);
    }) as typeof fs.openSync;

    const json = testIo(cwd, { openSync });
    const code = await validateCommand(['first.md', 'locked.md', 'last.md'], { format: ['json'] }, json.io);
    expect(JSON.parse(json.stdout())).toEqual([
      { file: 'first.md', messages: [] },
      { file: 'locked.md', messages: [unreadable('permission denied')] },
      { file: 'last.md', messages: [] },
    ]);
    expect(code).toBe(1);

    const stylish = testIo(cwd, { openSync });
    expect(await validateCommand(['first.md', 'locked.md', 'last.md'], { format: [] }, stylish.io)).toBe(1);
    expect(stylish.stdout()).toBe(
      'locked.md:1:1  error    The file cannot be read: permission denied  document/unreadable\n' +
        `  hint: ${HINT}\n` +
        '\n' +
        '✖ 1 problem (1 error, 0 warnings) in 1 of 3 files\n',
    );
  });

  it('a FIFO and devices given outright are refused without reading them, and nothing hangs', async () => {
    const cwd = project({ 'ok.md': VALID_DRAFT });
    const made = spawnSync('mkfifo', [join(cwd, 'pipe.md')]);
    expect(made.status).toBe(0);
    const result = await runCli(['validate', 'pipe.md', '/dev/null', '/dev/zero', 'ok.md', '-f', 'json'], cwd);
    expect(JSON.parse(result.stdout)).toEqual([
      { file: 'pipe.md', messages: [unreadable('it is a pipe or socket, not a file')] },
      { file: '/dev/null', messages: [unreadable('it is a device, not a file')] },
      { file: '/dev/zero', messages: [unreadable('it is a device, not a file')] },
      { file: 'ok.md', messages: [] },
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');

    // Rendering refuses them the same way, and renders the rest.
    const rendered = await runCli(['render', 'pipe.md', '/dev/zero', 'ok.md', '--to', 'txt', '--out', 'out'], cwd);
    expect(rendered.code).toBe(1);
    expect(rendered.stdout).toBe(`Rendered 1 of 3 communiqués to 1 file in ${join(cwd, 'out')}\n`);
    expect(rendered.stderr).toBe(
      'pipe.md:1:1  error    The file cannot be read: it is a pipe or socket, not a file  document/unreadable\n' +
        `  hint: ${HINT}\n` +
        '\n' +
        '/dev/zero:1:1  error    The file cannot be read: it is a device, not a file  document/unreadable\n' +
        `  hint: ${HINT}\n` +
        '\n' +
        '✖ 2 problems (2 errors, 0 warnings) in 2 of 2 files\n',
    );
    expect(existsSync(join(cwd, 'out/ok.txt'))).toBe(true);
  }, 20_000);
});

const WITH_LOGO = VALID_DRAFT.replace(
  'The Roundtable endorsed its Terms of Reference.',
  'The Roundtable endorsed its Terms of Reference.\n\n![The Roundtable logo](logo.png)',
);

describe('local images', () => {
  it('are embedded in HTML as a data URI', async () => {
    const cwd = project({ 'doc.md': WITH_LOGO, 'logo.png': ONE_PIXEL_PNG });
    const result = await runCli(['render', 'doc.md', '--to', 'html', '--stdout'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`<img src="data:image/png;base64,${ONE_PIXEL_PNG.toString('base64')}"`);
    expect(result.stdout).toContain('alt="The Roundtable logo"');
  });

  it('are embedded in a Word document as the same bytes', async () => {
    const cwd = project({ 'doc.md': WITH_LOGO, 'logo.png': ONE_PIXEL_PNG });
    const result = await runCli(['render', 'doc.md', '--to', 'docx', '--out', 'out'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(cwd, 'out/doc.docx')));
    const media = Object.keys(zip.files).filter((path) => path.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(await zip.file(media[0]!)!.async('uint8array'))).toEqual(ONE_PIXEL_PNG);
  });

  it('outside the project are refused at the image, exit 1, nothing written', async () => {
    // The project is a folder inside a scratch folder; the image sits beside it.
    const scratch = temporaryFolder('communique-scratch-');
    const cwd = join(scratch, 'project');
    mkdirSync(join(cwd, '.git'), { recursive: true });
    writeFileSync(join(scratch, 'outside.png'), ONE_PIXEL_PNG);
    writeFileSync(
      join(cwd, 'doc.md'),
      VALID_DRAFT.replace(
        'The Roundtable endorsed its Terms of Reference.',
        'The Roundtable endorsed its Terms of Reference.\n\nOur emblem: ![x](../outside.png) as adopted.',
      ),
    );
    const result = await runCli(['render', 'doc.md', '--to', 'html', '--out', 'out'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('Rendered none of 1 communiqué\n');
    expect(result.stderr).toBe(
      'doc.md:28:13  error    The image `../outside.png` is outside the project  render/image-outside-project\n' +
        '  27 |\n' +
        '> 28 | Our emblem: ![x](../outside.png) as adopted.\n' +
        '     |             ^^^^^^^^^^^^^^^^^^^^\n' +
        '  hint: Keep images inside the project folder and refer to them with a relative path.\n' +
        '\n' +
        '✖ 1 problem (1 error, 0 warnings) in 1 of 1 file\n',
    );
    expect(existsSync(join(cwd, 'out/doc.html'))).toBe(false);
  });
});

/** A communiqué whose five actions, one in each status, were all due before "today". */
const EVERY_STATUS = `---
schema_version: 1
id: rysc-2023-02-01
title: Riverbend Youth Services Council Communiqué
status: draft
meeting:
  group:
    name: Riverbend Youth Services Council
    short_name: RYSC
  date: 2023-02-01
  mode: in-person
  place: Bendigo
  chair: tomas-keane
attendees:
  - id: tomas-keane
    name: Tomas Keane
    organisation: Riverbend Shire
actions:
  - id: ACT-1
    text: Draft the youth survey.
    owner: tomas-keane
    due: 2023-03-01
    status: open
  - id: ACT-2
    text: Book the hall for the forum.
    owner: Riverbend Shire
    due: 2023-03-02
    status: in-progress
  - id: ACT-3
    text: Write to the bus operator.
    owner: HARBOURSIDE TRANSIT
    due: 2023-03-03
    status: carried-forward
  - id: ACT-4
    text: Circulate the minutes.
    owner: tomas-keane
    due: 2023-03-04
    status: done
  - id: ACT-5
    text: Cost a second forum.
    owner: Riverbend Shire
    due: 2023-03-05
    status: dropped
---

## Youth survey

The Council met in Bendigo and agreed to survey young people in the shire.
`;

describe('regressions', () => {
  const today = { COMMUNIQUE_TODAY: '2023-06-01' };

  it('the register marks open, in-progress and carried-forward actions overdue, never done or dropped ones', async () => {
    const cwd = project({ 'rysc.md': EVERY_STATUS });
    const result = await runCli(['actions', 'rysc.md', '-f', 'json'], cwd, today);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const entries = JSON.parse(result.stdout) as { id: string; status: string; due: string; overdue: boolean }[];
    expect(entries.map((entry) => [entry.id, entry.status, entry.due, entry.overdue])).toEqual([
      ['ACT-1', 'open', '2023-03-01', true],
      ['ACT-2', 'in-progress', '2023-03-02', true],
      ['ACT-3', 'carried-forward', '2023-03-03', true],
      ['ACT-4', 'done', '2023-03-04', false],
      ['ACT-5', 'dropped', '2023-03-05', false],
    ]);
    const overdue = await runCli(['actions', 'rysc.md', '-f', 'json', '--status', 'overdue'], cwd, today);
    expect((JSON.parse(overdue.stdout) as { id: string }[]).map((entry) => entry.id)).toEqual([
      'ACT-1',
      'ACT-2',
      'ACT-3',
    ]);
    // Before the due dates nothing is overdue.
    const early = await runCli(['actions', 'rysc.md', '-f', 'json'], cwd, { COMMUNIQUE_TODAY: '2023-02-15' });
    expect((JSON.parse(early.stdout) as { overdue: boolean }[]).some((entry) => entry.overdue)).toBe(false);
  });

  it('actions --owner matches owners whatever their case', async () => {
    const cwd = project({ 'rysc.md': EVERY_STATUS });
    const ids = async (owner: string) =>
      (
        JSON.parse((await runCli(['actions', 'rysc.md', '-f', 'json', '--owner', owner], cwd, today)).stdout) as {
          id: string;
        }[]
      ).map((entry) => entry.id);
    expect(await ids('TOMAS KEANE')).toEqual(['ACT-1', 'ACT-4']);
    expect(await ids('tomas keane')).toEqual(['ACT-1', 'ACT-4']);
    expect(await ids('riverbend shire')).toEqual(['ACT-2', 'ACT-5']);
    expect(await ids('RiverBend')).toEqual(['ACT-2', 'ACT-5']);
    expect(await ids('harbourside transit')).toEqual(['ACT-3']);
    expect(await ids('nobody at all')).toEqual([]);
  });

  it('import reads a meeting over two months as its start and end', () => {
    const source = [
      'Riverbend Youth Services Council Communiqué',
      '',
      'The Riverbend Youth Services Council met in Bendigo on 30 November – 1 December 2020.',
      '',
      'Members agreed to survey young people across the shire before the winter school holidays.',
      '',
    ].join('\n');
    const result = importText(source, { sourceName: 'rysc-2020.txt' });
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(result.text)?.[1] ?? '';
    const meeting = (parse(yaml) as { meeting: Record<string, unknown> }).meeting;
    expect(meeting.start).toBe('2020-11-30');
    expect(meeting.end).toBe('2020-12-01');
    expect(meeting.date).toBeUndefined();
    expect(result.filled).toEqual(expect.arrayContaining(['meeting.start', 'meeting.end']));
  });
});
