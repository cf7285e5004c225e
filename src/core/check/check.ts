import type { ErrorObject } from 'ajv';
import { frameLines } from '../../diagnostics/code-frame.js';
import { compareDiagnostics, type Diagnostic, severityRank } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/make.js';
import { ruleMeta } from '../../diagnostics/rules.js';
import { validateCommunique } from '../../generated/validators.js';
import {
  type ParsedCommunique,
  type ParseOptions,
  parseCommunique,
  replacementAt,
  spanOfPath,
  writtenIn,
} from '../parse/communique.js';
import type { Communique, Stage } from '../model.js';
import { isStage, stageRank } from '../vocabulary.js';
import { checkActionDueDates, checkActionDueFormat, checkActionOwners } from './rules/actions.js';
import { checkAttendance } from './rules/attendees.js';
import { checkBodyDates, checkBodyMeetingFacts, checkHeadings } from './rules/body.js';
import { type Rule, RuleContext } from './rules/context.js';
import { checkFieldMarkdown } from './rules/fields.js';
import { checkUniqueIds } from './rules/identity.js';
import { checkLifecycle, checkLifecycleDates, checkPlaceholdersAndArtefacts } from './rules/lifecycle.js';
import { checkChair, checkMeetingDates } from './rules/meeting.js';
import { schemaDiagnostics } from './schema-errors.js';

export type SeveritySetting = 'error' | 'warning' | 'info' | 'off';

export interface CheckOptions extends ParseOptions {
  /** Check every document as if it were at least at this stage. */
  stage?: Stage;
  /** Severity overrides by rule id. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** Organisations that may own actions without attending. */
  organisations?: readonly string[];
  /** Agreement verbs the project uses beyond the built-in ones. */
  verbs?: readonly string[];
  /**
   * Only what can make a document unreadable — its YAML and the schema — without the rules:
   * for the commands that refuse only such documents and report nothing else (`render`,
   * `actions`, `new`).
   */
  schemaOnly?: boolean;
}

/** The communiqué rules, in the order their findings read best. */
const RULES: readonly Rule[] = [
  checkUniqueIds,
  checkMeetingDates,
  checkChair,
  checkAttendance,
  checkActionOwners,
  checkActionDueDates,
  checkActionDueFormat,
  checkFieldMarkdown,
  checkLifecycle,
  checkLifecycleDates,
  checkPlaceholdersAndArtefacts,
  checkHeadings,
  checkBodyDates,
  checkBodyMeetingFacts,
];

/** The stage a document is checked at: its own status, raised to the requested stage. */
export function effectiveStage(status: unknown, requested: Stage | undefined): Stage {
  const own: Stage = isStage(status) ? status : 'draft';
  if (!requested) return own;
  return stageRank(requested) > stageRank(own) ? requested : own;
}

export interface CheckedCommunique {
  /** Every problem, with severities settled and in reading order. */
  diagnostics: Diagnostic[];
  /** The front matter, typed, when it passed the schema. */
  communique?: Communique;
}

