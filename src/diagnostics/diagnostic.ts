/**
 * The one diagnostic model every command uses. Positions are 1-based and point into the
 * file as the user sees it in an editor: the opening `---` is line 1, CRLF counts as one
 * line break, and a byte-order mark takes no column.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Permanent rule id, e.g. `action/owner-unknown`. Documented in the README. */
  ruleId: string;
  severity: Severity;
  /** What is wrong, in the user's words. No "Error:" prefix. */
  message: string;
  /** What to do about it. */
  hint?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A change that certainly removes the problem, applied by `validate --fix`. */
  fix?: Fix;
}

/** Replace `[start, end)` of the file's text (after any byte-order mark) with `text`. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

/** Everything known about one checked file once the pipeline is done with it. */
export interface FileResult {
  /** The path as the user gave it (or as a folder/glob expanded it), with forward slashes. */
  file: string;
  messages: Diagnostic[];
  /**
   * The source lines the messages point at (and one either side), keyed by 1-based line
   * number, so formatters can draw code frames without reading the file again.
   */
  lines?: Record<number, string>;
}

export interface Summary {
  files: number;
  filesWithProblems: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarise(results: readonly FileResult[]): Summary {
  const summary: Summary = { files: results.length, filesWithProblems: 0, errors: 0, warnings: 0, infos: 0 };
  for (const result of results) {
    if (result.messages.length > 0) summary.filesWithProblems++;
    for (const message of result.messages) {
      if (message.severity === 'error') summary.errors++;
      else if (message.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return summary;
}

/** Diagnostics in reading order: by position, then errors before warnings, then by rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    severityRank(a.severity) - severityRank(b.severity) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

export function severityRank(severity: Severity): number {
  return severity === 'error' ? 0 : severity === 'warning' ? 1 : 2;
}
