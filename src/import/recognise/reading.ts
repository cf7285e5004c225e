/**
 * A source read once for every recogniser: its title, its body, its sentences, and the
 * acronyms it spells out.
 */
import type { Block } from '../types.js';

export interface Reading {
  blocks: readonly Block[];
  titleBlock?: Extract<Block, { kind: 'heading' }>;
  bodyBlocks: readonly Block[];
  fullText: string;
  sentences: string[];
  /** "Stronger Places, Stronger People (SPSP)": acronym → what it stands for. */
  acronyms: Map<string, string>;
}

export function readBlocks(blocks: readonly Block[]): Reading {
  const titleBlock = blocks[0]?.kind === 'heading' ? blocks[0] : undefined;
  const fullText = blocks.map(blockWords).join('\n');
  return {
    blocks,
    ...(titleBlock ? { titleBlock } : {}),
    bodyBlocks: titleBlock ? blocks.slice(1) : blocks,
    fullText,
    sentences: blocks.filter((block) => block.kind !== 'table-row').flatMap((block) => sentences(blockWords(block))),
    acronyms: acronymsOf(fullText),
  };
}

export function blockWords(block: Block): string {
  return block.kind === 'table-row' ? block.cells.join(' ') : block.text;
}

const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Hon|Jr|Sr|Cr|Rev|e\.g|i\.e|etc|Assoc)\.$/;

export function sentences(text: string): string[] {
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
        .map((word) => word.charAt(0))
        .join('');
      if (initials.toUpperCase() === acronym.toUpperCase()) {
        if (!found.has(acronym)) found.set(acronym, candidate.join(' ').replace(/[,;:]$/, ''));
        break;
      }
    }
  }
  return found;
}

/** Sentences about the meeting itself, and about the next one. */
export const ABOUT_MEETING =
  /\b(?:met|meets|convened|gathered|meeting (?:was )?held|held (?:its|a|the)\b[^.]*\bmeeting)\b/i;
export const ABOUT_NEXT = /\bnext meeting\b|\bwill (?:next )?meet\b|\bnext meet\b|\bnext (?:convene|gather)\b/i;
export const VIRTUAL =
  /\b(?:virtually|online|by video ?conference|via video ?conference|videoconference|by video|by teleconference|via (?:Zoom|Microsoft Teams|Teams|Webex)|remotely)\b/i;
export const IN_PERSON = /\b(?:in person|in-person|face[- ]to[- ]face)\b/i;

/** Escape text for use inside a regular expression. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
