import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWithPositions } from '../src/core/parse/yaml.js';
import { readPlainFrontMatter } from '../src/core/parse/yaml-fast.js';

/**
 * The quick reader (js-yaml) may only speak for a file when `yaml`, the reader with
 * positions, would say the same: no problem at all, and the same data. These properties
 * hold the two to that on tricky YAML made from pieces, and on the examples' front matter
 * mutated; every case the quick reader declines is `yaml`'s to describe, so it passes.
 */

/** A longer hunt on demand: YAML_FAST_RUNS=200000 YAML_FAST_SEED=7 npx vitest run test/yaml-fast.test.ts */
const runs = (base: number) => Number(process.env.YAML_FAST_RUNS ?? base);
const seed = Number(process.env.YAML_FAST_SEED ?? 20261129);

const root = join(fileURLToPath(import.meta.url), '../..');
const examples = readdirSync(join(root, 'examples'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => {
    const text = readFileSync(join(root, 'examples', name), 'utf8');
    // Where splitFrontMatter cuts it: the text before the closing fence's line break.
    return text.slice(3, text.indexOf('\n---', 3));
  });

/** Where the quick reader went wrong, or undefined when it declined or agreed. */
function disagreement(yamlText: string): string | undefined {
  const quick = readPlainFrontMatter(yamlText);
  if (quick === undefined) return undefined;
  const positioned = readWithPositions(yamlText);
  if (positioned.problems.length > 0)
    return `the quick reader read text that yaml reports: ${positioned.problems.map((p) => p.ruleId).join(', ')}`;
  try {
    expect(quick).toStrictEqual(positioned.data);
  } catch {
    return `different data: ${JSON.stringify(quick)} against ${JSON.stringify(positioned.data)}`;
  }
  return undefined;
}

const KEYS = [
  'title',
  'a',
  'b',
  'null',
  '~',
  'Null',
  '"q"',
  "'s'",
  '1',
  '0x1F',
  'true',
  '1.0',
  '[a, b]',
  '{a: 1}',
  '? a',
];
const KEYS_WITH_GAPS = [...KEYS, '', ' ', 'a b', 'a:b', '__proto__', '<<', '&k a', '*k', '!!str s'];
const VALUES = [
  '',
  'plain words',
  'no',
  'yes',
  'On',
  '~',
  'null',
  'NULL',
  'true',
  'False',
  '0',
  '-0',
  '+12',
  '007',
  '0o17',
  '0o8',
  '0x1F',
  '0xg',
  '1_000',
  '1e3',
  '-1.5E-2',
  '.5',
  '5.',
  '.inf',
  '-.Inf',
  '.nan',
  '.NaN',
  '12:30',
  '2021-11-16',
  '2021-11-16T10:00:00Z',
  '1'.repeat(400),
  '"double \\x41 \\u00e9 \\t \\" \\\\ \\N \\_ \\L \\P \\/"',
  '"line\n  folded"',
  "'it''s'",
  "'two\n\n  lines'",
  '[a, b]',
  '[a, [b]]',
  '[]',
  '{}',
  '{ x: 1, y: two }',
  '{x: 1}',
  '[a: b]',
  '[null: b]',
  '>-\n  folded\n  text\n\n  more',
  '|\n  literal\n   indented\n',
  '|-\n\n   leading blank',
  '>\n\n\n  after blanks',
  '|2\n   explicit',
  '&x anchored',
  '*x',
  '!!str 12',
  '! 12',
  '@at',
  '`tick',
  '%pct',
  'a # comment',
  'a#not',
  'value: inside',
  'trailing ',
  'tab\there',
  'é unicode 中文',
  '- a',
  '\n  - a\n  - b',
  '\n  k: v\n  k2: v2',
  '\n- a\n- b',
  '? x',
  '"unclosed',
  "'unclosed",
  '[unclosed',
  '---',
  '...',
];

const line = fc
  .record({
    indent: fc.constantFrom('', '', '', '  ', '    ', ' ', '\t'),
    dash: fc.constantFrom('', '', '', '- ', '- - '),
    key: fc.constantFrom(...KEYS_WITH_GAPS),
    colon: fc.constantFrom(': ', ': ', ':', ' : ', ':  '),
    value: fc.constantFrom(...VALUES),
    comment: fc.constantFrom('', '', '', ' # note', '#x'),
  })
  .map(({ indent, dash, key, colon, value, comment }) => `${indent}${dash}${key}${colon}${value}${comment}`);

// With and without the final line break (front matter is cut before the closing fence's),
// and with CRLF line endings.
const document = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '', '\r\n'))
  .map(([lines, end]) => `${end || '\n'}${lines.join(end || '\n')}${end}`);

