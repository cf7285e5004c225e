import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { ruleDocsAnchor } from '../diagnostics/rules.js';
import type { Formatter } from './types.js';

const levels: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

interface RuleDescriptor {
  id: string;
  name: string;
  shortDescription?: { text: string };
  help?: { text: string };
  helpUri?: string;
  defaultConfiguration?: { level: string };
}

/** `schema/unknown-field` → `SchemaUnknownField`: SARIF wants a name that reads as an identifier. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

// encodeURI throws on lone surrogates, and a file name is not guaranteed to be well formed.
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * A relative URI reference for a path. Beyond what encodeURI does, `#` and `?` would start
 * a fragment or query, and a `:` in the first segment would read as a scheme.
 */
function encodeRelativePath(path: string): string {
  return encodeURI(wellFormed(path)).replace(/#/g, '%23').replace(/\?/g, '%3F').replace(/:/g, '%3A');
}

function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const fromCwd = relative(cwd, resolve(cwd, file)).replace(/\\/g, '/');
  // Code scanning can only map files under the checkout, i.e. relative to %SRCROOT%;
  // anything else still gets a precise location as an absolute file URI.
  if (fromCwd === '' || fromCwd === '..' || fromCwd.startsWith('../') || isAbsolute(fromCwd)) {
    return { uri: pathToFileURL(wellFormed(resolve(cwd, file))).href };
  }
  return { uri: encodeRelativePath(fromCwd), uriBaseId: '%SRCROOT%' };
}

// SARIF validators reject empty or inverted regions, which a zero-width diagnostic would make.
function region(m: Diagnostic) {
  const startLine = Math.max(1, m.line);
  const startColumn = Math.max(1, m.column);
  const endLine = Math.max(startLine, m.endLine);
  let endColumn = Math.max(1, m.endColumn);
  if (endLine === startLine && endColumn <= startColumn) endColumn = startColumn + 1;
  return { startLine, startColumn, endLine, endColumn };
}

/** SARIF 2.1.0, in the shape GitHub code scanning accepts. */
export const formatSarif: Formatter = (results, context) => {
  const descriptors: RuleDescriptor[] = context.rules.map((rule) => ({
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.title },
    help: { text: rule.hint },
    helpUri: `${context.docsUrl}#${ruleDocsAnchor(rule.id)}`,
    defaultConfiguration: { level: levels[rule.severity] },
  }));
  const indexById = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  // Results must point at a descriptor, so a rule missing from the catalogue gets a bare one.
  const ruleIndex = (id: string): number => {
    let index = indexById.get(id);
    if (index === undefined) {
      index = descriptors.push({ id, name: ruleName(id) }) - 1;
      indexById.set(id, index);
    }
    return index;
  };

  const sarifResults = results.flatMap((result) =>
    result.messages.map((m) => ({
      ruleId: m.ruleId,
      ruleIndex: ruleIndex(m.ruleId),
      level: levels[m.severity],
      message: { text: m.message + (m.hint ? '\n' + m.hint : '') },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(result.file, context.cwd),
            region: region(m),
          },
        },
      ],
    })),
  );

  let root = pathToFileURL(context.cwd).href;
  if (!root.endsWith('/')) root += '/';

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: context.toolName,
            version: context.toolVersion,
            informationUri: context.docsUrl,
            rules: descriptors,
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: root } },
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
