import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/core/check/check.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/**
 * Schema errors in plain words: what is wrong, said of the field as a person names it,
 * with the advice the schema gives for that field, at the key or value to change.
 */
const DRAFT = [
  '---', // 1
  'schema_version: 1', // 2
  'id: rbc-2023-09-12', // 3
  'title: River Basin Council Communiqué', // 4
  'status: draft', // 5
  'meeting:', // 6
  '  group:', // 7
  '    name: River Basin Council', // 8
  '    short_name: RBC', // 9
  '  date: 2023-09-12', // 10
  '  mode: hybrid', // 11
  '  place: Kellerton Library', // 12
  '  chair: mia-okafor', // 13
  'attendees:', // 14
  '  - id: mia-okafor', // 15
  '    name: Mia Okafor', // 16
  '  - id: raj-patel', // 17
  '    name: Raj Patel', // 18
  '    attendance: remote', // 19
  'actions:', // 20
  '  - id: ACT-1', // 21
  '    text: Survey the weirs.', // 22
  '    owner: raj-patel', // 23
  '    due: 2023-12-01', // 24
  '    status: open', // 25
  '---', // 26
  '', // 27
  'The council met in Kellerton on 12 September 2023.', // 28
  '',
].join('\n');

function edit(from: string, to: string, text = DRAFT): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

function messages(text: string): Diagnostic[] {
  return checkText(text).messages;
}

function said(text: string): string[] {
  return messages(text).map(
    (m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId}: ${m.message} | ${m.hint ?? ''}`,
  );
}

/** The file as `--fix` would leave it. */
function fixed(text: string, m: Diagnostic): string {
  expect(m.fix).toBeDefined();
  return text.slice(0, m.fix!.start) + m.fix!.text + text.slice(m.fix!.end);
}

const NAME_HINT = "The person's name without honorific or post-nominals, e.g. `Ray Griggs`.";
const STATUS_HINT =
  'Where the document is in its lifecycle: `draft`, then `review`, then `approved`, then `published`.';

describe('the draft the cases are made from', () => {
  it('is valid', () => {
    expect(said(DRAFT)).toEqual([]);
  });
});

describe('the schema version', () => {
  it('tells the number 1 from the text "1"', () => {
    expect(said(edit('schema_version: 1', 'schema_version: "1"'))).toEqual([
      '2:17-2:20 schema/enum: `schema_version` must be the whole number 1, not the text "1" | Write it without quotes: `schema_version: 1`.',
    ]);
    expect(said(edit('schema_version: 1', 'schema_version: 2'))[0]).toMatch(
      /^2:17-2:18 schema\/enum: `schema_version` is `2`; it must be `1` \| /,
    );
  });
});

describe('fields the format does not have', () => {
  it('suggests the field meant, and offers to rename it when it is the one close match', () => {
    const text = edit('    short_name: RBC', '    short_nme: RBC');
    const [m] = messages(text);
    expect(said(text)).toEqual([
      '9:5-9:14 schema/unknown-field: `short_nme` is not a field of `meeting.group` | Did you mean `short_name`?',
    ]);
    expect(fixed(text, m!).split('\n')[8]).toBe('    short_name: RBC');
  });

  it('suggests but does not rename to a field that is already there', () => {
    const text = edit('title:', 'titel: Draft\ntitle:');
    expect(said(text)).toEqual([
      '4:1-4:6 schema/unknown-field: `titel` is not a field of the front matter | Did you mean `title`?',
    ]);
    expect(messages(text)[0]!.fix).toBeUndefined();
  });

  it('names an attendee by id, and lists the allowed fields when none is close', () => {
    expect(said(edit('    name: Mia Okafor', '    name: Mia Okafor\n    orgnisation: Kellerton Shire'))).toEqual([
      '17:5-17:16 schema/unknown-field: `orgnisation` is not a field of attendee `mia-okafor` | Did you mean `organisation`?',
    ]);
    expect(said(edit('title:', 'qqqqqq: 1\ntitle:'))).toEqual([
      expect.stringMatching(
        /^4:1-4:7 schema\/unknown-field: `qqqqqq` is not a field of the front matter \| The fields allowed here are: `schema_version`, `id`, `title`, .*, `internal_notes`\.$/,
      ),
    ]);
    // `$schema` is allowed, for editors, but not suggested.
    expect(said(edit('title:', 'qqqqqq: 1\ntitle:'))[0]).not.toContain('`$schema`');
  });
});

describe('missing fields', () => {
  it('says what the field is for, at the key of what lacks it', () => {
    expect(said(edit('title: River Basin Council Communiqué\n', ''))).toEqual([
      "1:1-1:4 schema/required: The front matter has no `title` | Add `title`: the communiqué's title as it will be published, e.g. `National Leadership Group Communiqué`.",
    ]);
    expect(said(edit('    name: Mia Okafor\n', ''))).toEqual([
      `15:5-15:19 schema/required: Attendee \`mia-okafor\` has no \`name\` | Add \`name\`: ${NAME_HINT.charAt(0).toLowerCase()}${NAME_HINT.slice(1)}`,
    ]);
    expect(said(edit('  group:\n    name: River Basin Council\n    short_name: RBC\n', ''))).toEqual([
      '6:1-6:8 schema/required: `meeting` has no `group` | Add `group`: the group that met and issues the communiqué.',
    ]);
  });

  it('names a list item without an id by its number, and keeps the capital of a description that needs it', () => {
    expect(said(edit('  - id: ACT-1\n    text:', '  - text:'))).toEqual([
      '21:5-21:28 schema/required: Action 1 has no `id` | Add `id`: A stable identifier for this action, unique in the communiqué, e.g. `ACT-1`.',
    ]);
    expect(said(edit('  - id: ACT-1\n', '  - id: ""\n'))).toEqual([
      '21:9-21:11 schema/pattern: `id` of action 1 is ``, which is not in the expected form | Use letters, digits, dots, underscores and hyphens, e.g. `ACT-1`.',
    ]);
  });

  it('asks for fields a condition requires, without a description to give', () => {
    expect(said(edit('  place: Kellerton Library\n', ''))).toEqual([
      '6:1-6:8 schema/required: `meeting` has no `place` | Add `place`.',
    ]);
    expect(said(edit('    attendance: remote', '    kind: proxy'))).toEqual([
      '17:5-17:18 schema/required: Attendee `raj-patel` has no `proxy_for` | Add `proxy_for`.',
    ]);
  });
});

