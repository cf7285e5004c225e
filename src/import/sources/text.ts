import type { Block } from '../types.js';
import { isEndMarker, Stripped, stripArtefactLines } from './artefacts.js';
import { stripEmailWrapping } from './email.js';
import { tableCells, withPipeRows } from './text-tables.js';
import { pattern } from '../recognise/pattern.js';

/**
 * Plain text (an exported Word file, an email, a web page copied out) or Markdown, already
 * decoded, to blocks. Exports from Word keep one paragraph per line and no blank lines, so
 * structure is guessed from the shape of each line and its neighbours.
 */

const BOOKMARK = /\[bookmark:[^\]\n]*\]/g;
const BROKEN_REFERENCE = /Error! (?:Bookmark not defined|Reference source not found)\.?/g;
const PAGE_NUMBER = /^(?:page\s+\d+(?:\s+of\s+\d+)?|\d{1,3}|[-–—]\s*\d{1,3}\s*[-–—])$/i;
/** An end marker left at the end of the last paragraph, as in a communiqué flattened to one line. */
const TRAILING_END_MARKER = /(?<=[.!?”’"])\s+(End\.|ENDS\.?|[-–—]+\s*ENDS\s*[-–—]+)$/;

/** Bullet markers Word, browsers and people use; `o` and the hollow ones are usually second level. */
const BULLET = /^([·•⚬◦▪▫■□●○‣⁃∙*+\-–o])\s+(?=\S)/;
const SUB_BULLETS = new Set(['o', '⚬', '◦', '▪', '▫', '□', '○', '∙']);
const NUMBERED = /^(?:(\d{1,3})[.)]|\((\d{1,3})\)|\(?([a-z])\)|\(([ivx]{1,5})\))\s+(?=\S)/;
const MD_HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const MD_TABLE_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/;

/** A date on a line of its own, under a title: "12 March 2021", "Friday 24 February 2023". */
const DATE_LINE = pattern(
  'i',
  String.raw`^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\d{1,2}(?:st|nd|rd`,
  String.raw`|th)?(?:\s*(?:[-–]|and|to)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+(?:of\s+)?[a-z]{3,9}\.?,?\s+\d{4}$`,
);
/** "Group:", "Due: 30 June", "Owners: A and B": a labelled fact, a line of its own. */
const LABEL_START = /^\p{Lu}[\p{L}-]*(?:\s[\p{L}-]+){0,2}:\s/u;
const SENTENCE_END = /[.!?:;…]["”’')\]]*$/;
const CONNECTORS = new Set(['AND', 'OF', 'THE', 'FOR', 'ON', 'IN', 'TO', '&', 'A', 'AN', '–', '-']);

interface Counters {
  bookmarks: Map<string, number>;
  brokenReferences: number;
  pageNumbers: number;
  nbsp: number;
  formFeeds: number;
  trailing: number;
  endMarker?: string;
  artefacts: Stripped;
}

interface PreviousItem {
  marker: string;
  depth: number;
  indent: number;
}

type Line =
  | { kind: 'blank' }
  | { kind: 'text'; text: string; indent: number }
  | { kind: 'heading'; text: string; level: number; explicit: boolean }
  | { kind: 'item'; text: string; indent: number; ordered: boolean; marker: string; number?: number }
  | { kind: 'row'; cells: string[] }
  | { kind: 'separator' };

export function textToBlocks(text: string): { blocks: Block[]; stripped: string[] } {
  const counters: Counters = {
    bookmarks: new Map(),
    brokenReferences: 0,
    pageNumbers: 0,
    nbsp: 0,
    formFeeds: 0,
    trailing: 0,
    artefacts: new Stripped(),
  };
  const artefacts = stripArtefactLines(clean(text, counters), counters.artefacts);
  const rawLines = withPipeRows(stripEmailWrapping(artefacts, counters.artefacts));
  const lines = trimEnd(setextHeadings(rawLines.map(classify), rawLines), counters);
  // Dropping lone page numbers can leave two halves of one paragraph apart; they are
  // joined again below like any other hard-wrapped paragraph.
  const wrapped = looksHardWrapped(lines);
  const blocks = toBlocks(lines, wrapped);
  stripTrailingEndMarker(blocks, counters);
  return { blocks, stripped: describe(counters) };
}

function clean(text: string, counters: Counters): string[] {
  let cleaned = text.replace(/\r\n?/g, '\n');
  cleaned = cleaned.replace(/\f/g, () => {
    counters.formFeeds++;
    return '\n';
  });
  cleaned = cleaned.replace(/[\u00a0\u202f\u2007]/g, () => {
    counters.nbsp++;
    return ' ';
  });
  cleaned = cleaned.replace(BOOKMARK, (found) => {
    counters.bookmarks.set(found, (counters.bookmarks.get(found) ?? 0) + 1);
    return '';
  });
  cleaned = cleaned.replace(BROKEN_REFERENCE, () => {
    counters.brokenReferences++;
    return '';
  });
  return cleaned.split('\n').map((line) => {
    const trimmed = line.replace(/[ \t\u200b]+$/, '');
    if (trimmed.length !== line.length && trimmed.length > 0) counters.trailing++;
    return trimmed;
  });
}

/** "Attendance" over "----------", a title over "=====": headings underlined, as plain text writes them. */
function setextHeadings(lines: Line[], raw: readonly string[]): Line[] {
  const out: Line[] = [];
  lines.forEach((line, index) => {
    const previous = out.at(-1);
    const underline = /^\s*(=+|-+)\s*$/.exec(raw[index] ?? '');
    if (underline && underline[1]!.length >= 3 && previous?.kind === 'text' && lines[index - 1]?.kind === 'text') {
      out[out.length - 1] = {
        kind: 'heading',
        text: previous.text,
        level: underline[1]!.startsWith('=') ? 1 : 2,
        explicit: true,
      };
      return;
    }
    out.push(line);
  });
  return out;
}

function classify(raw: string): Line {
  if (raw.trim() === '') return { kind: 'blank' };
  const indent = indentation(raw);
  const line = raw.trim().replace(/ {2,}/g, ' ');
  const plain = line.replace(/^(\S{1,4})\t+/, '$1 ');
  const heading = MD_HEADING.exec(line);
  if (heading) return { kind: 'heading', text: heading[2]!, level: heading[1]!.length, explicit: true };
  if (MD_TABLE_SEPARATOR.test(line) && line.includes('-')) return { kind: 'separator' };
  const bullet = BULLET.exec(plain);
  if (bullet)
    return { kind: 'item', text: plain.slice(bullet[0].length).trim(), indent, ordered: false, marker: bullet[1]! };
  const numbered = NUMBERED.exec(plain);
  if (numbered) {
    const digits = numbered[1] ?? numbered[2];
    const marker = digits ? '1' : numbered[3] ? 'a' : 'i';
    const item = { kind: 'item', text: plain.slice(numbered[0].length).trim(), indent, ordered: true, marker } as const;
    return digits ? { ...item, number: Number(digits) } : item;
  }
  const cells = tableCells(raw.trim());
  if (cells) return { kind: 'row', cells };
  return { kind: 'text', text: line, indent };
}

function indentation(line: string): number {
  let width = 0;
  for (const character of line) {
    if (character === ' ') width++;
    else if (character === '\t') width += 4;
    else break;
  }
  return width;
}

/**
 * Page numbers and end markers only count as artefacts where they stand: an end marker
 * ends the document only when nothing but blank lines and artefacts follow it.
 */
function trimEnd(lines: Line[], counters: Counters): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    if (line.kind === 'text' && PAGE_NUMBER.test(line.text)) {
      counters.pageNumbers++;
      continue;
    }
    if (line.kind === 'item' && /^[-–—]\s*\d{1,3}\s*[-–—]$/.test(`- ${line.text}`)) {
      counters.pageNumbers++;
      continue;
    }
    out.push(line);
  }
  for (let index = out.length - 1; index >= 0; index--) {
    const line = out[index]!;
    if (line.kind === 'blank') continue;
    const text = lineText(line);
    if (text !== undefined && isEndMarker(text)) {
      counters.endMarker = text.trim();
      return out.slice(0, index);
    }
    break;
  }
  return out;
}

