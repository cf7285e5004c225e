/**
 * What the catalogue says of each rule: what it checks (title), its default severity, and
 * what to do (hint).
 */
import type { Severity } from './diagnostic.js';

/** What a rule is about: a communiqué's content, or the run around it. */
export type Category =
  | 'content'
  | 'across'
  | 'register'
  | 'render'
  | 'configuration'
  | 'usage'
  | 'input'
  | 'write'
  | 'import'
  | 'internal';

export interface RuleMeta {
  id: string;
  category: Category;
  title: string;
  severity: Severity;
  /** Default advice; a diagnostic may carry a more specific hint. Empty when the message itself says what to do. */
  hint: string;
  /**
   * A rule whose severity follows the document's lifecycle stage: reported as a warning
   * while the document is a `draft` or in `review`, as an error from `approved` on.
   */
  stageDependent?: boolean;
}

/** The entries of one category, with their literal ids kept for `RuleId`. */
export function inCategory<const C extends Category, const E extends readonly Omit<RuleMeta, 'category'>[]>(
  category: C,
  entries: E,
): { [K in keyof E]: E[K] & { category: C } } {
  return entries.map((entry) => ({ ...entry, category })) as { [K in keyof E]: E[K] & { category: C } };
}
