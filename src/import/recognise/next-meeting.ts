/**
 * The next meeting: "Next meeting: 13 August 2019, Lismore", "The Council will next meet in
 * Adelaide in November 2021", "will meet again in September", a "Next meeting" heading, or
 * "the February 2022 meeting" soon after this one. Dates without a year take the first that
 * comes after this meeting.
 */
import { MONTH_NAMES, monthNumber } from '../../core/dates.js';
import type { Communique } from '../../core/model.js';
import type { Findings } from './findings.js';
import { titleCase } from './group.js';
import { ABOUT_NEXT, blockWords, type Reading, VIRTUAL } from './reading.js';
import { pattern } from './pattern.js';

type NextMeeting = NonNullable<Communique['next_meeting']>;

const MONTH_ALONE = new RegExp(
  `\\b(?:in|during|from)\\s+(?:early\\s+|mid-?\\s*|late\\s+)?(${MONTH_NAMES.join('|')})\\b(?!\\s+\\d)`,
  'i',
);
const FUTURE_SESSION = pattern(
  'i',
  String.raw`\b(?:next|following|\d+(?:st|nd|rd|th))\s+(?:session|meeting|dialogue|forum`,
  String.raw`|conference)\b[^.]{0,40}\bwill\s+(?:be held|take place|convene)\b`,
);

export function recogniseNextMeeting(
  reading: Reading,
  meetingDay: string | undefined,
  findings: Findings,
): NextMeeting {
  const next: NextMeeting = {};
  const texts: string[] = [];
  for (const field of reading.fields) if (field.label === 'next meeting') texts.push(field.value);
  reading.blocks.forEach((block, index) => {
    if (block.kind !== 'table-row' && /^(?:date of (?:the )?)?next meeting:?$/i.test(block.text.trim())) {
      const following = reading.blocks[index + 1];
      if (following) texts.push(blockWords(following));
    }
  });
  for (const sentence of reading.sentences)
    if (ABOUT_NEXT.test(sentence.text) || FUTURE_SESSION.test(sentence.text)) texts.push(sentence.text);
  const after = (day: string) => !meetingDay || day > meetingDay;
  for (const text of texts) {
    const dates = reading.dates.find(text, meetingDay ?? reading.reference);
    const day = dates.find((found) => after(found.start));
    const month = reading.dates.months(text).find((found) => !meetingDay || found.month > meetingDay.slice(0, 7));
    if (day) next.date = day.start;
    else if (month) next.date = month.month;
    else if (meetingDay) {
      const alone = MONTH_ALONE.exec(text);
      if (alone) {
        const wanted = monthNumber(alone[1]!);
        const year = Number(meetingDay.slice(0, 4)) + (wanted <= Number(meetingDay.slice(5, 7)) ? 1 : 0);
        next.date = `${year}-${String(wanted).padStart(2, '0')}`;
      }
    }
    const place = placeIn(text);
    if (place) next.place = place;
    if (VIRTUAL.test(text)) next.mode = 'virtual';
    else if (next.place) next.mode = 'in-person';
    if (next.date || next.place) break;
  }
  if (!next.date && meetingDay) {
    const soon = pattern(
      'i',
      String.raw`\b(?:hold|host|holding|hosting)\s+(?:the|its|their|a)\s+(January|February`,
      '|March|April|May|June|July|August|September|October|November|December)',
      String.raw`(?:\s+(\d{4}))?\s+(?:meeting|gathering)\b`,
    );
    for (const sentence of reading.sentences) {
      const match = soon.exec(sentence.text);
      if (!match) continue;
      const wanted = monthNumber(match[1]!);
      const year = match[2]
        ? Number(match[2])
        : Number(meetingDay.slice(0, 4)) + (wanted <= Number(meetingDay.slice(5, 7)) ? 1 : 0);
      const month = `${year}-${String(wanted).padStart(2, '0')}`;
      const gap = (year - Number(meetingDay.slice(0, 4))) * 12 + wanted - Number(meetingDay.slice(5, 7));
      if (gap >= 1 && gap <= 6) {
        next.date = month;
        break;
      }
    }
  }
  for (const key of Object.keys(next)) findings.fill(`next_meeting.${key}`);
  return {
    ...(next.date ? { date: next.date } : {}),
    ...(next.mode ? { mode: next.mode } : {}),
    ...(next.place ? { place: next.place } : {}),
  };
}

const NOT_A_PLACE = pattern(
  '',
  '^(?:January|February|March|April|May|June|July|August|September|October',
  '|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday',
  String.raw`|The|This|Next|Early|Mid|Late|\d)`,
);

function placeIn(text: string): string | undefined {
  const withoutDates = text.replace(
    /\b\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:and|&|[-–])\s*\d{1,2})?\s+\p{Lu}\p{Ll}+\s+\d{4}/gu,
    '',
  );
  const where =
    /\b(?:in|at)\s+((?:the\s+)?\p{Lu}[\p{L}'’.-]+(?:,?\s+(?:of\s+)?\p{Lu}[\p{L}'’.-]+)*)/u.exec(withoutDates) ??
    /^[^,]*\d{4},\s*(\p{Lu}[\p{L}'’ .-]+?)\.?$/u.exec(text.trim());
  if (!where || NOT_A_PLACE.test(where[1]!)) return undefined;
  // The sentence's full stop is not part of the place; an abbreviation's is ("Port St.").
  const place = where[1]!
    .replace(/,\s*$/, '')
    .trim()
    .replace(/(?<!\b(?:St|Mt|Ft|Pt))\.$/, '');
  return /\p{Ll}/u.test(place) ? place : titleCase(place);
}
