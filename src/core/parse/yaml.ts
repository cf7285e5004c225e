/**
 * Parsing the front matter with the `yaml` package (YAML 1.2, core schema) into a
 * Document, so that every value keeps its position: dates stay `YYYY-MM-DD` strings,
 * `no` stays a string, duplicate keys are errors, and an alias bomb is refused instead of
 * expanded.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  visit,
  type YAMLError,
  type YAMLMap,
  YAMLParseError,
} from 'yaml';

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
    // yaml's own check compares every key with every other (20,000 keys: 3.5 s); duplicates
    // are found below in one pass instead.
    uniqueKeys: false,
    prettyErrors: false,
    keepSourceTokens: false,
    // YAML 1.1 tags such as !!timestamp would turn dates into Date objects: refuse them.
    resolveKnownTags: false,
    // Problems are diagnostics; nothing may be printed behind the user's back.
    logLevel: 'error',
  });
  const problems: YamlProblem[] = [];
  const errors = [...document.errors, ...document.warnings, ...duplicateKeys(document)];
  for (const problem of describeYamlErrors(errors, yamlText)) problems.push(problem);

  // Walking every node costs more than the check is worth on the files that cannot have one.
  if (yamlText.includes('__proto__'))
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
    if (error instanceof ReferenceError && /excessive alias count/i.test(error.message)) {
      const [start, end] = aliasRange(document);
      problems.push({
        ruleId: 'yaml/alias-limit',
        message: `The front matter expands its YAML aliases more than ${MAX_ALIAS_COUNT} times`,
        hint: 'Write the values out instead of using `&anchors` and `*aliases`.',
        start,
        end,
      });
      return { document, data: undefined, problems };
    }
    const unresolved = error instanceof ReferenceError ? /unresolved alias.*: (.+)$/i.exec(error.message) : null;
    if (unresolved) {
      const name = unresolved[1]!;
      const [start, end] = aliasRange(document, name);
      problems.push({
        ruleId: 'yaml/syntax',
        message: `The alias \`*${name}\` refers to no anchor \`&${name}\` before it`,
        hint: `Put \`&${name}\` on an earlier value, or write the value out.`,
        start,
        end,
      });
      return { document, data: undefined, problems };
    }
    throw error;
  }
}

/** The range of the first alias (with that name, if given). */
function aliasRange(document: YamlDocument, name?: string): [number, number] {
  let range: [number, number] = [0, 1];
  visit(document, {
    Alias(_, alias) {
      if (name !== undefined && alias.source !== name) return;
      if (alias.range) range = [alias.range[0], alias.range[1]];
      return visit.BREAK;
    },
  });
  return range;
}

/**
 * yaml's errors in plain words, at the place the user has to change. A tab used for
 * indentation throws the parser off for everything after it, so when one comes before the
 * first error only the tabs are reported.
 */
