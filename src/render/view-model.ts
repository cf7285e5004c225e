/**
 * What a template sees: a validated communiqué turned into the facts a reader needs, with
 * dates written out for the document's language ("16 November 2021"), people's names in
 * full, attendees grouped by how they took part, and internal content already removed for
 * public output. Templates never see raw files.
 */
import type { Root } from 'mdast';
import type { Action, Agreement, Attendee, Communique, MeetingMode, Stage } from '../core/model.js';
import { meetingDays } from '../core/dates.js';
import { ATTENDED, stageRank } from '../core/vocabulary.js';
import { withoutInternalMarkers, withoutInternalSections } from './body.js';

export interface PersonView {
  id: string;
  name: string;
  /** With honorific and post-nominals: "Mr Ray Griggs AO CSC". */
  fullName: string;
  role?: string;
  organisation?: string;
  represents?: string;
  /** "Secretary, Department of Social Services". */
  description: string;
  kind: string;
  kindLabel: string;
  attendance: string;
  attendanceLabel: string;
  /** For a proxy: whom they stood in for. */
  proxyFor?: string;
  internal: boolean;
}

export interface AttendanceGroup {
  key: 'present' | 'in-attendance' | 'apologies' | 'absent';
  label: string;
  people: PersonView[];
}

export interface AgreementView {
  id: string;
  verb: string;
  /** "Agreed in principle". */
  decision: string;
  qualifier?: string;
  text: string;
  internal: boolean;
}

export interface ActionView {
  id: string;
  text: string;
  owners: string[];
  ownerText: string;
  due?: string;
  status: string;
  statusLabel: string;
  /** "NLG meeting of 25 May 2021 (ACT-4)" style reference, when carried forward. */
  carriedFrom?: string;
  internal: boolean;
}

export interface ViewModel {
  lang: string;
  title: string;
  status: Stage;
  statusLabel: string;
  /** Not yet approved: every format marks it DRAFT. */
  draft: boolean;
  /** Whether internal content is included (never in a public export). */
  internal: boolean;
  group: { name: string; shortName?: string; display: string };
  meeting: {
    number?: number;
    theme?: string;
    /** "16 November 2021", or "18–19 November 2020" for a meeting over several days. */
    date: string;
    /** ISO 8601: "2021-11-16" or "2020-11-18/2020-11-19". */
    isoDate: string;
    time?: string;
    mode: MeetingMode;
    modeLabel: string;
    place?: string;
    /** The place, or "Virtual"; "Perth and online" for a hybrid meeting. */
    where: string;
    chairLabel: string;
    chairs: PersonView[];
  };
  attendance: { groups: AttendanceGroup[]; note?: string; any: boolean };
  agreements: AgreementView[];
  actions: ActionView[];
  nextMeeting?: { date?: string; mode?: string; place?: string; text: string };
  contact?: { name?: string; email?: string; phone?: string; url?: string };
  published?: string;
  approval?: { by: string; date: string };
  internalNotes?: string;
  body: Root;
}

export interface ViewOptions {
  /** Keep internal content (marked as such). Public exports never do. */
  includeInternal: boolean;
}

const KIND_LABELS: Record<string, string> = {
  member: 'Member',
  guest: 'Guest',
  observer: 'Observer',
  presenter: 'Presenter',
  secretariat: 'Secretariat',
  proxy: 'Proxy',
};
const ATTENDANCE_LABELS: Record<string, string> = {
  present: 'Present',
  remote: 'Joined remotely',
  partial: 'Part of the meeting',
  apology: 'Apology',
  absent: 'Absent',
};
const STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  'carried-forward': 'Carried forward',
  dropped: 'Dropped',
};
const MODE_LABELS: Record<MeetingMode, string> = { 'in-person': 'In person', virtual: 'Virtual', hybrid: 'Hybrid' };
const STAGE_LABELS: Record<Stage, string> = {
  draft: 'Draft',
  review: 'In review',
  approved: 'Approved',
  published: 'Published',
};

