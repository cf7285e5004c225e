/**
 * What a new draft inherits from the group's latest communiqué: its members, the chair,
 * where and how it met (or where it said it would meet next), and every action not yet
 * finished. Pure: the caller reads the files.
 */
import { meetingDays } from '../core/dates.js';
import type { Action, Attendee, Communique, Group, MeetingMode } from '../core/model.js';
import { normalise } from '../core/text.js';
import { CLOSED_STATUSES } from '../core/vocabulary.js';

export interface KnownCommunique {
  /** The file's name without folder or extension, the id of last resort. */
  stem: string;
  data: Communique;
}

export type { Group };

export interface Carried {
  /** The id the new draft's `carried_from` refers to. */
  from: string;
  group: Group;
  number?: number;
  mode?: MeetingMode;
  place?: string;
  chair: string[];
  /** Members and proxies, with the attendance they had last time removed. */
  members: Attendee[];
  /** Everyone the latest communiqué listed, to find owners of carried actions. */
  everyone: Attendee[];
  actions: Action[];
}

/** Whether a communiqué is by the group: same name or same short name, in any case. */
export function isByGroup(data: Communique, group: Group): boolean {
  const theirs = data.meeting.group;
  const names = new Set([theirs.name, theirs.short_name].filter((name) => name !== undefined).map(normalise));
  return names.has(normalise(group.name)) || (group.short_name !== undefined && names.has(normalise(group.short_name)));
}

/** Every group that has communiqués, once each, the most recent spelling winning. */
export function groupsIn(known: readonly KnownCommunique[]): Group[] {
  const groups: Group[] = [];
  for (const communique of [...known].sort(byMeeting).reverse()) {
    const { name, short_name } = communique.data.meeting.group;
    if (!groups.some((other) => isByGroup(communique.data, other)))
      groups.push(short_name ? { name, short_name } : { name });
  }
  return groups;
}

/** A group given by name or short name, as known to the configuration or the repository. */
export function findGroup(typed: string, candidates: readonly Group[]): Group | undefined {
  return candidates.find(
    (group) =>
      normalise(group.name) === normalise(typed) ||
      (group.short_name !== undefined && normalise(group.short_name) === normalise(typed)),
  );
}

function lastDay(data: Communique): string {
  return meetingDays(data.meeting).at(-1) ?? '';
}

function byMeeting(a: KnownCommunique, b: KnownCommunique): number {
  const days = lastDay(a.data).localeCompare(lastDay(b.data));
  if (days !== 0) return days;
  const numbers = (a.data.meeting.number ?? 0) - (b.data.meeting.number ?? 0);
  return numbers !== 0 ? numbers : a.stem.localeCompare(b.stem);
}

/** The group's latest communiqué from before `before` (a YYYY-MM-DD date), if any. */
export function latestOf(
  known: readonly KnownCommunique[],
  group: Group,
  before?: string,
): KnownCommunique | undefined {
  const candidates = known.filter(
    (communique) => isByGroup(communique.data, group) && (!before || lastDay(communique.data) < before),
  );
  return candidates.sort(byMeeting).at(-1);
}

export function carryForward(latest: KnownCommunique): Carried {
  const { meeting, next_meeting: next = {} } = latest.data;
  const from = latest.data.id ?? latest.stem;
  const everyone = latest.data.attendees ?? [];
  const members = everyone
    .filter((attendee) => attendee.kind === 'member' || attendee.kind === 'proxy')
    .map(({ attendance: _attendance, ...attendee }) => attendee);
  const memberIds = new Set(members.map((member) => member.id));
  const actions: Action[] = [];
  for (const action of latest.data.actions ?? []) {
    if (CLOSED_STATUSES.has(action.status)) continue;
    // An action already carried into this meeting keeps pointing at this communiqué, the last
    // one that reported on it; its earlier origin is in that communiqué.
    const { carried_from: _earlier, ...rest } = action;
    const status = action.status === 'in-progress' ? 'in-progress' : 'open';
    actions.push({ ...rest, status, carried_from: { communique: from, action: action.id } });
  }
  const mode = next.mode ?? meeting.mode;
  const place = next.place ?? (next.mode ? undefined : meeting.place);
  const { name, short_name } = meeting.group;
  return {
    from,
    group: short_name ? { name, short_name } : { name },
    ...(meeting.number !== undefined ? { number: meeting.number } : {}),
    mode,
    ...(place ? { place } : {}),
    chair: [meeting.chair ?? []].flat().filter((id) => memberIds.has(id)),
    members,
    everyone,
    actions,
  };
}