function describeYamlErrors(errors: readonly YAMLError[], yamlText: string): YamlProblem[] {
  if (errors.length === 0) return [];
  const tabs: YamlProblem[] = [];
  for (const match of yamlText.matchAll(/^( *)\t/gm)) {
    const start = match.index + match[1]!.length;
    tabs.push({
      ruleId: 'yaml/tab-indent',
      message: 'This line is indented with a tab',
      hint: TAB_HINT,
      start,
      end: start + 1,
    });
  }
  if (tabs.length > 0) return tabs;
  // After one syntax error the parser's view of the rest is guesswork, and every further
  // "error" is an echo of the first: report the first, and the duplicate keys before it.
  const ordered = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  // An unclosed bracket or quote is noticed late but explains the errors before it.
  const firstSyntax =
    ordered.find((error) => /flow (?:sequence|map)|closing ["']quote/i.test(error.message)) ??
    ordered.find((error) => error.code !== 'DUPLICATE_KEY');
  const kept = ordered.filter(
    (error) =>
      error === firstSyntax || (error.code === 'DUPLICATE_KEY' && (!firstSyntax || error.pos[0] < firstSyntax.pos[0])),
  );
  return kept.map((error) => describeYamlError(error, yamlText));
}

const TAB_HINT = 'YAML indents with spaces only: replace the tab with spaces.';
const KEY_HINT = 'Check for a missing `:` after a field name, or put a long value in quotes.';

function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline;
  return text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/**
 * The opening quote and the brackets still open at `offset`, reading the YAML from the
 * start the way a person would match them: quoted text and comments hide brackets, `\"`
 * and `''` do not end a quote.
 */
function openingsBefore(
  text: string,
  offset: number,
): { brackets: { character: string; at: number }[]; quote?: number } {
  const brackets: { character: string; at: number }[] = [];
  let quote: { character: string; at: number } | undefined;
  for (let index = 0; index < Math.min(offset, text.length); index++) {
    const character = text[index]!;
    if (quote) {
      if (quote.character === '"' && character === '\\') index++;
      else if (character === quote.character) {
        if (character === "'" && text[index + 1] === "'") index++;
        else quote = undefined;
      }
      continue;
    }
    if (character === '#' && (index === 0 || /\s/.test(text[index - 1]!))) {
      const newline = text.indexOf('\n', index);
      index = newline === -1 ? text.length : newline;
    } else if ((character === '"' || character === "'") && (index === 0 || /[\s[{,:-]/.test(text[index - 1]!))) {
      quote = { character, at: index };
    } else if (character === '[' || character === '{') brackets.push({ character, at: index });
    else if (character === ']' || character === '}') {
      // A mismatched closer closes the nearest bracket of its own kind and everything inside it.
      const open = character === ']' ? '[' : '{';
      const match = brackets.map((bracket) => bracket.character).lastIndexOf(open);
      if (match !== -1) brackets.length = match;
    }
  }
  return quote ? { brackets, quote: quote.at } : { brackets };
}

function describeYamlError(error: YAMLError, yamlText: string): YamlProblem {
  const [start, end] = error.pos;
  const found = yamlText.slice(start, Math.min(end, start + 60));
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      // yaml marks one character; the key is what stands before the colon on that line.
      const line = yamlText.slice(start, lineEndAfter(yamlText, start));
      const key = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#]+?)[ \t]*:(?:[ \t]|$)/.exec(line)?.[1] ?? '';
      const name = key.replace(/^["']|["']$/g, '').trim();
      return {
        ruleId: 'yaml/duplicate-key',
        message: name === '' ? 'A field with no name is given more than once' : `\`${name}\` is given more than once`,
        hint: 'Keep one of the values and delete the other line.',
        start,
        end: start + Math.max(key.length, 1),
      };
    }
    case 'TAB_AS_INDENT':
      return {
        ruleId: 'yaml/tab-indent',
        message: 'This line is indented with a tab',
        hint: TAB_HINT,
        start,
        end: Math.max(end, start + 1),
      };
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/nested mappings/i.test(error.message)) {
        return {
          ruleId: 'yaml/syntax',
          message: 'This value contains a colon and a space, which YAML reads as the start of another field',
          hint: 'Put the whole value in quotes, e.g. `title: "Communiqué: 16 November 2021"`.',
          start,
          end: Math.max(lineEndAfter(yamlText, start), start + 1),
        };
      }
      return {
        ruleId: 'yaml/syntax',
        message: 'A field name runs over more than one line',
        hint: KEY_HINT,
        start,
        end,
      };
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        ruleId: 'yaml/syntax',
        message: 'A field name runs over more than one line',
        hint: KEY_HINT,
        start,
        end,
      };
    case 'MISSING_CHAR':
    case 'BAD_INDENT': {
      const sequence = /flow sequence/i.test(error.message);
      if (sequence || /flow map/i.test(error.message)) {
        const [open, close] = sequence ? ['[', ']'] : ['{', '}'];
        const { brackets } = openingsBefore(yamlText, start);
        const at =
          ([...brackets].reverse().find((bracket) => bracket.character === open) ?? brackets.at(-1))?.at ?? start;
        return {
          ruleId: 'yaml/syntax',
          message: `The ${sequence ? 'list' : 'set of fields'} opened with \`${open}\` here is never closed with \`${close}\``,
          hint: `Add \`${close}\` at the end of the value, on the same line.`,
          start: at,
          end: at + 1,
        };
      }
      const quote = /closing "quote/i.test(error.message)
        ? '"'
        : /closing 'quote/i.test(error.message)
          ? "'"
          : undefined;
      if (quote) {
        const opening = openingsBefore(yamlText, start).quote ?? start;
        return {
          ruleId: 'yaml/syntax',
          message: `The value quoted with \`${quote}\` here is never closed`,
          hint: `Add the closing \`${quote}\` at the end of the value.`,
          start: opening,
          end: opening + 1,
        };
      }
      if (error.code === 'BAD_INDENT') {
        return {
          ruleId: 'yaml/syntax',
          message: 'This line is not lined up with the fields around it',
          hint: 'Indent fields at the same level by the same number of spaces.',
          start,
          end: Math.max(end, start + 1),
        };
      }
      return {
        ruleId: 'yaml/syntax',
        message: plain(error.message),
        hint: 'Close every `[`, `{` and quote you open.',
        start,
        end,
      };
    }
    case 'UNEXPECTED_TOKEN': {
      const token = /"([^"\n]{1,20})"$/.exec(error.message)?.[1]?.trim();
      return {
        ruleId: 'yaml/syntax',
        message: token ? `\`${token}\` is not expected here` : 'Something here is not expected in YAML',
        hint: 'Check the brackets, quotes and indentation of this line.',
        start,
        end: Math.max(end, start + 1),
      };
    }
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
      return {
        ruleId: 'yaml/syntax',
        message: plain(error.message),
        hint: 'Check indentation, colons, quotes and brackets here.',
        start,
        end,
      };
  }
}

