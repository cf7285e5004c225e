/**
 * A source read once for every recogniser: its header (the lines above the first
 * paragraph of prose: title, datelines, labelled facts), its title, its body, its
 * sentences, the facts it labels ("Date:", "Venue:", "Chair:"), the acronyms it spells out,
 * and a date reader that knows the document's year.
 */
import type { ProseDate, ProseDates } from '../../core/dates.js';
import type { Block } from '../types.js';
import { pattern } from './pattern.js';

export interface Sentence {
  text: string;
  /** The block it comes from, an index into `blocks`. */
  block: number;
  /** In a heading or the header above the first paragraph. */
  header: boolean;
}

export interface Field {
  /** The label in lower case, e.g. `date`, `venue`, `chair`. */
  label: string;
  value: string;
  block: number;
}

export interface Reading {
  blocks: readonly Block[];
  /** Blocks before the first paragraph of prose (or list, or table). */
  headerEnd: number;
  title?: { text: string; blocks: number[] };
  bodyBlocks: readonly Block[];
  fullText: string;
  sentences: Sentence[];
  fields: Field[];
  /** "Stronger Places, Stronger People (SPSP)": acronym → what it stands for. */
  acronyms: Map<string, string>;
  dates: ProseDates;
  /** The document's own date nearest to hand, for dates written without a year. */
  reference?: string;
  /** Dates in a text, years resolved against the document's. */
  datesIn(text: string): ProseDate[];
}

export function blockWords(block: Block): string {
  return block.kind === 'table-row' ? block.cells.join(' ') : block.text;
}

const FIELD = pattern(
  'i',
  String.raw`^\**\s*(date(?: of meeting)?|meeting date|held|meeting held|when|venue`,
  '|location|where|place|time|chair(?:person)?|co-?chairs?|chaired by|group',
  String.raw`|meeting|next (?:\w+ ){0,2}meeting|date of (?:the )?next meeting|subject`,
  String.raw`|from|sent|to|cc)\s*\**\s*[:：]\s*\**\s*(.+?)\s*$`,
);
const HELD_LINE = /^(meeting held|held)\s+(?:on\s+)?(.+)$/i;
/** The labels a run of facts uses, to split "Date: 9 May Location: Online" into two. */
const INLINE_LABEL =
  /\s+(?=(?:Group|Meeting|Date|Meeting date|Held|When|Venue|Location|Where|Time|Chair|Chairperson|Co-chairs|Theme)\s*:)/;

export function readBlocks(blocks: readonly Block[], dates: ProseDates): Reading {
  const headerEnd = findHeaderEnd(blocks);
  const fields: Field[] = [];
  blocks.forEach((block, index) => {
    // "Date | 21 April 2026": a row of two cells, the label first, is a labelled fact too.
    const parts =
      block.kind === 'table-row'
        ? block.cells.length === 2 && block.cells[0]!.length <= 30
          ? [`${block.cells[0]}: ${block.cells[1]}`]
          : []
        : block.text.split(INLINE_LABEL);
    for (const part of parts) {
      const field = FIELD.exec(part.trim()) ?? (index < headerEnd + 2 ? HELD_LINE.exec(part.trim()) : null);
      if (field)
        fields.push({
          label: field[1]!
            .toLowerCase()
            .replace(/^meeting held$/, 'held')
            .replace(/^(?:date of (?:the )?)?next (?:\w+ )*meeting$/, 'next meeting'),
          value: field[2]!,
          block: index,
        });
    }
  });
  const title = titleOf(blocks, headerEnd, fields);
  const titled = new Set(title?.blocks ?? []);
  const fullText = blocks.map(blockWords).join('\n');
  const sentences: Sentence[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === 'table-row') return;
    const header = index < headerEnd || block.kind === 'heading';
    for (const text of splitSentences(block.text)) sentences.push({ text, block: index, header });
  });
  const reference = referenceDate(blocks, headerEnd, dates);
  return {
    blocks,
    headerEnd,
    ...(title ? { title } : {}),
    bodyBlocks: blocks.filter((_, index) => !titled.has(index)),
    fullText,
    sentences,
    fields,
    acronyms: acronymsOf(fullText),
    dates,
    ...(reference ? { reference } : {}),
    datesIn: (text) => dates.find(text, reference),
  };
}

