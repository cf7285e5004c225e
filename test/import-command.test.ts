import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/core/check/check.js';
import { parseCommunique } from '../src/core/parse/communique.js';
import { project, runCli } from './support/io.js';

const repo = resolve(import.meta.dirname, '..');
const seeds = resolve(repo, '../shared/seeds');
const fixtures = join(repo, 'test/import-fixtures');

/**
 * Two old communiqués saved from Word as plain text: the fixtures written like the seed
 * documents (always), or the seed documents themselves, which sit beside the repository and
 * are used only when `COMMUNIQUE_SEED_TESTS=1` asks for them (`.ci/run` sets it).
 */
interface Sources {
  /** The later communiqué: a Word export with a bookmark and an "End." marker. */
  later: { name: string; path: string; draft: string; stripped: string };
  /** The earlier one: titled with its number and date. */
  earlier: { name: string; path: string; draft: string };
}

const FIXTURES: Sources = {
  later: {
    name: 'npg-apr',
    path: join(fixtures, 'word-export.txt'),
    draft: 'communiques/2026-04-21-npg.md',
    stripped:
      '  stripped: [bookmark: _GoBack] (1), page numbers (2), end marker "End.", trailing whitespace (14 lines)\n',
  },
  earlier: { name: 'npg-oct', path: join(fixtures, 'word-export-roles.txt'), draft: 'communiques/2025-10-14-npg.md' },
};
const SEEDS: Sources = {
  later: {
    name: 'nlg-nov',
    path: join(seeds, '000_22d6106c4cc4ed56.txt'),
    draft: 'communiques/2021-11-16-nlg.md',
    stripped: '  stripped: [bookmark: _GoBack] (1), end marker "End.", trailing whitespace (13 lines)\n',
  },
  earlier: { name: 'nlg-may', path: join(seeds, '001_4b0c4804a15c22b9.txt'), draft: 'communiques/2021-05-25-nlg.md' },
};
const seedTests = process.env.COMMUNIQUE_SEED_TESTS === '1';
const HSPR_MAY = 'communiques/2025-05-14-human-services-partnership-roundtable.md';
const HSPR_AUGUST = 'communiques/2025-08-20-human-services-partnership-roundtable.md';

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

// biome-ignore lint/suspicious/noExplicitAny: front matter is checked field by field
const frontMatter = (text: string) => parseCommunique(text).data as Record<string, any>;

