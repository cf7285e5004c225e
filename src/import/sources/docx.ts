/**
 * A Word document as blocks: mammoth turns its styles into HTML (Heading 1 → h1, lists,
 * tables), which we read back as the same blocks the text importer makes.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Block } from '../types.js';

export async function docxToBlocks(bytes: Uint8Array): Promise<{ blocks: Block[]; messages: string[] }> {
  const { default: mammoth } = await import('mammoth');
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return { blocks: htmlToBlocks(result.value), messages: result.messages.map((message) => message.message) };
}

export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const walk = (node: Root | Element, depth: number, ordered: boolean) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const tag = child.tagName;
      if (/^h[1-6]$/.test(tag)) blocks.push({ kind: 'heading', text: textOf(child), level: Number(tag[1]) });
      else if (tag === 'p') {
        // Lines broken with Shift+Enter (a block of meeting facts) are separate statements.
        for (const line of textOf(child).split('\n')) {
          const text = line.trim();
          if (text) blocks.push({ kind: 'paragraph', text });
        }
      } else if (tag === 'ul' || tag === 'ol') walk(child, depth + 1, tag === 'ol');
      else if (tag === 'li') {
        // An item's own text, then any list nested in it.
        const own = child.children.filter(
          (part) => !(part.type === 'element' && (part.tagName === 'ul' || part.tagName === 'ol')),
        );
        blocks.push({
          kind: 'list-item',
          text: own.map(textOfContent).join('').replace(/\s+/g, ' ').trim(),
          ordered,
          depth: Math.max(0, depth - 1),
        });
        walk(
          {
            ...child,
            children: child.children.filter(
              (part) => part.type === 'element' && (part.tagName === 'ul' || part.tagName === 'ol'),
            ),
          },
          depth,
          ordered,
        );
      } else if (tag === 'tr') {
        const cells = child.children.filter(
          (cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'),
        );
        blocks.push({
          kind: 'table-row',
          cells: cells.map(textOf),
          header: cells.length > 0 && cells.every((cell) => cell.tagName === 'th'),
        });
      } else walk(child, depth, ordered);
    }
  };
  walk(fromHtml(html, { fragment: true }), 0, false);
  return blocks;
}

function textOfContent(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.tagName === 'br' ? '\n' : node.children.map(textOfContent).join('');
  return '';
}

function textOf(node: Element): string {
  return node.children
    .map(textOfContent)
    .join('')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}
