import { asList, asRecord, asString } from '../../model.js';
import type { RuleContext } from './context.js';

const LISTS = [
  ['attendees', 'Attendee'],
  ['agreements', 'Agreement'],
  ['actions', 'Action'],
] as const;

/** `id/duplicate`: every attendee, agreement and action has its own id within its list. */
export function checkUniqueIds(context: RuleContext): void {
  for (const [list, noun] of LISTS) {
    const firstIndex = new Map<string, number>();
    asList(context.data[list]).forEach((item, index) => {
      const id = asString(asRecord(item)?.id);
      if (!id) return;
      const earlier = firstIndex.get(id);
      if (earlier === undefined) {
        firstIndex.set(id, index);
        return;
      }
      const earlierLine = context.at([list, earlier, 'id']).line;
      context.report(
        'id/duplicate',
        `${noun} id \`${id}\` is already used on line ${earlierLine}`,
        context.at([list, index, 'id']),
      );
    });
  }
}
