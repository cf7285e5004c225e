import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/core/check/check.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { rules } from '../src/diagnostics/rules.js';

/**
 * Properties of the whole `checkText` pipeline on arbitrary and mutated input.
 *
 * The position invariant, precisely. The file's lines are its text (decoded as UTF-8 with
 * U+FFFD for bad bytes, one leading BOM removed, a lone '\r' read as '\n', as parseCommunique
 * does) split on '\n', as SourceText does; a line's length is its length in UTF-16 code units
 * without a final '\r' (CRLF is one line break), as the user sees it. For every message:
 *   - line, column, endLine, endColumn are integers >= 1;
 *   - 1 <= line <= endLine <= number of lines;
 *   - the span is not empty: endLine > line, or endColumn > column;
 *   - column <= length(line) + 1 (column length + 1 is the end of the line);
 *   - endColumn <= length(endLine) + 1, with one exception: a one-column marker at the end
 *     of a line (endLine == line, column == length + 1, endColumn == column + 1), which
 *     SourceText.span makes for an empty range there.
 */

const ruleIds = new Set(rules.map((rule) => rule.id));
const severities = new Set(['error', 'warning', 'info']);

/** The text SourceText is given: one leading BOM dropped, and a lone CR read as a line break. */
function textOf(input: string | Uint8Array): string {
  const decoded = typeof input === 'string' ? input : new TextDecoder('utf-8', { ignoreBOM: true }).decode(input);
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  return text.replace(/\r(?!\n)/g, '\n');
}

function positionProblems(input: string | Uint8Array, messages: readonly Diagnostic[]): string[] {
  const text = textOf(input);
  const lengths = text.split('\n').map((line) => (line.endsWith('\r') ? line.length - 1 : line.length));
  const problems: string[] = [];
  for (const message of messages) {
    const { line, column, endLine, endColumn } = message;
    const at = `${message.ruleId} ${line}:${column}-${endLine}:${endColumn}`;
    if (![line, column, endLine, endColumn].every((n) => Number.isInteger(n) && n >= 1)) {
      problems.push(`not positive integers: ${at}`);
      continue;
    }
    const lineLength = lengths[line - 1];
    const endLineLength = lengths[endLine - 1];
    if (lineLength === undefined || endLineLength === undefined || endLine < line) {
      problems.push(`lines out of range (file has ${lengths.length}): ${at}`);
      continue;
    }
    if (endLine === line && endColumn <= column) problems.push(`empty span: ${at}`);
    if (column > lineLength + 1) problems.push(`column past the end of a ${lineLength}-column line: ${at}`);
    const endOfLineMarker = endLine === line && column === lineLength + 1 && endColumn === column + 1;
    if (endColumn > endLineLength + 1 && !endOfLineMarker)
      problems.push(`endColumn past the end of a ${endLineLength}-column line: ${at}`);
  }
  return problems;
}

function catalogueProblems(messages: readonly Diagnostic[]): string[] {
  const problems: string[] = [];
  for (const message of messages) {
    if (!ruleIds.has(message.ruleId)) problems.push(`unknown rule ${message.ruleId}`);
    if (!severities.has(message.severity)) problems.push(`unknown severity ${message.severity} for ${message.ruleId}`);
  }
  return problems;
}

/** checkText must not throw and must return well-placed messages; returns them. */
function checkWell(input: string | Uint8Array): Diagnostic[] {
  const { messages, lines } = checkText(input);
  expect(Array.isArray(messages)).toBe(true);
  expect(typeof lines).toBe('object');
  expect(positionProblems(input, messages)).toEqual([]);
  return messages;
}

// ---- Arbitraries -------------------------------------------------------------------------

/** Strings that reach past the decoder: arbitrary text behind an opening fence, with a closing one. */
const fencedText = fc
  .tuple(
    fc.constantFrom('---\n', '---\r\n', '\uFEFF---\n', '---yaml\n', '---\n\n', '--- \n', '---\t\r\n'),
    fc.string({ unit: 'binary-ascii', maxLength: 120 }),
    fc.constantFrom('', '\n---\n', '\r\n---\r\n', '\n---', '\n---x\n', '\n----\n'),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
  )
  .map((parts) => parts.join(''));

