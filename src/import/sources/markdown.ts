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

export function markdownToBlocks(text: string): Block[] {
  const tree = reader.runSync(reader.parse(text)) as Root;
  const blocks: Block[] = [];
  for (const node of tree.children) readNode(node, blocks);
  return blocks;
}

function readNode(node: RootContent, blocks: Block[]): void {
  if (node.type === 'heading') blocks.push({ kind: 'heading', level: node.depth, ...content(node.children) });
  else if (node.type === 'paragraph') blocks.push({ kind: 'paragraph', ...content(node.children) });
  else if (node.type === 'list') readList(node, 0, blocks);
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
  for (const item of list.children) {
    for (const child of item.children) {
      if (child.type === 'list') readList(child, depth + 1, blocks);
      else if (child.type === 'paragraph')
        blocks.push({ kind: 'list-item', ordered: Boolean(list.ordered), depth, ...content(child.children) });
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
  return { text: mdastToString({ type: 'paragraph', children: inline }).trim(), inline };
}
