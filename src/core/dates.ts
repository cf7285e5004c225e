/**
 * Dates as communiqués use them: `YYYY-MM-DD` strings in the front matter (compared as
 * strings, never as `Date`s, so no time zone can move a day), and dates written in prose
 * — "16 November 2021", "Tuesday 16th November 2021", "18 and 19 November 2020",
 * "30 November – 1 December 2020", "November 16, 2021" — found in bodies by `validate` and
 * in old communiqués by `import`.
 */
import { isSpaceCode } from './text.js';
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

/** Four digits ending a word: a year, where one follows a space, as the date patterns end. */
const YEAR = /\d{4}\b/g;
/** More words than any date the patterns match has before its year ("Wednesday, 30 November – 1 December 2020"). */
const WORDS_BEFORE_YEAR = 8;

/**
 * What `text.matchAll(pattern)` gives for a date pattern (every match ends in a year), found
 * by trying the pattern only on the few words before each year: tried at every character
 * of a long body, the patterns cost more than all the other checks on it. A window starts
 * at a word's first character, so a word boundary there means what it means in the whole
 * text, and ends with its year.
 */
function matchesEndingInYears(text: string, pattern: RegExp): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let from = 0;
  for (const year of text.matchAll(YEAR)) {
    // Searched for without the space before it: a pattern that starts with a digit is
    // found three times faster than one that starts with a space.
    if (year.index === 0 || !isSpaceCode(text.charCodeAt(year.index - 1))) continue;
    const end = year.index + 4;
    if (end <= from) continue;
    let start = year.index;
    for (let words = 0; words < WORDS_BEFORE_YEAR && start > from; words++) {
      while (start > from && isSpaceCode(text.charCodeAt(start - 1))) start--;
      while (start > from && !isSpaceCode(text.charCodeAt(start - 1))) start--;
    }
    for (const match of text.slice(start, end).matchAll(pattern)) {
      match.index += start;
      found.push(match);
      from = match.index + match[0].length;
    }
  }
  return found;
}

/**
 * Every date written out in `text`, in the order they appear. `matches` finds a pattern's
 * matches; its test passes `text.matchAll` itself, to hold the windows to the same answer.
 */
