/**
 * From an old communiqué to a draft: the facts a reader would pick out of the text go into
 * the front matter, every sentence stays in the body, and whatever cannot be found is left
 * as a marked placeholder that `validate` accepts at the draft stage. Pure: bytes in, the
 * draft's text out.
 */
import { slugify } from '../core/text.js';
import { frontMatterYaml } from '../core/write-front-matter.js';
import { bodyMarkdown } from './body.js';
import { fidelity } from './fidelity.js';
import { recogniseActions } from './recognise/actions.js';
import { recogniseAgreements } from './recognise/agreements.js';
import { recogniseAttendance } from './recognise/attendance.js';
import { Findings } from './recognise/findings.js';
import { recogniseGroup } from './recognise/group.js';
import { recogniseMeeting } from './recognise/meeting.js';
import { recogniseNextMeeting } from './recognise/next-meeting.js';
import { readBlocks } from './recognise/reading.js';
import { decodeSource } from './sources/decode.js';
import { docxToBlocks } from './sources/docx.js';
import { markdownToBlocks } from './sources/markdown.js';
import { textToBlocks } from './sources/text.js';
import type { Block, ImportOptions, ImportResult } from './types.js';

export async function importSource(
  bytes: Uint8Array,
  extension: string,
  options: ImportOptions,
): Promise<ImportResult> {
  if (extension === '.docx') return importBlocks((await docxToBlocks(bytes)).blocks, options);
  const { text, encoding } = decodeSource(bytes);
  const result = /^\.(md|markdown)$/.test(extension)
    ? importBlocks(markdownToBlocks(text), options)
    : importText(text, options);
  return { ...result, encoding };
}

/** Plain text to a communiqué, with what was stripped on the way. */
export function importText(text: string, options: ImportOptions): ImportResult {
  const { blocks, stripped } = textToBlocks(text);
  return { ...importBlocks(blocks, options), stripped };
}

export function importBlocks(blocks: Block[], options: ImportOptions): ImportResult {
  const findings = new Findings();
  const reading = readBlocks(blocks);

  const group = recogniseGroup(reading);
  if (group.name) findings.fill('meeting.group.name');
  else
    findings.leave(
      ['meeting', 'group', 'name'],
      'The source does not name the group that met: fill in meeting.group.name (and short_name, e.g. NLG)',
    );
  if (group.short_name) findings.fill('meeting.group.short_name');

  let title: string;
  if (reading.titleBlock) {
    title = reading.titleBlock.text;
    findings.fill('title');
  } else if (group.name) title = `${group.name} Communiqué`;
  else {
    title = 'TBC: title of the communiqué';
    findings.leave(['title'], 'The source has no title: write the communiqué title');
  }

  const meeting = recogniseMeeting(reading, options.fallbackDate, findings);
  const attendance = recogniseAttendance(reading, findings);
  const agreements = recogniseAgreements(reading, group);
  if (agreements.length > 0) findings.fill('agreements');
  const actions = recogniseActions(reading, group, attendance.attendees, meeting.day, findings);
  const next = recogniseNextMeeting(reading, meeting.day, meeting.date, findings);

  const { chairs } = attendance;
  const meetingData: Record<string, unknown> = {
    group: {
      name: group.name ?? 'TBC: name of the group that met',
      ...(group.short_name ? { short_name: group.short_name } : {}),
    },
    ...meeting.fields,
    ...(chairs.length === 1 ? { chair: chairs[0] } : chairs.length > 1 ? { chair: chairs } : {}),
  };
  const data: Record<string, unknown> = {
    schema_version: 1,
    id: `${slugify(group.short_name ?? group.name ?? '') || 'communique'}-${String(meeting.fields.date ?? meeting.fields.start)}`,
    title,
    status: 'draft',
    lang: 'en-AU',
    meeting: inOrder(meetingData, ['group', 'number', 'date', 'start', 'end', 'mode', 'place', 'chair']),
  };
  const attendeeOrder = [
    'id',
    'honorific',
    'name',
    'post_nominals',
    'role',
    'organisation',
    'kind',
    'attendance',
  ] as const;
  if (attendance.attendees.length > 0)
    data.attendees = attendance.attendees.map((attendee) => inOrder(attendee, attendeeOrder));
  if (attendance.attendanceNote) data.attendance_note = attendance.attendanceNote;
  if (agreements.length > 0) data.agreements = agreements;
  if (actions.length > 0) data.actions = actions;
  if (Object.keys(next).length > 0) data.next_meeting = next;
  if (findings.notes.length > 0) data.internal_notes = findings.notes.join('\n');

  const body = bodyMarkdown(reading.bodyBlocks);
  const text = `---\n${frontMatterYaml(data)}---\n\n${body}\n`;
  const keptTitle = reading.titleBlock && title === reading.titleBlock.text ? title : undefined;
  return {
    text,
    filled: [...findings.filled].sort(),
    placeholders: findings.placeholders,
    stripped: [],
    words: fidelity(blocks, keptTitle, body),
  };
}

function inOrder<T extends object>(record: T, order: readonly string[]): Record<string, unknown> {
  const values = record as Record<string, unknown>;
  return Object.fromEntries(order.filter((key) => values[key] !== undefined).map((key) => [key, values[key]]));
}
