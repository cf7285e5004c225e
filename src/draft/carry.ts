/**
 * What a new draft inherits from the group's latest communiqué: its standing attendees,
 * the chair, when, where and how it met (or where it said it would meet next), who to
 * contact, and every action not yet finished. Pure: the caller reads the files.
 */
import { meetingDays } from '../core/dates.js';
import type { Action, Attendee, Communique, Group, Meeting, MeetingMode } from '../core/model.js';
import { normalise } from '../core/text.js';
import { attended, CLOSED_STATUSES } from '../core/vocabulary.js';

export interface KnownCommunique {
  /** The file's name without folder or extension, the id of last resort. */
  stem: string;
  /** The file as the user would name it, relative to where they are. */
  path: string;
  data: Communique;
}

export type { Group };

export interface Carried {
  /** The id the new draft's `carried_from` refers to. */
  from: string;
  /** The file carried from, and how far it has come: a draft carried from is named with a warning. */
  path: string;
  status: Communique['status'];
  group: Group;
  number?: number;
  mode?: MeetingMode;
  place?: string;
  time?: Meeting['time'];
  contact?: Communique['contact'];
  /** The day the latest communiqué set for the next meeting, when it gave one. */
  nextDate?: string;
  chair: string[];
  /**
   * The standing attendees, with the attendance they had last time removed: members and
   * proxies, and anyone else (secretariat, observers…) who attended both of the group's
   * last two meetings. A guest or presenter who came once is not expected again.
   */
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

/** The group's communiqué before `latest`, if any. */
export function previousOf(known: readonly KnownCommunique[], latest: KnownCommunique): KnownCommunique | undefined {
  const group = latest.data.meeting.group;
  const earlier = known.filter(
    (communique) => communique !== latest && isByGroup(communique.data, group) && byMeeting(communique, latest) < 0,
  );
  return earlier.sort(byMeeting).at(-1);
}

/** Who is expected at every meeting: members and proxies, and others who attended the last two. */
export function standingAttendees(latest: Communique, before: Communique | undefined): Attendee[] {
  const cameBefore = new Set(
    (before?.attendees ?? []).filter((attendee) => attended(attendee.attendance)).map((attendee) => attendee.id),
  );
  return (latest.attendees ?? [])
    .filter((attendee) => {
      const kind = attendee.kind ?? 'member';
      if (kind === 'member' || kind === 'proxy') return true;
      return attended(attendee.attendance) && cameBefore.has(attendee.id);
    })
    .map(({ attendance: _attendance, ...attendee }) => attendee);
}

/** What a draft carries from `latest`; `before` is the group's meeting before it, to tell who is standing. */
export function carryForward(latest: KnownCommunique, before?: KnownCommunique): Carried {
  const { meeting, next_meeting: next = {}, contact } = latest.data;
  const from = latest.data.id ?? latest.stem;
  const everyone = latest.data.attendees ?? [];
  const members = standingAttendees(latest.data, before?.data);
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
  const nextDate = next.date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(next.date) ? next.date : undefined;
  return {
    from,
    path: latest.path,
    status: latest.data.status,
    group: short_name ? { name, short_name } : { name },
    ...(meeting.number !== undefined ? { number: meeting.number } : {}),
    mode,
    ...(place ? { place } : {}),
    ...(meeting.time ? { time: { ...meeting.time } } : {}),
    ...(contact ? { contact: { ...contact } } : {}),
    ...(nextDate ? { nextDate } : {}),
    chair: [meeting.chair ?? []].flat().filter((id) => memberIds.has(id)),
    members,
    everyone,
    actions,
  };
}
