/**
 * Actions: "<owner> will <do something> by <when>", or "Action: <owner> to …", with the
 * owner matched to an attendee, an attendee's organisation or the group itself.
 */
import { findDates, findMonths } from '../../core/dates.js';
import type { Action, Attendee } from '../../core/model.js';
import { normalise } from '../../core/text.js';
import type { Findings } from './findings.js';
import type { FoundGroup } from './group.js';
import { ORG_WORD, parseName } from './people.js';
import { escapeRegExp, type Reading } from './reading.js';

const WILL =
  /^(?:(?:In addition|Also|Additionally|Following the meeting),?\s+)?(\p{Lu}[^,;]*?)\s+will\s+(?!be\b|have\b|also be\b|need\b|result\b|affect\b|depend\b|continue to be\b)(\p{Ll}.+)$/u;
const LABELLED = /^Action(?:\s+\d+)?\s*:\s*(\p{Lu}[^,;]*?)\s+(?:to|will)\s+(.+)$/u;
const GROUP_WORDS = [
  'Group',
  'Members',
  'members',
  'Committee',
  'Council',
  'Roundtable',
  'Board',
  'Forum',
  'Taskforce',
];

/** When an action is due: a date after the meeting, "next meeting", or a phrase such as "end of 2021". */
export function dueOf(text: string, meetingDay: string | undefined): string | undefined {
  if (/\b(?:by|at|before|ahead of|prior to|for)\s+(?:the\s+)?next meeting\b/i.test(text)) return 'next meeting';
  const coming =
    /\b(?:over|in|within)\s+(?:the\s+)?((?:coming|next)\s+(?:few\s+)?(?:\w+\s+)?(?:months|weeks|year))\b/i.exec(text);
  if (coming) return coming[1]!.toLowerCase();
  const by = /\bby\s+(?:the\s+)?(.+?)(?:[.;,]|$)/i.exec(text);
  if (!by) return undefined;
  const phrase = by[1]!;
  const date = findDates(phrase)[0];
  if (date && date.index === 0) return meetingDay && date.start > meetingDay ? date.start : phrase;
  if (/^(?:end of|mid-|early|late|the end of)\b/i.test(phrase) || findMonths(phrase)[0]?.index === 0)
    return phrase.replace(/^the\s+/i, '');
  return undefined;
}

export function recogniseActions(
  reading: Reading,
  group: FoundGroup,
  attendees: readonly Attendee[],
  meetingDay: string,
  findings: Findings,
): Action[] {
  const named = group.name !== undefined;
  const groupNames = [group.short_name, named ? group.name : undefined, ...GROUP_WORDS].filter((name): name is string =>
    Boolean(name),
  );
  const groupRef = new RegExp(`^(?:the\\s+)?(?:${groupNames.map(escapeRegExp).join('|')})$`, 'i');
  const actions: Action[] = [];
  for (const sentence of reading.sentences) {
    const found = LABELLED.exec(sentence) ?? WILL.exec(sentence);
    if (!found) continue;
    const stated = found[1]!.trim();
    const bare = stated.replace(/^(?:the|a|an)\s+/i, '');
    const statedName = normalise(parseName(stated)?.name ?? bare);
    const attendee = attendees.find(
      (candidate) =>
        normalise(candidate.name) === statedName ||
        normalise(candidate.organisation ?? '') === normalise(bare) ||
        candidate.id === bare,
    );
    let owner: string | undefined;
    let outside = false;
    if (groupRef.test(stated) || (named && normalise(bare) === normalise(group.name!))) owner = group.name;
    else if (attendee)
      owner = normalise(attendee.name) === statedName || attendee.id === bare ? attendee.id : attendee.organisation;
    else if (ORG_WORD.test(bare) || parseName(bare)) {
      owner = group.name;
      outside = true;
    }
    if (!owner) continue;
    const id = `ACT-${actions.length + 1}`;
    const due = dueOf(found[2]!, meetingDay);
    actions.push({ id, text: sentence, owner, ...(due ? { due } : {}), status: 'open' });
    if (outside) {
      const where = 'add it to organisations in communique.config.json (or as an attendee) and set it as the owner';
      const message = `${id}: owner stated as '${stated}'; ${where}`;
      findings.leave(['actions', actions.length - 1, 'owner'], message);
    }
  }
  if (actions.length > 0) findings.fill('actions');
  return actions;
}
