/**
 * Who attended and who chaired: lists under labels ("Present:", "Apologies"), attendance
 * tables read by their columns, and people named in sentences ("chaired by …", "joined
 * by …", "attended by …").
 */
import type { Attendance, Attendee, AttendeeKind } from '../../core/model.js';
import { normalise, slugify } from '../../core/text.js';
import { ATTENDED } from '../../core/vocabulary.js';
import type { Block } from '../types.js';
import type { Findings } from './findings.js';
import { describeRole, parseName, parsePerson, type Person } from './people.js';
import { blockWords, type Reading } from './reading.js';

export interface FoundAttendance {
  attendees: Attendee[];
  chairs: string[];
  attendanceNote?: string;
}

type How = { kind: AttendeeKind; attendance: Attendance };

const LABELS: readonly [RegExp, How][] = [
  [
    /^(?:members\s+)?present|^attendees|^attendance|^members(?:\s+attending)?$|^participants/i,
    { kind: 'member', attendance: 'present' },
  ],
  [/^(?:in attendance|also (?:present|in attendance)|observers?)/i, { kind: 'observer', attendance: 'present' }],
  [/^secretariat/i, { kind: 'secretariat', attendance: 'present' }],
  [/^guests?|^presenters?/i, { kind: 'guest', attendance: 'present' }],
  [/^apolog(?:y|ies)/i, { kind: 'member', attendance: 'apology' }],
  [/^absent/i, { kind: 'member', attendance: 'absent' }],
];
const LABEL_LINE =
  /^((?:members\s+)?present|attendees|attendance|members(?:\s+attending|\s+present)?|participants|in attendance|also (?:present|in attendance)|observers?|secretariat|guests?|presenters?|apolog(?:y|ies)(?:\s+received)?|absent)\s*(?::|[-–—]\s|$)\s*(.*)$/i;
const CHAIR_LINE = /^(co-?chairs?|chair(?:person)?)\s*:\s*(.+)$/i;
const CHAIR_ROLE = /^(?:co-?)?chair(?:person)?$/i;
const TITLED = /(?=(?:the\s+)?(?:The Hon|Hon|Mr|Mrs|Ms|Dr|Prof|Professor|Senator)\b)/;

/** "Present", "Joined remotely", "Part of the meeting", "Apology", "Absent" as written in an attendance column. */
function attendanceOf(text: string): Attendance | undefined {
  const value = text.trim().toLowerCase();
  if (/^apolog/.test(value)) return 'apology';
  if (/^absent/.test(value)) return 'absent';
  if (/remote|online|video|phone|virtual/.test(value)) return 'remote';
  if (/part|partial|left|arrived/.test(value)) return 'partial';
  if (/^present|^attended|^yes/.test(value)) return 'present';
  return undefined;
}

function labelled(text: string): { how: How; rest: string } | undefined {
  const match = LABEL_LINE.exec(text.trim());
  if (!match) return undefined;
  const how = LABELS.find(([pattern]) => pattern.test(match[1]!))?.[1];
  return how ? { how, rest: match[2]!.trim() } : undefined;
}

/** "A, Chair; B" or "Mr A Smith, Chair, Dr B Jones, Department of Health": pieces that are not names belong to the name before. */
export function entries(text: string): string[] {
  if (text.includes(';')) {
    return text
      .split(';')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
  }
  const out: string[] = [];
  for (const piece of text.split(/\s*,\s*|\s+and\s+(?=\p{Lu})/u).filter((part) => part !== '')) {
    if (out.length > 0 && !parseName(piece.replace(/\s*\([^)]*\)$/, '')))
      out[out.length - 1] = `${out.at(-1)}, ${piece}`;
    else out.push(piece);
  }
  return out;
}

/** The people found so far, each once, with ids made from their names. */
class Register {
  readonly attendees: Attendee[] = [];
  readonly chairs: string[] = [];

