import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/core/check/check.js';
import { decodeCommunique, firstInvalidUtf8 } from '../../src/core/parse/decode.js';
import { splitFrontMatter } from '../../src/core/parse/front-matter.js';
import { SourceText } from '../../src/core/parse/source-text.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/**
 * Reading a file up to its front matter data: what a secretariat officer is told, and
 * where, when a file is too big, not UTF-8 text, or its front matter is not clean YAML.
 * Positions are 1-based; the end column is exclusive.
 */
function said(input: string | Uint8Array, maxBytes?: number): string[] {
  const { messages } = checkText(input, maxBytes === undefined ? {} : { maxBytes });
  return messages.map(oneLine);
}

function oneLine(m: Diagnostic): string {
  return `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.severity}: ${m.message} | ${m.hint ?? ''}`;
}

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);
const TOO_LARGE_HINT = 'Check that the path names a communiqué and not an archive or data file.';

describe('a file too large to be a communiqué', () => {
  it('gives both sizes in bytes, KB or MB as fits', () => {
    expect(said('x'.repeat(1023), 1000)).toEqual([
      `1:1-1:2 document/too-large error: The file is 1023 bytes; a communiqué is at most 1000 bytes | ${TOO_LARGE_HINT}`,
    ]);
    expect(said('x'.repeat(2048), 1024)).toEqual([
      `1:1-1:2 document/too-large error: The file is 2.0 KB; a communiqué is at most 1.0 KB | ${TOO_LARGE_HINT}`,
    ]);
    expect(said('x'.repeat(1024), 1023)).toEqual([
      `1:1-1:2 document/too-large error: The file is 1.0 KB; a communiqué is at most 1023 bytes | ${TOO_LARGE_HINT}`,
    ]);
    expect(said('x'.repeat(1536), 1000)).toEqual([
      `1:1-1:2 document/too-large error: The file is 1.5 KB; a communiqué is at most 1000 bytes | ${TOO_LARGE_HINT}`,
    ]);
    expect(said('x'.repeat(1024 * 1024), 1024 * 1024 - 1)).toEqual([
      `1:1-1:2 document/too-large error: The file is 1.0 MB; a communiqué is at most 1024.0 KB | ${TOO_LARGE_HINT}`,
    ]);
    expect(said(utf8('x'.repeat(3 * 1024 * 1024)), 2 * 1024 * 1024)).toEqual([
      `1:1-1:2 document/too-large error: The file is 3.0 MB; a communiqué is at most 2.0 MB | ${TOO_LARGE_HINT}`,
    ]);
  });

  it('counts the bytes of text handed over as a string, not its characters', () => {
    expect(said('éééé', 6)).toEqual([
      `1:1-1:2 document/too-large error: The file is 8 bytes; a communiqué is at most 6 bytes | ${TOO_LARGE_HINT}`,
    ]);
    expect(said('éééé', 8).map((line) => line.split(' ')[1])).toEqual(['frontmatter/missing']);
    expect(said(utf8('éééé'), 8).map((line) => line.split(' ')[1])).toEqual(['frontmatter/missing']);
    expect(said(utf8('éééé'), 7)[0]).toContain('The file is 8 bytes; a communiqué is at most 7 bytes');
  });
});

