import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/core/check/check.js';
import { project, runCli } from './support/io.js';

const repo = resolve(import.meta.dirname, '..');
const seeds = resolve(repo, '../shared/seeds');

function archive() {
  return project({
    'archive/nlg-nov.txt': readFileSync(join(seeds, '000_22d6106c4cc4ed56.txt')),
    'archive/nlg-may.txt': readFileSync(join(seeds, '001_4b0c4804a15c22b9.txt')),
    'archive/nlg-may-word.docx': readFileSync(join(repo, 'examples/rendered/2021-05-25-nlg.docx')),
    // Saved from Word on Windows: curly quotes and a dash in Windows-1252.
    'archive/cpr.txt': Buffer.concat([
      Buffer.from(
        'Community Partnerships Roundtable Communiqu\xe9\n\nThe Community Partnerships Roundtable met in Perth on 5 May 2021. Members endorsed the ',
        'latin1',
      ),
      Buffer.from([0x93]),
      Buffer.from('Terms of Reference', 'latin1'),
      Buffer.from([0x94, 0x20, 0x96]),
      Buffer.from(' a first for the Roundtable.\n', 'latin1'),
    ]),
  });
}

describe('importing a Word document with attendance tables', () => {
  it('reads people, roles, organisations and attendance from the tables, and the meeting facts', async () => {
    const cwd = project({ 'cpr.docx': readFileSync(join(repo, 'examples/rendered/2021-05-05-cpr.docx')) });
    const result = await runCli(['import', 'cpr.docx'], cwd);
    expect(result.code).toBe(0);
    const { parseCommunique } = await import('../src/core/parse/communique.js');
    const text = readFileSync(join(cwd, 'cpr.md'), 'utf8');
    expect(checkText(text).messages.filter((message) => message.severity === 'error')).toEqual([]);
    const data = parseCommunique(text).data as {
      meeting: Record<string, unknown>;
      attendees: Record<string, unknown>[];
    };
    expect(data.meeting).toMatchObject({
      date: '2021-05-05',
      mode: 'hybrid',
      place: 'Perth',
      chair: ['michelle-andrews', 'louise-giolitto'],
    });
    expect(
      data.attendees.map(({ name, role, organisation, attendance }) => [name, role, organisation, attendance]),
    ).toEqual([
      ['Michelle Andrews', 'Director General', 'Department of Communities', 'present'],
      ['Louise Giolitto', 'Chief Executive Officer', 'Western Australian Council of Social Service', 'present'],
      [
        'Community services sector peak representative',
        'Representing a community services sector peak body',
        undefined,
        'remote',
      ],
      ['Executive Director, Department of Communities', 'Executive Director', 'Department of Communities', 'present'],
      ['Sector Partnerships Team', undefined, 'Department of Communities', 'present'],
      [
        'Assistant Director General, Department of Communities',
        'Assistant Director General',
        'Department of Communities',
        'apology',
      ],
    ]);
  });
});

describe.skipIf(!existsSync(seeds) && !process.env.CI)('communique import', () => {
  it('imports a folder of text and Word communiqués into drafts that pass validate, with a summary', async () => {
    const cwd = archive();
    const result = await runCli(['import', 'archive'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('archive/cpr.txt (read as Windows-1252) → archive/cpr.md\n');
    expect(result.stdout).toContain('archive/nlg-may-word.docx → archive/nlg-may-word.md\n');
    expect(result.stdout).toContain('  stripped: [bookmark: _GoBack] (1), end marker "End."');
    expect(result.stdout).toMatch(/Imported 4 of 4 files: \d+ fields found, \d+ placeholders to fill in\n$/);
    for (const name of ['cpr.md', 'nlg-nov.md', 'nlg-may.md', 'nlg-may-word.md']) {
      const text = readFileSync(join(cwd, 'archive', name), 'utf8');
      expect(
        checkText(text).messages.filter((message) => message.severity === 'error'),
        name,
      ).toEqual([]);
    }
    const cpr = readFileSync(join(cwd, 'archive/cpr.md'), 'utf8');
    expect(cpr).toContain('Members endorsed the “Terms of Reference” – a first for the Roundtable.');
    expect(cpr).toContain('date: 2021-05-05');
    expect((await runCli(['validate', 'archive'], cwd)).code).toBe(0);
  });

  it('never overwrites, and a second run leaves the drafts alone', async () => {
    const cwd = archive();
    expect((await runCli(['import', 'archive/nlg-nov.txt'], cwd)).code).toBe(0);
    const before = readFileSync(join(cwd, 'archive/nlg-nov.md'));
    const again = await runCli(['import', 'archive/nlg-nov.txt'], cwd);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'communique: not importing archive/nlg-nov.txt: archive/nlg-nov.md already exists and is never overwritten\n  hint: Choose another --out, or move the existing draft away.\n',
    );
    expect(readFileSync(join(cwd, 'archive/nlg-nov.md')).equals(before)).toBe(true);
    // Walking the folder again skips the drafts: they are communiqués already.
    const folder = await runCli(['import', 'archive', '--out', 'second'], cwd);
    expect(folder.stdout).toMatch(/Imported 4 of 4 files/);
  });

  it('prints the drafts with --dry-run and writes nothing', async () => {
    const cwd = archive();
    const result = await runCli(['import', 'archive/nlg-may.txt', '--dry-run'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('---\nschema_version: 1\n')).toBe(true);
    expect(result.stderr).toContain('archive/nlg-may.txt → (dry run)\n');
    expect(readdirSync(join(cwd, 'archive')).sort()).toEqual([
      'cpr.txt',
      'nlg-may-word.docx',
      'nlg-may.txt',
      'nlg-nov.txt',
    ]);
  });

  it('says clearly when a file cannot be imported, and goes on', async () => {
    const cwd = project({ 'broken.docx': 'not a zip', 'good.txt': 'The Group met virtually on 16 November 2021.\n' });
    const result = await runCli(['import', 'broken.docx', 'good.txt'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^communique: cannot import broken\.docx: it is not a Word document communique can read \(/,
    );
    expect(existsSync(join(cwd, 'good.md'))).toBe(true);
  });
});
