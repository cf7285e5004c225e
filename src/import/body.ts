/**
 * The body of an imported communiqué: its blocks as a Markdown syntax tree, written out by
 * remark-stringify (which escapes what must be escaped). The source's shallowest heading
 * becomes `##`, under the title, and no heading skips a level.
 */
import type { BlockContent, List, ListItem, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Block } from './types.js';

// GFM tables only: the full GFM extension escapes `@` and `www.`, which would stop email
// addresses and web addresses in old communiqués from becoming links.
const stringifier = unified()
  .use(remarkStringify, { bullet: '-', listItemIndent: 'one', rule: '-', fences: true })
  .data('toMarkdownExtensions', [gfmTableToMarkdown({ tablePipeAlign: false })]);

export function bodyMarkdown(blocks: readonly Block[]): string {
  return String(stringifier.stringify(bodyTree(blocks))).trimEnd();
}

export function bodyTree(blocks: readonly Block[]): Root {
  const children: RootContent[] = [];
  const levels = blocks.filter((block) => block.kind === 'heading').map((block) => block.level);
  const top = levels.length > 0 ? Math.min(...levels) : 2;
  let previousLevel = 1;
  /** The open lists, outermost first, while list items follow one another. */
  let lists: List[] = [];
  let table: Table | undefined;
  for (const block of blocks) {
    if (block.kind !== 'list-item') lists = [];
    if (block.kind !== 'table-row') table = undefined;
    if (block.kind === 'heading') {
      const depth = Math.min(block.level - top + 2, previousLevel + 1, 6) as 1 | 2 | 3 | 4 | 5 | 6;
      children.push({ type: 'heading', depth, children: inline(block) });
      previousLevel = depth;
    } else if (block.kind === 'paragraph') {
      children.push({ type: 'paragraph', children: inline(block) });
    } else if (block.kind === 'list-item') {
      const depth = Math.min(block.depth, lists.length);
      lists.length = Math.min(lists.length, depth + 1);
      // A bulleted list next to a numbered one is a new list, numbered from 1.
      if (lists[depth] && lists[depth]!.ordered !== block.ordered) lists.length = depth;
      let list = lists[depth];
      if (!list) {
        list = { type: 'list', ordered: block.ordered, spread: false, children: [] };
        // "2. Heating" after a paragraph goes on from 2, as the source numbered it.
        if (block.ordered && block.number !== undefined && block.number !== 1) list.start = block.number;
        if (depth === 0) children.push(list);
        else lastItem(lists[depth - 1]!).children.push(list);
        lists[depth] = list;
      }
      list.children.push({
        type: 'listItem',
        spread: false,
        children: [{ type: 'paragraph', children: inline(block) }],
      });
    } else {
      const row: TableRow = {
        type: 'tableRow',
        children: block.cells.map((cell) => ({ type: 'tableCell', children: [{ type: 'text', value: cell }] })),
      };
      if (table) table.children.push(row);
      else {
        table = { type: 'table', align: block.cells.map(() => null), children: [row] };
        children.push(table);
      }
    }
  }
  return { type: 'root', children };
}

function lastItem(list: List): ListItem & { children: BlockContent[] } {
  return list.children.at(-1)! as ListItem & { children: BlockContent[] };
}

/** A block's inline content: as its source marked it up (Markdown), or as plain text. */
function inline(block: Exclude<Block, { kind: 'table-row' }>): PhrasingContent[] {
  return block.inline ?? [{ type: 'text', value: block.text }];
}
