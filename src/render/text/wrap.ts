/**
 * Filling text to a width, as an email shows it: widths are display columns, so Chinese,
 * Japanese and Korean characters count two, emoji as terminals show them, and combining
 * marks none.
 */
import stringWidth from 'string-width';

export const TEXT_WIDTH = 72;

/** A footnoted URL: the body says `text [number]`, the Links section says `[number] url`. */
export interface TextLink {
  number: number;
  url: string;
}

export interface BodyText {
  /** The laid-out body, without a trailing newline. */
  text: string;
  /** Footnoted URLs, in the order they are first referred to. */
  links: TextLink[];
}

// A space that must not become a line break: it keeps a link's `[1]` on the same line as
// the word it belongs to. Private-use, so it never clashes with a real character.
export const GLUE = '\uE000';
// A blank line inside a code block. The final clean-up squeezes runs of blank lines that
// templates leave behind, and a code block's own blank lines must survive that.
export const CODE_BLANK = '\uE001';

/** Columns a string takes up on a screen or in a fixed-width email. */
export function columns(text: string): number {
  return ONE_COLUMN_EACH.test(text) ? text.length : stringWidth(text);
}

/**
 * Text whose every character takes one column: printable ASCII, and the Latin letters,
 * signs and spacing modifiers up to U+02FF but the soft hyphen (which takes none). Combining
 * marks start at U+0300. Measuring such text by its length spares string-width's
 * grapheme-by-grapheme pass (a French or Māori title is not ASCII, but is this).
 */
const ONE_COLUMN_EACH = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff]*$/;

let segmenter: Intl.Segmenter | undefined;
const graphemes = () => {
  segmenter ??= new Intl.Segmenter();
  return segmenter;
};

/**
 * A text cut at a word to at most `width` columns, with an ellipsis: for a running title,
 * which a page margin can neither wrap nor clip. Text that fits is returned as it is.
 */
export function shorten(text: string, width: number): string {
  if (columns(text) <= width) return text;
  // Character by character, each counted once: measuring the whole cut again for each
  // character made a long title's running header the slowest part of a web page.
  let cut = '';
  let used = 0;
  for (const { segment } of graphemes().segment(text)) {
    used += columns(segment);
    if (used > width - 1) break;
    cut += segment;
  }
  // Back to the last space, unless that loses more than half (a language without spaces).
  const space = cut.search(/\s\S*$/);
  const kept = space > cut.length / 2 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,;:—–-]+$/, '')}…`;
}

/**
 * Greedy filling: as many words as fit on each line. A word is never broken, so a URL or
 * a very long word longer than the line stands alone and runs past the edge. `\n` in the
 * text is a line break that is kept; every line after the first starts with `rest`.
 */
export function wrapText(text: string, width: number = TEXT_WIDTH, first = '', rest = first): string[] {
  const lines: string[] = [];
  const restWidth = columns(rest);
  let prefix = first;
  for (const segment of text.split('\n')) {
    let line = prefix;
    let used = columns(prefix);
    let empty = true;
    for (const word of words(segment, width - restWidth)) {
      const length = columns(word);
      if (!empty && used + 1 + length > width) {
        lines.push(line);
        line = rest + word;
        used = restWidth + length;
      } else {
        line = empty ? line + word : `${line} ${word}`;
        used += empty ? length : 1 + length;
      }
      empty = false;
    }
    lines.push(line);
    prefix = rest;
  }
  return lines.map((line) => line.replaceAll(GLUE, ' ').trimEnd());
}

function words(segment: string, room: number): string[] {
  // Glue keeps `text [1]` together only while the pair fits on a line at all.
  return segment
    .split(/[ \t]+/)
    .filter(Boolean)
    .flatMap((word) => (word.includes(GLUE) && columns(word) > room ? word.split(GLUE).filter(Boolean) : [word]));
}