/** A paragraph of prose: a sentence that ends, or enough words that it must be one. */
function isProse(block: Block): boolean {
  if (block.kind === 'table-row' || block.kind === 'list-item') return true;
  if (block.kind === 'heading') return false;
  const words = block.text.split(/\s+/).length;
  if (FIELD.test(block.text) && words <= 16) return false;
  return (words >= 8 && /[.!?:;]["”’)]?$/.test(block.text)) || words >= 20;
}

function findHeaderEnd(blocks: readonly Block[]): number {
  const first = blocks.findIndex(isProse);
  return first === -1 ? Math.min(blocks.length, 6) : Math.min(first, 8);
}

const DOCUMENT_TYPE = pattern(
  'iu',
  String.raw`(?<![\p{L}])(?:communiqu[eé]s?|statement|outcomes?|summary|highlights|report`,
  '|record|declaration|update|decisions|bulletin|media release|meeting notes',
  String.raw`|briefing(?: notes)?|what we discussed)(?![\p{L}])`,
);
const DATE_ONLY = /^[\p{L}\s,.'’-]{0,40}\d{1,4}[\s\S]{0,30}$/u;

/**
 * The title: a Markdown or Word document's first top-level heading, or else the header's
 * lines up to the one that names the document ("… Communiqué", "Outcomes Statement"),
 * leaving out datelines, places and labelled facts.
 */
function titleOf(
  blocks: readonly Block[],
  headerEnd: number,
  fields: readonly Field[],
): { text: string; blocks: number[] } | undefined {
  const ones = blocks.flatMap((block, index) => (block.kind === 'heading' && block.level === 1 ? [index] : []));
  if (ones.length === 1 && ones[0]! <= 3)
    return { text: (blocks[ones[0]!] as { text: string }).text, blocks: [ones[0]!] };
  const labelled = new Set(fields.map((field) => field.block));
  const candidates: number[] = [];
  for (let index = 0; index < headerEnd && index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.kind === 'table-row' || block.kind === 'list-item') break;
    const text = block.text.trim();
    if (labelled.has(index) || text.split(/\s+/).length > 16 || /[.,;]$/.test(text) || isProse(block)) continue;
    if (isDateline(text) && !DOCUMENT_TYPE.test(text)) continue;
    candidates.push(index);
  }
  if (candidates.length === 0) {
    const subject = fields.find((field) => field.label === 'subject');
    return subject ? { text: subject.value, blocks: [] } : undefined;
  }
  const named = candidates.findIndex((index) => DOCUMENT_TYPE.test((blocks[index] as { text: string }).text));
  const chosen = named === -1 ? candidates.slice(0, 1) : candidates.slice(0, named + 1);
  // Lines far apart (with other lines between) are not one title.
  const joined = chosen.filter((index, at) => at === 0 || index - chosen[at - 1]! <= 3);
  return {
    text: joined.map((index) => (blocks[index] as { text: string }).text.trim().replace(/[:,]$/, '')).join(' '),
    blocks: joined,
  };
}

/** "Perth, 14 November 2019", "21–22 March 2019", "Nuku'alofa, Tonga": where and when, not a title. */
export function isDateline(text: string): boolean {
  if (/\d/.test(text) && DATE_ONLY.test(text) && !/\b(?:meeting|no\.?)\s*\d/i.test(text) && text.length <= 60)
    return /\b(?:19|20)\d{2}\b|\b\d{1,2}\s*(?:st|nd|rd|th)?\s+\p{L}{3,}/u.test(text);
  // Two or three capitalised place names and nothing else: "Nuku'alofa, Tonga".
  return /^\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’.-]+)?(?:,\s*\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’.-]+)?){1,2}$/u.test(
    text,
  );
}

function referenceDate(blocks: readonly Block[], headerEnd: number, dates: ProseDates): string | undefined {
  const texts = blocks.map(blockWords);
  const ordered = [...texts.slice(0, headerEnd), ...texts.slice(headerEnd)];
  for (const text of ordered) {
    const stated = dates.find(text).find((date) => date.yearStated);
    if (stated) return stated.start;
  }
  for (const text of ordered) {
    const month = dates.months(text)[0];
    if (month) return `${month.month}-15`;
  }
  const year = /\b(19[5-9]\d|20\d\d)\b/.exec(texts.slice(0, Math.max(headerEnd, 3)).join(' '));
  return year ? `${year[1]}-07-01` : undefined;
}

