import type { Action, Attendee, MeetingMode } from '../core/model.js';
import { asList, asRecord, asString, meetingDays } from '../core/model.js';

/**
 * What a new draft inherits from the group's latest communiqué: its members, the chair,
 * where and how it met (or where it said it would meet next), and every action not yet
 * finished. Pure: the caller reads the files.
 */
export interface KnownCommunique {
  /** The file's name without folder or extension, the id of last resort. */
  stem: string;
  data: Record<string, unknown>;
}

export interface Group {
  name: string;
  short_name?: string;
}

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

const key = (text: string) => text.trim().toLowerCase();

export function groupOf(data: Record<string, unknown>): Group | undefined {
  const group = asRecord(asRecord(data.meeting)?.group);
  const name = asString(group?.name);
  if (!name) return undefined;
  const shortName = asString(group?.short_name);
  return shortName ? { name, short_name: shortName } : { name };
}

/** Whether a communiqué is by the group: same name or same short name, in any case. */
export function isByGroup(data: Record<string, unknown>, group: Group): boolean {
  const theirs = groupOf(data);
  if (!theirs) return false;
  const names = new Set([theirs.name, theirs.short_name].filter((name) => name !== undefined).map(key));
  return names.has(key(group.name)) || (group.short_name !== undefined && names.has(key(group.short_name)));
}

/** Every group that has communiqués, once each, the most recent spelling winning. */
export function groupsIn(known: readonly KnownCommunique[]): Group[] {
  const groups: Group[] = [];
  for (const communique of [...known].sort(byMeeting).reverse()) {
    const group = groupOf(communique.data);
    if (group && !groups.some((other) => isByGroup(communique.data, other))) groups.push(group);
  }
  return groups;
}

/** A group given by name or short name, as known to the configuration or the repository. */
export function findGroup(typed: string, candidates: readonly Group[]): Group | undefined {
  return candidates.find((group) => key(group.name) === key(typed) || (group.short_name !== undefined && key(group.short_name) === key(typed)));
}

function lastDay(data: Record<string, unknown>): string {
  return meetingDays(asRecord(data.meeting)).at(-1) ?? '';
}

function byMeeting(a: KnownCommunique, b: KnownCommunique): number {
  const days = lastDay(a.data).localeCompare(lastDay(b.data));
  if (days !== 0) return days;
  const numbers = (Number(asRecord(a.data.meeting)?.number) || 0) - (Number(asRecord(b.data.meeting)?.number) || 0);
  return numbers !== 0 ? numbers : a.stem.localeCompare(b.stem);
}

/** The group's latest communiqué from before `before` (a YYYY-MM-DD date), if any. */
export function latestOf(known: readonly KnownCommunique[], group: Group, before?: string): KnownCommunique | undefined {
  const candidates = known.filter((communique) => isByGroup(communique.data, group) && (!before || lastDay(communique.data) < before));
  return candidates.sort(byMeeting).at(-1);
}

const FINISHED = new Set(['done', 'dropped']);
const MODES = new Set(['in-person', 'virtual', 'hybrid']);

export function carryForward(latest: KnownCommunique): Carried {
  const data = latest.data;
  const meeting = asRecord(data.meeting) ?? {};
  const next = asRecord(data.next_meeting) ?? {};
  const from = asString(data.id) ?? latest.stem;
  const everyone = asList(data.attendees).filter((item): item is Attendee => {
    const record = asRecord(item);
    return typeof record?.id === 'string' && typeof record.name === 'string';
  });
  const members = everyone
    .filter((attendee) => attendee.kind === 'member' || attendee.kind === 'proxy')
    .map(({ attendance: _attendance, ...attendee }) => attendee);
  const memberIds = new Set(members.map((member) => member.id));
  const actions: Action[] = [];
  for (const item of asList(data.actions)) {
    const action = asRecord(item);
    if (!action || typeof action.id !== 'string' || FINISHED.has(String(action.status))) continue;
    // An action already carried into this meeting keeps pointing at this communiqué, the last
    // one that reported on it; its earlier origin is in that communiqué.
    const { carried_from: _earlier, ...rest } = action;
    const status = action.status === 'in-progress' ? 'in-progress' : 'open';
    actions.push({ ...(rest as unknown as Action), status, carried_from: { communique: from, action: action.id } });
  }
  const mode = asString(next.mode) ?? asString(meeting.mode);
  const place = asString(next.place) ?? (asString(next.mode) ? undefined : asString(meeting.place));
  const number = typeof meeting.number === 'number' ? meeting.number : undefined;
  return {
    from,
    group: groupOf(data)!,
    ...(number !== undefined ? { number } : {}),
    ...(mode && MODES.has(mode) ? { mode: mode as MeetingMode } : {}),
    ...(place ? { place } : {}),
    chair: asList(meeting.chair).filter((id): id is string => typeof id === 'string' && memberIds.has(id)),
    members,
    everyone,
    actions,
  };
}
