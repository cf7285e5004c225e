/**
 * The action register across meetings: every action of every communiqué of a group, once,
 * as it stands in the latest communiqué that mentions it. An action carried forward (its
 * `carried_from` names the earlier communiqué and action) is the same action, so one
 * closed in a later communiqué shows as closed.
 */
import { meetingDays, realDate } from '../core/dates.js';
import type { Action, Communique } from '../core/model.js';
import { CLOSED_STATUSES } from '../core/vocabulary.js';

export interface RegisterSource {
  /** The communiqué's id, or its file name without extension when it has none. */
  key: string;
  file: string;
  data: Communique;
}

export interface Mention {
  communique: string;
  file: string;
  /** The meeting's (first) day. */
  date: string;
  /** Where the action is in that communiqué's `actions` list. */
  index: number;
}

export interface RegisterEntry {
  group: string;
  id: string;
  text: string;
  owners: string[];
  due?: string;
  status: Action['status'];
  overdue: boolean;
  raised: Mention | { communique: string };
  latest: Mention;
}

export interface RegisterFilter {
  status?: string;
  owner?: string;
  group?: string;
}

export function buildRegister(sources: readonly RegisterSource[], today: string): RegisterEntry[] {
  const dated = sources
    .map((source) => ({ ...source, date: meetingDays(source.data.meeting)[0] ?? '' }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : 1));
  const originOf = new Map<string, string>();
  const entries = new Map<string, RegisterEntry>();
  for (const source of dated) {
    const group = source.data.meeting.group.short_name ?? source.data.meeting.group.name;
    const people = new Map((source.data.attendees ?? []).map((attendee) => [attendee.id, attendee]));
    source.data.actions?.forEach((action, index) => {
      const here = `${source.key}#${action.id}`;
      const carried = action.carried_from;
      const from = carried ? `${carried.communique}#${carried.action ?? action.id}` : undefined;
      const origin = from ? (originOf.get(from) ?? from) : here;
      originOf.set(here, origin);
      const mention: Mention = { communique: source.key, file: source.file, date: source.date, index };
      const owners = [action.owner].flat().map((owner) => {
        const person = people.get(owner);
        return person ? [person.honorific, person.name].filter(Boolean).join(' ') : owner;
      });
      const due = realDate(action.due);
      const existing = entries.get(origin);
      entries.set(origin, {
        group,
        id: existing?.id ?? carried?.action ?? action.id,
        text: action.text,
        owners,
        ...(action.due ? { due: action.due } : {}),
        status: action.status,
        overdue: Boolean(due && due < today && !CLOSED_STATUSES.has(action.status)),
        raised: existing?.raised ?? (carried ? { communique: carried.communique } : mention),
        latest: mention,
      });
    });
  }
  return [...entries.values()];
}

export function filterRegister(entries: readonly RegisterEntry[], filter: RegisterFilter): RegisterEntry[] {
  const owner = filter.owner?.toLowerCase();
  const group = filter.group?.toLowerCase();
  return entries.filter(
    (entry) =>
      (!filter.status || (filter.status === 'overdue' ? entry.overdue : entry.status === filter.status)) &&
      (!owner || entry.owners.some((name) => name.toLowerCase().includes(owner))) &&
      (!group || entry.group.toLowerCase() === group),
  );
}
