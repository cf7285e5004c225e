import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckboxQuestion, InputQuestion, SelectQuestion } from '../src/io/prompts.js';
import { checkText } from '../src/core/check/check.js';
import {
  DEFAULT,
  draft,
  ExitPromptError,
  expectValidDraft,
  fakePrompts,
  files,
  inTurn,
  TODAY,
} from './support/drafting.js';
import { project } from './support/io.js';

const CONFIG = JSON.stringify({ groups: [{ name: 'Community Partnerships Roundtable', short_name: 'CPR' }] });

/** The group's meeting before last: not the one to carry from. */
const FIRST_MEETING = `---
schema_version: 1
id: cpr-2021-02-10
title: Community Partnerships Roundtable Communiqué
status: published
published: 2021-02-20
approval: { by: Co-chairs, date: 2021-02-18 }
meeting:
  group: { name: Community Partnerships Roundtable, short_name: CPR }
  number: 1
  date: 2021-02-10
  mode: virtual
attendees:
  - { id: old-member, name: Old Member, kind: member }
actions:
  - { id: ACT-9, text: Something from long ago., owner: old-member, status: open }
---

The first meeting.
`;

/** The latest meeting: members, a proxy, a guest who owns an action, actions in every state. No id. */
const LATEST_MEETING = `---
schema_version: 1
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
  - id: michelle-andrews
    name: Michelle Andrews
    organisation: Department of Communities
    kind: member
    attendance: present
  - id: louise-giolitto
    name: Louise Giolitto
    organisation: Western Australian Council of Social Service
    kind: member
    attendance: remote
  - id: adg-communities
    name: Assistant Director General
    organisation: Department of Communities
    kind: member
    attendance: apology
  - id: ed-communities
    name: Executive Director
    organisation: Department of Communities
    kind: proxy
    proxy_for: adg-communities
    attendance: present
  - id: guest-presenter
    name: Guest Presenter
    organisation: University of Western Australia
    kind: presenter
    attendance: present
actions:
  - id: ACT-1
    text: Publish the Terms of Reference.
    owner: Department of Communities
    due: 2021-06-30
    status: open
  - id: ACT-2
    text: Bring a work plan to the Roundtable.
    owner: [michelle-andrews, louise-giolitto]
    due: next meeting
    status: in-progress
  - id: ACT-3
    text: Share the research summary.
    owner: guest-presenter
    due: 2021-09-30
    status: carried-forward
    carried_from: { communique: cpr-2021-02-10, action: ACT-7 }
  - id: ACT-4
    text: Circulate the communiqué.
    owner: michelle-andrews
    status: done
  - id: ACT-5
    text: Hold a workshop.
    owner: louise-giolitto
    status: dropped
next_meeting:
  date: 2021-08-04
  mode: in-person
  place: Fremantle
---

## Terms of Reference

The Roundtable endorsed its Terms of Reference.
`;

/** Another group's later meeting, which must not be mistaken for the Roundtable's. */
const OTHER_GROUP = `---
schema_version: 1
id: nlg-2021-06-01
title: National Leadership Group Communiqué
status: draft
meeting:
  group: { name: National Leadership Group, short_name: NLG }
  number: 7
  date: 2021-06-01
  mode: virtual
---

Text.
`;

/** What `new` says on stderr when it carries from LATEST_MEETING, which is still in review. */
const CARRIED_FROM_LATEST =
  'communique: carried forward from communiques/2021-05-05-cpr.md: 4 standing attendees and 3 unfinished actions\n' +
  'communique: communiques/2021-05-05-cpr.md is in review, not yet approved\n' +
  '  hint: Check the carried members and actions again once that communiqué is approved.\n';

const followUpProject = (extra: Record<string, string> = {}) =>
  project({
    'communique.config.json': CONFIG,
    'communiques/2021-02-10-cpr.md': FIRST_MEETING,
    'communiques/2021-05-05-cpr.md': LATEST_MEETING,
    'communiques/2021-06-01-nlg.md': OTHER_GROUP,
    ...extra,
  });

