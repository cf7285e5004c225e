/**
 * `field/block-markdown`: an agreement's or an action's text is a line of text, which may
 * hold inline Markdown (emphasis, links) but not blocks — a list, a heading, a quote, a
 * code block or a second paragraph — that every format would have to lay out as a table
 * cell or a list item.
 */
import { asList, asRecord, asString } from '../../model.js';
import type { RuleContext } from './context.js';

const BLOCK = [
  { pattern: /\n[ \t]*\n/, what: 'a second paragraph' },
  { pattern: /(?:^|\n)[ \t]{0,3}(?:[-+*]|\d{1,9}[.)])[ \t]+\S/, what: 'a list' },
  { pattern: /(?:^|\n)[ \t]{0,3}#{1,6}(?:[ \t]|$)/, what: 'a heading' },
  { pattern: /(?:^|\n)[ \t]{0,3}>/, what: 'a quote' },
  { pattern: /(?:^|\n)[ \t]{0,3}(?:```|~~~)/, what: 'a code block' },
];

export function checkFieldMarkdown(context: RuleContext): void {
  for (const [list, noun] of [
    ['agreements', 'Agreement'],
    ['actions', 'Action'],
  ] as const) {
    asList(context.data[list]).forEach((item, index) => {
      const record = asRecord(item);
      const text = asString(record?.text);
      if (!record || !text) return;
      // A list item's marker at the very start is the text starting with a number or a dash, not a list.
      const found = BLOCK.find(({ pattern }) => pattern.test(text.includes('\n') ? text : `x${text}`));
      if (!found) return;
      const label = asString(record.id) ?? String(index + 1);
      context.report(
        'field/block-markdown',
        `${noun} \`${label}\`'s text holds ${found.what}; it is one line of text`,
        context.at([list, index, 'text']),
        'Keep the text to one paragraph (emphasis and links are fine); put a longer account in the body.',
      );
    });
  }
}
