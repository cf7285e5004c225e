/**
 * Actions: "<owner> will …" for any owner (officials, a minister, a jurisdiction, staff, a
 * sub-body, a role, a government); requests ("asked / requested / directed / called on /
 * tasked X to …"); commitments ("agreed to <do>", "undertook to", "committed to <doing>");
 * "should" recommendations; infinitive and passive tasks ("Staff to report back …", "to be
 * developed by …"). The owner is kept as the source writes it — an attendee's id when it
 * names one, the group's name when it is the group — and the due phrase is the one that
 * governs the task ("by 30 June", "at the May 2022 meeting", "within twelve months").
 */
import type { Action, Attendee } from '../../core/model.js';
import { normalise } from '../../core/text.js';
import type { Findings } from './findings.js';
import { type FoundGroup, GROUP_REFERENCE } from './group.js';
import { parseName } from './people.js';
import type { Reading, Sentence } from './reading.js';
import { pattern } from './pattern.js';

const LABEL =
  /^(?:(?:action(?:\s+(?:item|point))?s?|task|next steps?|follow[- ]up)(?:\s+[\w.]+)?\s*[:–—-]\s*|\d+(?:\.\d+)*[.)]?\s+)/i;
const LEAD_IN = pattern(
  'i',
  '^(?:(?:In addition|Also|Additionally|Following (?:the|this) meeting|After the meeting',
  '|Separately|Meanwhile|In the meantime|To that end|As a next step|Before the next meeting',
  String.raw`|By the end of the year),?\s+)+`,
);
const NOT_AN_AGENT = pattern(
  'i',
  '^(?:it|this|that|these|those|there|they|he|she|which|what|each of these',
  '|the (?:plan|strategy|program|programme|project|report|campaign|roster',
  '|guidelines?|funding|framework|policy|review|survey|trial|scheme|fund|grants?',
  '|round|changes?|work|consultation|pilot|legislation|agreement|arrangements?',
  String.raw`|event|expo|new \w+|first \w+|outcome|results?|budget|standard|paper|statement`,
  String.raw`|website|data|system|service|approach|hub|fleet))\b`,
);
const NOT_A_TASK = pattern(
  'u',
  String.raw`^(?:be|have|has|need|(?:next\s+)?(?:meet|convene|gather)(?!\s+(?:(?:the`,
  String.raw`|a|an|with|all|each)\b|\p{Lu}))|next|continue to be|result|affect|depend`,
  '|take place|remain|include|likely|soon|then meet|again meet|apply|run from',
  String.raw`|open|close|also be|not|now be|hold (?:its|their|four|three|two|a) (?:\w+ )?meetings?)\b`,
);
const ACTION_VERB = pattern(
  '',
  '^(?:call|report|provide|circulate|prepare|draft|share|write|develop|arrange',
  '|seek|present|review|update|consult|organi[sz]e|convene|investigate|liaise',
  '|confirm|distribute|send|invite|brief|finali[sz]e|nominate|identify|consider',
  '|follow|work|coordinate|establish|engage|advise|contact|table|bring|progress',
  '|scope|explore|publish|set|schedule|book|collate|compile|lead|discuss|respond',
  '|raise|return|submit|deliver|implement|monitor|assess|examine|commission',
  '|fund|host|form|gather|map|design|test|trial|release|negotiate|install',
  String.raw`|put|give|make|run|hold|plan|ask|request|write)\b`,
);
const GOVERNS_BY = /\b(by|before|at|for|from|within|in|over|to|ahead of|prior to|no later than)\s+/gi;

