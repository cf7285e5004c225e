import { describe, expect, it } from 'vitest';
import {
  CAPITALISED_MONTHS,
  daysBetween,
  findDates,
  findMonths,
  formatDay,
  isoDate,
  meetingDays,
  monthNumber,
  realDate,
} from '../../src/core/dates.js';
import { asList, asRecord, asString } from '../../src/core/model.js';
import { closest, editDistance, normalise, slugify } from '../../src/core/text.js';
import {
  ATTENDEE_ID,
  attended,
  CLOSED_STATUSES,
  isMode,
  isStage,
  proxyConflicts,
  stageRank,
} from '../../src/core/vocabulary.js';
import { frontMatterYaml } from '../../src/core/write-front-matter.js';

describe('names compared as people would', () => {
  it('ignores case, curly apostrophes and spacing', () => {
    expect(normalise('  Dept. of  Coastal\tAffairs\n')).toBe('dept. of coastal affairs');
    expect(normalise('O’Neill Foundation')).toBe(normalise("o'neill  foundation"));
    expect(normalise('A’B’C')).toBe("a'b'c");
  });
});

describe('ids made from text', () => {
  it('keeps lower-case letters and digits, joined by single hyphens', () => {
    expect(slugify('Ōtākou Harbour — Working Group #3')).toBe('otakou-harbour-working-group-3');
    expect(slugify('  --Reef & Coast-- ')).toBe('reef-coast');
    expect(slugify('ﬁsh ＡＢＣ')).toBe('fish-abc');
    expect(slugify('!!!')).toBe('');
  });
});

describe('suggesting what someone meant', () => {
  it('counts the edits between two words', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    // Two letters swapped are one slip of the fingers.
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('recieve', 'receive')).toBe(1);
    expect(editDistance('abcd', 'badc')).toBe(2);
  });

  it('suggests the closest name, ignoring case, only when it is a likely typo', () => {
    expect(closest('statsu', ['stage', 'status', 'title'])).toBe('status');
    expect(closest('TITEL', ['title', 'lang'])).toBe('title');
    // Up to a third of the word may be wrong, and always one letter.
    expect(closest('ab', ['xb'])).toBe('xb');
    expect(closest('ab', ['xy'])).toBeUndefined();
    expect(closest('abcde', ['abxde'])).toBe('abxde');
    expect(closest('abcde', ['abxye'])).toBeUndefined();
    expect(closest('abcdef', ['abxyef'])).toBe('abxyef');
    expect(closest('abcdef', ['axyzef'])).toBeUndefined();
    expect(closest('anything', [])).toBeUndefined();
  });

  it('keeps the first of equally close names', () => {
    expect(closest('cat', ['bat', 'hat'])).toBe('bat');
    expect(closest('cat', ['hat', 'bat'])).toBe('hat');
  });
});