describe('bytes that are not UTF-8 text', () => {
  it('finds the first byte that does not start or continue a well-formed sequence', () => {
    const cases: [string, Uint8Array, number][] = [
      ['plain ASCII', utf8('Reef Council'), -1],
      ['every length of sequence, at the edges of each', utf8('\u0080\u07ff\u0800\uffff\u{10000}\u{10ffff}'), -1],
      ['letters whose leading byte carries high bits', utf8('Ѐ耀\u{100000}'), -1],
      ['the last code points before and after the surrogates', utf8('\ud7ff\ue000'), -1],
      ['an overlong two-byte form', bytes(0x41, 0xc1, 0xbf), 1],
      ['a lone C0', bytes(0xc0, 0x80), 0],
      ['an overlong three-byte form', bytes(0xe0, 0x80, 0x80), 0],
      ['an overlong four-byte form', bytes(0xf0, 0x8f, 0xbf, 0xbf), 0],
      ['a surrogate', bytes(0x61, 0x62, 0xed, 0xa0, 0x80), 2],
      ['the last surrogate', bytes(0xed, 0xbf, 0xbf), 0],
      ['a code point past U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
      ['a leading byte that cannot start anything', bytes(0x61, 0xf5, 0x80, 0x80, 0x80), 1],
      ['a continuation byte on its own', bytes(0x61, 0x80), 1],
      ['a sequence cut short by the end of the file', bytes(0x61, 0xe2, 0x82), 1],
      ['a sequence cut short by another character', bytes(0xe2, 0x28, 0xa1), 0],
      ['a bad byte after good multi-byte text', new Uint8Array([...utf8('Ōtākou '), 0xff]), 9],
    ];
    for (const [what, input, expected] of cases) expect(firstInvalidUtf8(input), what).toBe(expected);
  });

  it('says UTF-16 for either byte order mark, and nothing for other bytes like them', () => {
    expect(decodeCommunique(bytes(0xff, 0xfe, 0x2d, 0x00))).toEqual({ ok: false, problem: { kind: 'utf16' } });
    expect(decodeCommunique(bytes(0xfe, 0xff, 0x00, 0x2d))).toEqual({ ok: false, problem: { kind: 'utf16' } });
    expect(decodeCommunique(bytes(0xff, 0xff, 0x41))).toMatchObject({ ok: false, problem: { kind: 'invalid-utf8' } });
    expect(decodeCommunique(bytes(0xfe, 0xfe, 0x41))).toMatchObject({ ok: false, problem: { kind: 'invalid-utf8' } });
    expect(said(bytes(0xff, 0xfe, 0x2d, 0x00))).toEqual([
      '1:1-1:2 document/encoding error: The file is saved as UTF-16; communiqués are UTF-8 | Save the file as UTF-8.',
    ]);
  });

  it('calls a file with a NUL in its first 8000 bytes binary, and one with a NUL later text with a stray NUL', () => {
    const early = new Uint8Array(8000).fill(0x61);
    early[7999] = 0;
    expect(decodeCommunique(early)).toEqual({ ok: false, problem: { kind: 'binary' } });
    const late = new Uint8Array(8001).fill(0x61);
    late[8000] = 0;
    expect(decodeCommunique(late)).toEqual({ ok: false, problem: { kind: 'nul', text: 'a'.repeat(8000) } });
  });

  it('gives the text before the first bad byte, and where it is', () => {
    expect(decodeCommunique(bytes(0x61, 0x0a, 0x62, 0xff, 0x63))).toEqual({
      ok: false,
      problem: { kind: 'invalid-utf8', text: 'a\nb', offset: 3 },
    });
  });

  it('refuses a file over the size given, and accepts one exactly that size', () => {
    expect(decodeCommunique(utf8('abcd'), 3)).toEqual({
      ok: false,
      problem: { kind: 'too-large', bytes: 4, maxBytes: 3 },
    });
    expect(decodeCommunique(utf8('abcd'), 4)).toEqual({ ok: true, text: 'abcd' });
  });

  it('tells an empty file from one with only blank space', () => {
    expect(decodeCommunique(new Uint8Array())).toEqual({ ok: false, problem: { kind: 'empty', whitespace: false } });
    expect(decodeCommunique(utf8(' \n\t'))).toEqual({ ok: false, problem: { kind: 'empty', whitespace: true } });
    expect(said('')).toEqual([expect.stringContaining('1:1-1:2 document/empty error: The file is empty | ')]);
    expect(said(' \n')).toEqual([
      expect.stringContaining('1:1-1:2 document/empty error: The file contains only blank space | '),
    ]);
  });
});

describe('positions in a file', () => {
  // Line 1 ends in CRLF, line 3 is empty, line 4 has no line break.
  const source = new SourceText('ab\r\ncd\n\nlast');

  it('turns offsets into lines and columns, the CR and LF of a line end being one place', () => {
    const at = (offset: number) => {
      const { line, column } = source.position(offset);
      return `${line}:${column}`;
    };
    expect([0, 1, 2, 3, 4, 6, 7, 8, 12].map(at)).toEqual([
      '1:1',
      '1:2',
      '1:3',
      '1:3',
      '2:1',
      '2:3',
      '3:1',
      '4:1',
      '4:5',
    ]);
    expect(at(-5)).toBe('1:1');
    expect(at(99)).toBe('4:5');
  });

  it('makes spans at least one column wide, and ends a span that takes in a line break on the line it ends', () => {
    expect(source.span(0, 2)).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 3 });
    expect(source.span(4, 4)).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 2 });
    expect(source.span(5, 3)).toEqual({ line: 2, column: 2, endLine: 2, endColumn: 3 });
    expect(source.span(0, 4)).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 3 });
    expect(source.span(4, 8)).toEqual({ line: 2, column: 1, endLine: 3, endColumn: 1 });
    expect(source.span(7, 8)).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 2 });
    expect(source.span(9, 99)).toEqual({ line: 4, column: 2, endLine: 4, endColumn: 5 });
  });

  it('gives the text of a line without its line ending, and where each line starts', () => {
    expect([0, 1, 2, 3, 4, 5].map((line) => source.lineText(line))).toEqual(['', 'ab', 'cd', '', 'last', '']);
    expect([0, 1, 2, 3, 4, 5, 9].map((line) => source.lineStart(line))).toEqual([0, 0, 4, 7, 8, 8, 8]);
    expect(source.lineSpan(1)).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 3 });
    expect(source.lineSpan(3)).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 2 });
    expect(source.lineSpan(4)).toEqual({ line: 4, column: 1, endLine: 4, endColumn: 5 });
  });

  it('knows a file of one line without a line break', () => {
    const one = new SourceText('just one');
    expect(one.lineText(1)).toBe('just one');
    expect(one.lineText(2)).toBe('');
    expect(one.position(8)).toEqual({ line: 1, column: 9 });
  });

  it('counts an old Mac line break (a lone CR) as a line break', () => {
    expect(said('---\rschema_version: 1\rtitle: [x\r---\r')).toEqual([
      '3:8-3:9 yaml/syntax error: The list opened with `[` here is never closed with `]` | Add `]` at the end of the value, on the same line.',
    ]);
  });
});

