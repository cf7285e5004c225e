/**
 * Turning settled answers into the draft's text. Pure: the template's source comes in,
 * the file's text goes out.
 */
import Handlebars from 'handlebars';
import type { Action, Agreement, Attendance, Attendee, Communique, Meeting, MeetingMode } from '../core/model.js';
import { realDate } from '../core/dates.js';
import { attended, proxyConflicts } from '../core/vocabulary.js';
import { normalise, slugify } from '../core/text.js';
import { frontMatterYaml } from '../core/write-front-matter.js';
import type { Group } from './carry.js';
import { scaffoldComments } from './scaffold.js';

export interface DraftPlan {
  group: Group;
  date: string;
  number?: number;
  mode: MeetingMode;
  place?: string;
  chair: string[];
  title: string;
  attendees: Attendee[];
  actions: Action[];
  sections: string[];
  /** Organisations the configuration knows, which may own actions without attending. */
  organisations?: readonly string[];
  time?: Meeting['time'];
  contact?: Communique['contact'];
  /** Agreements and new actions answered at the prompts; ids are given in order. */
  agreements?: Omit<Agreement, 'id'>[];
  newActions?: Omit<Action, 'id' | 'status'>[];
  nextMeeting?: Communique['next_meeting'];
}

export const DEFAULT_PATH = 'communiques/{date}-{group}.md';
export const DEFAULT_TEMPLATE = 'default';
export const SECTION_PLACEHOLDER = 'TODO: summary of the discussion.';

/** The group as it appears in ids and file names: its short name, or else its name, as a slug. */
export function groupSlug(group: Group): string {
  return slugify(group.short_name ?? '') || slugify(group.name) || 'group';
}

export function draftId(group: Group, date: string): string {
  return `${groupSlug(group)}-${date}`;
}

export function defaultTitle(group: Group): string {
  return `${group.name} Communiqué`;
}

/** `communiques/{date}-{group}.md` with the meeting's values put in. */
export function draftPath(pattern: string, values: { date: string; group: Group; number?: number }): string {
  return pattern
    .replaceAll('{date}', values.date)
    .replaceAll('{group}', groupSlug(values.group))
    .replaceAll('{number}', values.number === undefined ? '' : String(values.number));
}

/**
 * Carried members attend unless told otherwise; a proxy stands in only for a member who
 * is not there, so a proxy whose member attends is recorded as absent.
 */
export function settleAttendance(
  members: readonly Attendee[],
  answered: Readonly<Record<string, Attendance>> = {},
): Attendee[] {
  const attendance = new Map<string, Attendance>();
  for (const member of members)
    if (member.kind !== 'proxy') attendance.set(member.id, answered[member.id] ?? 'present');
  for (const member of members) {
    if (member.kind !== 'proxy') continue;
    const principal = member.proxy_for ? attendance.get(member.proxy_for) : undefined;
    attendance.set(member.id, answered[member.id] ?? (principal && attended(principal) ? 'absent' : 'present'));
  }
  return members.map((member) => ({ ...member, attendance: attendance.get(member.id) ?? 'present' }));
}

/** What the chair prompt and `--chair` refuse: a chair who did not attend. */
export function chairProblem(chair: readonly string[], attendees: readonly Attendee[]): string | undefined {
  for (const id of chair) {
    const attendee = attendees.find((candidate) => candidate.id === id);
    if (attendee && !attended(attendee.attendance)) {
      return `the chair \`${id}\` (${attendee.name}) is recorded as \`${attendee.attendance}\`; a chair attends the meeting`;
    }
  }
  return undefined;
}

/** What the attendance prompt refuses: a proxy at the meeting beside the member they stand in for. */
export function proxyProblem(attendees: readonly Attendee[]): string | undefined {
  for (const proxy of attendees) {
    if (proxy.kind !== 'proxy' || !proxy.proxy_for) continue;
    const principal = attendees.find((candidate) => candidate.id === proxy.proxy_for);
    if (principal && proxyConflicts(proxy.attendance, principal.attendance)) {
      return `${proxy.name} is a proxy for ${principal.name}, who attended; a proxy stands in for a member who could not`;
    }
  }
  return undefined;
}

/**
 * Owners of carried actions whom the draft does not list — a guest or presenter at the last
 * meeting, not expected at this one — as they were listed last time, without attendance:
 * the caller records them (as internal, unless told how they took part) so that each action
 * keeps an owner the draft knows, and nobody is published as absent from a meeting they
 * were never asked to.
 */