/** When an action is due: a date after the meeting, "next meeting", or a phrase such as "end of 2021". */
export function dueOf(text: string, meetingDay: string | undefined, reading?: Reading): string | undefined {
  for (const match of text.matchAll(GOVERNS_BY)) {
    const word = match[1]!.toLowerCase();
    const after = text.slice(match.index + match[0].length).replace(/[.;]\s*$/, '');
    const phrase = /^(?:the|its|their|our)\s+/i.test(after) ? after : after;
    const meeting = pattern(
      'iu',
      String.raw`^(?:the\s+|its\s+|their\s+|our\s+)?((?:next|first|final|last|following`,
      String.raw`|\p{Lu}\p{Ll}+(?:\s+\d{4})?|\d{4}|\d+(?:st|nd|rd|th))\s+(?:(?:ordinary`,
      String.raw`|board|council|general|regular)\s+)?(?:meeting|session|dialogue|forum|conference)`,
      String.raw`(?:\s+(?:of|in)\s+\d{4})?)\b`,
    ).exec(phrase);
    if (meeting && ((word !== 'in' && word !== 'from') || /next/i.test(meeting[1]!))) {
      const what = meeting[1]!;
      return /^next (?:meeting|session)$/i.test(what) ? 'next meeting' : what;
    }
    if (word === 'to') continue;
    if (word === 'within') {
      const within =
        /^((?:the next\s+)?(?:\w+|\d+)\s+(?:business\s+|working\s+)?(?:days?|weeks?|months?|years?))\b/i.exec(phrase);
      if (within) return `within ${within[1]}`;
      continue;
    }
    if (word === 'over') {
      const coming = /^(?:the\s+)?((?:coming|next)\s+(?:few\s+)?(?:\w+\s+)?(?:months|weeks|year))\b/i.exec(phrase);
      if (coming) return coming[1]!.toLowerCase();
      continue;
    }
    const dates = reading ? reading.datesIn(phrase) : [];
    const date = dates[0];
    if (date && date.index <= 12) {
      if (word === 'from') return `from ${phrase.slice(date.index, date.index + date.text.length)}`;
      return !meetingDay || date.start > meetingDay
        ? date.start
        : phrase.slice(date.index, date.index + date.text.length);
    }
    const month = reading?.dates.months(phrase)[0];
    if (month && month.index <= 4 && word !== 'from') return month.text;
    const end = pattern(
      'iu',
      String.raw`^(?:the\s+)?((?:end|middle|start|beginning) of (?:the\s+)?(?:\w+\s+)?(?:\d{4}`,
      String.raw`|year|season|month|quarter|financial year|term|\w+)|(?:early|mid|late)[- ]\d{4}`,
      String.raw`|mid-\w+|\d{4}(?:[–-]\d{2,4})?(?:\s+(?!and\b|to\b|in\b|for\b|by\b)\p{Ll}+)?)\b`,
    ).exec(phrase);
    if (end && word !== 'from') return end[1]!;
    if (
      word === 'in' &&
      /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(phrase)
    )
      return /^(\w+)/.exec(phrase)![1]!;
    if (word === 'by' && /^\d{4}\b/.test(phrase)) return phrase.slice(0, 4);
  }
  return undefined;
}

interface Task {
  owner: string;
  /** What follows the owner: the task itself, where the due phrase is looked for. */
  rest: string;
}

function clean(owner: string): string {
  return owner
    .trim()
    .replace(/^(?:and|then)\s+/i, '')
    .replace(/[,;:]$/, '');
}

