/**
 * The web page: one self-contained HTML document from a Handlebars template (which
 * escapes every value) around the body, rendered from Markdown and sanitised so that raw
 * HTML and script links never reach the page. The body's footnotes are taken out to sit
 * at the end of the page, its tables scroll inside a focusable region instead of widening
 * the page, and alignment is a class (the `align` attribute is obsolete).
 */
import Handlebars from 'handlebars';
import type { PrecompiledTemplate } from '../generated/templates.js';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Link, PhrasingContent, Root, Text } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { headingIds, withHeadingsBelowTitle } from './body.js';
import { type ImageLoader, images } from './images.js';
import { safeHref } from './links.js';
import { longestWords } from './measure.js';
import { shorten } from './text/wrap.js';
import type { ViewModel } from './view-model.js';

// Sanitising as GitHub does, plus embedded images (the only data: URLs the page may hold),
// with ids left as they are: remark-rehype already prefixes footnote ids, and a second
// prefix would break every footnote link. Body headings get their ids from `headingIds`.
const schema = {
  ...defaultSchema,
  clobberPrefix: '',
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['data'] },
};

function processor(footnoteLabel: string) {
  return unified()
    .use(remarkRehype, {
      footnoteLabel,
      footnoteLabelTagName: 'h2',
      footnoteLabelProperties: { id: 'notes' },
    }) // without allowDangerousHtml: raw HTML in the body is dropped
    .use(rehypeSanitize, schema)
    .use(rehypeStringify);
}
const processors = new Map<string, ReturnType<typeof processor>>();
function processorFor(footnoteLabel: string) {
  let found = processors.get(footnoteLabel);
  if (!found) {
    found = processor(footnoteLabel);
    processors.set(footnoteLabel, found);
  }
  return found;
}

export interface BodyHtml {
  body: string;
  /** The footnotes, for the end of the page; empty when there are none. */
  footnotes: string;
}

/**
 * The body as HTML. A body of paragraphs and headings of text alone (most bodies) is
 * written out directly, as remark-rehype, the sanitiser and the serialiser would write it
 * (`test/render-fast-paths.test.ts` holds the two to the same page), at a fraction of the
 * cost; `quick: false` always takes the long way, for that test.
 */
export function bodyHtml(tree: Root, loadImage?: ImageLoader, footnoteLabel = 'Notes', quick = true): BodyHtml {
  const ids = headingIds(tree);
  const shifted = withHeadingsBelowTitle(tree);
  const direct = quick ? textBlocksHtml(shifted, ids) : undefined;
  if (direct !== undefined) return { body: direct, footnotes: '' };
  const pipeline = processorFor(footnoteLabel);
  const hast = pipeline.runSync(selfContained(shifted, loadImage)) as HastRoot;
  let heading = 0;
  let footnotes: Element | undefined;
  hast.children = hast.children.filter((node) => {
    if (node.type === 'element' && node.tagName === 'section' && node.properties.dataFootnotes !== undefined) {
      footnotes = node;
      return false;
    }
    return true;
  });
  for (const node of hast.children) {
    if (node.type !== 'element' || !/^h[1-6]$/.test(node.tagName)) continue;
    const id = ids[heading++];
    if (id) node.properties.id = id;
  }
  finish(hast);
  return {
    body: pipeline.stringify(hast),
    footnotes: footnotes ? pipeline.stringify({ type: 'root', children: [footnotes] }) : '',
  };
}

/** Spaces or tabs around a line ending, which remark-rehype trims from text. */
const SPACE_AT_LINE_END = /[ \t][\r\n]|[\r\n][ \t]/;

/**
 * The HTML of a body that is only paragraphs and headings of plain text, headings with
 * their ids; undefined for any other. Text is escaped as the serialiser escapes it.
 */
function textBlocksHtml(tree: Root, ids: readonly string[]): string | undefined {
  const blocks: string[] = [];
  let heading = 0;
  for (const node of tree.children) {
    if (node.type !== 'paragraph' && node.type !== 'heading') return undefined;
    let text = '';
    for (const child of node.children) {
      if (child.type !== 'text' || SPACE_AT_LINE_END.test(child.value)) return undefined;
      text += child.value;
    }
    text = text.replace(/[&<]/g, (char) => (char === '&' ? '&#x26;' : '&#x3C;'));
    if (node.type === 'paragraph') blocks.push(`<p>${text}</p>`);
    else {
      const id = ids[heading++];
      if (id !== undefined && /["&]/.test(id)) return undefined;
      blocks.push(`<h${node.depth}${id ? ` id="${id}"` : ''}>${text}</h${node.depth}>`);
    }
  }
  return blocks.join('\n');
}

/** Alignment as classes, tables in scrolling regions, and links that show their own address marked as such. */
function finish(tree: HastRoot): void {
  let tables = 0;
  visit(tree, 'element', (node, index, parent) => {
    const align = node.properties.align;
    if ((node.tagName === 'td' || node.tagName === 'th') && typeof align === 'string') {
      delete node.properties.align;
      node.properties.className = [`align-${align}`];
    }
    if (node.tagName === 'a' && typeof node.properties.href === 'string') {
      const text = hastText(node).trim();
      const href = node.properties.href;
      if (text === href || `mailto:${text}` === href || `http://${text}` === href) node.properties.className = ['bare'];
    }
    if (node.tagName === 'table' && parent && index !== undefined && !(parent.type === 'element' && isWrap(parent))) {
      tables += 1;
      const header = hastText(node.children.find((child) => child.type === 'element') ?? node)
        .replace(/\s+/g, ' ')
        .trim();
      const wrap: Element = {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['table-wrap', ...(tooWideToPrint(node) ? ['wide'] : [])],
          role: 'region',
          tabIndex: 0,
          ariaLabel: header || `Table ${tables}`,
        },
        children: [node],
      };
      parent.children[index] = wrap;
      return 'skip';
    }
    return undefined;
  });
}

/**
 * Whether a table's longest words do not fit across an A4 page at the printed 10.5 pt
 * (174 mm, less 12 pt of padding a column). Chromium would shrink every page to fit it;
 * the print stylesheet sets a table marked `wide` smaller instead.
 */
function tooWideToPrint(table: Element): boolean {
  const rows: string[][] = [];
  visit(table, 'element', (row) => {
    if (row.tagName !== 'tr') return undefined;
    rows.push(
      row.children.flatMap((cell) =>
        cell.type === 'element' && (cell.tagName === 'th' || cell.tagName === 'td') ? [hastText(cell)] : [],
      ),
    );
    return 'skip';
  });
  const columns = Math.max(0, ...rows.map((row) => row.length));
  return (longestWords(rows) / 20) * (10.5 / 11) + columns * 12 > (174 / 25.4) * 72;
}

function isWrap(node: Element): boolean {
  return (
    node.tagName === 'div' &&
    Array.isArray(node.properties.className) &&
    node.properties.className.includes('table-wrap')
  );
}

function hastText(node: ElementContent | HastRoot): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => hastText(child as ElementContent)).join(' ');
  return '';
}

