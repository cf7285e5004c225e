import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/core/check/check.js';
import { project, runCli } from './support/io.js';

const repo = resolve(import.meta.dirname, '..');
const seeds = resolve(repo, '../shared/seeds');
const fixtures = join(repo, 'test/import-fixtures');

/**
 * Two old communiqués saved from Word as plain text: the fixtures written like the seed
 * documents (always), or the seed documents themselves, which sit beside the repository and
 * are used only when `COMMUNIQUE_SEED_TESTS=1` asks for them (`.ci/run` is to set it).
 */
interface Sources {
  /** The later communiqué: a Word export with a bookmark and an "End." marker. */
  later: { name: string; path: string; stripped: string };
  /** The earlier one: titled with its number and date. */
  earlier: { name: string; path: string };
}

const FIXTURES: Sources = {
  later: {
    name: 'npg-apr',
    path: join(fixtures, 'word-export.txt'),
    stripped:
      '  stripped: [bookmark: _GoBack] (1), page numbers (2), end marker "End.", trailing whitespace (14 lines)\n',
  },
  earlier: { name: 'npg-oct', path: join(fixtures, 'word-export-roles.txt') },
};
const SEEDS: Sources = {
  later: {
    name: 'nlg-nov',
    path: join(seeds, '000_22d6106c4cc4ed56.txt'),
    stripped: '  stripped: [bookmark: _GoBack] (1), end marker "End.", trailing whitespace (13 lines)\n',
  },
  earlier: { name: 'nlg-may', path: join(seeds, '001_4b0c4804a15c22b9.txt') },
};
const seedTests = process.env.COMMUNIQUE_SEED_TESTS === '1';

function archive(sources: Sources) {
  return project({
    [`archive/${sources.later.name}.txt`]: readFileSync(sources.later.path),
    [`archive/${sources.earlier.name}.txt`]: readFileSync(sources.earlier.path),
    // A different Roundtable meeting from the one in hspr.txt: the same meeting imported twice would
    // be an error across communiqués (`across/same-date`, `across/duplicate-id`).
    'archive/hspr-may-word.docx': readFileSync(join(repo, 'examples/rendered/2025-05-14-hspr.docx')),
    // Saved from Word on Windows: curly quotes and a dash in Windows-1252.
    'archive/hspr.txt': Buffer.concat([
      Buffer.from(
        'Human Services Partnership Roundtable Communiqu\xe9\n\nThe Human Services Partnership Roundtable met in Brisbane on 20 August 2025. Members endorsed the ',
        'latin1',
      ),
      Buffer.from([0x93]),
      Buffer.from('Work Plan', 'latin1'),
      Buffer.from([0x94, 0x20, 0x96]),
      Buffer.from(' a first for the Roundtable.\n', 'latin1'),
    ]),
  });
}

describe('importing a Word document with attendance tables', () => {
  it('reads people, roles, organisations and attendance from the tables, and the meeting facts', async () => {
    // A Word file with an attendance table per kind of attendance, as many secretariats lay them out.
    const cwd = project({ 'hspr.docx': readFileSync(join(repo, 'test/import-fixtures/hspr-attendance-tables.docx')) });
    const result = await runCli(['import', 'hspr.docx'], cwd);
    expect(result.code).toBe(0);
    const { parseCommunique } = await import('../src/core/parse/communique.js');
    const text = readFileSync(join(cwd, 'hspr.md'), 'utf8');
    expect(checkText(text).messages.filter((message) => message.severity === 'error')).toEqual([]);
    const data = parseCommunique(text).data as {
      meeting: Record<string, unknown>;
      attendees: Record<string, unknown>[];
    };
    expect(data.meeting).toMatchObject({
      date: '2025-05-14',
      mode: 'hybrid',
      place: 'Brisbane',
      chair: ['rebecca-thornley', 'daniel-okafor'],
    });
    expect(
      data.attendees.map(({ name, role, organisation, attendance }) => [name, role, organisation, attendance]),
    ).toEqual([
      ['Rebecca Thornley', 'Director-General', 'Department of Families and Inclusion', 'present'],
      ['Daniel Okafor', 'Chief Executive Officer', 'Queensland Community Services Alliance', 'present'],
      [
        'Executive Director, Community Partnerships',
        'Executive Director',
        'Department of Families and Inclusion',
        'present',
      ],
      [
        'Disability services peak body representative',
        'Representing a disability services peak body',
        undefined,
        'remote',
      ],
      ['Sector Engagement Unit', undefined, 'Department of Families and Inclusion', 'present'],
      [
        'Deputy Director-General, Department of Families and Inclusion',
        'Deputy Director-General',
        'Department of Families and Inclusion',
        'apology',
      ],
    ]);
  });
});