/** The owner and the task a sentence states, if it states one. */
export function taskOf(sentence: string, group: FoundGroup = {}): Task | undefined {
  const text = sentence.replace(LABEL, '').replace(LEAD_IN, '');
  if (/\b(?:agreed|resolved|decided) in principle\b/i.test(text)) return undefined;
  // A declaration's clauses: "REQUEST our officials to report …", "COMMIT to completing …" (the signatories' task).
  const declared =
    /^(?:REQUEST|CALL (?:ON|UPON)|URGE|TASK|DIRECT|INSTRUCT|INVITE|ASK)\s+(.+?)\s+to\s+(\p{Ll}+)\b(.*)$/u.exec(text);
  if (declared && declared[1]!.split(/\s+/).length <= 9)
    return { owner: clean(declared[1]!), rest: `${declared[2]}${declared[3]}` };
  const committing = /^(?:COMMIT|UNDERTAKE)\s+to\s+(\p{Ll}+)\b(.*)$/u.exec(text);
  if (committing && group.name) return { owner: group.name, rest: `${committing[1]}${committing[2]}` };
  const request = pattern(
    'u',
    String.raw`\b(?:asked|requested|directed|called (?:on|upon)|tasked|instructed|invited`,
    String.raw`|urged|charged|encouraged)\s+(.+?)\s+to\s+(?!the\b|a\b|an\b)(\p{Ll}+)\b`,
    '(.*)$',
  ).exec(text);
  const requester = request
    ? subjectOf(
        text
          .slice(0, request.index)
          .split(/[;:,]\s+/)
          .at(-1)!
          .trim(),
      )
    : '';
  if (
    request &&
    !/^(?:that|for|whether)\b/i.test(request[1]!) &&
    request[1]!.split(/\s+/).length <= 9 &&
    !NOT_A_TASK.test(request[2]!) &&
    (requester === '' || ownVoice(requester, group))
  )
    return { owner: clean(request[1]!), rest: `${request[2]}${request[3]}` };
  const asked = pattern(
    'u',
    String.raw`^(.+?)\s+(?:was|were|has been|have been|is|are)\s+(?:also\s+)?(?:asked`,
    String.raw`|requested|directed|tasked|invited|instructed|charged)\s+to\s+(?!the\b`,
    String.raw`|a\b|an\b)(\p{Ll}+)\b(.*)$`,
  ).exec(text);
  if (asked && isAgent(asked[1]!)) return { owner: clean(asked[1]!), rest: `${asked[2]}${asked[3]}` };
  // "Officials were tasked with preparing …": the passive, the owner first.
  const taskedWith =
    /^(.+?)\s+(?:was|were|has been|have been)\s+(?:also\s+)?(?:tasked|charged)\s+with\s+(\p{Ll}+ing)\b(.*)$/u.exec(
      text,
    );
  if (taskedWith && isAgent(taskedWith[1]!))
    return { owner: clean(taskedWith[1]!), rest: `${taskedWith[2]}${taskedWith[3]}` };
  // "The Executive Officer is to circulate …": an instruction, when what follows is a task.
  const isTo = /^(.+?)\s+(?:is|are)\s+(?:also\s+)?to\s+(\p{Ll}+)\b(.*)$/u.exec(text);
  if (isTo && isAgent(isTo[1]!) && ACTION_VERB.test(isTo[2]!))
    return { owner: clean(isTo[1]!), rest: `${isTo[2]}${isTo[3]}` };
  const tasked = /\b(?:tasked|charged)\s+(.+?)\s+with\s+(\p{Ll}+ing)\b(.*)$/u.exec(text);
  if (tasked && tasked[1]!.split(/\s+/).length <= 9)
    return { owner: clean(tasked[1]!), rest: `${tasked[2]}${tasked[3]}` };
  const by =
    /\b(?:is|are|will be)?\s*to be\s+\w+ed\s+by\s+((?:the\s+)?[\p{Lu}][^,.;]*?)(?:\s+(?:by|before|for|at|within)\b.*|[,.;]|$)/u.exec(
      text,
    ) ??
    pattern(
      'u',
      String.raw`\bwill be\s+(?:prepared|developed|drafted|circulated|provided|presented`,
      String.raw`|organised|organized|convened|led|arranged|undertaken|coordinated)\s+by\s+`,
      String.raw`((?:the\s+)?[\p{Lu}][^,.;]*?)(?:\s+(?:by|before|for|at|within)\b.*|[,.;]`,
      '|$)',
    ).exec(text);
  if (by) return { owner: clean(by[1]!), rest: text };
  const that = /\b(?:agreed|resolved|decided|recommended|noted|requested|asked|directed)\s*:?\s+that\s+(.+)$/i.exec(
    text,
  );
  if (that) {
    const inner = willOf(that[1]!) ?? shouldOf(that[1]!);
    if (inner) return inner;
    // "RESOLVED that the Clerk writes to …": a task in the present tense, or the subjunctive ("the Clerk write").
    const present = /^(.+?)\s+(\p{Ll}+)\b(.*)$/u.exec(that[1]!);
    const verb = present && [present[2]!, present[2]!.replace(/s$/, ''), present[2]!.replace(/es$/, '')];
    const base = verb?.find((form) => ACTION_VERB.test(form) && ACTION_VERB.exec(form)![0] === form);
    if (present && base && isAgent(present[1]!)) return { owner: clean(present[1]!), rest: `${base}${present[3]}` };
  }
  const commit = pattern(
    'u',
    String.raw`^(.+?)\s+(?:also\s+|further\s+)?(agreed|resolved|decided|undertook|offered`,
    String.raw`|pledged|promised|volunteered)\s+to\s+(\p{Ll}+)\b(.*)$`,
  ).exec(text);
  if (
    commit &&
    !/^(?:adopt|approve|endorse|note|accept|support|receive|defer|recommend|continue|the|a|an|its|their|this|these)$/i.test(
      commit[3]!,
    ) &&
    // "Ministers agreed to meet again in Tonga in 2026": the next meeting, not a task.
    !/^(?:meet|reconvene|convene)\s+(?:again|next|in|at)\b/i.test(`${commit[3]}${commit[4]}`)
  ) {
    // "The Committee endorsed the guidelines and agreed to seek comment": the subject is the Committee.
    const owner = subjectOf(commit[1]!);
    const decided = /^(?:resolved|decided)$/.test(commit[2]!);
    if (isAgent(owner) && !/\s+and$/.test(owner) && (!decided || ACTION_VERB.test(commit[3]!)))
      return { owner: clean(owner), rest: `${commit[3]}${commit[4]}` };
  }
  const committed = /^(.+?)\s+(?:also\s+)?committed to\s+(\p{Ll}+ing)\b(.*)$/u.exec(text);
  const committer = committed ? subjectOf(committed[1]!) : '';
  if (committed && isAgent(committer)) return { owner: clean(committer), rest: `${committed[2]}${committed[3]}` };
  const will = willOf(text) ?? shouldOf(text);
  if (will) return will;
  const infinitive = /^((?:the\s+|The\s+)?[\p{Lu}][^,;:]{0,60}?)\s+to\s+(\p{Ll}+)\b(.*)$/u.exec(text);
  if (
    infinitive &&
    ACTION_VERB.test(infinitive[2]!) &&
    isAgent(infinitive[1]!) &&
    !pattern(
      'u',
      String.raw`\b\p{Ll}+ed\b|\b(?:is|are|was|were|has|have|will|would|plans?|aims?|wants?`,
      '|needs?|continues?|hopes?|intends?|expects?|seeks?|looks?|wishes|proposes?',
      '|tends?|appears?|seems?|began|started|tried|likes?|went|came|decided|agreed',
      String.raw`|asked|offered|undertook|met|held|took|gave|made|said|heard|saw|sent|set|began)\b`,
      String.raw`|\d|\s(?:in|on|at|by|with|from|during)\s`,
    ).test(infinitive[1]!)
  )
    return { owner: clean(infinitive[1]!), rest: `${infinitive[2]}${infinitive[3]}` };
  return undefined;
}