/** yaml's messages, trimmed to a sentence and starting with a capital. */
function plain(message: string): string {
  const sentence = message
    .split('\n', 1)[0]!
    .replace(/ at line \d+, column \d+.*$/, '')
    .replace(/[.:]$/, '');
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
/** Each mapping's pairs by key, built once: locating thousands of diagnostics stays linear. */
const pairIndex = new WeakMap<object, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      const text = isPair(item) ? keyText(item.key) : undefined;
      if (text !== undefined && !index.has(text)) index.set(text, item);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/** Keys given twice in one mapping, as the errors yaml would report, found in one pass. */
function duplicateKeys(document: YamlDocument): YAMLError[] {
  const found: YAMLError[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const item of map.items) {
        if (!isScalar(item.key)) continue;
        const key = item.key.value;
        if (!seen.has(key)) seen.add(key);
        else if (item.key.range) {
          const at = item.key.range[0];
          found.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        }
      }
    },
  });
  return found;
}

export function locateYamlPath(document: YamlDocument, path: readonly (string | number)[]): YamlLocation {
  let node: unknown = document.contents;
  let location: YamlLocation = rangeOf(node) ? { value: rangeOf(node)! } : {};
  for (const segment of path) {
    if (isAlias(node)) break;
    if (isMap(node)) {
      const pair = pairOf(node, String(segment));
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
export function stringScalars(document: YamlDocument): { value: string; start: number; end: number }[] {
  const found: { value: string; start: number; end: number }[] = [];
  visit(document, {
    Scalar(key, scalar) {
      if (key === 'key') return;
      if (typeof scalar.value === 'string' && scalar.range)
        found.push({ value: scalar.value, start: scalar.range[0], end: scalar.range[1] });
    },
  });
  return found;
}
