import { type IRunOptions, Paragraph, type ParagraphChild, type Table, TextRun } from 'docx';
import type { ActionView, ViewModel } from '../view-model.js';
import { type Block, clean, fitWidths, hyperlink, internalLabel, safeUrl, table } from './layout.js';

/** The parts of the document made from the front matter: facts, attendance, agreements, actions, the closing lines. */

/** A label's run: marked English when the document's language has no label of its own for it (WCAG 3.1.2). */
export function labelRun(view: ViewModel, key: string, text: string, options: IRunOptions = {}): TextRun {
  const english = view.englishLabels.includes(key);
  return new TextRun({ ...options, text: clean(text), ...(english ? { language: { value: 'en' } } : {}) });
}

/** The meeting's facts as "Label: value" lines in one Meeting Facts paragraph, as the pandoc route writes them. */
export function facts(view: ViewModel): Paragraph {
  const meeting = view.meeting;
  const rows: [string, string, string | undefined][] = [
    ['group', view.labels.group!, view.group.display],
    ['meeting', view.labels.meeting!, meeting.number !== undefined ? String(meeting.number) : undefined],
    ['date', view.labels.date!, meeting.date],
    ['time', view.labels.time!, meeting.time],
    ['where', view.labels.where!, meeting.where],
    ['chair', meeting.chairLabel, meeting.chairs.length > 0 ? meeting.chairNames : undefined],
    ['theme', view.labels.theme!, meeting.theme],
  ];
  const shown = rows.filter((row): row is [string, string, string] => Boolean(row[2]));
  return new Paragraph({
    style: 'MeetingFacts',
    children: shown.flatMap(([key, label, value], index) => [
      labelRun(view, key, `${label}${view.punctuation.colonSpace}`, {
        style: 'Strong',
        ...(index > 0 ? { break: 1 } : {}),
      }),
      new TextRun(clean(value)),
    ]),
  });
}

export function sectionHeading(view: ViewModel, key: string): Paragraph {
  return new Paragraph({ heading: 'Heading1', children: [labelRun(view, key, view.labels[key] ?? key)] });
}

export function caption(view: ViewModel, key: string): Paragraph {
  return new Paragraph({
    style: 'TableCaption',
    keepNext: true,
    children: [labelRun(view, key, view.labels[key] ?? key)],
  });
}

/** Attendance once: one table, a row naming each group (present, in attendance, apologies) above its people. */
export function attendanceTable(view: ViewModel): Table {
  const rows: ParagraphChild[][][] = [];
  const text: string[][] = [[view.labels.name!, view.labels.roleAndOrganisation!]];
  const groupRows = new Set<number>();
  for (const group of view.attendance.groups) {
    groupRows.add(rows.length);
    rows.push([[new TextRun({ text: clean(group.label), style: 'Strong' })]]);
    for (const person of group.people) {
      const details = [person.description, person.tookPart].filter(Boolean).join(view.punctuation.semicolon);
      rows.push([
        [...internalLabel(person.internal), new TextRun(clean(person.fullName))],
        [new TextRun(clean(details))],
      ]);
      text.push([person.fullName, details]);
    }
  }
  return table(
    [
      [labelRun(view, 'name', view.labels.name!)],
      [labelRun(view, 'roleAndOrganisation', view.labels.roleAndOrganisation!)],
    ],
    rows,
    fitWidths(text),
    undefined,
    groupRows,
  );
}

export function actionsTable(view: ViewModel, phrase: (action: ActionView) => ParagraphChild[]): Table {
  const ids = view.showIds;
  const header: [string, string][] = [
    ...(ids ? [['id', view.labels.id!] as [string, string]] : []),
    ['action', view.labels.action!],
    ['owner', view.labels.owner!],
    ['due', view.labels.due!],
    ['status', view.labels.status!],
  ];
  const text = [
    header.map(([, label]) => label),
    ...view.actions.map((action) => [
      ...(ids ? [action.id] : []),
      `${action.text} ${action.carriedFrom ?? ''}`,
      action.ownerText,
      action.due,
      action.statusLabel,
    ]),
  ];
  return table(
    header.map(([key, label]) => [labelRun(view, key, label)]),
    view.actions.map((action) => [
      ...(ids ? [[...internalLabel(action.internal), new TextRun(clean(action.id))]] : []),
      [
        ...(ids ? [] : internalLabel(action.internal)),
        ...phrase(action),
        ...(action.carriedFrom ? [new TextRun({ text: clean(action.carriedFrom), italics: true, break: 1 })] : []),
      ],
      [new TextRun(clean(action.ownerText))],
      [new TextRun(clean(action.due))],
      [new TextRun(clean(action.statusLabel))],
    ]),
    fitWidths(text),
  );
}

export function closing(view: ViewModel): Paragraph[] {
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
        style: 'Contact',
        children: [
          labelRun(view, 'contact', `${view.labels.contact}${view.punctuation.colonSpace}`, { style: 'Strong' }),
          ...parts.flatMap((part, index) => (index === 0 ? part : [new TextRun(' — '), ...part])),
        ],
      }),
    );
  }
  if (view.published)
    closing.push(
      new Paragraph({
        ...(closing.length === 0 ? { style: 'Contact' } : {}),
        children: [new TextRun(clean(view.published))],
      }),
    );
  return closing;
}

export type { Block };
