import type { Diagnostic } from './diagnostic.js';
import type { RuleId } from './rules.js';
import { ruleMeta } from './rules.js';

interface SpanLike {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * A diagnostic for a catalogued rule, with the rule's default severity and hint unless a
 * more specific hint is given. Severity is adjusted later for stage and configuration.
 */
export function makeDiagnostic(ruleId: RuleId, message: string, span: SpanLike, hint?: string): Diagnostic {
  const meta = ruleMeta(ruleId)!;
  return {
    ruleId,
    severity: meta.severity,
    message,
    hint: hint ?? meta.hint,
    line: span.line,
    column: span.column,
    endLine: span.endLine,
    endColumn: span.endColumn,
  };
}
