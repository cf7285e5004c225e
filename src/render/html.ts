import Handlebars from 'handlebars';
import type { Root, RootContent } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { ViewModel } from './view-model.js';

/**
 * The web page: one self-contained HTML document from a Handlebars template (which
 * escapes every value) around the body, rendered from Markdown and sanitised so that raw
 * HTML and `javascript:` links never reach the page.
 */
// Sanitising as GitHub does, plus embedded images (the only data: URLs the page may hold).
const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, src: [...(defaultSchema.protocols?.src ?? []), 'data'] },
};
const bodyToHtml = unified()
  .use(remarkRehype) // without allowDangerousHtml: raw HTML in the body is dropped
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

export type ImageSource = (url: string) => { data: Uint8Array; type: string } | undefined;

export function bodyHtml(tree: Root, loadImage?: ImageSource): string {
  return String(bodyToHtml.stringify(bodyToHtml.runSync(selfContained(withHeadingsBelowTitle(tree), loadImage))));
}

/**
 * The page makes no requests of its own: a local image is embedded as a data URI, and a
 * remote one becomes a link to it, labelled with its alt text.
 */
function selfContained(tree: Root, loadImage: ImageSource | undefined): Root {
  const visit = (node: RootContent | Root): RootContent | Root => {
    if (node.type === 'image') {
      const image = loadImage?.(node.url);
      if (image)
        return {
          ...node,
          url: `data:image/${image.type === 'jpg' ? 'jpeg' : image.type};base64,${Buffer.from(image.data).toString('base64')}`,
        };
      return { type: 'link', url: node.url, children: [{ type: 'text', value: node.alt || node.url }] } as RootContent;
    }
    if ('children' in node)
      return { ...node, children: (node.children as RootContent[]).map((child) => visit(child)) } as RootContent;
    return node;
  };
  return visit(tree) as Root;
}

/**
 * The title is the page's only `h1`: a body that uses `#` headings (valid Markdown, if
 * not a valid communiqué) is shifted down a level rather than given a second `h1`.
 */
function withHeadingsBelowTitle(tree: Root): Root {
  const shallowest = Math.min(7, ...tree.children.filter((node) => node.type === 'heading').map((node) => node.depth));
  if (shallowest >= 2) return tree;
  const shift = 2 - shallowest;
  return {
    ...tree,
    children: tree.children.map((node) =>
      node.type === 'heading' ? { ...node, depth: Math.min(6, node.depth + shift) as 1 | 2 | 3 | 4 | 5 | 6 } : node,
    ),
  };
}

const html = Handlebars.create();

export function compileHtmlTemplate(source: string): Handlebars.TemplateDelegate {
  return html.compile(source, { strict: true });
}

export function renderHtml(view: ViewModel, template: Handlebars.TemplateDelegate, loadImage?: ImageSource): string {
  return template({ ...view, body: new Handlebars.SafeString(bodyHtml(view.body, loadImage)) });
}