const ABBREVIATION = pattern(
  'u',
  String.raw`\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Hon|Jr|Sr|Cr|Crs|Rev|Assoc|Supt|Capt|Cmdr`,
  String.raw`|Gen|Lt|Col|Sen|Rep|Co|Pty|Ltd|Inc|vs|approx|e\.g|i\.e|etc|\p{Lu})\.$`,
);

export function splitSentences(text: string): string[] {
  const parts = text.split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\d])/u);
  const out: string[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (last !== undefined && ABBREVIATION.test(last)) out[out.length - 1] = `${last} ${part}`;
    else out.push(part);
  }
  return out.map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
}

/** "Stronger Places, Stronger People (SPSP)": acronyms the text spells out. */
function acronymsOf(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(/\(([A-Z][A-Za-z]*[A-Z])\)/g)) {
    const acronym = match[1]!;
    const words = text
      .slice(Math.max(0, match.index - 200), match.index)
      .trim()
      .split(/\s+/);
    for (let count = 1; count <= Math.min(words.length, 12); count++) {
      const candidate = words.slice(-count);
      if (!/^\p{Lu}/u.test(candidate[0]!)) continue;
      const initials = candidate
        .filter((word) => /^\p{Lu}/u.test(word))
        .flatMap((word) => word.split(/[-–]/).filter((part) => /^\p{Lu}/u.test(part)))
        .map((word) => word.charAt(0))
        .join('');
      const plain = candidate
        .filter((word) => /^\p{Lu}/u.test(word))
        .map((word) => word.charAt(0))
        .join('');
      if (initials.toUpperCase() === acronym.toUpperCase() || plain.toUpperCase() === acronym.toUpperCase()) {
        if (!found.has(acronym))
          found.set(
            acronym,
            candidate
              .join(' ')
              .replace(/[,;:]$/, '')
              .replace(/^(?:The|the)\s+/, ''),
          );
        break;
      }
    }
  }
  return found;
}

/** Sentences about the meeting itself, and about the next one. */
export const ABOUT_MEETING = pattern(
  'i',
  String.raw`\b(?:met|meets|convened|gathered|assembled|came together|took place|meeting (?:was )?held`,
  String.raw`|(?:was|were) held|held (?:its|a|the|their)\b|(?:session|conference|meeting`,
  String.raw`|forum|summit)\b[^.]{0,80}\bon\s+\d)`,
);
export const ABOUT_NEXT = pattern(
  'iu',
  String.raw`\bnext\s+(?:[\p{L}]+\s+){0,3}?(?:meeting|session|dialogue|forum|conference`,
  String.raw`|summit)\b[^.]{0,60}\b(?:will|is|to be|scheduled|planned)\b|\bnext meeting\s*`,
  String.raw`(?:[:–—-]|is|will)|\bwill (?:next )?(?:meet|convene|gather)\b|\bnext (?:meets?`,
  String.raw`|convenes?|gathers?)\b|\b(?:will )?meets? again\b|\bnext\s+(?:[\p{L}]+\s+){0,3}?meeting\b.{0,20}\b`,
  String.raw`(?:on|in)\s+[\p{Lu}\d]|\bwill hold (?:its|their|the) (?:[\p{L}]+\s+){0,2}`,
  String.raw`(?:meeting|session)\b`,
);
/** About an earlier meeting — but "its last meeting of 2025" (or "for the year") is this one, the year's final. */
export const ABOUT_PREVIOUS =
  /\b(?:last met|previous(?:ly)?|since (?:the|its|their)\b|last meeting(?! (?:of|for) (?:the year|\d{4}))|prior meeting|earlier meeting|at its (?:last|previous)(?! meeting (?:of|for) (?:the year|\d{4})))\b/i;
export const VIRTUAL = pattern(
  'i',
  String.raw`\b(?:virtually|online|by video[- ]?(?:conference|link)?|via video[- ]?`,
  '(?:conference|link)?|videoconference|video conference|teleconference|by telephone',
  '|by phone|via (?:Zoom|Microsoft Teams|Teams|Webex|Skype|Google Meet)|(?:on',
  String.raw`|over) (?:Zoom|Microsoft Teams|Teams|Webex)|remotely)\b`,
);
export const IN_PERSON = /\b(?:in person|in-person|face[- ]to[- ]face)\b/i;

/** Escape text for use inside a regular expression. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