describe('dates', () => {
  it('makes YYYY-MM-DD only for days that exist', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2021, 1, 5)).toBe('2021-01-05');
    expect(isoDate(2023, 2, 29)).toBeUndefined();
    expect(isoDate(2023, 0, 10)).toBeUndefined();
    expect(isoDate(2023, 13, 1)).toBeUndefined();
    expect(isoDate(2023, 4, 0)).toBeUndefined();
    expect(isoDate(2023, 4, 31)).toBeUndefined();
    expect(isoDate(99, 1, 1)).toBeUndefined();
  });

  it('accepts only real days written as YYYY-MM-DD', () => {
    expect(realDate('2021-11-16')).toBe('2021-11-16');
    expect(realDate('2021-02-30')).toBeUndefined();
    expect(realDate('2021-1-16')).toBeUndefined();
    expect(realDate(' 2021-11-16')).toBeUndefined();
    expect(realDate('2021-11-16 ')).toBeUndefined();
    expect(realDate('x2021-11-16')).toBeUndefined();
    expect(realDate(20211116)).toBeUndefined();
    expect(realDate(undefined)).toBeUndefined();
  });

  it('lists every day of a range, both ends included, and at most a year of them', () => {
    expect(daysBetween('2024-02-27', '2024-03-01')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(daysBetween('2024-05-05', '2024-05-05')).toEqual(['2024-05-05']);
    expect(daysBetween('2024-05-05', '2024-05-04')).toEqual([]);
    const long = daysBetween('2020-01-01', '2030-01-01');
    expect(long).toHaveLength(366);
    expect(long.at(-1)).toBe('2020-12-31');
  });

  it('finds the days a meeting covered', () => {
    expect(meetingDays(undefined)).toEqual([]);
    expect(meetingDays({ date: '2024-06-03' })).toEqual(['2024-06-03']);
    expect(meetingDays({ date: '2024-06-03', start: '2024-06-01', end: '2024-06-02' })).toEqual(['2024-06-03']);
    expect(meetingDays({ date: 'soon', start: '2024-06-01', end: '2024-06-02' })).toEqual(['2024-06-01', '2024-06-02']);
    expect(meetingDays({ start: '2024-06-01' })).toEqual(['2024-06-01']);
    expect(meetingDays({ start: '2024-06-05', end: '2024-06-01' })).toEqual(['2024-06-05']);
    expect(meetingDays({ start: 'June', end: '2024-06-01' })).toEqual([]);
    expect(meetingDays({})).toEqual([]);
  });

  it('writes a day as a sentence gives it', () => {
    expect(formatDay('2021-01-05')).toBe('5 January 2021');
    expect(formatDay('2022-12-31')).toBe('31 December 2022');
  });

  it('knows the months by name and abbreviation', () => {
    expect(monthNumber('January')).toBe(1);
    expect(monthNumber('Sept.')).toBe(9);
    expect(monthNumber('nov')).toBe(11);
    expect(monthNumber('MAY')).toBe(5);
    expect(monthNumber('Dec.')).toBe(12);
    expect(monthNumber('Smarch')).toBe(0);
    expect(CAPITALISED_MONTHS).toBe(
      'January|February|March|April|May|June|July|August|September|October|November|December',
    );
  });
});

describe('dates written in prose', () => {
  it('finds a day in the forms communiqués use, with where it starts and what it says', () => {
    const text = 'Met on 16 November 2021. Then Tuesday 7th December 2021, and also on January 4, 2022.';
    expect(findDates(text)).toEqual([
      { start: '2021-11-16', index: 7, text: '16 November 2021' },
      { start: '2021-12-07', index: 30, text: 'Tuesday 7th December 2021' },
      { start: '2022-01-04', index: 69, text: 'January 4, 2022' },
    ]);
  });

  it('finds ranges of days within a month and across months', () => {
    expect(findDates('on 18 and 19 November 2020')).toEqual([
      { start: '2020-11-18', end: '2020-11-19', index: 3, text: '18 and 19 November 2020' },
    ]);
    expect(findDates('from 30 November – 1 December 2020')).toEqual([
      { start: '2020-11-30', end: '2020-12-01', index: 5, text: '30 November – 1 December 2020' },
    ]);
    expect(findDates('on March 2-3, 2023')).toEqual([
      { start: '2023-03-02', end: '2023-03-03', index: 3, text: 'March 2-3, 2023' },
    ]);
    expect(findDates('2 to 4 Sept. 2023')).toEqual([
      { start: '2023-09-02', end: '2023-09-04', index: 0, text: '2 to 4 Sept. 2023' },
    ]);
  });

  it('reads "Communiqué 4 - 25 May 2021" as a numbered communiqué of one day', () => {
    expect(findDates('Communiqué 4 - 25 May 2021')).toEqual([{ start: '2021-05-25', index: 15, text: '25 May 2021' }]);
    expect(findDates('Meeting no. 12 – 3 June 2022')).toEqual([
      { start: '2022-06-03', index: 17, text: '3 June 2022' },
    ]);
  });

  it('takes the later day of a range whose first day does not exist, and skips days that do not exist', () => {
    expect(findDates('on 31 June 2021')).toEqual([]);
    expect(findDates('on 31 and 30 June 2021')).toEqual([
      { start: '2021-06-30', index: 3, text: '31 and 30 June 2021' },
    ]);
    expect(findDates('on 30 February and 2 March 2024')).toEqual([
      { start: '2024-03-02', index: 3, text: '30 February and 2 March 2024' },
    ]);
    expect(findDates('June 31, 2021')).toEqual([]);
  });

  it('ignores a range that runs backwards', () => {
    expect(findDates('on 19 and 18 November 2020')).toEqual([]);
    expect(findDates('November 19-18, 2020')).toEqual([
      { start: '2020-11-19', index: 0, text: 'November 19-18, 2020' },
    ]);
  });

  it('finds months written with their year', () => {
    expect(findMonths('in February 2022, then sept. 2023 and Dec 1999')).toEqual([
      { month: '2022-02', index: 3 },
      { month: '2023-09', index: 23 },
      { month: '1999-12', index: 38 },
    ]);
    expect(findMonths('in Smarch 2022')).toEqual([]);
  });
});

