/**
 * Terminal control sequences and control characters, taken out of everything a renderer
 * writes: front matter or a body could otherwise retitle a terminal window, clear a
 * screen or hide text when `render --to txt --stdout` is shown on one (ESC, BEL, C1).
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { someNode } from './tree.js';

// ESC [ … final byte (CSI), ESC ] … BEL or ESC \ (OSC), ESC P/X/^/_ … ESC \ (strings), ESC and one more byte.
const SEQUENCES = new RegExp(
  [
    '\\u001b\\[[0-?]*[ -/]*[@-~]?',
    '\\u001b\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)?',
    '\\u001b[PX^_][^\\u001b]*(?:\\u001b\\\\)?',
    '\\u001b[\\s\\S]?',
    '\\u009b[0-?]*[ -/]*[@-~]?',
  ].join('|'),
  'g',
);
// What is left: C0 controls but tab, line feed and carriage return; DEL; C1 controls.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Anything `withoutControls` would take out (every sequence starts with one of these). */
const ANY_CONTROL = new RegExp(CONTROLS.source);

export function withoutControls(text: string): string {
  // Most text has none, and is kept as it is.
  return ANY_CONTROL.test(text) ? text.replace(SEQUENCES, '').replace(CONTROLS, '') : text;
}

/**
 * A value from the front matter, every string in it without control characters. A value
 * without any is given back as it is, not copied (the renderers only read it).
 */
export function cleanValue<T>(value: T): T {
  return typeof value === 'string' || IN_JSON.test(JSON.stringify(value) ?? '') ? cleanCopy(value) : value;
}

/**
 * A control character as JSON writes it: C0 as an escape (`\b`, `\f`, `\u001b`; tab and
 * line endings excepted), DEL and C1 as themselves. One look at the serialised value beats
 * a look at each of its strings; a backslash written before `u001b` is taken for one too,
 * which only costs a copy.
 */
const IN_JSON = /\\(?:[bf]|u00(?:0[0-8bcef]|1[0-9a-f]))|[\u007f-\u009f]/;

function cleanCopy<T>(value: T): T {
  if (typeof value === 'string') return withoutControls(value) as T;
  if (Array.isArray(value)) return value.map(cleanCopy) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = cleanCopy(inner);
    return out as T;
  }
  return value;
}

/**
 * The body tree with control characters taken out of its text, code, alt texts and titles.
 * Most bodies have none, and are given back as they are: copying every tree to clean
 * nothing was a fifth of building a view.
 */
export function cleanTree(tree: Root): Root {
  if (!someNode(tree, hasControls)) return tree;
  const copy = structuredClone(tree);
  visit(copy, (node) => {
    const any = node as { value?: unknown; alt?: unknown; title?: unknown };
    if (typeof any.value === 'string') any.value = withoutControls(any.value);
    if (typeof any.alt === 'string') any.alt = withoutControls(any.alt);
    if (typeof any.title === 'string') any.title = withoutControls(any.title);
  });
  return copy;
}

function hasControls(node: object): boolean {
  const { value, alt, title } = node as { value?: unknown; alt?: unknown; title?: unknown };
  return (
    (typeof value === 'string' && ANY_CONTROL.test(value)) ||
    (typeof alt === 'string' && ANY_CONTROL.test(alt)) ||
    (typeof title === 'string' && ANY_CONTROL.test(title))
  );
}
