import { asList, asRecord, asString } from '../../model.js';
import { ATTENDED, proxyConflicts } from '../../vocabulary.js';
import type { RuleContext } from './context.js';

export interface IndexedAttendee {
  index: number;
  record: Record<string, unknown>;
}

/** Attendees by id (the first one with each id). */
export function attendeeIndex(data: Record<string, unknown>): Map<string, IndexedAttendee> {
  const byId = new Map<string, IndexedAttendee>();
  asList(data.attendees).forEach((item, index) => {
    const record = asRecord(item);
    const id = asString(record?.id);
    if (record && id && !byId.has(id)) byId.set(id, { index, record });
  });
  return byId;
}

export function describeAttendee(record: Record<string, unknown>, id: string): string {
  const name = asString(record.name);
  return name ? `\`${id}\` (${name})` : `\`${id}\``;
}

/** Names compared as people would: case, spacing and punctuation do not make two people. */
function personKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * `attendee/conflicting-attendance`: nobody is both at the meeting and not at it — listed
 * twice with contradicting attendance, or sending a proxy while attending themselves.
 * `attendee/proxy-unknown`: a proxy names someone who is listed.
 */
export function checkAttendance(context: RuleContext): void {
  const seen = new Map<string, { index: number; attendance: string }>();
  const byId = attendeeIndex(context.data);
  asList(context.data.attendees).forEach((item, index) => {
    const record = asRecord(item);
    const name = asString(record?.name);
    if (!record || !name) return;
    const attendance = asString(record.attendance) ?? 'present';
    const key = personKey(name);
    const earlier = seen.get(key);
    if (earlier && ATTENDED.has(earlier.attendance) !== ATTENDED.has(attendance)) {
      const earlierLine = context.at(['attendees', earlier.index, 'name']).line;
      context.report(
        'attendee/conflicting-attendance',
        `${name} is listed as \`${attendance}\` here and as \`${earlier.attendance}\` on line ${earlierLine}`,
        context.at(['attendees', index, 'name']),
      );
    } else if (!earlier) seen.set(key, { index, attendance });

    const proxyFor = asString(record.proxy_for);
    if (!proxyFor) return;
    const principal = byId.get(proxyFor);
    if (!principal) {
      context.report(
        'attendee/proxy-unknown',
        `${name} is a proxy for \`${proxyFor}\`, who is not among the attendees`,
        context.at(['attendees', index, 'proxy_for']),
      );
      return;
    }
    const principalAttendance = asString(principal.record.attendance) ?? 'present';
    if (proxyConflicts(attendance, principalAttendance)) {
      context.report(
        'attendee/conflicting-attendance',
        `${name} is a proxy for ${describeAttendee(principal.record, proxyFor)}, who is recorded as \`${principalAttendance}\``,
        context.at(['attendees', index, 'proxy_for']),
        `A proxy stands in for a member who could not attend: record ${proxyFor}'s attendance as \`apology\`, or remove the proxy.`,
      );
    }
  });
}
