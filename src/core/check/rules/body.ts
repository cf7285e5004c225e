import { outlineBody } from '../body-outline.js';
import { asList, asRecord, asString } from '../../model.js';
import { CAPITALISED_MONTHS, daysBetween, findDates, formatDay, meetingDays, realDate } from '../../dates.js';
import type { RuleContext } from './context.js';

/** `body/heading-level-one`, `body/heading-skip`: the title is the one `#`; levels go down one at a time. */
export function checkHeadings(context: RuleContext): void {
  const body = context.loaded.body;
  if (!body) return;
  let previous = 1;
  for (const heading of outlineBody(body).headings) {
    const span = context.inBody(heading.start, heading.end);
    if (heading.depth === 1) {
      context.report(
        'body/heading-level-one',
        `\`${heading.text}\` is a level-one heading; the title is the document's only one`,
        span,
      );
      previous = 1;
      continue;
    }
    if (heading.depth > previous + 1) {
      context.report(
        'body/heading-skip',
        previous === 1
          ? `\`${heading.text}\` is a level-${heading.depth} heading directly under the title, which is level 1`
          : `\`${heading.text}\` is a level-${heading.depth} heading under a level-${previous} one`,
        span,
        `Make it a level-${previous + 1} heading (\`${'#'.repeat(previous + 1)}\`), so that the outline has no gaps.`,
      );
    }
    previous = heading.depth;
  }
}

const ABOUT_A_MEETING = /\b(?:met|meets|meeting|convened|gathered)\b/i;
const ABOUT_THE_NEXT_MEETING = /\bnext meeting\b|\bwill (?:next )?meet\b|\bnext meet\b/i;

interface DayMention {
  days: string[];
  text: string;
  start: number;
  end: number;
}

function dayMentions(body: string): DayMention[] {
  return findDates(body).map((found) => ({
    days: found.end ? daysBetween(found.start, found.end) : [found.start],
    text: found.text.replace(/\s+/g, ' '),
    start: found.index,
    end: found.index + found.text.length,
  }));
}

/**
 * The sentence around a position: from after the previous sentence end or blank line to
 * the next one. Looks at most a paragraph's worth either side, so long bodies stay linear.
 */
const SENTENCE_WINDOW = 600;
function sentenceAround(body: string, start: number, end: number): string {
  let from = start;
  const floor = Math.max(0, start - SENTENCE_WINDOW);
  while (from > floor) {
    const character = body[from - 1]!;
    if (/\s/.test(character) && /[.!?]/.test(body[from - 2] ?? '')) break;
    if (character === '\n' && /\n\r?$/.test(body.slice(Math.max(0, from - 3), from - 1))) break;
    from--;
  }
  const after = body.slice(end, end + SENTENCE_WINDOW);
  const next = after.search(/[.!?](?:\s|$)|\n\s*\n/);
  return body.slice(from, next === -1 ? end + after.length : end + next);
}

/**
 * `body/date-mismatch`: a sentence about the meeting gives a date that is not the
 * meeting's (or, about the next meeting, not `next_meeting.date`).
 */
