import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { outlineBody } from '../src/core/check/body-outline.js';
import { parseCommunique } from '../src/core/parse/communique.js';

/**
 * outlineBody is a line scanner used instead of remark for speed; it must find the headings
 * remark (plain CommonMark, no extensions) finds: the same depths at the same offsets. A
 * heading's offset is where remark's heading node starts: the first non-space character of
 * its line (for a setext heading, of the paragraph's first line).
 *
 * Headings inside block quotes and list items are where the two can differ (outlineBody is
 * meant to report top-level headings; see the todos at the end). The cases and the generated
 * documents below keep headings out of containers, so remark's headings are all top-level.
 */

/** The parts of an mdast node this test reads. */
interface MarkdownNode {
  type: string;
  depth?: number;
  position?: { start: { offset?: number } };
  children?: MarkdownNode[];
}

type Outline = [depth: number, start: number][];

function remarkHeadings(body: string): Outline {
  const found: Outline = [];
  const walk = (node: MarkdownNode): void => {
    if (node.type === 'heading') found.push([node.depth ?? 0, node.position?.start.offset ?? -1]);
    for (const child of node.children ?? []) walk(child);
  };
  walk(fromMarkdown(body) as unknown as MarkdownNode);
  return found;
}

function scannerHeadings(body: string): Outline {
  return outlineBody(body).headings.map((heading) => [heading.depth, heading.start]);
}

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
const exampleNames = ['2025-05-14-hspr.md', '2025-10-14-npg.md', '2026-04-21-npg.md'] as const;

describe('example bodies', () => {
  it.each(exampleNames)('finds the headings remark finds in %s', (name) => {
    const loaded = parseCommunique(readFileSync(join(examplesDir, name)));
    const body = loaded.body;
    expect(body).toBeDefined();
    const expected = remarkHeadings(body!);
    expect(expected.length).toBeGreaterThan(0);
    expect(scannerHeadings(body!)).toEqual(expected);
  });

  it.each(exampleNames)('finds the headings remark finds in %s with CRLF line endings', (name) => {
    const text = readFileSync(join(examplesDir, name), 'utf8').replace(/\n/g, '\r\n');
    const body = parseCommunique(text).body!;
    expect(scannerHeadings(body)).toEqual(remarkHeadings(body));
  });
});