/**
 * The page makes no requests of its own: a local image is embedded as a data URI, and a
 * remote one becomes a link to it (or its alt text, when its address may not be a link),
 * labelled with its alt text.
 */
function selfContained(tree: Root, loadImage: ImageLoader | undefined): Root {
  if (images(tree).length === 0) return tree;
  const copy = structuredClone(tree);
  visit(copy, 'image', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const image = loadImage?.(node.url);
    if (image) {
      const type = image.type === 'jpg' ? 'jpeg' : image.type;
      node.url = `data:image/${type};base64,${Buffer.from(image.data).toString('base64')}`;
      return;
    }
    const label: Text = { type: 'text', value: node.alt || node.url };
    const href = safeHref(node.url);
    const replacement: Link | Text = href ? { type: 'link', url: href, children: [label] } : label;
    parent.children[index] = replacement;
  });
  return copy;
}

/** A field's inline Markdown (an agreement's text) as HTML, without the paragraph around it. */
export function inlineHtml(nodes: PhrasingContent[], loadImage?: ImageLoader): string {
  const { body } = bodyHtml({ type: 'root', children: [{ type: 'paragraph', children: nodes }] }, loadImage);
  return body.replace(/^<p>|<\/p>$/g, '');
}

const html = Handlebars.create();

/** A CSS string literal: for the running title and page labels in the print stylesheet. */
html.registerHelper('css', (value: unknown) => {
  const text = String(value ?? '').replace(/[\\"<>&\n\r]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `);
  return new Handlebars.SafeString(`"${text}"`);
});

/** A text cut at a word to `max` columns with an ellipsis: for the running title, which a page margin cannot wrap or clip. */
html.registerHelper('shorten', (value: unknown, max: unknown) =>
  shorten(String(value ?? ''), typeof max === 'number' ? max : 80),
);

/** `"Page " counter(page) " of " counter(pages)`, from the label "Page {page} of {pages}". */
html.registerHelper('pageCounter', (label: unknown) => {
  const parts = String(label ?? '')
    .split(/(\{pages?\})/)
    .filter(Boolean)
    .map((part) =>
      part === '{page}'
        ? 'counter(page)'
        : part === '{pages}'
          ? 'counter(pages)'
          : `"${part.replace(/[\\"<>&\n\r]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`,
    );
  return new Handlebars.SafeString(parts.join(' '));
});

/** ` lang="en"` on a label when the document's language has no catalogue and its labels are English (WCAG 3.1.2). */
html.registerHelper('labelLang', (options: Handlebars.HelperOptions) => {
  const root = options.data?.root as { labelLang?: string } | undefined;
  return new Handlebars.SafeString(root?.labelLang ? ` lang="${root.labelLang}"` : '');
});

/** The template, from its source or (for a bundled one) as compiled at build time. */
export function compileHtmlTemplate(source: string, precompiled?: PrecompiledTemplate): Handlebars.TemplateDelegate {
  return precompiled ? html.template(precompiled) : html.compile(source, { strict: true });
}

export function renderHtml(view: ViewModel, template: Handlebars.TemplateDelegate, loadImage?: ImageLoader): string {
  const rendered = bodyHtml(view.body, loadImage, view.labels.footnotes);
  const safe = (text: string) => new Handlebars.SafeString(text);
  return template({
    ...view,
    body: safe(rendered.body),
    footnotes: rendered.footnotes ? safe(rendered.footnotes) : '',
    agreements: view.agreements.map((agreement) => ({
      ...agreement,
      text: safe(inlineHtml(agreement.phrasing, loadImage)),
    })),
    actions: view.actions.map((action) => ({ ...action, text: safe(inlineHtml(action.phrasing, loadImage)) })),
    contact: view.contact && {
      ...view.contact,
      ...(view.contact.url ? { href: safeHref(view.contact.url) ?? '' } : {}),
    },
  });
}
