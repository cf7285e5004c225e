/**
 * The words of the format — stages, meeting modes, attendances, kinds of attendee, action
 * statuses, agreement verbs — read from the schemas, so that a prompt, a flag, a rule and
 * a renderer all accept exactly what `validate` does. The facts the schemas cannot state
 * (which attendances mean someone was there, which statuses close an action) are stated
 * here, once.
 */
import actionSchema from '../../schemas/action.schema.json' with { type: 'json' };
import agreementSchema from '../../schemas/agreement.schema.json' with { type: 'json' };
import attendeeSchema from '../../schemas/attendee.schema.json' with { type: 'json' };
import communiqueSchema from '../../schemas/communique.schema.json' with { type: 'json' };
import meetingSchema from '../../schemas/meeting.schema.json' with { type: 'json' };
import type { ActionStatus, AgreementVerb, Attendance, AttendeeKind, MeetingMode, Stage } from './model.js';

export const STAGES = communiqueSchema.properties.status.enum as readonly Stage[];
export const MODES = meetingSchema.properties.mode.enum as readonly MeetingMode[];
export const ATTENDANCES = attendeeSchema.properties.attendance.enum as readonly Attendance[];
export const KINDS = attendeeSchema.properties.kind.enum as readonly AttendeeKind[];
export const ACTION_STATUSES = actionSchema.properties.status.enum as readonly ActionStatus[];
export const VERBS = agreementSchema.properties.verb.enum as readonly AgreementVerb[];

/** The pattern an attendee id follows, and how to say so. */
export const ATTENDEE_ID = new RegExp(attendeeSchema.properties.id.pattern);
export const ATTENDEE_ID_RULE = attendeeSchema.properties.id.patternErrorMessage;

/** Attendances in which a person was at the meeting (for at least part of it). */
export const ATTENDED: ReadonlySet<string> = new Set<Attendance>(['present', 'remote', 'partial']);

/** Whether someone was at the meeting; no attendance given means present. */
export function attended(attendance: string | undefined): boolean {
  return ATTENDED.has(attendance ?? 'present');
}

/** A proxy stands in for a member who could not attend: both at the meeting is a contradiction. */
export function proxyConflicts(proxyAttendance: string | undefined, principalAttendance: string | undefined): boolean {
  return attended(proxyAttendance) && attended(principalAttendance);
}

/** Statuses that close an action: it is never overdue and never carried forward. */
export const CLOSED_STATUSES: ReadonlySet<string> = new Set<ActionStatus>(['done', 'dropped']);

export function stageRank(stage: Stage): number {
  return STAGES.indexOf(stage);
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function isMode(value: unknown): value is MeetingMode {
  return typeof value === 'string' && (MODES as readonly string[]).includes(value);
}
