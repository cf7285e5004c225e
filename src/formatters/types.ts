import type { FileResult } from '../diagnostics/diagnostic.js';
import type { RuleMeta } from '../diagnostics/rules.js';
export interface FormatContext {
  /** Absolute working directory; result.file paths are relative to it (or absolute if the user gave absolute paths). */
  cwd: string;
  /** Whether to emit ANSI colour (only stylish uses it). */
  color: boolean;
  toolName: string; // 'communique'
  toolVersion: string; // e.g. '0.1.0'
  /** Where rules are documented; a rule's help URL is `${docsUrl}#${ruleDocsAnchor(id)}`. */
  docsUrl: string;
  rules: readonly RuleMeta[];
}
export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;
