import type { MeetingMode } from '../core/model.js';
import type { DraftAnswers } from './answers.js';
import { dateProblem, modeProblem, numberProblem, splitList } from './fields.js';

/** The flags of `communique new` that answer a question, as commander hands them over. */
export interface DraftFlags {
  group?: string;
  date?: string;
  number?: string | number;
  mode?: string;
  place?: string;
  chair?: string;
  title?: string;
  sections?: string;
}

/** Flags to answers: every flag checked as `validate` would, every problem named with its flag. */
export function answersFromFlags(
  flags: DraftFlags,
): { ok: true; answers: DraftAnswers } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const answers: DraftAnswers = {};
  const text = (value: string | undefined, flag: string, what: string): string | undefined => {
    if (value === undefined) return undefined;
    if (value.trim() === '') return void problems.push(`${flag} needs ${what}`);
    return value.trim();
  };
  const checked = (
    value: string | undefined,
    flag: string,
    problem: (value: string) => string | undefined,
  ): string | undefined => {
    if (value === undefined) return undefined;
    const wrong = problem(value);
    if (wrong) return void problems.push(`${flag}: ${wrong}`);
    return value;
  };
  const group = text(flags.group, '--group', "the group's name or short name");
  if (group !== undefined) answers.group = group;
  const date = checked(text(flags.date, '--date', 'a date as YYYY-MM-DD'), '--date', dateProblem);
  if (date !== undefined) answers.date = date;
  const number = checked(flags.number === undefined ? undefined : String(flags.number), '--number', numberProblem);
  if (number !== undefined) answers.number = Number(number.trim());
  const mode = checked(text(flags.mode, '--mode', 'in-person, virtual or hybrid'), '--mode', modeProblem);
  if (mode !== undefined) answers.mode = mode as MeetingMode;
  const place = text(flags.place, '--place', 'the place the meeting was held');
  if (place !== undefined) answers.place = place;
  const title = text(flags.title, '--title', 'the title');
  if (title !== undefined) answers.title = title;
  if (flags.chair !== undefined) {
    // Ids or names: they are found among the attendees once those are known.
    const chair = splitList(flags.chair);
    if (chair.length === 0)
      problems.push("--chair needs the chair's name or attendee id, or several separated by commas");
    else answers.chair = chair;
  }
  if (flags.sections !== undefined) answers.sections = splitList(flags.sections);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}
