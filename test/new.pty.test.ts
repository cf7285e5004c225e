import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/core/check/check.js';
import { parseCommunique } from '../src/core/parse/communique.js';
import { project } from './support/io.js';

/**
 * `communique new` as a person uses it: the built binary on a pseudo-terminal, answers
 * typed key by key once each question shows. `npm test` builds first.
 *
 * The terminal comes from util-linux `script`, or else Python's `pty` module. Without
 * either the tests are skipped with a message — except in CI, where they must run.
 */
const repo = resolve(import.meta.dirname, '..');
const bin = join(repo, 'bin/communique.js');

const has = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const terminalTool = has('script', ['--version'])
  ? 'script'
  : has('python3', ['-c', 'import pty'])
    ? 'python3'
    : undefined;
const why =
  'neither util-linux `script` nor python3 is installed, so there is no pseudo-terminal to run `communique new` in';
if (!terminalTool && process.env.CI) throw new Error(`The pseudo-terminal tests cannot run in CI: ${why}`);
if (!terminalTool) console.warn(`Skipping the pseudo-terminal tests of communique new: ${why}.`);

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

// Python's pty.spawn copies our (piped) stdin to the terminal and the terminal to our stdout.
const PYTHON_PTY = 'import os, pty, sys\nstatus = pty.spawn(sys.argv[1:])\nsys.exit(os.waitstatus_to_exitcode(status))';

/** Run a command on a pseudo-terminal of 100 columns. */
function onTerminal(argv: string[], cwd: string, env: Record<string, string>): ChildProcess {
  const environment = {
    PATH: process.env.PATH ?? '',
    HOME: cwd,
    TERM: 'xterm-256color',
    COLUMNS: '100',
    LINES: '40',
    ...env,
  };
  if (terminalTool === 'script') {
    return spawn(
      'script',
      ['-qfec', `stty cols 100 rows 40 2>/dev/null; exec ${argv.map(quote).join(' ')}`, '/dev/null'],
      { cwd, env: environment },
    );
  }
  return spawn('python3', ['-c', PYTHON_PTY, ...argv], { cwd, env: environment });
}

// Colours, cursor moves and screen clearing: everything but the text a person reads.
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[()][0-9A-Za-z]|\u001b[=>]/g;

/** A person at the keyboard: reads the screen, waits for a question, types the answer. */
class Person {
  private screen = '';
  private seen = 0;
  readonly exited: Promise<number | null>;

