import { NOT_XML } from '../core/text.js';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  type INumberingOptions,
  type IRunOptions,
  type IStylesOptions,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
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
import type { ActionView, AttendanceGroup, PersonView, ViewModel } from './view-model.js';

/**
 * A Word document written directly from the view model, for users without pandoc. Word's
 * own styles carry the structure (Title, Heading 1…6, Quote, list numbering), so the
 * navigation pane, accessibility checker and screen readers see a real outline, and the
 * same input always gives the same bytes.
 */
export interface DocxOptions {
  /** The date written into the document's properties and zip entries; fixed so output is byte-identical across runs. */
  date: Date;
  /** Bytes of a local image named in the body (already checked to be inside the project), or undefined when it cannot be used. */
  loadImage?: (
    url: string,
  ) => { data: Uint8Array; width: number; height: number; type: 'png' | 'jpg' | 'gif' | 'bmp' } | undefined;
}

type Level = 1 | 2 | 3 | 4 | 5 | 6;
type Block = Paragraph | Table;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** A4 with 1-inch margins: the width text can take, in twips and in 96-dpi pixels. */
const CONTENT_TWIPS = 11906 - 2 * 1440;
const MAX_IMAGE_WIDTH = Math.floor(CONTENT_TWIPS / 15);
const MAX_IMAGE_HEIGHT = 860;
const LIST_INDENT = 720;
const HANGING = 360;
const DRAFT_COLOUR = 'C00000';
const INTERNAL_COLOUR = '6B4E00';
const HEADER_FILL = 'E7E6E6';
const DRAFT_TEXT = 'DRAFT — NOT FOR PUBLICATION';
const BULLETS = ['•', '◦', '▪'] as const;

export async function renderDocx(view: ViewModel, options: DocxOptions): Promise<Uint8Array> {
  if (Number.isNaN(options.date.getTime())) throw new RangeError('renderDocx needs a valid date');
  const writer = new BodyWriter(options.loadImage);
  const children: Block[] = [];

  if (view.draft)
    children.push(
      new Paragraph({
        keepNext: true,
        children: [
          new TextRun({ text: `${DRAFT_TEXT} (status: ${clean(view.statusLabel)})`, bold: true, color: DRAFT_COLOUR }),
        ],
      }),
    );
  children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(view.title))] }));
  children.push(...facts(view));

  // The body follows the meeting facts, so its opening paragraphs belong to no section heading.
  children.push(...writer.body(view.body, 0));

  if (view.attendance.any) {
    children.push(sectionHeading('Attendance'));
    if (view.attendance.note) children.push(new Paragraph({ children: [new TextRun(clean(view.attendance.note))] }));
    for (const group of view.attendance.groups) children.push(...attendanceTable(group));
  }

  if (view.agreements.length > 0) {
    children.push(sectionHeading('Agreements'));
    for (const agreement of view.agreements) {
      children.push(
        new Paragraph({
          indent: { left: LIST_INDENT, hanging: LIST_INDENT },
          children: [
            ...internalLabel(agreement.internal),
            new TextRun({ text: clean(agreement.id), bold: true }),
            new TextRun(' — '),
            new TextRun({ text: `${clean(agreement.decision)}:`, bold: true }),
            new TextRun(` ${clean(agreement.text)}`),
          ],
        }),
      );
    }
  }

  if (view.actions.length > 0) {
    children.push(sectionHeading('Actions'));
    children.push(actionsTable(view.actions));
  }

  if (view.nextMeeting) {
    children.push(sectionHeading('Next meeting'));
    children.push(new Paragraph({ children: [new TextRun(clean(view.nextMeeting.text))] }));
  }

  if (view.internal && view.internalNotes) {
    children.push(sectionHeading('Internal notes'));
    children.push(
      new Paragraph({
        children: [new TextRun({ text: 'INTERNAL — not for publication', bold: true, color: INTERNAL_COLOUR })],
      }),
    );
    for (const text of view.internalNotes.split(/\n\s*\n/)) {
      if (text.trim())
        children.push(new Paragraph({ children: [new TextRun(clean(text.trim().replace(/\s*\n\s*/g, ' ')))] }));
    }
  }

  children.push(...closing(view));

  const marks = [view.draft ? DRAFT_TEXT : undefined, view.internal ? 'INTERNAL' : undefined].filter(
    (mark) => mark !== undefined,
  );
  const document = new Document({
    styles: styles(view.lang),
    numbering: writer.numbering(),
    footnotes: writer.footnotes,
    sections: [
      {
        ...(marks.length > 0
          ? {
              headers: {
                default: new Header({
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: [new TextRun({ text: marks.join(' · '), bold: true, color: DRAFT_COLOUR })],
                    }),
                  ],
                }),
              },
            }
          : {}),
        children,
      },
    ],
  });
  // docx stamps the current time into core.xml (and has no language there), so the whole part is written here instead.
  const packed = await Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: coreProperties(view, options.date) },
  ]);
  return rezip(packed, options.date);
}

