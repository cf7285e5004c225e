/**
 * Who chaired: "chaired by the Minister for Water, the Hon X MP", "X chaired the meeting",
 * "X presided", "under the co-chairmanship of A, B and C", "led by the three co-chairs, A,
 * role; B, role; and C, role", "Chair: X", "(Chair)" in a list, the body's chair named in
 * apposition ("Board Chair Ms X welcomed members", "The Chair, Mr Y, opened the meeting"),
 * and chairs referred back to ("The two Ministers jointly chaired the meeting").
 */
import { entries } from './attendance.js';
import { nameWithRole, parsePerson, type Person, TITLED_NAME } from './people.js';
import type { Reading } from './reading.js';
import type { Register } from './register.js';
import { pattern } from './pattern.js';

const CHAIRED_BY = /\b(co-?)?(?:chaired|presided over|led|facilitated)\s+(?:jointly\s+)?by\s+(.+?)\.?$/i;
const CHAIRMANSHIP = /\bunder the (co-?)?chair(?:man|woman|person)?ship of\s+(.+?)(?:,\s+(?:and|which|who)\b.*)?\.?$/i;
const CHAIRED_THE = pattern(
  'i',
  String.raw`^(.+?)\s+(?:(?:jointly|also)\s+)?(co-?)?(?:chaired|presided(?: over)?|led)\s+`,
  String.raw`(?:the\s+)?(?:meeting|session|discussion|conference|forum|dialogue)\b`,
);
/** "Dr X presided", "Youth Mayor Ethan Cole chaired.": the verb alone, at the end of its sentence. */
const PRESIDED = /^(.+?)\s+(?:presided\b|(?:co-?)?chaired\.?$)/i;
const IN_THE_CHAIR = pattern(
  'u',
  String.raw`\b((?:(?:The Hon|Hon|Mr|Mrs|Ms|Dr|Prof|Professor|Cr|Cllr|Councillor|Mayor)\.?\s+)?\p{Lu}[\p{L}'’-]+`,
  String.raw`(?:\s+\p{Lu}[\p{L}'’-]+){0,3})\s+(?:was\s+)?in the chair\b|\b(?:thanks`,
  String.raw`|thank you|thanked)\s+(?:to\s+)?((?:(?:The Hon|Hon|Mr|Mrs|Ms|Dr|Prof|Cr`,
  String.raw`|Cllr)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\s+for chairing\b`,
);
const APPOSITION = pattern(
  'u',
  String.raw`(?:^|[\s(])(?:(?:the|The)\s+)?(?:(?:[\p{Lu}][\p{L}’']*|independent|new`,
  String.raw`|outgoing|incoming|acting|interim)\s+){0,3}?(?:[Cc]hair(?:person|man|woman)?`,
  String.raw`|President|Chancellor|Presiding Member)(?:['’]s)?,?\s+((?:(?:The Hon|Hon`,
  String.raw`|Mr|Mrs|Ms|Dr|Prof|Professor|Cr|Councillor|Mayor|Captain|Commissioner|Ambassador)\.?\s+)*\p{Lu}[\p{L}'’-]+`,
  String.raw`(?:\s+\p{Lu}[\p{L}'’-]+){0,3}(?:\s+[A-Z]{2,5})*),?\s+(?:opened|welcomed`,
  String.raw`|chaired|presided|led|thanked|closed|noted|called the meeting to order)\b`,
);
const NAME_THEN_CHAIR = pattern(
  'u',
  String.raw`^((?:(?:The Hon|Hon|Mr|Mrs|Ms|Dr|Prof|Cr)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}),\s+`,
  String.raw`(?:the\s+)?Chair(?:person)?,\s+(?:opened|welcomed|chaired)`,
);
const REFERRED = /^(?:the\s+)?(two|three|four|both)\s+([\p{L} ]+?)$/iu;
const COUNT: Record<string, number> = { two: 2, both: 2, three: 3, four: 4 };

/** The people in a stretch of text that names chairs: "the Minister for Health, the Hon X MP" is X. */
function peopleIn(text: string, several: boolean): Person[] {
  const cleaned = text
    .replace(/^(?:the\s+)?(?:two|three|four|both)\s+co-?chairs?,?\s*/i, '')
    .replace(/^(?:its|their|the)\s+co-?chairs?,?\s*/i, '');
  const parts = several ? entries(cleaned) : [cleaned];
  const people: Person[] = [];
  for (const part of parts) {
    const whole = parsePerson(part);
    if (whole) {
      people.push(whole);
      continue;
    }
    // A role first: "the Victorian Minister for Health, the Hon Mark Deller MP".
    const titled = [...part.matchAll(TITLED_NAME)].map((match) =>
      parsePerson(`${match[0]}${part.slice(match.index + match[0].length).match(/^(?:\s+[A-Z]{2,5})*/)?.[0] ?? ''}`),
    );
    const found = titled.find((person) => person !== undefined);
    if (found) {
      const role = part
        .slice(0, part.indexOf(found.name))
        .replace(/,?\s*(?:the\s+)?(?:The\s+)?(?:Hon|Mr|Ms|Dr|Mrs|Prof)\.?\s*$/, '')
        .trim();
      if (role && !found.role) found.role = role.replace(/^the\s+/i, '').replace(/,$/, '');
      people.push(found);
      continue;
    }
    const pieces = part.split(/\s*,\s*/);
    for (const piece of pieces) {
      const named = nameWithRole(piece);
      if (named) {
        people.push({ ...named.person, ...(named.role ? { role: named.role } : {}) });
        break;
      }
    }
  }
  return people;
}

