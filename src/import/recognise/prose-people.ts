/**
 * People named in prose: guests and presenters introduced with their role ("heard from
 * Prof X, Director of …", "X, Chief Executive of Y, presented …", "joined by the Deputy
 * Secretary, Dr Z"), new members welcomed, movers and seconders, the people who met,
 * apologies given in a sentence, and attendance in words when the source names no one
 * ("Premiers and Chief Ministers took part").
 */
import { entries, addEntry } from './attendance.js';
import { describeRole, nameWithRole, parsePerson, type Person, TITLED_NAME } from './people.js';
import { pattern } from './pattern.js';
import type { Reading } from './reading.js';
import type { Register } from './register.js';

const PRESENTER_LEAD = pattern(
  'g',
  String.raw`\b(?:heard from|(?:received |heard )?(?:a |an )?(?:presentation|briefing`,
  '|update|address|report)s? (?:from|by)|(?:were |was )?briefed by|addressed by',
  String.raw`|presented by|welcomed(?: [a-z' ]{0,40}?,)?|joined by|including)\s+`,
);
const SUBJECT_VERB = pattern(
  'u',
  String.raw`^(?:.{0,40}?\b)?((?:[A-Z][\w’'-]*\s+){0,4}?(?:(?:The Hon|Hon|Mr|Mrs|Ms`,
  '|Dr|Prof|Professor|Cr|Councillor|Mayor|Captain|Ambassador|Commissioner',
  String.raw`|Superintendent|Supt)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}`,
  String.raw`(?:\s+[A-Z]{2,5})*)(?:,\s*([^,]{3,90}),)?\s+(?:presented|spoke|briefed`,
  String.raw`|addressed|outlined|provided|gave|welcomed|attended|tabled|reported|joined)\b`,
);