describe('finding the front matter', () => {
  it('accepts a bare fence or one marked YAML, in any case and with blanks around the name', () => {
    expect(splitFrontMatter('--- yaml \nx: 1\n---\n')).toEqual({
      ok: true,
      yaml: '\nx: 1',
      yamlOffset: 9,
      body: '',
      bodyOffset: 19,
    });
    expect(splitFrontMatter('---YML\nx: 1\n---\nThe body.\n')).toEqual({
      ok: true,
      yaml: '\nx: 1',
      yamlOffset: 6,
      body: 'The body.\n',
      bodyOffset: 16,
    });
    expect(splitFrontMatter('---\nx: 1\n---')).toEqual({
      ok: true,
      yaml: '\nx: 1',
      yamlOffset: 3,
      body: '',
      bodyOffset: 12,
    });
  });

  it('accepts blanks after the closing fence, and CRLF line endings', () => {
    expect(splitFrontMatter('---\nx: 1\n---  \nbody')).toEqual({
      ok: true,
      yaml: '\nx: 1',
      yamlOffset: 3,
      body: 'body',
      bodyOffset: 15,
    });
    expect(splitFrontMatter('---\r\nx: 1\r\n---\r\nbody\r\n')).toEqual({
      ok: true,
      yaml: '\r\nx: 1',
      yamlOffset: 3,
      body: 'body\r\n',
      bodyOffset: 16,
    });
  });

  it('names the language of a fence that is not YAML, and where it is written', () => {
    expect(splitFrontMatter('--- toml\nx\n---\n')).toEqual({
      ok: false,
      problem: { kind: 'language', language: 'toml', start: 4, end: 8 },
    });
    expect(splitFrontMatter('---\t JSON  \nx\n---\n')).toEqual({
      ok: false,
      problem: { kind: 'language', language: 'JSON', start: 5, end: 9 },
    });
    expect(said('---js\nx\n---\n')).toEqual([
      '1:4-1:6 frontmatter/language error: The front matter is marked as `js`; only YAML front matter is accepted, and it is not run | ' +
        'Open the front matter with a line containing only `---`. Front matter in other languages is never run.',
    ]);
  });

  it('finds no front matter in a file that does not start with exactly three dashes', () => {
    expect(splitFrontMatter('----\nx\n----\n')).toEqual({ ok: false, problem: { kind: 'missing' } });
    expect(splitFrontMatter(' ---\nx\n---\n')).toEqual({ ok: false, problem: { kind: 'missing' } });
    expect(said('title: Reef Council\n')).toEqual([
      '1:1-1:20 frontmatter/missing error: The file does not start with a front matter block | ' +
        'Start the file with a line containing only `---`, then the YAML fields, then another `---` line.',
    ]);
  });

  it('reports front matter that is opened and never closed, at the opening fence', () => {
    expect(splitFrontMatter('---')).toEqual({ ok: false, problem: { kind: 'unterminated', openingLineEnd: 3 } });
    expect(splitFrontMatter('---\nx: 1\n')).toEqual({
      ok: false,
      problem: { kind: 'unterminated', openingLineEnd: 3 },
    });
    expect(said('---\ntitle: x\n')).toEqual([
      '1:1-1:4 frontmatter/unterminated error: The front matter opened here is never closed with a `---` line | ' +
        'Add a line containing only `---` after the last front matter field.',
    ]);
  });

  it('reports a closing line with more than three dashes on it, with what it says', () => {
    expect(splitFrontMatter('---\nx: 1\n----\n')).toEqual({
      ok: false,
      problem: { kind: 'bad-closing-fence', start: 9, end: 13, text: '----' },
    });
    expect(said('---\ntitle: x\n--- x\nbody\n')).toEqual([
      '3:1-3:6 frontmatter/unterminated error: The front matter ends at `--- x`, but a closing line must contain only `---` | ' +
        'Put `---` alone on the line that closes the front matter.',
    ]);
  });
});

