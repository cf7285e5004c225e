/**
 * The communiqué body as a Markdown syntax tree (GFM: tables, strikethrough, autolinks),
 * the one form every output format is rendered from.
 */
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const withGfm = unified().use(remarkParse).use(remarkGfm);
const commonMark = unified().use(remarkParse);

/**
 * Every GFM construct needs one of these characters: `|` (tables), `~` (strikethrough),
 * `www.`, `http`, `@` (autolinks), `[^` (footnotes), `[ ]` or `[x]` (task items). A body
 * with none of them parses the same without the extensions, at less than half the cost.
 */
const MIGHT_USE_GFM = /[|~@]|www\.|https?:|\[\^|\[[ xX]\]/i;

export function parseBody(markdown: string): Root {
  const parser = MIGHT_USE_GFM.test(markdown) ? withGfm : commonMark;
  return parser.runSync(parser.parse(markdown)) as Root;
}

const INTERNAL_MARKER = /^<!--\s*internal\s*-->$/i;

/**
 * The body without its internal sections. A section is internal when the line before its
 * heading is `<!-- internal -->`; it runs to the next heading of the same or a higher
 * level. The marker comments themselves never reach any output.
 */
export function withoutInternalSections(tree: Root): Root {
  const children: RootContent[] = [];
  let skippingBelow: number | undefined;
  let markNext = false;
  for (const node of tree.children) {
    if (node.type === 'html' && INTERNAL_MARKER.test(node.value.trim())) {
      markNext = true;
      continue;
    }
    if (node.type === 'heading') {
      if (skippingBelow !== undefined && node.depth <= skippingBelow) skippingBelow = undefined;
      if (markNext) skippingBelow = node.depth;
    }
    markNext = false;
    if (skippingBelow === undefined) children.push(node);
  }
  return { ...tree, children };
}

/** The body with the internal markers removed but the sections kept (for internal renders). */
export function withoutInternalMarkers(tree: Root): Root {
  return {
    ...tree,
    children: tree.children.filter((node) => !(node.type === 'html' && INTERNAL_MARKER.test(node.value.trim()))),
  };
}

/**
 * The title is the only first-level heading in every format: a body that uses `#`
 * headings (valid Markdown, if not a valid communiqué) is shifted down a level rather
 * than given a second title.
 */
export function withHeadingsBelowTitle(tree: Root): Root {
  let shallowest = 7;
  for (const node of tree.children) if (node.type === 'heading' && node.depth < shallowest) shallowest = node.depth;
  if (shallowest >= 2) return tree;
  const shift = 2 - shallowest;
  return {
    ...tree,
    children: tree.children.map((node) =>
      node.type === 'heading' ? { ...node, depth: Math.min(6, node.depth + shift) as 1 | 2 | 3 | 4 | 5 | 6 } : node,
    ),
  };
}
