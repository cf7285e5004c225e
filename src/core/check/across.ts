/**
 * Checks that need several communiqués at once: the links between them (`carried_from`),
 * the actions a group left open, and the sequence of a group's meetings. Each problem is
 * reported in the file that must change, at the place to change.
 */
import type { RuleId } from '../../diagnostics/rules.js';
import { CLOSED_STATUSES, stageRank } from '../vocabulary.js';
import { type CommuniqueFacts, type Place, placeOf } from './facts.js';

export interface FileFacts {
  /** The file as the user named it. */
  file: string;
  facts: CommuniqueFacts;
}

/** A problem found across communiqués, at a place in one of them: a diagnostic once the place is found in its file. */
export interface AcrossFinding {
  ruleId: RuleId;
  message: string;
  place: Place;
  hint?: string;
}

/** Findings by file name. */
export type AcrossFindings = Map<string, AcrossFinding[]>;

type Report = (file: string, ruleId: RuleId, message: string, place: Place, hint?: string) => void;

export function checkAcross(files: readonly FileFacts[]): AcrossFindings {
  const found: AcrossFindings = new Map();
  const report: Report = (file, ruleId, message, place, hint) => {
    const list = found.get(file) ?? [];
    list.push({ ruleId, message, place, ...(hint !== undefined ? { hint } : {}) });
    found.set(file, list);
  };
  const ordered = [...files].sort(byMeeting);

  // The same id twice: every later file is told which file has it first.
  const firstWithId = new Map<string, FileFacts>();
  for (const entry of ordered) {
    if (!entry.facts.hasId) continue;
    const first = firstWithId.get(entry.facts.key);
    if (!first) firstWithId.set(entry.facts.key, entry);
    else
      report(
        entry.file,
        'across/duplicate-id',
        `The id \`${entry.facts.key}\` is also the id of ${first.file}`,
        placeOf.id(entry.facts),
      );
  }
  const byKey = new Map<string, FileFacts>(ordered.map((entry) => [entry.facts.key, entry]));
  const keysOf = keysByGroup(byKey);

  // Links: `carried_from` names a communiqué we have, and an action in it.
  for (const entry of ordered) {
    // An index loop: destructuring `entries()` cost several milliseconds over a cached
    // run's thousands of files, before the optimiser gets to this code.
    const actions = entry.facts.actions;
    for (let index = 0; index < actions.length; index++) {
      const action = actions[index]!;
      const from = action.carriedFrom;
      if (!from) continue;
      const source = byKey.get(from.communique);
      const at = placeOf.carriedFrom(index);
      if (!source) {
        report(
          entry.file,
          'across/carried-from-unknown',
          `Action \`${action.id}\` is carried from \`${from.communique}\`, which is not among the communiqués checked`,
          at,
          `Use the \`id\` of the communiqué the action came from (${suggestions(keysOf, entry.facts.group)}), or check it with the others.`,
        );
        continue;
      }
      const original = from.action ?? action.id;
      if (!source.facts.actions.some((candidate) => candidate.id === original)) {
        const ids = source.facts.actions.map((candidate) => `\`${candidate.id}\``).join(', ') || 'none';
        report(
          entry.file,
          'across/carried-from-unknown',
          `Action \`${action.id}\` is carried from action \`${original}\` of \`${from.communique}\`, which has no such action`,
          at,
          `Name one of its actions (${ids}).`,
        );
        continue;
      }
      if (stageRank(source.facts.status) < stageRank('approved')) {
        report(
          entry.file,
          'across/carried-from-unapproved',
          `Action \`${action.id}\` is carried from \`${from.communique}\`, which is still a ${source.facts.status}`,
          at,
        );
      }
    }
  }

  // Each group's meetings in order: one communiqué a day, numbers going up, no open action
  // lost. Every pass is linear: an archive can hold thousands of one group's meetings.
  const groups = new Map<string, FileFacts[]>();
  for (const entry of ordered) {
    const meetings = groups.get(entry.facts.group);
    if (meetings) meetings.push(entry);
    else groups.set(entry.facts.group, [entry]);
  }
  for (const meetings of groups.values()) {
    let previousNumber: FileFacts | undefined;
    for (let index = 0; index < meetings.length; index++) {
      const entry = meetings[index]!;
      const before = meetings[index - 1];
      if (before && entry.facts.date !== '' && entry.facts.date === before.facts.date) {
        report(
          entry.file,
          'across/same-date',
          `${before.file} is also a communiqué of this group for ${entry.facts.date}`,
          placeOf.date(entry.facts),
        );
      }
      const number = entry.facts.number;
      if (number !== undefined && previousNumber && number <= previousNumber.facts.number!) {
        report(
          entry.file,
          'across/number-sequence',
          `This meeting is number ${number}, but ${previousNumber.file}, an earlier meeting of the group, ` +
            `is number ${previousNumber.facts.number}`,
          placeOf.number(entry.facts),
          `Number the meetings in the order they were held: this one comes after ${previousNumber.facts.number}.`,
        );
      }
      if (number !== undefined) previousNumber = entry;
    }
    checkOpenActions(meetings, report);
  }
  return found;
}