/** The meeting's facts as "Label: value" lines, as a reader scans them before the body. */
function facts(view: ViewModel): Paragraph[] {
  const meeting = view.meeting;
  const rows: [string, string | undefined][] = [
    ['Group', view.group.display],
    ['Meeting', meeting.number !== undefined ? String(meeting.number) : undefined],
    ['Date', meeting.date],
    ['Time', meeting.time],
    ['Where', meeting.where],
    [
      meeting.chairLabel,
      meeting.chairs.length > 0 ? meeting.chairs.map((chair) => chair.fullName).join(', ') : undefined,
    ],
    ['Theme', meeting.theme],
  ];
  const shown = rows.filter((row): row is [string, string] => Boolean(row[1]));
  return shown.map(
    ([label, value], index) =>
      new Paragraph({
        spacing: { after: index === shown.length - 1 ? 240 : 0 },
        children: [new TextRun({ text: `${clean(label)}: `, bold: true }), new TextRun(clean(value))],
      }),
  );
}

function sectionHeading(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
}

function internalLabel(internal: boolean): TextRun[] {
  return internal ? [new TextRun({ text: '[INTERNAL] ', bold: true, color: INTERNAL_COLOUR })] : [];
}

function attendanceTable(group: AttendanceGroup): Block[] {
  const describe = (person: PersonView): string => {
    const represents = person.represents ? `${person.description ? '; ' : ''}representing ${person.represents}` : '';
    const proxy = person.proxyFor ? ` (proxy for ${person.proxyFor})` : '';
    return `${person.description}${represents}${proxy}`;
  };
  return [
    // Word has no table caption a reader sees, so the group's label sits just above its table.
    new Paragraph({ style: 'TableCaption', keepNext: true, children: [new TextRun(clean(group.label))] }),
    table(
      ['Name', 'Role and organisation', 'Attendance'],
      group.people.map((person) => [
        [...internalLabel(person.internal), new TextRun(clean(person.fullName))],
        [new TextRun(clean(describe(person)))],
        [new TextRun(clean(person.attendanceLabel))],
      ]),
      [2700, CONTENT_TWIPS - 4500, 1800],
    ),
  ];
}

function actionsTable(actions: ActionView[]): Table {
  return table(
    ['ID', 'Action', 'Owner', 'Due', 'Status'],
    actions.map((action) => [
      [...internalLabel(action.internal), new TextRun({ text: clean(action.id), bold: true })],
      [new TextRun(clean(action.carriedFrom ? `${action.text} (carried from ${action.carriedFrom})` : action.text))],
      [new TextRun(clean(action.ownerText))],
      [new TextRun(clean(action.due ?? ''))],
      [new TextRun(clean(action.statusLabel))],
    ]),
    [1000, CONTENT_TWIPS - 5200, 1900, 1300, 1000],
  );
}

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

/**
 * Every table has one header row, marked to repeat at the top of each page it runs onto,
 * and rows that do not split across pages, so no row is read without its headings.
 */
