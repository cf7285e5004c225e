/**
 * The communiqué model as TypeScript types, mirroring schemas/*.schema.json (the schemas
 * are the source of truth; these types describe data that has passed them).
 */
export const STAGES = ['draft', 'review', 'approved', 'published'] as const;
export type Stage = (typeof STAGES)[number];

export type MeetingMode = 'in-person' | 'virtual' | 'hybrid';
export type AttendeeKind = 'member' | 'guest' | 'observer' | 'presenter' | 'secretariat' | 'proxy';
export type Attendance = 'present' | 'remote' | 'partial' | 'apology' | 'absent';
export type ActionStatus = 'open' | 'in-progress' | 'done' | 'carried-forward' | 'dropped';

export interface Attendee {
  id: string;
  name: string;
  honorific?: string;
  post_nominals?: string;
  role?: string;
  organisation?: string;
  represents?: string;
  kind?: AttendeeKind;
  proxy_for?: string;
  attendance?: Attendance;
  internal?: boolean;
}

export interface Agreement {
  id: string;
  verb: string;
  qualifier?: string;
  text: string;
  internal?: boolean;
}

export interface Action {
  id: string;
  text: string;
  owner: string | string[];
  due?: string;
  status: ActionStatus;
  carried_from?: { communique: string; action?: string };
  internal?: boolean;
}

export interface Meeting {
  group: { name: string; short_name?: string };
  number?: number;
  theme?: string;
  date?: string;
  start?: string;
  end?: string;
  time?: { start: string; end?: string; zone: string };
  mode: MeetingMode;
  place?: string;
  chair?: string | string[];
}

export interface Communique {
  schema_version: 1;
  id?: string;
  title: string;
  status: Stage;
  lang?: string;
  published?: string;
  approval?: { by: string; date: string };
  contact?: { name?: string; email?: string; phone?: string; url?: string };
  meeting: Meeting;
  attendees?: Attendee[];
  attendance_note?: string;
  agreements?: Agreement[];
  actions?: Action[];
  next_meeting?: { date?: string; mode?: MeetingMode; place?: string };
  internal_notes?: string;
}

/** Attendances in which a person was at the meeting (for at least part of it). */
export const ATTENDED: ReadonlySet<string> = new Set(['present', 'remote', 'partial']);

export function stageRank(stage: Stage): number {
  return STAGES.indexOf(stage);
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/** A value as a list: a single string becomes a one-item list; anything else, none. */
export function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` string that names a real day, or undefined. Compared as strings. */
export function realDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? value : undefined;
}

/** The days a meeting covered, as `YYYY-MM-DD` strings (one for a one-day meeting). */
export function meetingDays(meeting: Record<string, unknown> | undefined): string[] {
  if (!meeting) return [];
  const date = realDate(meeting.date);
  if (date) return [date];
  const start = realDate(meeting.start);
  const end = realDate(meeting.end);
  if (!start || !end || end < start) return start ? [start] : [];
  const days: string[] = [];
  for (let day = new Date(`${start}T00:00:00Z`); days.length < 366; day.setUTCDate(day.getUTCDate() + 1)) {
    const text = day.toISOString().slice(0, 10);
    if (text > end) break;
    days.push(text);
  }
  return days;
}
