/**
 * Decisions: "The Group agreed in principle to …", "Members endorsed …", "The Terms of
 * Reference were endorsed …", and the items of a list introduced by "The Group agreed:" or
 * under a "Decisions" heading.
 */
import type { Agreement, AgreementVerb } from '../../core/model.js';
import { VERBS } from '../../core/vocabulary.js';
import type { FoundGroup } from './group.js';
import { escapeRegExp, type Reading, sentences } from './reading.js';

const GROUP_SUBJECT = `(?:${[
  'Group group Members members Committee Council Board Roundtable Forum Taskforce Ministers Meeting meeting',
  'they They It it Participants participants Chair Chairs Co-chairs Co-Chairs Partners Leaders',
]
  .join(' ')
  .split(' ')
  .join('|')})`;
const LEAD_IN =
  '(?:(?:In addition|Also|Further(?:more)?|Finally|Additionally|At (?:the|this) meeting|During the meeting|Importantly),?\\s+)?';
const ADVERBS = '(?:also|again|further|unanimously|formally|then|collectively|strongly|warmly)';
const SUPPORT =
  'indicated (?:its |their )?support for|expressed (?:its |their )?support for|gave (?:its |their )?support to';
const PASSIVE =
  /^(\p{Lu}.+?)\s+(?:was|were|has been|have been)\s+(?:formally\s+|unanimously\s+)?(endorsed|approved|agreed|noted|supported|welcomed)(?:\s+(?:at|by)\s+(?:the|this)\s+(?:[\w-]+\s+){0,2}(?:meeting|Group|Members|members|Roundtable|Committee|Council|Board)|\s+by\s+members)?\.?$/u;

function activePattern(group: FoundGroup): RegExp {
  const own = [group.short_name, group.name].filter((name): name is string => Boolean(name)).map(escapeRegExp);
  const subject = `${LEAD_IN}(?:the\\s+|The\\s+)?(?:${[...own, GROUP_SUBJECT].join('|')})`;
  return new RegExp(
    `^${subject}(?:\\s+\\(\\w+\\))?(?:\\s+\\w+\\s+and)?((?:\\s+${ADVERBS})*)\\s+(?:(${VERBS.join('|')})|${SUPPORT})\\b\\s*(.*)$`,
  );
}

/** What was decided, as a statement: "to a shared platform" → "A shared platform." */
export function asStatement(text: string): string {
  // "agreed in principle to a shared platform": the "to" belongs to the verb, not the decision.
  const trimmed = text
    .trim()
    .replace(/^(?:that|on)\s+|^to\s+(?=(?:a|an|the|this|these|its|their)\s)/i, '')
    .replace(/[,;:]$/, '');
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]["”’)]?$/.test(capital) ? capital : `${capital}.`;
}

function agreementOf(sentence: string, active: RegExp): Omit<Agreement, 'id'> | undefined {
  const match = active.exec(sentence);
  if (match) {
    const adverbs = match[1] ?? '';
    const verb: AgreementVerb = match[2] ? (match[2].toLowerCase() as AgreementVerb) : 'supported';
    let rest = match[3] ?? '';
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
    if (!qualifier && /\b(?:again|unanimously)\b/.test(adverbs))
      qualifier = /\bagain\b/.test(adverbs) ? 'again' : 'unanimously';
    if (rest.trim().length < 3) return undefined;
    return { verb, ...(qualifier ? { qualifier } : {}), text: asStatement(rest) };
  }
  // "The Terms of Reference were endorsed at the May meeting."
  const passive = PASSIVE.exec(sentence);
  if (passive) return { verb: passive[2] as AgreementVerb, text: asStatement(passive[1]!) };
  return undefined;
}

export function recogniseAgreements(reading: Reading, group: FoundGroup): Agreement[] {
  const active = activePattern(group);
  const agreements: Agreement[] = [];
  const add = (found: Omit<Agreement, 'id'>) => agreements.push({ id: `AGR-${agreements.length + 1}`, ...found });
  let listVerb: AgreementVerb | undefined;
  for (const block of reading.bodyBlocks) {
    if (block.kind === 'list-item' && listVerb) {
      add({ verb: listVerb, text: asStatement(block.text) });
      continue;
    }
    listVerb = undefined;
    if (block.kind === 'table-row') continue;
    if (block.kind === 'heading') {
      if (/^(?:agreements|decisions|outcomes|resolutions)$/i.test(block.text)) listVerb = 'agreed';
      continue;
    }
    for (const sentence of sentences(block.text)) {
      const intro = active.exec(sentence);
      if (intro && /^(?:(?:that|to)(?: the following)?)?\s*:?$/i.test((intro[3] ?? '').trim()) && /:$/.test(sentence)) {
        listVerb = intro[2] ? (intro[2].toLowerCase() as AgreementVerb) : 'supported';
        continue;
      }
      const found = agreementOf(sentence, active);
      if (found) add(found);
    }
  }
  return agreements;
}
