import { describe, expect, it } from 'vitest';
import { checkText } from '../src/core/check/check.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { project, runCli } from './support/io.js';

/**
 * Reading front matter that is valid YAML, or nearly text, as the user wrote it: tags
 * communique refuses get a rule of their own, an anchor named `a:` is not a syntax error,
 * keys that are not text are reported on their own line, a number too long for JavaScript
 * is shown as written, UTF-32 is called UTF-32, and a NUL byte is found wherever it is.
 * Each case gives the exact rule, message, position and exit code.
 */

/** A valid communiqué of a fictional panel; every case below changes one or two lines of it. */
const PANEL = `---
schema_version: 1
id: kvwup-2026-02-11
title: Kestrel Valley Water Users' Panel Communiqué
status: draft
meeting:
  group:
    name: Kestrel Valley Water Users' Panel
  number: 14
  date: 2026-02-11
  mode: in-person
  place: Tallowood
  chair: imogen-vasquez
attendees:
  - id: imogen-vasquez
    name: Imogen Vasquez
    kind: member
    attendance: present
  - id: tomasz-wren
    name: Tomasz Wren
    organisation: Lower Kestrel Growers Cooperative
    kind: member
    attendance: present
---

The panel met in Tallowood on 11 February 2026.

## Summer allocations

Members compared river heights with last season.
`;

/** PANEL with one piece of text replaced; fails loudly if the text is not there. */
function panelWith(find: string, replace: string): string {
  if (!PANEL.includes(find)) throw new Error(`PANEL has no ${JSON.stringify(find)}`);
  return PANEL.replace(find, replace);
}

type Seen = Pick<Diagnostic, 'ruleId' | 'severity' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn'> & {
  hint?: string;
};

function check(input: string | Uint8Array): Seen[] {
  return checkText(input).messages.map(({ ruleId, severity, message, hint, line, column, endLine, endColumn }) => ({
    ruleId,
    severity,
    message,
    ...(hint ? { hint } : {}),
    line,
    column,
    endLine,
    endColumn,
  }));
}

/** `line:column-endLine:endColumn ruleId message`, for tables of cases. */
function brief(input: string | Uint8Array): string[] {
  return checkText(input).messages.map(
    (message) =>
      `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.ruleId} ${message.message}`,
  );
}