  constructor(private readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => {
      this.screen += chunk.toString('utf8').replace(ANSI, '');
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      this.screen += chunk.toString('utf8').replace(ANSI, '');
    });
    this.exited = new Promise((done) => child.on('close', (code) => done(code)));
  }

  get transcript(): string {
    return this.screen;
  }

  /** Wait until `text` shows after what was already read. */
  async waitFor(text: string, timeout = 15_000): Promise<void> {
    const until = Date.now() + timeout;
    for (;;) {
      const at = this.screen.indexOf(text, this.seen);
      if (at >= 0) {
        this.seen = at + text.length;
        return;
      }
      if (Date.now() > until)
        throw new Error(`"${text}" never showed on the terminal; it shows:\n${this.screen.slice(-2000)}`);
      await pause(20);
    }
  }

  /** Type keys one at a time, as a person does. */
  async type(keys: string): Promise<void> {
    await pause(60);
    for (const key of keys.match(/\u001b\[[A-D]|[\s\S]/gu) ?? []) {
      this.child.stdin!.write(key);
      await pause(15);
    }
  }

  async answer(question: string, keys: string): Promise<void> {
    await this.waitFor(question);
    await this.type(keys);
  }
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
const ENTER = '\r';
const DOWN = '\u001b[B';
const SPACE = ' ';
const CTRL_C = '\u0003';

const LATEST = `---
schema_version: 1
id: cpr-2021-05-05
title: Community Partnerships Roundtable Communiqué
status: review
meeting:
  group: { name: Community Partnerships Roundtable, short_name: CPR }
  number: 2
  date: 2021-05-05
  mode: hybrid
  place: Perth
  chair: [michelle-andrews, louise-giolitto]
attendees:
  - { id: michelle-andrews, name: Michelle Andrews, kind: member, attendance: present }
  - { id: louise-giolitto, name: Louise Giolitto, kind: member, attendance: remote }
actions:
  - { id: ACT-1, text: Bring a work plan to the Roundtable., owner: louise-giolitto, due: next meeting, status: open }
  - { id: ACT-2, text: Circulate the communiqué., owner: michelle-andrews, status: done }
next_meeting: { date: 2021-08-04, mode: in-person, place: Fremantle }
---

## Terms of Reference

The Roundtable endorsed its Terms of Reference.
`;

function newNeedsRegistering(): string | undefined {
  const help = spawnSync(process.execPath, [bin, 'new', '--help'], { encoding: 'utf8' });
  return help.status === 0 && help.stdout.includes('--group')
    ? undefined
    : '`communique new` is not registered in src/cli/run.ts (or the binary is not built): `node bin/communique.js new --help` fails';
}

describe.skipIf(!terminalTool)('communique new on a terminal, end to end', () => {
  it('drafts the next communiqué from answers typed at the prompts', async () => {
    expect(newNeedsRegistering()).toBeUndefined();
    const cwd = project({ 'communiques/2021-05-05-cpr.md': LATEST });
    const person = new Person(
      onTerminal([process.execPath, bin, 'new'], cwd, { COMMUNIQUE_TODAY: '2021-08-04', NO_COLOR: '1' }),
    );

    await person.answer('Which group met?', ENTER);
    await person.answer('Meeting date (YYYY-MM-DD)', ENTER);
    await person.answer('Meeting number', ENTER);
    await person.answer('How was the meeting held?', DOWN + DOWN + ENTER);
    await person.answer('Where was the meeting held?', 'Bunbury' + ENTER);
    // Michelle Andrews sent apologies: untick her, the first in the list.
    await person.answer('Who attended?', SPACE + ENTER);
    await person.answer('join remotely, or attend only part', ENTER);
    // The apology is already ticked for a member who did not come.
    await person.answer('Who sent apologies?', ENTER);
    await person.answer('Add another attendee', 'n' + ENTER);
    await person.answer('Who chaired the meeting?', ENTER);
    await person.answer('Sections of the body', 'Work plan, Next steps' + ENTER);
    await person.answer('Add an agreement?', 'y' + ENTER);
    await person.answer('The group…', ENTER);
    await person.answer('…agreed (the rest of the sentence)', 'to meet in Bunbury again' + ENTER);
    await person.answer('Add another agreement?', ENTER);
    await person.answer('Add a new action?', ENTER);
    await person.answer('When will the group next meet?', '2021-11-10' + ENTER);
    await person.answer('Who should readers contact?', ENTER);

    expect(await person.exited).toBe(0);
    expect(person.transcript).toContain('communiques/2021-08-04-cpr.md');
    const text = readFileSync(join(cwd, 'communiques/2021-08-04-cpr.md'), 'utf8');
    expect(checkText(text).messages.filter((message) => message.severity === 'error')).toEqual([]);
    expect(parseCommunique(text).data).toEqual({
      schema_version: 1,
      id: 'cpr-2021-08-04',
      title: 'Community Partnerships Roundtable Communiqué',
      status: 'draft',
      lang: 'en-AU',
      meeting: {
        group: { name: 'Community Partnerships Roundtable', short_name: 'CPR' },
        number: 3,
        date: '2021-08-04',
        mode: 'hybrid',
        place: 'Bunbury',
        chair: 'louise-giolitto',
      },
      attendees: [
        { id: 'michelle-andrews', name: 'Michelle Andrews', kind: 'member', attendance: 'apology' },
        { id: 'louise-giolitto', name: 'Louise Giolitto', kind: 'member', attendance: 'present' },
      ],
      agreements: [{ id: 'AGR-1', verb: 'agreed', text: 'to meet in Bunbury again' }],
      actions: [
        {
          id: 'ACT-1',
          text: 'Bring a work plan to the Roundtable.',
          owner: 'louise-giolitto',
          due: 'next meeting',
          status: 'open',
          carried_from: { communique: 'cpr-2021-05-05', action: 'ACT-1' },
        },
      ],
      next_meeting: { date: '2021-11-10' },
    });
    // What was skipped is left as a commented example.
    expect(text).toContain('# contact:\n#   name: The Secretariat\n');
    expect(person.transcript).toContain('carried forward from communiques/2021-05-05-cpr.md');
    expect(text).toContain(
      '\n## Work plan\n\nTODO: summary of the discussion.\n\n## Next steps\n\nTODO: summary of the discussion.\n',
    );
  });

  it('re-asks a date that is not a real day, saying what is wrong', async () => {
    expect(newNeedsRegistering()).toBeUndefined();
    const cwd = project({});
    const person = new Person(
      onTerminal(
        [
          process.execPath,
          bin,
          'new',
          '--group',
          'Housing Taskforce',
          '--mode',
          'virtual',
          '--number',
          '1',
          '--sections',
          '',
        ],
        cwd,
        { COMMUNIQUE_TODAY: '2021-08-04', NO_COLOR: '1' },
      ),
    );
    await person.answer('Meeting date (YYYY-MM-DD)', '2021-02-30' + ENTER);
    await person.waitFor('2021-02-30 is not a real day; check the month and the day');
    // Clear the rejected text, then give a real date.
    await person.type('\u007f'.repeat(10) + '2021-02-28' + ENTER);
    await person.answer('Add an attendee?', 'n' + ENTER);
    await person.answer('Add an agreement?', ENTER);
    await person.answer('Add a new action?', ENTER);
    await person.answer('When will the group next meet?', ENTER);
    await person.answer('Who should readers contact?', ENTER);
    expect(await person.exited).toBe(0);
    expect(person.transcript).toContain('communiques/2021-02-28-housing-taskforce.md');
    expect(existsSync(join(cwd, 'communiques/2021-02-28-housing-taskforce.md'))).toBe(true);
  });

  it('leaves nothing behind on Ctrl-C, with a one-line message and exit 130', async () => {
    expect(newNeedsRegistering()).toBeUndefined();
    const cwd = project({ 'communiques/2021-05-05-cpr.md': LATEST });
    const person = new Person(
      onTerminal([process.execPath, bin, 'new'], cwd, { COMMUNIQUE_TODAY: '2021-08-04', NO_COLOR: '1' }),
    );
    await person.answer('Which group met?', ENTER);
    await person.answer('Meeting date (YYYY-MM-DD)', CTRL_C);
    expect(await person.exited).toBe(130);
    expect(person.transcript).toContain('communique: cancelled; nothing was written');
    expect(person.transcript).not.toMatch(/\bat .*\.js:\d+/);
    expect(readdirSync(join(cwd, 'communiques'))).toEqual(['2021-05-05-cpr.md']);
  });
});
