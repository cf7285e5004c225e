import { EXIT } from '../cli/program.js';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Io } from '../io/io.js';
import { canPrompt, isCancellation, type Prompts, terminalPrompts } from '../io/prompts.js';
import type { LoadedConfig } from '../config/discover.js';
import { checkText } from '../core/check/check.js';
import { loadCommunique } from '../core/parse/communique.js';
import type { Attendance, Attendee, AttendeeKind, MeetingMode } from '../core/model.js';
import { ATTENDED, realDate } from '../core/model.js';
import { type DraftAnswers, parseAnswersJson } from '../draft/answers.js';
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
} from '../draft/assemble.js';
import {
  ATTENDANCES,
  attendeeIdProblem,
  dateProblem,
  KINDS,
  MODES,
  modeProblem,
  numberProblem,
  splitList,
  textProblem,
} from '../draft/fields.js';
import { type Carried, carryForward, findGroup, type Group, groupsIn, type KnownCommunique, latestOf } from '../draft/carry.js';
import { slugify } from '../core/write-front-matter.js';
import { writeNewFile } from '../io/write.js';
import { builtInTemplates } from '../render/templates.js';
import { inputFiles, readConfiguration, reportConfigProblem } from './shared.js';

/** The options of `communique new`, as commander hands them over. */
export interface NewOptions {
  group?: string;
  date?: string;
  number?: string | number;
  mode?: string;
  place?: string;
  chair?: string;
  title?: string;
  sections?: string;
  answers?: string;
  yes?: boolean;
  template?: string;
  out?: string;
  dryRun?: boolean;
  open?: boolean;
  config?: string | false;
}


/** Thrown to end the command with a usage error whose message is already written. */
class Refusal extends Error {}

/**
 * `communique new`: a draft communiqué from flags, an answers file, the group's latest
 * communiqué and — on a terminal — prompts for whatever is still unknown. Writes one new
 * file and never replaces one.
 */
export async function newCommand(options: NewOptions, io: Io, prompts?: Prompts): Promise<number> {
  try {
    return await draftCommunique(options, io, prompts);
  } catch (error) {
    if (isCancellation(error)) {
      io.stderr.write('\ncommunique: cancelled; nothing was written\n');
      return EXIT.interrupted;
    }
    if (error instanceof Refusal) return EXIT.usage;
    throw error;
  }
}