/** `communique validate` on one file, in-process: its exit code and its JSON report's messages. */
async function validate(content: string | Uint8Array): Promise<{ code: number; messages: Seen[] }> {
  const cwd = project({ 'panel.md': content });
  const result = await runCli(['validate', 'panel.md', '--format', 'json'], cwd);
  const [report] = JSON.parse(result.stdout) as { messages: Seen[] }[];
  return { code: result.code, messages: report!.messages };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('YAML tags communique refuses (yaml/tag)', () => {
  it('reports `!!binary` at the tag, by name, with a hint, and exits 1', async () => {
    const expected = {
      ruleId: 'yaml/tag',
      severity: 'error',
      message: 'The YAML tag `!!binary` is not accepted in a communiqué',
      hint: 'Remove `!!binary`: communiqués hold plain text, not encoded files. Put a picture in the body as an image.',
      line: 12,
      column: 10,
      endLine: 12,
      endColumn: 18,
    };
    const input = panelWith('  place: Tallowood', '  place: !!binary VGFsbG93b29k');
    expect(check(input)).toEqual([expected]);
    expect(await validate(input)).toEqual({ code: 1, messages: [expected] });
  });

  it('tells how to write a date instead of `!!timestamp`', () => {
    expect(check(panelWith('  date: 2026-02-11', '  date: !!timestamp 2026-02-11'))).toEqual([
      {
        ruleId: 'yaml/tag',
        severity: 'error',
        message: 'The YAML tag `!!timestamp` is not accepted in a communiqué',
        hint: 'Remove `!!timestamp` and write the date as plain text in YYYY-MM-DD form, e.g. `2024-03-05`.',
        line: 10,
        column: 9,
        endLine: 10,
        endColumn: 20,
      },
    ]);
  });

  it('names local, verbatim, undeclared and language tags, and YAML 1.1 collections, each at the tag', () => {
    const cases: [string, string, string][] = [
      ['  chair: !member imogen-vasquez', '!member', '13:10-13:17'],
      ['  chair: !<!bar> imogen-vasquez', '!<!bar>', '13:10-13:17'],
      ['  chair: !e!chair imogen-vasquez', '!e!chair', '13:10-13:18'],
      ['  chair: !!python/object:os.system imogen-vasquez', '!!python/object:os.system', '13:10-13:35'],
      ['  chair: !!set { imogen-vasquez }', '!!set', '13:10-13:15'],
      ['  chair: !!omap [ imogen-vasquez: 1 ]', '!!omap', '13:10-13:16'],
    ];
    for (const [line, tag, at] of cases) {
      expect(brief(panelWith('  chair: imogen-vasquez', line)), tag).toEqual([
        `${at} yaml/tag The YAML tag \`${tag}\` is not accepted in a communiqué`,
      ]);
    }
    expect(check(panelWith('  chair: imogen-vasquez', '  chair: !!set { imogen-vasquez }'))[0]!.hint).toBe(
      'Remove `!!set` and write the entries as a plain list (`- item`) or plain fields.',
    );
    expect(check(panelWith('  chair: imogen-vasquez', '  chair: !member imogen-vasquez'))[0]!.hint).toBe(
      'Remove `!member` and write the value as plain text.',
    );
  });

  it('reports a tag on a set of fields, and every tag in the file', () => {
    const input = panelWith('meeting:\n', 'meeting: !meeting\n').replace(
      '    organisation: Lower Kestrel Growers Cooperative',
      '    organisation: !org Lower Kestrel Growers Cooperative',
    );
    expect(brief(input)).toEqual([
      '6:10-6:18 yaml/tag The YAML tag `!meeting` is not accepted in a communiqué',
      '21:19-21:23 yaml/tag The YAML tag `!org` is not accepted in a communiqué',
    ]);
  });

  it('says when a core tag does not fit its value, and accepts core tags that do', () => {
    expect(check(panelWith('  number: 14', '  number: !!float 14'))).toEqual([
      {
        ruleId: 'yaml/tag',
        severity: 'error',
        message: 'The YAML tag `!!float` does not fit the value it marks',
        hint: 'Remove `!!float`: communiqué values need no YAML tags.',
        line: 9,
        column: 11,
        endLine: 9,
        endColumn: 18,
      },
    ]);
    const core = panelWith('  number: 14', '  number: !!int 14').replace(
      "title: Kestrel Valley Water Users' Panel Communiqué",
      "title: !!str Kestrel Valley Water Users' Panel Communiqué",
    );
    expect(check(core)).toEqual([]);
  });

  it('reports a tag before a syntax error as well as the error, and nothing the parser only guessed after it', () => {
    const tagFirst = panelWith('  place: Tallowood', '  place: !site Tallowood\n  note: "never closed');
    expect(brief(tagFirst)).toEqual([
      '12:10-12:15 yaml/tag The YAML tag `!site` is not accepted in a communiqué',
      '13:9-13:10 yaml/syntax The value quoted with `"` here is never closed',
    ]);
    const errorFirst = panelWith('  number: 14', '  number: [14').replace('  place: Tallowood', '  place: !site T');
    expect(brief(errorFirst)).toEqual(['9:11-9:12 yaml/syntax The list opened with `[` here is never closed with `]`']);
  });
});

describe('an anchor or alias whose name ends in `:` (yaml/anchor-colon)', () => {
  const input = panelWith(
    '    organisation: Lower Kestrel Growers Cooperative',
    '    organisation: &coop: Lower Kestrel Growers Cooperative',
  ).replace(
    '---\n\nThe panel',
    '  - id: petra-lindqvist\n    name: Petra Lindqvist\n    organisation: *coop:\n    kind: member\n' +
      '    attendance: present\n---\n\nThe panel',
  );
  const warnings = [
    {
      ruleId: 'yaml/anchor-colon',
      severity: 'warning',
      message:
        'The anchor `&coop:` has a name ending in `:`, which reads like the start of a field and which some YAML readers refuse',
      hint: 'Remove the `:` from the end of the name, here and in every alias to it.',
      line: 21,
      column: 19,
      endLine: 21,
      endColumn: 25,
    },
    {
      ruleId: 'yaml/anchor-colon',
      severity: 'warning',
      message:
        'The alias `*coop:` has a name ending in `:`, which reads like the start of a field and which some YAML readers refuse',
      hint: 'Remove the `:` from the end of the name, here and on its anchor.',
      line: 26,
      column: 19,
      endLine: 26,
      endColumn: 25,
    },
  ];

  it('is valid YAML: a warning at the whole name, never a syntax error, and validate exits 0', async () => {
    expect(check(input)).toEqual(warnings);
    expect(await validate(input)).toEqual({ code: 0, messages: warnings });
  });

  it('still checks the front matter it marks', () => {
    const withTypo = input.replace('  mode: in-person', '  mode: in-person\n  moed: in-person');
    expect(brief(withTypo)).toEqual([
      '12:3-12:7 schema/unknown-field `moed` is not a field of `meeting`',
      '22:19-22:25 yaml/anchor-colon The anchor `&coop:` has a name ending in `:`, which reads like the start of a field and which some YAML readers refuse',
      '27:19-27:25 yaml/anchor-colon The alias `*coop:` has a name ending in `:`, which reads like the start of a field and which some YAML readers refuse',
    ]);
  });

  it('leaves a colon inside a name, and ordinary anchors, alone', () => {
    const inside = input.replace('&coop:', '&coop:lower').replace('*coop:', '*coop:lower');
    expect(check(inside)).toEqual([]);
  });
});

describe('keys that are not text (schema/unknown-field), at their own line', () => {
  it('reports `null:` at the key, by the name written, and exits 1', async () => {
    const input = panelWith('status: draft\n', 'status: draft\nnull: kept\n');
    const expected = {
      ruleId: 'schema/unknown-field',
      severity: 'error',
      message: '`null` is not a field of the front matter',
      line: 6,
      column: 1,
      endLine: 6,
      endColumn: 5,
    };
    const [seen] = check(input);
    expect({ ...seen, hint: undefined }).toEqual({ ...expected, hint: undefined });
    const result = await validate(input);
    expect(result.code).toBe(1);
    expect(result.messages.map(({ hint: _, ...rest }) => rest)).toEqual([expected]);
  });

  it('reports `~:`, `[a, b]:`, `1:`, `true:` and a block list as a key each at its own line', () => {
    const cases: [string, string][] = [
      ['~: kept', '6:1-6:2 schema/unknown-field `~` is not a field of the front matter'],
      ['[a, b]: kept', '6:1-6:7 schema/unknown-field `[a, b]` is not a field of the front matter'],
      ['1: kept', '6:1-6:2 schema/unknown-field `1` is not a field of the front matter'],
      ['true: kept', '6:1-6:5 schema/unknown-field `true` is not a field of the front matter'],
      ['{a: 1}: kept', '6:1-6:7 schema/unknown-field `{a: 1}` is not a field of the front matter'],
      ['? - a\n  - b\n: kept', '6:3-7:6 schema/unknown-field `- a - b` is not a field of the front matter'],
    ];
    for (const [line, expected] of cases) {
      expect(brief(panelWith('status: draft\n', `status: draft\n${line}\n`)), line).toEqual([expected]);
    }
  });

  it('reports a `null:` key inside an attendee at its line', () => {
    const input = panelWith('    name: Tomasz Wren\n', '    name: Tomasz Wren\n    null: Lower Kestrel\n');
    expect(brief(input)).toEqual(['21:5-21:9 schema/unknown-field `null` is not a field of attendee `tomasz-wren`']);
  });

  it('says a value has no field name when the key is empty', () => {
    expect(check(panelWith('status: draft\n', 'status: draft\n: kept\n'))).toEqual([
      {
        ruleId: 'schema/unknown-field',
        severity: 'error',
        message: 'A value in the front matter has no field name',
        hint: 'Write the field’s name before the `:`, or delete the line.',
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 7,
      },
    ]);
  });

  it('counts `1:` and `"1":` as the same field given twice', () => {
    expect(brief(panelWith('status: draft\n', 'status: draft\n1: a\n"1": b\n'))).toEqual([
      '7:1-7:4 yaml/duplicate-key `1` is given more than once',
    ]);
  });
});

describe('a number too long for JavaScript, shown as written', () => {
  const digits = `3${'1'.repeat(4999)}`;

  it('says a 5,000-digit meeting number is too large, with its first digits and its length, and exits 1', async () => {
    const input = panelWith('  number: 14', `  number: ${digits}`);
    const expected = {
      ruleId: 'schema/type',
      severity: 'error',
      message: '`meeting.number` is `31111111111111111111…` (5,000 digits), which is too large to be read as a number',
      hint: "The meeting's number in the group's series, e.g. `3` for the third meeting.",
      line: 9,
      column: 11,
      endLine: 9,
      endColumn: 5011,
    };
    expect(check(input)).toEqual([expected]);
    expect(await validate(input)).toEqual({ code: 1, messages: [expected] });
  });

  it('never calls it `null`, wherever it is', () => {
    expect(brief(panelWith('schema_version: 1', `schema_version: ${digits}`))).toEqual([
      '2:17-2:5017 schema/enum `schema_version` is `31111111111111111111…` (5,000 digits); it must be `1`',
    ]);
    expect(check(panelWith('schema_version: 1', `schema_version: ${digits}`))[0]!.hint).toBe(
      'Write `schema_version: 1`.',
    );
    expect(brief(panelWith("title: Kestrel Valley Water Users' Panel Communiqué", `title: ${digits}`))).toEqual([
      '4:8-4:5008 schema/type `title` should be text, not a number (`31111111111111111111…`, 5,000 digits)',
    ]);
    expect(brief(panelWith('  number: 14', '  number: .inf'))).toEqual([
      '9:11-9:15 schema/type `meeting.number` is `.inf`, which is too large to be read as a number',
    ]);
    expect(brief(panelWith('  number: 14', '  number: .nan'))).toEqual([
      '9:11-9:15 schema/type `meeting.number` is `.nan`, which is not a number',
    ]);
    expect(brief(panelWith('  number: 14', '  number: -1e400'))).toEqual([
      '9:11-9:17 schema/type `meeting.number` is `-1e400`, which is too large to be read as a number',
    ]);
  });
});

describe('UTF-32 and UTF-16 by name (document/encoding)', () => {
  const text = PANEL;
  const utf32le = (value: string) => {
    const points = [...value].map((character) => character.codePointAt(0)!);
    const bytes = new Uint8Array(points.length * 4);
    const view = new DataView(bytes.buffer);
    points.forEach((point, index) => {
      view.setUint32(index * 4, point, true);
    });
    return bytes;
  };
  const swap32 = (bytes: Uint8Array) => {
    const out = new Uint8Array(bytes.length);
    for (let index = 0; index < bytes.length; index += 4)
      out.set([bytes[index + 3]!, bytes[index + 2]!, bytes[index + 1]!, bytes[index]!], index);
    return out;
  };
  const utf16le = (value: string) => new Uint8Array(Buffer.from(value, 'utf16le'));
  const utf16be = (value: string) => new Uint8Array(Buffer.from(value, 'utf16le').swap16());
  const named = (encoding: string) => ({
    ruleId: 'document/encoding',
    severity: 'error',
    message: `The file is saved as ${encoding}; communiqués are UTF-8`,
    hint: 'Save the file as UTF-8.',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
  });

  it('names UTF-32 with either byte-order mark, and exits 1', async () => {
    const le = new Uint8Array([0xff, 0xfe, 0, 0, ...utf32le(text)]);
    const be = new Uint8Array([0, 0, 0xfe, 0xff, ...swap32(utf32le(text))]);
    expect(check(le)).toEqual([named('UTF-32')]);
    expect(check(be)).toEqual([named('UTF-32')]);
    expect(await validate(le)).toEqual({ code: 1, messages: [named('UTF-32')] });
  });

  it('names UTF-32 and UTF-16 without a byte-order mark, in either byte order', () => {
    expect(check(utf32le(text))).toEqual([named('UTF-32')]);
    expect(check(swap32(utf32le(text)))).toEqual([named('UTF-32')]);
    expect(check(utf16le(text))).toEqual([named('UTF-16')]);
    expect(check(utf16be(text))).toEqual([named('UTF-16')]);
  });

  it('still says UTF-16 for a UTF-16 byte-order mark', () => {
    expect(check(new Uint8Array([0xff, 0xfe, ...utf16le(text)]))).toEqual([named('UTF-16')]);
    expect(check(new Uint8Array([0xfe, 0xff, ...utf16be(text)]))).toEqual([named('UTF-16')]);
  });

  it('calls ASCII with a NUL early on binary, not UTF-16 (read two bytes at a time it looks like Chinese)', () => {
    const bytes = new Uint8Array(8000).fill(0x61);
    bytes[7999] = 0;
    expect(brief(bytes)).toEqual(['1:1-1:2 document/binary The file contains binary data, not text']);
  });
});

describe('a NUL byte anywhere (document/binary)', () => {
  /** PANEL with a body long enough to put a NUL past the first 8,000 bytes. */
  const gauges = Array.from(
    { length: 200 },
    (_, index) => `- Gauge ${index + 1} on the Kestrel read ${(1 + (index % 7)).toFixed(2)} m at dawn.\n`,
  ).join('');
  const long = `${PANEL}\n## Gauge readings\n\n${gauges}`;
  const longLines = long.split('\n').length;

  it('reports a NUL after the first 8,000 bytes at its line and column, and exits 1', async () => {
    const input = `${long}The readings end here.\0\n`;
    expect(utf8(long).length).toBeGreaterThan(8000);
    const expected = {
      ruleId: 'document/binary',
      severity: 'error',
      message: 'The file contains a NUL character (a zero byte) here, which text never holds',
      hint:
        'Delete the character (editors show it as `^@`, `\\0` or `<0x00>`); ' +
        'if the file is not a communiqué, leave it out of the files checked.',
      line: longLines,
      column: 23,
      endLine: longLines,
      endColumn: 24,
    };
    expect(check(utf8(input))).toEqual([expected]);
    // Text handed over as a string is checked the same way.
    expect(check(input)).toEqual([expected]);
    expect(await validate(utf8(input))).toEqual({ code: 1, messages: [expected] });
  });

  it('counts columns in characters after a byte-order mark and multi-byte text', () => {
    const input = utf8(`\uFEFF${long}Ōtākou 🙂\0`);
    expect(brief(input)).toEqual([
      `${longLines}:10-${longLines}:11 document/binary The file contains a NUL character (a zero byte) here, which text never holds`,
    ]);
  });

  it('reports whichever comes first of a late NUL and a byte that is not UTF-8', () => {
    const nulFirst = new Uint8Array([...utf8(`${long}a`), 0, 0x62, 0xff]);
    expect(brief(nulFirst)).toEqual([
      `${longLines}:2-${longLines}:3 document/binary The file contains a NUL character (a zero byte) here, which text never holds`,
    ]);
    const badFirst = new Uint8Array([...utf8(`${long}a`), 0xff, 0x62, 0]);
    expect(brief(badFirst)).toEqual([
      `${longLines}:2-${longLines}:3 document/encoding The file is not valid UTF-8 from here on`,
    ]);
  });

  it('keeps calling a file with a NUL in its first 8,000 bytes binary, as git does', () => {
    const early = utf8(`${PANEL.slice(0, 40)}\0${PANEL.slice(40)}`);
    expect(brief(early)).toEqual(['1:1-1:2 document/binary The file contains binary data, not text']);
    expect(brief(`${PANEL.slice(0, 40)}\0${PANEL.slice(40)}`)).toEqual([
      '1:1-1:2 document/binary The file contains binary data, not text',
    ]);
  });
});

describe('lists and sets of fields nested too deeply (yaml/nesting-limit)', () => {
  const nested = (levels: number) => `${'['.repeat(levels)}Tallowood${']'.repeat(levels)}`;
  const refused = {
    ruleId: 'yaml/nesting-limit',
    severity: 'error',
    message: 'The front matter nests lists or sets of fields more than 100 levels deep',
    hint: 'Use a few levels of brackets and indentation at most: no field of a communiqué needs more.',
    line: 12,
    column: 108,
    endLine: 12,
    endColumn: 109,
  };

  it('refuses the bracket that opens level 101, before the YAML reader sees it, and exits 1', async () => {
    // `place` is at level 2 (the front matter, then `meeting`): its 99th bracket opens level 101.
    const input = panelWith('  place: Tallowood', `  place: ${nested(99)}`);
    expect(check(input)).toEqual([refused]);
    expect(await validate(input)).toEqual({ code: 1, messages: [refused] });
    // One level less is only a value of the wrong type.
    expect(brief(panelWith('  place: Tallowood', `  place: ${nested(98)}`)).map((line) => line.split(' ')[1])).toEqual([
      'schema/type',
    ]);
  });

  it('answers at once for millions of brackets, and after deep files, in one process', () => {
    const started = Date.now();
    for (const levels of [1_000, 50_000, 3_000_000])
      expect(brief(panelWith('  place: Tallowood', `  place: ${'['.repeat(levels)}`))).toEqual([
        '12:108-12:109 yaml/nesting-limit The front matter nests lists or sets of fields more than 100 levels deep',
      ]);
    // The YAML reader took seconds over 100,000 brackets, and could abort the process.
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('counts block levels and `- ` entries, not brackets in quotes, comments, plain text or block scalars', () => {
    // `place` is level 2; the mapping under it level 3, and each line indented further one more.
    const block = Array.from({ length: 100 }, (_, level) => `${'  '.repeat(level + 2)}n${level}:`).join('\n');
    expect(brief(panelWith('  place: Tallowood', `  place:\n${block}`))).toEqual([
      '111:201-111:202 yaml/nesting-limit The front matter nests lists or sets of fields more than 100 levels deep',
    ]);
    expect(brief(panelWith('  place: Tallowood', `  place:\n    ${'- '.repeat(120)}Tallowood`))).toEqual([
      '13:199-13:200 yaml/nesting-limit The front matter nests lists or sets of fields more than 100 levels deep',
    ]);
    const text = panelWith(
      '  place: Tallowood',
      `  place: Tallowood ${'['.repeat(150)}\n  # ${'{'.repeat(150)}\n  note: |\n${Array.from(
        { length: 150 },
        (_, step) => `${' '.repeat(step + 4)}[`,
      ).join('\n')}`,
    );
    expect(brief(text)).toEqual(['14:3-14:7 schema/unknown-field `note` is not a field of `meeting`']);
  });
});
