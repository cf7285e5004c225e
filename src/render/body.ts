/**
 * The communiqué body as a Markdown syntax tree (GFM: tables, strikethrough, autolinks),
 * the one form every output format is rendered from.
 */
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { plainBody } from './plain-body.js';

const withGfm = unified().use(remarkParse).use(remarkGfm);
const commonMark = unified().use(remarkParse);

/**
 * Every GFM construct needs one of these characters: `|` (tables), `~` (strikethrough),
 * `www.`, `http`, `@` (autolinks), `[^` (footnotes), `[ ]` or `[x]` (task items). A body
 * with none of them parses the same without the extensions, at less than half the cost.
 */
const MIGHT_USE_GFM = /[|~@]|www\.|https?:|\[\^|\[[ xX]\]/i;

export function parseBody(markdown: string): Root {
  const plain = plainBody(markdown);
  if (plain) return plain;
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

/** Ids the page itself gives its sections: a body heading never takes one of them. */
export const RESERVED_IDS = new Set([
  'outcomes',
  'contents',
  'attendance',
  'agreements',
  'actions',
  'next-meeting',
  'internal-notes',
  'notes',
]);

/** The id of each top-level heading, in order: GitHub's slug, made unique, never a reserved one. */
export function headingIds(tree: Root): string[] {
  const used = new Set<string>(RESERVED_IDS);
  const ids: string[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    const base = slug(textOf(node)) || 'section';
    let id = base;
    for (let n = 1; used.has(id) || /^(AGR|ACT)-/i.test(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.push(id);
  }
  return ids;
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s+/g, '-');
}

export function textOf(node: unknown): string {
  const any = node as { value?: string; children?: unknown[]; alt?: string };
  if (typeof any.value === 'string') return any.value;
  if (typeof any.alt === 'string') return any.alt;
  return (any.children ?? []).map(textOf).join('');
}
