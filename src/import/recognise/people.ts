/**
 * People as communiqués write them: "Mr Ray Griggs AO CSC, Secretary, Department of Social
 * Services", "Dr Mia Wong (Chair)", "Jane Smith, AM", "Board Chair Ms Fiona Grech", "LGA
 * President Mayor Angela Evans", "Hon. Ana Ruvoa of Vanuatu". The name is kept apart from
 * the honorific (titles such as "Adjunct Professor" or "Cr" included), the post-nominals,
 * the role and the organisation.
 */
import type { Attendee } from '../../core/model.js';
import { pattern } from './pattern.js';

export type Person = Pick<Attendee, 'honorific' | 'name' | 'post_nominals' | 'role' | 'organisation' | 'represents'>;

const TITLES = [
  // "Senator the Hon. Mark Ellery": "the" after another title.
  '[Tt]he Hon(?:ourable)?\\.?',
  'The Rt\\.? Hon\\.?',
  'Hon\\.?',
  'Mr\\.?',
  'Mrs\\.?',
  'Ms\\.?',
  'Miss',
  'Mx\\.?',
  'Dr\\.?',
  '(?:Emeritus |Adjunct |Associate |Assistant |Distinguished |Clinical )?Prof(?:essor)?\\.?',
  'Assoc\\.? Prof\\.?',
  'A/Prof\\.?',
  'Senator',
  'Sir',
  'Dame',
  'Crs?\\.?',
  'Cllrs?\\.?',
  'Councillor',
  '(?:Deputy |Lord )?Mayor',
  'Commissioner',
  '(?:Assistant |Deputy )?Commissioner',
  'Superintendent',
  'Supt\\.?',
  'Inspector',
  'Captain',
  'Capt\\.?',
  'Commander',
  'Admiral',
  'General',
  'Colonel',
  'Ambassador',
  'H\\.?E\\.?',
  'His Excellency',
  'Her Excellency',
  'Aunty',
  'Uncle',
  'Elder',
  'Rev(?:erend)?\\.?',
  'Justice',
  'Judge',
  'Magistrate',
  "Dato[’']?(?: Seri)?",
  'Datuk(?: Seri)?',
  'Tan Sri',
  'Pastor',
  'Father',
  'Sister',
];
export const HONORIFIC = new RegExp(`^((?:${TITLES.join('|')})(?:\\s+(?:${TITLES.join('|')}))*)\\s+(?=\\p{Lu})`, 'u');
const POST_NOMINALS = new Set(
  [
    'AC AO AM OAM PSM CSC CSM APM AFSM ESM DSC MP MLA MLC MHA MHR QC SC KC PhD FAICD GAICD MAICD FRACP FRACS FTSE FAA',
    'FAHMS FASSA FRSN FCA CPA LLB MBE OBE CBE KBE DBE ADC FAIM FIEAust FRACGP FACN FACHSM RN JP DL CMG MVO ONZM CNZM',
  ]
    .join(' ')
    .split(' '),
);
/** Words that make a run of capitalised words a role, an organisation or a label, never a person. */
const NOT_A_NAME = new Set(
  [
    'Director Directors General Chief Executive Officer Officers Secretary Deputy Assistant Minister Ministers Chair Co-chair',
    'Co-Chair Chairperson Chairman Chairwoman President Vice Treasurer Manager Coordinator Commissioner Registrar Principal',
    'Department Council Councils Service Services Group Members Member Government Governments Agency Office Commission',
    'Committee Board Roundtable Secretariat Team Partners Partner Communities Community National State States Territory',
    'Territories Leadership Advisor Adviser Special Representative Representatives Forum Network Australia Australian',
    'Queensland Victoria Victorian Tasmania Tasmanian Wales South Western Northern Southern Eastern Program Programme',
    'Framework Taskforce The A An All Reference Terms Sector Peak Peaks Social Health Education Data Analytics Alliance',
    'Association Authority University Institute Centre Center Foundation Trust Shire City Regional Region Water Ministerial',
    'Meeting Communiqué Communique Statement Outcomes Summary Present Apologies Apology Attendees Attendance Observers',
    'Observer Guests Guest Secretariat Officials Participants Delegates Directors Councillors Item Decision Action Actions',
    'Agenda Acknowledgement Country Traditional Owners Elders Monday Tuesday Wednesday Thursday Friday Saturday Sunday',
    'January February March April May June July August September October November December Next Previous New Annual',
    'Ordinary Special Report Plan Strategy Policy Budget Review Update Briefing Presentation Project Projects Office',
    'Parliament House Hall Room Chamber Chambers Library Gallery Campus Street Road Highway Industry Business Ltd Pty',
    'Inc Limited Company Corporation Commonwealth Federal Local Mental Medical Police Fire Emergency Rural Urban Indigenous',
    'Aboriginal First Nations Islander Torres Strait Public Private Joint Senior Officials Economic Economy Environment',
    'Energy Infrastructure Transport Tourism Planning Housing Justice Affairs Finance Treasury Trade Agriculture',
    'Fisheries Industry Innovation Science Research Arts Culture Sport Sports Youth Children Families Disability',
    'Ageing Aged Care Workforce Skills Employment Training School Schools Hospital Hospitals Network Networks Unit',
    'Branch Division Executive Staff Management Chancellor Vice-Chancellor Mayor Councillor Cr Crs CEO',
  ]
    .join(' ')
    .split(' '),
);
const ORGANISATION_WORDS = [
  'Department Secretariat Agency Government Office Commission Council Authority Ministry Taskforce Group Committee',
  'Service Services Team Unit Branch Division Institute Foundation Association Trust Company Limited Ltd Inc Network',
  'Corporation Partners? University Centre Board Alliance Federation Commonwealth Bureau Library Hospital Health',
  'Chamber Enterprises Holdings Accord Union Society Ports? Water Museum Gallery Police Command TAFE College',
]
  .join(' ')
  .split(' ');
