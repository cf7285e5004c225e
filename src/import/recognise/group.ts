/**
 * The group that met, and its short name: from the sentence that says it met ("The
 * Regional Skills Council (RSC) met…", "The 31st meeting of the Roads Council was held…",
 * "Members of the Roundtable gathered…", "the Panel's fourth meeting took place…"), from
 * the title or the lines above it ("… Communiqué", "Joint Statement of the Fourth Meeting of
 * the …", a masthead), and from the acronyms the text spells out — the body's own, not a
 * programme's.
 */
import { ABOUT_NEXT, ABOUT_PREVIOUS, escapeRegExp, isDateline, type Reading } from './reading.js';
import { pattern } from './pattern.js';

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
  'Authority',
  'Association',
  'Trust',
  'Agency',
  'Consortium',
  'Dialogue',
  'Conference',
  'Summit',
  'Meeting',
  'Ministers',
  'Shire',
  'Federation',
  'Organisation',
  'Organization',
  'Society',
  'Institute',
  'Executive',
  'Caucus',
  'Secretariat',
];
export const GROUP_NOUN = new RegExp(`\\b(${GROUP_NOUNS.join('|')})s?['’]?$`);
const HAS_GROUP_NOUN = new RegExp(`\\b(?:${GROUP_NOUNS.join('|')}|Shire|City|University|Health|Trust)\\b`);
/** A subject that refers to the group without naming it. */
export const GROUP_REFERENCE = pattern(
  'i',
  String.raw`^(?:the\s+)?(?:group|council|committee|board|roundtable|forum|taskforce`,
  '|network|panel|commission|alliance|partnership|assembly|cabinet|authority',
  '|association|trust|consortium|meeting|conference|summit|dialogue|session',
  '|members|ministers|delegates|leaders|directors|councillors|participants',
  '|partners|we|us|it|they|executive|officials|steering committee)$',
);

