import * as fs from 'node:fs';
import {
  existsSync,
  lstatSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/program.js';
import type { Io } from '../src/io/io.js';
import { VALID_DRAFT, WITH_ERROR, WITH_WARNING } from './support/documents.js';
import { project, runCli } from './support/io.js';

/**
 * `validate --cache`: a second run gives what a run without the cache gives, checking
 * again only what changed — a file's bytes, the configuration, the build — and the checks
 * across communiqués still see every file, cached or not.
 */
const DEFAULT_CACHE = 'node_modules/.cache/communique/validate-cache.json';

interface CacheFile {
  entries: Record<string, { messages: { message: string }[] }>;
  across: { names: string[]; findings: [string, unknown[]][] };
}

/** The cache file's first line: its entries and the findings across files. */
function cacheOf(cwd: string, path = DEFAULT_CACHE): CacheFile {
  return JSON.parse(readFileSync(join(cwd, path), 'utf8').split('\n')[0]!) as CacheFile;
}

/** The cache file's second line: each file's facts for the checks across files. */
function factsLine(cwd: string): string {
  return readFileSync(join(cwd, DEFAULT_CACHE), 'utf8').split('\n')[1]!;
}

/** The cache file with its first line changed, and its facts as they were (or as given). */
function writeCache(cwd: string, head: unknown, facts = factsLine(cwd)): void {
  writeFileSync(join(cwd, DEFAULT_CACHE), `${JSON.stringify(head)}\n${facts}\n`);
}

/** A Tidewater Councils Forum meeting with one action, optionally carried from an earlier one. */
function meeting(id: string, date: string, number: number, carriedFrom?: string): string {
  return `---
schema_version: 1
id: ${id}
title: Tidewater Councils Forum Communiqué
status: draft
meeting:
  group:
    name: Tidewater Councils Forum
    short_name: TCF
  number: ${number}
  date: ${date}
  mode: virtual
  chair_note: The Forum's convenor
actions:
  - id: ACT-1
    text: Map the flood-warning sirens.
    owner: TCF
    status: open
${carriedFrom ? `    carried_from: { communique: ${carriedFrom}, action: ACT-1 }\n` : ''}---

The Forum met online.
`;
}

const CHAIR_HINT = 'Use the id of an attendee (`michelle-andrews`), or add `michelle-andrew` to `attendees`.';
const FIRST = meeting('tcf-2026-02-10', '2026-02-10', 1).replace(
  'status: draft\n',
  'status: approved\napproval:\n  by: Forum chair\n  date: 2026-02-10\n',
);
const SECOND = meeting('tcf-2026-05-12', '2026-05-12', 2, 'tcf-2026-02-10');
const UNLINKED = meeting('tcf-2026-05-12', '2026-05-12', 2);

/** The CLI run as `runCli` runs it, at a given time: later than now, every file has settled. */
async function runAt(now: Date, argv: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: { write: (chunk) => void out.push(String(chunk)) },
    stderr: { write: (chunk) => void err.push(String(chunk)) },
    cwd,
    env: {},
    fs,
    now: () => now,
  };
  const code = await run(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('validate --cache', () => {
  it('prints exactly what a run without the cache prints, on the first run and the next, in every format', async () => {
    const cwd = project({ 'a.md': VALID_DRAFT, 'b.md': WITH_ERROR, 'c.md': WITH_WARNING });
    const args = ['validate', '.', '-f', 'stylish', '-f', 'json=report.json', '-f', 'sarif=report.sarif'];
    const plain = await runCli(args, cwd);
    const reports = [readFileSync(join(cwd, 'report.json'), 'utf8'), readFileSync(join(cwd, 'report.sarif'), 'utf8')];
    expect(existsSync(join(cwd, DEFAULT_CACHE))).toBe(false);

    for (const run of ['first', 'second', 'third']) {
      const cached = await runCli([...args, '--cache'], cwd);
      expect(cached, run).toEqual(plain);
      expect(readFileSync(join(cwd, 'report.json'), 'utf8'), run).toBe(reports[0]);
      expect(readFileSync(join(cwd, 'report.sarif'), 'utf8'), run).toBe(reports[1]);
    }
    expect(plain).toEqual({
      code: 1,
      stdout:
        'b.md:11:10  error    The chair `michelle-andrew` is not among the attendees  meeting/chair-unknown\n' +
        '  10 |   place: Perth\n' +
        '> 11 |   chair: michelle-andrew\n' +
        '     |          ^^^^^^^^^^^^^^^\n' +
        `  hint: ${CHAIR_HINT}\n` +
        '\n' +
        'c.md:28:16  warning  The body says "met virtually", but `meeting.mode` is `in-person`  body/mode-mismatch\n' +
        '  27 |\n' +
        '> 28 | The Roundtable met virtually for part of the day.\n' +
        '     |                ^^^^^^^^^^^^^\n' +
        '  hint: Correct the body or `meeting.mode`.\n' +
        '\n' +
        '✖ 2 problems (1 error, 1 warning) in 2 of 3 files\n',
      stderr: '',
    });
    expect(Object.keys(cacheOf(cwd).entries)).toEqual(['a.md', 'b.md', 'c.md']);
  });

  it('reports from the cache what it kept for the same bytes, and checks a file again once it changes', async () => {
    const cwd = project({ 'a.md': VALID_DRAFT });
    expect(await runCli(['validate', 'a.md', '--cache'], cwd)).toEqual({
      code: 0,
      stdout: '✔ 1 file checked, no problems\n',
      stderr: '',
    });

    writeFileSync(join(cwd, 'a.md'), WITH_ERROR);
    const changed = await runCli(['validate', 'a.md', '--cache', '-f', 'json'], cwd);
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.stdout)).toEqual([
      {
        file: 'a.md',
        messages: [
          {
            ruleId: 'meeting/chair-unknown',
            severity: 'error',
            message: 'The chair `michelle-andrew` is not among the attendees',
            hint: CHAIR_HINT,
            line: 11,
            column: 10,
            endLine: 11,
            endColumn: 25,
          },
        ],
      },
    ]);

    // Back to bytes it has seen: the kept result is what is reported, without checking the file.
    writeFileSync(join(cwd, 'a.md'), VALID_DRAFT);
    await runCli(['validate', 'a.md', '--cache'], cwd);
    const kept = readFileSync(join(cwd, DEFAULT_CACHE), 'utf8');
    const marked = kept.replace('"messages":[]', JSON.stringify({ messages: [markedMessage()] }).slice(1, -1));
    expect(marked).not.toBe(kept);
    writeFileSync(join(cwd, DEFAULT_CACHE), marked);
    const fromCache = await runCli(['validate', 'a.md', '--cache', '-f', 'json'], cwd);
    expect(JSON.parse(fromCache.stdout)[0].messages).toEqual([markedMessage()]);
    expect(fromCache.code).toBe(0);
  });

  it('checks a file again when it changed, even to the same size with its modification time set back', async () => {
    const cwd = project({ 'a.md': VALID_DRAFT });
    const path = join(cwd, 'a.md');
    const modified = new Date('2026-01-01T00:00:00Z');
    utimesSync(path, modified, modified);
    // A minute from now, the file has long settled: its size, times and inode are kept with its hash.
    const later = new Date(Date.now() + 60_000);
    expect((await runAt(later, ['validate', 'a.md', '--cache'], cwd)).code).toBe(0);
    expect((await runAt(later, ['validate', 'a.md', '--cache'], cwd)).code).toBe(0);

    const broken = VALID_DRAFT.replace('status: draft', 'status: Draft');
    expect(broken.length).toBe(VALID_DRAFT.length);
    const before = statSync(path, { bigint: true });
    writeFileSync(path, broken);
    utimesSync(path, modified, modified);
    const after = statSync(path, { bigint: true });
    expect([after.size, after.mtimeNs, after.ino]).toEqual([before.size, before.mtimeNs, before.ino]);
    const changed = await runAt(later, ['validate', 'a.md', '--cache', '-f', 'json'], cwd);
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['schema/enum']);
  });

  it('checks everything again when the configuration changes what a check reports', async () => {
    const cwd = project({ 'a.md': WITH_WARNING });
    const first = await runCli(['validate', 'a.md', '--cache', '-f', 'json'], cwd);
    expect(JSON.parse(first.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual([
      'body/mode-mismatch',
    ]);

    writeFileSync(join(cwd, 'communique.config.json'), JSON.stringify({ rules: { 'body/mode-mismatch': 'error' } }));
    const stricter = await runCli(['validate', 'a.md', '--cache', '-f', 'json'], cwd);
    expect(stricter.code).toBe(1);
    expect(JSON.parse(stricter.stdout)[0].messages.map((m: { severity: string }) => m.severity)).toEqual(['error']);

    writeFileSync(join(cwd, 'communique.config.json'), JSON.stringify({ rules: { 'body/mode-mismatch': 'off' } }));
    expect(await runCli(['validate', 'a.md', '--cache'], cwd)).toEqual({
      code: 0,
      stdout: '✔ 1 file checked, no problems\n',
      stderr: '',
    });
    // --stage is part of the settings too.
    const approved = await runCli(['validate', 'a.md', '--cache', '--stage', 'approved', '-f', 'json'], cwd);
    expect(approved.code).toBe(1);
    expect(JSON.parse(approved.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual([
      'lifecycle/approval-missing',
    ]);
  });

  it('still finds a link to an action that is gone when the file linking comes from the cache', async () => {
    const cwd = project({ 'communiques/a.md': FIRST, 'communiques/b.md': SECOND });
    expect(await runCli(['validate', 'communiques', '--cache'], cwd)).toEqual({
      code: 0,
      stdout: '✔ 2 files checked, no problems\n',
      stderr: '',
    });

    // a.md changes; b.md is as it was, so its result (and what it links to) comes from the cache.
    writeFileSync(join(cwd, 'communiques/a.md'), FIRST.replace('id: ACT-1', 'id: ACT-7'));
    const args = ['validate', 'communiques', '-f', 'stylish'];
    const cached = await runCli([...args, '--cache'], cwd);
    expect(cached).toEqual(await runCli(args, cwd));
    expect(cached).toEqual({
      code: 1,
      stdout:
        'communiques/b.md:19:19  error    Action `ACT-1` is carried from action `ACT-1` of `tcf-2026-02-10`, which has no such action  across/carried-from-unknown\n' +
        '  18 |     status: open\n' +
        '> 19 |     carried_from: { communique: tcf-2026-02-10, action: ACT-1 }\n' +
        '     |                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n' +
        '  hint: Name one of its actions (`ACT-7`).\n' +
        '\n' +
        '✖ 1 problem (1 error, 0 warnings) in 1 of 2 files\n',
      stderr: '',
    });
  });

  it('still finds the same id twice when one of the two files comes from the cache', async () => {
    const cwd = project({ 'communiques/a.md': FIRST, 'communiques/b.md': UNLINKED });
    await runCli(['validate', 'communiques', '--cache'], cwd);
    writeFileSync(join(cwd, 'communiques/b.md'), UNLINKED.replace('id: tcf-2026-05-12', 'id: tcf-2026-02-10'));
    const result = await runCli(['validate', 'communiques', '--cache', '-f', 'json'], cwd);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      { file: 'communiques/a.md', messages: [] },
      {
        file: 'communiques/b.md',
        messages: [
          {
            ruleId: 'across/duplicate-id',
            severity: 'error',
            message: 'The id `tcf-2026-02-10` is also the id of communiques/a.md',
            hint: 'Give each communiqué its own `id`: actions carried forward refer to it.',
            line: 3,
            column: 5,
            endLine: 3,
            endColumn: 19,
          },
        ],
      },
    ]);
    // And with the other file changed back, from the cache alone, nothing is left over.
    writeFileSync(join(cwd, 'communiques/b.md'), UNLINKED);
    expect((await runCli(['validate', 'communiques', '--cache'], cwd)).stdout).toBe('✔ 2 files checked, no problems\n');
  });

  it('takes the findings across files from the cache for the very files it was written for, and only for them', async () => {
    const duplicate = UNLINKED.replace('id: tcf-2026-05-12', 'id: tcf-2026-02-10');
    const cwd = project({ 'communiques/a.md': FIRST, 'communiques/b.md': duplicate });
    const messagesOf = async (args: string[]) =>
      (
        JSON.parse((await runCli([...args, '--cache', '-f', 'json'], cwd)).stdout) as {
          messages: { message: string }[];
        }[]
      ).flatMap((file) => file.messages.map((message) => message.message));
    const found = 'The id `tcf-2026-02-10` is also the id of communiques/a.md';
    expect(await messagesOf(['validate', 'communiques'])).toEqual([found]);
    const duplicateId = { ruleId: 'across/duplicate-id', message: found, place: { path: ['id'] } };
    expect(cacheOf(cwd).across).toEqual({
      names: ['communiques/a.md', 'communiques/b.md'],
      findings: [['communiques/b.md', [duplicateId]]],
    });

    // A finding marked in the cache comes back as it is: the same files were not checked across again.
    const marked = { ...duplicateId, message: 'kept from the last run' };
    const kept = cacheOf(cwd);
    kept.across.findings = [['communiques/b.md', [marked]]];
    writeCache(cwd, kept);
    expect(await messagesOf(['validate', 'communiques'])).toEqual(['kept from the last run']);
    // The same files named otherwise are checked across again, and so are changed files.
    expect(await messagesOf(['validate', './communiques'])).toEqual([
      'The id `tcf-2026-02-10` is also the id of ./communiques/a.md',
    ]);
    writeCache(cwd, kept);
    writeFileSync(join(cwd, 'communiques/a.md'), `${FIRST}\nOne more line.\n`);
    expect(await messagesOf(['validate', 'communiques'])).toEqual([found]);
  });

  it('reads the facts it kept only to check across files again, and checks a file again whose facts are unusable', async () => {
    const duplicate = UNLINKED.replace('id: tcf-2026-05-12', 'id: tcf-2026-02-10');
    const cwd = project({ 'communiques/a.md': FIRST, 'communiques/b.md': duplicate });
    await runCli(['validate', 'communiques', '--cache'], cwd);
    const factsOfA = () => (JSON.parse(factsLine(cwd)) as Record<string, unknown>)['communiques/a.md'];
    expect(factsOfA()).toMatchObject({ key: 'tcf-2026-02-10' });

    // a.md's facts are spoiled (or all are), and b.md changes: the checks across files run
    // again, and a.md is read again rather than trusted.
    const spoilings = [
      (line: string) => line.replace('"key":"tcf-2026-02-10"', '"key":17'),
      () => 'not JSON',
      () => '',
    ];
    for (const [round, spoil] of spoilings.entries()) {
      writeCache(cwd, cacheOf(cwd), spoil(factsLine(cwd)));
      writeFileSync(join(cwd, 'communiques/b.md'), `${duplicate}\n${'More.\n'.repeat(round + 1)}`);
      const args = ['validate', 'communiques', '-f', 'json'];
      const cached = await runCli([...args, '--cache'], cwd);
      expect(cached).toEqual(await runCli(args, cwd));
      expect(cached.stdout).toContain('The id `tcf-2026-02-10` is also the id of communiques/a.md');
      expect(factsOfA()).toMatchObject({ key: 'tcf-2026-02-10' });
    }
  });

  it('never keeps an entry whose facts it could not read, even when it rewrites the cache without them', async () => {
    const duplicate = UNLINKED.replace('id: tcf-2026-05-12', 'id: tcf-2026-02-10');
    const cwd = project({ 'communiques/a.md': FIRST, 'communiques/b.md': duplicate });
    await runCli(['validate', 'communiques', '--cache'], cwd);
    // The facts line is lost, and the cache names a file that is gone: the next run, of the very
    // same files, takes its findings across files from the cache (no facts needed) and rewrites it.
    const head = cacheOf(cwd);
    head.entries['communiques/gone.md'] = head.entries['communiques/a.md']!;
    writeFileSync(join(cwd, DEFAULT_CACHE), `${JSON.stringify(head)}\n`);
    await runCli(['validate', 'communiques', '--cache'], cwd);
    expect(Object.keys(cacheOf(cwd).entries)).toEqual([]);
    // Then b.md changes, and the checks across files must see a.md's facts as they are.
    writeFileSync(join(cwd, 'communiques/b.md'), `${duplicate}\nMore.\n`);
    const args = ['validate', 'communiques', '-f', 'json'];
    const cached = await runCli([...args, '--cache'], cwd);
    expect(cached).toEqual(await runCli(args, cwd));
    expect(cached.stdout).toContain('The id `tcf-2026-02-10` is also the id of communiques/a.md');
  });

  it('ignores findings across files of the wrong shape, or of a rule it does not know', async () => {
    const cwd = project({ 'communiques/a.md': FIRST, 'communiques/b.md': UNLINKED });
    await runCli(['validate', 'communiques', '--cache'], cwd);
    const place = { path: ['id'] };
    for (const finding of [
      { ruleId: 'across/no-such-rule', message: 'x', place },
      { ruleId: 'schema/enum', message: 'x', place },
      { ruleId: 'across/duplicate-id', message: 7, place },
      { ruleId: 'across/duplicate-id', message: 'x', place: { path: [{}] } },
    ]) {
      const kept = cacheOf(cwd);
      kept.across = { names: ['communiques/a.md', 'communiques/b.md'], findings: [['communiques/b.md', [finding]]] };
      writeCache(cwd, kept);
      expect(await runCli(['validate', 'communiques', '--cache'], cwd), JSON.stringify(finding)).toEqual({
        code: 0,
        stdout: '✔ 2 files checked, no problems\n',
        stderr: '',
      });
    }
  });

  it('ignores a cache file it cannot use, says nothing about it, and writes a good one', async () => {
    for (const broken of [
      '{"format": 1, "key": ',
      'not json at all',
      '[]',
      '{"format":1,"key":"x","entries":{}}',
      '\u00ff\u00fe',
    ]) {
      const cwd = project({ 'a.md': WITH_ERROR, [DEFAULT_CACHE]: broken });
      const plain = await runCli(['validate', 'a.md', '--no-config'], cwd);
      expect(await runCli(['validate', 'a.md', '--no-config', '--cache'], cwd), broken).toEqual(plain);
      expect(Object.keys(cacheOf(cwd).entries), broken).toEqual(['a.md']);
    }
  });

  it('ignores a cached entry of the wrong shape and checks that file again', async () => {
    const cwd = project({ 'a.md': WITH_ERROR });
    const plain = await runCli(['validate', 'a.md'], cwd);
    await runCli(['validate', 'a.md', '--cache'], cwd);
    const cache = readFileSync(join(cwd, DEFAULT_CACHE), 'utf8');
    writeFileSync(join(cwd, DEFAULT_CACHE), cache.replace('"ruleId":"meeting/chair-unknown"', '"ruleId":17'));
    expect(await runCli(['validate', 'a.md', '--cache'], cwd)).toEqual(plain);
  });

  it('keeps the cache where --cache-location says: a file, or a folder for it', async () => {
    const cwd = project({ 'a.md': VALID_DRAFT });
    const named = await runCli(['validate', 'a.md', '--cache-location', '.cache/validate.json'], cwd);
    expect(named.code).toBe(0);
    expect(Object.keys(cacheOf(cwd, '.cache/validate.json').entries)).toEqual(['a.md']);

    await runCli(['validate', 'a.md', '--cache', '--cache-location', 'kept/'], cwd);
    expect(Object.keys(cacheOf(cwd, 'kept/validate-cache.json').entries)).toEqual(['a.md']);
    expect(existsSync(join(cwd, 'node_modules'))).toBe(false);
  });

  it('keeps the default cache under the folder of the configuration, wherever it runs from', async () => {
    const cwd = project({ 'communique.config.json': '{"files": ["communiques"]}', 'communiques/a.md': VALID_DRAFT });
    const result = await runCli(['validate', '--cache'], join(cwd, 'communiques'));
    expect(result.code).toBe(0);
    expect(Object.keys(cacheOf(cwd).entries)).toEqual(['communiques/a.md']);
  });

  it('drops the entries of files this run did not see', async () => {
    const cwd = project({ 'a.md': VALID_DRAFT, 'b.md': WITH_ERROR, 'c.md': WITH_WARNING });
    await runCli(['validate', '.', '--cache'], cwd);
    expect(Object.keys(cacheOf(cwd).entries)).toEqual(['a.md', 'b.md', 'c.md']);
    rmSync(join(cwd, 'b.md'));
    const result = await runCli(['validate', '.', '--cache'], cwd);
    expect(result.code).toBe(0);
    expect(Object.keys(cacheOf(cwd).entries)).toEqual(['a.md', 'c.md']);
  });

  it('with --fix, reports what is left after fixing and keeps that, not what was fixed', async () => {
    const cwd = project({ 'a.md': VALID_DRAFT.replace('status: draft', 'status: Draft') });
    const before = await runCli(['validate', 'a.md', '--cache', '-f', 'json'], cwd);
    expect(JSON.parse(before.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['schema/enum']);

    expect(await runCli(['validate', 'a.md', '--cache', '--fix'], cwd)).toEqual({
      code: 0,
      stdout: '✔ 1 file checked, no problems\n',
      stderr: 'communique: fixed 1 problem in 1 file\n',
    });
    expect(readFileSync(join(cwd, 'a.md'), 'utf8')).toBe(VALID_DRAFT);
    expect(await runCli(['validate', 'a.md', '--cache'], cwd)).toEqual({
      code: 0,
      stdout: '✔ 1 file checked, no problems\n',
      stderr: '',
    });
  });

  it('never writes the cache through a link, and says so without failing the run', async () => {
    const cwd = project({ 'a.md': VALID_DRAFT, 'elsewhere.txt': 'keep me\n', 'node_modules/.cache/communique/x': '' });
    symlinkSync(join(cwd, 'elsewhere.txt'), join(cwd, DEFAULT_CACHE));
    expect(await runCli(['validate', 'a.md', '--cache'], cwd)).toEqual({
      code: 0,
      stdout: '✔ 1 file checked, no problems\n',
      stderr: `communique: could not write the cache to ${DEFAULT_CACHE} (it is a link)\n`,
    });
    expect(readFileSync(join(cwd, 'elsewhere.txt'), 'utf8')).toBe('keep me\n');
    expect(lstatSync(join(cwd, DEFAULT_CACHE)).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(cwd, DEFAULT_CACHE))).toBe(join(cwd, 'elsewhere.txt'));
  });

  it('never writes the cache over a file being checked', async () => {
    const cwd = project({ 'a.md': VALID_DRAFT });
    expect(await runCli(['validate', 'a.md', '--cache-location', 'a.md'], cwd)).toEqual({
      code: 0,
      stdout: '✔ 1 file checked, no problems\n',
      stderr: 'communique: could not write the cache to a.md (it is one of the files being checked)\n',
    });
    expect(readFileSync(join(cwd, 'a.md'), 'utf8')).toBe(VALID_DRAFT);
  });
});

function markedMessage() {
  return {
    ruleId: 'body/mode-mismatch',
    severity: 'info',
    message: 'kept from the last run',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 4,
  };
}
