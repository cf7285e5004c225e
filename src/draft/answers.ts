/**
 * The answers a draft is made from, whichever way they came: flags, an answers file, the
 * prompts. Every field is optional here; what is still missing is decided later.
 */
import type { Attendance, Attendee, AttendeeKind, MeetingMode } from '../core/model.js';
import { asRecord } from '../core/model.js';
import {
  attendanceProblem,
  attendeeIdProblem,
  dateProblem,
  kindProblem,
  modeProblem,
  numberProblem,
  splitList,
  textProblem,
} from './fields.js';

export interface DraftAnswers {
  /** A group's name or short name as typed, or the group itself. */
  group?: string | { name: string; short_name?: string };
  date?: string;
  number?: number;
  mode?: MeetingMode;
  place?: string;
  chair?: string[];
  title?: string;
  sections?: string[];
  /** Attendance of carried attendees by id, e.g. `{ "ray-griggs": "apology" }`. */
  attendance?: Record<string, Attendance>;
  /** Attendees to add (or, with a carried attendee's id, to replace them). */
  attendees?: Attendee[];
}

export type ParsedAnswers = { ok: true; answers: DraftAnswers } | { ok: false; problems: string[] };

const KEYS = ['group', 'date', 'number', 'mode', 'place', 'chair', 'title', 'sections', 'attendance', 'attendees'];

/** Answers from a JSON file: every problem at once, each naming the key it is about. */
export function parseAnswersJson(text: string, source: string): ParsedAnswers {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`${source} is not valid JSON (${(error as Error).message})`] };
  }
  const record = asRecord(data);
  if (!record)
    return { ok: false, problems: [`${source} must hold a JSON object, e.g. { "group": "NLG", "mode": "virtual" }`] };
  const problems: string[] = [];
  const answers: DraftAnswers = {};
  const problem = (key: string, message: string): void => {
    problems.push(`${source}: \`${key}\`: ${message}`);
  };
  for (const key of Object.keys(record)) {
    if (!KEYS.includes(key)) problem(key, `is not an answer communique knows; the answers are ${KEYS.join(', ')}`);
  }
  const text_ = (key: string, what: string): string | undefined => {
    const value = record[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || textProblem(value, what)) return void problem(key, `give ${what} as text`);
    return value.trim();
  };

  const group = record.group;
  if (group !== undefined) {
    const asGroup = asRecord(group);
    if (typeof group === 'string' && group.trim() !== '') answers.group = group.trim();
    else if (
      asGroup &&
      typeof asGroup.name === 'string' &&
      asGroup.name.trim() !== '' &&
      (asGroup.short_name === undefined || typeof asGroup.short_name === 'string')
    ) {
      answers.group = {
        name: asGroup.name.trim(),
        ...(asGroup.short_name ? { short_name: String(asGroup.short_name).trim() } : {}),
      };
    } else problem('group', 'give the group as its name, or as { "name": …, "short_name": … }');
  }
  const date = text_('date', 'the meeting date');
  if (date !== undefined) {
    const wrong = dateProblem(date);
    if (wrong) problem('date', wrong);
    else answers.date = date;
  }
  if (record.number !== undefined) {
    const wrong = numberProblem(String(record.number));
    if (wrong || typeof record.number === 'boolean')
      problem('number', wrong ?? 'the meeting number is a whole number, 1 or more');
    else answers.number = Number(record.number);
  }
  const mode = text_('mode', 'the meeting mode');
  if (mode !== undefined) {
    const wrong = modeProblem(mode);
    if (wrong) problem('mode', wrong);
    else answers.mode = mode as MeetingMode;
  }
  const place = text_('place', 'the meeting place');
  if (place !== undefined) answers.place = place;
  const title = text_('title', 'the title');
  if (title !== undefined) answers.title = title;
  const chair = stringList(record.chair);
  if (chair === null) problem('chair', 'give the chair as a name or attendee id, or a list of them for co-chairs');
  else if (chair && chair.length > 0) answers.chair = chair;
  const sections = stringList(record.sections);
  if (sections === null) problem('sections', 'give the sections as a list of headings');
  else if (sections) answers.sections = sections;

  if (record.attendance !== undefined) {
    const attendance = asRecord(record.attendance);
    if (!attendance) problem('attendance', 'give attendance by attendee id, e.g. { "ray-griggs": "apology" }');
    else {
      answers.attendance = {};
      for (const [id, value] of Object.entries(attendance)) {
        const wrong = attendeeIdProblem(id) ?? attendanceProblem(String(value));
        if (wrong) problem(`attendance.${id}`, wrong);
        else answers.attendance[id] = value as Attendance;
      }
    }
  }
  if (record.attendees !== undefined) {
    if (!Array.isArray(record.attendees))
      problem('attendees', 'give the attendees to add as a list of { "id", "name", … }');
    else {
      answers.attendees = [];
      record.attendees.forEach((item, index) => {
        const attendee = asRecord(item);
        const where = `attendees[${index}]`;
        if (
          !attendee ||
          typeof attendee.id !== 'string' ||
          typeof attendee.name !== 'string' ||
          attendee.name.trim() === ''
        ) {
          problem(where, 'each attendee needs an `id` and a `name`');
          return;
        }
        const extra = Object.keys(attendee).filter((key) => !ATTENDEE_KEYS.has(key));
        const notText = TEXT_FIELDS.filter((key) => attendee[key] !== undefined && typeof attendee[key] !== 'string');
        const wrong = [
          attendeeIdProblem(attendee.id),
          attendee.kind === undefined ? undefined : kindProblem(String(attendee.kind)),
          attendee.attendance === undefined ? undefined : attendanceProblem(String(attendee.attendance)),
          ...extra.map(
            (key) => `\`${key}\` is not a field of an attendee; the fields are ${[...ATTENDEE_KEYS].join(', ')}`,
          ),
          ...notText.map((key) => `give \`${key}\` as text`),
        ].filter((message) => message !== undefined);
        for (const message of wrong) problem(where, message);
        if (wrong.length > 0) return;
        const added: Attendee = { id: attendee.id, name: attendee.name.trim() };
        for (const key of TEXT_FIELDS) if (typeof attendee[key] === 'string') added[key] = attendee[key];
        if (attendee.kind !== undefined) added.kind = attendee.kind as AttendeeKind;
        if (attendee.attendance !== undefined) added.attendance = attendee.attendance as Attendance;
        answers.attendees!.push(added);
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

/** The fields an added attendee may have, as the attendee schema names them. */
const TEXT_FIELDS = ['honorific', 'post_nominals', 'role', 'organisation', 'represents', 'proxy_for'] as const;
const ATTENDEE_KEYS = new Set(['id', 'name', ...TEXT_FIELDS, 'kind', 'attendance']);

/** A string or a list of strings as a list; undefined when absent; null when neither. */
function stringList(value: unknown): string[] | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return splitList(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.map((item) => item.trim()).filter((item) => item !== '');
  return null;
}
