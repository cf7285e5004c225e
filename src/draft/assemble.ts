/**
 * Turning settled answers into the draft's text. Pure: the template's source comes in,
 * the file's text goes out.
 */
import Handlebars from 'handlebars';
import type { Action, Attendance, Attendee, MeetingMode } from '../core/model.js';
import { realDate } from '../core/dates.js';
import { attended, proxyConflicts } from '../core/vocabulary.js';
import { normalise, slugify } from '../core/text.js';
import { frontMatterYaml } from '../core/write-front-matter.js';
import type { Group } from './carry.js';

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
  /** Everyone the previous communiqué listed, to bring back the owners of carried actions. */
  previousAttendees?: Attendee[];
  /** Organisations the configuration knows, which may own actions without attending. */
  organisations?: readonly string[];
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

/** The front matter of the draft, in the order a person reads it. */
export function draftData(plan: DraftPlan): Record<string, unknown> {
  const attendees = plan.attendees.map((attendee) => ({ ...attendee }));
  // A chair named only by id still needs a name; the placeholder keeps the draft valid and
  // says what to fill in.
  for (const id of plan.chair) {
    if (!attendees.some((attendee) => attendee.id === id))
      attendees.push({ id, name: `TODO: name of ${id}`, kind: 'member', attendance: 'present' });
  }
  const actions = plan.actions.map((action) => {
    const due = realDate(action.due);
    // An overdue action keeps its old date in words, and a placeholder asks for a new one.
    return due && due <= plan.date ? { ...action, due: `TBC (was due ${due})` } : { ...action };
  });
  // Owners of carried actions who were at the last meeting but are not members are listed as
  // absent, so that the action keeps an owner the draft knows.
  const known = () =>
    new Set([
      ...attendees.map((attendee) => attendee.id),
      ...attendees
        .map((attendee) => attendee.organisation)
        .filter((name) => name !== undefined)
        .map(normalise),
      normalise(plan.group.name),
      ...(plan.group.short_name ? [normalise(plan.group.short_name)] : []),
      ...(plan.organisations ?? []).map(normalise),
    ]);
  for (const action of actions) {
    for (const owner of Array.isArray(action.owner) ? action.owner : [action.owner]) {
      const names = known();
      if (names.has(owner) || names.has(normalise(owner))) continue;
      const previous = plan.previousAttendees?.find(
        (attendee) =>
          attendee.id === owner ||
          (attendee.organisation !== undefined && normalise(attendee.organisation) === normalise(owner)),
      );
      if (previous && !attendees.some((attendee) => attendee.id === previous.id))
        attendees.push({ ...previous, attendance: 'absent' });
    }
  }

  const meeting: Record<string, unknown> = { group: { ...plan.group } };
  if (plan.number !== undefined) meeting.number = plan.number;
  meeting.date = plan.date;
  meeting.mode = plan.mode;
  if (plan.place !== undefined && plan.mode !== 'virtual') meeting.place = plan.place;
  if (plan.chair.length === 1) meeting.chair = plan.chair[0];
  else if (plan.chair.length > 1) meeting.chair = [...plan.chair];

  const data: Record<string, unknown> = {
    schema_version: 1,
    id: draftId(plan.group, plan.date),
    title: plan.title,
    status: 'draft',
    lang: 'en-AU',
    meeting,
  };
  if (attendees.length > 0) data.attendees = attendees;
  if (actions.length > 0) data.actions = actions;
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
  return {
    frontMatter: frontMatterYaml(data),
    title: plan.title,
    group: plan.group,
    date: plan.date,
    ...(plan.number !== undefined ? { number: plan.number } : {}),
    mode: plan.mode,
    ...(plan.place !== undefined ? { place: plan.place } : {}),
    sections: plan.sections.map((heading) => ({ heading, placeholder: SECTION_PLACEHOLDER })),
  };
}

/** The draft's text from a `new.md.hbs` template. Markdown is not HTML: nothing is escaped. */
export function renderDraft(templateSource: string, view: DraftView): string {
  const template = Handlebars.compile(templateSource, { noEscape: true });
  const text = template(view);
  return text.endsWith('\n') ? text : `${text}\n`;
}
