/**
 * From an old communiqué to a draft: the facts a reader would pick out of the text go into
 * the front matter, every sentence stays in the body, and whatever the source does not
 * state is left as a marked placeholder that `validate` flags — never guessed. Sources that
 * are not text or a format communique reads are refused, and a verdict says whether the
 * document reads as a communiqué at all. Pure: bytes in, the draft's text out.
 */
import * as chrono from 'chrono-node';
import { type ProseDates, proseDates } from '../core/dates.js';
import { slugify } from '../core/text.js';
import { frontMatterYaml } from '../core/write-front-matter.js';
import { bodyMarkdown } from './body.js';
import { fidelity } from './fidelity.js';
import { recogniseActions } from './recognise/actions.js';
import { recogniseAgreements } from './recognise/agreements.js';
import { isAttendanceBlock, readLists } from './recognise/attendance.js';
import { readProse } from './recognise/prose-people.js';
import { recogniseChairs } from './recognise/chairs.js';
import { Findings } from './recognise/findings.js';
import { recogniseGroup } from './recognise/group.js';
import { recogniseMeeting } from './recognise/meeting.js';
import { recogniseNextMeeting } from './recognise/next-meeting.js';
import { readBlocks } from './recognise/reading.js';
import { Register } from './recognise/register.js';
import { readRendered, renderedActions } from './recognise/rendered.js';
import { Stripped, stripArtefactBlocks } from './sources/artefacts.js';
import { decodeSource } from './sources/decode.js';
import { READABLE, sniffSource } from './sources/detect.js';
import { markdownToBlocks } from './sources/markdown.js';
import { textToBlocks } from './sources/text.js';
import { checkZip } from './sources/zip.js';
import type { Block, ImportOptions, ImportOutcome, ImportResult } from './types.js';
import { judge } from './verdict.js';

/** Text, Markdown and web pages larger than this are not communiqués; reading them would take minutes. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;
/** Word documents and PDFs, as files. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export async function importSource(
  bytes: Uint8Array,
  extension: string,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const sniffed = sniffSource(bytes, extension);
  if (!sniffed.ok) return { ok: false, rule: 'import/binary', reason: `${sniffed.reason}; ${READABLE}` };
  const stripped = new Stripped();
  const { kind } = sniffed;
  if ((kind === 'text' || kind === 'markdown' || kind === 'html') && bytes.length > MAX_TEXT_BYTES)
    return {
      ok: false,
      rule: 'import/too-large',
      reason: `it is over ${MAX_TEXT_BYTES / 1024 / 1024} MB of text, far more than a communiqué`,
    };
  let blocks: Block[];
  let encoding: string | undefined;
  let textStripped: string[] = [];
  try {
    if (kind === 'docx') {
      const zip = checkZip(bytes);
      if (!zip.ok)
        return {
          ok: false,
          rule:
            zip.reason.includes('zip bomb') || zip.reason.includes('more than')
              ? 'import/too-large'
              : 'import/unreadable',
          reason: zip.reason,
        };
      const { docxToBlocks } = await import('./sources/docx.js');
      blocks = stripArtefactBlocks((await docxToBlocks(bytes)).blocks, stripped);
    } else if (kind === 'pdf') {
      const { pdfToText } = await import('./sources/pdf.js');
      const read = textToBlocks(await pdfToText(bytes));
      blocks = read.blocks;
      textStripped = read.stripped;
    } else {
      const decoded = decodeSource(bytes);
      if (!decoded.ok) return { ok: false, rule: 'import/binary', reason: `${decoded.reason}; ${READABLE}` };
      encoding = decoded.encoding;
      if (kind === 'html') {
        const { htmlToBlocks } = await import('./sources/html.js');
        blocks = await htmlToBlocks(decoded.text, stripped);
      } else if (kind === 'markdown') blocks = stripArtefactBlocks(markdownToBlocks(decoded.text), stripped);
      else {
        const read = textToBlocks(decoded.text);
        blocks = read.blocks;
        textStripped = read.stripped;
      }
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return {
      ok: false,
      rule: 'import/unreadable',
      reason:
        kind === 'docx'
          ? `it is not a Word document communique can read (${detail})`
          : kind === 'pdf'
            ? `it is not a PDF communique can read (${detail})`
            : detail,
    };
  }
  const result = importBlocks(blocks, options);
  return {
    ok: true,
    result: {
      ...result,
      format: kind,
      stripped: [...textStripped, ...stripped.describe()],
      ...(encoding ? { encoding } : {}),
    },
  };
}

/** Plain text to a communiqué, with what was stripped on the way. */
export function importText(text: string, options: ImportOptions): ImportResult {
  const { blocks, stripped } = textToBlocks(text);
  return { ...importBlocks(blocks, options), stripped };
}

