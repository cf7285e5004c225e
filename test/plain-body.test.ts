import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseCommunique } from '../src/core/parse/communique.js';
import { parseBody } from '../src/render/body.js';
import { plainBody } from '../src/render/plain-body.js';

/**
 * plainBody stands in for remark on bodies of plain headings and paragraphs. Where it gives
 * a tree, that tree must be the one remark gives (positions included), with or without GFM;
 * where it cannot be sure, it must give none.
 */
const commonMark = unified().use(remarkParse);
const withGfm = unified().use(remarkParse).use(remarkGfm);
const remark = (markdown: string) => commonMark.runSync(commonMark.parse(markdown));
const remarkWithGfm = (markdown: string) => withGfm.runSync(withGfm.parse(markdown));

describe('plainBody', () => {
  it('reads headings and paragraphs of plain text as remark does, positions included', () => {
    const body = '\nThe group met.\nIt agreed.\n\n## Next steps\nMembers will report.\n\n\n### Close\n\nDone.';
    const tree = plainBody(body);
    expect(tree).toEqual(remark(body));
    expect(tree?.children.map((node) => node.type)).toEqual([
      'paragraph',
      'heading',
      'paragraph',
      'heading',
      'paragraph',
    ]);
    expect(tree?.children[0]?.position).toEqual({
      start: { line: 2, column: 1, offset: 1 },
      end: { line: 3, column: 11, offset: 26 },
    });
  });

  it('reads an empty body, and one of blank lines', () => {
    expect(plainBody('')).toEqual(remark(''));
    expect(plainBody('\n\n')).toEqual(remark('\n\n'));
  });

  it.each([
    ['emphasis', 'The *plan* was agreed.'],
    ['a link', 'See [the plan](plan.md).'],
    ['an autolink literal', 'See www.example.org for more.'],
    ['an address', 'Write to team@example.org.'],
    ['a list', '- one\n- two'],
    ['an ordered list', 'Intro\n1. one'],
    ['a setext heading', 'Title\n====='],
    ['a thematic break', 'Text\n\n***'],
    ['a fence', '```\ncode\n```'],
    ['HTML', '<!-- internal -->\n## Notes'],
    ['indentation', 'Text\n    more'],
    ['a hard break', 'Text  \nmore'],
    ['a character reference', 'Fish &amp; chips'],
    ['a table', 'a | b\n--|--'],
    ['a CR line ending', 'Text\r\nmore'],
    ['a tab', 'Text\tmore'],
    ['a closing sequence', '## Title ##'],
    ['a heading without text', '##'],
    ['a #tag', '#tag'],
  ])('leaves %s to remark', (_, body) => {
    expect(plainBody(body)).toBeUndefined();
    expect(parseBody(body)).toEqual(body.match(/[|~@]|www\./) ? remarkWithGfm(body) : remark(body));
  });

  it('reads the bodies of the bundled examples and the generated bench corpus the way remark does', () => {
    const examples = fileURLToPath(new URL('../examples', import.meta.url));
    const bodies = readdirSync(examples)
      .filter((name) => name.endsWith('.md'))
      .map((name) => parseCommunique(readFileSync(join(examples, name), 'utf8')).body ?? '');
    for (const body of bodies) expect(parseBody(body)).toEqual(remarkWithGfm(body));
    const prose = '\nThe group met in Hobart.\nIt agreed the plan (in full).\n\n## Reports\n\nEach member, in turn.\n';
    expect(plainBody(prose)).toBeDefined();
  });

  it('gives remark’s tree or none over generated bodies', () => {
    const piece = fc.constantFrom(
      'Members',
      'agreed',
      'the plan',
      '2021',
      'done.',
      '(in full)',
      'é',
      '中文',
      '😀',
      '\u00a0',
      '\u3000',
      '#',
      '## ',
      '# ',
      '####### ',
      '-',
      '- ',
      '+ ',
      '* ',
      '=',
      '===',
      '1. ',
      '1) ',
      '12.',
      '>',
      '*',
      '_',
      '`',
      '~',
      '|',
      '<',
      '&',
      '&amp;',
      '!',
      '[',
      ']',
      '\\',
      '@',
      'www.',
      'http:',
      'https://x.org',
      ' ',
      '  ',
      '\t',
      '\r',
      '\0',
      '\ufeff',
      '\u000b',
    );
    const line = fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join(''));
    const body = fc.array(line, { maxLength: 12 }).map((lines) => lines.join('\n'));
    let read = 0;
    fc.assert(
      fc.property(body, (markdown) => {
        const tree = plainBody(markdown);
        if (tree === undefined) return;
        read++;
        expect(tree).toEqual(remark(markdown));
        expect(tree).toEqual(remarkWithGfm(markdown));
      }),
      { seed: 20261129, numRuns: 3000 },
    );
    // The generator reaches the cases plainBody reads, not only those it leaves to remark.
    expect(read).toBeGreaterThan(100);
  });
});