describe('communique new, without prompts', () => {
  it('drafts the first communiqué of a new group from flags alone', async () => {
    const cwd = project({ 'communique.config.json': CONFIG });
    const result = await draft(cwd, {
      group: 'cpr',
      mode: 'hybrid',
      place: 'Perth',
      // A chair nobody is listed as yet, by name: split as import splits names.
      chair: 'Dr Michelle Andrews AM',
      sections: 'Terms of Reference, Priorities for 2021',
    });
    expect(result).toEqual({ code: 0, stdout: 'communiques/2021-08-04-cpr.md\n', stderr: '' });
    const text = readFileSync(join(cwd, 'communiques/2021-08-04-cpr.md'), 'utf8');
    expect(text).toBe(`---
schema_version: 1
id: cpr-2021-08-04
title: Community Partnerships Roundtable Communiqué
status: draft
lang: en-AU
meeting:
  group:
    name: Community Partnerships Roundtable
    short_name: CPR
  date: 2021-08-04
  mode: hybrid
  place: Perth
  chair: michelle-andrews
attendees:
  - id: michelle-andrews
    name: Michelle Andrews
    honorific: Dr
    post_nominals: AM
    kind: member
    attendance: present
# Still to fill in: remove the # from the lines you use.
# agreements:
#   - id: AGR-1
#     verb: agreed  # or endorsed, noted, approved, adopted, …
#     text: "TODO: what was agreed, in words that follow the verb"
# actions:
#   - id: ACT-1
#     text: "TODO: what is to be done."
#     owner: michelle-andrews  # an attendee's id or an organisation
#     due: YYYY-MM-DD  # or a phrase such as "next meeting"
#     status: open
# next_meeting:
#   date: YYYY-MM-DD  # or YYYY-MM
# contact:
#   name: The Secretariat
#   email: secretariat@example.org
---

TODO: an opening paragraph on the meeting: who met, and what it was for.

## Terms of Reference

TODO: summary of the discussion.

## Priorities for 2021

TODO: summary of the discussion.
`);
    expectValidDraft(text);
    const placeholders = checkText(text).messages.filter((message) => message.ruleId === 'lifecycle/placeholder');
    // The opening and the two sections; the commented examples are comments, not placeholders.
    expect(placeholders.map((message) => message.severity)).toEqual(['warning', 'warning', 'warning']);
  });

  it('names a group the configuration does not know by its name, and needs no configuration', async () => {
    const cwd = project({});
    const result = await draft(cwd, {
      group: 'Regional Roundtable',
      date: '2021-03-02',
      number: '1',
      mode: 'virtual',
      title: 'Regional Roundtable: March',
    });
    expect(result).toEqual({ code: 0, stdout: 'communiques/2021-03-02-regional-roundtable.md\n', stderr: '' });
    const data = expectValidDraft(readFileSync(join(cwd, result.stdout.trim()), 'utf8'));
    expect(data).toEqual({
      schema_version: 1,
      id: 'regional-roundtable-2021-03-02',
      title: 'Regional Roundtable: March',
      status: 'draft',
      lang: 'en-AU',
      meeting: { group: { name: 'Regional Roundtable' }, number: 1, date: '2021-03-02', mode: 'virtual' },
    });
  });

  it("carries members and unfinished actions forward from the group's latest communiqué", async () => {
    const cwd = followUpProject();
    const result = await draft(cwd, { group: 'Community Partnerships Roundtable', yes: true }, { tty: true });
    // It names what it carried from, and warns that the document is not yet approved.
    expect(result).toEqual({
      code: 0,
      stdout: 'communiques/2021-08-04-cpr.md\n',
      stderr: CARRIED_FROM_LATEST,
    });
    const data = expectValidDraft(readFileSync(join(cwd, 'communiques/2021-08-04-cpr.md'), 'utf8'));
    expect(data.id).toBe('cpr-2021-08-04');
    // Number after the latest; mode and place from its `next_meeting`; the chairs, who attend.
    expect(data.meeting).toEqual({
      group: { name: 'Community Partnerships Roundtable', short_name: 'CPR' },
      number: 3,
      date: '2021-08-04',
      mode: 'in-person',
      place: 'Fremantle',
      chair: ['michelle-andrews', 'louise-giolitto'],
    });
    expect(data.attendees).toEqual([
      {
        id: 'michelle-andrews',
        name: 'Michelle Andrews',
        organisation: 'Department of Communities',
        kind: 'member',
        attendance: 'present',
      },
      {
        id: 'louise-giolitto',
        name: 'Louise Giolitto',
        organisation: 'Western Australian Council of Social Service',
        kind: 'member',
        attendance: 'present',
      },
      {
        id: 'adg-communities',
        name: 'Assistant Director General',
        organisation: 'Department of Communities',
        kind: 'member',
        attendance: 'present',
      },
      // A proxy is not needed when the member attends.
      {
        id: 'ed-communities',
        name: 'Executive Director',
        organisation: 'Department of Communities',
        kind: 'proxy',
        proxy_for: 'adg-communities',
        attendance: 'absent',
      },
      // Not expected (a presenter who came once), but owns an open action: on record, never published as absent.
      {
        id: 'guest-presenter',
        name: 'Guest Presenter',
        organisation: 'University of Western Australia',
        kind: 'presenter',
        attendance: 'absent',
        internal: true,
      },
    ]);
    // Done and dropped actions stay behind; the rest stay open, pointing at where they came from.
    // The latest communiqué has no id, so its file name stands in.
    expect(data.actions).toEqual([
      {
        id: 'ACT-1',
        text: 'Publish the Terms of Reference.',
        owner: 'Department of Communities',
        due: 'TBC (was due 2021-06-30)',
        status: 'open',
        carried_from: { communique: '2021-05-05-cpr', action: 'ACT-1' },
      },
      {
        id: 'ACT-2',
        text: 'Bring a work plan to the Roundtable.',
        owner: ['michelle-andrews', 'louise-giolitto'],
        due: 'next meeting',
        status: 'in-progress',
        carried_from: { communique: '2021-05-05-cpr', action: 'ACT-2' },
      },
      {
        id: 'ACT-3',
        text: 'Share the research summary.',
        owner: 'guest-presenter',
        due: '2021-09-30',
        status: 'open',
        carried_from: { communique: '2021-05-05-cpr', action: 'ACT-3' },
      },
    ]);
  });

  it('carries from the latest meeting before the one being drafted', async () => {
    const cwd = followUpProject();
    const result = await draft(cwd, { group: 'CPR', date: '2021-04-01', mode: 'virtual' });
    expect(result.code).toBe(0);
    const data = expectValidDraft(readFileSync(join(cwd, 'communiques/2021-04-01-cpr.md'), 'utf8'));
    expect((data.meeting as { number: number }).number).toBe(2);
    expect(data.actions).toEqual([
      {
        id: 'ACT-9',
        text: 'Something from long ago.',
        owner: 'old-member',
        status: 'open',
        carried_from: { communique: 'cpr-2021-02-10', action: 'ACT-9' },
      },
    ]);
  });

  it('takes answers from a JSON file, with flags winning over it', async () => {
    const cwd = followUpProject({
      'answers.json': JSON.stringify({
        group: 'CPR',
        date: '2021-08-11',
        mode: 'virtual',
        place: 'ignored for a virtual meeting',
        chair: 'louise-giolitto',
        attendance: { 'michelle-andrews': 'apology', 'ed-communities': 'present', 'adg-communities': 'apology' },
        attendees: [{ id: 'new-member', name: 'New Member', kind: 'member' }],
        sections: ['Work plan'],
      }),
    });
    const result = await draft(cwd, { answers: 'answers.json', date: '2021-08-12' });
    expect(result).toEqual({ code: 0, stdout: 'communiques/2021-08-12-cpr.md\n', stderr: CARRIED_FROM_LATEST });
    const text = readFileSync(join(cwd, 'communiques/2021-08-12-cpr.md'), 'utf8');
    const data = expectValidDraft(text);
    expect(data.meeting).toEqual({
      group: { name: 'Community Partnerships Roundtable', short_name: 'CPR' },
      number: 3,
      date: '2021-08-12',
      mode: 'virtual',
      chair: 'louise-giolitto',
    });
    expect(
      (data.attendees as { id: string; attendance: string }[]).map(({ id, attendance }) => `${id}: ${attendance}`),
    ).toEqual([
      'michelle-andrews: apology',
      'louise-giolitto: present',
      'adg-communities: apology',
      'ed-communities: present',
      'new-member: present',
      'guest-presenter: absent',
    ]);
    expect(text).toContain('\n## Work plan\n\nTODO: summary of the discussion.\n');
  });

  it('reads answers from standard input with --answers -', async () => {
    const cwd = project({ 'communique.config.json': CONFIG });
    const result = await draft(
      cwd,
      { answers: '-' },
      {
        stdin: JSON.stringify({
          group: { name: 'Working Group', short_name: 'WG' },
          mode: 'in-person',
          place: 'Broome',
        }),
      },
    );
    expect(result).toEqual({ code: 0, stdout: 'communiques/2021-08-04-wg.md\n', stderr: '' });
    const data = expectValidDraft(readFileSync(join(cwd, 'communiques/2021-08-04-wg.md'), 'utf8'));
    expect(data.meeting).toEqual({
      group: { name: 'Working Group', short_name: 'WG' },
      date: '2021-08-04',
      mode: 'in-person',
      place: 'Broome',
    });
  });

  it('refuses answers it cannot use, naming each one', async () => {
    const cwd = project({
      'answers.json': JSON.stringify({
        group: 'CPR',
        date: '2021-02-30',
        mode: 'online',
        chair: 'Michelle',
        colour: 'blue',
        attendance: { 'x-y': 'maybe' },
      }),
    });
    const result = await draft(cwd, { answers: 'answers.json' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        'communique: answers.json: `colour`: is not an answer communique knows; the answers are group, date, number, mode, place, chair, title, sections, attendance, attendees',
        'communique: answers.json: `date`: 2021-02-30 is not a real day; check the month and the day',
        'communique: answers.json: `mode`: the meeting mode is one of in-person, virtual, hybrid (not "online")',
        'communique: answers.json: `attendance.x-y`: attendance is one of present, remote, partial, apology, absent (not "maybe")',
        '',
      ].join('\n'),
    );
    expect(files(cwd)).toEqual(['answers.json']);
  });

  it('refuses flags with values validate would reject', async () => {
    const cwd = project({});
    const result = await draft(cwd, { group: 'CPR', date: '16/11/2021', number: '0', mode: 'zoom' });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'communique: --date: write the date as YYYY-MM-DD, e.g. 2021-11-16 (not "16/11/2021")',
        'communique: --number: the meeting number is a whole number, 1 or more (not "0")',
        'communique: --mode: the meeting mode is one of in-person, virtual, hybrid (not "zoom")',
        '',
      ].join('\n'),
    });
  });

  it('lists everything it still needs, with the flag for each, and writes nothing', async () => {
    const cwd = project({});
    const result = await draft(cwd, {});
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'communique: cannot draft without: the group (--group), the meeting mode (--mode), the meeting place (--place; not needed with --mode virtual)\n  hint: Give it as a flag or in --answers, or run `communique new` on a terminal to be asked.\n',
    });
    expect(files(cwd)).toEqual([]);
    const placeOnly = await draft(cwd, { group: 'CPR', mode: 'hybrid' });
    expect(placeOnly.stderr).toBe(
      'communique: cannot draft without: the meeting place (--place)\n  hint: Give it as a flag or in --answers, or run `communique new` on a terminal to be asked.\n',
    );
  });

  it('never prompts without a terminal, or with --yes', async () => {
    const cwd = project({});
    const { prompts, asked } = fakePrompts({});
    expect((await draft(cwd, { group: 'CPR' }, {}, prompts)).code).toBe(2);
    expect((await draft(cwd, { group: 'CPR', yes: true }, { tty: true }, prompts)).code).toBe(2);
    expect(asked).toEqual([]);
  });

  it('never replaces an existing file', async () => {
    const cwd = followUpProject({ 'communiques/2021-08-04-cpr.md': 'my work\n' });
    const result = await draft(cwd, { group: 'CPR' });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'communique: communiques/2021-08-04-cpr.md already exists; choose another --out or remove it first\n',
    });
    expect(readFileSync(join(cwd, 'communiques/2021-08-04-cpr.md'), 'utf8')).toBe('my work\n');
    expect(files(cwd, 'communiques')).toEqual([
      'communiques/2021-02-10-cpr.md',
      'communiques/2021-05-05-cpr.md',
      'communiques/2021-06-01-nlg.md',
      'communiques/2021-08-04-cpr.md',
    ]);

    const elsewhere = await draft(cwd, { group: 'CPR', out: 'drafts/august.md' });
    expect(elsewhere).toEqual({ code: 0, stdout: 'drafts/august.md\n', stderr: CARRIED_FROM_LATEST });
    expectValidDraft(readFileSync(join(cwd, 'drafts/august.md'), 'utf8'));
  });

  it('prints the draft with --dry-run and writes nothing', async () => {
    const cwd = followUpProject();
    const before = files(cwd);
    const dry = await draft(cwd, { group: 'CPR', dryRun: true, sections: 'Work plan' });
    expect(dry.code).toBe(0);
    expect(dry.stderr).toBe(CARRIED_FROM_LATEST);
    expect(files(cwd)).toEqual(before);
    const real = await draft(cwd, { group: 'CPR', sections: 'Work plan' });
    expect(readFileSync(join(cwd, real.stdout.trim()), 'utf8')).toBe(dry.stdout);
    expectValidDraft(dry.stdout);
  });

  it("writes where the configuration's new.path says, from its template", async () => {
    const cwd = project({
      'communique.config.json': JSON.stringify({
        groups: [{ name: 'Roundtable', short_name: 'RT' }],
        templates: 'my-templates',
        new: { path: 'drafts/{group}/{number}-{date}.md', template: 'brief' },
      }),
      'my-templates/brief/new.md.hbs': '---\n{{frontMatter}}---\n\nTODO: {{group.name}} meeting {{number}}.\n',
      'sub/folder/.keep': '',
    });
    const missingNumber = await draft(join(cwd, 'sub/folder'), { group: 'RT', mode: 'virtual' });
    expect(missingNumber.stderr).toBe(
      'communique: cannot draft without: the meeting number (--number), which `new.path` in the configuration uses\n  hint: Give it as a flag or in --answers, or run `communique new` on a terminal to be asked.\n',
    );
    const result = await draft(join(cwd, 'sub/folder'), { group: 'RT', mode: 'virtual', number: '4' });
    expect(result).toEqual({ code: 0, stdout: `${join(cwd, 'drafts/rt/4-2021-08-04.md')}\n`, stderr: '' });
    const text = readFileSync(join(cwd, 'drafts/rt/4-2021-08-04.md'), 'utf8');
    expect(text.endsWith('---\n\nTODO: Roundtable meeting 4.\n')).toBe(true);
    expectValidDraft(text);

    const unknown = await draft(cwd, { group: 'RT', mode: 'virtual', number: '5', template: 'nope' });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'communique: there is no draft template named `nope`; the draft templates are: `brief`, `default`\n',
    );
  });
});

