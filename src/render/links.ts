/**
 * The addresses a rendering may link to: web pages (`https:`, `http:`), e-mail (`mailto:`)
 * and places in the same document (`#…`). Anything else — `javascript:`, `vbscript:`,
 * `data:`, `file:`, relative paths — is written as text, never as a link.
 */
import type { Link, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { someNode } from './tree.js';

const ALLOWED = /^(?:https?:\/\/|mailto:)/i;

/** The URL when it may be a link target, otherwise undefined. */
export function safeHref(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  // Browsers ignore tabs, line breaks and leading spaces inside a scheme (`java\tscript:`).
  const trimmed = url.replace(/[\u0000-\u0020\u007f]/g, '');
  if (trimmed.startsWith('#') && trimmed.length > 1) return url.trim();
  return ALLOWED.test(trimmed) ? url.trim() : undefined;
}

/** Whether an image URL names something on the network rather than a file. */
export function isRemoteUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url.trim()) && !/^file:/i.test(url.trim());
}

/** The body with every link whose address may not be a link target turned into its text. */
export function withSafeLinks(tree: Root): Root {
  if (!someNode(tree, (node) => node.type === 'link' && !safeHref((node as Link).url))) return tree;
  const copy = structuredClone(tree);
  visit(copy, 'link', (node, index, parent) => {
    if (!parent || index === undefined || safeHref(node.url)) return;
    parent.children.splice(index, 1, ...node.children);
    return [SKIP, index];
  });
  return copy;
}