export const ORG_WORD = new RegExp(`\\b(?:${[...ORGANISATION_WORDS, 'working group'].join('|')})\\b`, 'i');
/** Role words that may stand before a name without a comma: "Chair Gail Ormond", "Directors A and B". */
const ROLE_WORD = pattern(
  '',
  '^(?:(?:Board|Deputy|Vice|Acting|Interim|Executive|Shire|Alliance|Council',
  String.raw`|Committee|Forum|Roundtable|Association|Network|Panel|[A-Z]{2,6})\s+)*`,
  '(?:Chair(?:person|man|woman)?s?|Co-?[Cc]hairs?|President|Directors?|Members?',
  '|Treasurer|Secretary|Councillors?|Ministers?|Delegates?|Officers?|Trustees?',
  '|Commissioners?|Governors?|Representatives?|Committee member|Board member',
  '|Deputy Mayor|Mayor)$',
);

const ROLE_LIKE = pattern(
  '',
  String.raw`\b(?:Chair\w*|Co-?chair|President|Secretary|Treasurer|Director|Officer`,
  '|Manager|Member|Minister|Executive|Advis[eo]r|Coordinator|Representative',
  '|Chancellor|Librarian|Head|Lead|Leader|Observer|Guest|Presenter|Mayor|Councillor',
  String.raw`|Commissioner|Registrar|Clerk|Minute[- ]?taker|Convenor|Convener|Facilitator|Deputy|Principal|Editor|Researcher|Officials?|Staff)\b`,
);
const NAME_WORD = /^(?:\p{Lu}\.?|\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*|\p{Lu}['’]\p{Lu}\p{Ll}+)$/u;
const PARTICLE = /^(?:de|van|von|der|den|da|di|le|la|bin|binti|al|el|du|dos|das|ten|ter)$/;

/** A name with its honorific and post-nominals, or undefined when the text is not a person's name. */
export function parseName(text: string): Omit<Person, 'role' | 'organisation' | 'represents'> | undefined {
  let rest = text
    .trim()
    .replace(/^(?:and|the)\s+(?=\p{Lu})/u, '')
    .replace(/[.,;:]$/, '');
  let honorific: string | undefined;
  const title = HONORIFIC.exec(rest);
  if (title) {
    honorific = title[1]!.replace(/\.$/, '').replace(/^The Honourable$/, 'The Hon');
    rest = rest.slice(title[0].length);
  }
  const words = rest.split(/\s+/).filter((word) => word !== '');
  const post: string[] = [];
  while (words.length > 0 && POST_NOMINALS.has(words.at(-1)!.replace(/[.,]$/, '')))
    post.unshift(words.pop()!.replace(/[.,]$/, ''));
  if (words.length < (honorific ? 1 : 2) || words.length > 5) return undefined;
  for (const word of words) {
    if (PARTICLE.test(word)) continue;
    if (!NAME_WORD.test(word) || NOT_A_NAME.has(word.replace(/['’]s$/, ''))) return undefined;
  }
  if (PARTICLE.test(words[0]!) || PARTICLE.test(words.at(-1)!)) return undefined;
  if (!honorific && ORG_WORD.test(words.join(' '))) return undefined;
  return {
    ...(honorific ? { honorific } : {}),
    name: words.join(' '),
    ...(post.length > 0 ? { post_nominals: post.join(' ') } : {}),
  };
}

/**
 * A name at the end of a phrase that may open with a role: "Board Chair Ms Fiona Grech",
 * "Directors Tom Harris", "Committee member Ava Ferris". The role, if any, comes back too.
 */
export function nameWithRole(text: string): { person: Omit<Person, 'organisation'>; role?: string } | undefined {
  const direct = parseName(text);
  if (direct) return { person: direct };
  const words = text.trim().split(/\s+/);
  for (let start = 1; start < words.length; start++) {
    const lead = words.slice(0, start).join(' ');
    const person = parseName(words.slice(start).join(' '));
    if (!person) continue;
    if (ROLE_WORD.test(lead)) return { person, role: singular(lead) };
    return undefined;
  }
  return undefined;
}

function singular(role: string): string {
  return role.replace(
    /(Chair|Director|Member|Councillor|Minister|Delegate|Officer|Trustee|Commissioner|Governor|Representative)s$/,
    '$1',
  );
}

/** "Secretary of the Department of Social Services", "Department of Health", "Chair": into a role and an organisation. */
export function describeRole(text: string, into: Person): void {
  const part = text
    .trim()
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/[.;]$/, '');
  if (part === '') return;
  if (
    /^(?:via |by )?(?:teleconference|video ?conference|video ?link|phone|telephone|zoom|teams|online|remotely)$/i.test(
      part,
    )
  )
    return;
  if (/^(?:Assistant |Shadow )?Minister\b/.test(part)) {
    into.role ??= part;
    return;
  }
  if (/^of\s+\p{Lu}/u.test(part)) {
    into.represents ??= part.slice(3);
    return;
  }
  // "Acting Director of Nursing at Kilmore Hospital": "at" parts the role from where it is held.
  const split =
    /^(.+)\s+at\s+(?:the\s+)?(\p{Lu}.*)$/u.exec(part) ??
    /^(.+?)\s+(?:of|at|from|with)\s+(?:the\s+)?(\p{Lu}.*)$/u.exec(part);
  if (split && !ORG_WORD.test(split[1]!) && ORG_WORD.test(split[2]!)) {
    into.role ??= split[1];
    into.organisation ??= split[2];
    return;
  }
  // An acronym in it ("Resilience NSW", "CSIRO Oceans") marks an organisation, unless it reads as a role.
  const organisation = ORG_WORD.test(part) || (/\b[A-Z]{2,}\b/.test(part) && !ROLE_LIKE.test(part));
  if ((organisation || into.role !== undefined) && /^\p{Lu}/u.test(part)) into.organisation ??= part;
  else if (/^\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,2}$/u.test(part) && !ROLE_LIKE.test(part) && into.role === undefined)
    into.represents ??= part;
  else into.role ??= part.charAt(0).toUpperCase() + part.slice(1);
}

/** "Mr Ray Griggs AO CSC, Secretary, Department of Social Services", or the parts the other way round. */
export function parsePerson(text: string): Person | undefined {
  const cleaned = text
    .trim()
    .replace(/[.;]$/, '')
    .replace(/\s+[–—-]\s+(Chair|Co-?chair|Chairperson|Deputy Chair)$/i, ' ($1)');
  const parens = [...cleaned.matchAll(/\(([^)]+)\)/g)].map((match) => match[1]!);
  const main = cleaned.replace(/\s*\([^)]*\)/g, '').trim();
  const parts = main.split(/\s*,\s*|\s+[–—-]\s+/).filter((part) => part !== '');
  // Post-nominals are sometimes set off by a comma: "Jane Smith, AM".
  for (let index = parts.length - 1; index > 0; index--) {
    if (parts[index]!.split(/\s+/).every((word) => POST_NOMINALS.has(word))) {
      parts[index - 1] = `${parts[index - 1]} ${parts[index]}`;
      parts.splice(index, 1);
    }
  }
  // "Hon. Ana Ruvoa of Vanuatu": the name, then where the person is from.
  const of = /^(.+?)\s+(of\s+\p{Lu}[\p{L} ]+)$/u.exec(parts[0] ?? '');
  if (of && nameWithRole(of[1]!)) parts.splice(0, 1, of[1]!, of[2]!);
  const at = parts.findIndex((part) => nameWithRole(part) !== undefined);
  if (at === -1 || at > 1) return undefined;
  const found = nameWithRole(parts[at]!)!;
  const person: Person = { ...found.person, ...(found.role ? { role: found.role } : {}) };
  parts.forEach((part, index) => {
    if (index !== at) describeRole(part, person);
  });
  for (const paren of parens) describeRole(paren, person);
  return person;
}

/** Honorific-led names anywhere in a sentence: "heard from Prof Alan Mbeki, Director of …". */
const ANY_TITLE = `(?:${TITLES.join('|')})`;
const PARTICLES = PARTICLE.source.slice(4, -2);
export const TITLED_NAME = new RegExp(
  `(?<![\\p{L}])${ANY_TITLE}(?:\\s+${ANY_TITLE})*\\s+\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:${PARTICLES}|\\p{Lu}[\\p{L}'’.-]*))*`,
  'gu',
);
