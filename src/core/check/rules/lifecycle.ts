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
  // Found only when reported: a file with nothing to report never needs its positions.
  const where = () => (status ? context.at(['status']) : context.at([]));
  const asChecked = status === context.stage ? `is \`${status}\`` : `is checked at the \`${context.stage}\` stage`;
  if (rank >= stageRank('approved') && context.data.approval === undefined) {
    context.report(
      'lifecycle/approval-missing',
      `The communiqué ${asChecked} but does not record who approved it`,
      where(),
    );
  }
  if (rank >= stageRank('published') && context.data.published === undefined) {
    context.report(
      'lifecycle/publication-date-missing',
      `The communiqué ${asChecked} but has no publication date`,
      where(),
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

/**
 * Whether the text may hold a placeholder or a Word artefact, decided with plain searches
 * for the letters each must contain: a case-blind pattern tried at every position of every
 * file costs more than all the other checks on the body together.
 */
function mayHavePlaceholderOrArtefact(text: string): boolean {
  return (
    text.includes('TODO') ||
    text.includes('TB') ||
    text.includes('XX') ||
    (text.includes('[') && /\[\s*insert\b/i.test(text)) ||
    ARTEFACT_HINTS.some((hint) => text.includes(hint))
  );
}

/** Left behind by Word and by converting Word documents to text. */
const WORD_ARTEFACTS: readonly [RegExp, string][] = [
  [/\[bookmark:[^\]\n]*\]/g, 'a bookmark'],
  [/Error! (?:Bookmark not defined|Reference source not found)\.?/g, 'a broken cross-reference'],
  [/\\\*\s*MERGEFORMAT/g, 'a field code'],
  [/\{\s*(?:HYPERLINK|PAGEREF|REF|TOC)\s[^}\n]*\}/g, 'a field code'],
];

/** Any of them, as a whole-text test: a superset (case-blind), to spare the per-value search. */
const PLACEHOLDER_OR_ARTEFACT = new RegExp(
  [PLACEHOLDER, ...WORD_ARTEFACTS.map(([pattern]) => pattern)].map((pattern) => pattern.source).join('|'),
  'i',
);

/** Text each of WORD_ARTEFACTS contains. */
const ARTEFACT_HINTS = ['[bookmark:', 'Error! ', 'MERGEFORMAT', 'HYPERLINK', 'REF', 'TOC'];

interface TextRun {
  text: string;
  /** Maps an index in `text` to a span in the file. */
  span(start: number, end: number): ReturnType<RuleContext['inBody']>;
}

/** Whether a placeholder or a Word artefact may be in the text: a quick search, then a sure one. */
function mightHoldOne(text: string): boolean {
  return mayHavePlaceholderOrArtefact(text) && PLACEHOLDER_OR_ARTEFACT.test(text);
}

function textRuns(context: RuleContext): TextRun[] {
  const runs: TextRun[] = [];
  const { source, yamlOffset, bodyOffset } = context.loaded;
  // The front matter's values are searched one by one (which needs every value's position)
  // only when its text holds something to find: most often what was found is in the body.
  const yaml = mightHoldOne(source!.text.slice(yamlOffset, bodyOffset)) ? context.loaded.yaml : undefined;
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
  if (!mightHoldOne(text)) return;
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