describe('values of the wrong type', () => {
  it('names both types in words, and shows a plain value', () => {
    const name = (value: string) => said(edit('    name: Raj Patel', `    name: ${value}`))[0];
    expect(name('12.5')).toBe(
      `18:11-18:15 schema/type: \`name\` of attendee \`raj-patel\` should be text, not a number (\`12.5\`) | ${NAME_HINT}`,
    );
    expect(name('12')).toBe(
      `18:11-18:13 schema/type: \`name\` of attendee \`raj-patel\` should be text, not a whole number (\`12\`) | ${NAME_HINT}`,
    );
    expect(name('true')).toBe(
      `18:11-18:15 schema/type: \`name\` of attendee \`raj-patel\` should be text, not true or false (\`true\`) | ${NAME_HINT}`,
    );
    expect(name('[a]')).toBe(
      `18:11-18:14 schema/type: \`name\` of attendee \`raj-patel\` should be text, not a list | ${NAME_HINT}`,
    );
    expect(name('{a: 1}')).toBe(
      `18:11-18:17 schema/type: \`name\` of attendee \`raj-patel\` should be text, not a set of fields | ${NAME_HINT}`,
    );
    expect(name('')).toBe(
      `18:5-18:9 schema/type: \`name\` of attendee \`raj-patel\` should be text, not empty | ${NAME_HINT}`,
    );
  });

  it('joins the types a field allows with "or"', () => {
    expect(said(edit('  chair: mia-okafor', '  chair: 5'))).toEqual([
      '13:10-13:11 schema/type: `meeting.chair` should be text or a list, not a whole number (`5`) | The id of the attendee who chaired the meeting, or a list of ids for co-chairs.',
    ]);
    expect(said(edit('  mode: hybrid', '  mode: hybrid\n  number: 2.5'))).toEqual([
      "12:11-12:14 schema/type: `meeting.number` should be a whole number, not a number (`2.5`) | The meeting's number in the group's series, e.g. `3` for the third meeting.",
    ]);
  });

  it('names an item of a list by its place', () => {
    expect(said(edit('  chair: mia-okafor', '  chair:\n    - mia-okafor\n    - 7'))).toEqual([
      '15:7-15:8 schema/type: `meeting.chair[2]` should be text, not a whole number (`7`) | Change the value to the expected type.',
    ]);
  });
});

