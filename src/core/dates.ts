/**
 * Dates as communiqués use them: `YYYY-MM-DD` strings in the front matter (compared as
 * strings, never as `Date`s, so no time zone can move a day), and dates written in prose
 * — "16 November 2021", "Tuesday 16th November 2021", "18 and 19 November 2020",
 * "30 November – 1 December 2020", "November 16, 2021" — found in bodies by `validate` and
 * in old communiqués by `import`.
 */
export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** "January|February|…": months as a sentence capitalises them, for patterns. */
export const CAPITALISED_MONTHS = MONTH_NAMES.map((name) => name.charAt(0).toUpperCase() + name.slice(1)).join('|');

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` for a real day, or undefined (no 30 February). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A `YYYY-MM-DD` string that names a real day, or undefined. */
export function realDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  return isoDate(Number(match[1]), Number(match[2]), Number(match[3])) === value ? value : undefined;
}

/** Every day from `start` to `end`, both included (at most a year's worth). */
export function daysBetween(start: string, end: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${start}T00:00:00Z`); days.length < 366; day.setUTCDate(day.getUTCDate() + 1)) {
    const text = day.toISOString().slice(0, 10);
    if (text > end) break;
    days.push(text);
  }
  return days;
}

/** The days a meeting covered, as `YYYY-MM-DD` strings (one for a one-day meeting). */
export function meetingDays(meeting: { date?: unknown; start?: unknown; end?: unknown } | undefined): string[] {
  if (!meeting) return [];
  const date = realDate(meeting.date);
  if (date) return [date];
  const start = realDate(meeting.start);
  const end = realDate(meeting.end);
  if (!start || !end || end < start) return start ? [start] : [];
  return daysBetween(start, end);
}

/** "16 November 2021": a day as an English sentence gives it. */
export function formatDay(iso: string): string {
  const [year, month, day] = iso.split('-');
  const name = MONTH_NAMES[Number(month) - 1]!;
  return `${Number(day)} ${name.charAt(0).toUpperCase()}${name.slice(1)} ${year}`;
}

/** The month number of a month's name or its abbreviation ("Nov", "Sept."), or 0. */
export function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return MONTH_NAMES.findIndex((full) => full.startsWith(lower.slice(0, 3))) + 1;
}

/** A month's name or its abbreviation, with an optional full stop: "Nov", "Sept.", "November". */
export const MONTH_PATTERN = `(${[
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sep(?:t(?:ember)?)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
].join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const WEEKDAY = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?';
const RANGE = '\\s*(?:-|–|—|and|to|&)\\s*';
/** "16 November 2021", "16, November 2022", "18 and 19 November 2020", "30 November – 1 December 2020". */
const DAY_FIRST = new RegExp(
  `\\b${WEEKDAY}${DAY}(?:\\s+${MONTH_PATTERN})?(?:${RANGE}${DAY})?,?\\s+${MONTH_PATTERN},?\\s+(\\d{4})\\b`,
  'gi',
);
/** "November 16, 2021", "November 16-17, 2021". */
const MONTH_FIRST = new RegExp(`\\b${WEEKDAY}${MONTH_PATTERN}\\s+${DAY}(?:${RANGE}${DAY})?,?\\s+(\\d{4})\\b`, 'gi');
const MONTH_YEAR = new RegExp(`\\b${MONTH_PATTERN}\\s+(\\d{4})\\b`, 'gi');
/** "Communiqué 1 - 25 May 2021" numbers the communiqué; it is not a range of days. */
const NUMBERED = /(?:communiqu[eé]|no\.?|number|meeting|#)\s*$/i;

export interface DateMention {
  /** The first (or only) day. */
  start: string;
  /** The last day of a range. */
  end?: string;
  /** Where the mention starts in the text, and what it says. */
  index: number;
  text: string;
}

/** Every date written out in `text`, in the order they appear. */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const match of text.matchAll(DAY_FIRST)) {
    const [whole, day1, month1, day2, month2, year] = match;
    const y = Number(year);
    const m2 = monthNumber(month2!);
    const numbered = day2 !== undefined && !month1 && NUMBERED.test(text.slice(0, match.index));
    const first = numbered ? undefined : isoDate(y, month1 ? monthNumber(month1) : m2, Number(day1));
    const last = day2 !== undefined ? isoDate(y, m2, Number(day2)) : undefined;
    const skip = numbered ? whole.search(/[-–—&]|and|to/) + 1 : 0;
    const index = match.index + skip;
    const mention = whole.slice(skip).trimStart();
    const at = index + (whole.length - skip - mention.length);
    if (first && last && last > first) found.push({ start: first, end: last, index: at, text: mention });
    else if (last && (numbered || !first)) found.push({ start: last, index: at, text: mention });
    else if (first && day2 === undefined) found.push({ start: first, index: at, text: mention });
  }
  for (const match of text.matchAll(MONTH_FIRST)) {
    const [whole, month, day1, day2, year] = match;
    const first = isoDate(Number(year), monthNumber(month!), Number(day1));
    const last = day2 !== undefined ? isoDate(Number(year), monthNumber(month!), Number(day2)) : undefined;
    if (first && last && last > first) found.push({ start: first, end: last, index: match.index, text: whole });
    else if (first) found.push({ start: first, index: match.index, text: whole });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Months written with their year ("February 2022"), as `YYYY-MM`. */
export function findMonths(text: string): { month: string; index: number }[] {
  const found: { month: string; index: number }[] = [];
  for (const match of text.matchAll(MONTH_YEAR)) {
    const month = monthNumber(match[1]!);
    if (month > 0) found.push({ month: `${match[2]}-${String(month).padStart(2, '0')}`, index: match.index });
  }
  return found;
}

/**
 * A date written another way that can only mean one day — "17 December 2026", "December
 * 17, 2026", "17/12/2026", "2026/12/17", "2026-2-3" — as YYYY-MM-DD. Undefined when the
 * text is not one whole date, or when it could be two days ("03/04/2026" is March in one
 * country and April in another).
 */
export function unambiguousDate(text: string): string | undefined {
  const trimmed = text.trim();
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (numeric) {
    const [a, b, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    if (a !== b && a <= 12 && b <= 12) return undefined;
    return a > 12 || a === b ? isoDate(year, b, a) : isoDate(year, a, b);
  }
  const yearFirst = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(trimmed);
  if (yearFirst) return isoDate(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
  const [only, ...others] = findDates(trimmed);
  if (
    !only ||
    others.length > 0 ||
    only.end ||
    only.index !== 0 ||
    only.text.length !== trimmed.replace(/\.$/, '').length
  ) {
    return undefined;
  }
  return only.start;
}
