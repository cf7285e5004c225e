/**
 * Markdown for pandoc to turn into Word: a YAML metadata block pandoc understands, topics
 * as Heading 1 under the Title, pipe tables whose separator dashes give each column the
 * share of the width its content needs, custom-style divs a reference document can style
 * (the same style names as the native .docx), and no raw HTML (pandoc would pass raw OOXML
 * or HTML straight through). Local images are named from the folder the Markdown is
 * written to; remote ones become links, so pandoc never fetches anything.
 */
import Handlebars from 'handlebars';
import type { PrecompiledTemplate } from '../generated/templates.js';
import type { Link, PhrasingContent, Root, RootContent, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { isRemote } from './images.js';
import { safeHref } from './links.js';
import { columns } from './text/wrap.js';
import type { ViewModel } from './view-model.js';

const stringifier = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', fences: true, rule: '-', listItemIndent: 'one' });

export type ImagePaths = (url: string) => string | undefined;

/** The body as Markdown: headings from level one, no raw HTML, images pandoc can find without fetching. */
export function bodyMarkdown(tree: Root, imagePath?: ImagePaths): string {
  const clean = structuredClone(tree);
  visit(clean, 'html', (_, index, parent) => {
    if (!parent || index === undefined) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  visit(clean, 'image', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const local = isRemote(node.url) ? undefined : imagePath?.(node.url);
    if (local) {
      node.url = local;
      return;
    }
    const label: Text = { type: 'text', value: node.alt || node.url };
    const href = isRemote(node.url) ? safeHref(node.url) : undefined;
    const replacement: Link | Text = href ? { type: 'link', url: href, children: [label] } : label;
    (parent.children as PhrasingContent[])[index] = replacement;
  });
  const depths = clean.children.filter((node) => node.type === 'heading').map((node) => node.depth);
  const shift = depths.length > 0 ? Math.min(...depths) - 1 : 0;
  if (shift > 0)
    visit(clean, 'heading', (node) => {
      node.depth = Math.max(1, node.depth - shift) as 1 | 2 | 3 | 4 | 5 | 6;
    });
  return String(stringifier.stringify(clean)).trimEnd();
}

/** A field's inline Markdown, written back as Markdown on one logical line (breaks continue it). */
export function inlineMarkdown(nodes: PhrasingContent[], imagePath?: ImagePaths): string {
  const root: Root = { type: 'root', children: [{ type: 'paragraph', children: nodes } as RootContent] };
  return bodyMarkdown(root, imagePath);
}

/**
 * A pipe table whose dashes are shares of 100: pandoc sizes columns from them when a line
 * is wider than 72 characters, which a separator of 100 dashes and more always is.
 */
export function pipeTable(header: string[], rows: string[][], caption: string): string {
  const natural = header.map((cell, column) => {
    const cells = [cell, ...rows.map((row) => row[column] ?? '')];
    const longest = Math.max(...cells.map((text) => columns(text)));
    const word = Math.max(...cells.flatMap((text) => text.split(/\s+/).map((part) => columns(part))));
    return Math.max(word + 1, Math.min(longest, 60));
  });
  const total = natural.reduce((sum, width) => sum + width, 0);
  const dashes = natural.map((width) => Math.max(4, Math.round((width / total) * 100)));
  const line = (cells: string[]) => `| ${cells.map((cell) => cell || ' ').join(' | ')} |`;
  return [
    line(header),
    `|${dashes.map((count) => '-'.repeat(count)).join('|')}|`,
    ...rows.map(line),
    '',
    `Table: ${escapeInline(caption)}`,
  ].join('\n');
}

const markdown = Handlebars.create();

/** A YAML double-quoted string whose content pandoc also reads literally (it reads metadata as Markdown). */
markdown.registerHelper('yaml', (value: unknown) => JSON.stringify(escapeInline(String(value ?? ''))));
/** Text for a pipe-table cell: no line breaks, no column separators. */
markdown.registerHelper('cell', (value: unknown) => cell(String(value ?? '')));
/** Plain text that must not turn into Markdown. */
markdown.registerHelper('text', (value: unknown) => escapeInline(String(value ?? '')));
/** Continuation lines of a list item, indented to stay inside it. */
markdown.registerHelper('indented', (value: unknown) => String(value ?? '').replace(/\n/g, '\n  '));

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\\?\n\s*/g, ' ');
}

function escapeInline(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#~^$|])/g, '\\$1').replace(/^(\s*)([-+]|\d+[.)])(\s)/, '$1\\$2$3');
}

/** The template, from its source or (for a bundled one) as compiled at build time. */
export function compileMarkdownTemplate(
  source: string,
  precompiled?: PrecompiledTemplate,
): Handlebars.TemplateDelegate {
  return precompiled ? markdown.template(precompiled) : markdown.compile(source, { strict: true, noEscape: true });
}

export function renderMarkdown(view: ViewModel, template: Handlebars.TemplateDelegate, imagePath?: ImagePaths): string {
  const labels = view.labels;
  const attendance = pipeTable(
    [labels.name!, labels.roleAndOrganisation!],
    view.attendance.groups.flatMap((group) => [
      [`**${escapeInline(group.label)}**`, ''],
      ...group.people.map((person) => [
        cell(escapeInline(person.fullName)),
        cell(escapeInline([person.description, person.tookPart].filter(Boolean).join(view.punctuation.semicolon))),
      ]),
    ]),
    labels.attendance!,
  );
  const actions = pipeTable(
    [...(view.showIds ? [labels.id!] : []), labels.action!, labels.owner!, labels.due!, labels.status!],
    view.actions.map((action) => [
      ...(view.showIds ? [cell(escapeInline(action.id))] : []),
      cell(inlineMarkdown(action.phrasing, imagePath)) +
        (action.carriedFrom ? ` *${cell(escapeInline(action.carriedFrom))}*` : ''),
      cell(escapeInline(action.ownerText)),
      cell(escapeInline(action.due)),
      cell(escapeInline(action.statusLabel)),
    ]),
    labels.actionsCaption!,
  );
  return `${template({
    ...view,
    body: bodyMarkdown(view.body, imagePath),
    agreements: view.agreements.map((agreement) => ({
      ...agreement,
      text: inlineMarkdown(agreement.phrasing, imagePath),
    })),
    tables: { attendance: view.attendance.groups.length > 0 ? attendance : '', actions },
    contact: view.contact && {
      ...view.contact,
      ...(view.contact.url ? { href: safeHref(view.contact.url) ?? '' } : {}),
    },
  })
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