/** "The Ministers also discussed X and": the subject before the first verb of a coordinated sentence. */
function subjectOf(text: string): string {
  return text.replace(/\s+(?:also\s+)?\p{Ll}+ed\b.*\s+and$/u, '');
}

/** The meeting speaking: the group, its members, ministers, "we". */
function ownVoice(subject: string, group: FoundGroup): boolean {
  const bare = subject.replace(/^(?:the|The)\s+/, '').toLowerCase();
  if (
    GROUP_REFERENCE.test(subject) ||
    pattern(
      'iu',
      '^(?:we|it|members|ministers|delegates|leaders|participants|directors|councillors',
      String.raw`|partners|(?:[\p{L}-]+\s+)?(?:ministers|members|officers|leaders))$`,
    ).test(bare)
  )
    return true;
  return [group.name, group.short_name].some(
    (name) => name !== undefined && (name.toLowerCase() === bare || name.toLowerCase().endsWith(` ${bare}`)),
  );
}

function isAgent(owner: string): boolean {
  const text = owner.trim();
  if (text.split(/\s+/).length > 9 || NOT_AN_AGENT.test(text) || /\b(?:who|which|whose)\b|,/.test(text)) return false;
  return (
    /^(?:[\p{Lu}"“]|each\b|every\b|all\b|both\b|staff\b|officials\b|members\b|management\b)/iu.test(text) &&
    !/^(?:If|When|While|Although|Because|As|Once|Until|Where|Since)\b/.test(text)
  );
}

function willOf(text: string): Task | undefined {
  const will = /^(.+?)\s+(?:will|would)\s+(?:also\s+|now\s+|then\s+|jointly\s+|continue to\s+)?(\p{Ll}+)\b(.*)$/u.exec(
    text,
  );
  if (!will || /,\s*(?:which|who)\b/.test(will[1]!)) return undefined;
  const owner = will[1]!.replace(/^.*,\s+(?=[\p{Lu}])/u, '');
  if (!isAgent(owner) || NOT_A_TASK.test(`${will[2]}${will[3]}`)) return undefined;
  return { owner: clean(owner), rest: `${will[2]}${will[3]}` };
}

function shouldOf(text: string): Task | undefined {
  const should = /^(.+?)\s+should\s+(\p{Ll}+)\b(.*)$/u.exec(text);
  if (!should || !isAgent(should[1]!) || /^be\b/.test(should[2]!)) return undefined;
  return { owner: clean(should[1]!), rest: `${should[2]}${should[3]}` };
}

/** An owner as written, or the attendee (by id) or the group (by name) it names. */
function ownerOf(
  stated: string,
  group: FoundGroup,
  attendees: readonly Attendee[],
  chairs: readonly string[],
): Action['owner'] {
  const bare = stated.replace(/^(?:the|its|their|our)\s+/i, '');
  const names = [group.name, group.short_name].filter((name): name is string => Boolean(name));
  if (
    group.name &&
    (GROUP_REFERENCE.test(stated) || names.some((name) => normalise(name) === normalise(bare))) &&
    !/^officials$/i.test(bare)
  )
    return group.name;
  if (/^chair$/i.test(bare) && chairs.length === 1) return chairs[0]!;
  const people = bare.split(/\s+and\s+(?=\p{Lu})/u);
  const found = people.map((one) => personOf(one, attendees));
  if (people.length > 1 && people.every((one, index) => found[index] || parseName(one)))
    return people.map((one, index) => found[index]?.id ?? one) as [string, ...string[]];
  const attendee =
    personOf(bare, attendees) ?? attendees.filter((one) => one.role && normalise(one.role) === normalise(bare)).at(0);
  if (attendee && attendees.filter((one) => one.role && normalise(one.role) === normalise(bare)).length <= 1)
    return attendee.id;
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

/** The attendee a name means: in full, or by title and surname ("Ms Oyelaran"). */
export function personOf(text: string, attendees: readonly Attendee[]): Attendee | undefined {
  const person = parseName(text);
  if (!person) return undefined;
  const wanted = normalise(person.name);
  const exact = attendees.find((attendee) => normalise(attendee.name) === wanted);
  if (exact) return exact;
  const surname = attendees.filter((attendee) => normalise(attendee.name).split(' ').at(-1) === wanted);
  return surname.length === 1 ? surname[0] : undefined;
}

export function recogniseActions(
  reading: Reading,
  group: FoundGroup,
  attendees: readonly Attendee[],
  chairs: readonly string[],
  meetingDay: string | undefined,
  findings: Findings,
  skip: (sentence: Sentence) => boolean,
): Action[] {
  const actions: Action[] = [];
  for (const sentence of reading.sentences) {
    if (sentence.header || skip(sentence)) continue;
    const task = taskOf(sentence.text, group);
    if (!task) continue;
    const id = `ACT-${actions.length + 1}`;
    const due = dueOf(task.rest, meetingDay, reading);
    const owner = ownerOf(task.owner, group, attendees, chairs);
    actions.push({ id, text: sentence.text, owner, ...(due ? { due } : {}), status: 'open' });
  }
  if (actions.length > 0) findings.fill('actions');
  return actions;
}
