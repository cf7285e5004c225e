/**
 * The group that met: from a sentence saying it met ("The National Leadership Group (NLG)
 * met…"), from the title ("… Communiqué"), and the acronyms the text spells out.
 */
import { ABOUT_NEXT, type Reading } from './reading.js';

export interface FoundGroup {
  name?: string;
  short_name?: string;
}

const GROUP_NOUNS = [
  'Group',
  'Council',
  'Committee',
  'Board',
  'Roundtable',
  'Round Table',
  'Forum',
  'Taskforce',
  'Task Force',
  'Network',
  'Panel',
  'Commission',
  'Alliance',
  'Partnership',
  'Assembly',
  'Cabinet',
  'Reference Group',
  'Working Group',
  'Meeting of Ministers',
];
export const GROUP_NOUN = new RegExp(`\\b(${GROUP_NOUNS.join('|')})$`);
const MET =
  /^(?:(?:On|In|At)\s[^,]+,\s+)?(?:The\s+|the\s+)?(\p{Lu}.*?)\s+(?:(?:first|last|also|again|formally|recently)\s+)?(?:met|convened|gathered|held its)\b/u;

export function recogniseGroup(reading: Reading): FoundGroup {
  const { acronyms } = reading;
  let fromSentence: FoundGroup | undefined;
  for (const sentence of reading.sentences) {
    if (ABOUT_NEXT.test(sentence)) continue;
    const match = MET.exec(sentence);
    if (!match) continue;
    const found = groupInSubject(match[1]!.trim(), reading);
    if (!found) continue;
    fromSentence = found;
    break;
  }
  const fromTitle = reading.titleBlock ? groupFromTitle(reading.titleBlock.text, acronyms) : undefined;
  const group: FoundGroup = { ...fromSentence };
  // "The NLG met…" names the group only by its acronym; the title usually names it in full.
  const titleIsFuller = fromTitle && group.name && fromTitle.endsWith(group.name) && fromTitle !== group.name;
  if (fromTitle && (!group.name || titleIsFuller || /^[A-Z]{2,}$/.test(group.name))) group.name = fromTitle;
  if (group.name && !group.short_name) {
    for (const [acronym, expansion] of acronyms) {
      if (group.name.endsWith(expansion) && GROUP_NOUN.test(expansion)) group.short_name = acronym;
    }
  }
  if (group.name && group.short_name === group.name) delete group.short_name;
  return group;
}

/** The subject of "… met": a group's name, its acronym, or a bare "Roundtable". */
function groupInSubject(text: string, reading: Reading): FoundGroup | undefined {
  let subject = text;
  const group: FoundGroup = {};
  const short = /\s*\(([A-Z][A-Za-z]*[A-Z])\)$/.exec(subject);
  if (short) {
    group.short_name = short[1];
    subject = subject.slice(0, short.index);
  }
  subject = subject.replace(/\s*\([A-Z][A-Za-z]*[A-Z]\)/g, '').trim();
  if (/^[A-Z]{2,}$/.test(subject)) {
    group.short_name ??= subject;
    if (reading.acronyms.has(subject)) group.name = reading.acronyms.get(subject);
  } else if (GROUP_NOUN.test(subject) && subject.split(' ').length === 1) {
    group.name = fullestName(subject, reading.fullText) ?? subject;
  } else if (
    GROUP_NOUN.test(subject) ||
    /^\p{Lu}[\p{L}'’-]*(?:,?\s+(?:of|and|for|the|on|\p{Lu}[\p{L}'’-]*))+$/u.test(subject)
  ) {
    group.name = expandLeadingAcronym(subject, reading.acronyms);
  } else return undefined;
  return group;
}

function expandLeadingAcronym(name: string, acronyms: Map<string, string>): string {
  const [first, ...rest] = name.split(' ');
  const expansion = first ? acronyms.get(first) : undefined;
  return expansion && rest.length > 0 ? `${expansion} ${rest.join(' ')}` : name;
}

/** "The Roundtable met…": the fullest name the text gives a bare "Roundtable". */
function fullestName(noun: string, text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(new RegExp(`((?:\\p{Lu}[\\p{L}'’-]+\\s+){1,6})${noun}\\b`, 'gu'))) {
    const name = `${match[1]}${noun}`.replace(/^(?:The|A|An)\s+/, '');
    if (name !== noun) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [name, count] of counts) if (!best || count > counts.get(best)!) best = name;
  return best;
}

function groupFromTitle(title: string, acronyms: Map<string, string>): string | undefined {
  const match =
    /^(?:The\s+)?(.+?)\s*[-–—:,]?\s+Communiqu[eé](?!\p{L})/iu.exec(title) ??
    /^Communiqu[eé]\s*[-–—:,]\s*(?:(?:of|from)\s+)?(?:the\s+)?(.+?)(?:\s+[Mm]eeting\b.*)?$/i.exec(title);
  if (!match) return undefined;
  const name = match[1]!.replace(/\s*\([A-Z]+\)/g, '').trim();
  return name ? expandLeadingAcronym(name, acronyms) : undefined;
}
