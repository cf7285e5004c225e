import { compareDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { ruleMeta } from '../../diagnostics/rules.js';
import { validateCommunique } from '../../generated/validators.js';
import { type LoadedCommunique, type LoadOptions, loadCommunique, spanOfPath } from '../parse/communique.js';
import { isStage, type Stage, stageRank } from '../model.js';
import { checkActionDueDates, checkActionOwners } from './rules/actions.js';
import { checkAttendance } from './rules/attendees.js';
import { checkBodyDates, checkBodyMeetingFacts, checkHeadings } from './rules/body.js';
import { type Rule, RuleContext } from './rules/context.js';
import { checkUniqueIds } from './rules/identity.js';
import { checkLifecycle, checkPlaceholdersAndArtefacts } from './rules/lifecycle.js';
import { checkChair, checkMeetingDates } from './rules/meeting.js';
import { schemaDiagnostics } from './schema-errors.js';

export type SeveritySetting = 'error' | 'warning' | 'info' | 'off';

export interface CheckOptions extends LoadOptions {
  /** Check every document as if it were at least at this stage. */
  stage?: Stage;
  /** Severity overrides by rule id. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** Organisations that may own actions without attending. */
  organisations?: readonly string[];
}

/** The communiqué rules, in the order their findings read best. */
const RULES: readonly Rule[] = [
  checkUniqueIds,
  checkMeetingDates,
  checkChair,
  checkAttendance,
  checkActionOwners,
  checkActionDueDates,
  checkLifecycle,
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

/** Every problem with a loaded communiqué, with severities settled and in reading order. */
export function checkCommunique(loaded: LoadedCommunique, options: CheckOptions = {}): Diagnostic[] {
  const found = [...loaded.diagnostics];
  const data = loaded.data;
  let stage: Stage = options.stage ?? 'draft';
  if (data) {
    stage = effectiveStage(data.status, options.stage);
    if (!validateCommunique(data)) {
      found.push(
        ...schemaDiagnostics(validateCommunique.errors ?? [], {
          data,
          rootName: 'The front matter',
          locate: (path, prefer) => spanOfPath(loaded, path, prefer),
        }),
      );
    }
    const context = new RuleContext(loaded, data, stage, options.organisations ?? []);
    for (const rule of RULES) rule(context);
    found.push(...context.diagnostics);
  }
  return settleSeverities(found, stage, options.severities).sort(compareDiagnostics);
}

function settleSeverities(diagnostics: Diagnostic[], stage: Stage, overrides: CheckOptions['severities']): Diagnostic[] {
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

/** Load and check one file's contents: the whole pure pipeline for `validate`. */
export function checkText(input: Uint8Array | string, options: CheckOptions = {}): CheckedText {
  const loaded = loadCommunique(input, options);
  const messages = checkCommunique(loaded, options);
  const lines: Record<number, string> = {};
  if (loaded.source) {
    for (const message of messages) {
      for (let line = Math.max(1, message.line - 1); line <= message.line; line++) {
        lines[line] ??= loaded.source.lineText(line);
      }
    }
  }
  return { messages, lines };
}
