/**
 * Machine-readable output for scripts. The key order is spelled out so the output stays
 * stable even if Diagnostic grows fields. The hint is there for tools that show advice
 * (editors, bots); it is absent when the message says what to do.
 */
import type { Formatter } from './types.js';

export const formatJson: Formatter = (results) => {
  const data = results.map((result) => ({
    file: result.file,
    messages: result.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      ...(m.hint ? { hint: m.hint } : {}),
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
    })),
  }));
  return JSON.stringify(data, null, 2) + '\n';
};