/** A line of an example changed: a character put in, taken out or replaced, or the line repeated or re-indented. */
const mutated = fc
  .record({
    example: fc.integer({ min: 0, max: examples.length - 1 }),
    edits: fc.array(
      fc.record({
        at: fc.nat(),
        kind: fc.constantFrom('insert', 'delete', 'replace', 'repeat-line', 'indent', 'outdent'),
        text: fc.constantFrom(...' \t:-#&*!?[]{},|>\'"%@`~\n\\'.split(''), 'null', '~:', '0o1', '..', '---'),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ example, edits }) => {
    let text = examples[example]!;
    for (const edit of edits) {
      const at = edit.at % Math.max(1, text.length);
      const lineStart = text.lastIndexOf('\n', at) + 1;
      const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
      if (edit.kind === 'insert') text = text.slice(0, at) + edit.text + text.slice(at);
      else if (edit.kind === 'delete') text = text.slice(0, at) + text.slice(at + 1);
      else if (edit.kind === 'replace') text = text.slice(0, at) + edit.text + text.slice(at + 1);
      else if (edit.kind === 'repeat-line')
        text = text.slice(0, lineEnd) + '\n' + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
      else if (edit.kind === 'indent') text = `${text.slice(0, lineStart)}  ${text.slice(lineStart)}`;
      else if (text.startsWith(' ', lineStart)) text = text.slice(0, lineStart) + text.slice(lineStart + 1);
    }
    return text;
  });

describe('the quick YAML reader agrees with yaml whenever it speaks', () => {
  it('reads the examples itself, to the same data', () => {
    for (const text of examples) {
      expect(readPlainFrontMatter(text)).toBeDefined();
      expect(disagreement(text)).toBeUndefined();
    }
  });

  it('leaves to yaml what the two read differently', () => {
    // Each of these, read by js-yaml, would give different data or miss a problem.
    const cases = [
      '\nnull: kept\n', // yaml makes the key '', js-yaml 'null'
      '\n: kept\n',
      '\n[a, b]: kept\n', // '[ a, b ]' against 'a,b'
      '\n{a: 1}: kept\n',
      '\nx: {null: 1}\n',
      '\na: &x 1\nb: *x\n',
      '\nd: !!binary aGk=\n',
      '\n__proto__: 1\n',
      '\nkey: value\n...\n',
      `\n${'k'.repeat(1100)}: long\n`,
      // Found by an adversarial review: js-yaml reads each of these otherwise, or misses an error.
      '\na: b\rc: d\n', // a lone CR
      '\na: [#c]\n  ]\n', // a comment glued to a bracket
      '\na: ["]", null: 1]\n', // a bracket in quotes
      '\na: {~}\n', // a null key with no colon
      '\na: {b, null}\n',
      '\nb:\n  - a:\n    -\n  - x\n', // an empty entry: js-yaml takes the next one into it
      '\na: |1\n  \n', // an indentation indicator
      '\na: |+\n  x\n  ', // keep chomping, ending in spaces
      '\na: |\n   \n  # c\n', // a comment after a line of spaces
      '\n"__pr\\u006fto__": 1\n', // an escape that spells `__proto__`
    ];
    for (const text of cases) expect(readPlainFrontMatter(text), JSON.stringify(text)).toBeUndefined();
  });

  it('reads scalars as the core schema of YAML 1.2 does', () => {
    expect(
      readPlainFrontMatter(
        '\nno: no\ndate: 2021-11-16\ntime: 12:30\noct: 0o17\nhex: 0x1F\nsep: 1_000\nexp: 1e3\ninf: -.inf\nnothing:\n',
      ),
    ).toEqual({
      no: 'no',
      date: '2021-11-16',
      time: '12:30',
      oct: 15,
      hex: 31,
      sep: '1_000',
      exp: 1000,
      inf: Number.NEGATIVE_INFINITY,
      nothing: null,
    });
  });

  it('never disagrees on YAML made from tricky pieces', () => {
    fc.assert(
      fc.property(document, (text) => {
        expect(disagreement(text)).toBeUndefined();
      }),
      { seed, numRuns: runs(4000) },
    );
  });

  it('never disagrees on the examples mutated', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        expect(disagreement(text)).toBeUndefined();
      }),
      { seed, numRuns: runs(3000) },
    );
  });
});
