/**
 * When, how and where the group met, and the meeting's number. The date comes from a
 * labelled field ("Date:", "Held:"), a sentence about this meeting (never the previous or
 * the next one, never a publication date), the title, or a dateline; "met today" takes the
 * dateline's. The mode is virtual, in person or hybrid only as the source says so — a
 * place, "by videoconference", members joining remotely — and otherwise left for a person
 * to check.
 */
import type { ProseDate } from '../../core/dates.js';
import { CAPITALISED_MONTHS } from '../../core/dates.js';
import type { Findings } from './findings.js';
import { GROUP_NOUN, titleCase } from './group.js';
import {
  ABOUT_MEETING,
  ABOUT_NEXT,
  ABOUT_PREVIOUS,
  blockWords,
  IN_PERSON,
  isDateline,
  type Reading,
  VIRTUAL,
} from './reading.js';
import { pattern } from './pattern.js';

export interface FoundMeeting {
  fields: Record<string, unknown>;
  /** The meeting's (last) day, when the source gives it. */
  day?: string;
  date?: ProseDate;
}

const PUBLICATION = /\b(?:published|released|issued|updated|posted|dated|printed|modified|adopted|reviewed)\b/i;
const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
/** Someone taking part from elsewhere: the meeting had a room and a link. */
const REMOTE_JOINING = pattern(
  'i',
  String.raw`\b(?:join(?:ed|ing)|attend(?:ed|ing)|taking part|took part|participat(?:ed`,
  String.raw`|ing)|dialled in|dialed in|present(?:ed)?)\b[^.]{0,60}\b(?:remotely|online`,
  '|by (?:video|phone|telephone|teleconference|videoconference|zoom|teams)',
  '|via (?:video|phone|telephone|teleconference|videoconference|zoom|teams',
  String.raw`|webex|link)|by video ?link|virtually)\b|\((?:via |by )?(?:teleconference`,
  String.raw`|video ?conference|video ?link|phone|telephone|zoom|teams|online|remotely)\)`,
);

