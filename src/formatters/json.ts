import type { Formatter } from './types.js';

/**
 * Machine-readable output for scripts. The key order is spelled out so the output stays
 * stable even if Diagnostic grows fields; hints are left out because they are advice for
 * people, not data.
 */
export const formatJson: Formatter = (results) => {
  const data = results.map((result) => ({
    file: result.file,
    messages: result.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
    })),
  }));
  return JSON.stringify(data, null, 2) + '\n';
};
