/**
 * Decisions: a sentence whose subject is the meeting or any agent ("The Alliance",
 * "Delegates", a country, "We") and whose verb records a decision — agreed, endorsed,
 * adopted, reaffirmed, committed, signed, "voted to adopt", "reached agreement on", the
 * verb second in "considered and endorsed"; "It was agreed to …"; the items of a list
 * introduced by "The Board:" or "Ministers agreed:", or under a "Decisions" heading; and
 * decisions tables. An Acknowledgement of Country, a welcome to a person and apologies are
 * not decisions.
 */
import type { Agreement, AgreementVerb } from '../../core/model.js';
import { VERBS } from '../../core/vocabulary.js';
import type { Block } from '../types.js';
import { GROUP_REFERENCE } from './group.js';
import type { FoundGroup } from './group.js';
import { splitSentences } from './reading.js';
import { pattern } from './pattern.js';

const ADVERB_WORDS = [
  ...'also again further unanimously formally then collectively strongly warmly jointly subsequently today'.split(' '),
  ...['once again', 'reluctantly', 'broadly', 'in principle'],
];
const ADVERBS = `(?:(?:${ADVERB_WORDS.join('|')})\\s+)*`;
const DECISION_VERBS = VERBS.filter((verb) => verb !== 'considered' && verb !== 'requested');
/** Verbs any subject can carry; the rest only the meeting's own subjects. */
const STRONG = new Set([
  'agreed',
  'endorsed',
  'noted',
  'resolved',
  'decided',
  'adopted',
  'reaffirmed',
  'commended',
  'recommended',
  'signed',
  'affirmed',
]);
const VERB_FORMS = [
  ...DECISION_VERBS,
  'voted to (?:adopt|approve|endorse|support)',
  'reached (?:agreement|consensus)',
  '(?:indicated|expressed) (?:its |their )?support for',
  'gave (?:its |their )?(?:in-principle )?support (?:to|for)',
];
const VERB_PHRASE = new RegExp(
  `\\s+${ADVERBS}(?:(?:considered|discussed|reviewed|debated|received)\\s+and\\s+${ADVERBS})?(${VERB_FORMS.join('|')})\\b\\s*(.*)$`,
);
const LEAD_IN = pattern(
  'i',
  '^(?:(?:In addition|Also|Further(?:more)?|Finally|Additionally|Importantly',
  '|Separately|Following (?:debate|discussion|consideration|a presentation)',
  "|After (?:discussion|debate)|At (?:the|this|today's) meeting|During the meeting",
  String.raw`|Today|On balance|Accordingly|In response|As a result|Consequently),?\s+)+`,
);
const LABEL = /^(?:(?:Decision|Resolution|Item|Outcome|Motion)\s+[\w./-]+\s*[:–—-]\s*|\d+(?:\.\d+)*[.)]?\s+)/i;
const AUXILIARY =
  /\b(?:is|are|was|were|has|have|had|will|would|could|should|may|might|can|to|that|which|who|if|when|because|also said)\b/i;
const PEOPLE_SUBJECT = pattern(
  'iu',
  String.raw`^(?:the\s+)?(?:[\p{Lu}][\p{L}-]*\s+){0,3}(?:ministers|members|delegates`,
  '|leaders|directors|participants|partners|councillors|officials|parties',
  '|trustees|governors|commissioners|representatives|chief officers|senior officials',
  '|first ministers|premiers)$',
);
const ACKNOWLEDGEMENT = /\bTraditional (?:Owners|Custodians)\b|\backnowledg\w* (?:of )?Country\b|\bElders past\b/i;
const NOT_A_DECISION_OBJECT = pattern(
  'i',
  String.raw`^(?:(?:the\s+)?(?:Hon|Mr|Mrs|Ms|Dr|Prof|Professor|Cr|Councillor|Mayor|Minister`,
  String.raw`|Ambassador|Captain|Commissioner)\b|(?:all\s+|the\s+)?(?:members|guests`,
  '|participants|delegates|everyone|attendees|new members|new directors|two new',
  String.raw`|three new|visitors)\b|apologies\b)`,
);

export type Active = (sentence: string) => Omit<Agreement, 'id'> | undefined;

function ownSubject(subject: string, group: FoundGroup): boolean {
  const bare = subject.replace(/^(?:the|The)\s+/, '');
  if (GROUP_REFERENCE.test(subject) || PEOPLE_SUBJECT.test(subject) || /^(?:we|it)$/i.test(subject)) return true;
  const names = [group.name, group.short_name]
    .filter((name): name is string => Boolean(name))
    .map((name) => name.toLowerCase());
  const lower = bare.toLowerCase();
  if (names.some((name) => name === lower || name.endsWith(` ${lower}`) || lower.startsWith(name))) return true;
  return /^(?:members|delegates) of\b|\bmembers$/i.test(bare);
}

