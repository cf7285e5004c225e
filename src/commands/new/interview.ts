/**
 * The questions `communique new` asks on a terminal, one function per question, each by
 * name (tests answer by name) and each validating as `validate` would.
 */
import type { Attendance, Attendee, AttendeeKind, Group, MeetingMode } from '../../core/model.js';
import { slugify } from '../../core/text.js';
import { ATTENDANCES, attended, KINDS, MODES } from '../../core/vocabulary.js';
import { proxyProblem, settleAttendance } from '../../draft/assemble.js';
import { findGroup } from '../../draft/carry.js';
import { attendeeIdProblem, dateProblem, numberProblem, splitList, textProblem } from '../../draft/fields.js';
import type { Prompts } from '../../io/prompts.js';

export async function askGroup(ask: Prompts, candidates: readonly Group[]): Promise<Group> {
  if (candidates.length > 0) {
    const chosen = await ask.select<number>('group', {
      message: 'Which group met?',
      choices: [
        ...candidates.map((group, index) => ({
          name: group.short_name ? `${group.name} (${group.short_name})` : group.name,
          value: index,
        })),
        { name: 'another group…', value: -1 },
      ],
    });
    if (chosen >= 0) return candidates[chosen]!;
  }
  const name = (
    await ask.input('groupName', {
      message: "The group's full name",
      validate: (value) => textProblem(value, "the group's name") ?? true,
    })
  ).trim();
  const existing = findGroup(name, candidates);
  if (existing) return existing;
  const shortName = (
    await ask.input('groupShortName', {
      message: 'Its short name or acronym, e.g. NLG (blank for none)',
      default: '',
      validate: (value) =>
        value.trim() === '' || slugify(value) !== '' ? true : 'use letters or digits in the short name',
    })
  ).trim();
  return shortName ? { name, short_name: shortName } : { name };
}

export async function askDate(ask: Prompts, today: string): Promise<string> {
  return ask.input('date', {
    message: 'Meeting date (YYYY-MM-DD)',
    default: today,
    validate: (value) => dateProblem(value.trim()) ?? true,
  });
}

export async function askNumber(ask: Prompts, next: number | undefined): Promise<number | undefined> {
  const typed = await ask.input('number', {
    message: 'Meeting number (blank for none)',
    default: next === undefined ? '' : String(next),
    validate: (value) => (value.trim() === '' ? true : (numberProblem(value) ?? true)),
  });
  return typed.trim() === '' ? undefined : Number(typed.trim());
}

export async function askMode(ask: Prompts, usual: MeetingMode | undefined): Promise<MeetingMode> {
  return ask.select<MeetingMode>('mode', {
    message: 'How was the meeting held?',
    choices: MODES.map((value) => ({ name: value, value })),
    default: usual ?? 'in-person',
  });
}

export async function askPlace(ask: Prompts, usual: string | undefined): Promise<string> {
  const place = await ask.input('place', {
    message: 'Where was the meeting held?',
    ...(usual ? { default: usual } : {}),
    validate: (value) => textProblem(value, 'the place the meeting was held') ?? true,
  });
  return place.trim();
}

export async function askAttendance(ask: Prompts, members: readonly Attendee[], from: string): Promise<Attendee[]> {
  const attendedIds = await ask.checkbox<string>('attended', {
    message: `Who attended? (members carried from ${from}; those not ticked sent apologies)`,
    choices: settleAttendance(members).map((member) => ({
      name: member.kind === 'proxy' ? `${member.name} (proxy)` : member.name,
      value: member.id,
      checked: attended(member.attendance),
    })),
    validate: (ids) => proxyProblem(markAttendance(members, ids)) ?? true,
  });
  return markAttendance(members, attendedIds);
}

function markAttendance(members: readonly Attendee[], attendedIds: readonly string[]): Attendee[] {
  return members.map((member) => ({
    ...member,
    attendance: (attendedIds.includes(member.id)
      ? 'present'
      : member.kind === 'proxy'
        ? 'absent'
        : 'apology') as Attendance,
  }));
}

export async function askNewAttendees(ask: Prompts, listed: Attendee[]): Promise<Attendee[]> {
  const attendees = [...listed];
  for (;;) {
    const more = await ask.confirm('addAttendee', {
      message: attendees.length === 0 ? 'Add an attendee?' : 'Add another attendee (someone new)?',
      default: attendees.length === 0,
    });
    if (!more) return attendees;
    const name = (
      await ask.input('attendeeName', {
        message: 'Their name',
        validate: (value) => textProblem(value, 'a name') ?? true,
      })
    ).trim();
    const taken = (id: string) => attendees.some((attendee) => attendee.id === id);
    const id = (
      await ask.input('attendeeId', {
        message: 'Their id (used for the chair and action owners)',
        default: slugify(name),
        validate: (value) =>
          attendeeIdProblem(value.trim()) ??
          (taken(value.trim()) ? `\`${value.trim()}\` is already an attendee's id` : true),
      })
    ).trim();
    const kind = await ask.select<AttendeeKind>('attendeeKind', {
      message: 'Their place in the meeting',
      choices: KINDS.filter((value) => value !== 'proxy').map((value) => ({ name: value, value })),
      default: 'member',
    });
    const attendance = await ask.select<Attendance>('attendeeAttendance', {
      message: 'Their attendance',
      choices: ATTENDANCES.map((value) => ({ name: value, value })),
      default: 'present',
    });
    attendees.push({ id, name, kind, attendance });
  }
}

export async function askChair(
  ask: Prompts,
  attendees: readonly Attendee[],
  usual: readonly string[],
): Promise<string[] | undefined> {
  const attending = attendees.filter((attendee) => attended(attendee.attendance));
  if (attending.length === 0) return undefined;
  return ask.checkbox<string>('chair', {
    message: 'Who chaired the meeting? (tick co-chairs too)',
    choices: attending.map((attendee) => ({
      name: attendee.name,
      value: attendee.id,
      checked: usual.includes(attendee.id),
    })),
  });
}

export async function askSections(ask: Prompts): Promise<string[]> {
  return splitList(
    await ask.input('sections', { message: 'Sections of the body, separated by commas (blank for none)', default: '' }),
  );
}
