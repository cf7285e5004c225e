/**
 * The questions for the rest of a communiqué, asked after who came: what was agreed, who
 * will do what, when the group meets next, and who to contact. Each can be skipped; what is
 * skipped is left in the draft as a commented example.
 */
import type { Action, Agreement, Attendee, Communique } from '../../core/model.js';
import { realDate } from '../../core/dates.js';
import { normalise } from '../../core/text.js';
import { VERBS } from '../../core/vocabulary.js';
import { dateProblem, textProblem } from '../../draft/fields.js';
import type { Prompts } from '../../io/prompts.js';

export async function askAgreements(ask: Prompts, verbs: readonly string[] = []): Promise<Omit<Agreement, 'id'>[]> {
  const agreements: Omit<Agreement, 'id'>[] = [];
  const choices = [...new Set([...VERBS, ...verbs])];
  while (
    await ask.confirm('addAgreement', {
      message: agreements.length === 0 ? 'Add an agreement?' : 'Add another agreement?',
      default: false,
    })
  ) {
    const verb = await ask.select<string>('agreementVerb', {
      message: 'The group…',
      choices: choices.map((value) => ({ name: value, value })),
      default: 'agreed',
    });
    const text = await ask.input('agreementText', {
      message: `…${verb} (the rest of the sentence)`,
      validate: (value) => textProblem(value, 'what was agreed') ?? true,
    });
    agreements.push({ verb: verb as Agreement['verb'], text: text.trim() });
  }
  return agreements;
}

/** New actions; the owner is chosen from the attendees, their organisations and the configured organisations. */
export async function askActions(
  ask: Prompts,
  attendees: readonly Attendee[],
  organisations: readonly string[],
  meetingDate: string,
): Promise<Omit<Action, 'id' | 'status'>[]> {
  const actions: Omit<Action, 'id' | 'status'>[] = [];
  const owners = ownerChoices(attendees, organisations);
  while (
    await ask.confirm('addAction', {
      message: actions.length === 0 ? 'Add a new action?' : 'Add another new action?',
      default: false,
    })
  ) {
    const text = await ask.input('actionText', {
      message: 'What is to be done?',
      validate: (value) => textProblem(value, 'what is to be done') ?? true,
    });
    const owner =
      owners.length > 0
        ? await ask.select<string>('actionOwner', { message: 'Who will do it?', choices: owners })
        : (
            await ask.input('actionOwner', {
              message: 'Who will do it? (an organisation)',
              validate: (value) => textProblem(value, 'who will do it') ?? true,
            })
          ).trim();
    const due = (
      await ask.input('actionDue', {
        message: 'When is it due? (YYYY-MM-DD, a phrase such as "next meeting", or blank)',
        default: '',
        validate: (value) => dueProblem(value.trim(), meetingDate) ?? true,
      })
    ).trim();
    actions.push({ text: text.trim(), owner, ...(due ? { due } : {}) });
  }
  return actions;
}

export async function askNextMeeting(ask: Prompts, meetingDate: string): Promise<Communique['next_meeting']> {
  const date = (
    await ask.input('nextMeetingDate', {
      message: 'When will the group next meet? (YYYY-MM-DD, YYYY-MM, or blank if not yet known)',
      default: '',
      validate: (value) => {
        const typed = value.trim();
        if (typed === '' || /^\d{4}-(0[1-9]|1[0-2])$/.test(typed)) return true;
        const wrong = dateProblem(typed);
        if (wrong) return wrong;
        return typed > meetingDate ? true : `the next meeting comes after this one (${meetingDate})`;
      },
    })
  ).trim();
  return date ? { date } : undefined;
}

export async function askContact(ask: Prompts): Promise<Communique['contact']> {
  const name = (
    await ask.input('contactName', { message: 'Who should readers contact? (blank for nobody)', default: '' })
  ).trim();
  if (name === '') return undefined;
  const email = (
    await ask.input('contactEmail', {
      message: 'Their email address (blank for none)',
      default: '',
      validate: (value) =>
        value.trim() === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
          ? true
          : 'give an email address such as secretariat@example.org',
    })
  ).trim();
  return email ? { name, email } : { name };
}

function ownerChoices(attendees: readonly Attendee[], organisations: readonly string[]) {
  const choices: { name: string; value: string }[] = [];
  const seen = new Set<string>();
  const add = (name: string, value: string) => {
    if (seen.has(normalise(value))) return;
    seen.add(normalise(value));
    choices.push({ name, value });
  };
  for (const attendee of attendees) if (!attendee.internal) add(attendee.name, attendee.id);
  for (const attendee of attendees) if (attendee.organisation) add(attendee.organisation, attendee.organisation);
  for (const organisation of organisations) add(organisation, organisation);
  return choices;
}

function dueProblem(typed: string, meetingDate: string): string | undefined {
  if (typed === '' || !/^\d/.test(typed)) return undefined;
  const day = realDate(typed);
  if (!day) return dateProblem(typed) ?? 'write the date as YYYY-MM-DD';
  return day > meetingDate ? undefined : `an action is due after the meeting (${meetingDate})`;
}