export function recogniseMeeting(reading: Reading, findings: Findings): FoundMeeting {
  const fields: Record<string, unknown> = {};
  const about = reading.sentences.filter(
    (sentence) =>
      (ABOUT_MEETING.test(sentence.text) || /\bmet\b|\btoday\b/i.test(sentence.text)) &&
      !ABOUT_NEXT.test(sentence.text) &&
      !PUBLICATION.test(sentence.text.slice(0, 30)),
  );
  const date = meetingDate(reading, about);
  const number = reading.title
    ? /\b(?:Communiqu[eé]|Meeting|Session)\s+(?:No\.?\s*|#)?(\d{1,3})\b/i.exec(reading.title.text)
    : null;
  const ordinal = /\b(\d{1,3})(?:st|nd|rd|th) (?:meeting|session)\b/i.exec(
    about.map((sentence) => sentence.text).join(' '),
  );
  const found =
    number?.[1] ??
    ordinal?.[1] ??
    reading.fields.find((field) => field.label === 'meeting' && /^\d{1,3}$/.test(field.value))?.value;
  if (found && Number(found) >= 1) {
    fields.number = Number(found);
    findings.fill('meeting.number');
  }
  if (date?.end) {
    fields.start = date.start;
    fields.end = date.end;
    findings.fill('meeting.start', 'meeting.end');
  } else if (date) {
    fields.date = date.start;
    findings.fill('meeting.date');
  } else {
    // A stand-in no one could mistake for the day, flagged by validate through the note.
    fields.date = '1900-01-01';
    findings.notes.push('TODO: the source does not state the meeting date; 1900-01-01 is a stand-in');
    findings.leave(
      ['meeting', 'date'],
      'The source does not state the meeting date: replace the stand-in 1900-01-01 in meeting.date',
    );
  }

  const where = [
    ...reading.fields
      .filter((field) => /^(?:venue|location|where|place)$/.test(field.label))
      .map((field) => field.value),
  ];
  const held = reading.fields.find((field) => field.label === 'held');
  const text = reading.fullText;
  // Datelines above the first paragraph: "Meeting 41 — 30 August 2023 — Videoconference".
  const datelines = reading.blocks
    .slice(0, reading.headerEnd)
    .filter(
      (block) =>
        block.kind !== 'table-row' && reading.datesIn(block.text).length > 0 && block.text.split(/\s+/).length <= 12,
    )
    .map(blockWords);
  const meetingText = [...about.map((sentence) => sentence.text), ...where, held?.value ?? '', ...datelines].join(' ');
  const hybrid = /\bhybrid\b/i.test(meetingText);
  const virtual = hybrid || VIRTUAL.test(meetingText.replace(REMOTE_JOINING, ''));
  const remote =
    REMOTE_JOINING.test(text) ||
    reading.blocks.some(
      (block) => block.kind === 'table-row' && /\b(?:remote|online|by phone|video)/i.test(block.cells.join(' ')),
    );
  const place = placeOf(reading, about, where, held?.value);
  const inPerson = hybrid || IN_PERSON.test(meetingText) || place !== undefined;
  // Some joining remotely says others were in the room: hybrid, even where the room is not named.
  const mode =
    hybrid || (inPerson && (remote || virtual)) || (remote && !virtual)
      ? 'hybrid'
      : virtual
        ? 'virtual'
        : inPerson
          ? 'in-person'
          : undefined;
  if (mode) {
    fields.mode = mode;
    findings.fill('meeting.mode');
  } else {
    fields.mode = 'in-person';
    findings.notes.push('TODO: the source does not say whether the meeting was in person, virtual or hybrid');
    findings.leave(
      ['meeting', 'mode'],
      'The source does not say whether the meeting was in person or virtual: check meeting.mode',
    );
  }
  if (fields.mode !== 'virtual') {
    if (place) {
      fields.place = place;
      findings.fill('meeting.place');
    } else {
      fields.place = 'TBC';
      findings.leave(
        ['meeting', 'place'],
        'The source does not say where the meeting was held: replace TBC in meeting.place',
      );
    }
  }
  return { fields, ...(date ? { date, day: date.end ?? date.start } : {}) };
}

function meetingDate(reading: Reading, about: Reading['sentences']): ProseDate | undefined {
  const usable = (text: string) =>
    reading.datesIn(text).filter((date) => {
      const before = text.slice(Math.max(0, date.index - 40), date.index);
      return !pattern(
        'i',
        String.raw`\b(?:since|previous(?:ly)?|last (?:met|meeting|session)|until|before|next`,
        String.raw`|published|released|issued|updated)\b[^.;]{0,25}$|\bby\s+(?:the\s+)?$`,
      ).test(before);
    });
  for (const field of reading.fields) {
    if (!/^(?:date|date of meeting|meeting date|held|when)$/.test(field.label)) continue;
    const date = usable(field.value)[0] ?? reading.datesIn(field.value)[0];
    if (date) return date;
  }
  for (const sentence of about) {
    if (ABOUT_PREVIOUS.test(sentence.text) && !/\bthis (?:communiqu|meeting)/i.test(sentence.text)) {
      const date = usable(sentence.text.split(ABOUT_PREVIOUS)[0] ?? '')[0];
      if (date) return date;
      continue;
    }
    if (/\btoday\b/i.test(sentence.text) && reading.datesIn(sentence.text).length === 0) continue;
    const date = usable(sentence.text)[0];
    if (date) return date;
  }
  const title = reading.title?.text;
  if (title) {
    const date = usable(title)[0];
    if (date) return date;
  }
  // A dateline: a short line of its own near the top, or the start of the first paragraph.
  for (const block of reading.blocks.slice(0, Math.max(reading.headerEnd + 1, 4))) {
    const text = blockWords(block).trim();
    if (PUBLICATION.test(text)) continue;
    const date = usable(text)[0];
    if (date && (isDateline(text) || text.split(/\s+/).length <= 8 || date.index <= 30)) return date;
  }
  return undefined;
}

/** Where a place phrase ends: a following preposition, a clause, a date, the sentence's end. */
const STOP_WORDS = 'on|from|for|to|with|under|and|hosted|where|when|which|between|during|today|yesterday|this|last';
const STOP = new RegExp(
  [
    `\\s+(?:${STOP_WORDS}|at\\s+\\d)\\b`,
    `\\s*[,(;]\\s*(?=\\p{Ll}|\\d|(?:${WEEKDAYS}|${CAPITALISED_MONTHS})\\b)`,
    '[.;:]\\s|[.;:]?$|\\s+[–—-]\\s+',
  ].join('|'),
  'u',
);
const PLACE_LEAD = /\b(?:met|meet|held|convened|gathered|assembled|came together|took place|takes place|meeting)\b/i;

/** Where the meeting was held: a labelled venue, the place in a sentence about the meeting, or a dateline. */
function placeOf(
  reading: Reading,
  about: Reading['sentences'],
  where: string[],
  held: string | undefined,
): string | undefined {
  for (const value of where) {
    const physical = value.split(
      pattern(
        'i',
        String.raw`[,;]?\s+(?:with|and)\s+(?:some|several|two|three|other|a few)?\s*(?:members`,
        String.raw`|participants|attendees)?\s*(?:joining|attending|online)\b`,
      ),
    )[0]!;
    const cleaned = physical.replace(/\s*\((?:and )?online\)|\s*and online$/i, '').trim();
    if (cleaned && !VIRTUAL.test(cleaned) && !/^(?:online|virtual|teleconference|videoconference)$/i.test(cleaned))
      return tidy(cleaned);
  }
  if (held) {
    const after = reading.datesIn(held)[0];
    const rest = after ? held.slice(after.index + after.text.length).replace(/^[\s,]+(?:at\s+)?/, '') : '';
    if (rest && /^\p{Lu}|^\d+\s+\p{Lu}/u.test(rest)) return tidy(rest.replace(/\.$/, ''));
  }
  for (const sentence of about) {
    const lead = PLACE_LEAD.exec(sentence.text);
    if (!lead) continue;
    for (const at of sentence.text.slice(lead.index).matchAll(/\s(?:in|at)\s+/g)) {
      const place = placePhrase(sentence.text.slice(lead.index + at.index + at[0].length));
      if (place) return place;
    }
  }
  const labelled = new Set(reading.fields.map((field) => field.block));
  for (const [index, block] of reading.blocks.slice(0, Math.max(reading.headerEnd + 1, 4)).entries()) {
    if (labelled.has(index) || block.kind === 'table-row') continue;
    const text = blockWords(block).trim();
    const date = reading.datesIn(text)[0];
    if (!date || PUBLICATION.test(text)) continue;
    const before = text
      .slice(0, date.index)
      .replace(/^(?:meeting\s+\d+|communiqu[eé])\s*[-–—]\s*/i, '')
      .replace(/\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*$/i, '')
      .replace(/[\s,–—-]+$/, '');
    if (
      before &&
      // "On Saturday, the 17th of May": the words before a date in a sentence, not a dateline's place.
      !/^(?:on|at|in|from|held|dated)\b/i.test(before) &&
      before.split(/\s+/).length <= 5 &&
      /^\p{Lu}[\p{L}'’ .,-]+$/u.test(before) &&
      !/communiqu|meeting|statement/i.test(before) &&
      // "Communique - Coastal Councils Roundtable - 7 March": the body's name, not a place.
      !GROUP_NOUN.test(before) &&
      !/\s(?!of\b|and\b|the\b)\p{Ll}/u.test(before)
    )
      return tidy(before);
  }
  return undefined;
}

function placePhrase(text: string): string | undefined {
  const stop = STOP.exec(text);
  const phrase = (stop ? text.slice(0, stop.index) : text).trim().replace(/[.,]$/, '');
  if (!phrase || phrase.split(/\s+/).length > 10) return undefined;
  if (new RegExp(`^(?:${CAPITALISED_MONTHS}|${WEEKDAYS}|person|camera|conjunction|\\d{4})\\b`).test(phrase))
    return undefined;
  if (/^\d/.test(phrase) && !/^\d+[A-Za-z]?\s+\p{Lu}/u.test(phrase)) return undefined;
  if (/^the\s+\p{Ll}/u.test(phrase) || !/^(?:the\s+)?[\p{Lu}\d]/u.test(phrase)) return undefined;
  if (VIRTUAL.test(phrase)) return undefined;
  return tidy(phrase);
}

function tidy(place: string): string {
  const trimmed = place
    .replace(/\s+/g, ' ')
    .replace(/[.,;:]$/, '')
    .trim();
  return /\p{Ll}/u.test(trimmed) ? trimmed : titleCase(trimmed);
}
