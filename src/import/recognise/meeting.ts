import { CAPITALISED_MONTHS, type DateMention, findDates } from '../../core/dates.js';
import type { Findings } from './findings.js';
import { ABOUT_MEETING, ABOUT_NEXT, blockWords, IN_PERSON, type Reading, VIRTUAL } from './reading.js';

/** When, how and where the group met, and the meeting's number. */
export interface FoundMeeting {
  fields: Record<string, unknown>;
  /** The meeting's (last) day: actions are due after it, the next meeting comes after it. */
  day: string;
  /** The date as the source gave it, when it gave one. */
  date?: DateMention;
}

const PLACE = new RegExp(
  `\\b(?:met|held|convened|gathered|meet)(?:\\s+(?:in person|face[- ]to[- ]face))?(?:\\s+[^.]*?)?\\s+(?:in|at)\\s+(?!person\\b|(?:${CAPITALISED_MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b)((?:the\\s+)?\\p{Lu}[\\p{L}'’.-]*(?:(?:\\s+|,\\s+|\\s+(?:of|on|the)\\s+)\\p{Lu}[\\p{L}'’.-]*)*)`,
  'u',
);

export function recogniseMeeting(reading: Reading, fallbackDate: string, findings: Findings): FoundMeeting {
  const meetingSentences = reading.sentences.filter(
    (sentence) => ABOUT_MEETING.test(sentence) && !ABOUT_NEXT.test(sentence),
  );
  const fields: Record<string, unknown> = {};

  // The date: in a sentence about the meeting, else in the title, else in a short dateline.
  let date: DateMention | undefined;
  for (const sentence of meetingSentences) {
    date = findDates(sentence)[0];
    if (date) break;
  }
  date ??= reading.titleBlock ? findDates(reading.titleBlock.text)[0] : undefined;
  if (!date) {
    for (const block of reading.blocks.slice(0, 4)) {
      const text = blockWords(block).trim();
      const found = findDates(text)[0];
      if (found && text.replace(/[.,]/g, '').split(/\s+/).length <= 6) {
        date = found;
        break;
      }
    }
  }
  const number = reading.titleBlock
    ? /\b(?:Communiqu[eé]|Meeting)\s+(?:No\.?\s*|#)?(\d{1,3})\b/i.exec(reading.titleBlock.text)
    : null;
  if (number && Number(number[1]) >= 1) {
    fields.number = Number(number[1]);
    findings.fill('meeting.number');
  }
  let day: string;
  if (date?.end) {
    fields.start = date.start;
    fields.end = date.end;
    day = date.end;
    findings.fill('meeting.start', 'meeting.end');
  } else if (date) {
    fields.date = date.start;
    day = date.start;
    findings.fill('meeting.date');
  } else {
    fields.date = fallbackDate;
    day = fallbackDate;
    findings.notes.push('TODO: confirm the meeting date; the source does not state it');
    findings.leave(
      ['meeting', 'date'],
      `The source does not state the meeting date: ${fallbackDate} is a stand-in; correct meeting.date`,
    );
  }

  // How and where.
  let virtual = false;
  let inPerson = false;
  let place: string | undefined;
  for (const sentence of meetingSentences) {
    if (VIRTUAL.test(sentence) || /\bhybrid\b/i.test(sentence)) virtual = true;
    if (IN_PERSON.test(sentence) || /\bhybrid\b/i.test(sentence)) inPerson = true;
    place ??= findPlace(sentence);
  }
  if (place) inPerson = true;
  fields.mode = inPerson && virtual ? 'hybrid' : virtual ? 'virtual' : 'in-person';
  if (inPerson || virtual) findings.fill('meeting.mode');
  else
    findings.leave(
      ['meeting', 'mode'],
      'The source does not say whether the meeting was in person or virtual: check meeting.mode',
    );
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
  return { fields, day, ...(date ? { date } : {}) };
}

function findPlace(sentence: string): string | undefined {
  const match = PLACE.exec(sentence);
  if (!match) return undefined;
  return match[1]!.replace(/(?<!\b(?:St|Mt))[.,]$/, '').replace(/(?:,?\s+(?:on|in))$/, '');
}