export function recogniseChairs(reading: Reading, register: Register): void {
  const strong: Person[][] = [];
  const weak: Person[][] = [];
  const mentioned: Person[] = [];
  for (const field of reading.fields) {
    if (!/^(?:chair|chairperson|co-?chairs?|chaired by)$/.test(field.label)) continue;
    // "Co-chairs: Town partners co-chair, Australian Government co-chair": people already listed, by name.
    const listed = register.attendees
      .filter((attendee) => field.value.toLowerCase().includes(attendee.name.toLowerCase()))
      .sort(
        (one, other) =>
          field.value.toLowerCase().indexOf(one.name.toLowerCase()) -
          field.value.toLowerCase().indexOf(other.name.toLowerCase()),
      );
    if (
      listed.length > 0 &&
      listed.map((attendee) => attendee.name).join(', ').length >= field.value.replace(/\s+and\s+/g, ', ').length - 2
    ) {
      for (const attendee of listed) register.chair(attendee.id);
      continue;
    }
    strong.push(peopleIn(field.value, /co|s$/.test(field.label) || /,|\band\b/.test(field.value)));
  }
  for (const { text } of reading.sentences) {
    const habitual = /\b(?:is|are)\s+(?:co-?)?chaired\b/i.test(text);
    const by = CHAIRED_BY.exec(text);
    // "The committee, chaired by Cr Mia Novak, met at …": the chair ends where the sentence goes on.
    if (by) by[2] = by[2]!.replace(/,\s+(?:met|held|gathered|convened|came|was|were|which|who)\b.*$/, '');
    if (by && /chaired|presided|co-?chairs|facilitated/i.test(by[0])) {
      const several = Boolean(by[1]) || /\bjointly\b/i.test(by[0]) || /co-?chairs|;/i.test(by[2]!);
      if (habitual) weak.push(peopleIn(by[2]!, several));
      else if (/facilitated/i.test(by[0])) weak.unshift(peopleIn(by[2]!, several));
      else strong.push(peopleIn(by[2]!, several));
    }
    const inChair = IN_THE_CHAIR.exec(text);
    if (inChair) {
      const person = parsePerson((inChair[1] ?? inChair[2])!);
      if (person) strong.push([person]);
    }
    const ship = CHAIRMANSHIP.exec(text);
    if (ship) strong.push(peopleIn(ship[2]!, true));
    const the = CHAIRED_THE.exec(text) ?? PRESIDED.exec(text);
    if (the) {
      const subject = the[1]!.replace(/^(?:In addition|Also|Then),?\s+/i, '');
      const referred = REFERRED.exec(subject);
      if (referred && mentioned.length >= COUNT[referred[1]!.toLowerCase()]!) {
        strong.push(mentioned.slice(-COUNT[referred[1]!.toLowerCase()]!));
      } else {
        const people = peopleIn(subject, Boolean(the[2]) || /\band\b/.test(subject));
        if (people.length > 0) strong.push(people);
      }
    }
    const apposition = APPOSITION.exec(text) ?? NAME_THEN_CHAIR.exec(text);
    if (apposition && !/\bChair(?:person)? of\b/.test(text.slice(0, text.indexOf(apposition[1]!)))) {
      const person = parsePerson(apposition[1]!);
      if (person)
        (/President|Chancellor/.test(apposition[0]) && !/presided|chaired/.test(apposition[0]) ? weak : strong).push([
          person,
        ]);
    }
    if (/\bopened the meeting\b/i.test(text)) {
      const opener = TITLED_NAME.exec(text);
      TITLED_NAME.lastIndex = 0;
      if (opener) {
        const person = parsePerson(opener[0]);
        if (person) weak.push([person]);
      }
    }
    for (const match of text.matchAll(TITLED_NAME)) {
      const person = parsePerson(match[0]);
      if (person) mentioned.push(person);
    }
  }
  const chosen =
    strong.find((people) => people.length > 0) ??
    (register.chairs.length === 0 ? weak.find((people) => people.length > 0) : undefined);
  // Whoever opened, led or facilitated the meeting was at it, chair or not.
  for (const people of weak)
    for (const person of people)
      if (!chosen?.includes(person)) register.add(person, { kind: 'member', attendance: 'present' });
  for (const person of chosen ?? []) {
    const several = (chosen?.length ?? 0) > 1;
    const attendee = register.add(
      { ...person, role: person.role ?? (several ? 'Co-chair' : 'Chair') },
      { kind: 'member', attendance: 'present' },
    );
    register.chair(attendee.id);
  }
}