async function draftCommunique(options: NewOptions, io: Io, givenPrompts: Prompts | undefined): Promise<number> {
  const configured = readConfiguration(options.config, io);
  if (!configured.ok) {
    await reportConfigProblem(io, configured);
    return EXIT.usage;
  }
  const config = configured.config;
  const refuse = (problems: readonly string[]): never => {
    for (const problem of problems) io.stderr.write(`communique: ${problem}\n`);
    throw new Refusal();
  };

  const fromFlags = answersFromFlags(options);
  if (!fromFlags.ok) refuse(fromFlags.problems);
  let fromFile: DraftAnswers = {};
  if (options.answers !== undefined) {
    const source = options.answers === '-' ? 'the answers on standard input' : options.answers;
    const text = options.answers === '-' ? await readStdin(io) : readAnswersFile(resolve(io.cwd, options.answers));
    if (text === undefined) refuse([options.answers === '-' ? 'there is no standard input to read the answers from' : `cannot read the answers file ${options.answers}`]);
    const parsed = parseAnswersJson(text!, source);
    if (!parsed.ok) refuse(parsed.problems);
    else fromFile = parsed.answers;
  }
  // Flags are the most specific answer, so they win over the answers file.
  const given: DraftAnswers = { ...fromFile, ...definedOnly(fromFlags.ok ? fromFlags.answers : {}) };

  const interactive = canPrompt(io) && !options.yes;
  const ask: Prompts | undefined = interactive ? (givenPrompts ?? terminalPrompts(io)) : undefined;
  const known = await knownCommuniques(configured, io);
  const candidates = mergeGroups(config.groups ?? [], groupsIn(known));
  const today = todayIn(io);
  const missing: string[] = [];

  // The group, then the date: together they find the meeting this one follows.
  let group: Group | undefined;
  if (given.group !== undefined) group = typeof given.group === 'string' ? (findGroup(given.group, candidates) ?? { name: given.group }) : given.group;
  else if (ask) group = await askGroup(ask, candidates);
  else missing.push('the group (--group)');

  const date = given.date ?? (ask ? await ask.input('date', { message: 'Meeting date (YYYY-MM-DD)', default: today, validate: (value) => dateProblem(value.trim()) ?? true }) : today).trim();

  const latest = group ? latestOf(known, group, date) : undefined;
  const carried: Carried | undefined = latest ? carryForward(latest) : undefined;
  if (carried && group && !group.short_name && carried.group.short_name && findGroup(group.name, [carried.group])) group = carried.group;

  const nextNumber = carried?.number !== undefined ? carried.number + 1 : undefined;
  let number = given.number ?? nextNumber;
  if (given.number === undefined && ask) {
    const typed = await ask.input('number', {
      message: 'Meeting number (blank for none)',
      default: nextNumber === undefined ? '' : String(nextNumber),
      validate: (value) => (value.trim() === '' ? true : (numberProblem(value) ?? true)),
    });
    number = typed.trim() === '' ? undefined : Number(typed.trim());
  }

  let mode = given.mode ?? (ask ? undefined : carried?.mode);
  if (!mode && ask) {
    mode = await ask.select<MeetingMode>('mode', {
      message: 'How was the meeting held?',
      choices: MODES.map((value) => ({ name: value, value })),
      default: carried?.mode ?? 'in-person',
    });
  }
  if (!mode) missing.push('the meeting mode (--mode)');

  let place = given.place ?? (ask ? undefined : carried?.place);
  if (mode !== 'virtual' && place === undefined && ask) {
    place = (
      await ask.input('place', {
        message: 'Where was the meeting held?',
        ...(carried?.place ? { default: carried.place } : {}),
        validate: (value) => textProblem(value, 'the place the meeting was held') ?? true,
      })
    ).trim();
  }
  if (mode !== 'virtual' && place === undefined) missing.push(mode ? 'the meeting place (--place)' : 'the meeting place (--place; not needed with --mode virtual)');
  if (mode === 'virtual') place = undefined;

  // Who came: last meeting's members and proxies, then anyone new.
  const members = carried?.members ?? [];
  const unknownIds = Object.keys(given.attendance ?? {}).filter((id) => !members.some((member) => member.id === id) && !given.attendees?.some((attendee) => attendee.id === id));
  if (unknownIds.length > 0) {
    refuse(unknownIds.map((id) => `the attendance given for \`${id}\` is for someone who is not among the attendees${carried ? ` carried from ${carried.from}` : ''}`));
  }
  let attendees: Attendee[];
  if (ask && members.length > 0 && given.attendance === undefined) attendees = await askAttendance(ask, members, carried!.from);
  else attendees = settleAttendance(members, given.attendance);
  for (const added of given.attendees ?? []) {
    const at = attendees.findIndex((attendee) => attendee.id === added.id);
    const attendee = { ...added, attendance: given.attendance?.[added.id] ?? added.attendance ?? 'present' };
    if (at >= 0) attendees[at] = attendee;
    else attendees.push(attendee);
  }
  if (ask) attendees = await askNewAttendees(ask, attendees);
  const wrongAttendance = proxyProblem(attendees);
  if (wrongAttendance) refuse([wrongAttendance]);

  let chair = given.chair;
  if (!chair && ask) {
    const attending = attendees.filter((attendee) => ATTENDED.has(attendee.attendance ?? 'present'));
    if (attending.length > 0) {
      chair = await ask.checkbox<string>('chair', {
        message: 'Who chaired the meeting? (tick co-chairs too)',
        choices: attending.map((attendee) => ({ name: attendee.name, value: attendee.id, checked: carried?.chair.includes(attendee.id) ?? false })),
      });
    }
  }
  chair ??= (carried?.chair ?? []).filter((id) => ATTENDED.has(attendees.find((attendee) => attendee.id === id)?.attendance ?? 'absent'));
  const wrongChair = chairProblem(chair, attendees);
  if (wrongChair) refuse([wrongChair]);

  let sections = given.sections;
  if (!sections && ask) {
    sections = splitList(await ask.input('sections', { message: 'Sections of the body, separated by commas (blank for none)', default: '' }));
  }

  const pattern = options.out === undefined ? (config.new?.path ?? DEFAULT_PATH) : undefined;
  if (pattern?.includes('{number}') && number === undefined) missing.push('the meeting number (--number), which `new.path` in the configuration uses');
  if (missing.length > 0 || !group || !mode) refuse([`cannot draft without: ${missing.join(', ')}`]);

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
    sections: sections ?? [],
    previousAttendees: carried?.everyone ?? [],
    organisations: config.organisations ?? [],
  };

  const templateName = options.template ?? config.new?.template ?? DEFAULT_TEMPLATE;
  const template = findDraftTemplate(templateName, config.templates ? resolve(configured.folder, config.templates) : undefined);
  if (!template.ok) refuse([template.message]);
  const text = renderDraft((template as { source: string }).source, draftView(plan, draftData(plan)));

  // The draft is checked as `validate` would; a problem here comes from the carried
  // communiqué, and is worth fixing before anything else.
  const problems = checkText(text, { ...(config.rules ? { severities: config.rules } : {}), organisations: config.organisations ?? [] }).messages.filter(
    (message) => message.severity === 'error',
  );

  if (options.dryRun) {
    io.stdout.write(text);
    reportDraftProblems(io, problems, 'the draft');
    return EXIT.ok;
  }

  const target = options.out !== undefined ? resolve(io.cwd, options.out) : resolve(configured.folder, draftPath(pattern!, { date, group: group!, ...(number !== undefined ? { number } : {}) }));
  const shown = displayPath(target, io.cwd);
  if (!writeNewFile(target, new TextEncoder().encode(text))) refuse([`${shown} already exists; choose another --out or remove it first`]);
  io.stdout.write(`${shown}\n`);
  reportDraftProblems(io, problems, shown);

  if (options.open) await openInEditor(target, io);
  return EXIT.ok;
}

