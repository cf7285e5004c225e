/**
 * The communiqué model. The types are generated from schemas/*.schema.json (the schemas
 * are the one statement of the format); these names are the ones the code uses, and the
 * helpers read front matter that has not (yet) passed the schema.
 */
import type { Action, Agreement, Attendee, Communique, CommuniqueConfiguration, Meeting } from '../generated/model.js';

export type { Action, Agreement, Attendee, Communique, CommuniqueConfiguration, Meeting };

export type Stage = Communique['status'];
export type MeetingMode = Meeting['mode'];
export type AttendeeKind = NonNullable<Attendee['kind']>;
export type Attendance = NonNullable<Attendee['attendance']>;
export type ActionStatus = Action['status'];
export type AgreementVerb = Agreement['verb'];
export type Group = Meeting['group'];

/** A value as a list: a single string becomes a one-item list; anything else, none. */
export function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
