/**
 * What the checks across communiqués need from each one, with the place in its file each
 * fact comes from: small, plain data that crosses from worker threads (and, later, a
 * cache) without the document it was taken from.
 */
import { meetingDays } from '../dates.js';
import type { Communique, Stage } from '../model.js';
import { type ParsedCommunique, spanOfPath } from '../parse/communique.js';
import type { Span } from '../parse/source-text.js';

export interface ActionFacts {
  id: string;
  status: string;
  /** Where the action is: its id. */
  at: Span;
  carriedFrom?: { communique: string; action?: string; at: Span };
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
  at: { id: Span; date: Span; number: Span; actions: Span };
  /** The source lines those places are on, for code frames. */
  lines: Record<number, string>;
}

/** The group as communiqués name it across files: its short name, else its name, compared without case. */
export function groupKey(communique: Communique): string {
  const group = communique.meeting.group;
  return (group.short_name ?? group.name).trim().toLowerCase();
}

export function communiqueFacts(parsed: ParsedCommunique, communique: Communique, stem: string): CommuniqueFacts {
  const at = (path: (string | number)[], prefer: 'key' | 'value' = 'value') => spanOfPath(parsed, path, prefer);
  const days = meetingDays(communique.meeting);
  const dateAt = communique.meeting.date !== undefined ? at(['meeting', 'date']) : at(['meeting', 'start']);
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
      at: at(['actions', index, 'id']),
      ...(action.carried_from
        ? { carriedFrom: { ...action.carried_from, at: at(['actions', index, 'carried_from']) } }
        : {}),
    })),
    at: {
      id: communique.id !== undefined ? at(['id']) : at([]),
      date: dateAt,
      number: communique.meeting.number !== undefined ? at(['meeting', 'number']) : at(['meeting'], 'key'),
      actions: communique.actions !== undefined ? at(['actions'], 'key') : at(['meeting'], 'key'),
    },
    lines: {},
  };
  if (communique.meeting.number !== undefined) facts.number = communique.meeting.number;
  const spans = [
    facts.at.id,
    facts.at.date,
    facts.at.number,
    facts.at.actions,
    ...facts.actions.flatMap((action) => [action.at, ...(action.carriedFrom ? [action.carriedFrom.at] : [])]),
  ];
  for (const span of spans)
    for (let line = Math.max(1, span.line - 1); line <= span.line; line++)
      facts.lines[line] = parsed.source!.lineText(line);
  return facts;
}
