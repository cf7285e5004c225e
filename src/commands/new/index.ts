import { isAbsolute, relative, resolve } from 'node:path';
import { resolveSettings, type Settings } from '../../config/settings.js';
import { checkText } from '../../core/check/check.js';
import type { Attendance, Attendee, MeetingMode } from '../../core/model.js';
import { attended } from '../../core/vocabulary.js';
import { runProblem } from '../../diagnostics/make.js';
import type { DraftAnswers } from '../../draft/answers.js';
import {
  chairProblem,
  DEFAULT_PATH,
  DEFAULT_TEMPLATE,
  type DraftPlan,
  defaultTitle,
  draftData,
  draftPath,
  draftView,
  ownersToKeep,
  proxyProblem,
  renderDraft,
  settleAttendance,
} from '../../draft/assemble.js';
import {
  type Carried,
  carryForward,
  findGroup,
  type Group,
  groupsIn,
  type KnownCommunique,
  latestOf,
  previousOf,
} from '../../draft/carry.js';
import type { DraftFlags } from '../../draft/flags.js';
import { nearGroups } from '../../draft/groups.js';
import { EXIT } from '../../io/exit.js';
import type { Io } from '../../io/io.js';
import { canPrompt, isCancellation, type Prompts } from '../../io/prompts.js';
import { findTemplate } from '../../io/templates.js';
import { writeNewFile } from '../../io/write.js';
import { fail, reportProblems } from '../report.js';
import { gatherAnswers } from './answers-input.js';
import { brokenPredecessor, type History, projectHistory } from './history.js';
import {
  askAttendance,
  askChair,
  askDate,
  askGroup,
  askMode,
  askNewAttendees,
  askNumber,
  askPlace,
  askSections,
} from './interview.js';
import { resolveChair } from './people.js';
import { Refusal, refuse } from './refusal.js';
import { askActions, askAgreements, askContact, askNextMeeting } from './scaffold-questions.js';

/** The options of `communique new`, as commander hands them over. */
export interface NewOptions extends DraftFlags {
  answers?: string;
  yes?: boolean;
  template?: string;
  out?: string;
  dryRun?: boolean;
  open?: boolean;
  config?: string | false;
  /** `--no-carry`: draft as if the group had no communiqués yet. */
  carry?: boolean;
  /** `--new-group`: the group named is new, however close to a known one. */
  newGroup?: boolean;
}

/**
 * `communique new`: a draft communiqué from flags, an answers file, the group's latest
 * communiqué and — on a terminal — prompts for whatever is still unknown. Writes one new
 * file and never replaces one.
 */
export async function newCommand(options: NewOptions, io: Io): Promise<number> {
  try {
    const settings = await resolveSettings(io, options.config !== undefined ? { config: options.config } : {});
    if (!settings.ok) return fail(io, settings.problems, EXIT.usage);
    return await draftCommunique(options, io, settings.value);
  } catch (error) {
    if (isCancellation(error)) {
      io.stderr.write('\n');
      return fail(io, [runProblem('usage/cancelled', 'cancelled; nothing was written')], EXIT.interrupted);
    }
    if (error instanceof Refusal) return fail(io, error.problems, EXIT.usage);
    throw error;
  }
}

