/**
 * Markdown for pandoc to turn into Word: a YAML metadata block pandoc understands, pipe
 * tables with captions, custom-style divs a reference document can style, and no raw
 * HTML (pandoc would pass raw OOXML or HTML straight through).
 */
import Handlebars from 'handlebars';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { ViewModel } from './view-model.js';

const stringifier = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', fences: true, rule: '-', listItemIndent: 'one' });

/** The body as Markdown, without raw HTML anywhere: pandoc's raw_html extension is off, but nothing should rely on it. */
export function bodyMarkdown(tree: Root): string {
  const clean = structuredClone(tree);
  visit(clean, 'html', (_, index, parent) => {
    if (!parent || index === undefined) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return String(stringifier.stringify(clean)).trimEnd();
}

const markdown = Handlebars.create();

/** A YAML double-quoted string whose content pandoc also reads literally (it reads metadata as Markdown). */
markdown.registerHelper('yaml', (value: unknown) => JSON.stringify(escapeInline(String(value ?? ''))));
/** Text for a pipe-table cell: no line breaks, no column separators. */
markdown.registerHelper('cell', (value: unknown) =>
  escapeInline(String(value ?? ''))
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' '),
);
/** Plain text that must not turn into Markdown. */
markdown.registerHelper('text', (value: unknown) => escapeInline(String(value ?? '')));

function escapeInline(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#~^$|])/g, '\\$1').replace(/^(\s*)([-+]|\d+[.)])(\s)/, '$1\\$2$3');
}

export function compileMarkdownTemplate(source: string): Handlebars.TemplateDelegate {
  return markdown.compile(source, { strict: true, noEscape: true });
}

export function renderMarkdown(view: ViewModel, template: Handlebars.TemplateDelegate): string {
  return `${template({ ...view, body: bodyMarkdown(view.body) })
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
