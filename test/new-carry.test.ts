import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT, draft, expectValidDraft, fakePrompts, files, inTurn } from './support/drafting.js';
import { project } from './support/io.js';

/**
 * Carrying forward without losing anything: the group misspelt, a predecessor that cannot
 * be read, who is expected again, attendance for anyone in the draft, the chair by name,
 * and what else a meeting keeps from the last one.
 */

/** The Forum's meeting before last: its secretary and an observer attended. */
const MARCH = `---
schema_version: 1
id: ctf-2021-03-03
title: Coastal Towns Forum Communiqué
status: published
published: 2021-03-20
approval: { by: The Forum, date: 2021-03-15 }
meeting:
  group: { name: Coastal Towns Forum, short_name: CTF }
  number: 4
  date: 2021-03-03
  mode: in-person
  place: Albany
  chair: nadia-olsen
attendees:
  - { id: nadia-olsen, name: Nadia Olsen, organisation: Albany Shire, kind: member, attendance: present }
  - { id: tom-birch, name: Tom Birch, organisation: Forum Secretariat, kind: secretariat, attendance: present }
  - { id: ivy-hale, name: Ivy Hale, organisation: Ports Authority, kind: observer, attendance: present }
---

The Forum met in Albany.
`;

/** The latest meeting: approved, with a contact, a time, a guest who owns an action, and a next meeting set. */
const JUNE = `---
schema_version: 1
id: ctf-2021-06-09
title: Coastal Towns Forum Communiqué
status: approved
approval: { by: The Forum, date: 2021-06-20 }
contact: { name: Forum Secretariat, email: forum@example.org }
meeting:
  group: { name: Coastal Towns Forum, short_name: CTF }
  number: 5
  date: 2021-06-09
  time: { start: "10:00", end: "12:30", zone: Australia/Perth }
  mode: in-person
  place: Esperance
  chair: nadia-olsen
attendees:
  - { id: nadia-olsen, name: Nadia Olsen, organisation: Albany Shire, kind: member, attendance: present }
  - { id: raj-patel, name: Raj Patel, organisation: Esperance Shire, kind: member, attendance: apology }
  - { id: tom-birch, name: Tom Birch, organisation: Forum Secretariat, kind: secretariat, attendance: present }
  - { id: ivy-hale, name: Ivy Hale, organisation: Ports Authority, kind: observer, attendance: apology }
  - { id: sam-reed, name: Sam Reed, organisation: Coastal Research Centre, kind: presenter, attendance: present }
actions:
  - { id: ACT-1, text: Map the erosion sites., owner: sam-reed, due: 2021-12-01, status: open }
  - { id: ACT-2, text: Write to the Minister., owner: nadia-olsen, status: done }
next_meeting: { date: 2021-09-15, place: Bunbury }
---

The Forum met in Esperance.
`;

const forum = (extra: Record<string, string> = {}) =>
  project({
    'communique.config.json': JSON.stringify({ groups: [{ name: 'Regional Housing Board', short_name: 'RHB' }] }),
    'communiques/2021-03-03-ctf.md': MARCH,
    'communiques/2021-06-09-ctf.md': JUNE,
    ...extra,
  });
const CARRIED =
  'communique: carried forward from communiques/2021-06-09-ctf.md: 3 standing attendees and 1 unfinished action\n';

describe('the group', () => {
  it('stops at a name close to a known group, listing the groups, and writes nothing', async () => {
    const cwd = forum();
    const before = files(cwd);
    const result = await draft(cwd, { group: 'Costal Towns Forum', mode: 'virtual' });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'communique: no group is called `Costal Towns Forum`; did you mean Coastal Towns Forum (CTF)? The groups are: Regional Housing Board (RHB); Coastal Towns Forum (CTF)\n' +
        '  hint: Give the group as it is known, or add --new-group to start a new group of that name.\n',
    });
    expect(files(cwd)).toEqual(before);
    // Its initials, and part of its name, are near misses too.
    expect((await draft(cwd, { group: 'Coastal Towns', mode: 'virtual' })).code).toBe(2);
    expect((await draft(cwd, { group: 'Central Tablelands Federation', mode: 'virtual' })).code).toBe(2);
  });

  it('starts a new group of a close name with --new-group, carrying nothing', async () => {
    const cwd = forum();
    const result = await draft(cwd, { group: 'Coastal Towns Forum South', newGroup: true, mode: 'virtual' });
    expect(result).toEqual({ code: 0, stdout: 'communiques/2021-08-04-coastal-towns-forum-south.md\n', stderr: '' });
    const data = expectValidDraft(readFileSync(join(cwd, result.stdout.trim()), 'utf8'));
    expect(data.attendees).toBeUndefined();
    expect(data.actions).toBeUndefined();
  });

  it('asks before starting a new group whose typed name is close to a known one', async () => {
    const cwd = forum();
    const { prompts, asked, questions } = fakePrompts({
      group: -1,
      // Answering no re-asks the name; the second answer is the group itself.
      groupName: inTurn('Costal Towns Forum', 'coastal towns forum'),
      newGroup: false,
      date: DEFAULT,
      number: DEFAULT,
      mode: DEFAULT,
      place: DEFAULT,
      attended: DEFAULT,
      remoteOrPartial: DEFAULT,
      apologies: DEFAULT,
      addAttendee: false,
      chair: DEFAULT,
      sections: '',
      addAgreement: false,
      addAction: false,
      nextMeetingDate: DEFAULT,
    });
    const result = await draft(cwd, {}, { tty: true }, prompts);
    expect(result).toEqual({ code: 0, stdout: 'communiques/2021-09-15-ctf.md\n', stderr: CARRIED });
    expect(asked.slice(0, 4)).toEqual(['group', 'groupName', 'newGroup', 'groupName']);
    expect((questions.newGroup as { message: string }).message).toBe(
      'No group is called Costal Towns Forum; it is close to Coastal Towns Forum. Start a new group called Costal Towns Forum?',
    );
  });
});

