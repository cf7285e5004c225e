/**
 * What the checks across communiqués need from each one: small, plain data that crosses
 * from worker threads (and the cache) without the document it was taken from. Where each
 * fact is in its file follows from the facts (`placeOf`) as a data path, found in the file
 * only when a diagnostic is made there: most files never need their positions.
 */
import { meetingDays } from '../dates.js';
import type { Communique, Stage } from '../model.js';

/** A value in the front matter by its data path (or its key); `[]` is the front matter itself. */
export interface Place {
  path: (string | number)[];
  prefer?: 'key';
}

export interface ActionFacts {
  id: string;
  status: string;
  carriedFrom?: { communique: string; action?: string };
}

export interface CommuniqueFacts {
  /** The communiqué's id, or its file name without extension. */
  key: string;
  hasId: boolean;
  group: string;
  /** The meeting's first day; its last day for ordering. */
  date: string;
  lastDay: string;
  /** The field that gives the meeting's first day. */
  dateField: 'date' | 'start';
  number?: number;
  status: Stage;
  hasActions: boolean;
  /** In the order of the communiqué's `actions`. */
  actions: ActionFacts[];
}

/** Where each fact is in its file: known from the facts themselves, so they need not carry it (nor the cache). */
export const placeOf = {
  id: (facts: CommuniqueFacts): Place => ({ path: facts.hasId ? ['id'] : [] }),
  date: (facts: CommuniqueFacts): Place => ({ path: ['meeting', facts.dateField] }),
  number: (facts: CommuniqueFacts): Place =>
    facts.number !== undefined ? { path: ['meeting', 'number'] } : { path: ['meeting'], prefer: 'key' },
  actions: (facts: CommuniqueFacts): Place => ({ path: [facts.hasActions ? 'actions' : 'meeting'], prefer: 'key' }),
  /** The `carried_from` of the action at this index. */
  carriedFrom: (index: number): Place => ({ path: ['actions', index, 'carried_from'] }),
};

/** The group as communiqués name it across files: its short name, else its name, compared without case. */
export function groupKey(communique: Communique): string {
  const group = communique.meeting.group;
  return (group.short_name ?? group.name).trim().toLowerCase();
}

export function communiqueFacts(communique: Communique, stem: string): CommuniqueFacts {
  const days = meetingDays(communique.meeting);
  const facts: CommuniqueFacts = {
    key: communique.id ?? stem,
    hasId: communique.id !== undefined,
    group: groupKey(communique),
    date: days[0] ?? '',
    lastDay: days.at(-1) ?? '',
    dateField: communique.meeting.date !== undefined ? 'date' : 'start',
    status: communique.status,
    hasActions: communique.actions !== undefined,
    actions: (communique.actions ?? []).map((action) => ({
      id: action.id,
      status: action.status,
      ...(action.carried_from ? { carriedFrom: { ...action.carried_from } } : {}),
    })),
  };
  if (communique.meeting.number !== undefined) facts.number = communique.meeting.number;
  return facts;
}
