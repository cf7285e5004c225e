/**
 * A Markdown communiqué as blocks, read by remark: headings, paragraphs, list items at
 * their depth and table rows, each keeping its inline markup (emphasis, links) for the
 * draft's body.
 */
import type { List, PhrasingContent, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Block } from '../types.js';

const reader = unified().use(remarkParse).use(remarkGfm);
const LABELLED_LINE = /^\p{Lu}[\p{L} ]{1,30}:\s*\S/u;

export function markdownToBlocks(text: string): Block[] {
  return mdastToBlocks(reader.runSync(reader.parse(withoutFrontMatter(text))) as Root);
}

/** A Markdown syntax tree (read from Markdown, or made from a web page) as blocks. */
export function mdastToBlocks(tree: Root): Block[] {
  const blocks: Block[] = [];
  for (const node of tree.children) readNode(node, blocks);
  return blocks;
}

/** A communiqué imported again (asked for with --force) is read without its front matter. */
function withoutFrontMatter(text: string): string {
  const match = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

function readNode(node: RootContent, blocks: Block[]): void {
  if (node.type === 'heading') blocks.push({ kind: 'heading', level: node.depth, ...content(node.children) });
  else if (node.type === 'paragraph') {
    // "**Date:** 9 May\n**Location:** Online": a block of labelled facts, one to a line.
    const lines = mdastToString(node).split('\n');
    if (
      lines.length > 1 &&
      (lines.every((line) => LABELLED_LINE.test(line.trim())) ||
        (blocks.length < 4 && lines.every((line) => line.split(/\s+/).length <= 12 && !/[.!?]$/.test(line.trim()))))
    )
      for (const line of lines) blocks.push({ kind: 'paragraph', text: line.trim() });
    else blocks.push({ kind: 'paragraph', ...content(node.children) });
  } else if (node.type === 'list') readList(node, 0, blocks);
  else if (node.type === 'table') {
    node.children.forEach((row, index) => {
      blocks.push({
        kind: 'table-row',
        cells: row.children.map((cell) => mdastToString(cell).trim()),
        header: index === 0,
      });
    });
  } else if (node.type === 'blockquote') for (const child of node.children) readNode(child, blocks);
  else if (node.type === 'code') blocks.push({ kind: 'paragraph', text: node.value });
}

function readList(list: List, depth: number, blocks: Block[]): void {
  for (const [index, item] of list.children.entries()) {
    // Only the first item's number says anything: Markdown numbers the rest from it.
    const number = list.ordered && index === 0 && typeof list.start === 'number' ? { number: list.start } : {};
    for (const child of item.children) {
      if (child.type === 'list') readList(child, depth + 1, blocks);
      else if (child.type === 'paragraph')
        blocks.push({
          kind: 'list-item',
          ordered: Boolean(list.ordered),
          depth,
          ...number,
          ...content(child.children),
        });
      else readNode(child, blocks);
    }
  }
}

/** Inline content with line breaks inside a paragraph read as the spaces they are. */
function content(children: PhrasingContent[]): { text: string; inline: PhrasingContent[] } {
  const inline = structuredClone(children);
  visit({ type: 'paragraph', children: inline }, 'text', (node) => {
    node.value = node.value.replace(/[ \t]*\n[ \t]*/g, ' ');
  });
  // A hard line break ("Date: 2 September<br>Venue: …") is a space in the text read for facts, not nothing.
  const spaced = structuredClone(inline);
  visit({ type: 'paragraph', children: spaced }, 'break', (node) => {
    Object.assign(node, { type: 'text', value: ' ' });
  });
  return { text: mdastToString({ type: 'paragraph', children: spaced }).trim(), inline };
}