export function checkBodyDates(context: RuleContext): void {
  const body = context.loaded.body;
  const meeting = asRecord(context.data.meeting);
  const days = meetingDays(meeting);
  if (!body || days.length === 0) return;
  const next = asString(asRecord(context.data.next_meeting)?.date);
  const otherKnown = new Set<string>();
  for (const value of [context.data.published, asRecord(context.data.approval)?.date])
    if (realDate(value)) otherKnown.add(value as string);
  for (const action of asList(context.data.actions)) {
    const due = realDate(asRecord(action)?.due);
    if (due) otherKnown.add(due);
  }
  const meetingText = days.length === 1 ? formatDay(days[0]!) : `${formatDay(days[0]!)} to ${formatDay(days.at(-1)!)}`;

  const mentions = dayMentions(body);
  for (const mention of mentions) {
    const sentence = sentenceAround(body, mention.start, mention.end);
    const span = context.inBody(mention.start, mention.end);
    if (ABOUT_THE_NEXT_MEETING.test(sentence)) {
      if (next && !mention.days.some((day) => day === next || day.startsWith(`${next}-`))) {
        context.report(
          'body/date-mismatch',
          `The body gives the next meeting as ${mention.text.trim()}, but \`next_meeting.date\` is ${next}`,
          span,
        );
      }
      continue;
    }
    if (!ABOUT_A_MEETING.test(sentence)) continue;
    if (mention.days.some((day) => days.includes(day) || otherKnown.has(day) || day === next)) continue;
    // A sentence that gives the meeting's date may well mention other dates too.
    if (
      mentions.some(
        (other) =>
          other !== mention &&
          other.days.some((day) => days.includes(day)) &&
          sentence.replace(/\s+/g, ' ').includes(other.text),
      )
    )
      continue;
    context.report(
      'body/date-mismatch',
      `The body gives ${mention.text.trim()} in a sentence about the meeting, which was on ${meetingText}`,
      span,
      days.length === 1
        ? `Correct the date in the body, or \`meeting.date\` (${days[0]}).`
        : 'Correct the date in the body, or `meeting.start` and `meeting.end`.',
    );
  }
}

/** Capitalised words of three letters or more, lower-cased: the names in a place. */
function significantWords(text: string): string[] {
  return [...text.matchAll(/\b\p{Lu}[\p{L}'’-]{2,}/gu)]
    .map((match) => match[0].toLowerCase())
    .filter((word) => word !== 'the');
}

const MET_VIRTUALLY =
  /\bmet (?:virtually|online|by video ?conference|via video ?conference|by video|by teleconference)\b|\b(?:virtual|online) meeting\b/gi;
const MET_IN_PERSON = /\bmet (?:in person|face[- ]to[- ]face)\b|\bin-person meeting\b/gi;
const MET_IN_PLACE = new RegExp(
  `\\bmet (?:in|at) (?!person\\b|(?:${CAPITALISED_MONTHS})\\b)((?:the )?[A-Z][\\p{L}'’-]+(?: [A-Z][\\p{L}'’-]+)*)`,
  'gu',
);

/**
 * `body/mode-mismatch` and `body/place-mismatch`: "met virtually" in the body of an
 * in-person meeting, "met in Sydney" for a virtual one or one held in Perth.
 */
export function checkBodyMeetingFacts(context: RuleContext): void {
  const body = context.loaded.body;
  const meeting = asRecord(context.data.meeting);
  const mode = asString(meeting?.mode);
  if (!body || !mode) return;
  if (mode === 'in-person') {
    for (const match of body.matchAll(MET_VIRTUALLY)) {
      context.report(
        'body/mode-mismatch',
        `The body says "${match[0]}", but \`meeting.mode\` is \`in-person\``,
        context.inBody(match.index, match.index + match[0].length),
      );
    }
  }
  if (mode === 'virtual') {
    for (const match of body.matchAll(MET_IN_PERSON)) {
      context.report(
        'body/mode-mismatch',
        `The body says "${match[0]}", but \`meeting.mode\` is \`virtual\``,
        context.inBody(match.index, match.index + match[0].length),
      );
    }
  }
  const place = asString(meeting?.place);
  const placeWords = new Set(significantWords(place ?? ''));
  for (const match of body.matchAll(MET_IN_PLACE)) {
    const span = context.inBody(match.index, match.index + match[0].length);
    if (mode === 'virtual') {
      context.report('body/mode-mismatch', `The body says "${match[0]}", but \`meeting.mode\` is \`virtual\``, span);
      continue;
    }
    // "met in the Great Hall of Parliament House" agrees with "Parliament House, Canberra":
    // any significant word of the place in the rest of the sentence will do.
    const rest = sentenceAround(body, match.index, match.index + match[0].length).slice(0, 300);
    if (place && !significantWords(rest).some((word) => placeWords.has(word))) {
      context.report('body/place-mismatch', `The body says "${match[0]}", but \`meeting.place\` is \`${place}\``, span);
    }
  }
}
