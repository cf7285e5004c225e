/**
 * Who attended: lists under any attendance label ("Present:", "Apologies", "<Body> members
 * attending:", "Officials in attendance:", "represented as follows:", "Participants" with a
 * line per country), names in one paragraph with a shared role ("Directors A, B and C (via
 * teleconference)"), attendance tables read by their columns, and people named in prose —
 * guests and presenters introduced with their role ("heard from Prof X, Director of …", "X,
 * Chief Executive of Y, presented …"). Classes of people ("Premiers and Chief Ministers took
 * part") become the attendance note.
 */
import type { Attendance, Attendee } from '../../core/model.js';
import type { Block } from '../types.js';
import { describeRole, nameWithRole, ORG_WORD, parseName, parsePerson, type Person } from './people.js';
import type { How, Register } from './register.js';
import { pattern } from './pattern.js';

const CHAIR_ROLE = /^(?:co-?)?chair(?:person|man|woman)?$|^(?:independent |presiding )?chair$/i;
const REMOTE =
  /\b(?:via |by )?(?:teleconference|video ?conference|video ?link|video|phone|telephone|zoom|teams|online|remotely|virtually)\b/i;
/** "(from item 3)", "(until 11 am)", "(left at 3.30 pm)", "(part)": at the meeting for part of it. */
const PART_OF_IT =
  /\s*\((?:from|until|till|to|left|arrived|departed|joined at|for items?|items?|part(?:ial(?:ly)?)?)\b[^)]*\)$/i;
const PROXY =
  /\b(?:deputising for|deputizing for|proxy for|on behalf of|standing in for|alternate for|in place of)\s+(.+?)\)?$/i;

/** What a label says of the people under it, or undefined when it is no attendance label. */
export function howOf(label: string): How | undefined {
  const text = label.toLowerCase();
  if (text.split(/\s+/).length > 8) return undefined;
  if (/apolog/.test(text)) return { kind: 'member', attendance: 'apology' };
  if (/\babsent\b|leave of absence|not present/.test(text)) return { kind: 'member', attendance: 'absent' };
  if (/observer/.test(text)) return { kind: 'observer', attendance: 'present' };
  if (/\bsecretariat\b/.test(text)) return { kind: 'secretariat', attendance: 'present' };
  if (/presenter|speaker/.test(text)) return { kind: 'presenter', attendance: 'present' };
  if (/guest|invitee|visitor/.test(text)) return { kind: 'guest', attendance: 'present' };
  if (
    pattern(
      '',
      String.raw`^(?:also\s+)?in attendance\b|also (?:present|attending|in attendance)|`,
      String.raw`(?:officials|staff|officers|advisers|advisors)\b.*\b(?:attendance|present`,
      '|attending)',
    ).test(text)
  )
    return { kind: 'observer', attendance: 'present' };
  if (
    pattern(
      '',
      String.raw`\b(?:present|attending|attendance|attendees|attended|participants|members`,
      '|directors|councillors|ministers|delegates|represented|representatives',
      String.raw`|roll|membership)\b`,
    ).test(text)
  )
    return { kind: 'member', attendance: 'present' };
  return undefined;
}

const LABEL = /^\**([^:]{2,70}?)\**\s*(?::|\s[-–—]\s)\s*\**\s*(.*)$/;

function labelled(block: Block): { how: How; rest: string } | undefined {
  if (block.kind === 'table-row') return undefined;
  const text = block.text.trim();
  const match = LABEL.exec(text);
  // "Present – A, B" takes a dash; "HCT Secretariat — Department of …" is a person's line, not a label.
  const dashed = match !== null && !text.slice(match[1]!.length).trimStart().startsWith(':');
  if (
    match &&
    !/[.!?]/.test(match[1]!) &&
    (!dashed || /^(?:present|apologies|absent|in attendance|attendees|also present)$/i.test(match[1]!.trim()))
  ) {
    const how = howOf(match[1]!);
    if (how) return { how, rest: match[2]!.trim() };
  }
  // A heading, or a line of its own: "Apologies", "Members attending".
  if ((block.kind === 'heading' || text.split(/\s+/).length <= 5) && !/[.!?,]$/.test(text)) {
    const how = howOf(text);
    if (how && !/\b(?:meeting|communiqu)/i.test(text)) return { how, rest: '' };
  }
  return undefined;
}

