/**
 * People as communiqués write them: "Mr Ray Griggs AO CSC, Secretary, Department of Social
 * Services", "Dr Mia Wong (Chair)", "Jane Smith, AM". The name is kept apart from the
 * honorific, the post-nominals, the role and the organisation.
 */
import type { Attendee } from '../../core/model.js';

export type Person = Pick<Attendee, 'honorific' | 'name' | 'post_nominals' | 'role' | 'organisation'>;

const TITLES = [
  'The Hon(?:ourable)?\\.?',
  'Hon\\.?',
  'Mr\\.?',
  'Mrs\\.?',
  'Ms\\.?',
  'Miss',
  'Mx\\.?',
  'Dr\\.?',
  'Associate Professor',
  'Assoc\\.? Prof\\.?',
  'Prof(?:essor)?\\.?',
  'Senator',
  'Sir',
  'Dame',
  'Cr\\.?',
  'Councillor',
  'Commissioner',
  'Aunty',
  'Uncle',
  'Rev(?:erend)?\\.?',
  'Justice',
  'Judge',
];
export const HONORIFIC = new RegExp(`^(${TITLES.join('|')})\\s+`);
const POST_NOMINALS = new Set(
  [
    'AC AO AM OAM PSM CSC CSM APM AFSM ESM DSC MP MLA MLC QC SC KC PhD FAICD GAICD MAICD FRACP FRACS FTSE FAA',
    'FAHMS FASSA FRSN FCA CPA LLB MBE OBE CBE KBE DBE ADC',
  ]
    .join(' ')
    .split(' '),
);
/** Words that make a run of capitalised words a role or an organisation, never a person. */
const NOT_A_NAME = new Set(
  [
    'Director General Chief Executive Officer Secretary Deputy Assistant Minister Chair Co-chair Chairperson Department Council',
    'Service Services Group Members Member Government Agency Office Commission Committee Board Roundtable Secretariat Team',
    'Partners Partner Communities Community National State Leadership Advisor Adviser Special Representative Representatives',
    'Forum Network Australia Australian Western Queensland Victoria Tasmania Territory Wales South Northern Ministers Program',
    'Framework Taskforce The A An All Reference Terms Sector Peak Peaks Social Health Education Data Analytics',
  ]
    .join(' ')
    .split(' '),
);
const ORGANISATION_WORDS = [
  'Department Secretariat Agency Government Office Commission Council Authority Ministry Taskforce Group Committee',
  'Service Services Team Unit Branch Division Institute Foundation Association Trust Company Limited Ltd Inc Network',
  'Corporation Partners? University Centre Board',
]
  .join(' ')
  .split(' ');
export const ORG_WORD = new RegExp(`\\b(?:${[...ORGANISATION_WORDS, 'working group'].join('|')})\\b`, 'i');

/** A name with its honorific and post-nominals, or undefined when the text is not a person's name. */
export function parseName(text: string): Omit<Person, 'role' | 'organisation'> | undefined {
  let rest = text.trim().replace(/^(?:and|the)\s+(?=\p{Lu})/u, '');
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
    if (/^(?:de|van|von|der|den|da|di|le|la|bin|binti|al)$/.test(word)) continue;
    if (!/^(?:\p{Lu}\.?|\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*)$/u.test(word)) return undefined;
    if (NOT_A_NAME.has(word)) return undefined;
  }
  return {
    ...(honorific ? { honorific } : {}),
    name: words.join(' '),
    ...(post.length > 0 ? { post_nominals: post.join(' ') } : {}),
  };
}

/** "Secretary of the Department of Social Services", "Department of Health", "Chair": into a role and an organisation. */
export function describeRole(text: string, into: Person): void {
  const part = text
    .trim()
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/[.;]$/, '');
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
export function parsePerson(text: string): Person | undefined {
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