function importsAnArchive(sources: Sources) {
  const { later, earlier } = sources;

  it('imports a folder of text and Word communiqués into drafts that pass validate, with a summary', async () => {
    const cwd = archive(sources);
    const result = await runCli(['import', 'archive'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('archive/hspr.txt (read as Windows-1252) → archive/hspr.md\n');
    expect(result.stdout).toContain('archive/hspr-may-word.docx → archive/hspr-may-word.md\n');
    expect(result.stdout).toContain(`archive/${later.name}.txt → archive/${later.name}.md\n`);
    expect(result.stdout).toContain(later.stripped);
    expect(result.stdout).toMatch(/Imported 4 of 4 files: \d+ fields found, \d+ placeholders to fill in\n$/);
    for (const name of ['hspr.md', `${later.name}.md`, `${earlier.name}.md`, 'hspr-may-word.md']) {
      const text = readFileSync(join(cwd, 'archive', name), 'utf8');
      expect(
        checkText(text).messages.filter((message) => message.severity === 'error'),
        name,
      ).toEqual([]);
    }
    const hspr = readFileSync(join(cwd, 'archive/hspr.md'), 'utf8');
    expect(hspr).toContain('Members endorsed the “Work Plan” – a first for the Roundtable.');
    expect(hspr).toContain('date: 2025-08-20');
    expect((await runCli(['validate', 'archive'], cwd)).code).toBe(0);
  });

  it('never overwrites, and a second run leaves the drafts alone', async () => {
    const cwd = archive(sources);
    const source = `archive/${later.name}.txt`;
    const draft = `archive/${later.name}.md`;
    expect((await runCli(['import', source], cwd)).code).toBe(0);
    const before = readFileSync(join(cwd, draft));
    const again = await runCli(['import', source], cwd);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `communique: not importing ${source}: ${draft} already exists and is never overwritten\n  hint: Choose another --out, or move the existing draft away.\n`,
    );
    expect(readFileSync(join(cwd, draft)).equals(before)).toBe(true);
    // Walking the folder again skips the drafts: they are communiqués already.
    const folder = await runCli(['import', 'archive', '--out', 'second'], cwd);
    expect(folder.stdout).toMatch(/Imported 4 of 4 files/);
  });

  it('prints the drafts with --dry-run and writes nothing', async () => {
    const cwd = archive(sources);
    const result = await runCli(['import', `archive/${earlier.name}.txt`, '--dry-run'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('---\nschema_version: 1\n')).toBe(true);
    expect(result.stderr).toContain(`archive/${earlier.name}.txt → (dry run)\n`);
    expect(readdirSync(join(cwd, 'archive')).sort()).toEqual(
      ['hspr-may-word.docx', 'hspr.txt', `${earlier.name}.txt`, `${later.name}.txt`].sort(),
    );
  });
}

describe('communique import', () => {
  importsAnArchive(FIXTURES);

  it('sums up the folder exactly', async () => {
    const result = await runCli(['import', 'archive'], archive(FIXTURES));
    expect(result.stdout).toContain(
      [
        'archive/npg-apr.txt → archive/npg-apr.md',
        '  found: actions, agreements, attendees, meeting.chair, meeting.date, meeting.group.name, meeting.group.short_name, meeting.mode, next_meeting.date',
        '  stripped: [bookmark: _GoBack] (1), page numbers (2), end marker "End.", trailing whitespace (14 lines)',
        '  kept 100% of 369 words',
      ].join('\n'),
    );
    expect(result.stdout).toContain(
      [
        'archive/npg-oct.txt → archive/npg-oct.md',
        '  found: actions, agreements, attendance_note, meeting.date, meeting.group.name, meeting.group.short_name, meeting.mode, meeting.number, meeting.place, title',
        '  stripped: [bookmark: _GoBack] (1), non-breaking spaces normalised (13), trailing whitespace (7 lines)',
        '  kept 100% of 520 words',
      ].join('\n'),
    );
    expect(result.stdout.endsWith('Imported 4 of 4 files: 35 fields found, 5 placeholders to fill in\n')).toBe(true);
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

describe.runIf(seedTests)('communique import, on the seed documents', () => {
  it('finds them, as COMMUNIQUE_SEED_TESTS=1 says they are there', () => {
    expect(existsSync(seeds), `COMMUNIQUE_SEED_TESTS=1, but ${seeds} is missing`).toBe(true);
  });
  if (existsSync(seeds)) importsAnArchive(SEEDS);
});
