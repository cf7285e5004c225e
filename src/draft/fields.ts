import { realDate } from '../core/dates.js';
import { ATTENDANCES, ATTENDEE_ID, ATTENDEE_ID_RULE, KINDS, MODES } from '../core/vocabulary.js';

/**
 * The rules one answer must meet, taken from the schemas `validate` uses, so that a prompt
 * or a flag refuses exactly what `validate` would. Each check returns what is wrong, in
 * words for the person typing, or undefined when the answer is fine.
 */

export function dateProblem(value: string): string | undefined {
  if (realDate(value)) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `${value} is not a real day; check the month and the day`
    : `write the date as YYYY-MM-DD, e.g. 2021-11-16 (not ${JSON.stringify(value)})`;
}

export function numberProblem(value: string): string | undefined {
  return /^[1-9]\d*$/.test(value.trim())
    ? undefined
    : `the meeting number is a whole number, 1 or more (not ${JSON.stringify(value)})`;
}

export function modeProblem(value: string): string | undefined {
  return (MODES as readonly string[]).includes(value)
    ? undefined
    : `the meeting mode is one of ${MODES.join(', ')} (not ${JSON.stringify(value)})`;
}

export function attendanceProblem(value: string): string | undefined {
  return (ATTENDANCES as readonly string[]).includes(value)
    ? undefined
    : `attendance is one of ${ATTENDANCES.join(', ')} (not ${JSON.stringify(value)})`;
}

export function kindProblem(value: string): string | undefined {
  return (KINDS as readonly string[]).includes(value)
    ? undefined
    : `an attendee's kind is one of ${KINDS.join(', ')} (not ${JSON.stringify(value)})`;
}

export function attendeeIdProblem(value: string): string | undefined {
  return ATTENDEE_ID.test(value) ? undefined : `\`${value}\` is not an attendee id: ${ATTENDEE_ID_RULE}`;
}

export function textProblem(value: string, what: string): string | undefined {
  return value.trim() === '' ? `give ${what}` : undefined;
}

/** `a, b ,c` → `['a', 'b', 'c']`; blank items are dropped. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
