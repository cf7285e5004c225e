/**
 * Communiqués laid out the way communique renders them — a block of meeting facts
 * ("Group:", "Date:", "Where:", "Co-chairs:"), then "Agreements" as "Noted: …" or "AGR-1
 * Agreed in principle: …", "Actions" as a table (ID, Action, Owner, Due, Status) or as
 * "ACT-1 … Owner: … Due: … Status: …", and a "Next meeting" line — are read section by
 * section, so that our own renderings come back whole. When the document is one of ours,
 * those sections go back into the front matter and leave the body.
 */
import { VERBS } from '../../core/vocabulary.js';
import type { Action, ActionStatus, Agreement, AgreementVerb, Attendee } from '../../core/model.js';
import { normalise } from '../../core/text.js';
import type { Block } from '../types.js';
import { blockWords, type Reading } from './reading.js';
import { personOf } from './actions.js';

export interface Rendered {
  agreements: Omit<Agreement, 'id'>[];
  actions: { text: string; owners: string[]; due?: string; status?: ActionStatus; id?: string }[];
  /** Blocks the sections above came from. */
  sectionBlocks: Set<number>;
  /** Our own rendering: the blocks to take out of the body. */
  lifted: Set<number>;
  time?: { start: string; end?: string; zone?: string };
}

const SECTION = /^(attendance|agreements|decisions|actions|action items|next meeting|contact|outcomes)$/i;
const FACT = /^(?:group|meeting|date|time|where|chair|co-chairs|theme)\s*:/i;
const LABELS = VERBS.map((verb) => verb.charAt(0).toUpperCase() + verb.slice(1)).join('|');
const AGREEMENT = new RegExp(`^(?:(AGR-\\d+|[A-Z]+-\\d+)\\s+)?(${LABELS})(?:\\s+([^:]{2,120}))?:\\s+(.+)$`);
const ACTION_TEXT = new RegExp(
  '^(?:(ACT-\\d+|[A-Z]+-\\d+)\\s+)?(.+?)(?:\\s+Owners?:\\s+(.+?))?(?:\\s+Due:\\s+(.+?))?' +
    '(?:\\s+Status:\\s+(.+?))?(?:\\s+Carried forward from .*)?$',
);
const STATUS: Record<string, ActionStatus> = {
  open: 'open',
  'in progress': 'in-progress',
  done: 'done',
  'carried forward': 'carried-forward',
  dropped: 'dropped',
};
const OUTCOMES_SUMMARY = /^The meeting made .+ and recorded .+\.$/;

/** An actions table's columns as tables name them: ours ("Action", "Owner", "Due") and others'. */
const ACTION_COLUMN = /^(?:actions?|action items?|items?|tasks?|what)$/i;
const OWNER_COLUMN = /^(?:owners?|responsible|responsibility|who|lead|by whom|person responsible)$/i;
const DUE_COLUMN = /^(?:due|due date|timing|timeframe|when|by when|deadline|date due)$/i;

