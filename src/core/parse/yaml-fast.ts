/**
 * The quick reading of front matter that has nothing to report.
 *
 * The `yaml` package gives every value its position, which is what a diagnostic needs, but
 * building that document is most of the time validate spends on a file (about 1 ms of its
 * 2). Most files have nothing to report, so they are first read by js-yaml, ten times
 * faster and without positions; the positioned document is built only when something asks
 * for a place (see `yaml.ts`).
 *
 * The two readers must agree on every value, so js-yaml here resolves plain values with
 * `yaml`'s own core-schema tags (their tests and their resolvers: `no` and `2021-11-16`
 * stay text, `0o17` is 15, `12:30` is text). Anything the two could read differently is
 * left to `yaml`: text that may hold anchors, aliases, tags, complex, empty or null keys,
 * flow collections that nest, hold pairs or go on over lines, directives, several
 * documents, tabs or very long lines, and anything js-yaml warns about or refuses.
 * `test/yaml-fast.test.ts` holds both readers to the same data and the same verdict.
 */
import { FAILSAFE_SCHEMA, load, type Schema, Type } from 'js-yaml';
import { type ParseOptions, Schema as YamlSchema, isScalar } from 'yaml';

/**
 * Constructs that `yaml` and js-yaml may read differently, or that need `yaml`'s
 * diagnostics, each behind the character that must be present for it: most front matter
 * holds none of those characters, and one search for each is cheaper than one pattern
 * with every alternative tried at every position.
 */
const NEEDS_POSITIONED_READER: [string, RegExp][] = [
  ['\t', /\t/], // tabs: indentation rules the readers apply differently
  ['__proto__', /__proto__/], // refused with its own diagnostic
  ['\\', /\\[xuU]/], // an escaped character, which could spell `__proto__`
  ['&', /(?:^|[\s[{,])&/m], // anchors
  ['*', /(?:^|[\s[{,])\*/m], // aliases
  ['!', /(?:^|[\s[{,])!/m], // tags
  ['?', /(?:^|[\s[{,])\?(?:\s|$)/m], // complex keys
  // Flow collections on one line, of plain values: `[a, b]`, `{ communique: x, action: y }`.
  // A flow sequence holding a pair or a collection, going on over lines, or used as a key.
  ['[', /\[[^\]\n"'#]*(?:[[{:"'#]|$)|\][ ]*:(?:[ ]|$)/m],
  // The same for a flow mapping; also `{a:b}`, and an empty or null key in one.
  [
    '{',
    /\{[^}\n"'#]*(?:[[{"'#]|:[^ \n]|$)|\}[ ]*:(?:[ ]|$)|[{,][ ]*(?:(?:~|null|Null|NULL)[ ]*[,}]|(?:(?:~|null|Null|NULL)[ ]*)?:(?:[ ,}]|$))/m,
  ],
  ['\r', /\r(?!\n)/], // a lone CR: a line break in js-yaml, text in yaml
  ['-', /^[ -]*-[ ]*(?:[ ]#.*)?$/m], // an empty entry: js-yaml takes less indented entries after it
  ['|', /(?:^|[ ])\|[-+]?[1-9]/m], // indentation indicators
  ['>', /(?:^|[ ])>[-+]?[1-9]/m],
  ['+', /(?:^|[ ])[|>][1-9]?\+/m], // keep chomping
  ['#', /[|>][-+]?[ ]*(?:[ ]#.*)?\r?\n(?:\r?\n)*[ ]+\r?\n(?:[ ]*\r?\n)*[ ]*#/], // a comment after blank lines with spaces
  ['#', /[\]}"']#/], // a comment right after a quoted value or a collection: an error in yaml only
  ['%', /^%/m], // directives
  ['---', /^---/m], // document markers
  ['...', /^\.\.\./m],
  [':', /^[ -]*(?:(?:~|null|Null|NULL)[ ]*)?:(?:[ ]|$)/m], // empty and null keys: `''` in yaml, `'null'` in js-yaml
];

/** yaml limits implicit keys to 1,024 characters; js-yaml does not. */
const LONG_LINE = 1000;

function needsPositionedReader(yamlText: string): boolean {
  for (const [character, pattern] of NEEDS_POSITIONED_READER)
    if (yamlText.includes(character) && pattern.test(yamlText)) return true;
  for (let start = 0; yamlText.length - start >= LONG_LINE; ) {
    const end = yamlText.indexOf('\n', start);
    if ((end === -1 ? yamlText.length : end) - start >= LONG_LINE) return true;
    if (end === -1) break;
    start = end + 1;
  }
  return false;
}

const YAML_OPTIONS: ParseOptions = { intAsBigInt: false };

/** The first characters a null, boolean or number can have in the core schema (or none: an empty value). */
const MAYBE_NOT_TEXT = /^(?:$|[~nNtTfF0-9+.-])/;

/**
 * One js-yaml type that resolves plain values with `yaml`'s core-schema tags, tried in
 * `yaml`'s order; the tag names do not matter here, only the values.
 */
function coreType(): Type {
  const forms: { test: RegExp; resolve: (source: string) => unknown }[] = [];
  for (const tag of new YamlSchema({ schema: 'core' }).tags) {
    if (!('test' in tag) || !(tag.test instanceof RegExp) || !tag.default || typeof tag.resolve !== 'function')
      continue;
    const resolve = tag.resolve as (
      value: string,
      onError: (message: string) => void,
      options: ParseOptions,
    ) => unknown;
    forms.push({
      test: tag.test,
      resolve: (source) => {
        const value = resolve(source, () => undefined, YAML_OPTIONS);
        // Floats come back as a Scalar that remembers how they were written.
        return isScalar(value) ? value.value : value;
      },
    });
  }
  // js-yaml asks whether a value resolves, then constructs it at once: the form found for
  // the one is kept for the other.
  let found: { source: string; form: (typeof forms)[number] } | undefined;
  return new Type('tag:yaml.org,2002:core', {
    kind: 'scalar',
    resolve: (source: string | null) => {
      const text = source ?? '';
      const form = MAYBE_NOT_TEXT.test(text) ? forms.find((candidate) => candidate.test.test(text)) : undefined;
      found = form && { source: text, form };
      return form !== undefined;
    },
    construct: (source: string | null) => {
      const text = source ?? '';
      const form = found?.source === text ? found.form : forms.find((candidate) => candidate.test.test(text))!;
      return form.resolve(text);
    },
  });
}

let schema: Schema | undefined;

/**
 * The front matter as plain data when js-yaml reads it without a doubt, and it is a set of
 * fields; undefined when `yaml` must read it (and say what is wrong, where).
 */
export function readPlainFrontMatter(yamlText: string): Record<string, unknown> | undefined {
  if (needsPositionedReader(yamlText)) return undefined;
  schema ??= FAILSAFE_SCHEMA.extend({ implicit: [coreType()] });
  let warned = false;
  let data: unknown;
  try {
    data = load(yamlText, {
      schema,
      onWarning: () => {
        warned = true;
      },
    });
  } catch {
    return undefined;
  }
  if (warned || data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  return data as Record<string, unknown>;
}
