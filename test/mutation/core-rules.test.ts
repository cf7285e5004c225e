import { describe, expect, it } from 'vitest';
import { type CheckOptions, checkText } from '../../src/core/check/check.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/**
 * The communiqué rules as a secretariat officer meets them: message, hint and place, for
 * one fictional forum's draft and small changes to it. Line numbers are the draft's.
 */
const DRAFT = [
  '---', // 1
  'schema_version: 1', // 2
  'id: cwf-2024-03-05', // 3
  'title: Coastal Waters Forum Communiqué', // 4
  'status: draft', // 5
  'meeting:', // 6
  '  group:', // 7
  '    name: Coastal Waters Forum', // 8
  '    short_name: CWF', // 9
  '  date: 2024-03-05', // 10
  '  mode: in-person', // 11
  '  place: Port Alma Town Hall', // 12
  '  chair: ana-lima', // 13
  'attendees:', // 14
  '  - id: ana-lima', // 15
  '    name: Ana Lima', // 16
  '    organisation: Port Alma Council', // 17
  '  - id: tom-reyes', // 18
  '    name: Tom Reyes', // 19
  '    organisation: Reef Trust', // 20
  '    attendance: remote', // 21
  'actions:', // 22
  '  - id: ACT-1', // 23
  '    text: Map the seagrass beds.', // 24
  '    owner: tom-reyes', // 25
  '    due: 2024-06-30', // 26
  '    status: open', // 27
  '---', // 28
  '', // 29
  'The Coastal Waters Forum met in Port Alma on 5 March 2024.', // 30
  '', // 31
  '## Seagrass', // 32
  '', // 33
  'Members agreed to map the seagrass beds.', // 34
  '',
].join('\n');

