/**
 * A Word document written directly from the view model, for users without pandoc. Named
 * styles carry the structure (Title, Heading 1…6, Meeting Facts, Draft Notice, Agreement,
 * Contact, the "Table" table style), so the navigation pane, accessibility checker and
 * screen readers see a real outline and a department's reference document can restyle
 * it; A4 pages with the title in the header from page 2 and "Page N of M" in the footer;
 * and the same input always gives the same bytes.
 */
import { AlignmentType, Document, Footer, Header, LevelFormat, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { ImageLoader } from '../images.js';
import type { ViewModel } from '../view-model.js';
import { BodyWriter } from './body-writer.js';
import { type Block, clean, HANGING, INTERNAL_COLOUR, internalLabel, LIST_INDENT } from './layout.js';
import { appProperties, coreProperties, rezip } from './package.js';
import { withReferenceDoc } from './reference.js';
import { actionsTable, attendanceTable, caption, closing, facts, labelRun, sectionHeading } from './sections.js';
import { styles } from './styles.js';
import { shorten } from '../text/wrap.js';

export interface DocxOptions {
  /** The date written into the document's properties and zip entries; fixed so output is byte-identical across runs. */
  date: Date;
  /** Bytes of a local image named in the body (already checked to be inside the project), or undefined when it cannot be used. */
  loadImage?: ImageLoader;
  /** A .docx whose styles, page setup, headers and footers the document takes. */
  referenceDoc?: Uint8Array;
}

export async function renderDocx(view: ViewModel, options: DocxOptions): Promise<Uint8Array> {
  if (Number.isNaN(options.date.getTime())) throw new RangeError('renderDocx needs a valid date');
  const writer = new BodyWriter(options.loadImage);
  const children: Block[] = [];

  if (view.draft)
    children.push(new Paragraph({ style: 'DraftNotice', children: [labelRun(view, 'draft', view.draftNotice)] }));
  children.push(new Paragraph({ heading: 'Title', children: [new TextRun(clean(view.title))] }));
  children.push(facts(view));
  if (view.outcomes)
    children.push(new Paragraph({ style: 'Outcomes', children: [labelRun(view, 'outcomes', view.outcomes)] }));

  // The body follows the meeting facts, so its opening paragraphs belong to no section heading.
  children.push(...writer.body(view.body, 0));

  if (view.attendance.any) {
    children.push(sectionHeading(view, 'attendance'));
    if (view.attendance.note) children.push(new Paragraph({ children: [new TextRun(clean(view.attendance.note))] }));
    if (view.attendance.groups.length > 0) children.push(attendanceTable(view));
  }

  if (view.agreements.length > 0) {
    children.push(sectionHeading(view, 'agreements'));
    for (const agreement of view.agreements) {
      children.push(
        new Paragraph({
          style: 'Agreement',
          numbering: { reference: 'agreements', level: 0 },
          children: [
            ...internalLabel(agreement.internal),
            ...(view.showIds ? [new TextRun(`${clean(agreement.id)} — `)] : []),
            new TextRun({ text: `${clean(agreement.decision)}: `, style: 'Strong' }),
            ...writer.phrases(agreement.phrasing),
          ],
        }),
      );
    }
  }

  if (view.actions.length > 0) {
    children.push(sectionHeading(view, 'actions'));
    children.push(caption(view, 'actionsCaption'));
    children.push(actionsTable(view, (action) => writer.phrases(action.phrasing)));
  }

  if (view.nextMeeting) {
    children.push(sectionHeading(view, 'nextMeeting'));
    children.push(new Paragraph({ children: [new TextRun(clean(view.nextMeeting.text))] }));
  }

  if (view.internal && view.internalNotes) {
    children.push(sectionHeading(view, 'internalNotes'));
    children.push(
      new Paragraph({
        children: [
          labelRun(view, 'internalNotice', view.labels.internalNotice!, { bold: true, color: INTERNAL_COLOUR }),
        ],
      }),
    );
    for (const text of view.internalNotes.split(/\n\s*\n/)) {
      if (text.trim())
        children.push(new Paragraph({ children: [new TextRun(clean(text.trim().replace(/\s*\n\s*/g, ' ')))] }));
    }
  }

  children.push(...closing(view));

  const marks = [view.draft ? view.labels.draft : undefined, view.internal ? view.labels.internal : undefined].filter(
    (mark): mark is string => mark !== undefined,
  );
  const markRuns = marks.length > 0 ? [new TextRun({ text: clean(marks.join(' · ')), style: 'DraftMark' })] : [];
  const [before, after] = view.labels.page!.split('{page}');
  const [middle, end] = (after ?? '').split('{pages}');
  const pageFooter = () =>
    new Footer({
      children: [
        new Paragraph({
          style: 'Footer',
          alignment: AlignmentType.RIGHT,
          children: [
            new TextRun({
              children: [
                clean(before ?? ''),
                PageNumber.CURRENT,
                clean(middle ?? ''),
                PageNumber.TOTAL_PAGES,
                clean(end ?? ''),
              ],
              ...(view.englishLabels.includes('page') ? { language: { value: 'en' } } : {}),
            }),
          ],
        }),
      ],
    });
  const numbering = writer.numbering();
  const document = new Document({
    styles: styles(view.lang),
    numbering: {
      config: [
        ...numbering.config,
        {
          reference: 'agreements',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: LIST_INDENT, hanging: HANGING } } },
            },
          ],
        },
      ],
    },
    footnotes: writer.footnotes,
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } },
        },
        headers: {
          // The title page has its own title; the pages after it carry it at the top.
          first: new Header({
            children: [new Paragraph({ style: 'Header', alignment: AlignmentType.RIGHT, children: markRuns })],
          }),
          default: new Header({
            children: [
              new Paragraph({
                style: 'Header',
                children: [
                  // One line: a long title is shortened, as in the printed PDF's running title.
                  new TextRun(clean(shorten(view.title, markRuns.length > 0 ? 50 : 80))),
                  ...(markRuns.length > 0 ? [new TextRun(' · '), ...markRuns] : []),
                ],
              }),
            ],
          }),
        },
        footers: { first: pageFooter(), default: pageFooter() },
        children,
      },
    ],
  });
  // docx stamps the current time into core.xml (and has no language there), so the whole part is written here instead.
  const packed = await Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: coreProperties(view, options.date) },
    { path: 'docProps/app.xml', data: appProperties(view) },
  ]);
  const finished = await rezip(packed, options.date);
  return options.referenceDoc ? withReferenceDoc(finished, options.referenceDoc, options.date) : finished;
}
