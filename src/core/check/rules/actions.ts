import { asList, asRecord, asString } from '../../model.js';
import { formatDay, isoDate, realDate, unambiguousDate } from '../../dates.js';
import { closest, normalise } from '../../text.js';
import { CLOSED_STATUSES } from '../../vocabulary.js';
import type { RuleContext } from './context.js';
import { lastMeetingDay } from './meeting.js';

/**
 * `action/owner-unknown`: every owner is an attendee id, an attendee's organisation, the
 * group itself, or an organisation the project's config names.
 */
export function checkActionOwners(context: RuleContext): void {
  const attendeeIds: string[] = [];
  const known = new Set<string>();
  for (const item of asList(context.data.attendees)) {
    const record = asRecord(item);
    const id = asString(record?.id);
    if (id) attendeeIds.push(id);
    const organisation = asString(record?.organisation);
    if (organisation) known.add(normalise(organisation));
  }
  const group = asRecord(asRecord(context.data.meeting)?.group);
  for (const name of [group?.name, group?.short_name]) if (typeof name === 'string') known.add(normalise(name));
  for (const organisation of context.organisations) known.add(normalise(organisation));
  const ids = new Set(attendeeIds);

  asList(context.data.actions).forEach((item, index) => {
    const action = asRecord(item);
    if (!action) return;
    const label = asString(action.id) ?? String(index + 1);
    const single = !Array.isArray(action.owner);
    asList(action.owner).forEach((value, ownerIndex) => {
      const owner = asString(value);
      if (!owner || ids.has(owner) || known.has(normalise(owner))) return;
      const suggestion = closest(owner, attendeeIds);
      context.report(
        'action/owner-unknown',
        `Action \`${label}\` is owned by \`${owner}\`, who is not among the attendees or known organisations`,
        context.at(single ? ['actions', index, 'owner'] : ['actions', index, 'owner', ownerIndex]),
        suggestion
          ? `Did you mean the attendee \`${suggestion}\`?`
          : "Use an attendee id or an attendee's organisation, or list the organisation under `organisations` in communique.config.json.",
      );
    });
  });
}

/**
 * `action/due-format`: a due date written as a date, but not as YYYY-MM-DD, can never be
 * reported overdue; when it can only mean one day, `--fix` writes it the checkable way.
 */
export function checkActionDueFormat(context: RuleContext): void {
  asList(context.data.actions).forEach((item, index) => {
    const action = asRecord(item);
    const due = asString(action?.due);
    if (!action || !due || realDate(due)) return;
    const label = asString(action.id) ?? String(index + 1);
    const path = ['actions', index, 'due'];
    const iso = unambiguousDate(due);
    if (iso) {
      const fix = context.replace(path, 'value', iso);
      const hint = `Write it as ${iso}, so that it can be checked and reported when overdue.`;
      context.report(
        'action/due-format',
        `Action \`${label}\` is due on \`${due}\`, a date not written as YYYY-MM-DD`,
        context.at(path),
        hint,
        fix,
      );
      return;
    }
    const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(due.trim());
    if (!numeric) return;
    const [, a, b, year] = numeric;
    const one = isoDate(Number(year), Number(b), Number(a));
    const other = isoDate(Number(year), Number(a), Number(b));
    if (!one || !other) return;
    context.report(
      'action/due-format',
      `Action \`${label}\` is due on \`${due}\`, which could be ${formatDay(one)} or ${formatDay(other)}`,
      context.at(path),
      `Write the day you mean as YYYY-MM-DD: ${one} or ${other}.`,
    );
  });
}

/** `action/due-before-meeting`: an open action is due after the meeting that lists it. */
export function checkActionDueDates(context: RuleContext): void {
  const last = lastMeetingDay(context.data);
  if (!last) return;
  asList(context.data.actions).forEach((item, index) => {
    const action = asRecord(item);
    const due = realDate(action?.due);
    const status = asString(action?.status);
    if (!action || !due || CLOSED_STATUSES.has(String(status)) || due > last) return;
    const label = asString(action.id) ?? String(index + 1);
    context.report(
      'action/due-before-meeting',
      `Action \`${label}\` is due on ${due}, ${due === last ? 'the day of' : 'before'} the meeting (${last})`,
      context.at(['actions', index, 'due']),
      action.carried_from ? 'It is overdue: set a new due date, or mark it `done` or `dropped`.' : undefined,
    );
  });
}