describe('tricky bodies', () => {
  // [name, body, the headings a reader of CommonMark expects]: the expectation is written
  // out as well as compared with remark, so that a remark surprise would show too.
  const cases: [string, string, Outline][] = [
    [
      'ATX headings with closing #s',
      '## Title ##\n\n### Other ###   \n\n#### Closed by # only #\n',
      [
        [2, 0],
        [3, 13],
        [4, 31],
      ],
    ],
    [
      'an ATX heading indented 1-3 spaces',
      ' # One\n  ## Two\n   ### Three\n',
      [
        [1, 1],
        [2, 9],
        [3, 19],
      ],
    ],
    [
      'empty ATX headings',
      '#\n\n## ##\n\n###\n',
      [
        [1, 0],
        [2, 3],
        [3, 10],
      ],
    ],
    ['#hashtag, seven #s and an escaped # are not headings', '#hashtag\n\n####### seven\n\n\\# escaped\n', []],
    ['a tab after the #s', '#\tTab heading\n', [[1, 0]]],
    ['four spaces of indentation make code, not a heading', '    # not heading\n\n\t# not heading either\n', []],
    ['an indented line continues a paragraph', 'Para\n    # not heading\n', []],
    ['fenced code with ```', '```\n# not heading\n```\n# heading\n', [[1, 22]]],
    ['fenced code with ~~~', '~~~md\n# not heading\n~~~\n# heading\n', [[1, 24]]],
    [
      'a longer closing fence closes; a shorter one does not',
      '````\n# not\n```\n# still not\n`````\n# heading\n',
      [[1, 33]],
    ],
    ['a ~~~ line does not close a ``` fence', '```\n~~~\n# not heading\n```\n', []],
    ['a closing fence indented up to 3 spaces', '```\n# not\n   ```\n# heading\n', [[1, 17]]],
    ['a closing fence with text after it does not close', '```\n```x\n# not heading\n', []],
    ['a ``` line with a backtick in its info string is not a fence', '``` a`b\n# heading\n', [[1, 8]]],
    ['an unclosed fence runs to the end of the body', 'Intro\n\n```\n# not\n\n## not\n', []],
    [
      'setext === and --- under a paragraph',
      'Title\n===\n\nSub\n---\n',
      [
        [1, 0],
        [2, 11],
      ],
    ],
    ['a setext underline indented and with trailing spaces', 'Title\n   ===   \n', [[1, 0]]],
    ['a setext underline indented 4 spaces continues the paragraph', 'Title\n    ===\n', []],
    ['a setext heading with a leading-space first line', '   Title\n---\n', [[2, 3]]],
    ['--- after a blank line is a thematic break', 'Para\n\n---\n', []],
    ['--- after a list item is a thematic break', '- item\n---\n', []],
    ['=== after a list item is paragraph text', '- item\n===\n', []],
    ['a multi-line paragraph underlined with ===', 'Line one\nline two\nline three\n===\n', [[1, 0]]],
    ['--- after an ATX heading', '## Heading\n---\n', [[2, 0]]],
    ['--- after fenced code', '```\ncode\n```\n---\n', []],
    ['an HTML comment spanning lines', '<!-- # not heading\n# still not\n-->\n# heading\n', [[1, 35]]],
    ['an HTML comment on one line', '<!-- note -->\n# heading\n', [[1, 14]]],
    ['an HTML comment interrupting a paragraph', 'Para\n<!-- x\n-->\n---\n', []],
    ['text before <!-- is not a comment block', 'Para <!-- x\n# heading\n-->\n', [[1, 12]]],
    ['a paragraph after a block quote', '> quoted\n\nTitle\n---\n', [[2, 10]]],
    ['a lazy block quote line is not underlined', '> quote\ncontinued\n===\n', []],
    ['a lazy list line is not underlined', '- item\ncontinued\n---\n', []],
    ['a table-like line under a paragraph', 'a | b\n--- | ---\n', []],
    [
      'CRLF line endings',
      '# One\r\n\r\nTitle\r\n===\r\n\r\n```\r\n# not\r\n```\r\n',
      [
        [1, 0],
        [1, 9],
      ],
    ],
    ['a body without a final line break', 'Intro\n\n## Last', [[2, 7]]],
    ['an empty body', '', []],
  ];

  it.each(cases)('%s', (_, body, expected) => {
    expect(remarkHeadings(body)).toEqual(expected);
    expect(scannerHeadings(body)).toEqual(expected);
  });

  it.each([
    ['> # h', [[1, 2]]],
    ['- # h', [[1, 2]]],
    ['1. ## x\n2. y', [[2, 3]]],
    ['> > ### deep', [[3, 4]]],
    ['- a\n\n  # h', [[1, 7]]],
    ['- ```\n  # in fence\n  ```', []],
    ['> quote\n# after', [[1, 8]]],
  ])('finds headings and fences inside quotes and list items as remark does: %j', (body, expected) => {
    expect(remarkHeadings(body)).toEqual(expected);
    expect(scannerHeadings(body)).toEqual(expected);
  });

  // Differences from remark that remain, as todos (none occurs in communiqués we have seen):
  //  - A heading on a list item's continuation indented 4 or more (`- a\n\n    # heading`)
  //    is nested in remark and indented code to outlineBody.
  it.todo('finds headings on list continuation lines indented four or more');
  //  - Indentation mixing spaces and a tab to column 4 (`  \tx\n---`) is indented code in
  //    CommonMark; outlineBody takes it as a paragraph and finds a setext heading at 3.
  it.todo('treats spaces followed by a tab up to column 4 as indented code');
  //  - A list item that cannot interrupt a paragraph (an empty item, or an ordered item not
  //    starting at 1, `Text\n2021. More\n---`) continues the paragraph in CommonMark, so the
  //    underline makes a heading; outlineBody ends the paragraph and finds none. Likewise an
  //    empty list item or `>` line followed by text (`-\nText\n===`): remark finds [1, 2].
  it.todo('lets only list items that can interrupt a paragraph end it');
  //  - HTML blocks other than comments (`<div>\n# x\n</div>`, `<br>\nText\n---`) hide their
  //    lines from remark; outlineBody finds headings in them.
  it.todo('skips the lines of HTML blocks');
});

