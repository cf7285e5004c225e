/**
 * The block structure of a communiqué body that the checks need — its headings, and which
 * lines are code — found by a line scanner that follows CommonMark's rules for ATX and
 * setext headings, fenced code and HTML comments.
 *
 * Why not remark here: `validate` runs on every save and over archives of thousands of
 * files, and importing and running remark costs more than everything else `validate`
 * does together. Rendering uses remark; the tests hold this scanner to remark's answers.
 */
export interface Heading {
  depth: number;
  text: string;
  /** Offsets into the body of the heading's first line, from its first non-space character. */
  start: number;
  end: number;
}

export interface BodyOutline {
  headings: Heading[];
}

const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}((\*[ \t]*){3,}|(-[ \t]*){3,}|(_[ \t]*){3,})$/;
const LIST_ITEM = /^ {0,3}([-+*]|\d{1,9}[.)])([ \t]|$)/;
const BLOCK_QUOTE = /^ {0,3}>/;
/** Block-quote markers and list-item markers at the start of a line, nested or not. */
const CONTAINER_PREFIX = /^(?: {0,3}(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])[ \t]+))+/;
const HTML_COMMENT_OPEN = /^ {0,3}<!--/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

interface Fence {
  char: string;
  length: number;
}

/** A code fence or an ATX heading opening `text` (a whole line, or what follows a quote or list marker at `start`). */
function fenceOrHeading(text: string, start: number, end: number): { fence: Fence } | { heading: Heading } | undefined {
  const opening = FENCE_OPEN.exec(text);
  if (opening && !(opening[2]![0] === '`' && opening[3]!.includes('`')))
    return { fence: { char: opening[2]![0]!, length: opening[2]!.length } };
  const atx = ATX.exec(text);
  if (!atx) return undefined;
  return {
    heading: {
      depth: atx[1]!.length,
      text: atx[2]!.replace(/^#+$/, '').trim(),
      start: start + text.length - text.trimStart().length,
      end,
    },
  };
}

export function outlineBody(body: string): BodyOutline {
  const headings: Heading[] = [];
  let fence: Fence | undefined;
  let inComment = false;
  /** The open paragraph a setext underline would turn into a heading. */
  let paragraph: { start: number; lines: string[]; canBeSetext: boolean } | undefined;

  let offset = 0;
  while (offset <= body.length) {
    const newline = body.indexOf('\n', offset);
    const lineEnd = newline === -1 ? body.length : newline;
    const line = body.slice(offset, lineEnd).replace(/\r$/, '');
    const lineStart = offset;
    offset = lineEnd + 1;
    if (newline === -1 && lineStart === body.length) break;

    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (line.trim() === '') {
      paragraph = undefined;
      continue;
    }

    const setext = SETEXT.exec(line);
    if (setext && paragraph?.canBeSetext) {
      const text = paragraph.lines.join(' ').trim();
      const first = paragraph.lines[0]!;
      const indent = first.length - first.trimStart().length;
      headings.push({
        depth: setext[1]![0] === '=' ? 1 : 2,
        text,
        start: paragraph.start + indent,
        end: paragraph.start + first.length,
      });
      paragraph = undefined;
      continue;
    }
    // A table's delimiter row under a paragraph line makes it a table, not a heading.
    if (paragraph && line.includes('|') && TABLE_DELIMITER.test(line)) {
      paragraph.canBeSetext = false;
      continue;
    }

    const opened = fenceOrHeading(line, lineStart, lineStart + line.length);
    if (opened) {
      if ('fence' in opened) fence = opened.fence;
      else headings.push(opened.heading);
      paragraph = undefined;
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      paragraph = undefined;
      continue;
    }
    if (HTML_COMMENT_OPEN.test(line)) {
      inComment = !line.slice(line.indexOf('<!--') + 4).includes('-->');
      paragraph = undefined;
      continue;
    }
    const container = CONTAINER_PREFIX.exec(line)?.[0];
    if (container) {
      // A heading or a code fence can open inside a quote or a list item: `> # Heading`.
      const inside = fenceOrHeading(
        line.slice(container.length),
        lineStart + container.length,
        lineStart + line.length,
      );
      if (inside) {
        if ('fence' in inside) fence = inside.fence;
        else headings.push(inside.heading);
        paragraph = undefined;
        continue;
      }
    }
    if (LIST_ITEM.test(line) || BLOCK_QUOTE.test(line)) {
      // Text inside list items and quotes cannot be underlined into a top-level heading.
      paragraph = { start: lineStart, lines: [line], canBeSetext: false };
      continue;
    }
    if (paragraph) {
      paragraph.lines.push(line);
      continue;
    }
    // Four spaces of indentation outside a paragraph is indented code.
    if (/^( {4}|\t)/.test(line)) continue;
    paragraph = { start: lineStart, lines: [line], canBeSetext: true };
  }
  return { headings };
}
