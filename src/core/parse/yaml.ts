/**
 * Parsing the front matter with the `yaml` package (YAML 1.2, core schema) into a
 * Document, so that every value keeps its position: dates stay `YYYY-MM-DD` strings,
 * `no` stays a string, duplicate keys are errors, tags beyond the core schema are refused,
 * and an alias bomb is refused instead of expanded.
 */
import { nestingTooDeepAt } from './yaml-depth.js';
import { readPlainFrontMatter } from './yaml-fast.js';
import { rootKeyRanges } from './yaml-root-keys.js';
import {
  describeAmbiguousName,
  describeTags,
  describeYamlErrors,
  nestingProblem,
  type YamlProblem,
} from './yaml-errors.js';
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  Pair,
  parseDocument,
  visit,
  type YAMLError,
  YAMLMap,
  YAMLParseError,
} from 'yaml';

export type YamlDocument = ReturnType<typeof parseDocument>;

export type { YamlProblem } from './yaml-errors.js';

export interface ParsedYaml {
  /** Built on first use when the quick reader read the data: most files never need it. */
  readonly document: YamlDocument;
  /** The front matter as plain data; undefined when the YAML could not be read. */
  data: unknown;
  problems: YamlProblem[];
  /**
   * Where each top-level key is written, when the quick reader read the data and the lines
   * at the margin say so plainly (see yaml-root-keys.ts); undefined otherwise.
   */
  rootKeys?: () => ReadonlyMap<string, [number, number]> | undefined;
}

/** Aliases are legitimate YAML, but nothing in a communiqué needs many of them. */
const MAX_ALIAS_COUNT = 100;

const DOCUMENT_OPTIONS = {
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
} as const;

export function parseFrontMatterYaml(yamlText: string): ParsedYaml {
  const tooDeep = nestingTooDeepAt(yamlText);
  if (tooDeep !== -1) return { document: parseDocument(''), data: undefined, problems: [nestingProblem(tooDeep)] };
  const plain = readPlainFrontMatter(yamlText);
  if (plain) {
    let document: YamlDocument | undefined;
    let keys: ReadonlyMap<string, [number, number]> | undefined | null = null;
    return {
      get document() {
        document ??= parseDocument(yamlText, DOCUMENT_OPTIONS);
        return document;
      },
      data: plain,
      problems: [],
      rootKeys: () => {
        if (keys === null) keys = rootKeyRanges(yamlText, plain);
        return keys;
      },
    };
  }
  return readWithPositions(yamlText);
}

