import type { Diagnostic, Fix } from '../../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../../diagnostics/make.js';
import type { RuleId } from '../../../diagnostics/rules.js';
import { type ParsedCommunique, replacementAt, spanOfPath } from '../../parse/communique.js';
import type { Stage } from '../../model.js';
import type { Span } from '../../parse/source-text.js';

/** What every communiqué rule sees: the data, where it is, and how to report. */
export class RuleContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly loaded: ParsedCommunique,
    readonly data: Record<string, unknown>,
    /** The stage the document is checked at. */
    readonly stage: Stage,
    /** Organisations the project allows to own actions without attending. */
    readonly organisations: readonly string[],
  ) {}

  /** The span of the front matter value at a path (or of its key). */
  at(path: readonly (string | number)[], prefer: 'key' | 'value' = 'value'): Span {
    return spanOfPath(this.loaded, path, prefer);
  }

  /** The span of `[start, end)` in the body. */
  inBody(start: number, end: number): Span {
    return this.loaded.source!.span(this.loaded.bodyOffset + start, this.loaded.bodyOffset + end);
  }

  /** The span of `[start, end)` in the YAML text. */
  inYaml(start: number, end: number): Span {
    return this.loaded.source!.span(this.loaded.yamlOffset + start, this.loaded.yamlOffset + end);
  }

  /** A fix that replaces the key or the one-line value at exactly `path` with `text`. */
  replace(path: readonly (string | number)[], prefer: 'key' | 'value', text: string): Fix | undefined {
    return replacementAt(this.loaded, path, prefer, text);
  }

  report(ruleId: RuleId, message: string, span: Span, hint?: string, fix?: Fix): void {
    this.diagnostics.push(makeDiagnostic(ruleId, message, span, hint, fix));
  }
}

export type Rule = (context: RuleContext) => void;