describe('generated bodies', () => {
  const word = fc.constantFrom(
    'Members',
    'agreed',
    'the',
    'plan',
    '#tag',
    '`code`',
    'a|b',
    '\\#',
    '---',
    '===',
    '~~~',
    '```',
    '#',
    'a>b',
  );
  const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
  /** Text that cannot start a block: for the insides of list items and quotes. */
  const plainText = fc
    .tuple(fc.constantFrom('Members', 'The', 'plan'), text)
    .map(([first, rest]) => `${first} ${rest}`);
  const indent = fc.constantFrom('', ' ', '  ', '   ');

  const atxHeading = fc
    .tuple(
      indent,
      fc.integer({ min: 1, max: 7 }),
      fc.constantFrom(' ', '\t', ''),
      text,
      fc.constantFrom('', ' #', ' ##', '#', ' # '),
    )
    .map(([space, level, gap, words, closing]) => `${space}${'#'.repeat(level)}${gap}${words}${closing}`);
  const bareAtx = fc
    .tuple(indent, fc.integer({ min: 1, max: 6 }))
    .map(([space, level]) => `${space}${'#'.repeat(level)}`);
  const blank = fc.constantFrom('', '   ');
  const fence = fc
    .tuple(indent, fc.constantFrom('```', '~~~', '````', '~~~~', '`````'), fc.constantFrom('', 'js', ' md', 'a`b', ' '))
    .map(([space, marks, info]) => `${space}${marks}${info}`);
  // No lone `-` (an empty list item: see the todo above).
  const underline = fc
    .tuple(indent, fc.constantFrom('=', '==', '===', '--', '---', '----', '= ='), fc.constantFrom('', '  '))
    .map(([space, marks, trailing]) => `${space}${marks}${trailing}`);
  const thematicBreak = fc
    .tuple(indent, fc.constantFrom('***', '* * *', '___', '_ _ _', '---', '- - -'))
    .map(([space, marks]) => `${space}${marks}`);
  // Indentation of 4 columns or more; spaces then a tab only past column 4 (see the todo above).
  const indented = fc
    .tuple(fc.constantFrom('    ', '\t', '     ', '    \t', '\t  '), fc.oneof(text, atxHeading))
    .map(([space, words]) => `${space}${words}`);
  const comment = fc.constantFrom('<!-- note', '-->', '<!-- # c -->', 'Text <!-- x', '  <!--', '<!-- a --> # b');

  const line = fc.oneof(atxHeading, bareAtx, text, blank, fence, underline, thematicBreak, indented, comment);

  // Containers hold only plain text and are closed by a blank line and a paragraph, so that
  // no heading ends up inside one.
  const list = fc
    .tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) '), fc.array(plainText, { minLength: 1, maxLength: 3 }))
    .map(([marker, items]) => [...items.map((item) => `${marker}${item}`), '', 'After the list.']);
  const quote = fc
    .array(plainText, { minLength: 1, maxLength: 3 })
    .map((lines) => [...lines.map((quoted) => `> ${quoted}`), '', 'After the quote.']);

  const body = fc
    .tuple(
      fc.array(
        fc.oneof(
          { arbitrary: line.map((single) => [single]), weight: 8 },
          { arbitrary: list, weight: 1 },
          { arbitrary: quote, weight: 1 },
        ),
        {
          maxLength: 30,
        },
      ),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
    )
    .map(([chunks, newline, finalNewline]) => chunks.flat().join(newline) + (finalNewline ? newline : ''));

  it('finds the headings remark finds in documents made of markdown-ish lines', () => {
    fc.assert(
      fc.property(body, (markdown) => {
        expect(scannerHeadings(markdown)).toEqual(remarkHeadings(markdown));
      }),
      { numRuns: 1000 },
    );
  });
});
