/**
 * A communiqué kept as the email that sent it: the headers ("From:", "Sent:", "To:",
 * "Subject:"), a greeting ("Hi all,"), a covering line ("Please find below …") and a
 * sign-off ("Kind regards, / Kim") are the email's, not the communiqué's. They are removed
 * and listed like other artefacts; the subject line stays, without its label and "RE:" or
 * "FW:", as it often is the communiqué's title. Only a document that starts with headers
 * or a greeting is read as an email, so "Thank you." at the end of a communiqué stays.
 */
import type { Stripped } from './artefacts.js';

const HEADER = /^(From|Sent|Date|To|Cc|Bcc|Subject|Importance|Attachments?)\s*:\s*(.*)$/i;
const GREETING = /^(?:hi|hello|dear|good (?:morning|afternoon|evening)|greetings)\b[^.!?]{0,50}[,!:]?$/i;
const COVERING = /^please (?:find|see) (?:below|attached|enclosed)\b.{0,160}$/i;
const SIGN_OFF =
  /^(?:kind regards|warm regards|best regards|regards|many thanks|thanks|thank you|cheers|best wishes|best|sincerely|yours sincerely|yours faithfully),?$/i;

export function stripEmailWrapping(lines: string[], stripped: Stripped): string[] {
  const kept = [...lines];
  const nonBlank = (from: number) => {
    let at = from;
    while (at < kept.length && kept[at]!.trim() === '') at++;
    return at;
  };
  let at = nonBlank(0);
  const headers: number[] = [];
  for (let line = at; line < kept.length && HEADER.test(kept[line]!.trim()); line++) headers.push(line);
  const names = new Set(headers.map((line) => HEADER.exec(kept[line]!.trim())![1]!.toLowerCase()));
  const email = names.has('from') && (names.has('sent') || names.has('to') || names.has('subject'));
  const drop = new Set<number>();
  if (email) {
    for (const line of headers) {
      const [, name, value] = HEADER.exec(kept[line]!.trim())!;
      stripped.add('email headers', kept[line]!.trim());
      if (name!.toLowerCase() === 'subject' && value!.trim() !== '')
        kept[line] = value!.replace(/^(?:(?:re|fw|fwd)\s*:\s*)+/i, '').trim();
      else drop.add(line);
    }
    at = nonBlank(headers.at(-1)! + 1);
  }
  const greeting = at < kept.length && GREETING.test(kept[at]!.trim());
  if (greeting) {
    stripped.add('email greeting', kept[at]!.trim());
    drop.add(at);
    at = nonBlank(at + 1);
  }
  if (!email && !greeting) return lines;
  if (at < kept.length && COVERING.test(kept[at]!.trim())) {
    stripped.add('email covering line', kept[at]!.trim());
    drop.add(at);
  }
  // The sign-off and the short lines under it (a name, a role, a phone number).
  const last = kept.map((line, index) => (line.trim() === '' ? -1 : index)).filter((index) => index !== -1);
  for (const index of last.slice(-5)) {
    if (!SIGN_OFF.test(kept[index]!.trim())) continue;
    const after = last.filter((other) => other > index);
    if (after.every((other) => kept[other]!.trim().split(/\s+/).length <= 8 && !/[.!?]$/.test(kept[other]!.trim()))) {
      stripped.add('email sign-off', kept[index]!.trim());
      for (const other of [index, ...after]) drop.add(other);
    }
    break;
  }
  return kept.filter((_, index) => !drop.has(index));
}