  add(person: Person, how: How): Attendee {
    const existing = this.attendees.find((attendee) => normalise(attendee.name) === normalise(person.name));
    if (existing) {
      for (const key of ['honorific', 'post_nominals', 'role', 'organisation'] as const) {
        if (existing[key] === undefined && person[key] !== undefined) existing[key] = person[key];
      }
      return existing;
    }
    const base = slugify(person.name) || 'attendee';
    let id = base;
    for (let suffix = 2; this.attendees.some((attendee) => attendee.id === id); suffix++) id = `${base}-${suffix}`;
    const attendee: Attendee = { id, ...person, ...how };
    this.attendees.push(attendee);
    return attendee;
  }

  /** Someone listed with the role "Chair" or "Co-chair" chaired the meeting, if they were there. */
  noteChair(attendee: Attendee): void {
    if (CHAIR_ROLE.test(attendee.role ?? '') && ATTENDED.has(attendee.attendance ?? 'present')) this.chair(attendee.id);
  }

  chair(id: string): void {
    if (!this.chairs.includes(id)) this.chairs.push(id);
  }

  /** An entry of a list: a person, or an organisation's seat; false when it reads like a sentence. */
  addEntry(entry: string, how: How): boolean {
    const person = parsePerson(entry);
    const kind = how.kind !== 'member' && /secretariat/i.test(entry) ? 'secretariat' : how.kind;
    if (person) {
      this.noteChair(this.add(person, { ...how, kind }));
      return true;
    }
    const name = entry.trim().replace(/[.;]$/, '');
    if (!/^\p{Lu}/u.test(name) || /[.!?]/.test(name) || name.split(/\s+/).length > 8) return false;
    this.add({ name }, { ...how, kind });
    return true;
  }
}

interface Columns {
  name: number;
  role: number;
  attendance: number;
}

function columnsOf(block: Extract<Block, { kind: 'table-row' }>): Columns | undefined {
  if (!block.header || !block.cells.some((cell) => /^name$/i.test(cell.trim()))) return undefined;
  return {
    name: block.cells.findIndex((cell) => /^name$/i.test(cell.trim())),
    role: block.cells.findIndex((cell) => /role|organi[sz]ation|position|title/i.test(cell)),
    attendance: block.cells.findIndex((cell) => /attendance|attended/i.test(cell)),
  };
}

function addTableRow(register: Register, cells: readonly string[], at: Columns, how: How | undefined): boolean {
  const nameCell = cells[at.name]?.trim() ?? '';
  if (nameCell === '') return false;
  const person: Person = parsePerson(nameCell) ?? { name: nameCell };
  // "Director General, Department of Communities; representing …": the part before any `;`.
  const roleCell = (cells[at.role] ?? '').split(';')[0]!.replace(/\s*\(proxy for [^)]*\)/i, '');
  for (const part of roleCell.split(/\s*,\s*/)) if (part) describeRole(part, person);
  const attendance = attendanceOf(cells[at.attendance] ?? '') ?? how?.attendance ?? 'present';
  register.noteChair(register.add(person, { kind: how?.kind ?? 'member', attendance }));
  return true;
}

