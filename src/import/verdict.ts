/**
 * Whether a document is a communiqué at all: a record that a body met (a sentence saying
 * it met or a meeting was held, or a labelled meeting date), with decisions, actions or a
 * record of discussion, and who attended. A page about a body ("meets four times a year"),
 * an agenda, terms of reference, a job advertisement or a media release about a grant
 * falls short, and is imported only when the user insists (--force).
 */
import type { Agreement, Action } from '../core/model.js';
import type { FoundGroup } from './recognise/group.js';
import { ABOUT_NEXT, type Reading } from './recognise/reading.js';
import { pattern } from './recognise/pattern.js';

export interface Verdict {
  communique: boolean;
  /** Out of 10. */
  score: number;
  /** What the document lacks, in words, when it falls short. */
  missing: string[];
}

const MET = pattern(
  'i',
  String.raw`\b(?:met|convened|gathered|assembled|came together|(?:was|were) held|took place|held `,
  String.raw`(?:its|a|their|the)\b|(?:meeting|session|conference|forum|summit) (?:of`,
  String.raw`|on)\b[^.]{0,80}\b(?:was held|took place|held|on \d)|(?<!minutes of the )meeting held `,
  String.raw`(?:on|at|in|via)\b)`,
);
/** A numbered communiqué or record: "Communiqué No. 9", "Communique #12", "Record of Meeting 41". */
const NUMBERED = /\b(?:communiqu[eé]|record of meeting|meeting)\s+(?:no\.?\s*|number\s+|#)?\d{1,3}\b/i;
/** How often a body meets, not a meeting that took place. */
const HABITUAL =
  /\b(?:meets|will|would|usually|normally|times (?:a|per|each|during)|every|each (?:month|year|quarter)|regularly|quarterly|monthly)\b/;
const DISCUSSED = pattern(
  'i',
  String.raw`\b(?:discussed|considered|heard (?:from|about|a|an)|received|reviewed|was briefed`,
  String.raw`|were briefed|noted|welcomed|shared|examined|raised|reflected)\b`,
);
const NOT_A_COMMUNIQUE = pattern(
  'i',
  String.raw`\b(?:agenda|terms of reference|charter|position description|job (?:advertisement`,
  '|description)|how to apply|privacy (?:policy|statement)|cookie policy|newsletter',
  String.raw`|minutes of (?:the )?(?:previous|last) meeting)\b`,
);

export function judge(
  reading: Reading,
  found: {
    group: FoundGroup;
    date: boolean;
    agreements: readonly Agreement[];
    actions: readonly Action[];
    people: number;
    structured: boolean;
  },
): Verdict {
  const prose = reading.sentences.filter((sentence) => !sentence.header);
  const event =
    reading.sentences.some(
      (sentence) => MET.test(sentence.text) && !ABOUT_NEXT.test(sentence.text) && !HABITUAL.test(sentence.text),
    ) ||
    // "Meeting 41 — 30 August 2023 — Videoconference": a numbered meeting on a date.
    reading.blocks
      .slice(0, reading.headerEnd + 1)
      .some(
        (block) =>
          block.kind !== 'table-row' &&
          /\bmeeting\s+(?:no\.?\s*)?\d+\b/i.test(block.text) &&
          reading.datesIn(block.text).length > 0,
      ) ||
    reading.fields.some((field) => /^(?:date|meeting date|held|date of meeting|when)$/.test(field.label)) ||
    // "COMMUNIQUÉ No. 9" and a date in the header, over who attended: a numbered record of a meeting.
    (found.people > 0 &&
      reading.blocks
        .slice(0, reading.headerEnd + 1)
        .some((block) => block.kind !== 'table-row' && NUMBERED.test(block.text)) &&
      reading.blocks
        .slice(0, reading.headerEnd + 1)
        .some((block) => block.kind !== 'table-row' && reading.datesIn(block.text).length > 0)) ||
    // "Minutes summary – meeting of 11 November 2024" over its decisions or actions: a record of a meeting.
    (found.agreements.length + found.actions.length > 0 &&
      reading.blocks
        .slice(0, reading.headerEnd + 1)
        .some(
          (block) =>
            block.kind !== 'table-row' &&
            /\bmeeting\b/i.test(block.text) &&
            !/\b(?:notice|agenda|next)\b/i.test(block.text) &&
            reading.datesIn(block.text).length > 0,
        )) ||
    found.structured;
  const discussion = prose.filter((sentence) => DISCUSSED.test(sentence.text)).length;
  let score = 0;
  if (event) score += 3;
  if (found.date) score += 1;
  if (found.group.name) score += 1;
  if (found.agreements.length > 0) score += 1;
  if (found.agreements.length > 1) score += 1;
  if (found.actions.length > 0) score += 1;
  if (discussion > 0) score += 1;
  if (found.people > 0) score += 1;
  const title = reading.title?.text ?? '';
  if (NOT_A_COMMUNIQUE.test(title)) score -= 4;
  const missing: string[] = [];
  if (!event) missing.push('no sentence says a meeting took place');
  if (!found.date) missing.push('no meeting date');
  if (found.agreements.length === 0 && found.actions.length === 0 && discussion === 0)
    missing.push('no decisions, actions or record of discussion');
  if (NOT_A_COMMUNIQUE.test(title))
    missing.push(`its title reads as ${/\b\w[\w ]*/.exec(NOT_A_COMMUNIQUE.exec(title)![0])![0].toLowerCase()}`);
  // A communiqué reports a meeting on a day; without the day, only a record of decisions will do.
  const communique =
    event && score >= 5 && !NOT_A_COMMUNIQUE.test(title) && (found.date || found.agreements.length >= 2);
  return { communique, score: Math.max(0, Math.min(10, score)), missing: communique ? [] : missing };
}