export function ownersToKeep(
  actions: readonly Action[],
  listed: readonly Attendee[],
  previous: readonly Attendee[],
  also: { group?: Group | undefined; organisations?: readonly string[] },
): Attendee[] {
  const kept: Attendee[] = [];
  const known = new Set([
    ...[...listed, ...kept].flatMap((attendee) => [
      attendee.id,
      ...(attendee.organisation ? [normalise(attendee.organisation)] : []),
    ]),
    ...(also.group
      ? [normalise(also.group.name), ...(also.group.short_name ? [normalise(also.group.short_name)] : [])]
      : []),
    ...(also.organisations ?? []).map(normalise),
  ]);
  for (const action of actions) {
    for (const owner of Array.isArray(action.owner) ? action.owner : [action.owner]) {
      if (known.has(owner) || known.has(normalise(owner))) continue;
      const before = previous.find(
        (attendee) =>
          attendee.id === owner ||
          (attendee.organisation !== undefined && normalise(attendee.organisation) === normalise(owner)),
      );
      if (!before || kept.some((attendee) => attendee.id === before.id)) continue;
      const { attendance: _attendance, ...person } = before;
      kept.push(person);
      known.add(person.id);
      if (person.organisation) known.add(normalise(person.organisation));
    }
  }
  return kept;
}

/** The front matter of the draft, in the order a person reads it. */
export function draftData(plan: DraftPlan): Record<string, unknown> {
  const attendees = plan.attendees.map((attendee) => ({ ...attendee }));
  const actions = plan.actions.map((action) => {
    const due = realDate(action.due);
    // An overdue action keeps its old date in words, and a placeholder asks for a new one.
    return due && due <= plan.date ? { ...action, due: `TBC (was due ${due})` } : { ...action };
  });

  const meeting: Record<string, unknown> = { group: { ...plan.group } };
  if (plan.number !== undefined) meeting.number = plan.number;
  meeting.date = plan.date;
  meeting.mode = plan.mode;
  if (plan.time) meeting.time = { ...plan.time };
  if (plan.place !== undefined && plan.mode !== 'virtual') meeting.place = plan.place;
  if (plan.chair.length === 1) meeting.chair = plan.chair[0];
  else if (plan.chair.length > 1) meeting.chair = [...plan.chair];

  const data: Record<string, unknown> = {
    schema_version: 1,
    id: draftId(plan.group, plan.date),
    title: plan.title,
    status: 'draft',
    lang: 'en-AU',
  };
  if (plan.contact) data.contact = { ...plan.contact };
  data.meeting = meeting;
  if (attendees.length > 0) data.attendees = attendees;
  const agreements = (plan.agreements ?? []).map((agreement, index) => ({ id: `AGR-${index + 1}`, ...agreement }));
  if (agreements.length > 0) data.agreements = agreements;
  let next = nextActionNumber(actions);
  for (const action of plan.newActions ?? []) actions.push({ id: `ACT-${next++}`, ...action, status: 'open' });
  if (actions.length > 0) data.actions = actions;
  if (plan.nextMeeting && Object.keys(plan.nextMeeting).length > 0) data.next_meeting = { ...plan.nextMeeting };
  return data;
}

export interface DraftView {
  frontMatter: string;
  title: string;
  group: Group;
  date: string;
  number?: number;
  mode: MeetingMode;
  place?: string;
  sections: { heading: string; placeholder: string }[];
}

export function draftView(plan: DraftPlan, data: Record<string, unknown>): DraftView {
  const attendees = (data.attendees ?? []) as Attendee[];
  const nextAction = nextActionNumber((data.actions ?? []) as Action[]);
  return {
    frontMatter: frontMatterYaml(data) + scaffoldComments(data, { attendees, nextAction }),
    title: plan.title,
    group: plan.group,
    date: plan.date,
    ...(plan.number !== undefined ? { number: plan.number } : {}),
    mode: plan.mode,
    ...(plan.place !== undefined ? { place: plan.place } : {}),
    sections: plan.sections.map((heading) => ({ heading, placeholder: SECTION_PLACEHOLDER })),
  };
}

/** The number after the highest `ACT-n` among the actions: new actions never take a carried action's id. */
export function nextActionNumber(actions: readonly Pick<Action, 'id'>[]): number {
  const numbers = actions.map((action) => /^ACT-(\d+)$/i.exec(action.id)?.[1]).filter((n) => n !== undefined);
  return Math.max(0, ...numbers.map(Number)) + 1;
}

/** The draft's text from a `new.md.hbs` template. Markdown is not HTML: nothing is escaped. */
export function renderDraft(templateSource: string, view: DraftView): string {
  const template = Handlebars.compile(templateSource, { noEscape: true });
  const text = template(view);
  return text.endsWith('\n') ? text : `${text}\n`;
}
