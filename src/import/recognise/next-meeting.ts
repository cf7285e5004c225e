import {
  CAPITALISED_MONTHS,
  type DateMention,
  findDates,
  findMonths,
  MONTH_PATTERN,
  monthNumber,
} from '../../core/dates.js';
import type { Communique } from '../../core/model.js';
import type { Findings } from './findings.js';
import { ABOUT_NEXT, type Reading, VIRTUAL } from './reading.js';

type NextMeeting = NonNullable<Communique['next_meeting']>;

/** The next meeting: stated outright, or "the February 2022 meeting" soon after this one. */
export function recogniseNextMeeting(
  reading: Reading,
  meetingDay: string,
  date: DateMention | undefined,
  findings: Findings,
): NextMeeting {
  const next: NextMeeting = {};
  const meetingMonth = meetingDay.slice(0, 7);
  for (const sentence of reading.sentences) {
    if (!ABOUT_NEXT.test(sentence)) continue;
    const day = findDates(sentence).find((found) => found.start > meetingDay);
    const month = findMonths(sentence).find((found) => found.month > meetingMonth);
    if (day) next.date = day.start;
    else if (month) next.date = month.month;
    const withoutMonths = sentence.replace(new RegExp(`\\b${MONTH_PATTERN}\\s+\\d{4}`, 'gi'), '');
    const where = /\b(?:in|at)\s+((?:the\s+)?\p{Lu}[\p{L}'’-]+(?:,?\s+\p{Lu}[\p{L}'’-]+)*)/u.exec(withoutMonths);
    if (where && !new RegExp(`^(?:${CAPITALISED_MONTHS})$`).test(where[1]!)) next.place = where[1]!;
    if (VIRTUAL.test(sentence)) next.mode = 'virtual';
    else if (next.place) next.mode = 'in-person';
    if (Object.keys(next).length > 0) break;
  }
  if (!next.date && date) {
    const soon = new RegExp(`\\b(?:the|its|a)\\s+${MONTH_PATTERN}\\s+(\\d{4})\\s+(?:meeting|gathering)\\b`, 'i');
    for (const sentence of reading.sentences) {
      const match = soon.exec(sentence);
      if (!match) continue;
      const month = `${match[2]}-${String(monthNumber(match[1]!)).padStart(2, '0')}`;
      const gap =
        (Number(month.slice(0, 4)) - Number(meetingMonth.slice(0, 4))) * 12 +
        Number(month.slice(5)) -
        Number(meetingMonth.slice(5));
      if (gap >= 1 && gap <= 6) {
        next.date = month;
        break;
      }
    }
  }
  for (const key of Object.keys(next)) findings.fill(`next_meeting.${key}`);
  // In the order people write it.
  return {
    ...(next.date ? { date: next.date } : {}),
    ...(next.mode ? { mode: next.mode } : {}),
    ...(next.place ? { place: next.place } : {}),
  };
}