/** What was decided, as a statement: "to a shared platform" → "A shared platform." */
export function asStatement(text: string): string {
  // "agreed in principle to a shared platform": the "to" belongs to the verb, not the decision.
  const trimmed = text
    .trim()
    .replace(/^(?:that|on)\s+|^to\s+(?=(?:a|an|the|this|these|its|their)\s)/i, '')
    // "…each quarter; and": the word joining a list of decisions is not part of this one.
    .replace(/[;,]\s*(?:and|or)$/i, '')
    .replace(/[,;:]$/, '');
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]["”’)]?$/.test(capital) ? capital : `${capital}.`;
}

function verbOf(phrase: string): AgreementVerb {
  if (/^voted to (\w+)/.test(phrase))
    return `${/^voted to (\w+)/.exec(phrase)![1]!.replace(/e$/, '')}ed` as AgreementVerb;
  if (/^reached/.test(phrase)) return 'agreed';
  if (/support/.test(phrase)) return 'supported';
  return phrase as AgreementVerb;
}

/** "The Board received the report and commended staff …": one decision per verb. */
export function agreementsOf(sentence: string, group: FoundGroup): Omit<Agreement, 'id'>[] {
  const first = agreementOf(sentence, group);
  if (!first) return [];
  const split = new RegExp(`^(.*?)(?:,\\s*|\\s+)and\\s+${ADVERBS}(${DECISION_VERBS.join('|')})\\b\\s+(.*)$`).exec(
    first.text,
  );
  if (!split || split[1]!.split(/\s+/).length < 2) return [first];
  const second = build(split[2]! as AgreementVerb, split[3]!, '');
  return second ? [{ ...first, text: asStatement(split[1]!) }, second] : [first];
}