/** Entries of a list written in a line: "A; B", "Directors A, B and C", "Mr A, Chair, Dr B, Dept of X". */
export function entries(whole: string): string[] {
  // "… and two members of the public": people not named, who are no entry (the body keeps the words).
  const text = whole.replace(
    /,?\s+(?:and|plus|with)\s+(?:(?:a|one|two|three|four|five|several|some|\d+)\s+)?(?:members? of the public|visitors?|observers?|guests?)\.?$/i,
    '',
  );
  if (text.includes(';'))
    return text.split(';').flatMap((part) => {
      const trimmed = part.trim().replace(/^and\s+/, '');
      return /^(?:[A-Z][a-z]+\s+)?(?:Directors|Members|Councillors|Ministers|Trustees|Delegates|Commissioners|Crs)\s/.test(
        trimmed,
      ) || /\s(?:and|&)\s+(?:(?:The Hon|Hon|Mr|Mrs|Ms|Dr|Prof|Cr)\.?\s)/.test(trimmed)
        ? sharedRole(trimmed)
        : [trimmed];
    });
  return sharedRole(text);
}

/** "Directors Tom Harris, Priya Nair and Lucas Brennan (via teleconference)": each name with the role. */
function sharedRole(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(/\s*,\s*|\s+(?:and|&)\s+(?=\p{Lu})/u).filter((part) => part.trim() !== '')) {
    const bare = piece
      .replace(/[.;]$/, '')
      .replace(/\s*\([^)]*\)$/, '')
      .replace(/^and\s+/, '')
      .replace(/\s+of\s+\p{Lu}[\p{L} ]*$/u, '');
    if (out.length > 0 && !nameWithRole(bare)) out[out.length - 1] = `${out.at(-1)}, ${piece}`;
    else out.push(piece.replace(/^and\s+/, ''));
  }
  const lead =
    /^((?:[A-Z][a-z]+\s+)?(?:Directors|Members|Councillors|Ministers|Trustees|Delegates|Commissioners|Crs))\s+/.exec(
      out[0] ?? '',
    );
  if (lead && out.length > 1) {
    const role = lead[1]!.replace(/Crs$/, 'Cr').replace(/s$/, '');
    for (let index = 1; index < out.length; index++)
      if (parseName(out[index]!.replace(/\s*\(.*$/, ''))) out[index] = `${role} ${out[index]}`;
  }
  return out;
}

/** An entry of a list: a person (or two), or an organisation's seat; false when it reads like a sentence. */
export function addEntry(register: Register, entry: string, how: How, represents?: string): boolean {
  let text = entry.trim().replace(/^[-–•·]\s*/, '');
  if (/^\[?\s*redacted\s*\]?$/i.test(text)) return true;
  // "Name — role, organisation; representing …; joined remotely", as our plain text writes a row.
  const described = /^(.+?)\s+—\s+(.+)$/.exec(text);
  if (described)
    return addTableRow(register, [described[1]!, described[2]!], { name: 0, role: [1], attendance: -1 }, how);
  // "Landcare Victoria: Jo Pratt and Martin Gale".
  const org = /^([^:]{3,60}):\s+(.+)$/.exec(text);
  if (
    org &&
    entries(org[2]!).every((one) => parsePerson(one)) &&
    !entries(org[1]!).every((one) => parsePerson(one)?.honorific)
  ) {
    return entries(org[2]!)
      .map((one) => addEntry(register, `${one}, ${org[1]}`, how, represents))
      .some(Boolean);
  }
  // "Ms Alice Morgan and Mr Jack Siddiqui, Community Housing Industry Association".
  const pair = /^(.+?)\s+and\s+(.+?)(,\s*.+)?$/.exec(text);
  if (pair && parsePerson(pair[1]!) && parsePerson(pair[2]!)) {
    addEntry(register, `${pair[1]}${pair[3] ?? ''}`, how, represents);
    return addEntry(register, `${pair[2]}${pair[3] ?? ''}`, how, represents);
  }
  const proxy = PROXY.exec(text);
  if (proxy) text = text.slice(0, proxy.index).replace(/[\s,(]+$/, '');
  const remote = REMOTE.test(text.replace(/^[^(]*/, '')) || /\bjoined remotely\b/i.test(text);
  if (remote) text = text.replace(/\s*\((?:via |by )?[^)]*\)$/, '').replace(/;\s*joined remotely$/, '');
  const partly = PART_OF_IT.exec(text);
  if (partly) text = text.slice(0, partly.index);
  const person = parsePerson(text);
  const attendance: Attendance =
    how.attendance !== 'present' ? how.attendance : partly ? 'partial' : remote ? 'remote' : how.attendance;
  if (person) {
    if (represents) person.represents ??= represents;
    const kind = how.kind !== 'member' && /secretariat/i.test(text) ? 'secretariat' : how.kind;
    const attendee = register.add(person, { kind, attendance });
    if (attendance === 'remote' || attendance === 'partial') attendee.attendance = attendance;
    if (CHAIR_ROLE.test(person.role ?? '') && how.attendance !== 'apology' && how.attendance !== 'absent')
      register.chair(attendee.id);
    if (proxy) {
      const principal = parsePerson(proxy[1]!) ?? { name: proxy[1]!.replace(/[.)]$/, '') };
      register.proxyFor(attendee, principal);
    }
    return true;
  }
  const kindInParens = /\s*\((observer|guest|presenter|secretariat|proxy)\)$/i.exec(text);
  const name = text.replace(/\s*\([^)]*\)$/, '').replace(/[.;]$/, '');
  if (!/^\p{Lu}/u.test(name) || /[.!?]/.test(name) || name.split(/\s+/).length > 8) return false;
  // A seat at the table is an organisation, not any line under a label.
  if (!ORG_WORD.test(name) && !kindInParens && !/\b(?:representative|delegate|nominee|member for)\b/i.test(name))
    return false;
  const kind = kindInParens
    ? (kindInParens[1]!.toLowerCase() as How['kind'])
    : how.kind !== 'member' && /secretariat/i.test(name)
      ? 'secretariat'
      : how.kind;
  register.add({ name }, { ...how, kind });
  return true;
}