/** People named in sentences: guests, presenters, new members welcomed, and apologies given in words. */
export function readProse(reading: Reading, register: Register): string | undefined {
  let note: string | undefined;
  for (const { text } of reading.sentences) {
    const apologies = /\bapolog(?:y|ies) (?:(?:were|was) )?(?:received |noted )?(?:from|for)\s+(.+?)\.?$/i.exec(text);
    if (apologies)
      for (const entry of entries(apologies[1]!)) addEntry(register, entry, { kind: 'member', attendance: 'apology' });
    for (const lead of text.matchAll(PRESENTER_LEAD)) {
      const after = text.slice(lead.index + lead[0].length);
      const kind = /welcomed|joined/i.test(lead[0])
        ? /\bnew\b|first meeting/i.test(after) || /new\b/i.test(lead[0])
          ? 'member'
          : 'guest'
        : 'presenter';
      let previous = 0;
      for (const found of after.matchAll(TITLED_NAME)) {
        const between = after.slice(previous, found.index);
        // "joined by the Deputy Secretary of the Department, Dr X": the role before the name.
        const before = found.index === 0 || previous > 0 ? undefined : /^(?:the\s+)?([^,]{3,100}),\s*$/.exec(between);
        if (
          found.index > 0 &&
          previous === 0 &&
          !before &&
          !/^\s*(?:the|two new directors|members and guests, including)\s*$/i.test(between)
        )
          break;
        previous = found.index + found[0].length;
        const rest = after.slice(found.index + found[0].length);
        const role = /^(?:\s+[A-Z]{2,5})*,\s*((?:the |a |an )?[^,]{3,90}?)(?:,|\s+(?:who|about|on|to)\b|\.|$)/.exec(
          rest,
        );
        const post = /^(?:\s+[A-Z]{2,5})*/.exec(rest)![0];
        const described = before ? `, ${before[1]}` : role ? `, ${role[1]!.replace(/^(?:the|a|an)\s+/i, '')}` : '';
        const person = parsePerson(`${found[0]}${post}${described}`);
        if (person) register.add(person, { kind, attendance: 'present' });
        if (!/^\s*(?:,[^,]*,)?\s*(?:and|,)\s/.test(rest)) break;
      }
    }
    // "Moved Cr A, seconded Cr B": both were there.
    for (const moved of text.matchAll(
      pattern(
        'giu',
        String.raw`\b(?:moved|seconded)(?: by)?\s+((?:(?:Cr|Cllr|Councillor|Mr|Mrs|Ms|Dr|Mayor)\.?\s+)\p{Lu}[\p{L}'’-]+`,
        String.raw`(?:\s+\p{Lu}[\p{L}'’-]+){0,3})`,
      ),
    )) {
      const person = parsePerson(moved[1]!);
      if (person) register.add(person, { kind: 'member', attendance: 'present' });
    }
    // "The Hon. A MP and Hon. B met in Wellington": the people who met.
    const met = /^(.+?)\s+(?:met|convened|gathered)\b/.exec(text);
    if (met)
      for (const name of met[1]!.matchAll(TITLED_NAME)) {
        const person = parsePerson(
          `${name[0]}${met[1]!.slice(name.index + name[0].length).match(/^(?:\s+[A-Z]{2,5})*/)?.[0] ?? ''}`,
        );
        if (person) register.add(person, { kind: 'member', attendance: 'present' });
      }
    // "the principal, Mr Dan Kirby, gave his report": a titled name doing something at the meeting.
    for (const name of text.matchAll(TITLED_NAME)) {
      // "Mr Raj Iyer, Principal Economist, Regional Insights, presented": the role and organisation between commas.
      const rest = text.slice(name.index + name[0].length);
      const apposition = /^(?:\s+[A-Z]{2,5})*(?:,[^,]{2,90}){1,2},/.exec(rest)?.[0] ?? '';
      const after = rest.slice(apposition.length);
      const verb = pattern(
        '',
        String.raw`^\s+(?:also\s+)?(presented|spoke|briefed|addressed|outlined|gave|tabled`,
        String.raw`|reported|welcomed|opened|attended|joined|chaired|led|moved|thanked)\b`,
      ).exec(after);
      if (!verb) continue;
      const person = parsePerson(`${name[0]}${apposition.replace(/,$/, '')}`) ?? parsePerson(name[0]);
      if (person)
        register.add(person, {
          kind: /presented|spoke|briefed|addressed|outlined|gave|tabled/.test(verb[1]!) ? 'presenter' : 'member',
          attendance: 'present',
        });
    }
    const subject = SUBJECT_VERB.exec(text);
    if (subject) {
      const named = nameWithRole(subject[1]!.trim());
      if (named && (named.person.honorific || subject[2])) {
        const person: Person = { ...named.person, ...(named.role ? { role: named.role } : {}) };
        if (subject[2]) describeRole(subject[2], person);
        const kind = /presented|spoke|briefed|addressed|outlined|gave|tabled/.test(text.slice(subject[0].length - 12))
          ? 'presenter'
          : 'member';
        register.add(person, { kind, attendance: 'present' });
      }
    }
    const attendedAs = /^(.+?)\s+attended as (?:an? |the )?(observers?|proxy for .+|.{0,40}representative)/i.exec(text);
    if (attendedAs) {
      for (const entry of entries(attendedAs[1]!)) {
        const person = parsePerson(entry);
        if (!person) continue;
        const attendee = register.add(person, {
          kind: /observer/i.test(attendedAs[2]!) ? 'observer' : 'member',
          attendance: 'present',
        });
        const proxy = /^proxy for (.+)$/i.exec(attendedAs[2]!);
        if (proxy) register.proxyFor(attendee, parsePerson(proxy[1]!) ?? { name: proxy[1]! });
      }
    }
    const attended = /\b(?:was|were) attended by\s+(.+?)\.?$/.exec(text);
    if (attended) {
      const people = entries(attended[1]!).map(parsePerson);
      if (people.length > 0 && people.every((person) => person !== undefined))
        for (const person of people) register.add(person!, { kind: 'member', attendance: 'present' });
      else note ??= `Attended by ${attended[1]}.`;
    }
    // "Premiers and Chief Ministers … took part": attendance in words.
    if (
      !note &&
      /\b(?:took part|attended|participated|were (?:present|represented)|was represented)\b/.test(text) &&
      !/\bapolog/i.test(text)
    ) {
      const subjectText = text.split(
        /\b(?:took part|attended|participated|were present|were represented|was represented)\b/,
      )[0]!;
      if (
        !subjectText.match(TITLED_NAME) &&
        pattern(
          'i',
          String.raw`\b(?:ministers|members|representatives|delegates|officials|mayors|premiers`,
          String.raw`|leaders|directors|councillors|organisations|countries|states|participants)\b`,
        ).test(subjectText)
      )
        note = text;
    }
  }
  return note;
}
