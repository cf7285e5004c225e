import { frontMatterYaml, slugify } from '../core/write-front-matter.js';
import { textToBlocks } from './sources/text.js';
import type { Block, ImportOptions, ImportResult, Placeholder } from './types.js';

/**
 * From blocks to a draft communiqué: the facts a reader would pick out of the text go into
 * the front matter, every sentence stays in the body, and whatever cannot be found is left
 * as a marked placeholder that `validate` accepts at the draft stage.
 */

// ---------------------------------------------------------------- dates

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const WEEKDAY = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?';
const RANGE = '\\s*(?:-|–|—|and|to|&)\\s*';
/** "16 November 2021", "16, November 2022", "19th June 2015", "18 and 19 November 2020", "27-28 July 2020", "30 November – 1 December 2020". */
const DAY_FIRST = new RegExp(`\\b${WEEKDAY}${DAY}(?:\\s+${MONTH})?(?:${RANGE}${DAY})?,?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'gi');
/** "November 16, 2021", "November 16-17, 2021". */
const MONTH_FIRST = new RegExp(`\\b${WEEKDAY}${MONTH}\\s+${DAY}(?:${RANGE}${DAY})?,?\\s+(\\d{4})\\b`, 'gi');
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'gi');

interface FoundDate {
  start: string;
  end?: string;
  index: number;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return MONTH_NAMES.findIndex((full) => full.startsWith(lower.slice(0, 3))) + 1;
}

function iso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const match of text.matchAll(DAY_FIRST)) {
    const [whole, day1, month1, day2, month2, year] = match;
    const y = Number(year);
    const m2 = monthNumber(month2!);
    // "Communiqué 1 - 25 May 2021" numbers the communiqué; it is not a range of days.
    const numbered = day2 !== undefined && !month1 && /(?:communiqu[eé]|no\.?|number|meeting|#)\s*$/i.test(text.slice(0, match.index));
    const first = numbered ? undefined : iso(y, month1 ? monthNumber(month1) : m2, Number(day1));
    const last = day2 !== undefined ? iso(y, m2, Number(day2)) : undefined;
    const index = match.index + (numbered ? whole.search(/[-–—&]|and|to/) + 1 : 0);
    if (first && last && last > first) found.push({ start: first, end: last, index });
    else if (last && (numbered || !first)) found.push({ start: last, index });
    else if (first && day2 === undefined) found.push({ start: first, index });
  }
  for (const match of text.matchAll(MONTH_FIRST)) {
    const [, month, day1, day2, year] = match;
    const first = iso(Number(year), monthNumber(month!), Number(day1));
    const last = day2 !== undefined ? iso(Number(year), monthNumber(month!), Number(day2)) : undefined;
    if (first && last && last > first) found.push({ start: first, end: last, index: match.index });
    else if (first) found.push({ start: first, index: match.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

function findMonths(text: string): { month: string; index: number }[] {
  const found: { month: string; index: number }[] = [];
  for (const match of text.matchAll(MONTH_YEAR)) {
    const month = monthNumber(match[1]!);
    if (month > 0) found.push({ month: `${match[2]}-${String(month).padStart(2, '0')}`, index: match.index });
  }
  return found;
}

// ---------------------------------------------------------------- sentences and names

const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Hon|Jr|Sr|Cr|Rev|e\.g|i\.e|etc|Assoc)\.$/;

function sentences(text: string): string[] {
  const parts = text.split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\d])/u);
  const out: string[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (last !== undefined && ABBREVIATION.test(last)) out[out.length - 1] = `${last} ${part}`;
    else out.push(part);
  }
  return out.map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
}

const HONORIFIC =
  /^(The Hon(?:ourable)?\.?|Hon\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Mx\.?|Dr\.?|Associate Professor|Assoc\.? Prof\.?|Prof(?:essor)?\.?|Senator|Sir|Dame|Cr\.?|Councillor|Commissioner|Aunty|Uncle|Rev(?:erend)?\.?|Justice|Judge)\s+/;
const POST_NOMINALS = new Set(
  'AC AO AM OAM PSM CSC CSM APM AFSM ESM DSC MP MLA MLC QC SC KC PhD FAICD GAICD MAICD FRACP FRACS FTSE FAA FAHMS FASSA FRSN FCA CPA LLB MBE OBE CBE KBE DBE ADC'.split(' '),
);
/** Words that make a run of capitalised words a role or an organisation, never a person. */
const NOT_A_NAME = new Set(
  'Director General Chief Executive Officer Secretary Deputy Assistant Minister Chair Co-chair Chairperson Department Council Service Services Group Members Member Government Agency Office Commission Committee Board Roundtable Secretariat Team Partners Partner Communities Community National State Leadership Advisor Adviser Special Representative Representatives Forum Network Australia Australian Western Queensland Victoria Tasmania Territory Wales South Northern Ministers Program Framework Taskforce The A An All Reference Terms Sector Peak Peaks Social Health Education Data Analytics'.split(
    ' ',
  ),
);
const ORG_WORD = /\b(?:Department|Secretariat|Agency|Government|Office|Commission|Council|Authority|Ministry|Taskforce|Group|Committee|Service|Services|Team|Unit|Branch|Division|Institute|Foundation|Association|Trust|Company|Limited|Ltd|Inc|Network|Corporation|Partners?|working group|University|Centre|Board)\b/i;
const GROUP_NOUN = /\b(Group|Council|Committee|Board|Roundtable|Round Table|Forum|Taskforce|Task Force|Network|Panel|Commission|Alliance|Partnership|Assembly|Cabinet|Reference Group|Working Group|Meeting of Ministers)$/;

interface Person {
  honorific?: string;
  name: string;
  post_nominals?: string;
  role?: string;
  organisation?: string;
}

function parseName(text: string): Omit<Person, 'role' | 'organisation'> | undefined {
  let rest = text.trim().replace(/^(?:and|the)\s+(?=\p{Lu})/u, '');
  let honorific: string | undefined;
  const title = HONORIFIC.exec(rest);
  if (title) {
    honorific = title[1]!.replace(/\.$/, '').replace(/^Hon$/, 'Hon').replace(/^The Honourable$/, 'The Hon');
    rest = rest.slice(title[0].length);
  }
  const words = rest.split(/\s+/).filter((word) => word !== '');
  const post: string[] = [];
  while (words.length > 0 && POST_NOMINALS.has(words.at(-1)!.replace(/[.,]$/, ''))) post.unshift(words.pop()!.replace(/[.,]$/, ''));
  if (words.length < (honorific ? 1 : 2) || words.length > 5) return undefined;
  for (const word of words) {
    if (/^(?:de|van|von|der|den|da|di|le|la|bin|binti|al)$/.test(word)) continue;
    if (!/^(?:\p{Lu}\.?|\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*)$/u.test(word)) return undefined;
    if (NOT_A_NAME.has(word)) return undefined;
  }
  return { ...(honorific ? { honorific } : {}), name: words.join(' '), ...(post.length > 0 ? { post_nominals: post.join(' ') } : {}) };
}

/** "Secretary of the Department of Social Services", "Department of Health", "Chair". */
function describeRole(text: string, into: Person): void {
  const part = text.trim().replace(/^(?:the|a|an)\s+/i, '').replace(/[.;]$/, '');
  if (part === '') return;
  if (/^(?:Assistant |Shadow )?Minister\b/.test(part)) {
    into.role ??= part;
    return;
  }
  const split = /^(.+?)\s+(?:of|at|from|with)\s+(?:the\s+)?(\p{Lu}.*)$/u.exec(part);
  if (split && !ORG_WORD.test(split[1]!) && ORG_WORD.test(split[2]!)) {
    into.role ??= split[1];
    into.organisation ??= split[2];
    return;
  }
  if ((ORG_WORD.test(part) || into.role !== undefined) && /^\p{Lu}/u.test(part)) into.organisation ??= part;
  else into.role ??= part.charAt(0).toUpperCase() + part.slice(1);
}

/** "Mr Ray Griggs AO CSC, Secretary, Department of Social Services", or the parts the other way round. */
function parsePerson(text: string): Person | undefined {
  const cleaned = text.trim().replace(/[.;]$/, '');
  const paren = /\(([^)]+)\)\s*$/.exec(cleaned);
  const main = paren ? cleaned.slice(0, paren.index).trim() : cleaned;
  const parts = main.split(/\s*,\s*|\s+[–—-]\s+/).filter((part) => part !== '');
  // Post-nominals are sometimes set off by a comma: "Jane Smith, AM".
  for (let index = parts.length - 1; index > 0; index--) {
    if (parts[index]!.split(/\s+/).every((word) => POST_NOMINALS.has(word))) {
      parts[index - 1] = `${parts[index - 1]} ${parts[index]}`;
      parts.splice(index, 1);
    }
  }
  const at = parts.findIndex((part) => parseName(part) !== undefined);
  if (at === -1) return undefined;
  const person: Person = { ...parseName(parts[at]!)! };
  parts.forEach((part, index) => {
    if (index !== at) describeRole(part, person);
  });
  if (paren) describeRole(paren[1]!, person);
  return person;
}

const normalise = (text: string) => text.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------- the group

interface Group {
  name?: string;
  short_name?: string;
}

/** "Stronger Places, Stronger People (SPSP)": acronyms the text spells out. */
function acronymsOf(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(/\(([A-Z][A-Za-z]*[A-Z])\)/g)) {
    const acronym = match[1]!;
    const words = text.slice(Math.max(0, match.index - 200), match.index).trim().split(/\s+/);
    for (let count = 1; count <= Math.min(words.length, 12); count++) {
      const candidate = words.slice(-count);
      if (!/^\p{Lu}/u.test(candidate[0]!)) continue;
      const initials = candidate
        .filter((word) => /^\p{Lu}/u.test(word))
        .map((word) => word.charAt(0))
        .join('');
      if (initials.toUpperCase() === acronym.toUpperCase()) {
        if (!found.has(acronym)) found.set(acronym, candidate.join(' ').replace(/[,;:]$/, ''));
        break;
      }
    }
  }
  return found;
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

const MET = /^(?:(?:On|In|At)\s[^,]+,\s+)?(?:The\s+|the\s+)?(\p{Lu}.*?)\s+(?:(?:first|last|also|again|formally|recently)\s+)?(?:met|convened|gathered|held its)\b/u;

function findGroup(allSentences: string[], title: string | undefined, acronyms: Map<string, string>, fullText: string): Group {
  let fromSentence: Group | undefined;
  for (const sentence of allSentences) {
    if (ABOUT_NEXT.test(sentence)) continue;
    const match = MET.exec(sentence);
    if (!match) continue;
    let subject = match[1]!.trim();
    const group: Group = {};
    const short = /\s*\(([A-Z][A-Za-z]*[A-Z])\)$/.exec(subject);
    if (short) {
      group.short_name = short[1];
      subject = subject.slice(0, short.index);
    }
    subject = subject.replace(/\s*\([A-Z][A-Za-z]*[A-Z]\)/g, '').trim();
    if (/^[A-Z]{2,}$/.test(subject)) {
      group.short_name ??= subject;
      if (acronyms.has(subject)) group.name = acronyms.get(subject);
    } else if (GROUP_NOUN.test(subject) && subject.split(' ').length === 1) {
      group.name = fullestName(subject, fullText) ?? subject;
    } else if (GROUP_NOUN.test(subject) || /^\p{Lu}[\p{L}'’-]*(?:,?\s+(?:of|and|for|the|on|\p{Lu}[\p{L}'’-]*))+$/u.test(subject)) {
      group.name = expandLeadingAcronym(subject, acronyms);
    } else continue;
    fromSentence = group;
    break;
  }
  const fromTitle = title ? groupFromTitle(title, acronyms) : undefined;
  const group: Group = { ...fromSentence };
  // "The NLG met…" names the group only by its acronym; the title usually names it in full.
  if (fromTitle && (!group.name || (fromTitle.endsWith(group.name) && fromTitle !== group.name) || /^[A-Z]{2,}$/.test(group.name))) group.name = fromTitle;
  if (group.name && !group.short_name) {
    for (const [acronym, expansion] of acronyms) {
      if (group.name.endsWith(expansion) && GROUP_NOUN.test(expansion)) group.short_name = acronym;
    }
  }
  if (group.name && group.short_name === group.name) delete group.short_name;
  return group;
}

function groupFromTitle(title: string, acronyms: Map<string, string>): string | undefined {
  const match = /^(?:The\s+)?(.+?)\s*[-–—:,]?\s+Communiqu[eé](?!\p{L})/iu.exec(title) ?? /^Communiqu[eé]\s*[-–—:,]\s*(?:(?:of|from)\s+)?(?:the\s+)?(.+?)(?:\s+[Mm]eeting\b.*)?$/i.exec(title);
  if (!match) return undefined;
  const name = match[1]!.replace(/\s*\([A-Z]+\)/g, '').trim();
  return name ? expandLeadingAcronym(name, acronyms) : undefined;
}

// ---------------------------------------------------------------- the meeting

const ABOUT_MEETING = /\b(?:met|meets|convened|gathered|meeting (?:was )?held|held (?:its|a|the)\b[^.]*\bmeeting)\b/i;
const ABOUT_NEXT = /\bnext meeting\b|\bwill (?:next )?meet\b|\bnext meet\b|\bnext (?:convene|gather)\b/i;
const VIRTUAL = /\b(?:virtually|online|by video ?conference|via video ?conference|videoconference|by video|by teleconference|via (?:Zoom|Microsoft Teams|Teams|Webex)|remotely)\b/i;
const IN_PERSON = /\b(?:in person|in-person|face[- ]to[- ]face)\b/i;
const CAPITALISED_MONTH = MONTH_NAMES.map((name) => name.charAt(0).toUpperCase() + name.slice(1)).join('|');
const PLACE = new RegExp(
  `\\b(?:met|held|convened|gathered|meet)(?:\\s+(?:in person|face[- ]to[- ]face))?(?:\\s+[^.]*?)?\\s+(?:in|at)\\s+(?!person\\b|(?:${CAPITALISED_MONTH}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b)((?:the\\s+)?\\p{Lu}[\\p{L}'’.-]*(?:(?:\\s+|,\\s+|\\s+(?:of|on|the)\\s+)\\p{Lu}[\\p{L}'’.-]*)*)`,
  'u',
);

function findPlace(sentence: string): string | undefined {
  const match = PLACE.exec(sentence);
  if (!match) return undefined;
  return match[1]!.replace(/(?<!\b(?:St|Mt))[.,]$/, '').replace(/(?:,?\s+(?:on|in))$/, '');
}

// ---------------------------------------------------------------- agreements and actions

const VERBS = ['agreed', 'endorsed', 'approved', 'noted', 'resolved', 'decided', 'supported', 'welcomed', 'acknowledged', 'requested', 'commended'] as const;
type Verb = (typeof VERBS)[number];
const GROUP_SUBJECT = '(?:Group|group|Members|members|Committee|Council|Board|Roundtable|Forum|Taskforce|Ministers|Meeting|meeting|they|They|It|it|Participants|participants|Chair|Chairs|Co-chairs|Co-Chairs|Partners|Leaders)';
const LEAD_IN = '(?:(?:In addition|Also|Further(?:more)?|Finally|Additionally|At (?:the|this) meeting|During the meeting|Importantly),?\\s+)?';
const ADVERBS = '(?:also|again|further|unanimously|formally|then|collectively|strongly|warmly)';

function subjectPattern(group: Group): string {
  const own = [group.short_name, group.name].filter((name): name is string => Boolean(name)).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `${LEAD_IN}(?:the\\s+|The\\s+)?(?:${[...own, GROUP_SUBJECT].join('|')})`;
}

interface Agreement {
  id: string;
  verb: Verb;
  qualifier?: string;
  text: string;
}

function asStatement(text: string): string {
  // "agreed in principle to a shared platform": the "to" belongs to the verb, not the decision.
  const trimmed = text
    .trim()
    .replace(/^(?:that|on)\s+|^to\s+(?=(?:a|an|the|this|these|its|their)\s)/i, '')
    .replace(/[,;:]$/, '');
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]["”’)]?$/.test(capital) ? capital : `${capital}.`;
}

function agreementOf(sentence: string, subject: RegExp): Omit<Agreement, 'id'> | undefined {
  const active = subject.exec(sentence);
  if (active) {
    const adverbs = active[1] ?? '';
    const verb: Verb = active[2] ? (active[2].toLowerCase() as Verb) : 'supported';
    let rest = active[3] ?? '';
    let qualifier: string | undefined;
    if (/^in[ -]principle\b/i.test(rest)) {
      qualifier = 'in principle';
      rest = rest.replace(/^in[ -]principle\s*/i, '');
    }
    const subjectTo = /,?\s+(subject to [^.;]+)[.;]?$/i.exec(rest);
    if (subjectTo) {
      qualifier ??= subjectTo[1];
      rest = rest.slice(0, subjectTo.index);
    }
    if (!qualifier && /\b(?:again|unanimously)\b/.test(adverbs)) qualifier = /\bagain\b/.test(adverbs) ? 'again' : 'unanimously';
    if (rest.trim().length < 3) return undefined;
    return { verb, ...(qualifier ? { qualifier } : {}), text: asStatement(rest) };
  }
  // "The Terms of Reference were endorsed at the May meeting."
  const passive = /^(\p{Lu}.+?)\s+(?:was|were|has been|have been)\s+(?:formally\s+|unanimously\s+)?(endorsed|approved|agreed|noted|supported|welcomed)(?:\s+(?:at|by)\s+(?:the|this)\s+(?:[\w-]+\s+){0,2}(?:meeting|Group|Members|members|Roundtable|Committee|Council|Board)|\s+by\s+members)?\.?$/u.exec(sentence);
  if (passive) return { verb: passive[2] as Verb, text: asStatement(passive[1]!) };
  return undefined;
}

interface Attendee {
  id: string;
  honorific?: string;
  name: string;
  post_nominals?: string;
  role?: string;
  organisation?: string;
  kind: 'member' | 'guest' | 'observer' | 'presenter' | 'secretariat';
  attendance: 'present' | 'remote' | 'partial' | 'apology' | 'absent';
}

interface Action {
  id: string;
  text: string;
  owner: string;
  due?: string;
  status: 'open';
}

function dueOf(text: string, meetingDay: string | undefined): string | undefined {
  if (/\b(?:by|at|before|ahead of|prior to|for)\s+(?:the\s+)?next meeting\b/i.test(text)) return 'next meeting';
  const coming = /\b(?:over|in|within)\s+(?:the\s+)?((?:coming|next)\s+(?:few\s+)?(?:\w+\s+)?(?:months|weeks|year))\b/i.exec(text);
  if (coming) return coming[1]!.toLowerCase();
  const by = /\bby\s+(?:the\s+)?(.+?)(?:[.;,]|$)/i.exec(text);
  if (!by) return undefined;
  const phrase = by[1]!;
  const date = findDates(phrase)[0];
  if (date && date.index === 0) return meetingDay && date.start > meetingDay ? date.start : phrase;
  if (/^(?:end of|mid-|early|late|the end of)\b/i.test(phrase) || findMonths(phrase)[0]?.index === 0) return phrase.replace(/^the\s+/i, '');
  return undefined;
}

// ---------------------------------------------------------------- the body

function escapeParagraph(text: string): string {
  return text.replace(/^([#>+*-]|\d{1,9}[.)])(?=\s)/, '\\$1');
}

function bodyMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  const levels = blocks.filter((block) => block.kind === 'heading').map((block) => (block as { level: number }).level);
  const top = levels.length > 0 ? Math.min(...levels) : 2;
  let previousLevel = 1;
  let numbers: number[] = [];
  let widths: number[] = [];
  let kinds: boolean[] = [];
  let previous: Block['kind'] | undefined;
  for (const block of blocks) {
    const switchesList = block.kind === 'list-item' && block.depth === 0 && kinds[0] !== undefined && kinds[0] !== block.ordered;
    const separate = previous !== undefined && (switchesList || !(previous === block.kind && (block.kind === 'list-item' || block.kind === 'table-row')));
    if (separate) out.push('');
    if (block.kind !== 'list-item') {
      numbers = [];
      widths = [];
      kinds = [];
    }
    if (block.kind === 'heading') {
      const level = Math.min(block.level - top + 2, previousLevel + 1, 6);
      out.push(`${'#'.repeat(level)} ${block.text}`);
      previousLevel = level;
    } else if (block.kind === 'paragraph') {
      out.push(escapeParagraph(block.text));
    } else if (block.kind === 'list-item') {
      const depth = Math.min(block.depth, numbers.length);
      numbers.length = depth + 1;
      // A bulleted list next to a numbered one is a new list, numbered from 1.
      if (kinds[depth] !== block.ordered) numbers[depth] = 0;
      kinds.length = depth + 1;
      kinds[depth] = block.ordered;
      widths.length = depth;
      numbers[depth] = (numbers[depth] ?? 0) + 1;
      const marker = block.ordered ? `${numbers[depth]}.` : '-';
      const indent = ' '.repeat(widths.reduce((sum, width) => sum + width, 0));
      widths[depth] = marker.length + 1;
      out.push(`${indent}${marker} ${block.text}`);
    } else {
      const cells = block.cells.map((cell) => cell.replace(/\|/g, '\\|'));
      out.push(`| ${cells.join(' | ')} |`);
      if (previous !== 'table-row') out.push(`|${cells.map(() => ' --- ').join('|')}|`);
    }
    previous = block.kind;
  }
  return out.join('\n');
}

/** Words as a reader counts them: case and surrounding punctuation do not matter. */
export function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '');
}

/** How many of `source`'s words appear in `target` in the same order (greedy: earliest match). */
export function keptInOrder(source: readonly string[], target: readonly string[]): number {
  let at = 0;
  let kept = 0;
  for (const word of source) {
    let found = -1;
    for (let index = at; index < target.length; index++) {
      if (target[index] === word) {
        found = index;
        break;
      }
    }
    if (found !== -1) {
      kept++;
      at = found + 1;
    }
  }
  return kept;
}

function blockWords(block: Block): string {
  return block.kind === 'table-row' ? block.cells.join(' ') : block.text;
}

/** The body's words as a reader sees them: without Markdown's markers. */
function markdownWords(markdown: string): string[] {
  const plain = markdown
    .split('\n')
    .filter((line) => !/^\|(?:\s*-{3,}\s*\|)+$/.test(line))
    .map((line) =>
      line
        .replace(/^\s*(?:#{1,6}|[-*+]|\d{1,9}[.)])\s+/, '')
        .replace(/^\\/, '')
        .replace(/(?<!\\)\|/g, ' ')
        .replace(/\\\|/g, '|'),
    )
    .join('\n');
  return wordsOf(plain);
}

// ---------------------------------------------------------------- attendance

const LABELS: readonly [RegExp, Pick<Attendee, 'kind' | 'attendance'>][] = [
  [/^(?:members\s+)?present|^attendees|^attendance|^members(?:\s+attending)?$|^participants/i, { kind: 'member', attendance: 'present' }],
  [/^(?:in attendance|also (?:present|in attendance)|observers?)/i, { kind: 'observer', attendance: 'present' }],
  [/^secretariat/i, { kind: 'secretariat', attendance: 'present' }],
  [/^guests?|^presenters?/i, { kind: 'guest', attendance: 'present' }],
  [/^apolog(?:y|ies)/i, { kind: 'member', attendance: 'apology' }],
  [/^absent/i, { kind: 'member', attendance: 'absent' }],
];
const LABEL_LINE = /^((?:members\s+)?present|attendees|attendance|members(?:\s+attending|\s+present)?|participants|in attendance|also (?:present|in attendance)|observers?|secretariat|guests?|presenters?|apolog(?:y|ies)(?:\s+received)?|absent)\s*(?::|[-–—]\s|$)\s*(.*)$/i;

/** "Present", "Joined remotely", "Part of the meeting", "Apology", "Absent" as written in an attendance column. */
function attendanceOf(text: string): Attendee['attendance'] | undefined {
  const value = text.trim().toLowerCase();
  if (/^apolog/.test(value)) return 'apology';
  if (/^absent/.test(value)) return 'absent';
  if (/remote|online|video|phone|virtual/.test(value)) return 'remote';
  if (/part|partial|left|arrived/.test(value)) return 'partial';
  if (/^present|^attended|^yes/.test(value)) return 'present';
  return undefined;
}

function labelled(text: string): { how: Pick<Attendee, 'kind' | 'attendance'>; rest: string } | undefined {
  const match = LABEL_LINE.exec(text.trim());
  if (!match) return undefined;
  const label = match[1]!;
  const how = LABELS.find(([pattern]) => pattern.test(label))?.[1];
  return how ? { how, rest: match[2]!.trim() } : undefined;
}

/** "A, Chair; B" or "Mr A Smith, Chair, Dr B Jones, Department of Health": pieces that are not names belong to the name before. */
function entries(text: string): string[] {
  if (text.includes(';')) return text.split(';').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const pieces = text.split(/\s*,\s*|\s+and\s+(?=\p{Lu})/u).filter((piece) => piece !== '');
  const out: string[] = [];
  for (const piece of pieces) {
    if (out.length > 0 && !parseName(piece.replace(/\s*\([^)]*\)$/, ''))) out[out.length - 1] = `${out.at(-1)}, ${piece}`;
    else out.push(piece);
  }
  return out;
}

// ---------------------------------------------------------------- import

export function importBlocks(blocks: Block[], options: ImportOptions): ImportResult {
  const placeholders: Placeholder[] = [];
  const filled = new Set<string>();
  const notes: string[] = [];

  const titleBlock = blocks[0]?.kind === 'heading' ? blocks[0] : undefined;
  const bodyBlocks = titleBlock ? blocks.slice(1) : blocks;
  const fullText = blocks.map(blockWords).join('\n');
  const allSentences = blocks.filter((block) => block.kind !== 'table-row').flatMap((block) => sentences(blockWords(block)));
  const acronyms = acronymsOf(fullText);

  // The group.
  const group = findGroup(allSentences, titleBlock?.text, acronyms, fullText);
  if (group.name) filled.add('meeting.group.name');
  else {
    group.name = 'TBC: name of the group that met';
    placeholders.push({ field: 'meeting.group.name', hint: 'The source does not name the group that met: fill in meeting.group.name (and short_name, e.g. NLG)' });
  }
  if (group.short_name) filled.add('meeting.group.short_name');
  const known = !group.name.startsWith('TBC');

  // The title.
  let title: string;
  if (titleBlock) {
    title = titleBlock.text;
    filled.add('title');
  } else if (known) {
    title = `${group.name} Communiqué`;
  } else {
    title = 'TBC: title of the communiqué';
    placeholders.push({ field: 'title', hint: 'The source has no title: write the communiqué title' });
  }

  // The meeting's date: a date in a sentence about the meeting, else one in the title, else a dateline.
  const meetingSentences = allSentences.filter((sentence) => ABOUT_MEETING.test(sentence) && !ABOUT_NEXT.test(sentence));
  let date: FoundDate | undefined;
  for (const sentence of meetingSentences) {
    date = findDates(sentence)[0];
    if (date) break;
  }
  date ??= titleBlock ? findDates(titleBlock.text)[0] : undefined;
  if (!date) {
    for (const block of blocks.slice(0, 4)) {
      const text = blockWords(block).trim();
      const found = findDates(text)[0];
      if (found && text.replace(/[.,]/g, '').split(/\s+/).length <= 6) {
        date = found;
        break;
      }
    }
  }
  const meeting: Record<string, unknown> = { group: { name: group.name, ...(group.short_name ? { short_name: group.short_name } : {}) } };
  const number = titleBlock ? /\b(?:Communiqu[eé]|Meeting)\s+(?:No\.?\s*|#)?(\d{1,3})\b/i.exec(titleBlock.text) : null;
  if (number && Number(number[1]) >= 1) {
    meeting.number = Number(number[1]);
    filled.add('meeting.number');
  }
  let meetingDay: string;
  if (date?.end) {
    meeting.start = date.start;
    meeting.end = date.end;
    meetingDay = date.end;
    filled.add('meeting.start').add('meeting.end');
  } else if (date) {
    meeting.date = date.start;
    meetingDay = date.start;
    filled.add('meeting.date');
  } else {
    meeting.date = options.fallbackDate;
    meetingDay = options.fallbackDate;
    notes.push('TODO: confirm the meeting date; the source does not state it');
    placeholders.push({ field: 'meeting.date', hint: `The source does not state the meeting date: ${options.fallbackDate} is a stand-in, correct meeting.date` });
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
  if (inPerson && virtual) meeting.mode = 'hybrid';
  else if (virtual) meeting.mode = 'virtual';
  else meeting.mode = 'in-person';
  if (inPerson || virtual) filled.add('meeting.mode');
  else {
    placeholders.push({ field: 'meeting.mode', hint: 'The source does not say whether the meeting was in person or virtual: check meeting.mode' });
  }
  if (meeting.mode !== 'virtual') {
    if (place) {
      meeting.place = place;
      filled.add('meeting.place');
    } else {
      meeting.place = 'TBC';
      placeholders.push({ field: 'meeting.place', hint: 'The source does not say where the meeting was held: replace TBC in meeting.place' });
    }
  }

  // Who attended.
  const attendees: Attendee[] = [];
  const chairIds: string[] = [];
  const addAttendee = (person: Person, how: Pick<Attendee, 'kind' | 'attendance'>): Attendee => {
    const existing = attendees.find((attendee) => normalise(attendee.name) === normalise(person.name));
    if (existing) {
      existing.honorific ??= person.honorific;
      existing.post_nominals ??= person.post_nominals;
      existing.role ??= person.role;
      existing.organisation ??= person.organisation;
      return existing;
    }
    let id = slugify(person.name) || 'attendee';
    for (let suffix = 2; attendees.some((attendee) => attendee.id === id); suffix++) id = `${slugify(person.name)}-${suffix}`;
    const attendee: Attendee = { id, ...person, ...how };
    attendees.push(attendee);
    return attendee;
  };
  /** Someone listed with the role "Chair" or "Co-chair" chaired the meeting, if they were there. */
  const noteChair = (attendee: Attendee) => {
    if (/^(?:co-?)?chair(?:person)?$/i.test(attendee.role ?? '') && ['present', 'remote', 'partial'].includes(attendee.attendance) && !chairIds.includes(attendee.id)) {
      chairIds.push(attendee.id);
    }
  };
  const addEntry = (entry: string, how: Pick<Attendee, 'kind' | 'attendance'>): boolean => {
    const person = parsePerson(entry);
    const kind = how.kind !== 'member' ? (/secretariat/i.test(entry) ? 'secretariat' : how.kind) : how.kind;
    if (person) {
      noteChair(addAttendee(person, { ...how, kind }));
      return true;
    }
    // An organisation's seat ("Seer Data and Analytics representative") is listed as given;
    // anything that reads like a sentence ends the list of people.
    const name = entry.trim().replace(/[.;]$/, '');
    if (!/^\p{Lu}/u.test(name) || /[.!?]/.test(name) || name.split(/\s+/).length > 8) return false;
    addAttendee({ name }, { ...how, kind });
    return true;
  };

  let columns: { name: number; role: number; attendance: number } | undefined;
  const addTableRow = (cells: readonly string[], at: NonNullable<typeof columns>, group: Pick<Attendee, 'kind' | 'attendance'> | undefined): boolean => {
    const nameCell = cells[at.name]?.trim() ?? '';
    if (nameCell === '') return false;
    const person: Person = parsePerson(nameCell) ?? { name: nameCell };
    // "Director General, Department of Communities; representing …": the part before any `;`.
    const roleCell = (cells[at.role] ?? '').split(';')[0]!.replace(/\s*\(proxy for [^)]*\)/i, '');
    for (const part of roleCell.split(/\s*,\s*/)) if (part) describeRole(part, person);
    const attendance = attendanceOf(cells[at.attendance] ?? '') ?? group?.attendance ?? 'present';
    noteChair(addAttendee(person, { kind: group?.kind ?? 'member', attendance }));
    return true;
  };

  let current: Pick<Attendee, 'kind' | 'attendance'> | undefined;
  for (const block of bodyBlocks) {
    const text = blockWords(block);
    const label = block.kind === 'table-row' ? undefined : labelled(text);
    if (label && (block.kind === 'heading' || text.includes(':') || label.rest === '')) {
      current = label.how;
      if (label.rest) for (const entry of entries(label.rest)) addEntry(entry, label.how);
      continue;
    }
    if (current && block.kind === 'list-item' && addEntry(block.text, current)) continue;
    if (block.kind === 'table-row') {
      // An attendance table: its header names the columns, rows are people.
      if (block.header && block.cells.some((cell) => /^name$/i.test(cell.trim()))) {
        columns = {
          name: block.cells.findIndex((cell) => /^name$/i.test(cell.trim())),
          role: block.cells.findIndex((cell) => /role|organi[sz]ation|position|title/i.test(cell)),
          attendance: block.cells.findIndex((cell) => /attendance|attended/i.test(cell)),
        };
        continue;
      }
      if (columns && addTableRow(block.cells, columns, current)) continue;
      if (current && addEntry(block.cells.join(', '), current)) continue;
    } else columns = undefined;
    if (current && block.kind === 'paragraph' && parsePerson(block.text) && block.text.length < 120 && !/[.!?]$/.test(block.text)) {
      addEntry(block.text, current);
      continue;
    }
    current = undefined;
  }

  let attendanceNote: string | undefined;
  for (const sentence of allSentences) {
    const joined = /\b(?:was|were) (?:also )?joined by\s+(.+?)\.?$/.exec(sentence);
    if (joined) {
      for (const entry of joined[1]!.split(/,?\s+and\s+(?=(?:the\s+)?(?:The Hon|Hon|Mr|Mrs|Ms|Dr|Prof|Professor|Senator)\b)/)) {
        const person = parsePerson(entry);
        if (person) addAttendee(person, { kind: 'guest', attendance: 'present' });
      }
    }
    const chaired = /\b(co-?)?chaired by\s+(.+?)\.?$/i.exec(sentence);
    if (chaired && !/\bis\s+(?:co-?)?chaired\b/i.test(sentence)) {
      const names = chaired[1] ? chaired[2]!.split(/,?\s+and\s+(?=(?:the\s+)?\p{Lu})/u) : [chaired[2]!];
      for (const entry of names) {
        const person = parsePerson(entry);
        if (person) chairIds.push(addAttendee({ role: chaired[1] ? 'Co-chair' : 'Chair', ...person }, { kind: 'member', attendance: 'present' }).id);
      }
    }
    const attended = /\b(?:was|were) attended by\s+(.+?)\.?$/.exec(sentence);
    if (attended) {
      const people = entries(attended[1]!).map(parsePerson);
      if (people.length > 0 && people.every((person) => person !== undefined)) {
        for (const person of people) addAttendee(person!, { kind: 'member', attendance: 'present' });
      } else attendanceNote ??= `Attended by ${attended[1]}.`;
    }
  }
  for (const block of bodyBlocks) {
    const chair = block.kind !== 'table-row' ? /^(co-?chairs?|chair(?:person)?)\s*:\s*(.+)$/i.exec(block.text) : null;
    if (!chair) continue;
    for (const entry of entries(chair[2]!)) {
      const person = parsePerson(entry);
      if (person) chairIds.push(addAttendee({ role: /co/i.test(chair[1]!) ? 'Co-chair' : 'Chair', ...person }, { kind: 'member', attendance: 'present' }).id);
    }
  }
  const chairs = [...new Set(chairIds)];
  for (const id of chairs) {
    // A chair is at the meeting, whatever list they were found in.
    const attendee = attendees.find((candidate) => candidate.id === id)!;
    attendee.attendance = 'present';
  }
  if (chairs.length === 1) meeting.chair = chairs[0];
  else if (chairs.length > 1) meeting.chair = chairs;
  if (chairs.length > 0) filled.add('meeting.chair');
  else {
    notes.push('TODO: the source does not name the chair; add them as an attendee and set meeting.chair');
    placeholders.push({ field: 'meeting.chair', hint: 'The source does not name who chaired the meeting: add the chair as an attendee and set meeting.chair' });
  }
  if (attendees.length > 0) filled.add('attendees');
  if (attendanceNote) filled.add('attendance_note');
  if (attendees.length === 0 && !attendanceNote) {
    attendanceNote = 'TBC: who attended (the source names nobody)';
    placeholders.push({ field: 'attendance_note', hint: 'The source does not say who attended: list the attendees, or describe attendance in attendance_note' });
  }

  // Agreements.
  const subjects = subjectPattern(group);
  const activeAgreement = new RegExp(
    `^${subjects}(?:\\s+\\(\\w+\\))?(?:\\s+\\w+\\s+and)?((?:\\s+${ADVERBS})*)\\s+(?:(${VERBS.join('|')})|indicated (?:its |their )?support for|expressed (?:its |their )?support for|gave (?:its |their )?support to)\\b\\s*(.*)$`,
  );
  const agreements: Agreement[] = [];
  let listVerb: Verb | undefined;
  for (const block of bodyBlocks) {
    if (block.kind === 'list-item' && listVerb) {
      agreements.push({ id: `AGR-${agreements.length + 1}`, verb: listVerb, text: asStatement(block.text) });
      continue;
    }
    listVerb = undefined;
    if (block.kind === 'table-row') continue;
    if (block.kind === 'heading') {
      if (/^(?:agreements|decisions|outcomes|resolutions)$/i.test(block.text)) listVerb = 'agreed';
      continue;
    }
    for (const sentence of sentences(block.text)) {
      const intro = activeAgreement.exec(sentence);
      if (intro && /^(?:(?:that|to)(?: the following)?)?\s*:?$/i.test((intro[3] ?? '').trim()) && /:$/.test(sentence)) {
        listVerb = intro[2] ? (intro[2].toLowerCase() as Verb) : 'supported';
        continue;
      }
      const found = agreementOf(sentence, activeAgreement);
      if (found) agreements.push({ id: `AGR-${agreements.length + 1}`, ...found });
    }
  }
  if (agreements.length > 0) filled.add('agreements');

  // Actions.
  const groupRef = new RegExp(`^(?:the\\s+)?(?:${[group.short_name, known ? group.name : undefined, 'Group', 'Members', 'members', 'Committee', 'Council', 'Roundtable', 'Board', 'Forum', 'Taskforce']
    .filter((name): name is string => Boolean(name))
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})$`, 'i');
  const actions: Action[] = [];
  for (const sentence of allSentences) {
    const match = /^(?:(?:In addition|Also|Additionally|Following the meeting),?\s+)?(\p{Lu}[^,;]*?)\s+will\s+(?!be\b|have\b|also be\b|need\b|result\b|affect\b|depend\b|continue to be\b)(\p{Ll}.+)$/u.exec(sentence);
    const labelledAction = /^Action(?:\s+\d+)?\s*:\s*(\p{Lu}[^,;]*?)\s+(?:to|will)\s+(.+)$/u.exec(sentence);
    const found = labelledAction ?? match;
    if (!found) continue;
    const stated = found[1]!.trim();
    const bare = stated.replace(/^(?:the|a|an)\s+/i, '');
    let owner: string | undefined;
    let outside = false;
    const statedName = normalise(parseName(stated)?.name ?? bare);
    const attendee = attendees.find(
      (candidate) => normalise(candidate.name) === statedName || normalise(candidate.organisation ?? '') === normalise(bare) || candidate.id === bare,
    );
    if (groupRef.test(stated) || (known && normalise(bare) === normalise(group.name))) owner = known ? group.name : undefined;
    else if (attendee) owner = normalise(attendee.name) === statedName || attendee.id === bare ? attendee.id : attendee.organisation;
    else if (ORG_WORD.test(bare) || parseName(bare)) {
      owner = known ? group.name : undefined;
      outside = true;
    }
    if (!owner) continue;
    const id = `ACT-${actions.length + 1}`;
    const due = dueOf(found[2]!, meetingDay);
    actions.push({ id, text: sentence, owner, ...(due ? { due } : {}), status: 'open' });
    if (outside) {
      placeholders.push({
        field: `actions[${id}].owner`,
        hint: `${id}: owner stated as '${stated}'; add it to organisations in communique.config.json (or as an attendee) and set it as the owner`,
      });
    }
  }
  if (actions.length > 0) filled.add('actions');

  // The next meeting: stated outright, or "the February 2022 meeting" soon after this one.
  const next: Record<string, string> = {};
  const meetingMonth = meetingDay.slice(0, 7);
  for (const sentence of allSentences) {
    if (!ABOUT_NEXT.test(sentence)) continue;
    const day = findDates(sentence).find((found) => found.start > meetingDay);
    const month = findMonths(sentence).find((found) => found.month > meetingMonth);
    if (day) next.date = day.start;
    else if (month) next.date = month.month;
    const where = /\b(?:in|at)\s+((?:the\s+)?\p{Lu}[\p{L}'’-]+(?:,?\s+\p{Lu}[\p{L}'’-]+)*)/u.exec(sentence.replace(new RegExp(`\\b${MONTH}\\s+\\d{4}`, 'gi'), ''));
    if (where && !new RegExp(`^(?:${CAPITALISED_MONTH})$`).test(where[1]!)) next.place = where[1]!;
    if (VIRTUAL.test(sentence)) next.mode = 'virtual';
    else if (next.place) next.mode = 'in-person';
    if (Object.keys(next).length > 0) break;
  }
  if (!next.date && date) {
    for (const sentence of allSentences) {
      const match = new RegExp(`\\b(?:the|its|a)\\s+${MONTH}\\s+(\\d{4})\\s+(?:meeting|gathering)\\b`, 'i').exec(sentence);
      if (!match) continue;
      const month = `${match[2]}-${String(monthNumber(match[1]!)).padStart(2, '0')}`;
      const gap = (Number(month.slice(0, 4)) - Number(meetingMonth.slice(0, 4))) * 12 + Number(month.slice(5)) - Number(meetingMonth.slice(5));
      if (gap >= 1 && gap <= 6) {
        next.date = month;
        break;
      }
    }
  }
  for (const key of Object.keys(next)) filled.add(`next_meeting.${key}`);

  // The front matter, in the order of the examples.
  const shortOrName = group.short_name ?? (known ? group.name : '');
  const data: Record<string, unknown> = {
    schema_version: 1,
    id: `${slugify(shortOrName) || 'communique'}-${String(meeting.date ?? meeting.start)}`,
    title,
    status: 'draft',
    lang: 'en-AU',
    meeting: orderMeeting(meeting),
  };
  if (attendees.length > 0) data.attendees = attendees.map(orderAttendee);
  if (attendanceNote) data.attendance_note = attendanceNote;
  if (agreements.length > 0) data.agreements = agreements.map(({ id, verb, qualifier, text }) => ({ id, verb, ...(qualifier ? { qualifier } : {}), text }));
  if (actions.length > 0) data.actions = actions;
  if (Object.keys(next).length > 0) data.next_meeting = { ...(next.date ? { date: next.date } : {}), ...(next.mode ? { mode: next.mode } : {}), ...(next.place ? { place: next.place } : {}) };
  if (notes.length > 0) data.internal_notes = notes.join('\n');

  const body = bodyMarkdown(bodyBlocks);
  const text = `---\n${frontMatterYaml(data)}---\n\n${body}\n`;

  const sourceWords = blocks.flatMap((block) => wordsOf(blockWords(block)));
  const titleWords = titleBlock && title === titleBlock.text ? wordsOf(title) : [];
  const kept = keptInOrder(sourceWords, [...titleWords, ...markdownWords(body)]);

  return { text, filled: [...filled].sort(), placeholders, stripped: [], words: { source: sourceWords.length, kept } };
}

function orderMeeting(meeting: Record<string, unknown>): Record<string, unknown> {
  const order = ['group', 'number', 'date', 'start', 'end', 'mode', 'place', 'chair'];
  return Object.fromEntries(order.filter((key) => meeting[key] !== undefined).map((key) => [key, meeting[key]]));
}

function orderAttendee(attendee: Attendee): Record<string, unknown> {
  const order: (keyof Attendee)[] = ['id', 'honorific', 'name', 'post_nominals', 'role', 'organisation', 'kind', 'attendance'];
  return Object.fromEntries(order.filter((key) => attendee[key] !== undefined).map((key) => [key, attendee[key]]));
}

/** Plain text or Markdown to a communiqué, with what was stripped on the way. */
export function importText(text: string, options: ImportOptions): ImportResult {
  const { blocks, stripped } = textToBlocks(text);
  return { ...importBlocks(blocks, options), stripped };
}