export function buildViewModel(communique: Communique, body: Root, options: ViewOptions): ViewModel {
  const lang = communique.lang ?? 'en-AU';
  const dates = DateWriter.for(lang);
  const keep = <T extends { internal?: boolean }>(items: readonly T[] | undefined) =>
    (items ?? []).filter((item) => options.includeInternal || !item.internal);
  const attendees = keep(communique.attendees).map((attendee) => person(attendee, communique.attendees ?? []));
  const byId = new Map(attendees.map((attendee) => [attendee.id, attendee]));
  const meeting = communique.meeting;
  const days = meetingDays(meeting);
  const group = meeting.group;
  const chairs = [meeting.chair ?? []].flat().map((id) => byId.get(id) ?? unknownPerson(id));

  const view: ViewModel = {
    lang,
    title: communique.title,
    status: communique.status,
    statusLabel: STAGE_LABELS[communique.status],
    draft: stageRank(communique.status) < stageRank('approved'),
    internal: options.includeInternal,
    group: {
      name: group.name,
      ...(group.short_name ? { shortName: group.short_name } : {}),
      display: group.short_name ? `${group.name} (${group.short_name})` : group.name,
    },
    meeting: {
      ...(meeting.number !== undefined ? { number: meeting.number } : {}),
      ...(meeting.theme ? { theme: meeting.theme } : {}),
      date: days.length > 1 ? dates.range(days[0]!, days.at(-1)!) : dates.day(days[0] ?? ''),
      isoDate: days.length > 1 ? `${days[0]}/${days.at(-1)}` : (days[0] ?? ''),
      ...(meeting.time
        ? { time: `${meeting.time.start}${meeting.time.end ? `–${meeting.time.end}` : ''} (${meeting.time.zone})` }
        : {}),
      mode: meeting.mode,
      modeLabel: MODE_LABELS[meeting.mode],
      ...(meeting.place ? { place: meeting.place } : {}),
      where:
        meeting.mode === 'virtual'
          ? 'Virtual'
          : meeting.mode === 'hybrid'
            ? `${meeting.place ?? 'Hybrid'} and online`
            : (meeting.place ?? ''),
      chairLabel: chairs.length > 1 ? 'Co-chairs' : 'Chair',
      chairs,
    },
    attendance: {
      groups: groupAttendance(attendees),
      ...(communique.attendance_note ? { note: communique.attendance_note } : {}),
      any: attendees.length > 0 || Boolean(communique.attendance_note),
    },
    agreements: keep(communique.agreements).map(agreementView),
    actions: keep(communique.actions).map((action) => actionView(action, byId, dates)),
    body: options.includeInternal ? withoutInternalMarkers(body) : withoutInternalSections(body),
  };
  const next = communique.next_meeting;
  if (next && (next.date || next.place || next.mode)) {
    const date = next.date ? (next.date.length === 7 ? dates.month(next.date) : dates.day(next.date)) : undefined;
    const mode = next.mode ? MODE_LABELS[next.mode] : undefined;
    const parts = [date, next.mode === 'virtual' ? 'virtual' : next.place].filter(Boolean);
    view.nextMeeting = {
      ...(date ? { date } : {}),
      ...(mode ? { mode } : {}),
      ...(next.place ? { place: next.place } : {}),
      text: parts.join(', '),
    };
  }
  if (communique.contact) view.contact = { ...communique.contact };
  if (communique.published) view.published = dates.day(communique.published);
  if (communique.approval) view.approval = { by: communique.approval.by, date: dates.day(communique.approval.date) };
  if (options.includeInternal && communique.internal_notes) view.internalNotes = communique.internal_notes;
  return view;
}

