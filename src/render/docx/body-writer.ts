import {
  AlignmentType,
  FootnoteReferenceRun,
  ImageRun,
  type INumberingOptions,
  type IRunOptions,
  LevelFormat,
  Paragraph,
  type ParagraphChild,
  type Table,
  TextRun,
} from 'docx';
import type {
  BlockContent,
  DefinitionContent,
  FootnoteDefinition,
  List,
  PhrasingContent,
  Root,
  RootContent,
  Table as MdTable,
  TableCell as MdTableCell,
} from 'mdast';
import { toString as plainTextOf } from 'mdast-util-to-string';
import { type ImageLoader, isRemote } from '../images.js';
import {
  type Block,
  BULLETS,
  clean,
  fitWidths,
  HANGING,
  HEADINGS,
  hyperlink,
  type Level,
  LIST_INDENT,
  MAX_IMAGE_HEIGHT,
  MAX_IMAGE_WIDTH,
  safeUrl,
  table,
} from './layout.js';

interface Format {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  link?: boolean;
}

interface Context {
  /** How far in list content sits, in twips. */
  indent: number;
  /** How many block quotes deep. */
  quote: number;
  /** The list level the next list starts at. */
  listLevel: number;
  /** Inside a footnote, where a heading would join the document's outline. */
  note: boolean;
}

const TOP: Context = { indent: 0, quote: 0, listLevel: 0, note: false };

/**
 * The body's Markdown tree as Word paragraphs and tables. Holds what a document shares
 * across its body: link definitions, footnotes, list numbering and drawing ids (docx would
 * otherwise take them from a process-wide counter, and two runs would differ).
 */
export class BodyWriter {
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  private readonly definitions = new Map<string, string>();
  private readonly footnoteDefinitions = new Map<string, FootnoteDefinition>();
  private readonly footnoteIds = new Map<string, number>();
  /** The list definitions used, by reference, with the deepest level each is used at. */
  private readonly lists = new Map<string, { start?: number; deepest: number }>();
  private listInstance = 0;
  private drawings = 0;
  /** The outline level of the last heading written (the title is 0). */
  private lastLevel = 0;
  private shift = 1;

  constructor(private readonly loadImage: ImageLoader | undefined) {}

  /** The body, after a heading at outline level `after`; its headings never skip a level. */
  body(tree: Root, after: number): Block[] {
    this.collect(tree);
    const depths = tree.children.filter((node) => node.type === 'heading').map((node) => node.depth);
    // The body's shallowest heading sits just below the title (Heading 1), like the generated sections.
    this.shift = depths.length > 0 ? Math.min(...depths) - 1 : 1;
    this.lastLevel = after;
    return this.blocks(tree.children, TOP);
  }

  /** A field's inline Markdown (an agreement's or action's text) as runs, sharing the body's links and footnotes. */
  phrases(nodes: readonly PhrasingContent[]): ParagraphChild[] {
    return this.inline(nodes, {});
  }