function answersFromFlags(options: NewOptions): { ok: true; answers: DraftAnswers } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const answers: DraftAnswers = {};
  const text = (value: string | undefined, flag: string, what: string): string | undefined => {
    if (value === undefined) return undefined;
    if (value.trim() === '') return void problems.push(`${flag} needs ${what}`);
    return value.trim();
  };
  const group = text(options.group, '--group', 'the group\'s name or short name');
  if (group !== undefined) answers.group = group;
  const date = text(options.date, '--date', 'a date as YYYY-MM-DD');
  if (date !== undefined) {
    const wrong = dateProblem(date);
    if (wrong) problems.push(`--date: ${wrong}`);
    else answers.date = date;
  }
  if (options.number !== undefined) {
    const wrong = numberProblem(String(options.number));
    if (wrong) problems.push(`--number: ${wrong}`);
    else answers.number = Number(String(options.number).trim());
  }
  const mode = text(options.mode, '--mode', 'in-person, virtual or hybrid');
  if (mode !== undefined) {
    const wrong = modeProblem(mode);
    if (wrong) problems.push(`--mode: ${wrong}`);
    else answers.mode = mode as MeetingMode;
  }
  const place = text(options.place, '--place', 'the place the meeting was held');
  if (place !== undefined) answers.place = place;
  const title = text(options.title, '--title', 'the title');
  if (title !== undefined) answers.title = title;
  if (options.chair !== undefined) {
    const chair = splitList(options.chair);
    const wrong = chair.map(attendeeIdProblem).filter((message) => message !== undefined);
    if (chair.length === 0) problems.push('--chair needs the attendee id of the chair, or ids separated by commas');
    for (const message of wrong) problems.push(`--chair: ${message}`);
    if (wrong.length === 0) answers.chair = chair;
  }
  if (options.sections !== undefined) answers.sections = splitList(options.sections);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

function definedOnly<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function readAnswersFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function readStdin(io: Io): Promise<string | undefined> {
  if (!io.stdin) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

/** "Today" where the person is; COMMUNIQUE_TODAY fixes it for tests and reproducible runs. */
function todayIn(io: Io): string {
  const fixed = io.env.COMMUNIQUE_TODAY;
  if (fixed && realDate(fixed)) return fixed;
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function mergeGroups(configured: readonly Group[], found: readonly Group[]): Group[] {
  const groups = [...configured];
  for (const group of found) {
    if (!findGroup(group.name, groups) && !(group.short_name && findGroup(group.short_name, groups))) groups.push(group);
  }
  return groups;
}

/** The communiqués already in the project: the configured files, or `communiques/`. */
async function knownCommuniques(configured: Extract<LoadedConfig, { ok: true }>, io: Io): Promise<KnownCommunique[]> {
  const configuredFiles = configured.config.files && configured.config.files.length > 0;
  const fallback = join(configured.folder, 'communiques');
  if (!configuredFiles && !existsSync(fallback)) return [];
  const inputs = await inputFiles(configuredFiles ? [] : [relative(io.cwd, fallback) || '.'], configured, io);
  if (!inputs.ok) return [];
  const known: KnownCommunique[] = [];
  for (const file of inputs.files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file.path);
    } catch {
      continue;
    }
    const data = loadCommunique(bytes).data;
    if (data) known.push({ stem: basename(file.path, extname(file.path)), data });
  }
  return known;
}