describe('importing a Word document with attendance tables', () => {
  it('reads people, roles, organisations and attendance from the tables, and the meeting facts', async () => {
    const cwd = project({ 'hspr.docx': readFileSync(join(repo, 'examples/rendered/2025-05-14-hspr.docx')) });
    const result = await runCli(['import', 'hspr.docx'], cwd);
    expect(result.code).toBe(0);
    const text = readFileSync(join(cwd, HSPR_MAY), 'utf8');
    expect(checkText(text).messages.filter((message) => message.severity === 'error')).toEqual([]);
    const data = frontMatter(text);
    expect(data.meeting).toMatchObject({
      date: '2025-05-14',
      mode: 'hybrid',
      place: 'Brisbane',
      chair: ['rebecca-thornley', 'daniel-okafor'],
    });
    expect(data.attendees.map(({ name, attendance }: Record<string, string>) => [name, attendance])).toEqual([
      ['Rebecca Thornley', 'present'],
      ['Daniel Okafor', 'present'],
      ['Executive Director, Community Partnerships', 'present'],
      ['Disability services peak body representative', 'remote'],
      ['Sector Engagement Unit', 'present'],
      ['Deputy Director-General, Department of Families and Inclusion', 'apology'],
    ]);
    expect(data.source).toEqual({ file: 'hspr.docx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});

function importsAnArchive(sources: Sources) {
  const { later, earlier } = sources;

  it('imports a folder into drafts named by new.path, with a summary; owners added to the configuration, they pass validate', async () => {
    const cwd = archive(sources);
    const result = await runCli(['import', 'archive'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`archive/hspr.txt (read as Windows-1252) → ${HSPR_AUGUST}\n`);
    expect(result.stdout).toContain(`archive/hspr-may-word.docx → ${HSPR_MAY}\n`);
    expect(result.stdout).toContain(`archive/${later.name}.txt → ${later.draft}\n`);
    expect(result.stdout).toContain(`archive/${earlier.name}.txt → ${earlier.draft}\n`);
    expect(result.stdout).toContain(later.stripped);
    expect(result.stdout).toMatch(/Imported 4 of 4 files: \d+ fields found, \d+ placeholders to fill in\n$/);
    const drafts = [HSPR_AUGUST, HSPR_MAY, later.draft, earlier.draft];
    expect(readdirSync(join(cwd, 'communiques')).sort()).toEqual(drafts.map((draft) => draft.slice(12)).sort());
    const hspr = readFileSync(join(cwd, HSPR_AUGUST), 'utf8');
    expect(hspr).toContain('Members endorsed the “Work Plan” – a first for the Roundtable.');
    expect(frontMatter(hspr).meeting.date).toBe('2025-08-20');
    expect(frontMatter(hspr).source).toEqual({
      file: 'archive/hspr.txt',
      sha256: '7d07da866315580d2f5fb102e32d18da59153075d2d5d120f54acafc4b35575e',
    });
    // Owners the sources name, kept as they are written: the secretariat adds them to the configuration.
    const owners = [
      ...result.stdout.matchAll(/owners kept as written, for organisations in communique\.config\.json: (.+)\n/g),
    ]
      .flatMap((match) => match[1]!.split(/', '/))
      .map((owner) => owner.replace(/^'|'$/g, ''));
    expect(owners.length).toBeGreaterThan(0);
    writeFileSync(join(cwd, 'communique.config.json'), JSON.stringify({ organisations: owners }));
    for (const draft of drafts) {
      const messages = checkText(readFileSync(join(cwd, draft), 'utf8'), { organisations: owners }).messages;
      expect(
        messages.filter((message) => message.severity === 'error'),
        draft,
      ).toEqual([]);
    }
    expect((await runCli(['validate', 'communiques'], cwd)).code).toBe(0);
  });

  it('never overwrites, and a second run leaves the drafts alone', async () => {
    const cwd = archive(sources);
    const source = `archive/${later.name}.txt`;
    expect((await runCli(['import', source], cwd)).code).toBe(0);
    const before = readFileSync(join(cwd, later.draft));
    const again = await runCli(['import', source], cwd);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `communique: not importing ${source}: ${later.draft} already exists and is never overwritten\n  hint: Choose another --out, or move the existing draft away.\n`,
    );
    expect(readFileSync(join(cwd, later.draft)).equals(before)).toBe(true);
    // Walking the folders again passes over the drafts, which are communiqués already.
    const folder = await runCli(['import', 'archive', 'communiques', '--out', 'second'], cwd);
    expect(folder.stdout).toMatch(/Imported 4 of 4 files/);
    expect(readdirSync(join(cwd, 'second')).length).toBe(4);
  });

  it('prints the drafts with --dry-run and writes nothing', async () => {
    const cwd = archive(sources);
    const result = await runCli(['import', `archive/${earlier.name}.txt`, '--dry-run'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('---\nschema_version: 1\n')).toBe(true);
    expect(result.stderr).toContain(`archive/${earlier.name}.txt → (dry run)\n`);
    expect(existsSync(join(cwd, 'communiques'))).toBe(false);
  });
}

describe('communique import', () => {
  importsAnArchive(FIXTURES);

  it('sums up the folder exactly', async () => {
    const result = await runCli(['import', 'archive'], archive(FIXTURES));
    expect(result.stdout).toContain(
      [
        'archive/npg-apr.txt → communiques/2026-04-21-npg.md',
        '  found: actions, agreements, attendees, meeting.chair, meeting.date, meeting.group.name, meeting.group.short_name, meeting.mode, next_meeting.date',
        '  stripped: [bookmark: _GoBack] (1), page numbers (2), end marker "End.", trailing whitespace (14 lines)',
        '  kept 100% of 369 words',
        "  owners kept as written, for organisations in communique.config.json: 'An NPG and government working group'",
      ].join('\n'),
    );
    expect(result.stdout).toContain(
      [
        'archive/npg-oct.txt → communiques/2025-10-14-npg.md',
        '  found: actions, agreements, attendance_note, meeting.date, meeting.group.name, meeting.group.short_name, meeting.mode, meeting.number, meeting.place, title',
        '  stripped: [bookmark: _GoBack] (1), non-breaking spaces normalised (13), trailing whitespace (7 lines)',
        '  kept 100% of 520 words',
      ].join('\n'),
    );
    expect(result.stdout.endsWith('Imported 4 of 4 files: 38 fields found, 3 placeholders to fill in\n')).toBe(true);
  });

  it('writes into --out by the pattern’s file name, and names an undated source after itself', async () => {
    const cwd = project({
      'old/forum.txt':
        'Riverlands Water Forum Communiqué\n\nThe Riverlands Water Forum discussed the catchment plan.\n',
    });
    const result = await runCli(['import', 'old/forum.txt', '--out', 'drafts', '--force'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('old/forum.txt → drafts/undated-riverlands-water-forum.md\n');
    const data = frontMatter(readFileSync(join(cwd, 'drafts/undated-riverlands-water-forum.md'), 'utf8'));
    expect(data.id).toBe('riverlands-water-forum-undated');
    expect(data.meeting.date).toBe('1900-01-01');
  });

  it('follows new.path in the configuration', async () => {
    const cwd = project({
      'communique.config.json': JSON.stringify({ new: { path: 'archive-drafts/{group}/{date}.md' } }),
      'in/nwc.txt': readFileSync(join(fixtures, 'flattened.txt')),
    });
    const result = await runCli(['import', 'in/nwc.txt'], cwd);
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, 'archive-drafts/nwc/2022-03-03.md'))).toBe(true);
  });

  it('says clearly when a file cannot be imported, and goes on', async () => {
    const cwd = project({ 'broken.docx': 'not a zip', 'good.txt': 'The Group met virtually on 16 November 2021.\n' });
    const result = await runCli(['import', 'broken.docx', 'good.txt', '--force'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'communique: cannot import broken.docx: it is named .docx but is not a Word document; communique imports plain text (.txt), Markdown (.md), web pages (.html), Word documents (.docx) and PDFs (.pdf)\n',
    );
    expect(existsSync(join(cwd, 'communiques/2021-11-16-good.md'))).toBe(true);
  });
});

describe.runIf(seedTests)('communique import, on the seed documents', () => {
  it('finds them, as COMMUNIQUE_SEED_TESTS=1 says they are there', () => {
    expect(existsSync(seeds), `COMMUNIQUE_SEED_TESTS=1, but ${seeds} is missing`).toBe(true);
  });
  if (existsSync(seeds)) importsAnArchive(SEEDS);
});

describe('what import refuses, and what it asks before importing', () => {
  const WEB_PAGE = readFileSync(join(repo, 'test/import-dev/n01-about-roundtable-page.html'));

  it('does not import a page about a body rather than a meeting, unless --force; says why', async () => {
    const cwd = project({ 'roundtable.html': WEB_PAGE });
    const refused = await runCli(['import', 'roundtable.html'], cwd);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      [
        'communique: not importing roundtable.html: it does not read as a communiqué (no sentence says a meeting took place; no meeting date)',
        '  hint: Import it anyway with --force if it is one.',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(cwd, 'communiques'))).toBe(false);
    const forced = await runCli(['import', 'roundtable.html', '--force'], cwd);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(
      '  imported with --force, though it does not read as a communiqué (no sentence says a meeting took place; no meeting date)\n',
    );
  });

  it('does not import a communiqué again (it has front matter) unless --force, and passes over it in a folder', async () => {
    const example = readFileSync(join(repo, 'examples/2025-10-14-npg.md'));
    const cwd = project({ 'done/2025-10-14-npg.md': example });
    const named = await runCli(['import', 'done/2025-10-14-npg.md'], cwd);
    expect(named.code).toBe(1);
    expect(named.stderr).toBe(
      [
        'communique: not importing done/2025-10-14-npg.md: it already has front matter, so it is a communiqué',
        '  hint: Validate it with `communique validate`, or import it again with --force.',
        '',
      ].join('\n'),
    );
    expect(named.stdout).toBe('Imported 0 of 1 file: 0 fields found, 0 placeholders to fill in\n');
    const folder = await runCli(['import', 'done'], cwd);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('communique: found no .txt, .md, .html, .docx or .pdf files in done\n');
    const forced = await runCli(['import', 'done/2025-10-14-npg.md', '--force', '--dry-run'], cwd);
    expect(forced.code).toBe(0);
    // The old front matter is not read as text: the draft is made from the body, and names its source.
    expect(forced.stdout.match(/schema_version/g)).toHaveLength(1);
    expect(frontMatter(forced.stdout).source.file).toBe('done/2025-10-14-npg.md');
  });

  it.each([
    [
      'a PNG named .txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'it is a PNG image, not text',
    ],
    [
      'UTF-16 without a byte-order mark',
      Buffer.from('The Group met on 16 November 2021 and agreed the plan.\n', 'utf16le'),
      'it is UTF-16 text without a byte-order mark, which cannot be told from binary data',
    ],
    ['bytes with NULs', Buffer.from('The Group\0met\0'), 'it holds NUL bytes: it is binary data, not text'],
    [
      'an old Word document',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'it is an old Office document (.doc): save it from Word as .docx, not text',
    ],
  ])('refuses %s rather than read it as Windows-1252', async (_, bytes, reason) => {
    const cwd = project({ 'notes.txt': bytes });
    const result = await runCli(['import', 'notes.txt'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `communique: cannot import notes.txt: ${reason}; communique imports plain text (.txt), Markdown (.md), web pages (.html), Word documents (.docx) and PDFs (.pdf)\n  hint: Save it as plain text (UTF-8), Markdown, a web page, a Word document (.docx) or a PDF, and import that.\n`,
    );
    expect(existsSync(join(cwd, 'communiques'))).toBe(false);
  });

  it('reads Mac Roman, and says so', async () => {
    // "The Group’s plan – “final”", with Mac Roman's apostrophe (D5), dash (D0) and quotes (D2, D3).
    const bytes = Buffer.concat([
      Buffer.from('Harbour Forum Communiqu', 'latin1'),
      Buffer.from([0x8e]),
      Buffer.from('\n\nThe Harbour Forum met in Hobart on 3 May 2022. Members endorsed the Group', 'latin1'),
      Buffer.from([0xd5]),
      Buffer.from('s plan ', 'latin1'),
      Buffer.from([0xd0]),
      Buffer.from(' ', 'latin1'),
      Buffer.from([0xd2]),
      Buffer.from('final', 'latin1'),
      Buffer.from([0xd3]),
      Buffer.from('.\n', 'latin1'),
    ]);
    const cwd = project({ 'mac.txt': bytes });
    const result = await runCli(['import', 'mac.txt'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('mac.txt (read as Mac Roman) → communiques/2022-05-03-harbour-forum.md\n');
    const text = readFileSync(join(cwd, 'communiques/2022-05-03-harbour-forum.md'), 'utf8');
    expect(text).toContain('title: Harbour Forum Communiqué');
    expect(text).toContain('Members endorsed the Group’s plan – “final”.');
  });

  it('refuses text over 2 MB without reading it all', async () => {
    const cwd = project({ 'huge.txt': `${'The Group met and agreed. '.repeat(90_000)}\n` });
    const result = await runCli(['import', 'huge.txt'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'communique: cannot import huge.txt: it is over 2 MB, far larger than a communiqué\n  hint: Import the communiqué on its own, not the archive or document it is part of.\n',
    );
  });

  it('refuses a Word document whose zip directory says it unzips to over 100 MB, before inflating anything', async () => {
    // 2 KB of zip that claims 150 MB of document.xml: refused on what the directory says.
    const docx = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>'), claimed: 150 * 1024 * 1024 },
    ]);
    const cwd = project({ 'bomb.docx': docx });
    const started = Date.now();
    const result = await runCli(['import', 'bomb.docx'], cwd);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'communique: cannot import bomb.docx: it would unzip to more than 100 MB (a zip bomb, or not a communiqué)\n  hint: Import the communiqué on its own, not the archive or document it is part of.\n',
    );
  });

  it('refuses a Word document whose entries inflate beyond what the directory declares', async () => {
    // The directory says 20 bytes; the entry inflates to 10 MB of zeros.
    const docx = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.alloc(10 * 1024 * 1024), claimed: 20 },
    ]);
    const cwd = project({ 'liar.docx': docx });
    const result = await runCli(['import', 'liar.docx'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'communique: cannot import liar.docx: its zip entry word/document.xml inflates beyond the size its directory declares (a zip bomb)\n',
    );
  });
});

/** A zip archive made by hand, so that its directory can say what a test needs it to say. */
function zip(entries: { name: string; data: Buffer; claimed?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const compressed = deflateRawSync(entry.data);
    const name = Buffer.from(entry.name);
    const size = entry.claimed ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(compressed.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    central.push(header, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('the development set, imported as an archive', () => {
  it('gives drafts that all pass validate at the draft stage, checked together, and refuses what is not a communiqué', async () => {
    const dev = join(repo, 'test/import-dev');
    const files: Record<string, Uint8Array> = {};
    for (const name of readdirSync(dev).filter((name) => !name.endsWith('.expected.yaml')))
      files[`archive/${name}`] = readFileSync(join(dev, name));
    const cwd = project(files);
    const imported = await runCli(['import', 'archive', '--out', 'drafts'], cwd);
    expect(imported.code).toBe(1);
    const refused = [...imported.stderr.matchAll(/^communique: not importing archive\/([^:]+):/gm)].map(
      (match) => match[1],
    );
    // The documents whose expected fields say they are not communiqués, and the set's own README.
    const notCommuniques = readdirSync(dev)
      .filter((name) => name.endsWith('.expected.yaml'))
      .filter((name) => readFileSync(join(dev, name), 'utf8').startsWith('communique: false'))
      .map((name) =>
        readdirSync(dev).find((source) => source.startsWith(name.replace('.expected.yaml', '.')) && source !== name),
      );
    expect(refused.sort()).toEqual([...notCommuniques, 'README.md'].sort());
    const drafts = readdirSync(join(cwd, 'drafts'));
    expect(drafts.length).toBe(Object.keys(files).length - refused.length);
    const validated = await runCli(['validate', 'drafts', '--quiet'], cwd);
    expect(validated.stdout).toBe(`✔ ${drafts.length} files checked, no problems\n`);
    expect(validated.code).toBe(0);
  }, 120_000);
});
