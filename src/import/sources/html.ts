/**
 * A web page as blocks: parsed by rehype-parse, stripped of what is the site rather than
 * the communiqué (navigation, share buttons, headers and footers, forms, scripts; on a
 * page with a `main` or `article`, everything outside it but the title), turned into a
 * Markdown tree by hast-util-to-mdast and read as the Markdown importer reads one. Pages
 * communique rendered itself (`<meta name="generator" content="communique">`) keep their
 * header, facts and footer, which carry the meeting's details.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { Block } from '../types.js';
import { type Stripped, stripArtefactBlocks } from './artefacts.js';
import { mdastToBlocks } from './markdown.js';
import { pattern } from '../recognise/pattern.js';

const DROPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'aside',
  'dialog',
]);
const CHROME = pattern(
  'i',
  String.raw`(?:^|[\s_-])(?:share|sharing|social|breadcrumbs?|skip(?:-link)?|cookies?`,
  '|menu|navbar|nav|sidebar|banner|masthead|site-header|site-footer|related',
  '|print|toolbar|pagination|feedback|subscribe|newsletter-signup|top-bar',
  String.raw`|topbar|utility)(?:$|[\s_-])`,
);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary']);

export async function htmlToBlocks(html: string, stripped: Stripped): Promise<Block[]> {
  const [{ unified }, { default: rehypeParse }, { toMdast }] = await Promise.all([
    import('unified'),
    import('rehype-parse'),
    import('hast-util-to-mdast'),
  ]);
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const ours = /<meta\s+name=["']generator["']\s+content=["']communique["']/i.test(html);
  const title = pageTitle(tree);
  prune(tree, ours, stripped);
  reshape(tree);
  const blocks = mdastToBlocks(toMdast(tree) as MdastRoot);
  if (title && !blocks.some((block) => block.kind === 'heading' && block.level === 1))
    blocks.unshift({ kind: 'heading', level: 1, text: title });
  return stripArtefactBlocks(blocks, stripped);
}

function elements(node: Root | Element): Element[] {
  return (node.children as (RootContent | ElementContent)[]).filter(
    (child): child is Element => child.type === 'element',
  );
}

function find(node: Root | Element, test: (element: Element) => boolean): Element | undefined {
  for (const child of elements(node)) {
    if (test(child)) return child;
    const inner = find(child, test);
    if (inner) return inner;
  }
  return undefined;
}

function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** An element's text with its parts kept apart: "Home About us", not "HomeAbout us". */
function spaced(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(spaced).join(' ');
  return '';
}

/** The page's `<title>`, without the site's name after a bar or dash. */
function pageTitle(tree: Root): string | undefined {
  const title = find(tree, (element) => element.tagName === 'title');
  const text = title ? textOf(title).replace(/\s+/g, ' ').trim() : '';
  return text.replace(/\s+[|–—-]\s+[^|–—-]+$/, '').trim() || undefined;
}

const classes = (element: Element) =>
  [element.properties.className, element.properties.id].flat().filter(Boolean).join(' ');

function isChrome(element: Element): boolean {
  if (DROPPED.has(element.tagName)) return true;
  if (element.properties.hidden !== undefined || element.properties.ariaHidden === 'true') return true;
  const role = String(element.properties.role ?? '');
  if (CHROME_ROLES.has(role)) return true;
  return CHROME.test(classes(element));
}

const hasTitle = (element: Element) => find(element, (inner) => inner.tagName === 'h1') !== undefined;

function prune(tree: Root, ours: boolean, stripped: Stripped): void {
  const drop = (node: Root | Element, keep: (element: Element) => boolean) => {
    node.children = node.children.filter((child) => {
      if (child.type !== 'element') return child.type === 'text';
      if (!keep(child)) {
        const text = spaced(child).replace(/\s+/g, ' ').trim();
        if (text && child.tagName !== 'head') stripped.add('web page chrome', text);
        return false;
      }
      drop(child, keep);
      return true;
    });
  };
  if (ours) {
    drop(tree, (element) => !DROPPED.has(element.tagName) && !/\bdraft\b/.test(classes(element)));
    return;
  }
  drop(tree, (element) => {
    if (hasTitle(element) && (element.tagName === 'header' || CHROME.test(classes(element)))) return true;
    if ((element.tagName === 'header' || element.tagName === 'footer') && !hasTitle(element)) return false;
    return !isChrome(element);
  });
  // On a page with its content marked up, whatever is outside it is the site's.
  const content =
    find(tree, (element) => element.tagName === 'main' || element.properties.role === 'main') ??
    find(tree, (element) => element.tagName === 'article');
  if (!content) return;
  const onPath = (element: Element): boolean =>
    element === content || find(element, (inner) => inner === content) !== undefined;
  drop(tree, (element) => onPath(element) || hasTitle(element) || isInside(content, element));
}

function isInside(container: Element, element: Element): boolean {
  return find(container, (inner) => inner === element) !== undefined;
}

/**
 * What hast-util-to-mdast would lose: a definition list's terms ("Date" → "Date: …") and
 * a table's caption ("Present"), which say what the values are.
 */
function reshape(node: Root | Element): void {
  const children: (RootContent | ElementContent)[] = [];
  for (const child of node.children) {
    if (child.type !== 'element') {
      children.push(child);
      continue;
    }
    if (child.tagName === 'dl') {
      let term = '';
      for (const item of elements(child)) {
        if (item.tagName === 'dt') term = textOf(item).trim();
        else if (item.tagName === 'dd')
          children.push(paragraph(`${term}: ${textOf(item).replace(/\s+/g, ' ').trim()}`));
      }
      continue;
    }
    if (child.tagName === 'table') {
      const caption = elements(child).find((inner) => inner.tagName === 'caption');
      if (caption) {
        children.push(paragraph(textOf(caption).replace(/\s+/g, ' ').trim()));
        child.children = child.children.filter((inner) => inner !== caption);
      }
    }
    reshape(child);
    children.push(child);
  }
  node.children = children as typeof node.children;
}

function paragraph(text: string): Element {
  return { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] };
}