/** The front matter read by `yaml` alone, with every problem described: what the quick reader must agree with. */
export function readWithPositions(yamlText: string): ParsedYaml {
  const document = parseDocument(yamlText, DOCUMENT_OPTIONS);
  const problems: YamlProblem[] = [];
  const errors: YAMLError[] = [];
  const tags: YAMLError[] = [];
  const ambiguousNames: YAMLError[] = [];
  for (const error of [...document.errors, ...document.warnings, ...duplicateKeys(document)]) {
    if (error.code === 'TAG_RESOLVE_FAILED' || error.code === 'BAD_COLLECTION_TYPE') tags.push(error);
    else if (error.code === 'BAD_ALIAS' && /ending in :/.test(error.message)) ambiguousNames.push(error);
    else errors.push(error);
  }
  const described = describeYamlErrors(errors, yamlText);
  for (const problem of described) problems.push(problem);
  // A tag is read before the value it marks, so even a syntax error after it leaves it certain;
  // after the first syntax error, as with duplicate keys, the parser's view is guesswork.
  const firstSyntax = described.find((problem) => problem.ruleId !== 'yaml/duplicate-key')?.start ?? Infinity;
  if (!described.some((problem) => problem.ruleId === 'yaml/tab-indent'))
    for (const problem of describeTags(tags, yamlText)) if (problem.start < firstSyntax) problems.push(problem);
  for (const error of ambiguousNames) problems.push(describeAmbiguousName(error, yamlText));

  // Walking every node costs more than the check is worth on the files that cannot have one:
  // the key written out, or an escape that could spell it in quotes.
  if (yamlText.includes('__proto__') || /\\[xuU]/.test(yamlText))
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
  if (problems.some((problem) => !problem.warning)) return { document, data: undefined, problems };

  try {
    const data: unknown = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { document, data, problems };
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

/** Where a value lives in the front matter, for diagnostics about it. */
export interface YamlLocation {
  /** The key of the pair holding the value, when there is one. */
  key?: [number, number];
  /** The value itself, when it is present in the source (not `key:` with nothing after it). */
  value?: [number, number];
}

/** Each mapping's pairs by key, built once: locating thousands of diagnostics stays linear. */
const pairIndex = new WeakMap<object, Map<string, Pair>>();

function pairOf(document: YamlDocument, map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      const text = isPair(item) ? dataKey(document, item.key) : undefined;
      if (text !== undefined && !index.has(text)) index.set(text, item);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/**
 * The property name a key becomes in the data, as yaml's `toJS` makes it: `null:` and an
 * empty key become `''`, `1:` becomes `'1'`, and a list or mapping used as a key becomes
 * its flow form (`[ a, b ]`), which only yaml itself can say for certain.
 */
function dataKey(document: YamlDocument, key: unknown): string | undefined {
  if (key === null || key === undefined) return '';
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
  try {
    const single = new YAMLMap();
    single.items.push(new Pair(key, null));
    const data: unknown = single.toJS(document, { maxAliasCount: MAX_ALIAS_COUNT });
    return data && typeof data === 'object' ? Object.keys(data)[0] : undefined;
  } catch {
    return undefined;
  }
}

/** Keys given twice in one mapping (as the data would have them), as the errors yaml would report, found in one pass. */
function duplicateKeys(document: YamlDocument): YAMLError[] {
  const found: YAMLError[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const item of map.items) {
        if (!isScalar(item.key)) continue;
        const key = dataKey(document, item.key)!;
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

/**
 * Find the node at a data path such as `['attendees', 2, 'kind']`. Stops at the deepest
 * node that exists, so a path into a missing field still points near it.
 */
export function locateYamlPath(document: YamlDocument, path: readonly (string | number)[]): YamlLocation {
  let location: YamlLocation = rangeOf(document.contents) ? { value: rangeOf(document.contents)! } : {};
  walkPath(document, path, (key, node) => {
    const keyRange = key === undefined ? undefined : rangeOf(key);
    const valueRange = rangeOf(node);
    location = { ...(keyRange ? { key: keyRange } : {}), ...(valueRange ? { value: valueRange } : {}) };
  });
  return location;
}

/**
 * Follow a data path through the document, calling `step` with the key (for a mapping's
 * pair) and the node at each segment that exists.
 */
function walkPath(
  document: YamlDocument,
  path: readonly (string | number)[],
  step: (key: unknown, node: unknown) => void,
): void {
  let node: unknown = document.contents;
  for (const segment of path) {
    if (isAlias(node)) break;
    if (isMap(node)) {
      const pair = pairOf(document, node, String(segment));
      if (!pair) break;
      node = pair.value;
      step(pair.key, node);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      node = item;
      step(undefined, node);
    } else break;
  }
}

/**
 * The key or value at a data path exactly as the front matter text has it, when the path
 * leads to a node: a 5,000-digit number is `Infinity` in the data and `null` once printed as
 * JSON, but the user wrote digits. `text` is the text the document was read from.
 */
export function writtenAt(
  document: YamlDocument,
  text: string,
  path: readonly (string | number)[],
  prefer: 'key' | 'value',
): string | undefined {
  if (path.length === 0) return undefined;
  let found: unknown;
  let depth = 0;
  walkPath(document, path, (key, node) => {
    depth++;
    found = prefer === 'key' ? key : node;
  });
  if (depth !== path.length) return undefined;
  const range = rangeOf(found);
  if (range) return text.slice(range[0], range[1]).trim();
  // `null:` keeps its text; an empty key or value has none.
  return isScalar(found) && typeof found.source === 'string' ? found.source : undefined;
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
