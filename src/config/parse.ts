/**
 * The project configuration, `communique.config.json`: which files to check, rule
 * severities, the stage to enforce and the organisations that may own actions. Parsing
 * is pure and reports problems through the same diagnostics as communiqués.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/make.js';
import { rules } from '../diagnostics/rules.js';
import type { CommuniqueConfiguration } from '../core/model.js';
import { schemaDiagnostics } from '../core/check/schema-errors.js';
import { closest } from '../core/text.js';
import { SourceText } from '../core/parse/source-text.js';
import { locateYamlPath, parseFrontMatterYaml, writtenAt } from '../core/parse/yaml.js';
import { validateConfig } from '../generated/validators.js';

export type CommuniqueConfig = CommuniqueConfiguration;

export type ParsedConfig =
  | { ok: true; config: CommuniqueConfig }
  | { ok: false; diagnostics: Diagnostic[]; source: SourceText };

/** Parse a configuration file's text: the configuration, or every problem with it at its position. */

export function parseConfig(text: string): ParsedConfig {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const source = new SourceText(clean);
  // JSON is YAML 1.2, so the YAML parser gives us positions for JSON too.
  const parsed = parseFrontMatterYaml(clean);
  const fail = (diagnostics: Diagnostic[]): ParsedConfig => ({ ok: false, diagnostics, source });
  const asConfigProblem = (diagnostic: Diagnostic): Diagnostic => ({ ...diagnostic, ruleId: 'config/invalid' });
  if (parsed.problems.length > 0) {
    return fail(
      parsed.problems.map((problem) =>
        asConfigProblem(
          makeDiagnostic(problem.ruleId, problem.message, source.span(problem.start, problem.end), problem.hint),
        ),
      ),
    );
  }
  const data = parsed.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return fail([
      makeDiagnostic(
        'config/invalid',
        'The configuration is not a JSON object',
        source.lineSpan(1),
        'Write the configuration as `{ ... }`.',
      ),
    ]);
  }
  const locate = (path: readonly (string | number)[], prefer: 'key' | 'value') => {
    const location = locateYamlPath(parsed.document, path);
    const range = prefer === 'key' ? (location.key ?? location.value) : (location.value ?? location.key);
    return range ? source.span(range[0], range[1]) : source.span(0, 1);
  };
  const diagnostics: Diagnostic[] = [];
  if (!validateConfig(data)) {
    diagnostics.push(
      ...schemaDiagnostics(validateConfig.errors ?? [], {
        data,
        rootName: 'The configuration',
        locate,
        written: (path, prefer) => writtenAt(parsed.document, clean, path, prefer),
      }).map(asConfigProblem),
    );
  }
  const ruleIds = rules.map((rule) => rule.id);
  const configured = (data as { rules?: unknown }).rules;
  if (configured && typeof configured === 'object' && !Array.isArray(configured)) {
    for (const id of Object.keys(configured)) {
      if (ruleIds.includes(id)) continue;
      const suggestion = closest(id, ruleIds);
      diagnostics.push(
        makeDiagnostic(
          'config/invalid',
          `\`${id}\` is not a communique rule`,
          locate(['rules', id], 'key'),
          suggestion ? `Did you mean \`${suggestion}\`?` : 'The rules are listed in the README.',
        ),
      );
    }
  }
  if (diagnostics.length > 0) return fail(diagnostics.sort(compareDiagnostics));
  return { ok: true, config: data as CommuniqueConfig };
}
