import type { Definition, List, ListItem, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { visit } from 'unist-util-visit';
import { withHeadingsBelowTitle } from '../body.js';
import { isRemote } from '../images.js';
import { safeHref } from '../links.js';
import { CODE_BLANK, columns, GLUE, TEXT_WIDTH, wrapText } from './wrap.js';

/**
 * The body as plain text for pasting into an email: wrapped at 72 columns, headings
 * underlined, lists and tables laid out with spaces, and links turned into numbered
 * footnotes listed at the end, so that nothing in the communiqué is lost on the way.
 */

/** A footnoted URL: the body says `text [number]`, the Links section says `[number] url`. */
export interface TextLink {
  number: number;
  url: string;
}

export interface BodyText {
  /** The laid-out body, without a trailing newline. */
  text: string;
  /** Footnoted URLs, in the order they are first referred to. */
  links: TextLink[];
}

export interface Context {
  links: Map<string, number>;
  definitions: Map<string, Definition>;
  /** Footnote definitions, laid out for the end of the text, in the order they are defined. */
  notes: string[];
}

export function textContext(): Context {
  return { links: new Map(), definitions: new Map(), notes: [] };
}

/** The body laid out as text at `width` columns, with the URLs it footnotes and its footnotes for the end. */
export function bodyText(tree: Root, width: number = TEXT_WIDTH, context: Context = textContext()): BodyText {
  collectDefinitions(tree, context.definitions);
  const text = blocks(withHeadingsBelowTitle(tree).children, width, context, true).join('\n');
  return { text, links: linksOf(context) };
}

export function linksOf(context: Context): TextLink[] {
  return [...context.links].map(([url, number]) => ({ number, url }));
}

/** A field's inline Markdown as one line of text, its links footnoted in the same numbering as the body's. */
export function inlineText(nodes: readonly PhrasingContent[], context: Context): string {
  return inline(nodes, context)
    .replace(/\s*\n\s*/g, ' ')
    .replaceAll(GLUE, ' ')
    .trim();
}

function collectDefinitions(tree: Root, into: Map<string, Definition>): void {
  visit(tree, 'definition', (node) => {
    if (!into.has(node.identifier)) into.set(node.identifier, node);
  });
}

/**
 * Heading underlines: `=` is the title's alone; `##` sections get `-`; `###` and deeper
 * all get `~`. Communiqués rarely go below `###`, and in an email the reader needs to tell
 * a section from a subsection, not one level of subsection from another.
 */
function underlineFor(depth: number): string {
  return depth <= 1 ? '=' : depth === 2 ? '-' : '~';
}

function blocks(nodes: readonly RootContent[], width: number, context: Context, spread: boolean): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    const lines = block(node, Math.max(width, 20), context);
    if (lines.length === 0) continue;
    if (out.length > 0 && spread) out.push('');
    out.push(...lines);
  }
  return out;
}

function block(node: RootContent, width: number, context: Context): string[] {
  switch (node.type) {
    case 'paragraph': {
      const text = inline(node.children, context);
      return text.trim() === '' ? [] : wrapText(text.trim(), width);
    }
    case 'heading': {
      const text = inline(node.children, context).replace(/\n/g, ' ').trim();
      if (text === '') return [];
      const lines = wrapText(text, width);
      const length = Math.min(width, Math.max(...lines.map(columns)));
      return [...lines, underlineFor(node.depth).repeat(length)];
    }
    case 'thematicBreak':
      return ['-'.repeat(width)];
    case 'blockquote':
      return blocks(node.children, width - 2, context, true).map((line) => (line === '' ? '>' : `> ${line}`));
    case 'list':
      return list(node, width, context);
    case 'code':
      // Code keeps its own line breaks and spacing: wrapping it could change its meaning.
      return node.value.split('\n').map((line) => (line.trim() === '' ? CODE_BLANK : `    ${line.trimEnd()}`));
    case 'table':
      return table(node, width, context);
    case 'footnoteDefinition': {
      // Footnotes are collected for the end of the text, as a reader of an email expects.
      const label = `[^${node.label ?? node.identifier}] `;
      context.notes.push(indentBlock(blocks(node.children, width - columns(label), context, true), label).join('\n'));
      return [];
    }
    case 'html':
    case 'definition':
    case 'yaml':
      // Raw HTML never reaches the output; a definition's URL is footnoted where it is used.
      return [];
    default:
      if ('children' in node) return blocks(node.children as RootContent[], width, context, true);
      if ('value' in node && typeof node.value === 'string')
        return wrapText(node.value.replace(/\s+/g, ' ').trim(), width);
      return [];
  }
}

/** Lines of a list item or footnote: the marker on the first line, a hanging indent after. */
function indentBlock(lines: readonly string[], marker: string): string[] {
  if (lines.length === 0) return [marker.trimEnd()];
  const hang = ' '.repeat(columns(marker));
  return lines.map((line, index) =>
    index === 0 ? marker + line : line === '' || line === CODE_BLANK ? line : hang + line,
  );
}