export function agreementOf(sentence: string, group: FoundGroup): Omit<Agreement, 'id'> | undefined {
  if (ACKNOWLEDGEMENT.test(sentence)) return undefined;
  const text = sentence.replace(LABEL, '').replace(LEAD_IN, '');
  const impersonal =
    /^It (?:was|has been|is) (?:also |further |unanimously )?(agreed|resolved|decided|noted|endorsed|approved|recommended)\b\s*(.*)$/i.exec(
      text,
    );
  if (impersonal) return build(impersonal[1]!.toLowerCase() as AgreementVerb, impersonal[2]!, '');
  // "RESOLVED that the Council supports …", "Agreed: to share the cost …".
  const marked =
    /^(RESOLVED|AGREED|NOTED|ENDORSED|APPROVED|DECIDED|Resolved|Agreed|Noted|Endorsed|Approved|Decided)\b\s*[:–—-]?\s*(.*)$/.exec(
      text,
    );
  if (marked && marked[2]!.length > 3) return build(marked[1]!.toLowerCase() as AgreementVerb, marked[2]!, '');
  // A declaration's operative clause, after "We, the Ministers …": "REAFFIRM our commitment to …".
  const declared = DECLARED.exec(text);
  if (declared && declared[2]!.length > 3) return build(DECLARED_VERBS[declared[1]!]!, declared[2]!, '');
  const match = VERB_PHRASE.exec(text);
  if (!match) return passive(text);
  const subject = text
    .slice(0, match.index)
    .trim()
    .replace(/,$/, '')
    .replace(/\s+(?:also\s+)?\p{Ll}+ed\b.*(?:,|\s+and)$/u, '');
  if (AUXILIARY.test(subject)) return passive(text);
  if (!subject || subject.split(/\s+/).length > 10 || !/^(?:[\p{Lu}"“]|(?:they|we|it)\b)/u.test(subject))
    return undefined;
  const verb = verbOf(match[1]!);
  if (!STRONG.has(verb) && !ownSubject(subject, group)) return undefined;
  const rest = match[2] ?? '';
  if (
    (verb === 'welcomed' || verb === 'received' || verb === 'acknowledged' || verb === 'commended') &&
    NOT_A_DECISION_OBJECT.test(rest) &&
    !/\b(?:report|update|presentation|briefing|work|progress|contribution|efforts?)\b/i.test(
      rest.split(/\s+/).slice(0, 6).join(' '),
    )
  )
    return undefined;
  return build(verb, rest, match[0]);
}

function build(verb: AgreementVerb, text: string, phrase: string): Omit<Agreement, 'id'> | undefined {
  let rest = text.replace(/^(?:on|that)\s*:?\s*$/i, '').trim();
  let qualifier: string | undefined;
  if (/\bin[ -]principle\b/i.test(phrase)) qualifier = 'in principle';
  if (/^in[ -]principle\b/i.test(rest)) {
    qualifier = 'in principle';
    rest = rest.replace(/^in[ -]principle\s*/i, '');
  }
  if (/,?\s+in[ -]principle\.?$/i.test(rest)) {
    qualifier = 'in principle';
    rest = rest.replace(/,?\s+in[ -]principle(\.?)$/i, '$1');
  }
  const subjectTo = /,?\s+(subject to [^.;]+)[.;]?$/i.exec(rest);
  if (subjectTo) {
    qualifier ??= subjectTo[1];
    rest = rest.slice(0, subjectTo.index);
  }
  if (!qualifier && /\b(?:unanimously|again)\b/.test(phrase))
    qualifier = /\bagain\b/.test(phrase) ? 'again' : 'unanimously';
  // "…a trial around three schools and asked officers to report": the request is an action, not this decision.
  rest = rest.replace(/,?\s+and\s+(?:asked|requested|directed|called (?:on|upon)|tasked|instructed|urged)\s+\S.*$/, '');
  if (rest.replace(/[\s.:]/g, '').length < 3) return undefined;
  return { verb, ...(qualifier ? { qualifier } : {}), text: asStatement(rest) };
}

/** "The Terms of Reference were endorsed at the May meeting." */
function passive(text: string): Omit<Agreement, 'id'> | undefined {
  const found = pattern(
    'u',
    String.raw`^(\p{Lu}.+?)\s+(?:was|were|has been|have been)\s+(?:formally\s+|unanimously\s+)?`,
    '(endorsed|approved|adopted|agreed|noted|supported|welcomed|ratified|accepted)',
    String.raw`(?:\s+(?:at|by)\s+(?:the|this)\s+(?:[\w-]+\s+){0,2}(?:meeting|Group|Members`,
    String.raw`|members|Roundtable|Committee|Council|Board|Forum|Ministers)|\s+by\s+(?:members`,
    String.raw`|ministers|the \w+))?\.?$`,
  ).exec(text);
  if (!found || /^apolog/i.test(found[1]!)) return undefined;
  const verb = (found[2] === 'ratified' ? 'approved' : found[2]) as AgreementVerb;
  return { verb, text: asStatement(found[1]!) };
}

const DECISIONS_HEADING =
  /^(?:key\s+)?(?:agreements|decisions|outcomes|resolutions|decisions? (?:made|taken)|what (?:the \w+ |we )?(?:agreed|decided))$/i;
const VERB_FIRST = new RegExp(`^(${DECISION_VERBS.join('|')})\\b\\s*(.*)$`, 'i');
/**
 * A row of a decisions table: "Annual budget | Approved", "Drought plan | Endorsed, subject to
 * amendments", "Tariff review | Deferred to July" (no verb the vocabulary has: decided, as written).
 */
function tabled(item: string, decision: string): Omit<Agreement, 'id'> {
  const verb = VERB_FIRST.exec(decision);
  if (!verb)
    return {
      verb: item ? 'decided' : 'agreed',
      text: asStatement(item ? `${item}: ${lowerFirst(decision)}` : decision),
    };
  const rest = verb[2]!.replace(/^[\s,;:–—-]+/, '').trim();
  const qualifier = /^subject to\b/i.test(rest) ? rest.replace(/[.;]$/, '') : undefined;
  const text = !rest || qualifier ? item || decision : `${item}: ${rest}`;
  return {
    verb: verb[1]!.toLowerCase() as AgreementVerb,
    ...(qualifier ? { qualifier } : {}),
    text: asStatement(text),
  };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** A motion's items, in the present tense: "That Council: 1. receives the report; 2. endorses the plan." */
const PRESENT: Record<string, AgreementVerb> = {
  receives: 'received',
  notes: 'noted',
  endorses: 'endorsed',
  approves: 'approved',
  adopts: 'adopted',
  agrees: 'agreed',
  supports: 'supported',
  resolves: 'resolved',
  requests: 'requested',
  accepts: 'accepted',
  acknowledges: 'acknowledged',
  welcomes: 'welcomed',
  commends: 'commended',
  confirms: 'confirmed',
  reaffirms: 'reaffirmed',
  recommends: 'recommended',
  decides: 'decided',
};
/** A declaration's verbs, in capitals as its operative clauses write them, and the verb each records. */
const DECLARED_VERBS: Record<string, AgreementVerb> = {
  AGREE: 'agreed',
  ENDORSE: 'endorsed',
  APPROVE: 'approved',
  NOTE: 'noted',
  RESOLVE: 'resolved',
  DECIDE: 'decided',
  SUPPORT: 'supported',
  WELCOME: 'welcomed',
  ACKNOWLEDGE: 'acknowledged',
  COMMEND: 'commended',
  ADOPT: 'adopted',
  REAFFIRM: 'reaffirmed',
  AFFIRM: 'affirmed',
  COMMIT: 'committed',
  ACCEPT: 'accepted',
  CONFIRM: 'confirmed',
  RECOMMEND: 'recommended',
  RECOGNISE: 'recognised',
  RECOGNIZE: 'recognised',
};
const DECLARED = new RegExp(`^(${Object.keys(DECLARED_VERBS).join('|')})\\b,?\\s+(.*)$`);
const PRESENT_FIRST = new RegExp(`^(${Object.keys(PRESENT).join('|')})\\b\\s*(.*)$`, 'i');

function itemAgreement(text: string): Omit<Agreement, 'id'> | undefined {
  const past = VERB_FIRST.exec(text);
  if (past) return build(past[1]!.toLowerCase() as AgreementVerb, past[2]!, '');
  const present = PRESENT_FIRST.exec(text);
  return present ? build(PRESENT[present[1]!.toLowerCase()]!, present[2]!, '') : undefined;
}

export function recogniseAgreements(
  blocks: readonly Block[],
  group: FoundGroup,
  skip: (block: Block) => boolean,
): Agreement[] {
  const agreements: Agreement[] = [];
  const add = (found: Omit<Agreement, 'id'>) => agreements.push({ id: `AGR-${agreements.length + 1}`, ...found });
  let listVerb: AgreementVerb | 'any' | undefined;
  let decisionColumn: { item: number; decision: number } | undefined;
  for (const block of blocks) {
    if (block.kind === 'table-row') {
      const header = block.cells.findIndex((cell) => /^(?:decision|outcome|resolution)s?$/i.test(cell.trim()));
      if (header !== -1) {
        decisionColumn = { decision: header, item: header === 0 ? 1 : 0 };
        continue;
      }
      if (!decisionColumn) continue;
      const decision = block.cells[decisionColumn.decision]?.trim() ?? '';
      const item = block.cells[decisionColumn.item]?.trim() ?? '';
      if (item || decision) add(tabled(item, decision));
      continue;
    }
    decisionColumn = undefined;
    if (block.kind === 'list-item' && listVerb) {
      const item = itemAgreement(block.text.replace(/^(?:that\s+)/i, ''));
      if (item) add(item);
      else if (listVerb !== 'any') add({ verb: listVerb, text: asStatement(block.text) });
      else {
        const found = agreementOf(block.text, group);
        if (found) add(found);
      }
      continue;
    }
    listVerb = undefined;
    if (skip(block)) continue;
    if (block.kind === 'heading') {
      if (DECISIONS_HEADING.test(block.text.trim())) listVerb = 'any';
      continue;
    }
    for (const sentence of splitSentences(block.text)) {
      // "The Group agreed:", "At the meeting, the Heritage Council:", "Ministers agreed to the following:".
      if (/:$/.test(sentence)) {
        const intro = VERB_PHRASE.exec(sentence.replace(LEAD_IN, ''));
        if (intro && /^(?:(?:that|to|on)(?: the following)?)?\s*:?$/i.test((intro[2] ?? '').trim())) {
          listVerb = verbOf(intro[1]!);
          continue;
        }
        if (
          /^(?:[\p{L},' ]{0,60})\b(?:the\s+)?\p{Lu}[\p{L} ]*:$/u.test(sentence) &&
          !/\b(?:is|are|was|were|include[sd]?)\b/.test(sentence)
        ) {
          listVerb = 'any';
          continue;
        }
      }
      const motion = MOTION.exec(sentence);
      // "Motion by Member Patel, seconded by …, to approve the plan. Motion carried 5-0.": only a carried motion.
      if (motion && /\bcarried\b/i.test(block.text) && !/\b(?:lost|failed|defeated)\b/i.test(block.text)) {
        const verb = `${motion[1]!.toLowerCase().replace(/e$/, '')}ed`;
        if ((VERBS as readonly string[]).includes(verb))
          add({ verb: verb as AgreementVerb, text: asStatement(motion[2]!) });
        continue;
      }
      for (const found of agreementsOf(sentence, group)) add(found);
    }
  }
  return agreements;
}

const MOTION =
  /^(?:A\s+)?motion\s+(?:was\s+)?(?:moved\s+)?by\s+[^,]{2,60},\s*seconded\s+by\s+[^,]{2,60},\s*to\s+(adopt|approve|endorse|accept|note|support|receive|recommend|confirm)\s+(.+)$/i;
