/**
 * A Word document written directly from the view model, for users without pandoc. Word's
 * own styles carry the structure (Title, Heading 1…6, Quote, list numbering), so the
 * navigation pane, accessibility checker and screen readers see a real outline, and the
 * same input always gives the same bytes.
 */
import { AlignmentType, Document, Header, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ImageLoader } from '../images.js';
import type { ViewModel } from '../view-model.js';
import { BodyWriter } from './body-writer.js';
import { type Block, clean, DRAFT_COLOUR, DRAFT_TEXT, INTERNAL_COLOUR, LIST_INDENT } from './layout.js';
import { coreProperties, rezip } from './package.js';
import { actionsTable, attendanceTable, closing, facts, sectionHeading } from './sections.js';
import { styles } from './styles.js';
import { internalLabel } from './layout.js';

export interface DocxOptions {
  /** The date written into the document's properties and zip entries; fixed so output is byte-identical across runs. */
  date: Date;
  /** Bytes of a local image named in the body (already checked to be inside the project), or undefined when it cannot be used. */
  loadImage?: ImageLoader;
}

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