let dateReader: ProseDates | undefined;

export function importBlocks(blocks: Block[], options: ImportOptions): ImportResult {
  dateReader ??= proseDates(chrono);
  const dates = dateReader;
  const findings = new Findings();
  const reading = readBlocks(blocks, dates);
  const rendered = readRendered(reading, (text) => {
    const found = reading.datesIn(text)[0];
    return found && found.text.length >= text.replace(/[.\s]+$/, '').length - 1 ? found.start : undefined;
  });

  const group = recogniseGroup(reading);
  const groupField = reading.fields.find((field) => field.label === 'group');
  if (groupField && rendered.lifted.size > 0) {
    // "Healthy Country Towns National Partnership Group (NPG)": the group as our renderings show it.
    const short = /\s*\(([A-Z][A-Za-z]*[A-Z])\)$/.exec(groupField.value);
    group.name = short ? groupField.value.slice(0, short.index) : groupField.value;
    if (short) group.short_name = short[1]!;
  }
  if (group.name) findings.fill('meeting.group.name');
  else
    findings.leave(
      ['meeting', 'group', 'name'],
      'The source does not name the group that met: fill in meeting.group.name (and short_name, e.g. NLG)',
    );
  if (group.short_name) findings.fill('meeting.group.short_name');

  let title: string;
  // A "title" of punctuation alone (":", "—") is none.
  if (reading.title && /[\p{L}\p{N}]/u.test(reading.title.text)) {
    title = reading.title.text;
    findings.fill('title');
  } else if (group.name) title = `${group.name} Communiqué`;
  else {
    title = 'TBC: title of the communiqué';
    findings.leave(['title'], 'The source has no title: write the communiqué title');
  }

  const meeting = recogniseMeeting(reading, findings);
  const register = new Register();
  readLists(reading.blocks, register);
  recogniseChairs(reading, register);
  const attendanceNote = readProse(reading, register);
  register.settle();
  const { attendees, chairs } = register;
  // Someone in the list joined by video: the meeting the text places in a room was hybrid.
  if (
    meeting.fields.mode === 'in-person' &&
    findings.filled.has('meeting.mode') &&
    attendees.some((attendee) => attendee.attendance === 'remote')
  )
    meeting.fields.mode = 'hybrid';
  if (chairs.length > 0) findings.fill('meeting.chair');
  else {
    findings.notes.push('TODO: the source does not name the chair; add them as an attendee and set meeting.chair');
    findings.leave(
      ['meeting', 'chair'],
      'The source does not name who chaired the meeting: add the chair as an attendee and set meeting.chair',
    );
  }
  if (attendees.length > 0) findings.fill('attendees');

  const inSection = (index: number) => rendered.sectionBlocks.has(index);
  const skipBlock = (block: Block) => isAttendanceBlock(block) || inSection(reading.blocks.indexOf(block));
  const agreements =
    rendered.agreements.length > 0
      ? rendered.agreements.map((found, index) => ({ id: `AGR-${index + 1}`, ...found }))
      : recogniseAgreements(
          reading.blocks.slice(reading.title?.blocks.length ? Math.max(...reading.title.blocks) + 1 : 0),
          group,
          skipBlock,
        );
  if (agreements.length > 0) findings.fill('agreements');
  const actions =
    rendered.actions.length > 0
      ? renderedActions(rendered, attendees)
      : recogniseActions(
          reading,
          group,
          attendees,
          chairs,
          meeting.day,
          findings,
          (sentence) => inSection(sentence.block) || isAttendanceBlock(reading.blocks[sentence.block]!),
        );
  if (actions.length > 0) findings.fill('actions');
  const next = recogniseNextMeeting(reading, meeting.day, findings);

  const meetingData: Record<string, unknown> = {
    group: {
      name: group.name ?? 'TBC: name of the group that met',
      ...(group.short_name ? { short_name: group.short_name } : {}),
    },
    ...meeting.fields,
    ...(rendered.time ? { time: rendered.time } : {}),
    ...(chairs.length === 1 ? { chair: chairs[0] } : chairs.length > 1 ? { chair: chairs } : {}),
  };
  const slug = slugify(group.short_name ?? group.name ?? '') || 'communique';
  const data: Record<string, unknown> = {
    schema_version: 1,
    id: `${slug}-${meeting.date ? String(meeting.fields.date ?? meeting.fields.start) : 'undated'}`,
    title,
    status: 'draft',
    lang: 'en-AU',
    ...(options.source ? { source: { file: options.source.file, sha256: options.source.sha256 } } : {}),
    meeting: inOrder(meetingData, ['group', 'number', 'date', 'start', 'end', 'time', 'mode', 'place', 'chair']),
  };
  const attendeeOrder = [
    'id',
    'honorific',
    'name',
    'post_nominals',
    'role',
    'organisation',
    'represents',
    'kind',
    'proxy_for',
    'attendance',
  ] as const;
  if (attendees.length > 0) data.attendees = attendees.map((attendee) => inOrder(attendee, attendeeOrder));
  if (attendanceNote && attendees.length === 0) {
    data.attendance_note = attendanceNote;
    findings.fill('attendance_note');
  } else if (attendees.length === 0) {
    data.attendance_note = 'TBC: who attended (the source names nobody)';
    findings.leave(
      ['attendance_note'],
      'The source does not say who attended: list the attendees, or describe attendance in attendance_note',
    );
  }
  if (agreements.length > 0) data.agreements = agreements;
  if (actions.length > 0)
    data.actions = actions.map((action) => inOrder(action, ['id', 'text', 'owner', 'due', 'status']));
  if (Object.keys(next).length > 0) data.next_meeting = next;
  if (findings.notes.length > 0) data.internal_notes = findings.notes.join('\n');

  const titled = new Set(reading.title?.blocks ?? []);
  const bodyBlocks = reading.blocks.filter((_, index) => !titled.has(index) && !rendered.lifted.has(index));
  const body = bodyMarkdown(bodyBlocks);
  const text = `---\n${frontMatterYaml(data)}---\n\n${body}\n`;
  const kept = reading.blocks.filter((_, index) => !rendered.lifted.has(index));
  const verdict = judge(reading, {
    group,
    date: meeting.date !== undefined,
    agreements,
    actions,
    people: attendees.length + (attendanceNote ? 1 : 0),
    structured: rendered.lifted.size > 0,
  });
  const ids = new Set(attendees.map((attendee) => attendee.id));
  const organisations = new Set(
    attendees.flatMap((attendee) => (attendee.organisation ? [attendee.organisation.toLowerCase()] : [])),
  );
  const owners = [
    ...new Set(
      actions
        .flatMap((action) => (Array.isArray(action.owner) ? action.owner : [action.owner]))
        .filter(
          (owner) =>
            !ids.has(owner) && owner !== group.name && owner !== 'TBC' && !organisations.has(owner.toLowerCase()),
        ),
    ),
  ];
  const naming: ImportResult['naming'] = {
    ...(meeting.date ? { date: meeting.date.start } : {}),
    ...(group.name
      ? { group: { name: group.name, ...(group.short_name ? { short_name: group.short_name } : {}) } }
      : {}),
    ...(typeof meeting.fields.number === 'number' ? { number: meeting.fields.number } : {}),
  };
  return {
    text,
    filled: [...findings.filled].sort(),
    placeholders: findings.placeholders,
    stripped: [],
    words: fidelity(kept, reading.title?.text, body),
    format: 'text',
    verdict,
    owners,
    naming,
  };
}

function inOrder<T extends object>(record: T, order: readonly string[]): Record<string, unknown> {
  const values = record as Record<string, unknown>;
  return Object.fromEntries(order.filter((key) => values[key] !== undefined).map((key) => [key, values[key]]));
}