interface Columns {
  name: number;
  role: number[];
  attendance: number;
  /** A column headed "Organisation" or "Agency": what it holds is the organisation, whatever it looks like. */
  organisation?: number;
}

function columnsOf(block: Extract<Block, { kind: 'table-row' }>): Columns | undefined {
  const name = block.cells.findIndex((cell) => /^(?:name|member|attendee|participant)s?$/i.test(cell.trim()));
  if (name === -1 || (!block.header && !block.cells.some((cell) => /role|organi[sz]ation|attendance/i.test(cell))))
    return undefined;
  return {
    name,
    role: block.cells.flatMap((cell, index) =>
      /role|organi[sz]ation|position|title|representing/i.test(cell) ? [index] : [],
    ),
    attendance: block.cells.findIndex((cell) => /attendance|attended|present/i.test(cell)),
    organisation: block.cells.findIndex((cell) =>
      /^(?:organi[sz]ation|agency|department|employer)$/i.test(cell.trim()),
    ),
  };
}

/** "Present", "Joined remotely", "Present by phone", "Apology", "Absent", as written in an attendance column. */
function attendanceOf(text: string): Attendance | undefined {
  const value = text.trim().toLowerCase();
  if (/^apolog/.test(value)) return 'apology';
  if (/^absent|^no$/.test(value)) return 'absent';
  if (/remote|online|video|phone|virtual|teleconference/.test(value)) return 'remote';
  if (/part|partial|left|arrived/.test(value)) return 'partial';
  if (/^present|^attended|^yes|^in person/.test(value)) return 'present';
  return undefined;
}

function addTableRow(register: Register, cells: readonly string[], at: Columns, how: How | undefined): boolean {
  const nameCell = cells[at.name]?.trim() ?? '';
  if (nameCell === '') return false;
  const person: Person = parsePerson(nameCell) ?? { name: nameCell };
  let remote = false;
  let kind = how?.kind ?? 'member';
  let partial = false;
  const organisation =
    at.organisation !== undefined && at.organisation >= 0 ? cells[at.organisation]?.trim() : undefined;
  if (organisation && !REMOTE.test(organisation)) person.organisation ??= organisation;
  let apology = false;
  for (const index of at.role) {
    if (index === at.organisation) continue;
    // "Member (apology)": the attendance, in brackets beside the role.
    const marked = /\s*\(apolog(?:y|ies|ised)\)/i;
    if (marked.test(cells[index] ?? '')) apology = true;
    const cell = (cells[index] ?? '').replace(marked, '');
    if (REMOTE.test(cell)) remote = true;
    // "Director-General, Department of Communities; representing …": the part before any `;`.
    const [role = '', ...more] = cell.replace(/\s*\((?:proxy for|online|by phone|via [^)]*)[^)]*\)/gi, '').split(';');
    if (!/^\s*(?:representing|proxy for|joined|for part)\b/i.test(role))
      for (const part of role.split(/\s*,\s*/)) if (part) describeRole(part, person);
    for (const part of [role, ...more].map((one) => one.trim())) {
      const representing = /^representing\s+(.+)$/i.exec(part);
      if (representing) person.represents ??= representing[1]!.trim();
      if (/^(?:guest|observer|presenter|secretariat)$/i.test(part)) kind = part.toLowerCase() as typeof kind;
      if (/^for part of the meeting$/i.test(part)) partial = true;
    }
  }
  const stated = attendanceOf(cells[at.attendance] ?? '');
  const fromRole = apology ? 'apology' : partial ? 'partial' : remote ? 'remote' : undefined;
  const attendance = stated ?? fromRole ?? how?.attendance ?? 'present';
  const attendee = register.add(person, { kind, attendance });
  if (stated || fromRole) attendee.attendance = attendance;
  if (CHAIR_ROLE.test(person.role ?? '') && attendance !== 'apology') register.chair(attendee.id);
  const proxy = /(?:\(|;\s*)proxy for ([^);]+)\)?/i.exec(cells.join(' '));
  if (proxy) register.proxyFor(attendee, parsePerson(proxy[1]!) ?? { name: proxy[1]! });
  return true;
}