export function recogniseAttendance(reading: Reading, findings: Findings): FoundAttendance {
  const register = new Register();
  readLists(reading.bodyBlocks, register);
  const attendanceNote = readSentences(reading.sentences, register);
  for (const block of reading.bodyBlocks) {
    const chair = block.kind !== 'table-row' ? CHAIR_LINE.exec(block.text) : null;
    if (!chair) continue;
    const role = /co/i.test(chair[1]!) ? 'Co-chair' : 'Chair';
    for (const entry of entries(chair[2]!)) {
      const person = parsePerson(entry);
      if (person) register.chair(register.add({ role, ...person }, { kind: 'member', attendance: 'present' }).id);
    }
  }
  // A chair is at the meeting, whatever list they were found in.
  for (const id of register.chairs) register.attendees.find((attendee) => attendee.id === id)!.attendance = 'present';

  if (register.chairs.length > 0) findings.fill('meeting.chair');
  else {
    findings.notes.push('TODO: the source does not name the chair; add them as an attendee and set meeting.chair');
    findings.leave(
      ['meeting', 'chair'],
      'The source does not name who chaired the meeting: add the chair as an attendee and set meeting.chair',
    );
  }
  if (register.attendees.length > 0) findings.fill('attendees');
  if (attendanceNote) findings.fill('attendance_note');
  const found: FoundAttendance = { attendees: register.attendees, chairs: register.chairs };
  if (attendanceNote) found.attendanceNote = attendanceNote;
  else if (register.attendees.length === 0) {
    found.attendanceNote = 'TBC: who attended (the source names nobody)';
    findings.leave(
      ['attendance_note'],
      'The source does not say who attended: list the attendees, or describe attendance in attendance_note',
    );
  }
  return found;
}

/** Labelled lists, list items under a label, and attendance tables. */
function readLists(blocks: readonly Block[], register: Register): void {
  let columns: Columns | undefined;
  let current: How | undefined;
  for (const block of blocks) {
    const text = blockWords(block);
    const label = block.kind === 'table-row' ? undefined : labelled(text);
    if (label && (block.kind === 'heading' || text.includes(':') || label.rest === '')) {
      current = label.how;
      if (label.rest) for (const entry of entries(label.rest)) register.addEntry(entry, label.how);
      continue;
    }
    if (current && block.kind === 'list-item' && register.addEntry(block.text, current)) continue;
    if (block.kind === 'table-row') {
      // An attendance table: its header names the columns, rows are people.
      const header = columnsOf(block);
      if (header) {
        columns = header;
        continue;
      }
      if (columns && addTableRow(register, block.cells, columns, current)) continue;
      if (current && register.addEntry(block.cells.join(', '), current)) continue;
    } else columns = undefined;
    if (
      current &&
      block.kind === 'paragraph' &&
      parsePerson(block.text) &&
      block.text.length < 120 &&
      !/[.!?]$/.test(block.text)
    ) {
      register.addEntry(block.text, current);
      continue;
    }
    current = undefined;
  }
}

/** People named in sentences; the attendance in words when they cannot all be named. */
function readSentences(sentences: readonly string[], register: Register): string | undefined {
  let attendanceNote: string | undefined;
  for (const sentence of sentences) {
    const joined = /\b(?:was|were) (?:also )?joined by\s+(.+?)\.?$/.exec(sentence);
    if (joined) {
      for (const entry of joined[1]!.split(new RegExp(`,?\\s+and\\s+${TITLED.source}`))) {
        const person = parsePerson(entry);
        if (person) register.add(person, { kind: 'guest', attendance: 'present' });
      }
    }
    const chaired = /\b(co-?)?chaired by\s+(.+?)\.?$/i.exec(sentence);
    if (chaired && !/\bis\s+(?:co-?)?chaired\b/i.test(sentence)) {
      const names = chaired[1] ? chaired[2]!.split(/,?\s+and\s+(?=(?:the\s+)?\p{Lu})/u) : [chaired[2]!];
      for (const entry of names) {
        const person = parsePerson(entry);
        const role = chaired[1] ? 'Co-chair' : 'Chair';
        if (person) register.chair(register.add({ role, ...person }, { kind: 'member', attendance: 'present' }).id);
      }
    }
    const attended = /\b(?:was|were) attended by\s+(.+?)\.?$/.exec(sentence);
    if (attended) {
      const people = entries(attended[1]!).map(parsePerson);
      if (people.length > 0 && people.every((person) => person !== undefined)) {
        for (const person of people) register.add(person!, { kind: 'member', attendance: 'present' });
      } else attendanceNote ??= `Attended by ${attended[1]}.`;
    }
  }
  return attendanceNote;
}
