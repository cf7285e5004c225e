import { HeadingLevel, Paragraph, type ParagraphChild, type Table, TextRun } from 'docx';
import type { ActionView, AttendanceGroup, PersonView, ViewModel } from '../view-model.js';
import { type Block, CONTENT_TWIPS, clean, hyperlink, internalLabel, safeUrl, table } from './layout.js';

/** The parts of the document made from the front matter: facts, attendance, actions, the closing lines. */
/** The meeting's facts as "Label: value" lines, as a reader scans them before the body. */
export function facts(view: ViewModel): Paragraph[] {
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

export function sectionHeading(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
}

export function attendanceTable(group: AttendanceGroup): Block[] {
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

export function actionsTable(actions: ActionView[]): Table {
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