export function findDates(
  text: string,
  matches: (text: string, pattern: RegExp) => RegExpExecArray[] = matchesEndingInYears,
): DateMention[] {
  const found: DateMention[] = [];
  for (const match of matches(text, DAY_FIRST)) {
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
  for (const match of matches(text, MONTH_FIRST)) {
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

/**
 * Dates in prose as `import` reads them, by chrono-node with the day before the month (as
 * en-AU and en-GB write "3/4/2021"): weekdays, ordinals and "of" ("Tuesday the 3rd of
 * March 2020"), `dd/mm/yyyy`, ranges within a month or across two ("30 November – 1
 * December 2020", "30 November and 1 December"), and dates without a year, which take the
 * year nearest a reference date from the same document — or are left out when there is
 * none, rather than guessed.
 */
export interface ProseDates {
  /** Every day or range of days written in `text`, in order. */
  find(text: string, reference?: string): ProseDate[];
  /** Months written with their year ("February 2022", "the June 2023 meeting"), as YYYY-MM. */
  months(text: string): { month: string; index: number; text: string }[];
}

export interface ProseDate extends DateMention {
  /** Whether the text gives the year, rather than the reference. */
  yearStated: boolean;
}

export interface ChronoComponents {
  get(component: 'year' | 'month' | 'day'): number | null;
  isCertain(component: 'year' | 'month' | 'day'): boolean;
}
export interface ChronoResult {
  index: number;
  text: string;
  start: ChronoComponents;
  end?: ChronoComponents | null;
}
export interface ChronoParser {
  parse(text: string, reference?: Date, options?: { forwardDate?: boolean }): ChronoResult[];
}

/** The parts of chrono-node used here, so that this module never loads it itself. */
export interface ChronoModule<Configuration> {
  Chrono: new (configuration: Configuration) => ChronoParser;
  en: { configuration: { createConfiguration(strict: boolean, littleEndian: boolean): Configuration } };
}

/**
 * Dates in prose, read by the chrono-node module the caller loaded (`import` loads it;
 * `validate` never does, and uses `findDates`).
 */
export function proseDates<Configuration>(chrono: ChronoModule<Configuration>): ProseDates {
  const parser = new chrono.Chrono(chrono.en.configuration.createConfiguration(true, true));
  return { find: (text, reference) => findProseDates(parser, text, reference), months: findMonthMentions };
}

const dayOf = (components: ChronoComponents): string | undefined =>
  isoDate(components.get('year') ?? 0, components.get('month') ?? 0, components.get('day') ?? 0);

/** "18 and 19 November 2020", "3 & 4 June": two days of one month, which chrono reads as the second alone. */
const TWO_DAYS = new RegExp(
  `\\b${DAY}\\s*(?:and|&)\\s*${DAY}\\s+(?:of\\s+)?${MONTH_PATTERN}(?:,?\\s+(\\d{4}))?\\b`,
  'gi',
);
/** A month by name, or a day in figures ("3/4/2021", "2021-04-03"): what a written day has. */
const WRITTEN_DAY = new RegExp(`\\b${MONTH_PATTERN}|\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}`, 'i');
/** "16, November 2022": a comma after the day, which chrono does not expect. */
const DAY_COMMA = new RegExp(`\\b${DAY},\\s+${MONTH_PATTERN},?\\s+(\\d{4})\\b`, 'gi');

function findProseDates(parser: ChronoParser, text: string, reference: string | undefined): ProseDate[] {
  const ref = reference ? new Date(`${reference}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  const found: ProseDate[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) => taken.some(([from, to]) => start < to && end > from);
  const add = (mention: ProseDate) => {
    if (overlaps(mention.index, mention.index + mention.text.length)) return;
    found.push(mention);
    taken.push([mention.index, mention.index + mention.text.length]);
  };
  const resolveYear = (stated: string | undefined, month: number, day: number) => {
    if (stated) return Number(stated);
    if (!reference) return undefined;
    const year = Number(reference.slice(0, 4));
    // The year that puts the day nearest the reference.
    const candidates = [year - 1, year, year + 1].filter((candidate) => isoDate(candidate, month, day));
    const distance = (candidate: number) =>
      Math.abs(Date.UTC(candidate, month - 1, day) - Date.parse(`${reference}T00:00:00Z`));
    return candidates.sort((a, b) => distance(a) - distance(b))[0];
  };
  for (const match of text.matchAll(TWO_DAYS)) {
    const [whole, first, second, monthName, year] = match;
    const month = monthNumber(monthName!);
    const y = resolveYear(year, month, Number(first));
    const start = y ? isoDate(y, month, Number(first)) : undefined;
    const end = y ? isoDate(y, month, Number(second)) : undefined;
    if (start && end && end > start)
      add({ start, end, index: match.index, text: whole, yearStated: year !== undefined });
  }
  for (const match of text.matchAll(DAY_COMMA)) {
    const start = isoDate(Number(match[3]), monthNumber(match[2]!), Number(match[1]));
    if (start) add({ start, index: match.index, text: match[0], yearStated: true });
  }
  const results = parser.parse(text, ref, { forwardDate: false });
  for (let at = 0; at < results.length; at++) {
    const result = results[at]!;
    if (!result.start.isCertain('day') || !result.start.isCertain('month')) continue;
    // A day counted from the reference ("within four weeks", "in two days") is not a day written.
    if (!WRITTEN_DAY.test(result.text)) continue;
    let yearStated = result.start.isCertain('year');
    let start = dayOf(result.start);
    let end = result.end?.isCertain('day') ? dayOf(result.end) : undefined;
    if (!yearStated && end && start && result.end?.isCertain('year')) {
      // "30 November – 1 December 2020": the year is written once, at the end.
      const year = Number(end.slice(0, 4));
      const month = Number(start.slice(5, 7));
      start = isoDate(month > Number(end.slice(5, 7)) ? year - 1 : year, month, Number(start.slice(8)));
      yearStated = true;
    }
    if (!yearStated && !reference) {
      // "30 November and 1 December 2022": the first day takes the year of the second.
      const next = results[at + 1];
      const between = next ? text.slice(result.index + result.text.length, next.index) : '';
      if (!next || !/^\s*(?:and|&|to|-|–|—)\s*$/.test(between) || !next.start.isCertain('year')) continue;
    }
    let index = result.index;
    let mentionText = result.text;
    // "Communiqué 1 - 25 May 2021" numbers the communiqué; it is not a range of days.
    if (end && NUMBERED.test(text.slice(0, result.index)) && /^\d{1,2}\s*[-–—]/.test(result.text)) {
      const skip = result.text.search(/[-–—]/) + 1;
      mentionText = result.text.slice(skip).trimStart();
      index = result.index + result.text.length - mentionText.length;
      start = end;
      end = undefined;
    }
    const next = results[at + 1];
    const between = next ? text.slice(result.index + result.text.length, next.index) : '';
    if (!end && next && /^\s*(?:and|&|to|until|-|–|—)\s*$/.test(between) && next.start.isCertain('day')) {
      // Two mentions joined by "and": a range over two months, the year stated once at its end.
      const last = dayOf(next.start);
      if (last && start && !yearStated && next.start.isCertain('year')) {
        const year = Number(last.slice(0, 4));
        const month = Number(start.slice(5, 7));
        start = isoDate(month > Number(last.slice(5, 7)) ? year - 1 : year, month, Number(start.slice(8)));
        yearStated = true;
      }
      if (start && last && last > start && daysBetween(start, last).length <= 14) {
        mentionText = text.slice(index, next.index + next.text.length);
        end = last;
        at++;
      }
    }
    if (!start) continue;
    add({
      start,
      ...(end && end > start ? { end } : {}),
      index,
      text: mentionText.replace(/^(?:on|from|at)\s+/i, ''),
      yearStated,
    });
  }
  return found.sort((a, b) => a.index - b.index);
}

const MONTH_MENTION = new RegExp(
  `\\b(?:(early|mid|late)[-\\s]+)?${MONTH_PATTERN}(?:\\s+|\\s*,\\s*)(\\d{4})\\b|\\b(early|mid|late)[-\\s](\\d{4})\\b`,
  'gi',
);

function findMonthMentions(text: string): { month: string; index: number; text: string }[] {
  const found: { month: string; index: number; text: string }[] = [];
  for (const match of text.matchAll(MONTH_MENTION)) {
    if (!match[2]) continue;
    const month = monthNumber(match[2]);
    if (month > 0)
      found.push({ month: `${match[3]}-${String(month).padStart(2, '0')}`, index: match.index, text: match[0] });
  }
  return found;
}