describe('front matter that is not a set of fields', () => {
  const HINT = 'Write the front matter as `field: value` lines, starting with `schema_version: 1`.';

  it('says what it is instead, and points at it', () => {
    expect(said('---\n- a\n- b\n---\n')).toEqual([
      `2:1-3:4 frontmatter/not-a-mapping error: The front matter is a list, not a set of fields | ${HINT}`,
    ]);
    expect(said('---\n\n  just text\n---\n')).toEqual([
      `3:3-3:12 frontmatter/not-a-mapping error: The front matter is a single value, not a set of fields | ${HINT}`,
    ]);
    expect(said('---\n---\nbody\n')).toEqual([
      `1:1-1:4 frontmatter/not-a-mapping error: The front matter is empty, not a set of fields | ${HINT}`,
    ]);
    expect(said('---\n# only a comment\n---\nbody\n')).toEqual([
      `2:1-2:17 frontmatter/not-a-mapping error: The front matter is empty, not a set of fields | ${HINT}`,
    ]);
  });
});

describe('YAML that cannot be read', () => {
  const lines = (...fields: string[]) => ['---', 'schema_version: 1', ...fields, '---', '', 'Body.', ''].join('\n');

  it('names a duplicated field, quoted or not, at its second occurrence', () => {
    const hint = 'Keep one of the values and delete the other line.';
    expect(said(lines('title: One', 'title: Two'))).toEqual([
      `4:1-4:6 yaml/duplicate-key error: \`title\` is given more than once | ${hint}`,
    ]);
    expect(said(lines('"a b": 1', '"a b": 2'))).toEqual([
      `4:1-4:6 yaml/duplicate-key error: \`a b\` is given more than once | ${hint}`,
    ]);
    expect(said(lines("'it''s': 1", "'it''s': 2"))).toEqual([
      `4:1-4:8 yaml/duplicate-key error: \`it''s\` is given more than once | ${hint}`,
    ]);
    expect(said(lines('"": 1', '"": 2'))).toEqual([
      `4:1-4:3 yaml/duplicate-key error: A field with no name is given more than once | ${hint}`,
    ]);
  });

  it('reports the duplicates before a syntax error, and the syntax error, and nothing after it', () => {
    expect(said(lines('a: 1', 'a: 2', 'b: [x', 'b: 3'))).toEqual([
      '4:1-4:2 yaml/duplicate-key error: `a` is given more than once | Keep one of the values and delete the other line.',
      '5:4-5:5 yaml/syntax error: The list opened with `[` here is never closed with `]` | Add `]` at the end of the value, on the same line.',
    ]);
  });

  it('reports every line indented with a tab, and only those', () => {
    const hint = 'YAML indents with spaces only: replace the tab with spaces.';
    expect(said(lines('meeting:', '\tgroup: x', '  \tmode: y', 'title: "a\tb"'))).toEqual([
      `4:1-4:2 yaml/tab-indent error: This line is indented with a tab | ${hint}`,
      `5:3-5:4 yaml/tab-indent error: This line is indented with a tab | ${hint}`,
    ]);
  });

  it('explains a colon inside a value, and a field name over two lines', () => {
    expect(said(lines('title: Reef: the sequel'))).toEqual([
      '3:8-3:24 yaml/syntax error: This value contains a colon and a space, which YAML reads as the start of another field | ' +
        'Put the whole value in quotes, e.g. `title: "Communiqué: 16 November 2021"`.',
    ]);
    expect(said(lines('this is', '  a key: 1'))).toEqual([
      '3:1-4:8 yaml/syntax error: A field name runs over more than one line | ' +
        'Check for a missing `:` after a field name, or put a long value in quotes.',
    ]);
  });

  it('points at the bracket or quote that is never closed', () => {
    expect(said(lines('x: {a: b'))).toEqual([
      '3:4-3:5 yaml/syntax error: The set of fields opened with `{` here is never closed with `}` | Add `}` at the end of the value, on the same line.',
    ]);
    expect(said(lines('x: [a, {b: c}, [d'))).toEqual([
      '3:16-3:17 yaml/syntax error: The list opened with `[` here is never closed with `]` | Add `]` at the end of the value, on the same line.',
    ]);
    expect(said(lines('x: [a, {b: c]'))).toEqual([
      '3:8-3:9 yaml/syntax error: The set of fields opened with `{` here is never closed with `}` | Add `}` at the end of the value, on the same line.',
    ]);
    const dq =
      '3:8-3:9 yaml/syntax error: The value quoted with `"` here is never closed | Add the closing `"` at the end of the value.';
    expect(said(lines('title: "abc'))).toEqual([dq]);
    expect(said(lines('title: "a \\" b'))).toEqual([dq]);
    expect(said(['---', '# it\'s "quoted', 'title: "abc', '---', ''].join('\n'))).toEqual([dq]);
    expect(said(lines("title: 'it''s"))).toEqual([
      "3:8-3:9 yaml/syntax error: The value quoted with `'` here is never closed | Add the closing `'` at the end of the value.",
    ]);
  });

  it('explains misaligned fields, unexpected characters, tags, escapes and aliases', () => {
    expect(said(['---', 'meeting:', '    group: x', '  mode: y', '---', ''].join('\n'))).toEqual([
      '4:1-4:2 yaml/syntax error: This line is not lined up with the fields around it | Indent fields at the same level by the same number of spaces.',
    ]);
    expect(said(lines('x: ]'))).toEqual([
      '3:4-3:5 yaml/syntax error: `]` is not expected here | Check the brackets, quotes and indentation of this line.',
    ]);
    expect(said(lines('x: !!timestamp 2021-01-01'))).toEqual([
      '3:4-3:15 yaml/tag error: The YAML tag `!!timestamp` is not accepted in a communiqué | ' +
        'Remove `!!timestamp` and write the date as plain text in YYYY-MM-DD form, e.g. `2024-03-05`.',
    ]);
    expect(said(lines('x: "a\\qb"'))).toEqual([
      '3:6-3:7 yaml/syntax error: A double-quoted value contains an escape that YAML does not know | Use single quotes, or write a backslash as `\\\\`.',
    ]);
    expect(said(lines('x: *nope'))).toEqual([
      '3:4-3:9 yaml/syntax error: The alias `*nope` refers to no anchor `&nope` before it | Put `&nope` on an earlier value, or write the value out.',
    ]);
    expect(said(lines('__proto__: 1'))).toEqual([
      '3:1-3:10 yaml/forbidden-key error: `__proto__` cannot be used as a field name | ' +
        'Remove the field: it is not part of the communiqué format and could change how programs read the data.',
    ]);
  });

  it('refuses to expand aliases more than a hundred times, at the first alias', () => {
    const values = Array.from({ length: 101 }, () => '  - *v');
    const text = ['---', 'base: &v [a, b]', 'many:', ...values, '---', ''].join('\n');
    expect(said(text)).toEqual([
      '4:5-4:7 yaml/alias-limit error: The front matter expands its YAML aliases more than 100 times | ' +
        'Write the values out instead of using `&anchors` and `*aliases`.',
    ]);
  });
});
