/** The measures, colours and building blocks every part of the Word document shares. */
import {
  type AlignmentType,
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { NOT_XML } from '../../core/text.js';
import { safeHref } from '../links.js';
import { textTwips, unbreakable } from '../measure.js';

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
export const DRAFT_TEXT = 'DRAFT — NOT FOR PUBLICATION';
export const BULLETS = ['•', '◦', '▪'] as const;

export function internalLabel(internal: boolean): TextRun[] {
  return internal ? [new TextRun({ text: '[INTERNAL] ', bold: true, color: INTERNAL_COLOUR })] : [];
}

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

/** Cell margins: the table style's 100 twips a side (and a little for the borders), or 50 in a small table. */
const CELL_MARGINS = 240;
const SMALL_CELL_MARGIN = 50;
/** The text size of a table too wide for 11 pt, in half-points: 8 pt. */
export const SMALL_TABLE_TEXT = 16;

export interface ColumnFit {
  /** The columns' widths in twips, adding up to the width given. */
  widths: number[];
  /** Whether the table's text is set small (SMALL_TABLE_TEXT), its longest words not fitting at 11 pt. */
  small: boolean;
}

/**
 * Column widths in twips that fit their content: each column gets the share of the
 * width its longest cell asks for (capped, so one long text does not starve the others),
 * and never less than its longest word, so words, numbers, dates and statuses do not
 * break inside. A table whose longest words cannot all fit at 11 pt is set at 8 pt with
 * narrower cell margins; only when even that cannot hold them do they break.
 */
export function fitWidths(cells: readonly (readonly string[])[], total: number = CONTENT_TWIPS): ColumnFit {
  const count = Math.max(0, ...cells.map((row) => row.length));
  if (count === 0) return { widths: [], small: false };
  const columns = Array.from({ length: count }, (_, column) => {
    const texts = cells.map((row) => row[column] ?? '');
    const longest = Math.max(1, ...texts.map(textTwips));
    const word = Math.max(1, ...texts.flatMap((text) => unbreakable(text).map(textTwips)));
    return { want: Math.min(Math.max(longest, word), 50 * 170), word };
  });
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  let small = false;
  let floor = columns.map((column) => column.word + CELL_MARGINS);
  if (sum(floor) > total) {
    small = true;
    floor = columns.map((column) => (column.word * SMALL_TABLE_TEXT) / 22 + 2 * SMALL_CELL_MARGIN + 40);
  }
  // Even small, the longest words do not all fit: widths in proportion to them, so each breaks as little as may be.
  if (sum(floor) > total) return { widths: share(floor, total), small };
  const wanted = sum(columns.map((column) => column.want));
  const widths = columns.map((column, index) => Math.max(floor[index]!, (column.want / wanted) * total));
  // Too wide: take the excess from what the columns have above their floors, in proportion to it.
  const excess = sum(widths) - total;
  const room = sum(widths.map((width, index) => width - floor[index]!));
  const fitted = excess > 0 ? widths.map((width, index) => width - ((width - floor[index]!) * excess) / room) : widths;
  return { widths: share(fitted, total), small };
}

/** Widths scaled to add up to `total` twips exactly, in whole twips. */
function share(widths: readonly number[], total: number): number[] {
  const scale = total / widths.reduce((sum, width) => sum + width, 0);
  const scaled = widths.map((width) => Math.floor(width * scale));
  scaled[scaled.length - 1]! += total - scaled.reduce((sum, width) => sum + width, 0);
  return scaled;
}

/**
 * Every table uses the "Table" style (borders, shaded header row), has one header row,
 * marked to repeat at the top of each page it runs onto, and rows that do not split
 * across pages, so no row is read without its headings. Its columns are as wide as their
 * content needs, fixed so that Word and LibreOffice agree, its text small when it must be.
 */
export function table(
  header: (string | ParagraphChild[])[],
  rows: ParagraphChild[][][],
  { widths, small }: ColumnFit,
  align?: (Alignment | undefined)[],
  groupRows?: ReadonlySet<number>,
): Table {
  const columns = Math.max(header.length, ...rows.map((row) => row.length));
  const cell = (content: string | ParagraphChild[] | undefined, column: number, span = 1): TableCell =>
    new TableCell({
      width: { size: widths.slice(column, column + span).reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
      ...(span > 1 ? { columnSpan: span } : {}),
      children: [
        new Paragraph({
          style: small ? 'TableTextSmall' : 'TableText',
          ...(align?.[column] ? { alignment: align[column] } : {}),
          children: typeof content === 'string' ? [new TextRun(content)] : (content ?? []),
        }),
      ],
    });
  const pad = <T>(row: T[]): (T | undefined)[] => Array.from({ length: columns }, (_, index) => row[index]);
  return new Table({
    style: 'Table',
    layout: TableLayoutType.FIXED,
    ...(small ? { margins: { left: SMALL_CELL_MARGIN, right: SMALL_CELL_MARGIN } } : {}),
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: pad(header).map((content, column) => cell(content ?? '', column)),
      }),
      ...rows.map(
        (row, index) =>
          new TableRow({
            cantSplit: true,
            children: groupRows?.has(index)
              ? [cell(row[0], 0, columns)]
              : pad(row).map((content, column) => cell(content, column)),
          }),
      ),
    ],
  });
}

export function hyperlink(url: string, children: ParagraphChild[]): ExternalHyperlink {
  return new ExternalHyperlink({ link: url, children });
}

/** Web and mail links only; never `javascript:`, `file:`, `data:` or a relative path. */
export function safeUrl(url: string): boolean {
  return safeHref(url) !== undefined && !url.trim().startsWith('#');
}

/** Text without the characters XML 1.0 cannot hold (a stray control character would make Word refuse the file). */
export function clean(text: string): string {
  return text.replace(NOT_XML, '');
}