/** Every problem with a parsed communiqué; its data, typed, when it passed the schema. */
export function checkCommunique(parsed: ParsedCommunique, options: CheckOptions = {}): CheckedCommunique {
  const found = parsed.diagnostics.slice();
  let unexplained = 0;
  const data = parsed.data;
  let stage: Stage = options.stage ?? 'draft';
  let communique: Communique | undefined;
  if (data) {
    stage = effectiveStage(data.status, options.stage);
    const valid = validateCommunique(data);
    const schemaErrors = valid ? [] : withProjectVerbs(validateCommunique.errors ?? [], options.verbs);
    if (valid) communique = data;
    // The schema's only objection is a verb the project added: the data is a communiqué.
    else if (schemaErrors.length === 0) communique = data as unknown as Communique;
    else {
      // Beyond the limit, schema errors are counted, not described: 40,000 unknown fields
      // need not each be matched against the field names.
      unexplained = Math.max(0, schemaErrors.length - PROBLEM_LIMIT);
      const errors = schemaDiagnostics(schemaErrors.slice(0, PROBLEM_LIMIT), {
        data,
        rootName: 'The front matter',
        locate: (path, prefer) => spanOfPath(parsed, path, prefer),
        replace: (path, prefer, text) => replacementAt(parsed, path, prefer, text),
        written: (path, prefer) => writtenIn(parsed, path, prefer),
      });
      for (const diagnostic of errors) found.push(diagnostic);
    }
    if (!options.schemaOnly) {
      const context = new RuleContext(parsed, data, stage, options.organisations ?? []);
      for (const rule of RULES) rule(context);
      for (const diagnostic of context.diagnostics) found.push(diagnostic);
    }
  }
  const diagnostics = limited(settleSeverities(found, stage, options.severities).sort(compareDiagnostics), unexplained);
  return communique ? { diagnostics, communique } : { diagnostics };
}

/** More problems than anyone reads in one file: the first of them, and a count of the rest. */
const PROBLEM_LIMIT = 500;

function limited(diagnostics: Diagnostic[], unexplained: number): Diagnostic[] {
  const hidden = diagnostics.length - PROBLEM_LIMIT + unexplained;
  if (hidden <= 0) return diagnostics;
  const kept = diagnostics.slice(0, PROBLEM_LIMIT);
  const dropped = diagnostics.slice(PROBLEM_LIMIT);
  // At the first problem not listed, so that in reading order the count comes last.
  const last = kept.at(-1)!;
  const at = dropped[0] ?? { ...last, line: last.endLine, column: last.endColumn };
  const closing = makeDiagnostic('document/too-many-problems', `…and ${hidden} more problems in this file`, at);
  // The closing line is as serious as the worst problem it stands for; unexplained schema errors are errors.
  const worst =
    unexplained > 0
      ? 'error'
      : dropped.reduce(
          (severity, item) => (severityRank(item.severity) < severityRank(severity) ? item.severity : severity),
          'info' as Diagnostic['severity'],
        );
  kept.push({ ...closing, severity: worst });
  return kept;
}

/** A verb the project added in its configuration is a verb, though the schema does not list it. */
function withProjectVerbs(errors: readonly ErrorObject[], verbs: readonly string[] | undefined): ErrorObject[] {
  if (!verbs || verbs.length === 0) return [...errors];
  return errors.filter(
    (error) =>
      !(
        error.keyword === 'enum' &&
        /^\/agreements\/\d+\/verb$/.test(error.instancePath) &&
        verbs.includes(String(error.data))
      ),
  );
}

/** Severities as the stage and the configuration set them; rules turned off are dropped. */
export function settleSeverities(
  diagnostics: Diagnostic[],
  stage: Stage,
  overrides: CheckOptions['severities'],
): Diagnostic[] {
  const settled: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const override = overrides?.[diagnostic.ruleId];
    if (override === 'off') continue;
    if (override) settled.push({ ...diagnostic, severity: override });
    else if (ruleMeta(diagnostic.ruleId)?.stageDependent) {
      settled.push({ ...diagnostic, severity: stageRank(stage) >= stageRank('approved') ? 'error' : 'warning' });
    } else settled.push(diagnostic);
  }
  return settled;
}

export interface CheckedText {
  messages: Diagnostic[];
  /** Source lines the messages point at, and the line before each, for code frames. */
  lines: Record<number, string>;
}

/** Parse and check one file's contents: the whole pure pipeline, for tests and tools. */
export function checkText(input: Uint8Array | string, options: CheckOptions = {}): CheckedText {
  const parsed = parseCommunique(input, options);
  const messages = checkCommunique(parsed, options).diagnostics;
  const source = parsed.source;
  return { messages, lines: source ? frameLines(messages, (line) => source.lineText(line)) : {} };
}