async function askGroup(ask: Prompts, candidates: readonly Group[]): Promise<Group> {
  if (candidates.length > 0) {
    const chosen = await ask.select<number>('group', {
      message: 'Which group met?',
      choices: [
        ...candidates.map((group, index) => ({ name: group.short_name ? `${group.name} (${group.short_name})` : group.name, value: index })),
        { name: 'another group…', value: -1 },
      ],
    });
    if (chosen >= 0) return candidates[chosen]!;
  }
  const name = (await ask.input('groupName', { message: 'The group\'s full name', validate: (value) => textProblem(value, 'the group\'s name') ?? true })).trim();
  const existing = findGroup(name, candidates);
  if (existing) return existing;
  const shortName = (
    await ask.input('groupShortName', {
      message: 'Its short name or acronym, e.g. NLG (blank for none)',
      default: '',
      validate: (value) => (value.trim() === '' || slugify(value) !== '' ? true : 'use letters or digits in the short name'),
    })
  ).trim();
  return shortName ? { name, short_name: shortName } : { name };
}

async function askAttendance(ask: Prompts, members: readonly Attendee[], from: string): Promise<Attendee[]> {
  const defaults = settleAttendance(members);
  const attended = await ask.checkbox<string>('attended', {
    message: `Who attended? (members carried from ${from}; those not ticked sent apologies)`,
    choices: defaults.map((member) => ({
      name: member.kind === 'proxy' ? `${member.name} (proxy)` : member.name,
      value: member.id,
      checked: ATTENDED.has(member.attendance ?? 'present'),
    })),
    validate: (ids) => proxyProblem(markAttendance(members, ids)) ?? true,
  });
  return markAttendance(members, attended);
}

function markAttendance(members: readonly Attendee[], attended: readonly string[]): Attendee[] {
  return members.map((member) => ({
    ...member,
    attendance: (attended.includes(member.id) ? 'present' : member.kind === 'proxy' ? 'absent' : 'apology') as Attendance,
  }));
}

async function askNewAttendees(ask: Prompts, listed: Attendee[]): Promise<Attendee[]> {
  const attendees = [...listed];
  for (;;) {
    const more = await ask.confirm('addAttendee', {
      message: attendees.length === 0 ? 'Add an attendee?' : 'Add another attendee (someone new)?',
      default: attendees.length === 0,
    });
    if (!more) return attendees;
    const name = (await ask.input('attendeeName', { message: 'Their name', validate: (value) => textProblem(value, 'a name') ?? true })).trim();
    const id = (
      await ask.input('attendeeId', {
        message: 'Their id (used for the chair and action owners)',
        default: slugify(name),
        validate: (value) =>
          attendeeIdProblem(value.trim()) ?? (attendees.some((attendee) => attendee.id === value.trim()) ? `\`${value.trim()}\` is already an attendee's id` : true),
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

type FoundDraftTemplate = { ok: true; source: string } | { ok: false; message: string };

/** `<folder>/<name>/new.md.hbs`: the project's templates first, then the built-in ones. */
function findDraftTemplate(name: string, projectFolder: string | undefined): FoundDraftTemplate {
  const folders = [projectFolder, builtInTemplates()].filter((folder) => folder !== undefined);
  for (const folder of folders) {
    const path = join(folder, name, 'new.md.hbs');
    if (existsSync(path)) return { ok: true, source: readFileSync(path, 'utf8') };
  }
  return { ok: false, message: `there is no draft template named \`${name}\`; a draft template is a new.md.hbs in ${folders.map((folder) => join(folder, name)).join(' or ')}` };
}

function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown.replace(/\\/g, '/') : path;
}

function reportDraftProblems(io: Io, problems: ReturnType<typeof checkText>['messages'], where: string): void {
  if (problems.length === 0) return;
  io.stderr.write(`communique: ${where} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} carried from the last communiqué; run \`communique validate\` on it:\n`);
  for (const problem of problems) io.stderr.write(`  ${problem.line}:${problem.column}  ${problem.message}  ${problem.ruleId}\n`);
}

/** `--open`: hand the new draft to the person's editor, on a terminal only. */
async function openInEditor(path: string, io: Io): Promise<void> {
  if (!canPrompt(io)) return;
  const editor = io.env.VISUAL || io.env.EDITOR;
  if (!editor) {
    io.stderr.write('communique: set $VISUAL or $EDITOR to open the draft in your editor\n');
    return;
  }
  // The editor setting may carry arguments (`code --wait`), so the shell reads it; the path is quoted.
  const quoted = `'${path.replace(/'/g, `'\\''`)}'`;
  const code = await new Promise<number | null>((done) => {
    const child = spawn(`${editor} ${quoted}`, { stdio: 'inherit', shell: true, cwd: io.cwd, env: { ...io.env } as NodeJS.ProcessEnv });
    child.on('error', () => done(null));
    child.on('close', (exit) => done(exit));
  });
  if (code !== 0) io.stderr.write(`communique: the editor (${editor}) did not finish cleanly; the draft is saved at ${displayPath(path, io.cwd)}\n`);
}