describe('values not among those allowed', () => {
  it('suggests the value meant, or says what the field holds', () => {
    expect(said(edit('status: draft', 'status: drafted'))).toEqual([
      '5:9-5:16 schema/enum: `status` is `drafted`, which is not one of: draft, review, approved, published | Did you mean `draft`?',
    ]);
    expect(said(edit('status: draft', 'status: xyz'))).toEqual([
      `5:9-5:12 schema/enum: \`status\` is \`xyz\`, which is not one of: draft, review, approved, published | ${STATUS_HINT}`,
    ]);
    expect(said(edit('status: draft', 'status: 7'))).toEqual([
      `5:9-5:10 schema/enum: \`status\` is \`7\`, which is not one of: draft, review, approved, published | ${STATUS_HINT}`,
    ]);
    expect(said(edit('    attendance: remote', '    attendance: remotely'))).toEqual([
      '19:17-19:25 schema/enum: `attendance` of attendee `raj-patel` is `remotely`, which is not one of: present, remote, partial, apology, absent | Did you mean `remote`?',
    ]);
  });

  it('shortens a long value, and keeps backticks and line breaks out of the quote', () => {
    expect(said(edit('status: draft', `status: "${'a'.repeat(70)}"`))[0]).toBe(
      `5:9-5:81 schema/enum: \`status\` is \`${'a'.repeat(57)}…\`, which is not one of: draft, review, approved, published | ${STATUS_HINT}`,
    );
    expect(said(edit('status: draft', `status: "${'b'.repeat(60)}"`))[0]).toContain(`is \`${'b'.repeat(60)}\`,`);
    expect(said(edit('status: draft', 'status: "a`b\\n\\r\\nc"'))[0]).toContain("is `a'b c`, which");
  });
});

describe('dates, formats and patterns', () => {
  const DATE_HINT = 'Write the date as YYYY-MM-DD, e.g. 2021-11-16, and check the day exists in that month.';

  it('tells a day that does not exist from a date written another way, and offers to rewrite a certain one', () => {
    expect(said(edit('  date: 2023-09-12', '  date: 2023-02-30'))).toEqual([
      `10:9-10:19 schema/date: \`meeting.date\` is \`2023-02-30\`, which is not a real calendar date | ${DATE_HINT}`,
    ]);
    const prose = edit('  date: 2023-09-12', '  date: 12 September 2023');
    expect(said(prose)[0]).toBe(
      '10:9-10:26 schema/date: `meeting.date` is `12 September 2023`, which is not a date in YYYY-MM-DD form | Write it as 2023-09-12.',
    );
    expect(fixed(prose, messages(prose)[0]!).split('\n')[9]).toBe('  date: 2023-09-12');
    const ambiguous = edit('  date: 2023-09-12', '  date: 09/12/2023');
    expect(said(ambiguous)[0]).toBe(
      `10:9-10:19 schema/date: \`meeting.date\` is \`09/12/2023\`, which is not a date in YYYY-MM-DD form | ${DATE_HINT}`,
    );
    expect(messages(ambiguous)[0]!.fix).toBeUndefined();
  });

  it('names the format a value is not', () => {
    const contact = edit('meeting:', 'contact:\n  email: not-an-email\n  phone: 12\nmeeting:');
    expect(said(contact)).toEqual([
      '7:10-7:22 schema/format: `contact.email` is `not-an-email`, which is not an email address | An email address, e.g. `secretariat@example.gov.au`.',
      '8:10-8:12 schema/type: `contact.phone` should be text, not a whole number (`12`) | A phone number, written as it should be published.',
    ]);
  });

  it('gives the advice the schema has for a pattern, capitalised', () => {
    expect(said(edit('id: rbc-2023-09-12', 'id: RBC 2023'))).toEqual([
      '3:5-3:13 schema/pattern: `id` is `RBC 2023`, which is not in the expected form | Use lowercase letters, digits and single hyphens, e.g. `nlg-2021-11-16`.',
    ]);
    const time = edit('  mode: hybrid', '  mode: hybrid\n  time:\n    start: "9am"\n    zone: Perth');
    expect(said(time)).toEqual([
      '13:12-13:17 schema/pattern: `meeting.time.start` is `9am`, which is not in the expected form | Write the time as 24-hour HH:MM in quotes, e.g. "10:00".',
      '14:11-14:16 schema/pattern: `meeting.time.zone` is `Perth`, which is not in the expected form | Use an IANA time zone name such as `Australia/Sydney`, or `UTC`.',
    ]);
  });

  it('checks a next meeting given as a day or as a month', () => {
    const next = (date: string) => said(edit('---\n\nThe', `next_meeting:\n  date: ${date}\n---\n\nThe`));
    expect(next('2023-13')).toEqual([
      '27:9-27:16 schema/pattern: `next_meeting.date` is `2023-13`, which is not in the expected form | Write the date as YYYY-MM-DD, or YYYY-MM when only the month is known.',
    ]);
    expect(next('2023-02-30')).toEqual([
      `27:9-27:19 schema/date: \`next_meeting.date\` is \`2023-02-30\`, which is not a real calendar date | ${DATE_HINT}`,
    ]);
  });
});