function person(attendee: Attendee, everyone: readonly Attendee[]): PersonView {
  const fullName = [attendee.honorific, attendee.name, attendee.post_nominals].filter(Boolean).join(' ');
  const kind = attendee.kind ?? 'member';
  const attendance = attendee.attendance ?? 'present';
  const principal = attendee.proxy_for ? everyone.find((candidate) => candidate.id === attendee.proxy_for) : undefined;
  const description = [attendee.role, attendee.organisation].filter(Boolean).join(', ');
  return {
    id: attendee.id,
    name: attendee.name,
    fullName,
    ...(attendee.role ? { role: attendee.role } : {}),
    ...(attendee.organisation ? { organisation: attendee.organisation } : {}),
    ...(attendee.represents ? { represents: attendee.represents } : {}),
    description,
    kind,
    kindLabel: KIND_LABELS[kind] ?? kind,
    attendance,
    attendanceLabel: ATTENDANCE_LABELS[attendance] ?? attendance,
    ...(principal ? { proxyFor: [principal.honorific, principal.name].filter(Boolean).join(' ') } : {}),
    internal: Boolean(attendee.internal),
  };
}

function unknownPerson(id: string): PersonView {
  return {
    id,
    name: id,
    fullName: id,
    description: '',
    kind: 'member',
    kindLabel: 'Member',
    attendance: 'present',
    attendanceLabel: 'Present',
    internal: false,
  };
}

function groupAttendance(people: PersonView[]): AttendanceGroup[] {
  const groups: AttendanceGroup[] = [
    { key: 'present', label: 'Present', people: [] },
    { key: 'in-attendance', label: 'In attendance', people: [] },
    { key: 'apologies', label: 'Apologies', people: [] },
    { key: 'absent', label: 'Absent', people: [] },
  ];
  for (const person of people) {
    const attended = ATTENDED.has(person.attendance);
    const index = !attended
      ? person.attendance === 'apology'
        ? 2
        : 3
      : person.kind === 'member' || person.kind === 'proxy'
        ? 0
        : 1;
    groups[index]!.people.push(person);
  }
  return groups.filter((group) => group.people.length > 0);
}

function agreementView(agreement: Agreement): AgreementView {
  const verb = agreement.verb.charAt(0).toUpperCase() + agreement.verb.slice(1);
  return {
    id: agreement.id,
    verb: agreement.verb,
    decision: agreement.qualifier ? `${verb} ${agreement.qualifier}` : verb,
    ...(agreement.qualifier ? { qualifier: agreement.qualifier } : {}),
    text: agreement.text,
    internal: Boolean(agreement.internal),
  };
}

function actionView(action: Action, people: ReadonlyMap<string, PersonView>, dates: DateWriter): ActionView {
  const owners = [action.owner].flat().map((owner) => people.get(owner)?.fullName ?? owner);
  const due = action.due ? (/^\d{4}-\d{2}-\d{2}$/.test(action.due) ? dates.day(action.due) : action.due) : undefined;
  const carried = action.carried_from;
  return {
    id: action.id,
    text: action.text,
    owners,
    ownerText: owners.join('; '),
    ...(due ? { due } : {}),
    status: action.status,
    statusLabel: STATUS_LABELS[action.status] ?? action.status,
    ...(carried
      ? { carriedFrom: carried.action ? `${carried.communique} (${carried.action})` : carried.communique }
      : {}),
    internal: Boolean(action.internal),
  };
}

/** Calendar dates written out for a language, read as calendar days (never shifted by a time zone). */
class DateWriter {
  private static readonly cache = new Map<string, DateWriter>();

  /** Formatters are costly to make and the same for every document in a language. */
  static for(lang: string): DateWriter {
    const cached = DateWriter.cache.get(lang);
    if (cached) return cached;
    const writer = new DateWriter(lang);
    DateWriter.cache.set(lang, writer);
    return writer;
  }

  private readonly dayFormat: Intl.DateTimeFormat;
  private readonly monthFormat: Intl.DateTimeFormat;

  constructor(lang: string) {
    const locale = Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0 ? lang : 'en-AU';
    this.dayFormat = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    this.monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  }

  day(iso: string): string {
    return iso ? this.dayFormat.format(utc(iso)) : '';
  }

  month(isoMonth: string): string {
    return this.monthFormat.format(utc(`${isoMonth}-01`));
  }

  range(first: string, last: string): string {
    return this.dayFormat.formatRange(utc(first), utc(last));
  }
}

function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
