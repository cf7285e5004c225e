/**
 * What the checks across communiqués need from each one, with the place in its file each
 * fact comes from: small, plain data that crosses from worker threads (and the cache)
 * without the document it was taken from. A place is a data path, found in the file only
 * when a diagnostic is made there: most files never need their positions.
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
  /** Where the action is: its id. */
  at: Place;
  carriedFrom?: { communique: string; action?: string; at: Place };
}

export interface CommuniqueFacts {
  /** The communiqué's id, or its file name without extension. */
  key: string;
  hasId: boolean;
  group: string;
  /** The meeting's first day; its last day for ordering. */
  date: string;
  lastDay: string;
  number?: number;
  status: Stage;
  actions: ActionFacts[];
  /** Where each fact is in the file, for the diagnostics about it. */
  at: { id: Place; date: Place; number: Place; actions: Place };
}

/** The group as communiqués name it across files: its short name, else its name, compared without case. */
export function groupKey(communique: Communique): string {
  const group = communique.meeting.group;
  return (group.short_name ?? group.name).trim().toLowerCase();
}

export function communiqueFacts(communique: Communique, stem: string): CommuniqueFacts {
  const key = (...path: (string | number)[]): Place => ({ path, prefer: 'key' });
  const days = meetingDays(communique.meeting);
  const facts: CommuniqueFacts = {
    key: communique.id ?? stem,
    hasId: communique.id !== undefined,
    group: groupKey(communique),
    date: days[0] ?? '',
    lastDay: days.at(-1) ?? '',
    status: communique.status,
    actions: (communique.actions ?? []).map((action, index) => ({
      id: action.id,
      status: action.status,
      at: { path: ['actions', index, 'id'] },
      ...(action.carried_from
        ? { carriedFrom: { ...action.carried_from, at: { path: ['actions', index, 'carried_from'] } } }
        : {}),
    })),
    at: {
      id: { path: communique.id !== undefined ? ['id'] : [] },
      date: { path: ['meeting', communique.meeting.date !== undefined ? 'date' : 'start'] },
      number: communique.meeting.number !== undefined ? { path: ['meeting', 'number'] } : key('meeting'),
      actions: communique.actions !== undefined ? key('actions') : key('meeting'),
    },
  };
  if (communique.meeting.number !== undefined) facts.number = communique.meeting.number;
  return facts;
}
