/**
 * What a communiqué needs and a draft does not have yet — agreements, actions, the next
 * meeting, a contact — as commented-out examples at the end of the front matter: ready to
 * fill in by removing the `#`, and invisible to `validate` until then. Pure.
 */
import type { Attendee } from '../core/model.js';

export interface ScaffoldContext {
  /** Who an example action may name as its owner: the first attendee, if there is one. */
  attendees: readonly Attendee[];
  /** The number the next new action takes, after those carried. */
  nextAction: number;
}

/** The commented examples for whatever `data` lacks; empty when it lacks nothing. */
export function scaffoldComments(data: Record<string, unknown>, context: ScaffoldContext): string {
  const owner = context.attendees.find((attendee) => attendee.kind !== 'proxy')?.id ?? 'an-attendee-id';
  const parts: string[][] = [];
  if (data.agreements === undefined)
    parts.push([
      'agreements:',
      '  - id: AGR-1',
      '    verb: agreed  # or endorsed, noted, approved, adopted, …',
      '    text: "TODO: what was agreed, in words that follow the verb"',
    ]);
  if (data.actions === undefined)
    parts.push([
      'actions:',
      `  - id: ACT-${context.nextAction}`,
      '    text: "TODO: what is to be done."',
      `    owner: ${owner}  # an attendee's id or an organisation`,
      '    due: YYYY-MM-DD  # or a phrase such as "next meeting"',
      '    status: open',
    ]);
  if (data.next_meeting === undefined) parts.push(['next_meeting:', '  date: YYYY-MM-DD  # or YYYY-MM']);
  if (data.contact === undefined)
    parts.push(['contact:', '  name: The Secretariat', '  email: secretariat@example.org']);
  if (parts.length === 0) return '';
  const lines = [
    '# Still to fill in: remove the # from the lines you use.',
    ...parts.flat().map((line) => `# ${line}`),
  ];
  return `${lines.join('\n')}\n`;
}