/** An action open in one communiqué is carried into the group's next approved one, or closed there. */
function checkOpenActions(meetings: readonly FileFacts[], report: Report): void {
  // The next approved meeting after each, found from the last meeting back.
  const nextApproved: (FileFacts | undefined)[] = new Array(meetings.length);
  for (let index = meetings.length - 2; index >= 0; index--) {
    const after = meetings[index + 1]!;
    nextApproved[index] = stageRank(after.facts.status) >= stageRank('approved') ? after : nextApproved[index + 1];
  }
  for (let index = 0; index < meetings.length; index++) {
    const entry = meetings[index]!;
    const next = nextApproved[index];
    if (!next) continue;
    for (const action of entry.facts.actions) {
      if (CLOSED_STATUSES.has(action.status)) continue;
      // Ids start again in each communiqué: only `carried_from` links an action to an earlier one.
      const followed = next.facts.actions.some(
        (later) =>
          later.carriedFrom?.communique === entry.facts.key && (later.carriedFrom.action ?? later.id) === action.id,
      );
      if (followed) continue;
      report(
        next.file,
        'across/action-vanished',
        `Action \`${action.id}\` of \`${entry.facts.key}\` was ${action.status.replace('-', ' ')} ` +
          'and this communiqué does not carry it forward or close it',
        placeOf.actions(next.facts),
        `Add it with \`carried_from: { communique: ${entry.facts.key}, action: ${action.id} }\` ` +
          'and its status (`done` or `dropped` closes it).',
      );
    }
  }
}

function byMeeting(a: FileFacts, b: FileFacts): number {
  // Days are YYYY-MM-DD (or empty): compared as plain text they sort by date, and file names
  // only need an order that is the same on every machine; a collation for either was a
  // noticeable share of a cached run over thousands of files.
  return (
    (a.facts.lastDay < b.facts.lastDay ? -1 : a.facts.lastDay > b.facts.lastDay ? 1 : 0) ||
    (a.facts.number ?? 0) - (b.facts.number ?? 0) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
  );
}

/** Each group's communiqué ids, in meeting order, for the hints. */
function keysByGroup(byKey: Map<string, FileFacts>): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const entry of byKey.values()) {
    const list = keys.get(entry.facts.group);
    if (list) list.push(entry.facts.key);
    else keys.set(entry.facts.group, [entry.facts.key]);
  }
  return keys;
}

function suggestions(keysOf: Map<string, string[]>, group: string): string {
  const same = keysOf.get(group) ?? [];
  return same.length > 0
    ? `this group's are ${same.map((key) => `\`${key}\``).join(', ')}`
    : 'no communiqué of this group was checked';
}