  numbering(): INumberingOptions {
    const style = (level: number) => ({ paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: HANGING } } });
    const config = [...this.lists].map(([reference, { start, deepest }]) => ({
      reference,
      levels: Array.from({ length: deepest + 1 }, (_, level) =>
        start === undefined
          ? {
              level,
              format: LevelFormat.BULLET,
              text: BULLETS[level % BULLETS.length]!,
              alignment: AlignmentType.LEFT,
              style: style(level),
            }
          : {
              level,
              format: LevelFormat.DECIMAL,
              text: `%${level + 1}.`,
              start: level === 0 ? start : 1,
              alignment: AlignmentType.LEFT,
              style: style(level),
            },
      ),
    }));
    return { config };
  }

  private collect(node: Root | RootContent): void {
    if (node.type === 'definition' && !this.definitions.has(node.identifier))
      this.definitions.set(node.identifier, node.url);
    if (node.type === 'footnoteDefinition' && !this.footnoteDefinitions.has(node.identifier))
      this.footnoteDefinitions.set(node.identifier, node);
    if ('children' in node) for (const child of node.children) this.collect(child);
  }

  private blocks(nodes: readonly (RootContent | BlockContent | DefinitionContent)[], context: Context): Block[] {
    return nodes.flatMap((node) => this.block(node, context));
  }

  private block(node: RootContent, context: Context): Block[] {
    switch (node.type) {
      case 'heading': {
        // A heading inside a list, quote or footnote would break the outline: it keeps its emphasis only.
        if (context.indent > 0 || context.quote > 0 || context.note)
          return [this.paragraph(this.inline(node.children, { bold: true }), context)];
        const level = Math.min(6, Math.max(1, node.depth - this.shift), this.lastLevel + 1) as Level;
        this.lastLevel = level;
        return [new Paragraph({ heading: HEADINGS[level - 1], children: this.inline(node.children, {}) })];
      }
      case 'paragraph':
        return [this.paragraph(this.inline(node.children, {}), context)];
      case 'blockquote':
        return this.blocks(node.children, { ...context, quote: context.quote + 1 });
      case 'list':
        return this.list(node, context);
      case 'code': {
        const lines = node.value.replace(/\t/g, '    ').split('\n');
        return [
          new Paragraph({
            style: 'SourceCode',
            ...(context.indent > 0 ? { indent: { left: context.indent } } : {}),
            children: lines.map(
              (line, index) => new TextRun({ text: clean(line), ...(index > 0 ? { break: 1 } : {}) }),
            ),
          }),
        ];
      }
      case 'thematicBreak':
        return [
          new Paragraph({ thematicBreak: true, ...(context.indent > 0 ? { indent: { left: context.indent } } : {}) }),
        ];
      case 'table':
        return [this.table(node)];
      default:
        // Raw HTML never reaches the document; definitions and footnotes are used where referenced.
        return [];
    }
  }

  private paragraph(children: ParagraphChild[], context: Context): Paragraph {
    // A quote's own indent comes from its style, unless it sits in a list or another quote.
    const left = context.indent + context.quote * LIST_INDENT;
    const indented = context.indent > 0 || context.quote > 1;
    return new Paragraph({
      ...(context.quote > 0 ? { style: 'Quote' } : {}),
      ...(indented ? { indent: { left } } : {}),
      children,
    });
  }

  /**
   * Each Markdown list is a list of its own in Word (a new numbering instance), so a
   * numbered list after a paragraph starts again at its own first number; nested lists
   * take the next level, whatever their kind.
   */
  private list(node: List, context: Context): Block[] {
    const level = Math.min(8, context.listLevel);
    const start = node.ordered ? Math.max(0, node.start ?? 1) : undefined;
    const reference = start === undefined ? 'bullets' : `ordered-${start}`;
    this.lists.set(reference, {
      ...(start === undefined ? {} : { start }),
      deepest: Math.max(level, this.lists.get(reference)?.deepest ?? 0),
    });
    const numbering = { reference, level, instance: ++this.listInstance };
    const inner: Context = { ...context, indent: LIST_INDENT * (level + 1), listLevel: level + 1 };
    const out: Block[] = [];
    for (const item of node.children) {
      const box = item.checked === true ? '☒ ' : item.checked === false ? '☐ ' : '';
      const [first, ...rest] = item.children;
      const lead = first?.type === 'paragraph' ? this.inline(first.children, {}) : [];
      out.push(
        new Paragraph({
          ...(context.quote > 0 ? { style: 'Quote' } : {}),
          numbering,
          children: box ? [new TextRun(box), ...lead] : lead,
        }),
      );
      out.push(...this.blocks(first?.type === 'paragraph' ? rest : item.children, inner));
    }
    return out;
  }

  private table(node: MdTable): Table {
    const align = (node.align ?? []).map((value) =>
      value === 'center'
        ? AlignmentType.CENTER
        : value === 'right'
          ? AlignmentType.RIGHT
          : value === 'left'
            ? AlignmentType.LEFT
            : undefined,
    );
    const [head, ...body] = node.children;
    const cells = (cell: MdTableCell, format: Format) => this.inline(cell.children, format);
    const header = (head?.children ?? []).map((cell) => cells(cell, {}));
    const widths = fitWidths(node.children.map((row) => row.children.map((cell) => plainTextOf(cell))));
    return table(
      header,
      body.map((row) => row.children.map((cell) => cells(cell, {}))),
      widths,
      align,
    );
  }

  private inline(nodes: readonly PhrasingContent[], format: Format): ParagraphChild[] {
    return nodes.flatMap((node) => this.phrase(node, format));
  }

  private phrase(node: PhrasingContent, format: Format): ParagraphChild[] {
    switch (node.type) {
      case 'text':
        return node.value ? [new TextRun({ text: clean(node.value.replace(/\s*\n\s*/g, ' ')), ...run(format) })] : [];
      case 'strong':
        return this.inline(node.children, { ...format, bold: true });
      case 'emphasis':
        return this.inline(node.children, { ...format, italics: true });
      case 'delete':
        return this.inline(node.children, { ...format, strike: true });
      case 'inlineCode':
        return [
          new TextRun({
            text: clean(node.value.replace(/\n/g, ' ')),
            ...run(format),
            style: format.link ? 'Hyperlink' : 'VerbatimChar',
          }),
        ];
      case 'break':
        return [new TextRun({ break: 1 })];
      case 'link':
        return this.link(node.url, node.children, format);
      case 'linkReference': {
        const url = this.definitions.get(node.identifier);
        return url === undefined ? this.inline(node.children, format) : this.link(url, node.children, format);
      }
      case 'image':
        return [this.image(node.url, node.alt ?? '', format)];
      case 'imageReference': {
        const url = this.definitions.get(node.identifier);
        return url === undefined
          ? [new TextRun({ text: clean(`[${node.alt ?? ''}]`), ...run(format) })]
          : [this.image(url, node.alt ?? '', format)];
      }
      case 'footnoteReference':
        return [this.footnote(node.identifier, node.label ?? node.identifier, format)];
      default:
        return [];
    }
  }

  private link(url: string, children: PhrasingContent[], format: Format): ParagraphChild[] {
    if (format.link || !safeUrl(url)) return this.inline(children, format);
    const runs = this.inline(children, { ...format, link: true });
    return [hyperlink(url, runs.length > 0 ? runs : [new TextRun({ text: clean(url), style: 'Hyperlink' })])];
  }

  private image(url: string, alt: string, format: Format): ParagraphChild {
    const image = isRemote(url) ? undefined : this.loadImage?.(url);
    const text = clean(alt.trim());
    if (!image || !(image.width > 0) || !(image.height > 0)) {
      // A remote image is never fetched: a link to it, labelled with its alt text, stands in for it.
      if (isRemote(url) && safeUrl(url) && !format.link)
        return hyperlink(url, [new TextRun({ text: text || clean(url), ...run({ ...format, link: true }) })]);
      return new TextRun({ text: `[${text || 'image'}]`, ...run(format) });
    }
    const scale = Math.min(1, MAX_IMAGE_WIDTH / image.width, MAX_IMAGE_HEIGHT / image.height);
    this.drawings += 1;
    return new ImageRun({
      type: image.type,
      data: image.data,
      transformation: {
        width: Math.max(1, Math.round(image.width * scale)),
        height: Math.max(1, Math.round(image.height * scale)),
      },
      altText: { id: String(this.drawings), name: text || `Image ${this.drawings}`, title: text, description: text },
    });
  }

  /** GFM footnotes become Word footnotes, numbered in the order they are first referred to. */
  private footnote(identifier: string, label: string, format: Format): ParagraphChild {
    const known = this.footnoteIds.get(identifier);
    if (known !== undefined) return new FootnoteReferenceRun(known);
    const definition = this.footnoteDefinitions.get(identifier);
    if (!definition) return new TextRun({ text: clean(`[^${label}]`), ...run(format) });
    const id = this.footnoteIds.size + 1;
    this.footnoteIds.set(identifier, id);
    const paragraphs = this.blocks(definition.children, { ...TOP, note: true }).filter(
      (block): block is Paragraph => block instanceof Paragraph,
    );
    this.footnotes[String(id)] = { children: paragraphs.length > 0 ? paragraphs : [new Paragraph({})] };
    return new FootnoteReferenceRun(id);
  }
}

function run(format: Format): IRunOptions {
  return {
    ...(format.bold ? { bold: true } : {}),
    ...(format.italics ? { italics: true } : {}),
    ...(format.strike ? { strike: true } : {}),
    ...(format.link ? { style: 'Hyperlink' } : {}),
  };
}
