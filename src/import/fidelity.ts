/**
 * How much of the source an import keeps: the source's words, and how many of them the
 * draft's title and body have in the same order. Markup is not words: the body is read
 * back as Markdown and counted as a reader sees it.
 */
import type { Root } from 'mdast';
import { diffArrays } from 'diff';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { blockWords } from './recognise/reading.js';
import type { Block } from './types.js';

const reader = unified().use(remarkParse).use(remarkGfm);

export function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '');
}

/**
 * How many of `source`'s words appear in `target` in the same order: the longest common
 * subsequence, by a Myers diff. A greedy earliest match is not enough — when the title gathers
 * words from lower down ("OUTCOMES STATEMENT" under a dateline), it jumps to a later "outcomes"
 * and counts everything in between as lost. On a source so changed that the diff would take
 * too long, the greedy count is the fallback.
 */
export function keptInOrder(source: readonly string[], target: readonly string[]): number {
  const changes = diffArrays(source as string[], target as string[], { maxEditLength: 20_000 });
  if (!changes) return greedyKept(source, target);
  return changes.reduce((kept, change) => (change.added || change.removed ? kept : kept + change.count), 0);
}

function greedyKept(source: readonly string[], target: readonly string[]): number {
  let at = 0;
  let kept = 0;
  for (const word of source) {
    const found = target.indexOf(word, at);
    if (found !== -1) {
      kept++;
      at = found + 1;
    }
  }
  return kept;
}

export function fidelity(
  blocks: readonly Block[],
  title: string | undefined,
  bodyMarkdown: string,
): { source: number; kept: number } {
  const source = blocks.flatMap((block) => wordsOf(blockWords(block)));
  const body = reader.runSync(reader.parse(bodyMarkdown)) as Root;
  const target = [...(title ? wordsOf(title) : []), ...body.children.flatMap((node) => wordsOf(textOf(node)))];
  return { source: source.length, kept: keptInOrder(source, target) };
}

/** A node's text with table cells and list items kept apart by spaces. */
function textOf(node: Root['children'][number]): string {
  if (
    'children' in node &&
    (node.type === 'table' || node.type === 'tableRow' || node.type === 'list' || node.type === 'listItem')
  ) {
    return node.children.map((child) => textOf(child as Root['children'][number])).join(' ');
  }
  return mdastToString(node);
}
