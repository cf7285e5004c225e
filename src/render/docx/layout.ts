/** The measures, colours and building blocks every part of the Word document shares. */
import {
  type AlignmentType,
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { NOT_XML } from '../../core/text.js';

export type Level = 1 | 2 | 3 | 4 | 5 | 6;
export type Block = Paragraph | Table;

export const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** A4 with 1-inch margins: the width text can take, in twips and in 96-dpi pixels. */
export const CONTENT_TWIPS = 11906 - 2 * 1440;
export const MAX_IMAGE_WIDTH = Math.floor(CONTENT_TWIPS / 15);
export const MAX_IMAGE_HEIGHT = 860;
export const LIST_INDENT = 720;
export const HANGING = 360;
export const DRAFT_COLOUR = 'C00000';
export const INTERNAL_COLOUR = '6B4E00';
export const HEADER_FILL = 'E7E6E6';
export const DRAFT_TEXT = 'DRAFT — NOT FOR PUBLICATION';
export const BULLETS = ['•', '◦', '▪'] as const;

export function internalLabel(internal: boolean): TextRun[] {
  return internal ? [new TextRun({ text: '[INTERNAL] ', bold: true, color: INTERNAL_COLOUR })] : [];
}

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

/**
 * Every table has one header row, marked to repeat at the top of each page it runs onto,
 * and rows that do not split across pages, so no row is read without its headings.
 */
export function table(
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

export function hyperlink(url: string, children: ParagraphChild[]): ExternalHyperlink {
  return new ExternalHyperlink({ link: url, children });
}

/** Web, mail and phone links, and relative ones; never `javascript:`, `file:` or `data:`. */
export function safeUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return !scheme || /^(https?|mailto|tel)$/i.test(scheme[1]!);
}

/** Text without the characters XML 1.0 cannot hold (a stray control character would make Word refuse the file). */
export function clean(text: string): string {
  return text.replace(NOT_XML, '');
}
