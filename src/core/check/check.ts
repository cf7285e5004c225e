import type { ErrorObject } from 'ajv';
import { frameLines } from '../../diagnostics/code-frame.js';
import { compareDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { ruleMeta } from '../../diagnostics/rules.js';
import { validateCommunique } from '../../generated/validators.js';
import {
  type ParsedCommunique,
  type ParseOptions,
  parseCommunique,
  replacementAt,
  spanOfPath,
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
      const errors = schemaDiagnostics(schemaErrors, {
        data,
        rootName: 'The front matter',
        locate: (path, prefer) => spanOfPath(parsed, path, prefer),
        replace: (path, prefer, text) => replacementAt(parsed, path, prefer, text),
      });
      for (const diagnostic of errors) found.push(diagnostic);
    }
    const context = new RuleContext(parsed, data, stage, options.organisations ?? []);
    for (const rule of RULES) rule(context);
    for (const diagnostic of context.diagnostics) found.push(diagnostic);
  }
  const diagnostics = settleSeverities(found, stage, options.severities).sort(compareDiagnostics);
  return communique ? { diagnostics, communique } : { diagnostics };
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
