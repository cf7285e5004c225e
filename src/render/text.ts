import Handlebars from 'handlebars';
import type { Definition, List, ListItem, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';
import type { PersonView, ViewModel } from './view-model.js';

/**
 * Plain text for pasting into an email: everything wrapped at 72 columns, headings
 * underlined, lists and tables laid out with spaces, and links turned into numbered
 * footnotes listed at the end, so that nothing in the communiqué is lost on the way.
 *
 * The body is laid out here, in code; the parts that come from the front matter are laid
 * out by a Handlebars template with the helpers below, so a project can rearrange them.
 */
export const TEXT_WIDTH = 72;

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

// A space that must not become a line break: it keeps a link's `[1]` on the same line as
// the word it belongs to. Private-use, so it never clashes with a real character.
const GLUE = '\uE000';
// A blank line inside a code block. The final clean-up squeezes runs of blank lines that
// templates leave behind, and a code block's own blank lines must survive that.
const CODE_BLANK = '\uE001';

const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200B-\u200D\u2060\uFEFF]/gu;

/** Columns a string takes up: a character each, but combining marks and zero-width characters take none. */
function columns(text: string): number {
  return /^[\x20-\x7e]*$/.test(text) ? text.length : [...text.replace(ZERO_WIDTH, '')].length;
}

/**
 * Greedy filling: as many words as fit on each line. A word is never broken, so a URL or
 * a very long word longer than the line stands alone and runs past the edge. `\n` in the
 * text is a line break that is kept; every line after the first starts with `rest`.
 */
export function wrapText(text: string, width: number = TEXT_WIDTH, first = '', rest = first): string[] {
  const lines: string[] = [];
  const restWidth = columns(rest);
  let prefix = first;
  for (const segment of text.split('\n')) {
    let line = prefix;
    let used = columns(prefix);
    let empty = true;
    for (const word of words(segment, width - restWidth)) {
      const length = columns(word);
      if (!empty && used + 1 + length > width) {
        lines.push(line);
        line = rest + word;
        used = restWidth + length;
      } else {
        line = empty ? line + word : `${line} ${word}`;
        used += empty ? length : 1 + length;
      }
      empty = false;
    }
    lines.push(line);
    prefix = rest;
  }
  return lines.map((line) => line.replaceAll(GLUE, ' ').trimEnd());
}

function words(segment: string, room: number): string[] {
  // Glue keeps `text [1]` together only while the pair fits on a line at all.
  return segment
    .split(/[ \t]+/)
    .filter(Boolean)
    .flatMap((word) => (word.includes(GLUE) && columns(word) > room ? word.split(GLUE).filter(Boolean) : [word]));
}

// ---------------------------------------------------------------------------------------
// The body

interface Context {
  links: Map<string, number>;
  definitions: Map<string, Definition>;
}

/** The body laid out as text at `width` columns, with the URLs it footnotes. */
export function bodyText(tree: Root, width: number = TEXT_WIDTH): BodyText {
  const context: Context = { links: new Map(), definitions: new Map() };
  collectDefinitions(tree, context.definitions);
  const text = blocks(withHeadingsBelowTitle(tree).children, width, context, true).join('\n');
  return { text, links: [...context.links].map(([url, number]) => ({ number, url })) };
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  if (node.type === 'definition' && !into.has(node.identifier)) into.set(node.identifier, node);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}

/**
 * The title, which the template underlines with `=`, is the only first-level heading: a
 * body written with `#` headings is shifted down a level, as the HTML page does.
 */
