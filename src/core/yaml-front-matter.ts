import { isAlias, isMap, isPair, isScalar, isSeq, type Node, parseDocument, visit, type YAMLError } from 'yaml';

/**
 * Parsing the front matter with the `yaml` package (YAML 1.2, core schema) into a
 * Document, so that every value keeps its position: dates stay `YYYY-MM-DD` strings,
 * `no` stays a string, duplicate keys are errors, and an alias bomb is refused instead of
 * expanded.
 */
export type YamlDocument = ReturnType<typeof parseDocument>;

/** Offsets are relative to the front matter text handed to `parseFrontMatterYaml`. */
export interface YamlProblem {
  ruleId: 'yaml/syntax' | 'yaml/duplicate-key' | 'yaml/tab-indent' | 'yaml/alias-limit' | 'yaml/forbidden-key';
  message: string;
  hint?: string;
  start: number;
  end: number;
}

export interface ParsedYaml {
  document: YamlDocument;
  /** The front matter as plain data; undefined when the YAML could not be read. */
  data: unknown;
  problems: YamlProblem[];
}

/** Aliases are legitimate YAML, but nothing in a communiqué needs many of them. */
const MAX_ALIAS_COUNT = 100;

export function parseFrontMatterYaml(yamlText: string): ParsedYaml {
  const document = parseDocument(yamlText, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  const problems: YamlProblem[] = [];
  for (const error of document.errors) problems.push(describeYamlError(error, yamlText));
  for (const warning of document.warnings) problems.push(describeYamlError(warning, yamlText));

  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '__proto__') {
        const [start, end] = pair.key.range ?? [0, 0];
        problems.push({
          ruleId: 'yaml/forbidden-key',
          message: '`__proto__` cannot be used as a field name',
          hint: 'Remove the field: it is not part of the communiqué format and could change how programs read the data.',
          start,
          end,
        });
      }
    },
  });
  if (problems.length > 0) return { document, data: undefined, problems };

  try {
    return { document, data: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), problems };
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      const [start, end] = firstAliasRange(document);
      problems.push({
        ruleId: 'yaml/alias-limit',
        message: `The front matter expands its YAML aliases more than ${MAX_ALIAS_COUNT} times`,
        hint: 'Write the values out instead of using `&anchors` and `*aliases`.',
        start,
        end,
      });
      return { document, data: undefined, problems };
    }
    throw error;
  }
}

function firstAliasRange(document: YamlDocument): [number, number] {
  let range: [number, number] = [0, 1];
  visit(document, {
    Alias(_, alias) {
      if (alias.range) range = [alias.range[0], alias.range[1]];
      return visit.BREAK;
    },
  });
  return range;
}

function describeYamlError(error: YAMLError, yamlText: string): YamlProblem {
  const [start, end] = error.pos;
  const found = yamlText.slice(start, Math.min(end, start + 60));
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = found.split(/[:\r\n]/, 1)[0]!.trim() || found.trim();
      return {
        ruleId: 'yaml/duplicate-key',
        message: `\`${key}\` is given more than once in the same place`,
        hint: 'Keep one of the values and delete the other line.',
        start,
        end: Math.max(end, start + key.length),
      };
    }
    case 'TAB_AS_INDENT':
      return {
        ruleId: 'yaml/tab-indent',
        message: 'This line is indented with a tab',
        hint: 'YAML indents with spaces only: replace the tab with spaces.',
        start,
        end: Math.max(end, start + 1),
      };
    case 'MISSING_CHAR':
      return { ruleId: 'yaml/syntax', message: plain(error.message), hint: 'Close every `[`, `{` and quote you open, on the same field.', start, end };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        ruleId: 'yaml/syntax',
        message: 'A field name runs over more than one line',
        hint: 'Check for a missing `:` after a field name, or put a long value in quotes.',
        start,
        end,
      };
    case 'BAD_INDENT':
      return { ruleId: 'yaml/syntax', message: plain(error.message), hint: 'Line fields up with the other fields at the same level, using spaces.', start, end };
    case 'MULTIPLE_DOCS':
      return {
        ruleId: 'yaml/syntax',
        message: 'The front matter contains a second YAML document',
        hint: 'Front matter is one YAML document: remove the extra `---` or `...` line.',
        start,
        end,
      };
    case 'TAG_RESOLVE_FAILED':
      return {
        ruleId: 'yaml/syntax',
        message: `The YAML tag \`${found.split(/\s/, 1)[0]}\` is not supported`,
        hint: 'Communiqués use plain values: remove the tag.',
        start,
        end,
      };
    case 'BAD_DQ_ESCAPE':
      return {
        ruleId: 'yaml/syntax',
        message: 'A double-quoted value contains an escape that YAML does not know',
        hint: 'Use single quotes, or write a backslash as `\\\\`.',
        start,
        end,
      };
    default:
      return { ruleId: 'yaml/syntax', message: plain(error.message), hint: 'Check indentation, colons, quotes and brackets here.', start, end };
  }
}

/** yaml's messages, trimmed to a sentence and starting with a capital. */
function plain(message: string): string {
  const sentence = message.split('\n', 1)[0]!.replace(/ at line \d+, column \d+.*$/, '').replace(/[.:]$/, '');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** Where a value lives in the front matter, for diagnostics about it. */
export interface YamlLocation {
  /** The key of the pair holding the value, when there is one. */
  key?: [number, number];
  /** The value itself, when it is present in the source (not `key:` with nothing after it). */
  value?: [number, number];
}

/**
 * Find the node at a data path such as `['attendees', 2, 'kind']`. Stops at the deepest
 * node that exists, so a path into a missing field still points near it.
 */
export function locateYamlPath(document: YamlDocument, path: readonly (string | number)[]): YamlLocation {
  let node: unknown = document.contents;
  let location: YamlLocation = rangeOf(node) ? { value: rangeOf(node)! } : {};
  for (const segment of path) {
    if (isAlias(node)) break;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
      if (!pair) break;
      const keyRange = rangeOf(pair.key);
      node = pair.value;
      const valueRange = rangeOf(node);
      location = { ...(keyRange ? { key: keyRange } : {}), ...(valueRange ? { value: valueRange } : {}) };
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      node = item;
      const valueRange = rangeOf(node);
      location = valueRange ? { value: valueRange } : {};
    } else break;
  }
  return location;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function rangeOf(node: unknown): [number, number] | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as Node).range;
    if (range && !(isScalar(node) && node.value === null && range[0] === range[1])) return [range[0], range[1]];
  }
  return undefined;
}

/** Every string scalar in the front matter with its range, for text checks such as placeholders. */
export function* stringScalars(document: YamlDocument): Generator<{ value: string; start: number; end: number }> {
  const found: { value: string; start: number; end: number }[] = [];
  visit(document, {
    Scalar(key, scalar) {
      if (key === 'key') return;
      if (typeof scalar.value === 'string' && scalar.range) found.push({ value: scalar.value, start: scalar.range[0], end: scalar.range[1] });
    },
  });
  yield* found;
}
