import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, runCli } from './support/io.js';

/**
 * A secretariat's year, end to end: a new repository set up with `init`, three meetings
 * drafted with `new`, filled in, approved and exported with the next draft beside them, an
 * action closed at a later meeting, and the mistakes a year brings — a misspelt group, a
 * broken predecessor, a dangling `carried_from`, an open action that vanishes, a value
 * `--fix` can mend, a closed pipe — each with what the secretariat sees.
 */
const bin = join(resolve(import.meta.dirname, '..'), 'bin/communique.js');

/** What the secretariat does to a draft after the meeting: the body written, the record completed, approved. */
function fillIn(
  path: string,
  edits: { approvedOn?: string; front?: string; body: string; actions?: (text: string) => string },
) {
  let text = readFileSync(path, 'utf8');
  // The commented examples go once the real fields are written.
  text = text.replace(/^#.*\n/gm, '');
  if (edits.actions) text = edits.actions(text);
  if (edits.front) text = text.replace(/\n---\n/, `\n${edits.front}---\n`);
  if (edits.approvedOn)
    text = text.replace(
      'status: draft\n',
      `status: approved\npublished: ${edits.approvedOn}\napproval:\n  by: The Forum\n  date: ${edits.approvedOn}\n`,
    );
  text = text.replace(/\n---\n[\s\S]*$/, `\n---\n\n${edits.body}\n`);
  writeFileSync(path, text);
}

describe("a secretariat's year", () => {
  it('sets up, drafts, carries forward, publishes, and catches each mistake', async () => {
    const cwd = project({});
    const at = (today: string) => ({ COMMUNIQUE_TODAY: today });
    const file = (name: string) => join(cwd, 'communiques', name);

    // Setting up: a repository with nothing in it yet passes.
    expect((await runCli(['init'], cwd)).code).toBe(0);
    expect(await runCli(['validate'], cwd)).toEqual({
      code: 0,
      stdout: '✔ 0 files checked, no problems\n',
      stderr: "communique: no communiqués to check yet: the configuration's `files` match none\n",
    });

    // February: the Forum's first meeting.
    const february = await runCli(
      [
        'new',
        '--group',
        'Coastal Towns Forum',
        '--number',
        '1',
        '--mode',
        'in-person',
        '--place',
        'Albany',
        '--chair',
        'Nadia Olsen',
      ],
      cwd,
      at('2026-02-11'),
    );
    expect(february).toEqual({ code: 0, stdout: 'communiques/2026-02-11-coastal-towns-forum.md\n', stderr: '' });
    fillIn(file('2026-02-11-coastal-towns-forum.md'), {
      approvedOn: '2026-02-20',
      front:
        'agreements:\n  - { id: AGR-1, verb: agreed, text: to map erosion along the coast }\n' +
        'actions:\n' +
        '  - { id: ACT-1, text: Commission the erosion map., owner: nadia-olsen, due: 2026-05-01, status: open }\n' +
        '  - { id: ACT-2, text: Invite the ports to the next meeting., owner: nadia-olsen, due: next meeting, status: open }\n' +
        'next_meeting:\n  date: 2026-05-13\n  place: Esperance\n',
      body: 'The Forum met for the first time in Albany and agreed its first priorities.',
    });
    expect(await runCli(['validate'], cwd, at('2026-02-21'))).toEqual({
      code: 0,
      stdout: '✔ 1 file checked, no problems\n',
      stderr: '',
    });

    // May: the date is the one February set; the open actions come with it, and the chair.
    // The group has no short name: its initials are a near miss, never a new group.
    expect((await runCli(['new', '--group', 'CTF'], cwd, at('2026-04-01'))).stderr).toContain(
      'did you mean Coastal Towns Forum?',
    );
    const may = await runCli(['new', '--group', 'coastal towns forum'], cwd, at('2026-04-01'));
    expect(may).toEqual({
      code: 0,
      stdout: 'communiques/2026-05-13-coastal-towns-forum.md\n',
      stderr:
        'communique: carried forward from communiques/2026-02-11-coastal-towns-forum.md: 1 standing attendee and 2 unfinished actions\n',
    });
    const mayPath = file('2026-05-13-coastal-towns-forum.md');
    expect(readFileSync(mayPath, 'utf8')).toContain(
      // Overdue by the meeting: its old date kept in words, and a placeholder asks for a new one.
      '  - id: ACT-1\n    text: Commission the erosion map.\n    owner: nadia-olsen\n    due: TBC (was due 2026-05-01)\n    status: open\n    carried_from: { communique: coastal-towns-forum-2026-02-11, action: ACT-1 }\n',
    );
    // The map was commissioned: ACT-1 is closed at May's meeting.
    fillIn(mayPath, {
      approvedOn: '2026-05-20',
      actions: (text) =>
        text.replace('due: TBC (was due 2026-05-01)\n    status: open', 'due: 2026-05-01\n    status: done'),
      front: 'next_meeting:\n  date: 2026-08-12\n',
      body: 'The Forum met in Esperance and received the erosion map brief.',
    });

    // August's draft sits beside the approved communiqués; export publishes those and says why it leaves the draft.
    expect((await runCli(['new', '--group', 'Coastal Towns Forum'], cwd, at('2026-06-01'))).code).toBe(0);
    const augustPath = file('2026-08-12-coastal-towns-forum.md');
    const exported = await runCli(['export'], cwd, at('2026-06-01'));
    expect(exported).toEqual({
      code: 0,
      stdout: `Exported 2 of 3 communiqués to 11 files in ${join(cwd, 'public')}\n`,
      stderr:
        'communique: leaving out communiques/2026-08-12-coastal-towns-forum.md: it is a draft, not yet approved\n' +
        '  hint: Approve it (status `approved` with `approval`) when it is ready, or export with --strict to check it now.\n',
    });
    expect(existsSync(join(cwd, 'public/2026-02-11-coastal-towns-forum.html'))).toBe(true);
    expect(existsSync(join(cwd, 'public/2026-05-13-coastal-towns-forum.html'))).toBe(true);
    expect(existsSync(join(cwd, 'public/2026-08-12-coastal-towns-forum.html'))).toBe(false);
    // The register: ACT-1 closed in May, ACT-2 still open, last reported on in August's draft.
    const register = JSON.parse((await runCli(['actions', '-f', 'json'], cwd, at('2026-06-01'))).stdout) as {
      id: string;
      status: string;
      latest: { date: string };
    }[];
    expect(register.map((entry) => [entry.id, entry.status, entry.latest.date])).toEqual([
      ['ACT-1', 'done', '2026-05-13'],
      ['ACT-2', 'open', '2026-08-12'],
    ]);

    // A misspelt group stops before anything is written.
    const misspelt = await runCli(['new', '--group', 'Costal Towns Forum'], cwd, at('2026-06-01'));
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toBe(
      'communique: no group is called `Costal Towns Forum`; did you mean Coastal Towns Forum? The groups are: Coastal Towns Forum\n' +
        '  hint: Give the group as it is known, or add --new-group to start a new group of that name.\n',
    );

    // August's draft is broken in an edit: the next draft will not pass over it.
    const august = readFileSync(augustPath, 'utf8');
    writeFileSync(augustPath, august.replace('mode: in-person', 'mode: [in-person'));
    const broken = await runCli(
      ['new', '--group', 'Coastal Towns Forum', '--date', '2026-11-11'],
      cwd,
      at('2026-09-01'),
    );
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      /^communique: cannot carry forward from communiques\/2026-08-12-coastal-towns-forum\.md, the group's latest communiqué: /,
    );
    writeFileSync(augustPath, august);

    // A dangling carried_from, and an open action that vanishes from an approved communiqué.
    writeFileSync(mayPath, readFileSync(mayPath, 'utf8').replace(/ {2}- id: ACT-2\n[\s\S]*?action: ACT-2 }\n/, ''));
    writeFileSync(
      augustPath,
      august.replace(
        'communique: coastal-towns-forum-2026-05-13, action: ACT-2',
        'communique: ctf-2026-05-31, action: ACT-2',
      ),
    );
    const checked = await runCli(['validate', '--format', 'json'], cwd, at('2026-09-01'));
    expect(checked.code).toBe(1);
    const found = (
      JSON.parse(checked.stdout) as { file: string; messages: { ruleId: string; message: string }[] }[]
    ).flatMap((result) =>
      result.messages
        .filter((message) => message.ruleId.startsWith('across/'))
        .map((message) => `${result.file}: ${message.message}`),
    );
    expect(found).toEqual([
      'communiques/2026-05-13-coastal-towns-forum.md: Action `ACT-2` of `coastal-towns-forum-2026-02-11` was open and this communiqué does not carry it forward or close it',
      'communiques/2026-08-12-coastal-towns-forum.md: Action `ACT-2` is carried from `ctf-2026-05-31`, which is not among the communiqués checked',
    ]);

    // A value --fix can mend for certain.
    writeFileSync(augustPath, august.replace('mode: in-person', 'mode: In-Person'));
    const fixed = await runCli(['validate', augustPath, '--fix'], cwd, at('2026-09-01'));
    expect(fixed.stderr).toBe('communique: fixed 1 problem in 1 file\n');
    expect(readFileSync(augustPath, 'utf8')).toBe(august);

    // A closed pipe ends the command quietly.
    const child = spawn(process.execPath, [bin, 'actions'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    await new Promise((done) => child.on('close', done));
    expect(stderr).toBe('');
  });
});