describe('a predecessor that cannot be read', () => {
  const BROKEN = `---
title: Coastal Towns Forum Communiqué
meeting:
  group: { name: Coastal Towns Forum, short_name: CTF }
  date: 2021-07-21
  mode: [virtual
---
`;

  it("names the group's latest communiqué that cannot be read, says why, exits 1 and writes nothing", async () => {
    const cwd = forum({ 'communiques/2021-07-21-ctf.md': BROKEN });
    const before = files(cwd);
    const result = await draft(cwd, { group: 'CTF', date: '2021-08-11' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^communique: cannot carry forward from communiques\/2021-07-21-ctf\.md, the group's latest communiqué: .+ \(line \d+, column \d+\)\n {2}hint: Fix it \(`communique validate` shows every problem\) and draft again, or draft with --no-carry to carry nothing\.\n$/,
    );
    expect(files(cwd)).toEqual(before);
  });

  it('goes by the file name when even the group cannot be read, and carries nothing with --no-carry', async () => {
    const cwd = forum({ 'communiques/2021-07-21-ctf.md': '---\n: : :\n---\n' });
    expect((await draft(cwd, { group: 'CTF', date: '2021-08-11' })).code).toBe(1);
    const result = await draft(cwd, { group: 'CTF', date: '2021-08-11', carry: false, mode: 'virtual' });
    expect(result).toEqual({ code: 0, stdout: 'communiques/2021-08-11-ctf.md\n', stderr: '' });
    const data = expectValidDraft(readFileSync(join(cwd, 'communiques/2021-08-11-ctf.md'), 'utf8'));
    expect(data.meeting).toEqual({
      group: { name: 'CTF' },
      date: '2021-08-11',
      mode: 'virtual',
    });
  });

  it('is not held up by a broken file of another group, or one from before the latest', async () => {
    const other = BROKEN.replace('{ name: Coastal Towns Forum, short_name: CTF }', '{ name: Regional Housing Board }');
    const older = BROKEN.replace('2021-07-21', '2021-05-01');
    const cwd = forum({ 'communiques/2021-07-21-rhb.md': other, 'communiques/2021-05-01-ctf.md': older });
    const result = await draft(cwd, { group: 'CTF', date: '2021-08-11' });
    expect(result).toEqual({ code: 0, stdout: 'communiques/2021-08-11-ctf.md\n', stderr: CARRIED });
  });
});

describe('what is carried', () => {
  it('carries standing attendees only, the contact, the time, the next place, and the date the group set', async () => {
    const cwd = forum();
    const result = await draft(cwd, { group: 'Coastal Towns Forum' });
    expect(result).toEqual({ code: 0, stdout: 'communiques/2021-09-15-ctf.md\n', stderr: CARRIED });
    const data = expectValidDraft(readFileSync(join(cwd, 'communiques/2021-09-15-ctf.md'), 'utf8'));
    expect(data.contact).toEqual({ name: 'Forum Secretariat', email: 'forum@example.org' });
    expect(data.meeting).toEqual({
      group: { name: 'Coastal Towns Forum', short_name: 'CTF' },
      number: 6,
      // The next meeting the June communiqué set, still to come on 4 August.
      date: '2021-09-15',
      time: { start: '10:00', end: '12:30', zone: 'Australia/Perth' },
      mode: 'in-person',
      place: 'Bunbury',
      chair: 'nadia-olsen',
    });
    expect(data.attendees).toEqual([
      // Members, whatever their attendance last time.
      { id: 'nadia-olsen', name: 'Nadia Olsen', organisation: 'Albany Shire', kind: 'member', attendance: 'present' },
      { id: 'raj-patel', name: 'Raj Patel', organisation: 'Esperance Shire', kind: 'member', attendance: 'present' },
      // The secretary attended both of the last two meetings: standing.
      {
        id: 'tom-birch',
        name: 'Tom Birch',
        organisation: 'Forum Secretariat',
        kind: 'secretariat',
        attendance: 'present',
      },
      // The observer sent apologies in June, and the presenter came once: neither is expected, so neither is
      // listed as absent; the presenter owns an open action, so is kept on record, internal.
      {
        id: 'sam-reed',
        name: 'Sam Reed',
        organisation: 'Coastal Research Centre',
        kind: 'presenter',
        attendance: 'absent',
        internal: true,
      },
    ]);
  });

  it('takes the date given over the one the group set, and today when the date set has passed', async () => {
    const cwd = forum();
    expect((await draft(cwd, { group: 'CTF', date: '2021-09-01' })).stdout).toBe('communiques/2021-09-01-ctf.md\n');
    const late = forum();
    const result = await draft(late, { group: 'CTF' }, { env: { COMMUNIQUE_TODAY: '2021-10-01' } });
    expect(result.stdout).toBe('communiques/2021-10-01-ctf.md\n');
  });

  it('takes attendance for anyone in the draft, the presenter included, and names who is when it cannot', async () => {
    const cwd = forum({
      'answers.json': JSON.stringify({
        group: 'CTF',
        attendance: { 'raj-patel': 'remote', 'tom-birch': 'partial', 'sam-reed': 'present', 'nadia-olsen': 'present' },
      }),
    });
    const result = await draft(cwd, { answers: 'answers.json' });
    expect(result.code).toBe(0);
    const data = expectValidDraft(readFileSync(join(cwd, 'communiques/2021-09-15-ctf.md'), 'utf8'));
    expect(
      (data.attendees as { id: string; attendance: string; internal?: boolean }[]).map(
        (attendee) => `${attendee.id}: ${attendee.attendance}${attendee.internal ? ' (internal)' : ''}`,
      ),
    ).toEqual(['nadia-olsen: present', 'raj-patel: remote', 'tom-birch: partial', 'sam-reed: present']);

    const wrong = forum({ 'answers.json': JSON.stringify({ group: 'CTF', attendance: { 'ivy-hale': 'apology' } }) });
    expect(await draft(wrong, { answers: 'answers.json' })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'communique: the attendance given for `ivy-hale` is for someone who is not in the draft (nadia-olsen, raj-patel, tom-birch, sam-reed); add them to `attendees` in the answers\n',
    });
  });
});