async function draftCommunique(options: NewOptions, io: Io, settings: Settings): Promise<number> {
  const config = settings.config;
  const given = await gatherAnswers(options, io);
  const ask: Prompts | undefined = canPrompt(io) && !options.yes ? io.prompts : undefined;
  const carrying = options.carry !== false;
  const history: History = carrying ? await projectHistory(io, settings) : { known: [], broken: [] };
  const known = history.known;
  const candidates = mergeGroups(config.groups ?? [], groupsIn(known));
  const missing: string[] = [];

  // The group, then the date: together they find the meeting this one follows.
  let group: Group | undefined;
  if (given.group !== undefined) group = settleGroup(given.group, candidates, Boolean(options.newGroup));
  else if (ask) group = await askGroup(ask, candidates);
  else missing.push('the group (--group)');
  const date = (
    given.date ??
    (ask ? await askDate(ask, defaultDate(known, group, settings.today)) : defaultDate(known, group, settings.today))
  ).trim();

  const latest = group ? latestOf(known, group, date) : undefined;
  if (group && carrying) {
    const blocker = brokenPredecessor(history.broken, group, date, latest);
    if (blocker) {
      await reportProblems(io, [
        runProblem(
          'input/predecessor-unreadable',
          `cannot carry forward from ${blocker.path}, the group's latest communiqué: ${lowerFirst(blocker.problem)}`,
        ),
      ]);
      return EXIT.problems;
    }
  }
  const carried: Carried | undefined = latest ? carryForward(latest, previousOf(known, latest)) : undefined;
  if (carried && group && !group.short_name && carried.group.short_name && findGroup(group.name, [carried.group]))
    group = carried.group;

  const nextNumber = carried?.number !== undefined ? carried.number + 1 : undefined;
  const number = given.number ?? (ask ? await askNumber(ask, nextNumber) : nextNumber);
  const mode: MeetingMode | undefined = given.mode ?? (ask ? await askMode(ask, carried?.mode) : carried?.mode);
  if (!mode) missing.push('the meeting mode (--mode)');
  let place = given.place ?? (ask ? undefined : carried?.place);
  if (mode !== 'virtual' && place === undefined && ask) place = await askPlace(ask, carried?.place);
  if (mode !== 'virtual' && place === undefined)
    missing.push(mode ? 'the meeting place (--place)' : 'the meeting place (--place; not needed with --mode virtual)');
  if (mode === 'virtual') place = undefined;

  const organisations = config.organisations ?? [];
  const attendees = await settleAttendees(given, carried, ask, { group, organisations });
  const wrongAttendance = proxyProblem(attendees);
  if (wrongAttendance) refuse([wrongAttendance]);
  let chair: string[] | undefined;
  if (given.chair) {
    const resolved = resolveChair(given.chair, attendees);
    if (resolved.problems.length > 0) refuse(resolved.problems);
    attendees.push(...resolved.added);
    chair = resolved.chair;
  } else if (ask) chair = await askChair(ask, attendees, carried?.chair ?? []);
  chair ??= (carried?.chair ?? []).filter((id) =>
    attended(attendees.find((attendee) => attendee.id === id)?.attendance ?? 'absent'),
  );
  const wrongChair = chairProblem(chair, attendees);
  if (wrongChair) refuse([wrongChair]);
  const sections = given.sections ?? (ask ? await askSections(ask) : []);
  const agreements = ask ? await askAgreements(ask, settings.check.verbs) : [];
  const newActions = ask ? await askActions(ask, attendees, organisations, date) : [];
  const nextMeeting = ask ? await askNextMeeting(ask, date) : undefined;
  const contact = carried?.contact ?? (ask ? await askContact(ask) : undefined);

  const pattern = options.out === undefined ? (config.new?.path ?? DEFAULT_PATH) : undefined;
  if (pattern?.includes('{number}') && number === undefined)
    missing.push('the meeting number (--number), which `new.path` in the configuration uses');
  if (missing.length > 0 || !group || !mode)
    refuse([`cannot draft without: ${missing.join(', ')}`], 'usage/missing-answer');

  const plan: DraftPlan = {
    group: group!,
    date,
    ...(number !== undefined ? { number } : {}),
    mode: mode!,
    ...(place !== undefined ? { place } : {}),
    ...(carried?.time ? { time: carried.time } : {}),
    ...(contact ? { contact } : {}),
    chair,
    title: given.title ?? defaultTitle(group!),
    attendees,
    actions: carried?.actions ?? [],
    sections,
    organisations,
    agreements,
    newActions,
    ...(nextMeeting ? { nextMeeting } : {}),
  };
  const template = findTemplate(
    io.fs,
    options.template ?? config.new?.template ?? DEFAULT_TEMPLATE,
    'new.md.hbs',
    settings.templates,
  );
  if (!template.ok) refuse([template.message]);
  const text = renderDraft((template as { source: string }).source, draftView(plan, draftData(plan)));

  // The draft is checked as `validate` would; an error here comes from the carried
  // communiqué, and is worth fixing before anything else.
  const checked = checkText(text, settings.check);
  const errors = checked.messages.filter((message) => message.severity === 'error');
  if (options.dryRun) {
    io.stdout.write(text);
    if (carried) await sayWhatWasCarried(io, carried);
    if (errors.length > 0) await reportProblems(io, [{ file: '(the draft)', messages: errors, lines: checked.lines }]);
    return EXIT.ok;
  }
  const target =
    options.out !== undefined
      ? resolve(io.cwd, options.out)
      : resolve(
          settings.projectRoot,
          draftPath(pattern!, { date, group: group!, ...(number !== undefined ? { number } : {}) }),
        );
  const shown = displayPath(target, io.cwd);
  if (!writeNewFile(io.fs, target, new TextEncoder().encode(text)))
    refuse([`${shown} already exists; choose another --out or remove it first`], 'write/refused', '');
  io.stdout.write(`${shown}\n`);
  if (carried) await sayWhatWasCarried(io, carried);
  if (errors.length > 0) await reportProblems(io, [{ file: shown, messages: errors, lines: checked.lines }]);
  if (options.open && canPrompt(io) && io.editor) {
    io.editor(target, (reason) =>
      io.stderr.write(`communique: the editor could not open the draft (${reason}); it is saved at ${shown}\n`),
    );
  } else if (options.open && canPrompt(io))
    io.stderr.write('communique: set $VISUAL or $EDITOR to open the draft in your editor\n');
  return EXIT.ok;
}

