import { realDate } from '../../dates.js';
import { asRecord } from '../../model.js';
import { stageRank } from '../../vocabulary.js';
import { lastMeetingDay } from './meeting.js';
import { stringScalars } from '../../parse/yaml.js';
import type { RuleContext } from './context.js';

/**
 * `lifecycle/approval-missing`, `lifecycle/publication-date-missing`: what a document at
 * `approved` or `published` must record.
 */
export function checkLifecycle(context: RuleContext): void {
  const rank = stageRank(context.stage);
  const status = typeof context.data.status === 'string' ? context.data.status : undefined;
  const where = status ? context.at(['status']) : context.at([]);
  const asChecked = status === context.stage ? `is \`${status}\`` : `is checked at the \`${context.stage}\` stage`;
  if (rank >= stageRank('approved') && context.data.approval === undefined) {
    context.report(
      'lifecycle/approval-missing',
      `The communiqué ${asChecked} but does not record who approved it`,
      where,
    );
  }
  if (rank >= stageRank('published') && context.data.published === undefined) {
    context.report(
      'lifecycle/publication-date-missing',
      `The communiqué ${asChecked} but has no publication date`,
      where,
    );
  }
}

/**
 * `lifecycle/date-order`: a communiqué is approved on or after its meeting, and published
 * on or after its approval.
 */
export function checkLifecycleDates(context: RuleContext): void {
  const last = lastMeetingDay(context.data);
  const approved = realDate(asRecord(context.data.approval)?.date);
  const published = realDate(context.data.published);
  if (approved && last && approved < last) {
    context.report(
      'lifecycle/date-order',
      `The communiqué is recorded as approved on ${approved}, before the meeting (${last})`,
      context.at(['approval', 'date']),
      'Correct `approval.date`: a communiqué is approved after the meeting it reports.',
    );
  }
  if (published && approved && published < approved) {
    context.report(
      'lifecycle/date-order',
      `The communiqué is recorded as published on ${published}, before it was approved (${approved})`,
      context.at(['published']),
      'Correct `published` or `approval.date`: a communiqué is published once it is approved.',
    );
  }
}

/**
 * Placeholders secretariats leave while drafting. Upper-case only, as whole words, so that
 * ordinary words never match.
 */
const PLACEHOLDER = /\b(?:TODO|TBC|TBA|TBD|XX+)\b|\[\s*insert\b[^\]\n]*\]/gi;
const PLACEHOLDER_CASE = /^(?:TODO|TBC|TBA|TBD|XX+)$/;
const PLACEHOLDER_ANYWHERE = /\b(?:TODO|TBC|TBA|TBD|XX)|\[\s*insert\b/i;

/** Left behind by Word and by converting Word documents to text. */
const WORD_ARTEFACTS: readonly [RegExp, string][] = [
  [/\[bookmark:[^\]\n]*\]/g, 'a bookmark'],
  [/Error! (?:Bookmark not defined|Reference source not found)\.?/g, 'a broken cross-reference'],
  [/\\\*\s*MERGEFORMAT/g, 'a field code'],
  [/\{\s*(?:HYPERLINK|PAGEREF|REF|TOC)\s[^}\n]*\}/g, 'a field code'],
];

const ARTEFACT_ANYWHERE = new RegExp(WORD_ARTEFACTS.map(([pattern]) => pattern.source).join('|'));

interface TextRun {
  text: string;
  /** Maps an index in `text` to a span in the file. */
  span(start: number, end: number): ReturnType<RuleContext['inBody']>;
}

function textRuns(context: RuleContext): TextRun[] {
  const runs: TextRun[] = [];
  const yaml = context.loaded.yaml;
  if (yaml) {
    for (const scalar of stringScalars(yaml)) {
      const raw = context.loaded.source!.text.slice(
        context.loaded.yamlOffset + scalar.start,
        context.loaded.yamlOffset + scalar.end,
      );
      // Search the source text of the scalar, so positions are exact even in folded or
      // quoted values.
      runs.push({ text: raw, span: (start, end) => context.inYaml(scalar.start + start, scalar.start + end) });
    }
  }
  const body = context.loaded.body;
  if (body) runs.push({ text: body, span: (start, end) => context.inBody(start, end) });
  return runs;
}

/** `lifecycle/placeholder` and `lifecycle/word-artefact`, in the front matter and the body. */
export function checkPlaceholdersAndArtefacts(context: RuleContext): void {
  // Most files have nothing to find: one pass over the whole text decides whether the
  // per-value search (which needs every scalar's position) is worth doing at all.
  const text = context.loaded.source!.text;
  if (!PLACEHOLDER_ANYWHERE.test(text) && !ARTEFACT_ANYWHERE.test(text)) return;
  for (const run of textRuns(context)) {
    for (const match of run.text.matchAll(PLACEHOLDER)) {
      const found = match[0];
      if (!found.startsWith('[') && !PLACEHOLDER_CASE.test(found)) continue;
      context.report(
        'lifecycle/placeholder',
        `\`${found}\` is a placeholder`,
        run.span(match.index, match.index + found.length),
      );
    }
    for (const [pattern, what] of WORD_ARTEFACTS) {
      for (const match of run.text.matchAll(pattern)) {
        context.report(
          'lifecycle/word-artefact',
          `\`${match[0]}\` is ${what} left over from a Word document`,
          run.span(match.index, match.index + match[0].length),
        );
      }
    }
  }
}