/** Labelled lists, list items and lines under a label, and attendance tables. */
export function readLists(blocks: readonly Block[], register: Register): void {
  let columns: Columns | undefined;
  let current: How | undefined;
  let represents: string | undefined;
  let last: Attendee | undefined;
  const count = () => register.attendees.length;
  for (const block of blocks) {
    const label = labelled(block);
    if (label) {
      current = label.how;
      represents = undefined;
      if (label.rest) for (const entry of entries(label.rest)) addEntry(register, entry, label.how);
      continue;
    }
    if (block.kind === 'table-row') {
      const header = columnsOf(block);
      if (header) {
        columns = header;
        continue;
      }
      // A row across the table that says who the rows under it are: "Present", "Apologies".
      const filled = [...new Set(block.cells.map((cell) => cell.trim()).filter(Boolean))];
      const groupRow = filled.length === 1 ? howOf(filled[0]!) : undefined;
      if (groupRow && filled[0]!.split(/\s+/).length <= 4) {
        current = groupRow;
        continue;
      }
      if (columns && addTableRow(register, block.cells, columns, current)) continue;
      if (current && addEntry(register, block.cells.filter(Boolean).join(', '), current)) continue;
      current = undefined;
      continue;
    }
    columns = undefined;
    if (!current) continue;
    if (block.kind === 'heading') {
      current = undefined;
      continue;
    }
    const text = block.text.trim();
    const next = blocks[blocks.indexOf(block) + 1];
    // "Fiji" above "Hon. X, Minister of …": whom the people under it represent.
    if (
      /^\p{Lu}[\p{L}'’ .-]{1,40}$/u.test(text) &&
      text.split(/\s+/).length <= 4 &&
      !parsePerson(text)?.honorific &&
      next !== undefined &&
      next.kind !== 'table-row' &&
      (parsePerson(next.text)?.honorific !== undefined || /,/.test(next.text)) &&
      !/,/.test(text)
    ) {
      represents = text;
      continue;
    }
    if (block.kind === 'list-item' && addEntry(register, text, current, represents)) continue;
    if (
      block.kind !== 'list-item' &&
      text.length < 160 &&
      !/[.!?]$/.test(text.replace(/\b(?:Dr|Mr|Ms|Mrs|Prof|Hon|Cr)\.$/, ''))
    ) {
      if (parsePerson(text) || entries(text).some((entry) => parsePerson(entry))) {
        const before = count();
        for (const entry of entries(text)) addEntry(register, entry, current, represents);
        last = count() > before ? register.attendees.at(-1) : last;
        continue;
      }
      // A line of its own under the person above: their role and organisation.
      const previous = blocks[blocks.indexOf(block) - 1];
      if (
        last &&
        previous &&
        previous.kind !== 'table-row' &&
        parsePerson(previous.text)?.name === last.name &&
        text.split(/\s+/).length <= 12
      ) {
        const person: Person = { name: last.name };
        for (const part of text.split(/\s*,\s*/)) describeRole(part, person);
        for (const key of ['role', 'organisation', 'represents'] as const)
          if (person[key] && !last[key]) last[key] = person[key];
        if (CHAIR_ROLE.test(person.role ?? '') && current.attendance !== 'apology') register.chair(last.id);
        continue;
      }
      // "Fiji", "Cook Islands": a line naming whom the people under it represent.
      if (/^\p{Lu}[\p{L}'’ .-]{1,40}$/u.test(text) && text.split(/\s+/).length <= 4) {
        represents = text;
        continue;
      }
    }
    current = undefined;
  }
}

/** Whether a block of the body is part of the attendance (so it is not read for decisions). */
export function isAttendanceBlock(block: Block): boolean {
  return labelled(block) !== undefined;
}