/**
 * Who came: the standing attendees carried forward and anyone added, with the attendance
 * answered or asked; then the owners of carried actions nobody expected, on record only
 * unless their attendance is given.
 */
async function settleAttendees(
  given: DraftAnswers,
  carried: Carried | undefined,
  ask: Prompts | undefined,
  also: { group: Group | undefined; organisations: readonly string[] },
): Promise<Attendee[]> {
  const expected = [...(carried?.members ?? [])];
  for (const added of given.attendees ?? []) {
    const at = expected.findIndex((attendee) => attendee.id === added.id);
    const { attendance: _attendance, ...person } = added;
    if (at >= 0) expected[at] = person;
    else expected.push(person);
  }
  const owners = ownersToKeep(carried?.actions ?? [], expected, carried?.everyone ?? [], also);
  const answered: Record<string, Attendance> = { ...given.attendance };
  for (const added of given.attendees ?? []) answered[added.id] ??= added.attendance ?? 'present';
  const everyone = [...expected, ...owners];
  const unknownIds = Object.keys(answered).filter((id) => !everyone.some((attendee) => attendee.id === id));
  if (unknownIds.length > 0) {
    const listed = everyone.length > 0 ? ` (${everyone.map((attendee) => attendee.id).join(', ')})` : '';
    const fix = 'add them to `attendees` in the answers';
    refuse(
      unknownIds.map(
        (id) => `the attendance given for \`${id}\` is for someone who is not in the draft${listed}; ${fix}`,
      ),
    );
  }
  let attendees: Attendee[];
  if (ask && everyone.length > 0 && given.attendance === undefined)
    attendees = await askAttendance(ask, expected, owners, carried?.path ?? 'the answers');
  else {
    attendees = settleAttendance(expected, answered);
    for (const owner of owners)
      attendees.push(
        answered[owner.id]
          ? { ...owner, attendance: answered[owner.id]! }
          : { ...owner, attendance: 'absent', internal: true },
      );
  }
  return ask ? askNewAttendees(ask, attendees) : attendees;
}

/** A group typed on the command line: one communique knows, a new one, or — close to one it knows — a likely typo. */
function settleGroup(typed: string | Group, candidates: readonly Group[], isNew: boolean): Group {
  if (typeof typed !== 'string') return typed;
  const found = findGroup(typed, candidates);
  if (found) return found;
  const near = isNew ? [] : nearGroups(typed, candidates);
  if (near.length > 0) {
    const names = (groups: readonly Group[]) =>
      groups.map((group) => (group.short_name ? `${group.name} (${group.short_name})` : group.name));
    const meant = names(near).join(' or ');
    const all = names(candidates).join('; ');
    refuse([`no group is called \`${typed}\`; did you mean ${meant}? The groups are: ${all}`], 'usage/unknown-group');
  }
  return { name: typed };
}

/** The day the group said it would meet next, when that is still to come; else today. */
function defaultDate(known: readonly KnownCommunique[], group: Group | undefined, today: string): string {
  const planned = group ? latestOf(known, group)?.data.next_meeting?.date : undefined;
  return planned && /^\d{4}-\d{2}-\d{2}$/.test(planned) && planned >= today ? planned : today;
}

/** Name the communiqué carried from, and warn when it is not yet approved. */
async function sayWhatWasCarried(io: Io, carried: Carried): Promise<void> {
  const counts =
    carried.members.length + carried.actions.length === 0
      ? 'nothing: it lists no standing attendees and no unfinished actions'
      : [plural(carried.members.length, 'standing attendee'), plural(carried.actions.length, 'unfinished action')].join(
          ' and ',
        );
  io.stderr.write(`communique: carried forward from ${carried.path}: ${counts}\n`);
  if (carried.status === 'draft' || carried.status === 'review') {
    const stage = carried.status === 'draft' ? 'a draft' : 'in review';
    await reportProblems(io, [
      runProblem('input/carried-from-unapproved', `${carried.path} is ${stage}, not yet approved`),
    ]);
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function mergeGroups(configured: readonly Group[], found: readonly Group[]): Group[] {
  const groups = [...configured];
  for (const group of found) {
    if (!findGroup(group.name, groups) && !(group.short_name && findGroup(group.short_name, groups)))
      groups.push(group);
  }
  return groups;
}

function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown.replace(/\\/g, '/') : path;
}