/** Text that is YAML-ish: field lines built from the characters YAML cares about. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ':',
        ': ',
        '-',
        '- ',
        '#',
        '---',
        '...',
        '\t',
        '  ',
        '"',
        "'",
        '[',
        ']',
        '{',
        '}',
        ',',
        '&a',
        '*a',
        '!!',
        '|',
        '>',
        '?',
        '%',
        '@',
        '`',
      ),
      fc.constantFrom('title', 'status', 'meeting', '__proto__', 'a', 'b', '1', '2021-05-05', 'yes', 'null', '~'),
      fc.constantFrom('\n', '\n  ', '\n    ', '\n- ', '\r\n'),
    ),
    { maxLength: 40 },
  )
  .map((pieces) => `---\n${pieces.join('')}\n---\n\nBody.\n`);

const exampleNames = ['2025-05-14-hspr.md', '2025-10-14-npg.md', '2026-04-21-npg.md'] as const;
const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
const examples = exampleNames.map((name) => readFileSync(join(examplesDir, name), 'utf8'));

/** Text to insert: the characters that change the meaning of YAML and Markdown, and anything else. */
const insertion = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ':',
        '-',
        '#',
        '---',
        '\t',
        '"',
        "'",
        '[',
        ']',
        '{',
        '}',
        '\r\n',
        '\n',
        '&a',
        '*a',
        ' ',
        '    ',
        '- ',
        '## ',
        '```',
        '~~~',
        '<!--',
        '-->',
        '===',
        '|',
        '>',
        '__proto__: ',
        '\uFEFF',
        '\0',
        'TBC',
        '17 November 2021',
      ),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((pieces) => pieces.join(''));

type Mutation = { describe: string; apply: (text: string) => string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 300 })).map(([at, length]) => ({
    describe: `delete ${length} at ${at}`,
    apply: (text: string) => {
      const start = at % (text.length + 1);
      return text.slice(0, start) + text.slice(start + length);
    },
  })),
  fc.tuple(fc.nat(), insertion).map(([at, inserted]) => ({
    describe: `insert ${JSON.stringify(inserted)} at ${at}`,
    apply: (text: string) => {
      const start = at % (text.length + 1);
      return text.slice(0, start) + inserted + text.slice(start);
    },
  })),
  fc.nat().map((at) => ({
    describe: `duplicate line ${at}`,
    apply: (text: string) => {
      const lines = text.split('\n');
      const index = at % lines.length;
      lines.splice(index, 0, lines[index]!);
      return lines.join('\n');
    },
  })),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => ({
    describe: `swap lines ${a} and ${b}`,
    apply: (text: string) => {
      const lines = text.split('\n');
      const i = a % lines.length;
      const j = b % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    },
  })),
);

const mutatedExample = fc
  .tuple(fc.constantFrom(...examples.keys()), fc.boolean(), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([index, crlf, mutations]) => {
    let text = examples[index]!;
    if (crlf) text = text.replace(/\n/g, '\r\n');
    for (const m of mutations) text = m.apply(text);
    return text;
  });

const anyInput: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }),
  fencedText,
  yamlish,
  mutatedExample,
);

// ---- Properties ----------------------------------------------------------------------------

/**
 * One fixed seed for every property, so a failure is the same on every machine; set
 * PROPERTY_SEED to explore others. fast-check prints the seed and path of any failure.
 */
const SEED = Number(process.env.PROPERTY_SEED ?? 20261129);
fc.configureGlobal({ seed: SEED });
console.info(`property tests: seed ${SEED}`);

describe('checkText on arbitrary input', () => {
  it('never throws and places every message inside the file (grapheme strings)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (input) => {
        checkWell(input);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and places every message inside the file (any code points)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        checkWell(input);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and places every message inside the file (bytes)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (input) => {
        checkWell(input);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and places every message inside the file (bytes of arbitrary text)', () => {
    fc.assert(
      fc.property(fc.oneof(fencedText, yamlish), fc.boolean(), (text, bom) => {
        const bytes = new TextEncoder().encode(text);
        checkWell(bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and places every message inside the file (front-matter-shaped text)', () => {
    fc.assert(
      fc.property(fc.oneof(fencedText, yamlish), (input) => {
        expect(catalogueProblems(checkWell(input))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkText on mutated examples', () => {
  it('never throws, places every message inside the file and uses only catalogued rules', () => {
    fc.assert(
      fc.property(mutatedExample, (input) => {
        expect(catalogueProblems(checkWell(input))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds nothing wrong with the unmutated examples', () => {
    for (const text of examples) expect(checkText(text).messages).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives deep-equal results for the same input checked twice', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const first = checkText(input);
        const second = checkText(typeof input === 'string' ? input : input.slice());
        expect(second).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});