function table(
  header: (string | ParagraphChild[])[],
  rows: ParagraphChild[][][],
  widths?: number[],
  align?: (Alignment | undefined)[],
): Table {
  const columns = Math.max(header.length, ...rows.map((row) => row.length));
  const cell = (content: string | ParagraphChild[] | undefined, column: number, heading: boolean): TableCell =>
    new TableCell({
      ...(heading ? { shading: { fill: HEADER_FILL, type: ShadingType.CLEAR, color: 'auto' } } : {}),
      children: [
        new Paragraph({
          spacing: { before: 40, after: 40 },
          ...(align?.[column] ? { alignment: align[column] } : {}),
          children: typeof content === 'string' ? [new TextRun({ text: content, bold: true })] : (content ?? []),
        }),
      ],
    });
  const pad = <T>(row: T[]): (T | undefined)[] => Array.from({ length: columns }, (_, index) => row[index]);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(widths && widths.length === columns ? { columnWidths: widths } : {}),
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: pad(header).map((content, column) => cell(content ?? '', column, true)),
      }),
      ...rows.map(
        (row) =>
          new TableRow({ cantSplit: true, children: pad(row).map((content, column) => cell(content, column, false)) }),
      ),
    ],
  });
}

function closing(view: ViewModel): Paragraph[] {
  const closing: Paragraph[] = [];
  const contact = view.contact;
  if (contact && (contact.name || contact.email || contact.phone || contact.url)) {
    const parts: ParagraphChild[][] = [];
    if (contact.name) parts.push([new TextRun(clean(contact.name))]);
    if (contact.email)
      parts.push([
        hyperlink(`mailto:${contact.email}`, [new TextRun({ text: clean(contact.email), style: 'Hyperlink' })]),
      ]);
    if (contact.phone) parts.push([new TextRun(clean(contact.phone))]);
    if (contact.url)
      parts.push([
        safeUrl(contact.url)
          ? hyperlink(contact.url, [new TextRun({ text: clean(contact.url), style: 'Hyperlink' })])
          : new TextRun(clean(contact.url)),
      ]);
    closing.push(
      new Paragraph({
        spacing: { before: 360 },
        children: [
          new TextRun({ text: 'Contact: ', bold: true }),
          ...parts.flatMap((part, index) => (index === 0 ? part : [new TextRun(' — '), ...part])),
        ],
      }),
    );
  }
  if (view.published)
    closing.push(
      new Paragraph({
        ...(closing.length === 0 ? { spacing: { before: 360 } } : {}),
        children: [new TextRun(`Published ${clean(view.published)}.`)],
      }),
    );
  return closing;
}

function hyperlink(url: string, children: ParagraphChild[]): ExternalHyperlink {
  return new ExternalHyperlink({ link: url, children });
}

/** Web, mail and phone links, and relative ones; never `javascript:`, `file:` or `data:`. */
function safeUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return !scheme || /^(https?|mailto|tel)$/i.test(scheme[1]!);
}

/** Characters XML 1.0 cannot hold (a stray control character would make Word refuse the file). */

function clean(text: string): string {
  return text.replace(NOT_XML, '');
}

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
class BodyWriter {
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

  constructor(private readonly loadImage: DocxOptions['loadImage']) {}

