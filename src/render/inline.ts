/**
 * Agreement and action text, which may hold inline Markdown (emphasis, links), as the
 * phrasing nodes every renderer writes.
 */
import type { PhrasingContent } from 'mdast';
import { parseBody } from './body.js';
import { cleanTree, cleanValue } from './controls.js';
import { withSafeLinks } from './links.js';
import { phrasing } from './view-parts.js';

/**
 * Text with nothing Markdown would read differently — on one line, no emphasis, code, link,
 * reference, HTML, escape or autolink — is that text: no parser needed, and most agreements and
 * actions are such text (a parse for each of them was a third of the time an HTML rendering took).
 */
const MIGHT_BE_MARKDOWN =
  /^ {4}|[\\`*_[\]<>&!~|#\n\t]|www\.|@|(?:https?|mailto|xmpp):|^\s*(?:\d{1,9}[.)]|[-+=])(?:\s|$)/i;

export function inline(text: string): PhrasingContent[] {
  if (!MIGHT_BE_MARKDOWN.test(text)) {
    const value = cleanValue(text.replace(/^[ \t]+|[ \t]+$/g, ''));
    return value === '' ? [] : [{ type: 'text', value }];
  }
  return parsedInline(text);
}

/** Agreement or action text read as Markdown, for the text `inline` cannot take as it is (exported for its test). */
export function parsedInline(text: string): PhrasingContent[] {
  return withSafeLinks({
    type: 'root',
    children: [{ type: 'paragraph', children: phrasing(cleanTree(parseBody(text))) }],
  }).children.flatMap((block) => (block.type === 'paragraph' ? block.children : []));
}