export function readRendered(reading: Reading, parseDay: (text: string) => string | undefined): Rendered {
  const found: Rendered = { agreements: [], actions: [], sectionBlocks: new Set(), lifted: new Set() };
  const { blocks } = reading;
  let section: string | undefined;
  let sectionLevel = 0;
  let columns: string[] | undefined;
  blocks.forEach((block, index) => {
    if (block.kind === 'heading') {
      if (SECTION.test(block.text.trim())) {
        section = block.text.trim().toLowerCase();
        sectionLevel = block.level;
        columns = undefined;
        found.sectionBlocks.add(index);
        return;
      }
      // A caption over a table ("Actions arising from the meeting") stays in its section.
      const caption =
        blocks[index + 1]?.kind === 'table-row' || (section && block.text.toLowerCase().startsWith(section));
      if (block.level <= sectionLevel && !caption) section = undefined;
    }
    if (!section) return;
    if (/^(?:agreements|decisions|outcomes)$/.test(section) && block.kind !== 'table-row') {
      const match = AGREEMENT.exec(blockWords(block).trim());
      if (!match) return;
      const qualifier = match[3]?.trim();
      found.agreements.push({
        verb: match[2]!.toLowerCase() as AgreementVerb,
        ...(qualifier ? { qualifier } : {}),
        text: match[4]!.trim(),
      });
      found.sectionBlocks.add(index);
    } else if (/^action/.test(section)) {
      if (block.kind === 'table-row') {
        if (block.cells.some((cell) => ACTION_COLUMN.test(cell.trim()))) {
          columns = block.cells.map((cell) => cell.trim().toLowerCase());
          found.sectionBlocks.add(index);
          return;
        }
        if (!columns) return;
        const cell = (name: RegExp) => {
          const at = columns!.findIndex((column) => name.test(column));
          return at === -1 ? undefined : block.cells[at]?.trim();
        };
        const text = cell(ACTION_COLUMN);
        if (!text) return;
        const owner = cell(OWNER_COLUMN);
        found.actions.push(action(text, owner, cell(DUE_COLUMN), cell(/^status$/), cell(/^(?:id|no\.?|#)$/), parseDay));
        found.sectionBlocks.add(index);
        return;
      }
      const match = ACTION_TEXT.exec(blockWords(block).replace(/\s+/g, ' ').trim());
      // Without an id, only an action that says its owner, due date or status is one.
      if (!match || (!match[1] && !match[3] && !match[4] && !match[5])) return;
      found.actions.push(action(match[2]!, match[3], match[4], match[5], match[1], parseDay));
      found.sectionBlocks.add(index);
    }
  });
  const facts = blocks
    .slice(0, 14)
    .filter((block) => FACT.test(block.kind === 'table-row' ? `${block.cells[0]}:` : block.text)).length;
  const ours =
    facts >= 3 &&
    (found.agreements.length > 0 ||
      found.actions.length > 0 ||
      blocks.some((b) => b.kind === 'heading' && /^attendance$/i.test(b.text)));
  if (ours) {
    let inSection = false;
    let level = 0;
    blocks.forEach((block, index) => {
      if (block.kind === 'heading') {
        if (SECTION.test(block.text.trim())) {
          inSection = true;
          level = block.level;
        } else if (block.level <= level) inSection = false;
      }
      const text = block.kind === 'table-row' ? `${block.cells[0]}:` : block.text;
      if (
        inSection ||
        (index < 14 && FACT.test(text)) ||
        OUTCOMES_SUMMARY.test(text) ||
        /^(?:contents|on this page)$/i.test(text)
      )
        found.lifted.add(index);
    });
    const time = reading.fields.find((field) => field.label === 'time');
    const parts = time
      ? /^(\d{2}:\d{2})(?:\s*[–-]\s*(\d{2}:\d{2}))?(?:\s*\(([A-Za-z_]+\/[A-Za-z_/+-]+)\))?$/.exec(time.value)
      : null;
    if (parts)
      found.time = {
        start: parts[1]!,
        ...(parts[2] ? { end: parts[2] } : {}),
        ...(parts[3] ? { zone: parts[3] } : {}),
      };
  }
  return found;
}

function action(
  text: string,
  owner: string | undefined,
  due: string | undefined,
  status: string | undefined,
  id: string | undefined,
  parseDay: (text: string) => string | undefined,
): Rendered['actions'][number] {
  const dueText = due
    ?.replace(/\s*\(.*\)$/, '')
    .replace(/^[—–-]$/, '')
    .trim();
  const day = dueText ? parseDay(dueText) : undefined;
  return {
    text: text.replace(/\s*Carried forward from (?:the meeting of .+|an earlier meeting)\.?$/s, '').trim(),
    owners: (owner ?? '').split(/\s*;\s*/).filter(Boolean),
    ...(dueText ? { due: day ?? dueText } : {}),
    ...(status && STATUS[status.trim().toLowerCase()] ? { status: STATUS[status.trim().toLowerCase()]! } : {}),
    ...(id && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) ? { id } : {}),
  };
}

/** The actions of a rendered table, their owners matched to the attendees by name. */
export function renderedActions(rendered: Rendered, attendees: readonly Attendee[]): Action[] {
  return rendered.actions.map((found, index) => {
    const named = (owner: string) =>
      attendees.find((attendee) => normalise(attendee.name) === normalise(owner)) ?? personOf(owner, attendees);
    const organisation = (owner: string) =>
      attendees.some((attendee) => attendee.organisation && normalise(attendee.organisation) === normalise(owner));
    // "Rebecca Thornley and Daniel Okafor" is two attendees; "Department of Families and Inclusion" is one owner.
    const owners = found.owners
      .flatMap((owner) => {
        const parts = owner.split(/\s+and\s+/);
        return parts.length > 1 && parts.every((part) => named(part) || organisation(part)) ? parts : [owner];
      })
      .map((owner) => named(owner)?.id ?? owner);
    return {
      id: found.id ?? `ACT-${index + 1}`,
      text: found.text,
      owner: owners.length === 1 ? owners[0]! : owners.length > 1 ? (owners as [string, ...string[]]) : 'TBC',
      ...(found.due ? { due: found.due } : {}),
      status: found.status ?? 'open',
    };
  });
}

export function blocksOf(reading: Reading, indexes: Set<number>): Block[] {
  return reading.blocks.filter((_, index) => indexes.has(index));
}