describe('sizes and counts', () => {
  it('reports empty text, lists and sets of fields, and numbers too small', () => {
    expect(said(edit('title: River Basin Council Communiqué', 'title: ""'))).toEqual([
      "4:8-4:10 schema/range: `title` is empty | The communiqué's title as it will be published, e.g. `National Leadership Group Communiqué`.",
    ]);
    expect(said(edit('  chair: mia-okafor', '  chair: []'))).toEqual([
      '13:10-13:12 schema/range: `meeting.chair` is an empty list | The id of the attendee who chaired the meeting, or a list of ids for co-chairs.',
    ]);
    expect(said(edit('meeting:', 'contact: {}\nmeeting:'))).toEqual([
      '6:10-6:12 schema/range: `contact` has no fields | Who to contact about the communiqué.',
    ]);
    expect(said(edit('  mode: hybrid', '  mode: hybrid\n  number: 0'))).toEqual([
      "12:11-12:12 schema/range: `meeting.number` is `0`; it must be at least 1 | The meeting's number in the group's series, e.g. `3` for the third meeting.",
    ]);
  });

  it('points at the later copy of an entry listed twice', () => {
    expect(said(edit('  chair: mia-okafor', '  chair: [mia-okafor, raj-patel, mia-okafor]'))).toEqual([
      '13:34-13:44 schema/range: `meeting.chair` lists `mia-okafor` more than once | List each entry once.',
    ]);
  });
});

describe('combinations of fields', () => {
  it("says in the schema's words what the meeting needs, at its key", () => {
    expect(said(edit('  date: 2023-09-12\n', ''))).toEqual([
      '6:1-6:8 schema/combination: The meeting needs a `date`, or a `start` and an `end` date for a meeting over several days | Correct the combination of fields.',
    ]);
    expect(said(edit('  date: 2023-09-12', '  date: 2023-09-12\n  start: 2023-09-12\n  end: 2023-09-13'))).toEqual([
      '6:1-6:8 schema/combination: Give the meeting either a `date` or `start` and `end` dates, not both | Correct the combination of fields.',
    ]);
  });
});

describe('agreement verbs', () => {
  const agreement = edit('actions:', 'agreements:\n  - id: AGR-1\n    verb: ratified\n    text: The plan.\nactions:');

  it('accepts a verb the project added, and only then', () => {
    expect(said(agreement)).toEqual([
      expect.stringMatching(
        /^22:11-22:19 schema\/enum: `verb` of agreement `AGR-1` is `ratified`, which is not one of: agreed, /,
      ),
    ]);
    expect(checkText(agreement, { verbs: ['ratified'] }).messages).toEqual([]);
    expect(checkText(agreement, { verbs: ['ratify'] }).messages).toHaveLength(1);
  });
});