describe('the words of the format', () => {
  it('knows who was at the meeting: no attendance means present', () => {
    expect(['present', 'remote', 'partial', undefined].map(attended)).toEqual([true, true, true, true]);
    expect(['apology', 'absent'].map(attended)).toEqual([false, false]);
  });

  it('finds a proxy in conflict only when both the proxy and the member attended', () => {
    expect(proxyConflicts('present', undefined)).toBe(true);
    expect(proxyConflicts('remote', 'partial')).toBe(true);
    expect(proxyConflicts('present', 'apology')).toBe(false);
    expect(proxyConflicts('absent', 'present')).toBe(false);
  });

  it('orders the stages and recognises stages, modes, closed statuses and attendee ids', () => {
    expect(['draft', 'review', 'approved', 'published'].map((stage) => stageRank(stage as never))).toEqual([
      0, 1, 2, 3,
    ]);
    expect(isStage('review')).toBe(true);
    expect(isStage('final')).toBe(false);
    expect(isStage(2)).toBe(false);
    expect(isMode('hybrid')).toBe(true);
    expect(isMode('online')).toBe(false);
    expect(isMode(undefined)).toBe(false);
    expect([...CLOSED_STATUSES].sort()).toEqual(['done', 'dropped']);
    expect(ATTENDEE_ID.test('ana-lima-2')).toBe(true);
    expect(ATTENDEE_ID.test('Ana')).toBe(false);
  });
});

describe('reading front matter that has not passed the schema', () => {
  it('treats one value as a list of one, and nothing as none', () => {
    expect(asList('ana-lima')).toEqual(['ana-lima']);
    expect(asList(['a', 'b'])).toEqual(['a', 'b']);
    expect(asList(0)).toEqual([0]);
    expect(asList(null)).toEqual([]);
    expect(asList(undefined)).toEqual([]);
  });

  it('takes only sets of fields as records, and only text as text', () => {
    expect(asRecord({ a: 1 })).toEqual({ a: 1 });
    expect(asRecord([1])).toBeUndefined();
    expect(asRecord(null)).toBeUndefined();
    expect(asRecord('text')).toBeUndefined();
    expect(asString('text')).toBe('text');
    expect(asString(3)).toBeUndefined();
  });
});

describe('writing front matter', () => {
  it('writes YAML 1.2 as people write it: chairs, owners and carried_from on one line, nothing folded', () => {
    const long = 'word '.repeat(30).trim();
    expect(
      frontMatterYaml({
        schema_version: 1,
        title: 'Reef Council: Communiqué',
        answer: 'no',
        summary: long,
        meeting: { group: { name: 'Reef Council' }, date: '2024-03-05', chair: ['ana-lima', 'tom-reyes'] },
        actions: [
          {
            id: 'A-1',
            owner: ['ana-lima', 'Reef Trust'],
            carried_from: { communique: 'rc-2024-01', action: 'A-3' },
          },
          { id: 'A-2', owner: 'tom-reyes' },
        ],
        notes: { chair: 'not a list', carried_from: 'not a set of fields', other: ['stays', 'a block'] },
      }),
    ).toBe(
      [
        'schema_version: 1',
        'title: "Reef Council: Communiqué"',
        'answer: no',
        `summary: ${long}`,
        'meeting:',
        '  group:',
        '    name: Reef Council',
        '  date: 2024-03-05',
        '  chair: [ ana-lima, tom-reyes ]',
        'actions:',
        '  - id: A-1',
        '    owner: [ ana-lima, Reef Trust ]',
        '    carried_from: { communique: rc-2024-01, action: A-3 }',
        '  - id: A-2',
        '    owner: tom-reyes',
        'notes:',
        '  chair: not a list',
        '  carried_from: not a set of fields',
        '  other:',
        '    - stays',
        '    - a block',
        '',
      ].join('\n'),
    );
  });
});