  /** The body, after a heading at outline level `after`; its headings never skip a level. */
  body(tree: Root, after: number): Block[] {
    this.collect(tree);
    const depths = tree.children.filter((node) => node.type === 'heading').map((node) => node.depth);
    // The body's shallowest heading sits just below the title (Heading 1), like the generated sections.
    this.shift = depths.length > 0 ? Math.min(...depths) - 1 : 1;
    this.lastLevel = after;
    return this.blocks(tree.children, TOP);
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
    const header = (head?.children ?? []).map((cell) => cells(cell, { bold: true }));
    return table(
      header,
      body.map((row) => row.children.map((cell) => cells(cell, {}))),
      undefined,
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
    const image = this.loadImage?.(url);
    const text = clean(alt.trim());
    if (!image || !(image.width > 0) || !(image.height > 0))
      return new TextRun({ text: `[${text || 'image'}]`, ...run(format) });
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

function styles(lang: string): IStylesOptions {
  const heading = (size: number, before: number, outlineLevel: number, italics = false) => ({
    run: { size, bold: true, ...(italics ? { italics } : {}), color: '1F3864' },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel },
  });
  return {
    default: {
      document: {
        run: { font: 'Calibri', size: 22, language: { value: lang } },
        paragraph: { spacing: { after: 160, line: 264 } },
      },
      title: { run: { size: 48, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 240 }, keepNext: true } },
      heading1: heading(32, 360, 0),
      heading2: heading(28, 280, 1),
      heading3: heading(24, 240, 2),
      heading4: heading(22, 200, 3),
      heading5: heading(22, 200, 4, true),
      heading6: heading(20, 200, 5, true),
    },
    paragraphStyles: [
      {
        id: 'Quote',
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { italics: true, color: '404040' },
        paragraph: {
          indent: { left: LIST_INDENT, right: LIST_INDENT },
          border: { left: { style: 'single', size: 18, color: 'BFBFBF', space: 8 } },
        },
      },
      {
        id: 'SourceCode',
        name: 'Source Code',
        basedOn: 'Normal',
        run: { font: 'Consolas', size: 19 },
        paragraph: {
          spacing: { after: 160, line: 240 },
          shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
        },
      },
      {
        id: 'TableCaption',
        name: 'Table Caption',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true, color: '1F3864' },
        paragraph: { spacing: { before: 160, after: 80 }, keepNext: true },
      },
    ],
    characterStyles: [
      {
        id: 'VerbatimChar',
        name: 'Verbatim Char',
        basedOn: 'DefaultParagraphFont',
        run: { font: 'Consolas', size: 20 },
      },
    ],
  };
}

function xml(text: string): string {
  return clean(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function coreProperties(view: ViewModel, date: Date): string {
  const when = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const subject = `${view.group.display} — ${view.meeting.date}`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xml(view.title)}</dc:title>` +
    `<dc:subject>${xml(subject)}</dc:subject>` +
    `<dc:creator>${xml(view.group.name)}</dc:creator>` +
    `<cp:lastModifiedBy>${xml(view.group.name)}</cp:lastModifiedBy>` +
    `<dc:language>${xml(view.lang)}</dc:language>` +
    `<cp:contentStatus>${xml(view.statusLabel)}</cp:contentStatus>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** The earliest time a zip entry can hold (MS-DOS dates start in 1980). */
const ZIP_EPOCH = Date.UTC(1980, 0, 1);
const CONTENT_TYPES = '[Content_Types].xml';
const RANDOM_ID = /\bId="(rId(?!\d+")[^"]*)"/g;

/**
 * The package again, byte for byte the same for the same input: docx names hyperlink
 * relationships at random and dates every zip entry now, so relationships are renamed in
 * the order they appear, and every entry gets the document's date and a fixed place, with
 * [Content_Types].xml first, where tools that sniff the file type look for it. Parts left
 * unchanged keep the bytes docx compressed them to rather than being compressed again.
 */
async function rezip(packed: Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(packed);
  const stamp = new Date(Math.max(ZIP_EPOCH, date.getTime()));
  for (const name of Object.keys(zip.files)) {
    const match = /^(.*)_rels\/([^/]+)\.rels$/.exec(name);
    if (!match) continue;
    const rels = await zip.files[name]!.async('string');
    const renames = new Map<string, string>();
    for (const [, id] of rels.matchAll(RANDOM_ID))
      if (id && !renames.has(id)) renames.set(id, `rIdLink${renames.size + 1}`);
    if (renames.size === 0) continue;
    const rename = (text: string) =>
      text.replace(/"(rId[^"]*)"/g, (quoted, id: string) => (renames.has(id) ? `"${renames.get(id)}"` : quoted));
    zip.file(name, rename(rels), { createFolders: false });
    const part = zip.files[`${match[1]}${match[2]}`];
    if (part) zip.file(part.name, rename(await part.async('string')), { createFolders: false });
  }
  const names = Object.keys(zip.files).sort((a, b) =>
    a === CONTENT_TYPES ? -1 : b === CONTENT_TYPES ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  for (const name of names) {
    const file = zip.files[name]!;
    delete zip.files[name];
    if (file.dir) continue;
    file.date = stamp;
    zip.files[name] = file;
  }
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}