describe('communique new, on a terminal', () => {
  it('asks only what flags did not answer, by name, and validates each answer', async () => {
    const cwd = followUpProject();
    const { prompts, asked, refused, questions } = fakePrompts({
      group: 0,
      date: inTurn('2021-02-30', '2021-08-05'),
      number: DEFAULT,
      mode: DEFAULT,
      place: DEFAULT,
      attended: ['michelle-andrews', 'louise-giolitto', 'ed-communities'],
      remoteOrPartial: true,
      remote: ['louise-giolitto'],
      partial: ['ed-communities'],
      apologies: DEFAULT,
      addAttendee: inTurn(true, false),
      attendeeName: 'Dr Zoë Example PhD',
      attendeeId: inTurn('Zoe', DEFAULT),
      attendeeKind: 'guest',
      attendeeAttendance: 'remote',
      chair: ['louise-giolitto'],
      sections: 'Work plan, Commissioning',
      addAgreement: inTurn(true, false),
      agreementVerb: 'endorsed',
      agreementText: 'the work plan for the year',
      addAction: inTurn(true, false),
      actionText: 'Circulate the endorsed work plan.',
      actionOwner: 'Department of Communities',
      actionDue: inTurn('2021-08-01', '2021-09-30'),
      nextMeetingDate: '2021-11',
      contactName: 'Roundtable Secretariat',
      contactEmail: inTurn('secretariat', 'secretariat@example.org'),
    });
    const result = await draft(cwd, {}, { tty: true }, prompts);
    expect(result).toEqual({ code: 0, stdout: 'communiques/2021-08-05-cpr.md\n', stderr: CARRIED_FROM_LATEST });
    expect(asked).toEqual([
      'group',
      'date',
      'date',
      'number',
      'mode',
      'place',
      'attended',
      'remoteOrPartial',
      'remote',
      'partial',
      'apologies',
      'addAttendee',
      'attendeeName',
      'attendeeId',
      'attendeeId',
      'attendeeKind',
      'attendeeAttendance',
      'addAttendee',
      'chair',
      'sections',
      'addAgreement',
      'agreementVerb',
      'agreementText',
      'addAgreement',
      'addAction',
      'actionText',
      'actionOwner',
      'actionDue',
      'actionDue',
      'addAction',
      'nextMeetingDate',
      'contactName',
      'contactEmail',
      'contactEmail',
    ]);
    expect(refused).toEqual([
      'date: 2021-02-30 is not a real day; check the month and the day',
      'attendeeId: `Zoe` is not an attendee id: use lowercase letters, digits and single hyphens, e.g. `ray-griggs`',
      'actionDue: an action is due after the meeting (2021-08-05)',
      'contactEmail: give an email address such as secretariat@example.org',
    ]);
    // Everyone expected is offered, and the presenter who owns a carried action too, unticked.
    expect(
      (questions.attended as CheckboxQuestion<string>).choices.map((choice) => [choice.name, choice.checked]),
    ).toEqual([
      ['Michelle Andrews', true],
      ['Louise Giolitto', true],
      ['Assistant Director General', true],
      ['Executive Director (proxy)', false],
      ['Guest Presenter (presenter), who owns a carried action', false],
    ]);
    // Apologies are asked only of those expected who did not come; proxies are not assumed to have sent them.
    expect(
      (questions.apologies as CheckboxQuestion<string>).choices.map((choice) => [choice.value, choice.checked]),
    ).toEqual([['adg-communities', true]]);
    // The defaults offered come from the configuration, today and the latest communiqué.
    expect((questions.group as SelectQuestion<number>).choices.map((choice) => choice.name)).toEqual([
      'Community Partnerships Roundtable (CPR)',
      'National Leadership Group (NLG)',
      'another group…',
    ]);
    expect((questions.date as InputQuestion).default).toBe(TODAY);
    expect((questions.number as InputQuestion).default).toBe('3');
    expect((questions.place as InputQuestion).default).toBe('Fremantle');

    const text = readFileSync(join(cwd, 'communiques/2021-08-05-cpr.md'), 'utf8');
    const data = expectValidDraft(text);
    expect(data.meeting).toEqual({
      group: { name: 'Community Partnerships Roundtable', short_name: 'CPR' },
      number: 3,
      date: '2021-08-05',
      mode: 'in-person',
      place: 'Fremantle',
      chair: 'louise-giolitto',
    });
    expect(
      (data.attendees as { id: string; attendance: string }[]).map(({ id, attendance }) => `${id}: ${attendance}`),
    ).toEqual([
      'michelle-andrews: present',
      'louise-giolitto: remote',
      'adg-communities: apology',
      'ed-communities: partial',
      'guest-presenter: absent',
      'zoe-example: remote',
    ]);
    expect((data.attendees as Record<string, unknown>[]).slice(-2)).toEqual([
      {
        id: 'guest-presenter',
        name: 'Guest Presenter',
        organisation: 'University of Western Australia',
        kind: 'presenter',
        attendance: 'absent',
        internal: true,
      },
      {
        id: 'zoe-example',
        name: 'Zoë Example',
        honorific: 'Dr',
        post_nominals: 'PhD',
        kind: 'guest',
        attendance: 'remote',
      },
    ]);
    expect((data.actions as { id: string }[]).map((action) => action.id)).toEqual(['ACT-1', 'ACT-2', 'ACT-3', 'ACT-4']);
    expect((data.actions as unknown[]).at(-1)).toEqual({
      id: 'ACT-4',
      text: 'Circulate the endorsed work plan.',
      owner: 'Department of Communities',
      due: '2021-09-30',
      status: 'open',
    });
    expect(data.agreements).toEqual([{ id: 'AGR-1', verb: 'endorsed', text: 'the work plan for the year' }]);
    expect(data.next_meeting).toEqual({ date: '2021-11' });
    expect(data.contact).toEqual({ name: 'Roundtable Secretariat', email: 'secretariat@example.org' });
    // Nothing is left to scaffold.
    expect(text).not.toContain('# Still to fill in');
    expect(text).toContain(
      '\n## Work plan\n\nTODO: summary of the discussion.\n\n## Commissioning\n\nTODO: summary of the discussion.\n',
    );
  });

  it('refuses a proxy beside the member they stand in for', async () => {
    const cwd = followUpProject();
    const { prompts } = fakePrompts({
      number: DEFAULT,
      place: DEFAULT,
      attended: ['adg-communities', 'ed-communities'],
    });
    await expect(
      draft(cwd, { group: 'CPR', date: '2021-08-05', mode: 'hybrid' }, { tty: true }, prompts),
    ).rejects.toThrow(
      '`attended` refused ["adg-communities","ed-communities"]: Executive Director is a proxy for Assistant Director General, who attended; a proxy stands in for a member who could not',
    );
  });

  it('starts a new group from typed answers', async () => {
    const cwd = project({});
    const { prompts, asked } = fakePrompts({
      groupName: 'Housing Taskforce',
      groupShortName: 'HTF',
      date: DEFAULT,
      number: '1',
      mode: 'virtual',
      addAttendee: inTurn(true, false),
      attendeeName: 'Alex Chair',
      attendeeId: DEFAULT,
      attendeeKind: 'member',
      attendeeAttendance: DEFAULT,
      chair: ['alex-chair'],
      sections: '',
      addAgreement: false,
      addAction: false,
      nextMeetingDate: DEFAULT,
      contactName: DEFAULT,
    });
    const result = await draft(cwd, {}, { tty: true }, prompts);
    expect(asked).toEqual([
      'groupName',
      'groupShortName',
      'date',
      'number',
      'mode',
      'addAttendee',
      'attendeeName',
      'attendeeId',
      'attendeeKind',
      'attendeeAttendance',
      'addAttendee',
      'chair',
      'sections',
      'addAgreement',
      'addAction',
      'nextMeetingDate',
      'contactName',
    ]);
    expect(result).toEqual({ code: 0, stdout: 'communiques/2021-08-04-htf.md\n', stderr: '' });
    expect(readFileSync(join(cwd, 'communiques/2021-08-04-htf.md'), 'utf8')).toBe(`---
schema_version: 1
id: htf-2021-08-04
title: Housing Taskforce Communiqué
status: draft
lang: en-AU
meeting:
  group:
    name: Housing Taskforce
    short_name: HTF
  number: 1
  date: 2021-08-04
  mode: virtual
  chair: alex-chair
attendees:
  - id: alex-chair
    name: Alex Chair
    kind: member
    attendance: present
# Still to fill in: remove the # from the lines you use.
# agreements:
#   - id: AGR-1
#     verb: agreed  # or endorsed, noted, approved, adopted, …
#     text: "TODO: what was agreed, in words that follow the verb"
# actions:
#   - id: ACT-1
#     text: "TODO: what is to be done."
#     owner: alex-chair  # an attendee's id or an organisation
#     due: YYYY-MM-DD  # or a phrase such as "next meeting"
#     status: open
# next_meeting:
#   date: YYYY-MM-DD  # or YYYY-MM
# contact:
#   name: The Secretariat
#   email: secretariat@example.org
---

TODO: an opening paragraph on the meeting: who met, and what it was for.
`);
    expectValidDraft(readFileSync(join(cwd, 'communiques/2021-08-04-htf.md'), 'utf8'));
  });

  it('opens the new draft in the editor with --open, and only on a terminal', async () => {
    const cwd = project({});
    const piped = await draft(cwd, { group: 'CPR', mode: 'virtual', open: true });
    expect(piped).toEqual({ code: 0, stdout: 'communiques/2021-08-04-cpr.md\n', stderr: '' });

    const opened = await draft(
      cwd,
      { group: 'CPR', mode: 'virtual', date: '2021-08-05', yes: true, open: true },
      { tty: true },
    );
    expect(opened).toEqual({
      code: 0,
      stdout: 'communiques/2021-08-05-cpr.md\n',
      // The first draft is the group's latest communiqué now: named, with a warning, though it has nothing to carry.
      stderr:
        'communique: carried forward from communiques/2021-08-04-cpr.md: nothing: it lists no standing attendees and no unfinished actions\n' +
        'communique: communiques/2021-08-04-cpr.md is a draft, not yet approved\n' +
        '  hint: Check the carried members and actions again once that communiqué is approved.\n',
      opened: [join(cwd, 'communiques/2021-08-05-cpr.md')],
    });
  });

  it('fails the test on a question nobody expected', async () => {
    const cwd = project({});
    const { prompts } = fakePrompts({ groupName: 'Housing Taskforce' });
    await expect(draft(cwd, {}, { tty: true }, prompts)).rejects.toThrow('unexpected prompt `groupShortName`');
  });

  it('leaves nothing behind when cancelled with Ctrl-C, and exits 130', async () => {
    const cwd = followUpProject();
    const before = files(cwd);
    const { prompts } = fakePrompts({
      group: 0,
      date: DEFAULT,
      number: DEFAULT,
      mode: DEFAULT,
      place: DEFAULT,
      attended: new ExitPromptError('User force closed the prompt with SIGINT'),
    });
    const result = await draft(cwd, {}, { tty: true }, prompts);
    expect(result).toEqual({ code: 130, stdout: '', stderr: '\ncommunique: cancelled; nothing was written\n' });
    expect(files(cwd)).toEqual(before);
  });
});