describe('the chair', () => {
  it('takes a name or an id, and a new name as a new member, its title and letters apart', async () => {
    const cwd = forum();
    await draft(cwd, { group: 'CTF', chair: 'Raj Patel' });
    const data = expectValidDraft(readFileSync(join(cwd, 'communiques/2021-09-15-ctf.md'), 'utf8'));
    expect((data.meeting as { chair: unknown }).chair).toBe('raj-patel');

    const fresh = project({});
    const result = await draft(fresh, {
      group: 'Harbour Works Panel',
      mode: 'virtual',
      chair: 'Professor Lena Ng AO, raj-patel',
    });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'communique: --chair: `raj-patel` is not among the attendees (lena-ng (Professor Lena Ng AO)); give the chair\'s name, e.g. --chair "Mia Wong", to add them\n',
    });
    const named = await draft(fresh, { group: 'Harbour Works Panel', mode: 'virtual', chair: 'Professor Lena Ng AO' });
    expect(named.code).toBe(0);
    const panel = expectValidDraft(readFileSync(join(fresh, named.stdout.trim()), 'utf8'));
    expect(panel.attendees).toEqual([
      {
        id: 'lena-ng',
        name: 'Lena Ng',
        honorific: 'Professor',
        post_nominals: 'AO',
        kind: 'member',
        attendance: 'present',
      },
    ]);
  });

  it('asks "did you mean" for a near miss instead of adding someone who does not exist', async () => {
    const cwd = forum();
    const before = files(cwd);
    expect(await draft(cwd, { group: 'CTF', chair: 'Nadia Olson' })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'communique: --chair: `Nadia Olson` is not among the attendees; did you mean `nadia-olsen` (Nadia Olsen)?\n',
    });
    expect((await draft(cwd, { group: 'CTF', chair: 'nadia-olson' })).stderr).toBe(
      'communique: --chair: `nadia-olson` is not among the attendees; did you mean `nadia-olsen` (Nadia Olsen)?\n',
    );
    expect(files(cwd)).toEqual(before);
  });
});