function withHeadingsBelowTitle(tree: Root): Root {
  const shallowest = Math.min(7, ...tree.children.filter((node) => node.type === 'heading').map((node) => node.depth));
  if (shallowest >= 2) return tree;
  return {
    ...tree,
    children: tree.children.map((node) =>
      node.type === 'heading' ? { ...node, depth: Math.min(6, node.depth + 1) as 2 | 3 | 4 | 5 | 6 } : node,
    ),
  };
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
      const label = `[^${node.label ?? node.identifier}] `;
      return indentBlock(blocks(node.children, width - columns(label), context, true), label);
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
  // An embedded image's data URL is no use to someone reading an email.
  if (url.startsWith('data:')) return label;
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

// ---------------------------------------------------------------------------------------
// The template

/**
 * Helpers for text templates (a separate Handlebars instance: the HTML one escapes).
 *
 * - `{{underline text "="}}`: the text, and under it a line of the character as long as
 *   it (`-` when no character is given); a text too long for a line is wrapped first.
 * - `{{wrap text}}` or `{{#wrap}}…{{/wrap}}`: the text filled to 72 columns. Its own line
 *   breaks are kept (in the block form, each line of the block is a line). Options:
 *   `indent=N` indents every line after the first by N (a hanging indent); `margin=N`
 *   indents every line; `label="AGR-1"` starts the first line with the label and two
 *   spaces and hangs the rest under the text; `column=N` puts that text at column N at
 *   least; `width=N` fills to N columns instead of 72. The block form keeps the block's
 *   trailing newline.
 * - `{{#fact "Date"}}…{{/fact}}` or `{{fact "Date" value}}`: `Date:` and the value in a
 *   column at 12 (or `column=N`), as for the meeting facts.
 * - `{{person this}}`: one attendee as `Full Name — role, organisation; representing …`.
 * - `{{plural list "Owner" "Owners"}}`: the first word for one item, the second for more.
 */
const templates = Handlebars.create();

type Options = Handlebars.HelperOptions;

function splitArgs(args: unknown[]): { values: unknown[]; options: Options } {
  return { values: args.slice(0, -1), options: args.at(-1) as Options };
}

function asText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function number(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

function filled(content: string, hash: Record<string, unknown>): string {
  const margin = ' '.repeat(number(hash.margin, 0));
  const label = hash.label === undefined ? '' : asText(hash.label);
  const hang = label ? Math.max(number(hash.column, 0), columns(label) + 2) : number(hash.indent, 0);
  const first = margin + (label ? label + ' '.repeat(hang - columns(label)) : '');
  const rest = margin + ' '.repeat(hang);
  const lines = content.replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
  return wrapText(lines, number(hash.width, TEXT_WIDTH), first, rest).join('\n');
}

function blockOr(this: unknown, values: unknown[], options: Options): { content: string; block: boolean } {
  if (values.length > 0 || !options.fn) return { content: asText(values[0]), block: false };
  return { content: options.fn(this), block: true };
}

templates.registerHelper('underline', (...args: unknown[]) => {
  const { values } = splitArgs(args);
  const char = asText(values[1]).charAt(0) || '-';
  const lines = wrapText(asText(values[0]).replace(/\s+/g, ' ').trim());
  return [...lines, char.repeat(Math.min(TEXT_WIDTH, Math.max(0, ...lines.map(columns))))].join('\n');
});

templates.registerHelper('wrap', function (this: unknown, ...args: unknown[]) {
  const { values, options } = splitArgs(args);
  const { content, block } = blockOr.call(this, values, options);
  return filled(content, options.hash) + (block && content.endsWith('\n') ? '\n' : '');
});

templates.registerHelper('fact', function (this: unknown, ...args: unknown[]) {
  const { values, options } = splitArgs(args);
  const { content, block } = blockOr.call(this, values.slice(1), options);
  const hash = { ...options.hash, label: `${asText(values[0])}:`, column: number(options.hash.column, 12) };
  return filled(content, hash) + (block && content.endsWith('\n') ? '\n' : '');
});

const TOOK_PART: Record<string, string> = { remote: 'joined remotely', partial: 'for part of the meeting' };

templates.registerHelper('person', (person: PersonView) => {
  const details = [
    person.description,
    person.represents ? `representing ${person.represents}` : '',
    person.proxyFor ? `proxy for ${person.proxyFor}` : '',
    TOOK_PART[person.attendance] ?? '',
  ].filter(Boolean);
  return details.length > 0 ? `${person.fullName} — ${details.join('; ')}` : person.fullName;
});

templates.registerHelper('plural', (...args: unknown[]) => {
  const { values } = splitArgs(args);
  const count = Array.isArray(values[0]) ? values[0].length : Number(values[0]);
  return asText(count === 1 ? values[1] : values[2]);
});

// One compiled template per source: a run renders many documents with the same template.
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function compile(source: string): Handlebars.TemplateDelegate {
  let template = compiled.get(source);
  if (!template) {
    template = templates.compile(source, { noEscape: true, strict: true });
    compiled.set(source, template);
  }
  return template;
}

/**
 * The communiqué as plain text from a text template. The template sees the view with
 * `body` as laid-out text and `links` as the footnoted URLs (`{{number}}`, `{{url}}`) for
 * its Links section. Runs of blank lines a template leaves where a section was left out
 * become one, trailing spaces go, and the text ends with exactly one newline.
 */
export function renderText(view: ViewModel, template: string): string {
  const body = bodyText(view.body);
  const output = compile(template)({ ...view, body: body.text, links: body.links });
  return `${output
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/[ \t]*\uE001/g, '')
    .replace(/^\n+/, '')
    .trimEnd()}\n`;
}
