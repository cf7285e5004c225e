/**
 * The questions `communique new` asks on a terminal, one function per question, each by
 * name (tests answer by name) and each validating as `validate` would.
 */
import type { Attendance, Attendee, AttendeeKind, Group, MeetingMode } from '../../core/model.js';
import { slugify } from '../../core/text.js';
import { ATTENDANCES, attended, KINDS, MODES } from '../../core/vocabulary.js';
import { proxyProblem, settleAttendance } from '../../draft/assemble.js';
import { findGroup } from '../../draft/carry.js';
import { nearGroups } from '../../draft/groups.js';
import { attendeeIdProblem, dateProblem, numberProblem, splitList, textProblem } from '../../draft/fields.js';
import type { Prompts } from '../../io/prompts.js';
import { splitName } from './people.js';

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
  let name: string;
  for (;;) {
    name = (
      await ask.input('groupName', {
        message: "The group's full name",
        validate: (value) => textProblem(value, "the group's name") ?? true,
      })
    ).trim();
    const existing = findGroup(name, candidates);
    if (existing) return existing;
    // A near miss is most likely a known group misspelt: starting a new one must be meant.
    const near = nearGroups(name, candidates);
    if (near.length === 0) break;
    const meant = near.map((group) => group.name).join(' or ');
    if (
      await ask.confirm('newGroup', {
        message: `No group is called ${name}; it is close to ${meant}. Start a new group called ${name}?`,
        default: false,
      })
    )
      break;
  }
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

/**
 * Who came, and how: everyone the draft expects, ticked in as few questions as a meeting
 * needs — who attended, then (only if some did not sit through it in the room) who joined
 * remotely or for part of it, then which of those away sent apologies. The owners of
 * carried actions nobody expected are offered too; left unticked, they stay on record
 * only, never published as absent.
 */
export async function askAttendance(
  ask: Prompts,
  expected: readonly Attendee[],
  owners: readonly Attendee[],
  from: string,
): Promise<Attendee[]> {
  const everyone = [...expected, ...owners];
  const mark = (ids: readonly string[]): Attendee[] => [
    ...settleAttendance(expected).map((attendee) => ({
      ...attendee,
      attendance: (ids.includes(attendee.id) ? 'present' : 'absent') as Attendance,
    })),
    ...owners.map((owner) => ({ ...owner, attendance: (ids.includes(owner.id) ? 'present' : 'absent') as Attendance })),
  ];
  const attendedIds = await ask.checkbox<string>('attended', {
    message: `Who attended? (carried from ${from})`,
    choices: [
      ...settleAttendance(expected).map((attendee) => ({
        name: label(attendee),
        value: attendee.id,
        checked: attended(attendee.attendance),
      })),
      ...owners.map((owner) => ({
        name: `${label(owner)}, who owns a carried action`,
        value: owner.id,
        checked: false,
      })),
    ],
    validate: (ids) => proxyProblem(mark(ids)) ?? true,
  });
  const there = everyone.filter((attendee) => attendedIds.includes(attendee.id));
  const away = expected.filter((attendee) => !attendedIds.includes(attendee.id));
  let remote: string[] = [];
  let partial: string[] = [];
  if (
    there.length > 0 &&
    (await ask.confirm('remoteOrPartial', {
      message: 'Did any of them join remotely, or attend only part of the meeting?',
      default: false,
    }))
  ) {
    remote = await ask.checkbox<string>('remote', {
      message: 'Who joined remotely (by video or phone)?',
      choices: there.map((attendee) => ({ name: label(attendee), value: attendee.id, checked: false })),
    });
    const inRoom = there.filter((attendee) => !remote.includes(attendee.id));
    if (inRoom.length > 0)
      partial = await ask.checkbox<string>('partial', {
        message: 'Who attended only part of the meeting?',
        choices: inRoom.map((attendee) => ({ name: label(attendee), value: attendee.id, checked: false })),
      });
  }
  let apologies: string[] = [];
  if (away.length > 0)
    apologies = await ask.checkbox<string>('apologies', {
      message: 'Who sent apologies? (the others are recorded as absent)',
      choices: away.map((attendee) => ({
        name: label(attendee),
        value: attendee.id,
        checked: attendee.kind !== 'proxy',
      })),
    });
  const attendanceOf = (id: string): Attendance =>
    remote.includes(id)
      ? 'remote'
      : partial.includes(id)
        ? 'partial'
        : attendedIds.includes(id)
          ? 'present'
          : apologies.includes(id)
            ? 'apology'
            : 'absent';
  return [
    ...expected.map((attendee) => ({ ...attendee, attendance: attendanceOf(attendee.id) })),
    ...owners.map((owner) =>
      attendedIds.includes(owner.id)
        ? { ...owner, attendance: attendanceOf(owner.id) }
        : { ...owner, attendance: 'absent' as Attendance, internal: true },
    ),
  ];
}

function label(attendee: Attendee): string {
  const kind = attendee.kind ?? 'member';
  return kind === 'member' ? attendee.name : `${attendee.name} (${kind})`;
}

export async function askNewAttendees(ask: Prompts, listed: Attendee[]): Promise<Attendee[]> {
  const attendees = [...listed];
  for (;;) {
    const more = await ask.confirm('addAttendee', {
      message: attendees.length === 0 ? 'Add an attendee?' : 'Add another attendee (someone new)?',
      default: attendees.length === 0,
    });
    if (!more) return attendees;
    const person = splitName(
      await ask.input('attendeeName', {
        message: 'Their name, with any title and post-nominals (e.g. Dr Mia Wong AM)',
        validate: (value) => textProblem(value, 'a name') ?? true,
      }),
    );
    const name = person.name;
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
    attendees.push({ id, ...person, kind, attendance });
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