function lineText(line: Line): string | undefined {
  if (line.kind === 'text' || line.kind === 'heading') return line.text;
  if (line.kind === 'item') return `${line.marker === '1' ? '' : line.marker} ${line.text}`;
  return undefined;
}

/**
 * Paragraphs broken at a fixed width and separated by blank lines (Markdown, email) rather
 * than one paragraph per line (Word): consecutive lines then belong together.
 */
function looksHardWrapped(lines: Line[]): boolean {
  const texts = lines.filter((line): line is Extract<Line, { kind: 'text' }> => line.kind === 'text');
  const first = lines.findIndex((line) => line.kind !== 'blank');
  const last = lines.findLastIndex((line) => line.kind !== 'blank');
  const separated = lines.slice(first, last + 1).some((line) => line.kind === 'blank');
  if (texts.length < 3 || !separated) return false;
  const longest = Math.max(...texts.map((line) => line.text.length));
  if (longest > 100) return false;
  let runs = 0;
  for (let index = 1; index < lines.length; index++) {
    const previous = lines[index - 1]!;
    if (
      lines[index]!.kind === 'text' &&
      previous.kind === 'text' &&
      previous.text.length >= longest - 30 &&
      previous.text.length >= 50
    )
      runs++;
  }
  return runs >= 1;
}