/** The draft with one piece of text replaced (which must be there). */
function edit(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

function said(text: string, options: CheckOptions = {}): string[] {
  return checkText(text, options).messages.map(oneLine);
}

function oneLine(m: Diagnostic): string {
  return `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.severity}: ${m.message} | ${m.hint ?? ''}`;
}

describe('the draft the cases are made from', () => {
  it('has nothing wrong with it', () => {
    expect(said(DRAFT)).toEqual([]);
  });
});

describe('the lifecycle', () => {
  const APPROVAL = 'Add `approval:` with `by:` and `date:`, or set `status:` back to `review`.';

  it('asks an approved communiqué who approved it, and a published one also when', () => {
    expect(said(edit(DRAFT, 'status: draft', 'status: approved'))).toEqual([
      `5:9-5:17 lifecycle/approval-missing error: The communiqué is \`approved\` but does not record who approved it | ${APPROVAL}`,
    ]);
    expect(said(edit(DRAFT, 'status: draft', 'status: published'))).toEqual([
      `5:9-5:18 lifecycle/approval-missing error: The communiqué is \`published\` but does not record who approved it | ${APPROVAL}`,
      '5:9-5:18 lifecycle/publication-date-missing error: The communiqué is `published` but has no publication date | Add `published: YYYY-MM-DD`.',
    ]);
  });

  it('says when it is the stage asked for, not the status, that needs them', () => {
    expect(said(DRAFT, { stage: 'published' })).toEqual([
      `5:9-5:14 lifecycle/approval-missing error: The communiqué is checked at the \`published\` stage but does not record who approved it | ${APPROVAL}`,
      '5:9-5:14 lifecycle/publication-date-missing error: The communiqué is checked at the `published` stage but has no publication date | Add `published: YYYY-MM-DD`.',
    ]);
    expect(said(DRAFT, { stage: 'review' })).toEqual([]);
    // A status later than the stage asked for is the one checked.
    expect(said(edit(DRAFT, 'status: draft', 'status: approved'), { stage: 'review' })).toHaveLength(1);
  });

  it('points at the opening fence when there is no status to point at', () => {
    const noStatus = edit(DRAFT, 'status: draft\n', '');
    expect(said(noStatus, { stage: 'approved' }).filter((line) => line.includes('lifecycle/'))).toEqual([
      `1:1-1:4 lifecycle/approval-missing error: The communiqué is checked at the \`approved\` stage but does not record who approved it | ${APPROVAL}`,
    ]);
  });

  it('wants approval on or after the meeting, and publication on or after approval', () => {
    const dated = edit(
      DRAFT,
      'status: draft',
      'status: published\npublished: 2024-03-01\napproval:\n  by: The chair\n  date: 2024-03-02',
    );
    expect(said(dated)).toEqual([
      '6:12-6:22 lifecycle/date-order error: The communiqué is recorded as published on 2024-03-01, before it was approved (2024-03-02) | ' +
        'Correct `published` or `approval.date`: a communiqué is published once it is approved.',
      '9:9-9:19 lifecycle/date-order error: The communiqué is recorded as approved on 2024-03-02, before the meeting (2024-03-05) | ' +
        'Correct `approval.date`: a communiqué is approved after the meeting it reports.',
    ]);
    const sameDays = edit(
      DRAFT,
      'status: draft',
      'status: published\npublished: 2024-03-05\napproval:\n  by: The chair\n  date: 2024-03-05',
    );
    expect(said(sameDays)).toEqual([]);
  });

  it('finds placeholders and Word leftovers, as warnings in a draft and errors once approved', () => {
    const body = edit(
      DRAFT,
      'Members agreed',
      'TODO: Members Error! Bookmark not defined. agreed [insert date] XXX [bookmark: _Ref1] { HYPERLINK "x" } \\* MERGEFORMAT',
    );
    const ART = 'Delete the artefact; it is left over from converting a Word document.';
    const HOLD = 'Replace the placeholder with the final text before approval.';
    expect(said(body)).toEqual([
      `34:1-34:5 lifecycle/placeholder warning: \`TODO\` is a placeholder | ${HOLD}`,
      `34:15-34:43 lifecycle/word-artefact warning: \`Error! Bookmark not defined.\` is a broken cross-reference left over from a Word document | ${ART}`,
      `34:51-34:64 lifecycle/placeholder warning: \`[insert date]\` is a placeholder | ${HOLD}`,
      `34:65-34:68 lifecycle/placeholder warning: \`XXX\` is a placeholder | ${HOLD}`,
      `34:69-34:86 lifecycle/word-artefact warning: \`[bookmark: _Ref1]\` is a bookmark left over from a Word document | ${ART}`,
      `34:87-34:104 lifecycle/word-artefact warning: \`{ HYPERLINK "x" }\` is a field code left over from a Word document | ${ART}`,
      `34:105-34:119 lifecycle/word-artefact warning: \`\\* MERGEFORMAT\` is a field code left over from a Word document | ${ART}`,
    ]);
    expect(said(body, { stage: 'approved' }).filter((line) => line.includes('placeholder'))[0]).toContain(
      'lifecycle/placeholder error',
    );
  });

  it('finds a placeholder in a front matter value, at its place in the value', () => {
    expect(said(edit(DRAFT, 'text: Map the seagrass beds.', 'text: "Map the beds by TBC"'))).toEqual([
      '24:28-24:31 lifecycle/placeholder warning: `TBC` is a placeholder | Replace the placeholder with the final text before approval.',
    ]);
  });

  it('leaves words that only look like placeholders alone', () => {
    expect(said(edit(DRAFT, 'Members agreed', 'Members (a todo list, tbc and Xavier) agreed'))).toEqual([]);
  });
});

describe('the chair', () => {
  it('names the attendees when the chair is not one of them', () => {
    expect(said(edit(DRAFT, 'chair: ana-lima', 'chair: ana-lina'))).toEqual([
      '13:10-13:18 meeting/chair-unknown error: The chair `ana-lina` is not among the attendees | ' +
        'Use the id of an attendee (`ana-lima`, `tom-reyes`), or add `ana-lina` to `attendees`.',
    ]);
    expect(said(edit(DRAFT, 'chair: ana-lima', 'chair: [ana-lima, bob]'))).toEqual([
      '13:21-13:24 meeting/chair-unknown error: The chair `bob` is not among the attendees | ' +
        'Use the id of an attendee (`ana-lima`, `tom-reyes`), or add `bob` to `attendees`.',
    ]);
  });

  it('asks for the chair to be added when nobody is listed', () => {
    const nobody = DRAFT.replace(/attendees:\n(?: {2}- id: .*\n(?: {4}.*\n)*)+/, '').replace(
      'owner: tom-reyes',
      'owner: CWF',
    );
    expect(said(nobody)).toEqual([
      '13:10-13:18 meeting/chair-unknown error: The chair `ana-lima` is not among the attendees | Add `ana-lima` to `attendees`.',
    ]);
  });

  it('reports a chair who sent an apology, by id and name', () => {
    const absent = edit(
      edit(DRAFT, 'attendance: remote', 'attendance: apology'),
      'chair: ana-lima',
      'chair: tom-reyes',
    );
    expect(said(absent)).toEqual([
      "13:10-13:19 meeting/chair-absent error: The chair `tom-reyes` (Tom Reyes) is recorded as `apology` | Correct the chair's attendance, or name who chaired the meeting in their place.",
    ]);
  });

  it('asks an approved communiqué to name its chair, or say why not', () => {
    const approved = edit(
      edit(DRAFT, 'status: draft', 'status: approved\napproval:\n  by: The forum\n  date: 2024-03-06'),
      '  chair: ana-lima\n',
      '',
    );
    expect(said(approved)).toEqual([
      '9:1-9:8 meeting/chair-missing error: The meeting names no chair, and the communiqué is checked at the `approved` stage | ' +
        'Set `meeting.chair` to the chair’s attendee id, or say in `meeting.chair_note` why no chair can be named.',
    ]);
    expect(said(edit(approved, '  mode: in-person', '  mode: in-person\n  chair_note: The chair rotates.'))).toEqual(
      [],
    );
    expect(said(edit(DRAFT, '  chair: ana-lima\n', ''))).toEqual([]);
  });
});

describe('meeting dates', () => {
  it('reports a meeting that ends before it starts', () => {
    const backwards = edit(DRAFT, '  date: 2024-03-05', '  start: 2024-03-06\n  end: 2024-03-05');
    expect(said(backwards)[0]).toBe(
      '11:8-11:18 meeting/date-order error: The meeting ends on 2024-03-05, before it starts on 2024-03-06 | Check `meeting.start` and `meeting.end`.',
    );
  });

  it('wants the next meeting after this one: a later day, or a month not before this one', () => {
    const next = (date: string) => edit(DRAFT, '---\n\nThe', `next_meeting:\n  date: ${date}\n---\n\nThe`);
    expect(said(next('2024-03-05'))).toEqual([
      '29:9-29:19 meeting/next-before-meeting error: The next meeting (2024-03-05) is not after this meeting (2024-03-05) | Check `next_meeting.date` and the meeting date.',
    ]);
    expect(said(next('2024-02'))).toEqual([
      '29:9-29:16 meeting/next-before-meeting error: The next meeting (2024-02) is not after this meeting (2024-03-05) | Check `next_meeting.date` and the meeting date.',
    ]);
    expect(said(next('2024-03-06'))).toEqual([]);
    expect(said(next('2024-03'))).toEqual([]);
  });

  it('takes the last day of a meeting over several days', () => {
    const long = edit(DRAFT, '  date: 2024-03-05', '  start: 2024-03-04\n  end: 2024-03-06');
    const withNext = edit(long, '---\n\nThe', 'next_meeting:\n  date: 2024-03-06\n---\n\nThe');
    expect(said(withNext).filter((line) => line.includes('meeting/'))).toEqual([
      '30:9-30:19 meeting/next-before-meeting error: The next meeting (2024-03-06) is not after this meeting (2024-03-06) | Check `next_meeting.date` and the meeting date.',
    ]);
  });
});

describe('actions', () => {
  it('suggests the attendee an unknown owner was likely meant to be', () => {
    expect(said(edit(DRAFT, 'owner: tom-reyes', 'owner: tom-reyse'))).toEqual([
      '25:12-25:21 action/owner-unknown warning: Action `ACT-1` is owned by `tom-reyse`, who is not among the attendees or known organisations | ' +
        'Did you mean the attendee `tom-reyes`?',
    ]);
  });

  it('points at each unknown owner in a list, and says where known organisations come from', () => {
    expect(
      said(edit(DRAFT, 'owner: tom-reyes', 'owner: [Harbour Board, CWF, "reef  trust", Coastal waters forum]')),
    ).toEqual([
      '25:13-25:26 action/owner-unknown warning: Action `ACT-1` is owned by `Harbour Board`, who is not among the attendees or known organisations | ' +
        "Use an attendee id or an attendee's organisation, or list the organisation under `organisations` in communique.config.json.",
    ]);
    expect(
      said(edit(DRAFT, 'owner: tom-reyes', 'owner: Harbour Board'), { organisations: ['harbour  BOARD'] }),
    ).toEqual([]);
  });

  it('names an action without an id by its place in the list', () => {
    const noId = edit(edit(DRAFT, '  - id: ACT-1\n    text:', '  - text:'), 'owner: tom-reyes', 'owner: nobody');
    expect(said(noId).filter((line) => line.includes('action/'))).toEqual([
      expect.stringContaining('action/owner-unknown warning: Action `1` is owned by `nobody`'),
    ]);
  });

  it('reports an open action due by the meeting, and calls a carried one overdue', () => {
    expect(said(edit(DRAFT, 'due: 2024-06-30', 'due: 2024-03-05'))).toEqual([
      '26:10-26:20 action/due-before-meeting error: Action `ACT-1` is due on 2024-03-05, the day of the meeting (2024-03-05) | ' +
        'Check the due date: actions are due after the meeting that set them.',
    ]);
    expect(
      said(edit(DRAFT, 'due: 2024-06-30', 'due: 2024-03-01\n    carried_from: { communique: cwf-2023-12-01 }')),
    ).toEqual([
      '26:10-26:20 action/due-before-meeting error: Action `ACT-1` is due on 2024-03-01, before the meeting (2024-03-05) | ' +
        'It is overdue: set a new due date, or mark it `done` or `dropped`.',
    ]);
    expect(said(edit(edit(DRAFT, 'due: 2024-06-30', 'due: 2024-03-01'), 'status: open', 'status: done'))).toEqual([]);
    expect(said(edit(DRAFT, 'due: 2024-06-30', 'due: 2024-03-06'))).toEqual([]);
  });

  it('offers to rewrite a due date that can only mean one day, and asks about one that could mean two', () => {
    const [certain] = checkText(edit(DRAFT, 'due: 2024-06-30', 'due: 30/06/2024')).messages;
    expect(oneLine(certain!)).toBe(
      '26:10-26:20 action/due-format warning: Action `ACT-1` is due on `30/06/2024`, a date not written as YYYY-MM-DD | ' +
        'Write it as 2024-06-30, so that it can be checked and reported when overdue.',
    );
    const text = edit(DRAFT, 'due: 2024-06-30', 'due: 30/06/2024');
    expect(certain!.fix).toEqual({
      start: text.indexOf('30/06/2024'),
      end: text.indexOf('30/06/2024') + 10,
      text: '2024-06-30',
    });
    expect(said(edit(DRAFT, 'due: 2024-06-30', 'due: 03/04/2024'))).toEqual([
      '26:10-26:20 action/due-format warning: Action `ACT-1` is due on `03/04/2024`, which could be 3 April 2024 or 4 March 2024 | ' +
        'Write the day you mean as YYYY-MM-DD: 2024-04-03 or 2024-03-04.',
    ]);
    expect(said(edit(DRAFT, 'due: 2024-06-30', 'due: next meeting'))).toEqual([]);
  });
});

describe('attendees', () => {
  it('reports an id used twice, with the line of the first', () => {
    expect(said(edit(DRAFT, '  - id: tom-reyes', '  - id: ana-lima'))[0]).toBe(
      '18:9-18:17 id/duplicate error: Attendee id `ana-lima` is already used on line 15 | Give each attendee, agreement and action its own id.',
    );
  });

  it('reports one person listed as both there and not there, whatever the case and spacing of the name', () => {
    const twice = edit(
      edit(DRAFT, '    name: Tom Reyes', '    name: ana  LIMA'),
      'attendance: remote',
      'attendance: apology',
    );
    expect(said(twice)).toEqual([
      '19:11-19:20 attendee/conflicting-attendance error: ana  LIMA is listed as `apology` here and as `present` on line 16 | ' +
        'List each person once, with the attendance that is true.',
    ]);
  });

  it('reports a proxy for someone not listed, or for someone who was there', () => {
    expect(said(edit(DRAFT, '    attendance: remote', '    kind: proxy\n    proxy_for: sam-ng'))).toEqual([
      '22:16-22:22 attendee/proxy-unknown error: Tom Reyes is a proxy for `sam-ng`, who is not among the attendees | ' +
        'Add the member the proxy stood in for to `attendees`, or correct `proxy_for`.',
    ]);
    expect(said(edit(DRAFT, '    attendance: remote', '    kind: proxy\n    proxy_for: ana-lima'))).toEqual([
      '22:16-22:24 attendee/conflicting-attendance error: Tom Reyes is a proxy for `ana-lima` (Ana Lima), who is recorded as `present` | ' +
        "A proxy stands in for a member who could not attend: record ana-lima's attendance as `apology`, or remove the proxy.",
    ]);
  });
});

describe('the body', () => {
  it('reports level-one headings and skipped levels, with the level to use', () => {
    expect(said(edit(DRAFT, '## Seagrass', '# Top\n\n#### Deep\n\n## Two\n\n#### Four'))).toEqual([
      "32:1-32:6 body/heading-level-one error: `Top` is a level-one heading; the title is the document's only one | " +
        'The title is the only level-one heading: start topic sections with `##`.',
      '34:1-34:10 body/heading-skip error: `Deep` is a level-4 heading directly under the title, which is level 1 | ' +
        'Make it a level-2 heading (`##`), so that the outline has no gaps.',
      '38:1-38:10 body/heading-skip error: `Four` is a level-4 heading under a level-2 one | ' +
        'Make it a level-3 heading (`###`), so that the outline has no gaps.',
    ]);
  });

  it("reports a meeting date in the body that is not the meeting's", () => {
    expect(said(edit(DRAFT, 'on 5 March 2024', 'on 6 March 2024'))).toEqual([
      '30:46-30:58 body/date-mismatch warning: The body gives 6 March 2024 in a sentence about the meeting, which was on 5 March 2024 | ' +
        'Correct the date in the body, or `meeting.date` (2024-03-05).',
    ]);
    const long = edit(
      edit(DRAFT, '  date: 2024-03-05', '  start: 2024-03-04\n  end: 2024-03-05'),
      'on 5 March 2024',
      'on 9 March 2024',
    );
    expect(said(long)).toEqual([
      '31:46-31:58 body/date-mismatch warning: The body gives 9 March 2024 in a sentence about the meeting, which was on 4 March 2024 to 5 March 2024 | ' +
        'Correct the date in the body, or `meeting.start` and `meeting.end`.',
    ]);
  });

  it('reports "met virtually" for an in-person meeting, "met in person" for a virtual one, and another place', () => {
    expect(said(edit(DRAFT, 'met in Port Alma', 'met virtually, then met in Sydney'))).toEqual([
      '30:26-30:39 body/mode-mismatch warning: The body says "met virtually", but `meeting.mode` is `in-person` | Correct the body or `meeting.mode`.',
      '30:46-30:59 body/place-mismatch warning: The body says "met in Sydney", but `meeting.place` is `Port Alma Town Hall` | Correct the body or `meeting.place`.',
    ]);
    const virtual = edit(DRAFT, '  mode: in-person\n  place: Port Alma Town Hall', '  mode: virtual');
    expect(said(edit(virtual, 'met in Port Alma', 'met in person, and met at Port Alma'))).toEqual([
      '29:26-29:39 body/mode-mismatch warning: The body says "met in person", but `meeting.mode` is `virtual` | Correct the body or `meeting.mode`.',
      '29:45-29:61 body/mode-mismatch warning: The body says "met at Port Alma", but `meeting.mode` is `virtual` | Correct the body or `meeting.mode`.',
    ]);
  });
});

describe('severities', () => {
  it('follows the configured severity of a rule, and drops a rule turned off', () => {
    const typo = edit(edit(DRAFT, 'owner: tom-reyes', 'owner: tom-reyse'), 'on 5 March 2024', 'on 6 March 2024');
    expect(
      said(typo, { severities: { 'action/owner-unknown': 'info', 'body/date-mismatch': 'off' } }).map(
        (line) => line.split(':')[0] + line.split(' ').slice(1, 3).join(' '),
      ),
    ).toEqual(['25action/owner-unknown info:']);
  });
});
