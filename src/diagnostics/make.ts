import type { Diagnostic, FileResult, Fix } from './diagnostic.js';
import type { RuleId } from './rules.js';
import { ruleMeta } from './rules.js';

interface SpanLike {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The first character of a file: where problems with the file as a whole are reported. */
export const FIRST_COLUMN: SpanLike = { line: 1, column: 1, endLine: 1, endColumn: 2 };

/**
 * A diagnostic for a catalogued rule, with the rule's default severity and hint unless a
 * more specific hint is given. Severity is adjusted later for stage and configuration.
 */
export function makeDiagnostic(ruleId: RuleId, message: string, span: SpanLike, hint?: string, fix?: Fix): Diagnostic {
  const meta = ruleMeta(ruleId)!;
  const advice = hint ?? meta.hint;
  return {
    ruleId,
    severity: meta.severity,
    message,
    ...(advice ? { hint: advice } : {}),
    line: span.line,
    column: span.column,
    endLine: span.endLine,
    endColumn: span.endColumn,
    ...(fix ? { fix } : {}),
  };
}

/**
 * A problem with the run rather than with a place in a file — a bad option, nothing to
 * check, a file left unwritten — as a result without a file, which the stylish formatter
 * prints as `communique: <message>`.
 */
export function runProblem(ruleId: RuleId, message: string, hint?: string): FileResult {
  return { file: '', messages: [makeDiagnostic(ruleId, message, FIRST_COLUMN, hint)] };
}

/** Diagnostics about one file, positioned at its start. */
export function fileProblem(file: string, ruleId: RuleId, message: string, hint?: string): FileResult {
  return { file, messages: [makeDiagnostic(ruleId, message, FIRST_COLUMN, hint)] };
}