/** "Present: …", "Chair: …": labelled lines that read as a list of people, not as headings. */
const LABEL = pattern(
  'i',
  '^(?:present|apologies|in attendance|attendees|attendance|also present|absent',
  '|co-?chairs?|chair(?:person)?|actions?|observers?|guests?|secretariat|members',
  String.raw`(?: present)?)\s*:\s*\S`,
);

function isHeadingCandidate(text: string): boolean {
  if (text.length > 100 || text.split(/\s+/).length > 14 || LABEL.test(text)) return false;
  if (/[.,;:!…]["”’')\]]*$/.test(text)) return false;
  return /^[\p{Lu}\d‘“"'(]/u.test(text);
}

/** A run of capital words long enough not to be an acronym, such as "NEXT MEETING" or "IMPLEMENTATION". */
function capsHeadingLength(words: string[]): number {
  let count = 0;
  let letters = 0;
  for (const word of words) {
    const bare = word.replace(/[,:;]$/, '');
    if (CONNECTORS.has(bare)) {
      if (count === 0) return 0;
      count++;
      continue;
    }
    if (!/^[\p{Lu}][\p{Lu}'’&-]*$/u.test(bare) || !/[AEIOUY]/.test(bare) || bare.length < 2) break;
    count++;
    letters += bare.length;
  }
  while (count > 0 && CONNECTORS.has(words[count - 1]!.replace(/[,:;]$/, ''))) count--;
  return letters >= 8 || (letters >= 5 && count >= 2) ? count : 0;
}

/** "IMPLEMENTATION Members indicated…": an all-caps heading run into its paragraph. */
function splitRunIn(text: string): [string, string] | undefined {
  const words = text.split(' ');
  const count = capsHeadingLength(words);
  if (count === 0 || count >= words.length) return undefined;
  const next = words[count]!;
  if (!/^[\p{Lu}\d‘“"'(][\p{Ll}'’]/u.test(next) && !/^\d/.test(next)) return undefined;
  // "COMMUNIQUÉ No. 9": a number that belongs to the heading.
  if (/^(?:No\.?|Number|#)\s*\d/.test(words.slice(count).join(' '))) return undefined;
  return [
    words
      .slice(0, count)
      .join(' ')
      .replace(/[,:;]$/, ''),
    words.slice(count).join(' '),
  ];
}

function isAllCaps(text: string): boolean {
  return /\p{Lu}{2}/u.test(text) && !/\p{Ll}/u.test(text);
}

function toBlocks(lines: Line[], wrapped: boolean): Block[] {
  const blocks: Block[] = [];
  const indents: number[] = [];
  let previousMarker: PreviousItem | undefined;
  let firstContent = true;

  const nextContent = (from: number): Line | undefined => {
    for (let index = from; index < lines.length; index++) if (lines[index]!.kind !== 'blank') return lines[index];
    return undefined;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const previous = index > 0 ? lines[index - 1] : undefined;
    const last = blocks.at(-1);
    if (line.kind === 'blank') continue;
    if (line.kind !== 'item') {
      indents.length = 0;
      previousMarker = undefined;
    }
    if (line.kind === 'heading') {
      blocks.push({ kind: 'heading', text: line.text, level: line.level });
      firstContent = false;
      continue;
    }
    if (line.kind === 'separator') {
      if (last?.kind === 'table-row') last.header = true;
      continue;
    }
    if (line.kind === 'row') {
      // A tab-separated table has no separator line; its first row is taken as the header.
      const startsTable = last?.kind !== 'table-row' || previous?.kind === 'blank';
      const following = nextContent(index + 1);
      blocks.push({ kind: 'table-row', cells: line.cells, header: startsTable && following?.kind === 'row' });
      firstContent = false;
      continue;
    }
    if (line.kind === 'item') {
      // Continuation of a hard-wrapped list item: "- first part\n  rest of it".
      const depth = listDepth(indents, line.indent, line.marker, previousMarker);
      previousMarker = { marker: line.marker, depth, indent: line.indent };
      const number = line.number !== undefined ? { number: line.number } : {};
      blocks.push({ kind: 'list-item', text: line.text, ordered: line.ordered, depth, ...number });
      firstContent = false;
      continue;
    }

    const text = line.text;
    const joinsPrevious =
      previous !== undefined &&
      previous.kind !== 'blank' &&
      last !== undefined &&
      (last.kind === 'paragraph' || last.kind === 'list-item') &&
      !(LABEL_START.test(text) && line.indent === 0) &&
      ((!SENTENCE_END.test(last.text) && /^[\p{Ll}\d(]/u.test(text) && !DATE_LINE.test(text)) ||
        (wrapped && (last.kind === 'paragraph' || line.indent > 0)));
    if (joinsPrevious) {
      last.text = `${last.text} ${text}`;
      continue;
    }

    const following = nextContent(index + 1);
    const followsParagraph =
      following !== undefined &&
      (following.kind === 'item' ||
        following.kind === 'row' ||
        (following.kind === 'text' && !isHeadingCandidate(following.text)));
    const gap = lines[index + 1]?.kind === 'blank';
    const continues =
      !gap && following?.kind === 'text' && /^[\p{Ll}\d(]/u.test(following.text) && !DATE_LINE.test(following.text);
    if (
      isHeadingCandidate(text) &&
      !continues &&
      (firstContent || (followsParagraph && !(wrapped && !gap && following?.kind === 'text')))
    ) {
      blocks.push({ kind: 'heading', text, level: 2 });
      firstContent = false;
      continue;
    }
    if (isAllCaps(text) && isHeadingCandidate(text)) {
      blocks.push({ kind: 'heading', text, level: 2 });
      firstContent = false;
      continue;
    }
    const runIn = splitRunIn(text);
    if (runIn) {
      blocks.push({ kind: 'heading', text: runIn[0], level: 2 });
      pushParagraph(blocks, runIn[1]);
      firstContent = false;
      continue;
    }
    pushParagraph(blocks, text);
    firstContent = false;
  }
  return blocks;
}

/**
 * A paragraph that hides headings ("…by the next meeting. NEXT MEETING The next…"), as
 * a communiqué flattened to one line does, is split at them.
 */
function pushParagraph(blocks: Block[], text: string): void {
  const parts = text.split(/(?<=[.!?]["”’)]?)\s+(?=\p{Lu}{2})/u);
  let current = '';
  for (const part of parts) {
    const runIn = current === '' ? undefined : splitRunIn(part);
    if (runIn) {
      blocks.push({ kind: 'paragraph', text: current });
      blocks.push({ kind: 'heading', text: runIn[0], level: 2 });
      current = runIn[1];
    } else current = current === '' ? part : `${current} ${part}`;
  }
  if (current !== '') blocks.push({ kind: 'paragraph', text: current });
}

/**
 * Nesting from indentation, where the export kept it; where it did not, a hollow bullet
 * ("o", "◦") after a solid one is taken as one level down.
 */
function listDepth(indents: number[], indent: number, marker: string, previous: PreviousItem | undefined): number {
  while (indents.length > 0 && indent < indents.at(-1)!) indents.pop();
  if (indents.length === 0 || indent > indents.at(-1)!) indents.push(indent);
  const byIndent = indents.length - 1;
  if (!previous || indent !== previous.indent) return byIndent;
  if (marker === previous.marker) return previous.depth;
  if (SUB_BULLETS.has(marker) && !SUB_BULLETS.has(previous.marker)) return previous.depth + 1;
  if (SUB_BULLETS.has(previous.marker) && !SUB_BULLETS.has(marker)) return Math.max(0, previous.depth - 1);
  return previous.depth;
}

function stripTrailingEndMarker(blocks: Block[], counters: Counters): void {
  if (counters.endMarker) return;
  const last = blocks.at(-1);
  if (last?.kind !== 'paragraph') return;
  const match = TRAILING_END_MARKER.exec(last.text);
  if (!match) return;
  counters.endMarker = match[1]!;
  last.text = last.text.slice(0, match.index);
}

function describe(counters: Counters): string[] {
  const stripped: string[] = [];
  for (const [found, count] of counters.bookmarks) stripped.push(`${found} (${count})`);
  if (counters.brokenReferences) stripped.push(`broken cross-references (${counters.brokenReferences})`);
  if (counters.pageNumbers) stripped.push(`page numbers (${counters.pageNumbers})`);
  if (counters.endMarker) stripped.push(`end marker "${counters.endMarker}"`);
  stripped.push(...counters.artefacts.describe());
  if (counters.formFeeds) stripped.push(`form feeds (${counters.formFeeds})`);
  if (counters.nbsp) stripped.push(`non-breaking spaces normalised (${counters.nbsp})`);
  if (counters.trailing)
    stripped.push(`trailing whitespace (${counters.trailing} ${counters.trailing === 1 ? 'line' : 'lines'})`);
  return stripped;
}