/** A capitalised name on one line: "Coral Sea Fisheries Partnership", "Shire of Kallara", "Board (CHTB)". */
const WORD = `(?:\\p{Lu}[\\p{L}'’.&-]*|\\d+(?:st|nd|rd|th)?)`;
const JOINER = `(?:of|for|and|on|the|in|de|du|des|&|\\p{Lu}[\\p{L}'’.&-]*|\\(\\p{Lu}+\\))`;
const NAME = `${WORD}(?:(?:[ \\t]+|[ \\t]*[-–][ \\t]*|,[ \\t]+(?=\\p{Lu}))${JOINER})*`;
const OPENING = String.raw`^(?:(?:On|In|At|Today|Yesterday)\b[^,]*,\s+|On\s+(?:\p{Lu}\p{Ll}+day,?\s+)?(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+\p{Lu}\p{Ll}+(?:\s+\d{4})?\s+)?(?:Members of\s+)?(?:the\s+|The\s+)?`;
const MET = new RegExp(
  `${OPENING}(${NAME})(?:\\s+\\([A-Za-z]+\\))?\\s+(?:(?:first|last|also|again|formally|recently|today)\\s+)?` +
    '(?:met|convened|gathered|assembled|came together|held its|was held|took place)\\b',
  'u',
);
const MEETING_OF = new RegExp(
  `\\b(?:[Mm]eeting|[Ss]ession|[Cc]onference|[Gg]athering|[Ss]ummit)\\s+of\\s+(?:the\\s+)?(${NAME})(?:\\s+\\(([A-Z][A-Za-z]*[A-Z])\\))?`,
  'u',
);
const POSSESSIVE = /^(?:The\s+)?((?:\p{Lu}[\p{L}-]*\s+){0,6}\p{Lu}[\p{L}-]*)['’]s\s+(?:\w+\s+)?(?:meeting|session)\b/u;
const WITH_ACRONYM = new RegExp(`^(?:The\\s+|the\\s+)?(${NAME})\\s+\\(([A-Z][A-Za-z]*[A-Z])\\)\\s+\\p{Ll}`, 'u');

export function recogniseGroup(reading: Reading): FoundGroup {
  let spoken: (FoundGroup & { generic?: boolean }) | undefined;
  for (const sentence of reading.sentences.slice(0, 40)) {
    if (ABOUT_NEXT.test(sentence.text) || ABOUT_PREVIOUS.test(sentence.text)) continue;
    const of = MEETING_OF.exec(sentence.text);
    const met = MET.exec(sentence.text);
    const possessive = POSSESSIVE.exec(sentence.text);
    const acronym = WITH_ACRONYM.exec(sentence.text);
    if (of && /\b(?:was|were) held|took place|met|convened|held\b/.test(sentence.text))
      spoken = named(of[1]!, of[2], reading);
    if (!spoken?.name && met) {
      const short = /\(([A-Za-z]+)\)/.exec(sentence.text.slice(met[1]!.length, met[0].length + 10));
      spoken = named(met[1]!, short?.[1], reading) ?? spoken;
    }
    if (!spoken?.name && possessive) spoken = named(possessive[1]!, undefined, reading) ?? spoken;
    if (!spoken?.name && acronym && GROUP_NOUN.test(acronym[1]!))
      spoken = { name: clean(acronym[1]!), short_name: acronym[2]! };
    if (spoken) break;
  }
  const title = reading.title ? groupFromTitle(reading.title.text, reading) : undefined;
  const masthead = mastheadGroup(reading);
  const headings = headerHeadings(reading);
  // The sentence that says who met names the group best, unless it only says "the Council";
  // a masthead names the organisation; the title and the header's other lines may name it in full.
  const ordered = [spoken?.generic ? undefined : spoken, masthead, title, ...headings, spoken].filter(
    (candidate): candidate is FoundGroup => Boolean(candidate?.name || candidate?.short_name),
  );
  const group: FoundGroup = { ...ordered.find((candidate) => candidate.name) };
  for (const candidate of ordered) {
    if (!candidate.name || !group.name) continue;
    const fuller = key(candidate.name);
    // "Board Meeting Highlights" over "The Regional Water Authority Board met": the Board is that one.
    const base = key(withoutMeeting(group.name));
    if (fuller !== base && (fuller.endsWith(` ${base}`) || fuller === `${base} meeting`)) group.name = candidate.name;
  }
  group.short_name = ordered.find(
    (candidate) =>
      candidate.short_name &&
      (!candidate.name ||
        !group.name ||
        key(candidate.name) === key(group.name) ||
        key(group.name).endsWith(key(candidate.name))),
  )?.short_name;
  if (group.name) group.name = withoutMeeting(group.name);
  if (!group.name && group.short_name) {
    const expansion = reading.acronyms.get(group.short_name);
    if (expansion) group.name = expansion;
  }
  if (!group.name) {
    // "AWMM2023 Outcomes Statement": an acronym glued to the year, spelled out in the text.
    const glued = reading.title ? /\b([A-Z]{2,8})(?:19|20)\d{2}\b/.exec(reading.title.text) : null;
    const expansion = glued ? reading.acronyms.get(glued[1]!) : undefined;
    if (glued && expansion) {
      group.name = expansion;
      group.short_name = glued[1]!;
    }
  }
  if (group.name && !group.short_name) group.short_name = shortNameOf(group.name, reading);
  if (!group.short_name) delete group.short_name;
  if (group.name && group.short_name === group.name) delete group.short_name;
  if (!group.name) delete group.name;
  return group;
}

const key = (name: string) =>
  name
    .toLowerCase()
    .replace(/['’]s?\b/g, '')
    .replace(/[–—-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** "Tasmanian Freight Logistics Council Meeting 19" is the Council; "Education Ministers Meeting" is a body. */
function withoutMeeting(name: string): string {
  const tidy = clean(name).replace(/\s+[–—-]\s+\p{Ll}.*$/u, '');
  for (const pattern of [
    /\s+Meeting(?:\s+(?:No\.?\s*)?\d+)?$/i,
    /\s+(?:Board|Council|Ordinary|General)\s+Meeting(?:\s+(?:No\.?\s*)?\d+)?$/i,
  ]) {
    const bare = tidy.replace(pattern, '');
    if (bare !== tidy && GROUP_NOUN.test(bare) && !/\b(?:Ministers|Leaders|Officials|Officers)['’]?$/.test(bare))
      return bare;
  }
  return tidy;
}

/** Headings above the first paragraph that name a body: "Campaspe Valley Water Customer Council – Meeting 27". */
function headerHeadings(reading: Reading): FoundGroup[] {
  const found: FoundGroup[] = [];
  const titled = new Set(reading.title?.blocks ?? []);
  const labelled = new Set(reading.fields.map((field) => field.block));
  reading.blocks.slice(0, reading.headerEnd).forEach((block, index) => {
    if (block.kind !== 'heading' && block.kind !== 'paragraph') return;
    if (titled.has(index) || labelled.has(index) || isDateline(block.text)) return;
    const candidate = groupFromTitle(block.text, reading);
    if (candidate?.name) found.push(candidate);
  });
  return found;
}

const ORDINAL = pattern(
  'i',
  '^(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth',
  String.raw`|\d+(?:st|nd|rd|th)|inaugural|annual|ordinary|special|extraordinary|regular`,
  String.raw`|biannual|\d{4})\s+)+`,
);

function clean(name: string): string {
  return name
    .replace(/^We,?\s+(?=the\s)/i, '')
    .replace(/\s*\([A-Z][A-Za-z]*[A-Z]\)/g, '')
    .replace(/^(?:The|the)\s+/, '')
    .replace(ORDINAL, '')
    .replace(/^(?:The|the)\s+/, '')
    .replace(/['’]s$/, '')
    .replace(/[,;:.]$/, '')
    .trim();
}

/** A subject that names a group, or a bare "Roundtable" that the text names in full elsewhere. */
function named(
  subject: string,
  short: string | undefined,
  reading: Reading,
): (FoundGroup & { generic?: boolean }) | undefined {
  const name = clean(subject);
  if (/^\d/.test(name)) return undefined;
  const found: FoundGroup = {};
  if (short) found.short_name = short;
  if (/^[A-Z]{2,}$/.test(name)) {
    found.short_name ??= name;
    const expansion = reading.acronyms.get(name);
    if (expansion) found.name = expansion;
    return found;
  }
  if (GROUP_REFERENCE.test(name)) {
    const fuller = fullestName(name.replace(/^(?:the\s+)/i, ''), reading.fullText);
    if (!fuller) return found.short_name ? found : undefined;
    return { ...found, name: fuller, generic: true };
  }
  if (!HAS_GROUP_NOUN.test(name) && name.split(/\s+/).length < 2) return undefined;
  if (!HAS_GROUP_NOUN.test(name) && !found.short_name) return undefined;
  found.name = expandLeadingAcronym(name, reading.acronyms);
  return found;
}

function expandLeadingAcronym(name: string, acronyms: Map<string, string>): string {
  const [first, ...rest] = name.split(' ');
  const expansion = first ? acronyms.get(first) : undefined;
  return expansion && rest.length > 0 ? `${expansion} ${rest.join(' ')}` : name;
}

/** "The Roundtable met…": the fullest name the text gives a bare "Roundtable". */
function fullestName(noun: string, text: string): string | undefined {
  const bare = noun.charAt(0).toUpperCase() + noun.slice(1).toLowerCase();
  const counts = new Map<string, number>();
  const pattern = new RegExp(
    `((?:\\p{Lu}[\\p{L}'’-]+[ \\t]+(?:(?:of|for|and|the)[ \\t]+)?){1,7})${escapeRegExp(bare)}\\b`,
    'gu',
  );
  for (const match of text.matchAll(pattern)) {
    const name = `${match[1]}${bare}`.replace(/^(?:The|A|An|Members|Member|Chair|Our)\s+/, '');
    if (name !== bare && !/^(?:The|A|An)$/.test(match[1]!.trim())) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [name, count] of counts) if (!best || count > counts.get(best)!) best = name;
  return best;
}

const DOCUMENT_WORDS = pattern(
  'iu',
  String.raw`\s*(?:[-–—:,|]\s*)?(?<![\p{L}])(?:joint\s+)?(?:communiqu[eé]|outcomes?\s+statement`,
  '|statement|summary of (?:outcomes|decisions)|meeting summary|summary|highlights',
  '|report|record of (?:meeting|decisions)|outcomes|decisions|media release',
  String.raw`|update)(?![\p{L}]).*$`,
);

/** "X Communiqué", "Communiqué of the X", "Joint Statement of the Fourth Meeting of the X", "Meeting of the X held on …". */
function groupFromTitle(title: string, reading: Reading): FoundGroup | undefined {
  const text = title.replace(/\s+/g, ' ').trim();
  const of =
    MEETING_OF.exec(text) ??
    /^(?:Joint\s+)?(?:Communiqu[eé]|Statement|Outcomes|Summary)\s+(?:of|from)\s+(?:the\s+)?(.+)$/iu.exec(text) ??
    /^(?:Joint\s+|Key\s+)?(?:Communiqu[eé]|Statement|Outcomes|Summary|Media release|Decisions|Highlights)\s*[-–—:|]\s*(?:the\s+)?(.+)$/iu.exec(
      text,
    );
  let name: string | undefined;
  let short: string | undefined;
  if (of) {
    name = of[1]!.replace(/\s+held\b.*$/i, '').replace(DOCUMENT_WORDS, '');
    short = of[2];
  } else {
    name = text.replace(DOCUMENT_WORDS, '').replace(/^(?:the|The)\s+/, '');
  }
  const acronym = /\s*\(([A-Z][A-Za-z]*[A-Z])\)/.exec(name);
  if (acronym) {
    short ??= acronym[1];
    name = name.replace(/\s*\([A-Z][A-Za-z]*[A-Z]\)/g, '');
  }
  name = name
    // "Wattle Park School Council – what we discussed": the name, then what the page is.
    .replace(/\s+[-–—]\s+\p{Ll}.*$/u, '')
    .replace(/\s*[-–—,]\s*(?:\d{4}\s+)?(?:annual|ordinary|special|general|board|council)?\s*meeting\b.*$/i, '')
    .replace(/\s+(?:ordinary|special|annual|general)(?:\s+(?:council|general|board))?\s+meeting$/i, '')
    .replace(/\s*[-–—,:]\s*$/, '')
    .trim();
  if (!name || name.split(/\s+/).length > 14 || !/^\p{Lu}/u.test(name) || /\d{4}/.test(name)) return undefined;
  name = unshouted(name);
  if (!HAS_GROUP_NOUN.test(name)) return undefined;
  // "The Taskforce agreed:" is a sentence, not a name: a name ends in a capitalised word.
  if (/(?:^|\s)\p{Ll}+$/u.test(name)) return undefined;
  const found: FoundGroup = { name: expandLeadingAcronym(name, reading.acronyms) };
  if (short) found.short_name = short;
  return found;
}

/** The first line of a multi-line header, when it names an organisation: "Shire of Kallara". */
function mastheadGroup(reading: Reading): FoundGroup | undefined {
  const lines = reading.title?.blocks ?? [];
  if (lines.length < 2) return undefined;
  const first = reading.blocks[lines[0]!];
  if (!first || first.kind === 'table-row') return undefined;
  let text = first.text.trim();
  if (isDateline(text) || /communiqu[eé]/i.test(text) || !HAS_GROUP_NOUN.test(isUpper(text) ? titleCase(text) : text))
    return undefined;
  if (isUpper(text)) {
    // A masthead set over two lines: "SOUTH EAST REGIONAL" / "ORGANISATION OF COUNCILS".
    const second = reading.blocks[lines[1]!];
    if (second && second.kind !== 'table-row' && isUpper(second.text) && !/communiqu[eé]|meeting/i.test(second.text))
      text = `${text} ${second.text.trim()}`;
    text = titleCase(text);
  }
  return { name: text.replace(DOCUMENT_WORDS, '') };
}

/** Words in capitals set in title case, where two or more run together: "CITY OF MAPLE GROVE Board" → "City of Maple Grove Board". */
function unshouted(name: string): string {
  if (isUpper(name)) return titleCase(name);
  return name.replace(/\b\p{Lu}[\p{Lu}'’&-]+(?:\s+(?:OF|AND|FOR|THE|ON|IN|&|\p{Lu}[\p{Lu}'’&-]+))+\b/gu, (run) =>
    run.split(/\s+/).length >= 2 ? titleCase(run) : run,
  );
}

const isUpper = (text: string) => /\p{Lu}{3}/u.test(text) && !/\p{Ll}/u.test(text);
const SMALL = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'to', 'a', 'an', 'at']);
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((word, index) => (index > 0 && SMALL.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('');
}

/**
 * The group's acronym: spelled out after its name, spelled out anywhere for its name, or
 * glued to a year in the title ("AWMM2023 Outcomes Statement") with the name's initials.
 */
function shortNameOf(name: string, reading: Reading): string | undefined {
  const near = new RegExp(`${escapeRegExp(name)}['’]?\\s+\\(([A-Z][A-Za-z]*[A-Z])\\)`).exec(reading.fullText);
  if (near) return near[1];
  for (const [acronym, expansion] of reading.acronyms)
    if (name.endsWith(expansion) && GROUP_NOUN.test(expansion)) return acronym;
  const initials = name
    .split(/[\s–-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word.charAt(0))
    .join('');
  const glued = reading.title ? /\b([A-Z]{2,8})(?:19|20)\d{2}\b/.exec(reading.title.text) : null;
  if (glued && glued[1] === initials) return glued[1];
  if (initials.length >= 3 && new RegExp(`\\b${initials}\\b`).test(reading.fullText)) return initials;
  return undefined;
}