function list(node: List, width: number, context: Context): string[] {
  const start = node.start ?? 1;
  const markers = node.children.map((_, index) => (node.ordered ? `${start + index}.` : '-'));
  const markerWidth = Math.max(...markers.map(columns)) + 1;
  const loose = Boolean(node.spread) || node.children.some((item) => item.spread);
  const out: string[] = [];
  node.children.forEach((item: ListItem, index) => {
    const task = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
    const marker = (markers[index] ?? '-').padEnd(markerWidth) + task;
    if (loose && index > 0) out.push('');
    out.push(...indentBlock(blocks(item.children, width - columns(marker), context, Boolean(item.spread)), marker));
  });
  return out;
}

/**
 * A table as aligned columns when it fits the line; otherwise one record per row, each
 * cell on its own `Header: value` line, since wrapped columns are unreadable in an email.
 */
function table(node: Table, width: number, context: Context): string[] {
  const rows = node.children.map((row) =>
    row.children.map((cell) => inline(cell.children, context).replace(/\s+/g, ' ').replaceAll(GLUE, ' ').trim()),
  );
  const count = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: count }, (_, column) =>
    Math.max(1, ...rows.map((row) => columns(row[column] ?? ''))),
  );
  const total = widths.reduce((sum, column) => sum + column, 0) + 2 * (count - 1);
  if (total <= width) {
    const layout = (cells: readonly string[]) =>
      widths
        .map((columnWidth, column) => align(cells[column] ?? '', columnWidth, node.align?.[column] ?? null))
        .join('  ')
        .trimEnd();
    const [header = [], ...body] = rows;
    return [layout(header), widths.map((columnWidth) => '-'.repeat(columnWidth)).join('  '), ...body.map(layout)];
  }
  const [header = [], ...body] = rows;
  if (body.length === 0) return header.filter(Boolean).flatMap((cell) => wrapText(cell, width, '', '  '));
  const out: string[] = [];
  body.forEach((row, index) => {
    if (index > 0) out.push('');
    for (let column = 0; column < count; column++) {
      const label = header[column] ?? '';
      const value = row[column] ?? '';
      out.push(...wrapText(label ? `${label}: ${value}` : value, width, '', '  '));
    }
  });
  return out;
}

function align(text: string, width: number, how: 'left' | 'right' | 'center' | null): string {
  const room = width - columns(text);
  if (how === 'right') return ' '.repeat(room) + text;
  if (how === 'center') return ' '.repeat(Math.floor(room / 2)) + text + ' '.repeat(Math.ceil(room / 2));
  return text + ' '.repeat(room);
}

/** Inline content as one string: spaces may break, GLUE may not, `\n` is a hard break. */
function inline(nodes: readonly PhrasingContent[], context: Context): string {
  return nodes.map((node) => phrasing(node, context)).join('');
}

function phrasing(node: PhrasingContent, context: Context): string {
  switch (node.type) {
    case 'text':
      return node.value.replace(/[ \t\r\n]+/g, ' ');
    case 'inlineCode':
      return node.value.replace(/[ \t\r\n]+/g, ' ');
    case 'break':
      return '\n';
    case 'emphasis':
      return inline(node.children, context);
    case 'strong':
      return `*${inline(node.children, context)}*`;
    case 'delete':
      return `~~${inline(node.children, context)}~~`;
    case 'link':
      return linked(inline(node.children, context), node.url, context);
    case 'linkReference': {
      const definition = context.definitions.get(node.identifier);
      const text = inline(node.children, context);
      return definition ? linked(text, definition.url, context) : text;
    }
    case 'image':
      return pictured(node.alt, node.url, context);
    case 'imageReference': {
      const definition = context.definitions.get(node.identifier);
      return definition ? pictured(node.alt, definition.url, context) : `[Image: ${node.alt ?? ''}]`;
    }
    case 'footnoteReference':
      return `[^${node.label ?? node.identifier}]`;
    case 'html':
      // The tags go, the text between them stays; a `<br>` still separates what it separated.
      return /^<br\s*\/?>$/i.test(node.value.trim()) ? '\n' : '';
    default: {
      // Phrasing added by a future syntax extension: keep its text rather than lose it.
      const other = node as { children?: PhrasingContent[]; value?: unknown };
      if (other.children) return inline(other.children, context);
      return typeof other.value === 'string' ? other.value : '';
    }
  }
}

function linked(text: string, url: string, context: Context): string {
  const label = text.trim();
  if (!safeHref(url) || url.startsWith('#')) return label;
  if (isAutolink(label, url)) return label;
  const number = footnote(url, context);
  return label ? `${label}${GLUE}[${number}]` : `[${number}]`;
}

/**
 * A link that shows its own URL needs no footnote: `<https://…>`, and GFM's bare
 * `www.…` and e-mail autolinks, whose URL only adds the scheme the text leaves out.
 */
function isAutolink(text: string, url: string): boolean {
  return text === url || url === `mailto:${text}` || (text.startsWith('www.') && url === `http://${text}`);
}

function pictured(alt: string | null | undefined, url: string, context: Context): string {
  const label = alt?.trim() ? `[Image: ${alt.trim()}]` : '[Image]';
  // A local file's path and an embedded image's data URL are no use to someone reading an email.
  if (!isRemote(url) || !safeHref(url)) return label;
  return `${label}${GLUE}[${footnote(url, context)}]`;
}

function footnote(url: string, context: Context): number {
  let number = context.links.get(url);
  if (number === undefined) {
    number = context.links.size + 1;
    context.links.set(url, number);
  }
  return number;
}
