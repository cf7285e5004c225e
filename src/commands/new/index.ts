import { isAbsolute, relative, resolve } from 'node:path';
import { resolveSettings, type Settings } from '../../config/settings.js';
import { checkText } from '../../core/check/check.js';
import type { Attendee, MeetingMode } from '../../core/model.js';
import { attended } from '../../core/vocabulary.js';
import type { FileResult } from '../../diagnostics/diagnostic.js';
import { runProblem } from '../../diagnostics/make.js';
import { type DraftAnswers, parseAnswersJson } from '../../draft/answers.js';
import {
  chairProblem,
  DEFAULT_PATH,
  DEFAULT_TEMPLATE,
  type DraftPlan,
  defaultTitle,
  draftData,
  draftPath,
  draftView,
  proxyProblem,
  renderDraft,
  settleAttendance,
} from '../../draft/assemble.js';
import { type Carried, carryForward, findGroup, type Group, groupsIn, latestOf } from '../../draft/carry.js';
import { answersFromFlags, type DraftFlags } from '../../draft/flags.js';
import { EXIT } from '../../io/exit.js';
import type { Io } from '../../io/io.js';
import { canPrompt, isCancellation, type Prompts } from '../../io/prompts.js';
import { findTemplate } from '../../io/templates.js';
import { writeNewFile } from '../../io/write.js';
import { fail, reportProblems } from '../report.js';
import { knownCommuniques } from './history.js';
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

/** The options of `communique new`, as commander hands them over. */
export interface NewOptions extends DraftFlags {
  answers?: string;
  yes?: boolean;
  template?: string;
  out?: string;
  dryRun?: boolean;
  open?: boolean;
  config?: string | false;
}

/** Ends the command with a usage error: the problems are reported by `newCommand`. */
class Refusal extends Error {
  constructor(readonly problems: FileResult[]) {
    super('refused');
  }
}

type RefusalRule = 'usage/invalid-option' | 'usage/missing-answer' | 'write/refused';
const refuse = (messages: readonly string[], ruleId: RefusalRule = 'usage/invalid-option', hint?: string): never => {
  throw new Refusal(messages.map((message) => runProblem(ruleId, message, hint)));
};

/**
 * `communique new`: a draft communiqué from flags, an answers file, the group's latest
 * communiqué and — on a terminal — prompts for whatever is still unknown. Writes one new
 * file and never replaces one.
 */
export async function newCommand(options: NewOptions, io: Io): Promise<number> {
  try {
    const settings = resolveSettings(io, options.config !== undefined ? { config: options.config } : {});
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
  const known = await knownCommuniques(io, settings);
  const candidates = mergeGroups(config.groups ?? [], groupsIn(known));
  const missing: string[] = [];

  // The group, then the date: together they find the meeting this one follows.
  let group: Group | undefined;
  if (given.group !== undefined)
    group =
      typeof given.group === 'string' ? (findGroup(given.group, candidates) ?? { name: given.group }) : given.group;
  else if (ask) group = await askGroup(ask, candidates);
  else missing.push('the group (--group)');
  const date = (given.date ?? (ask ? await askDate(ask, settings.today) : settings.today)).trim();

  const latest = group ? latestOf(known, group, date) : undefined;
  const carried: Carried | undefined = latest ? carryForward(latest) : undefined;
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

  const attendees = await settleAttendees(given, carried, ask);
  const wrongAttendance = proxyProblem(attendees);
  if (wrongAttendance) refuse([wrongAttendance]);
  let chair = given.chair ?? (ask ? await askChair(ask, attendees, carried?.chair ?? []) : undefined);
  chair ??= (carried?.chair ?? []).filter((id) =>
    attended(attendees.find((attendee) => attendee.id === id)?.attendance ?? 'absent'),
  );
  const wrongChair = chairProblem(chair, attendees);
  if (wrongChair) refuse([wrongChair]);
  const sections = given.sections ?? (ask ? await askSections(ask) : []);

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
    chair,
    title: given.title ?? defaultTitle(group!),
    attendees,
    actions: carried?.actions ?? [],
    sections,
    previousAttendees: carried?.everyone ?? [],
    organisations: config.organisations ?? [],
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
  if (errors.length > 0) await reportProblems(io, [{ file: shown, messages: errors, lines: checked.lines }]);
  if (options.open && canPrompt(io) && io.editor) {
    io.editor(target, (reason) =>
      io.stderr.write(`communique: the editor could not open the draft (${reason}); it is saved at ${shown}\n`),
    );
  } else if (options.open && canPrompt(io))
    io.stderr.write('communique: set $VISUAL or $EDITOR to open the draft in your editor\n');
  return EXIT.ok;
}

/** Flags and the answers file; flags are the most specific answer, so they win. */
async function gatherAnswers(options: NewOptions, io: Io): Promise<DraftAnswers> {
  const fromFlags = answersFromFlags(options);
  if (!fromFlags.ok) refuse(fromFlags.problems);
  let fromFile: DraftAnswers = {};
  if (options.answers !== undefined) {
    const source = options.answers === '-' ? 'the answers on standard input' : options.answers;
    const text = options.answers === '-' ? await readAll(io) : readAnswersFile(io, resolve(io.cwd, options.answers));
    if (text === undefined)
      refuse([
        options.answers === '-'
          ? 'there is no standard input to read the answers from'
          : `cannot read the answers file ${options.answers}`,
      ]);
    const parsed = parseAnswersJson(text!, source);
    if (!parsed.ok) refuse(parsed.problems);
    else fromFile = parsed.answers;
  }
  const flags = fromFlags.ok ? fromFlags.answers : {};
  return { ...fromFile, ...Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined)) };
}

/** Who came: last meeting's members and proxies as answered or asked, then anyone new. */
async function settleAttendees(
  given: DraftAnswers,
  carried: Carried | undefined,
  ask: Prompts | undefined,
): Promise<Attendee[]> {
  const members = carried?.members ?? [];
  const unknownIds = Object.keys(given.attendance ?? {}).filter(
    (id) => !members.some((member) => member.id === id) && !given.attendees?.some((attendee) => attendee.id === id),
  );
  if (unknownIds.length > 0) {
    const from = carried ? ` carried from ${carried.from}` : '';
    refuse(
      unknownIds.map((id) => `the attendance given for \`${id}\` is for someone who is not among the attendees${from}`),
    );
  }
  let attendees: Attendee[];
  if (ask && members.length > 0 && given.attendance === undefined)
    attendees = await askAttendance(ask, members, carried!.from);
  else attendees = settleAttendance(members, given.attendance);
  for (const added of given.attendees ?? []) {
    const at = attendees.findIndex((attendee) => attendee.id === added.id);
    const attendee = { ...added, attendance: given.attendance?.[added.id] ?? added.attendance ?? 'present' };
    if (at >= 0) attendees[at] = attendee;
    else attendees.push(attendee);
  }
  return ask ? askNewAttendees(ask, attendees) : attendees;
}

function readAnswersFile(io: Io, path: string): string | undefined {
  try {
    return io.fs.readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function readAll(io: Io): Promise<string | undefined> {
  if (!io.stdin) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
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
