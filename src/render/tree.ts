/**
 * Looking through a syntax tree without changing it. unist-util-visit keeps each node's
 * ancestors and makes a closure for it, which is what its visitors that rewrite trees need;
 * on the read-only passes every rendering makes (images, references, links, control
 * characters) that bookkeeping cost more than the looking.
 */
import type { Node, Parent } from 'unist';

/** Whether any node of the tree, the root included, passes `test` (depth first, in document order). */
export function someNode(node: Node, test: (node: Node) => boolean): boolean {
  if (test(node)) return true;
  const children = (node as Partial<Parent>).children;
  if (children) for (const child of children) if (someNode(child, test)) return true;
  return false;
}

/** Every node of the given type, in document order. */
export function nodesOfType<T extends Node>(tree: Node, type: T['type']): T[] {
  const found: T[] = [];
  someNode(tree, (node) => {
    if (node.type === type) found.push(node as T);
    return false;
  });
  return found;
}
