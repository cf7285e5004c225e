import { asList, asRecord, asString } from '../../model.js';
import { meetingDays, realDate } from '../../dates.js';
import { attended, stageRank } from '../../vocabulary.js';
import type { RuleContext } from './context.js';
import { attendeeIndex, describeAttendee } from './attendees.js';

/**
 * `meeting/chair-unknown`, `meeting/chair-absent`: the chair is an attendee who attended.
 * `meeting/chair-missing`: from `approved` on, the meeting names its chair, or says in
 * `chair_note` why it cannot.
 */
export function checkChair(context: RuleContext): void {
  const meeting = asRecord(context.data.meeting);
  if (!meeting) return;
  if (
    stageRank(context.stage) >= stageRank('approved') &&
    meeting.chair === undefined &&
    meeting.chair_note === undefined
  ) {
    context.report(
      'meeting/chair-missing',
      `The meeting names no chair, and the communiqué is checked at the \`${context.stage}\` stage`,
      context.at(['meeting'], 'key'),
    );
  }
  const attendees = attendeeIndex(context.data);
  const chair = meeting.chair;
  const single = !Array.isArray(chair);
  asList(chair).forEach((value, index) => {
    const id = asString(value);
    if (!id) return;
    const path = single ? ['meeting', 'chair'] : ['meeting', 'chair', index];
    const attendee = attendees.get(id);
    if (!attendee) {
      const known = [...attendees.keys()];
      context.report(
        'meeting/chair-unknown',
        `The chair \`${id}\` is not among the attendees`,
        context.at(path),
        known.length > 0
          ? `Use the id of an attendee (${known.map((name) => `\`${name}\``).join(', ')}), or add \`${id}\` to \`attendees\`.`
          : `Add \`${id}\` to \`attendees\`.`,
      );
      return;
    }
    const attendance = asString(attendee.record.attendance) ?? 'present';
    if (!attended(attendance)) {
      context.report(
        'meeting/chair-absent',
        `The chair ${describeAttendee(attendee.record, id)} is recorded as \`${attendance}\``,
        context.at(path),
      );
    }
  });
}

/** The last day of the meeting: its date, or the end of a meeting over several days. */
export function lastMeetingDay(data: Record<string, unknown>): string | undefined {
  return meetingDays(asRecord(data.meeting)).at(-1);
}

/** `meeting/date-order` and `meeting/next-before-meeting`. */
export function checkMeetingDates(context: RuleContext): void {
  const meeting = asRecord(context.data.meeting);
  const start = realDate(meeting?.start);
  const end = realDate(meeting?.end);
  if (start && end && end < start) {
    context.report(
      'meeting/date-order',
      `The meeting ends on ${end}, before it starts on ${start}`,
      context.at(['meeting', 'end']),
    );
  }

  const last = lastMeetingDay(context.data);
  const next = asString(asRecord(context.data.next_meeting)?.date);
  if (!last || !next) return;
  const nextDay = realDate(next);
  const nextMonth = /^\d{4}-(0[1-9]|1[0-2])$/.test(next) ? next : undefined;
  const before = nextDay ? nextDay <= last : nextMonth ? nextMonth < last.slice(0, 7) : false;
  if (before) {
    context.report(
      'meeting/next-before-meeting',
      `The next meeting (${next}) is not after this meeting (${last})`,
      context.at(['next_meeting', 'date']),
    );
  }
}
