/**
 * The web page: one self-contained HTML document from a Handlebars template (which
 * escapes every value) around the body, rendered from Markdown and sanitised so that raw
 * HTML and `javascript:` links never reach the page.
 */
import Handlebars from 'handlebars';
import type { Link, Root } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { withHeadingsBelowTitle } from './body.js';
import { type ImageLoader, images } from './images.js';
import type { ViewModel } from './view-model.js';

// Sanitising as GitHub does, plus embedded images (the only data: URLs the page may hold).
const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, src: [...(defaultSchema.protocols?.src ?? []), 'data'] },
};
const bodyToHtml = unified()
  .use(remarkRehype) // without allowDangerousHtml: raw HTML in the body is dropped
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

export function bodyHtml(tree: Root, loadImage?: ImageLoader): string {
  return String(bodyToHtml.stringify(bodyToHtml.runSync(selfContained(withHeadingsBelowTitle(tree), loadImage))));
}

/**
 * The page makes no requests of its own: a local image is embedded as a data URI, and a
 * remote one becomes a link to it, labelled with its alt text.
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
    const link: Link = { type: 'link', url: node.url, children: [{ type: 'text', value: node.alt || node.url }] };
    parent.children[index] = link;
  });
  return copy;
}

const html = Handlebars.create();

export function compileHtmlTemplate(source: string): Handlebars.TemplateDelegate {
  return html.compile(source, { strict: true });
}

export function renderHtml(view: ViewModel, template: Handlebars.TemplateDelegate, loadImage?: ImageLoader): string {
  return template({ ...view, body: new Handlebars.SafeString(bodyHtml(view.body, loadImage)) });
}
