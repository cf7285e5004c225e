import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/core/check/check.js';

/**
 * What the body of a communiqué is checked against: the meeting's date, mode and place.
 * Only sentences about a meeting count, so the cases are about where a sentence begins
 * and ends as much as about the dates in it.
 */
const FRONT = [
  '---', // 1
  'schema_version: 1', // 2
  'title: Valley Trails Committee Communiqué', // 3
  'status: draft', // 4
  'meeting:', // 5
  '  group:', // 6
  '    name: Valley Trails Committee', // 7
  '  date: 2022-08-17', // 8
  '  mode: in-person', // 9
  '  place: Old Mill Hall, Brantwood', // 10
  'actions:', // 11
  '  - id: T-1', // 12
  '    text: Repair the footbridge.', // 13
  '    owner: Valley Trails Committee', // 14
  '    due: 2022-10-01', // 15
  '    status: open', // 16
  '---', // 17
  '', // 18
].join('\n');

/** The body starts on line 19. */
function said(body: string, front = FRONT): string[] {
  return checkText(`${front}\n${body}\n`).messages.map(
    (m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId}: ${m.message} | ${m.hint ?? ''}`,
  );
}

function withFront(from: string, to: string): string {
  expect(FRONT).toContain(from);
  return FRONT.replace(from, to);
}

const WRONG_DAY =
  '19:33-19:47 body/date-mismatch: The body gives 19 August 2022 in a sentence about the meeting, which was on 17 August 2022 | ' +
  'Correct the date in the body, or `meeting.date` (2022-08-17).';

describe('dates in sentences about the meeting', () => {
  it('reports another day in a sentence about the meeting', () => {
    expect(said('The Committee convened on Friday 19 August 2022.')).toEqual([
      '19:27-19:48 body/date-mismatch: The body gives Friday 19 August 2022 in a sentence about the meeting, which was on 17 August 2022 | ' +
        'Correct the date in the body, or `meeting.date` (2022-08-17).',
    ]);
    expect(said('Members of the Committee met on 19 August 2022.')).toEqual([WRONG_DAY]);
  });

  it('leaves a date in a sentence that is not about the meeting', () => {
    expect(said('On 19 August 2022 the bridge was closed. The Committee met on 17 August 2022.')).toEqual([]);
    expect(said('Has the Committee met? On 19 August 2022 it had.')).toEqual([]);
    expect(said('The Committee met!\nOn 19 August 2022 it rained.')).toEqual([]);
    expect(said('The Committee met\n\non 19 August 2022.')).toEqual([]);
    expect(said('The Committee met\r\n\r\non 19 August 2022.')).toEqual([]);
  });

  it('reads a sentence over single line breaks', () => {
    expect(said('Members of the Committee\nmet on 19 August 2022.')).toEqual([
      '20:8-20:22 body/date-mismatch: The body gives 19 August 2022 in a sentence about the meeting, which was on 17 August 2022 | ' +
        'Correct the date in the body, or `meeting.date` (2022-08-17).',
    ]);
  });

  it("looks back a paragraph's worth, not further", () => {
    const words = (count: number) => Array.from({ length: count }, () => 'walk').join(' ');
    expect(said(`The Committee met and ${words(100)} on 19 August 2022.`)).toHaveLength(1);
    expect(said(`The Committee met and ${words(130)} on 19 August 2022.`)).toEqual([]);
  });

  it("accepts the other dates the front matter gives, and dates beside the meeting's own", () => {
    expect(said('The Committee met on 1 October 2022 to set a due date.')).toEqual([]);
    expect(said('The Committee met on 17 August 2022 and on 19 August 2022.')).toEqual([]);
    const published = withFront('status: draft', 'status: draft\npublished: 2022-08-19');
    expect(said('The Committee met on 19 August 2022.', published)).toEqual([]);
    const approved = withFront('status: draft', 'status: draft\napproval:\n  by: The chair\n  date: 2022-08-19');
    expect(said('The Committee met on 19 August 2022.', approved)).toEqual([]);
  });

  it('gives the range of a meeting over several days', () => {
    const long = withFront('  date: 2022-08-17', '  start: 2022-08-16\n  end: 2022-08-17');
    expect(said('The Committee met on 16 and 17 August 2022.', long)).toEqual([]);
    expect(said('The Committee met on 15 August 2022.', long)).toEqual([
      '20:22-20:36 body/date-mismatch: The body gives 15 August 2022 in a sentence about the meeting, which was on 16 August 2022 to 17 August 2022 | ' +
        'Correct the date in the body, or `meeting.start` and `meeting.end`.',
    ]);
  });

  it('holds the next meeting to `next_meeting.date`, a day or a month', () => {
    const next = (date: string) =>
      withFront('---\n', '---\n').replace(/---\n$/, `next_meeting:\n  date: ${date}\n---\n`);
    expect(said('The next meeting will be on 2 November 2022.', next('2022-11'))).toEqual([]);
    expect(said('The Committee will next meet on 2 November 2022.', next('2022-11-02'))).toEqual([]);
    expect(said('The next meeting will be on 9 November 2022.', next('2022-11-02'))).toEqual([
      '21:29-21:44 body/date-mismatch: The body gives the next meeting as 9 November 2022, but `next_meeting.date` is 2022-11-02 | ' +
        'Correct the date in the body or in `meeting`.',
    ]);
    expect(said('The next meeting will be on 9 December 2022.', next('2022-11'))).toHaveLength(1);
    expect(said('The next meeting will be on 9 November 2022.')).toEqual([]);
    // The next meeting's day is not a wrong day for this one either.
    expect(said('The Committee meets again on 2 November 2022.', next('2022-11-02'))).toEqual([]);
  });

  it('counts positions after CRLF line breaks as an editor does', () => {
    const crlf = `${FRONT}\nMembers of the Committee met on 19 August 2022.\n`.replace(/\n/g, '\r\n');
    expect(checkText(crlf).messages.map((m) => [m.line, m.column, m.endLine, m.endColumn])).toEqual([[19, 33, 19, 47]]);
  });
});

describe('the mode and place of the meeting', () => {
  it('reports each way of saying a meeting was online when it was in person', () => {
    expect(said('The Committee held an online meeting, met by video conference and met via videoconference.')).toEqual([
      '19:23-19:37 body/mode-mismatch: The body says "online meeting", but `meeting.mode` is `in-person` | Correct the body or `meeting.mode`.',
      '19:39-19:62 body/mode-mismatch: The body says "met by video conference", but `meeting.mode` is `in-person` | Correct the body or `meeting.mode`.',
      '19:67-19:90 body/mode-mismatch: The body says "met via videoconference", but `meeting.mode` is `in-person` | Correct the body or `meeting.mode`.',
    ]);
  });

  it('accepts any significant word of the place, and names the place that differs', () => {
    expect(said('The Committee met at the Old Mill.')).toEqual([]);
    expect(said('The Committee met in Brantwood.')).toEqual([]);
    expect(said('The Committee met at The Granary.')).toEqual([
      '19:15-19:33 body/place-mismatch: The body says "met at The Granary", but `meeting.place` is `Old Mill Hall, Brantwood` | Correct the body or `meeting.place`.',
    ]);
    expect(said('The Committee met in Carrow, then walked.')).toEqual([
      '19:15-19:28 body/place-mismatch: The body says "met in Carrow", but `meeting.place` is `Old Mill Hall, Brantwood` | Correct the body or `meeting.place`.',
    ]);
  });

  it('does not take a month or "person" for a place', () => {
    expect(said('The Committee met in August and met in person.')).toEqual([]);
  });

  it('reports a place named for a virtual meeting, and accepts both ways for a hybrid one', () => {
    const virtual = withFront('  mode: in-person\n  place: Old Mill Hall, Brantwood', '  mode: virtual');
    expect(said('The Committee met in Brantwood, face-to-face.', virtual)).toEqual([
      '18:15-18:31 body/mode-mismatch: The body says "met in Brantwood", but `meeting.mode` is `virtual` | Correct the body or `meeting.mode`.',
    ]);
    expect(said('The Committee met face to face and held an in-person meeting.', virtual)).toEqual([
      '18:15-18:31 body/mode-mismatch: The body says "met face to face", but `meeting.mode` is `virtual` | Correct the body or `meeting.mode`.',
      '18:44-18:61 body/mode-mismatch: The body says "in-person meeting", but `meeting.mode` is `virtual` | Correct the body or `meeting.mode`.',
    ]);
    const hybrid = withFront('  mode: in-person', '  mode: hybrid');
    expect(said('The Committee met virtually and met in person in Brantwood.', hybrid)).toEqual([]);
  });
});
