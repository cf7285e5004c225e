/**
 * The quick reading of a body that is only headings and paragraphs of plain text — what
 * most communiqués are. Markdown's parser spends its time per line rather than per
 * character (some 10–20 µs a line, however short), so a body of sixty lines of prose cost
 * more to parse than everything else an HTML rendering does. This reader accepts only lines
 * whose meaning cannot depend on anything around them, builds exactly the tree (positions
 * included) that remark builds for them, and answers undefined for anything else, which
 * remark then reads. `test/plain-body.test.ts` holds it to remark over generated bodies.
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import type { Point } from 'unist';

/**
 * What may start a block or open a container at the start of a line: indentation, `#`, `>`,
 * list markers and thematic breaks (`-`, `+`, `*`, `_`), setext underlines (`=`), fences,
 * HTML, link definitions, tables, and an ordered list's `1.` or `1)`.
 */
const BLOCK_START = /^(?:[\s#>+*=_`~<[|-]|\d{1,9}[.)](?:[ \t]|$))/;

/**
 * Anything inline Markdown reads as more than text: escapes, code, emphasis, links and
 * images, HTML and autolinks, character references, GFM's strikethrough, tables and
 * autolink literals; control characters (a NUL is replaced, a CR ends a line), a byte order
 * mark, and white space at the end of a line (a hard break, or trimmed).
 */
const INLINE_MARKDOWN = /[\0-\x1f\x7f\\`*_[\]<>&!~|@\ufeff]|www\.|https?:|\s$/i;

/** An ATX heading with one space before its text, and no `#` in the text (a closing sequence). */
const HEADING = /^(#{1,6}) (?=[^\s#])([^#]*)$/;

/** The tree remark would build for `markdown`, or undefined when it holds more than plain headings and paragraphs. */
export function plainBody(markdown: string): Root | undefined {
  const children: RootContent[] = [];
  let line = 1;
  let offset = 0;
  let paragraph: { start: Required<Point>; end: Required<Point> } | undefined;
  const closeParagraph = () => {
    if (!paragraph) return;
    const { start, end } = paragraph;
    const node: Paragraph = {
      type: 'paragraph',
      children: [
        {
          type: 'text',
          value: markdown.slice(start.offset, end.offset),
          position: { start: { ...start }, end: { ...end } },
        },
      ],
      position: { start, end },
    };
    children.push(node);
    paragraph = undefined;
  };
  for (;;) {
    let end = markdown.indexOf('\n', offset);
    if (end === -1) end = markdown.length;
    const text = markdown.slice(offset, end);
    if (text === '') closeParagraph();
    else if (text.charCodeAt(0) === 35 /* # */) {
      const heading = HEADING.exec(text);
      if (!heading || INLINE_MARKDOWN.test(heading[2]!)) return undefined;
      closeParagraph();
      const depth = heading[1]!.length;
      const lineEnd = { line, column: text.length + 1, offset: end };
      const node: Heading = {
        type: 'heading',
        depth: depth as Heading['depth'],
        children: [
          {
            type: 'text',
            value: heading[2]!,
            position: { start: { line, column: depth + 2, offset: offset + depth + 1 }, end: { ...lineEnd } },
          },
        ],
        position: { start: { line, column: 1, offset }, end: lineEnd },
      };
      children.push(node);
    } else {
      if (BLOCK_START.test(text) || INLINE_MARKDOWN.test(text)) return undefined;
      const lineEnd = { line, column: text.length + 1, offset: end };
      if (paragraph) paragraph.end = lineEnd;
      else paragraph = { start: { line, column: 1, offset }, end: lineEnd };
    }
    if (end === markdown.length) break;
    offset = end + 1;
    line++;
  }
  closeParagraph();
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line, column: markdown.length - offset + 1, offset: markdown.length },
    },
  };
}
