import { describe, expect, it } from 'vitest';
import type { Diagnostic, FileResult } from '../../src/diagnostics/diagnostic.js';
import { type RuleMeta, rules } from '../../src/diagnostics/rules.js';
import { formatGithub } from '../../src/formatters/github.js';
import { formatterNames, isFormatterName, loadFormatter } from '../../src/formatters/index.js';
import { formatJson } from '../../src/formatters/json.js';
import { formatJunit } from '../../src/formatters/junit.js';
import { formatSarif } from '../../src/formatters/sarif.js';
import { formatStylish } from '../../src/formatters/stylish.js';
import type { FormatContext } from '../../src/formatters/types.js';

/**
 * What each output format shows for problems in a fictional harbour committee's minutes:
 * exact text, because scripts, CI annotations and people read these outputs.
 */
const context: FormatContext = {
  cwd: '/home/harbour',
  color: false,
  toolName: 'communique',
  toolVersion: '2.3.4',
  docsUrl: 'https://docs.example.net/rules',
  rules,
};

function problem(fields: Partial<Diagnostic> & Pick<Diagnostic, 'line' | 'column'>): Diagnostic {
  return {
    ruleId: 'schema/type',
    severity: 'error',
    message: 'Something is wrong',
    endLine: fields.line,
    endColumn: fields.column + 1,
    ...fields,
  };
}

describe('stylish', () => {
  it('prints a problem with the line before it, carets under the span, and the hint', () => {
    const results: FileResult[] = [
      {
        file: 'committee/march.md',
        messages: [
          problem({
            line: 4,
            column: 7,
            endColumn: 12,
            message: '`title` should be text',
            hint: 'Put the title in quotes.',
          }),
        ],
        lines: { 3: 'status: draft', 4: 'title: [Harbour]', 5: 'lang: en-AU' },
      },
    ];
    expect(formatStylish(results, context)).toBe(
      [
        'committee/march.md:4:7  error    `title` should be text  schema/type',
        '  3 | status: draft',
        '> 4 | title: [Harbour]',
        '    |       ^^^^^',
        '  hint: Put the title in quotes.',
        '',
        '✖ 1 problem (1 error, 0 warnings) in 1 of 1 file',
        '',
      ].join('\n'),
    );
  });

  it('prints no code frame when the line is not known, and no hint when there is none', () => {
    const results: FileResult[] = [
      { file: 'a.md', messages: [problem({ line: 2, column: 1, message: 'Off the page' })], lines: { 1: 'x' } },
      { file: 'b.md', messages: [problem({ line: 1, column: 1, message: 'No lines at all', hint: '' })] },
    ];
    expect(formatStylish(results, context)).toBe(
      [
        'a.md:2:1  error    Off the page  schema/type',
        '',
        'b.md:1:1  error    No lines at all  schema/type',
        '',
        '✖ 2 problems (2 errors, 0 warnings) in 2 of 2 files',
        '',
      ].join('\n'),
    );
  });

  it('shows the first line of a file without a line before it', () => {
    const results: FileResult[] = [
      { file: 'a.md', messages: [problem({ line: 1, column: 1, endColumn: 4 })], lines: { 1: '+++', 2: 'next' } },
    ];
    expect(formatStylish(results, context).split('\n').slice(1, 3)).toEqual(['> 1 | +++', '    | ^^^']);
  });

  it('puts one caret just past the end of the line for a missing value, and clamps a column of 0', () => {
    const past: FileResult[] = [
      { file: 'a.md', messages: [problem({ line: 2, column: 7, endColumn: 9 })], lines: { 2: 'place:' } },
    ];
    expect(formatStylish(past, context).split('\n').slice(1, 3)).toEqual(['> 2 | place:', '    |       ^']);
    const zero: FileResult[] = [
      { file: 'a.md', messages: [problem({ line: 2, column: 0, endColumn: 0 })], lines: { 2: 'place:' } },
    ];
    expect(formatStylish(zero, context).split('\n').slice(1, 3)).toEqual(['> 2 | place:', '    | ^']);
  });

  it('underlines to the end of the line when the span runs onto later lines, and never past the line', () => {
    const results: FileResult[] = [
      {
        file: 'a.md',
        messages: [problem({ line: 7, column: 3, endLine: 9, endColumn: 2 })],
        lines: { 7: '- item one' },
      },
      {
        file: 'b.md',
        messages: [problem({ line: 7, column: 3, endLine: 7, endColumn: 40 })],
        lines: { 7: '- item one' },
      },
    ];
    const out = formatStylish(results, context).split('\n');
    expect(out.slice(1, 3)).toEqual(['> 7 | - item one', '    |   ^^^^^^^^']);
    expect(out.slice(5, 7)).toEqual(['> 7 | - item one', '    |   ^^^^^^^^']);
  });

  it('shows a line of exactly 160 characters whole, and cuts one of 161', () => {
    const exact = 'a'.repeat(150) + 'b'.repeat(10);
    const whole: FileResult[] = [
      { file: 'a.md', messages: [problem({ line: 1, column: 151, endColumn: 161 })], lines: { 1: exact } },
    ];
    expect(formatStylish(whole, context).split('\n').slice(1, 3)).toEqual([
      `> 1 | ${exact}`,
      `    | ${' '.repeat(150)}${'^'.repeat(10)}`,
    ]);
    const longer = exact + 'c';
    const cut: FileResult[] = [
      { file: 'a.md', messages: [problem({ line: 1, column: 151, endColumn: 161 })], lines: { 1: longer } },
    ];
    // Cut 3 characters in (161 - 158), so the end of the line, and the problem, stay in view.
    expect(formatStylish(cut, context).split('\n').slice(1, 3)).toEqual([
      `> 1 | …${longer.slice(3)}`,
      `    | ${' '.repeat(1 + 147)}${'^'.repeat(10)}`,
    ]);
  });

  it('cuts a long line after the window when the problem is near its start, and the line before at the same place', () => {
    const line = 'x'.repeat(10) + 'HERE' + 'y'.repeat(300);
    const before = 'z'.repeat(170);
    const results: FileResult[] = [
      {
        file: 'a.md',
        messages: [problem({ line: 2, column: 11, endColumn: 15 })],
        lines: { 1: before, 2: line },
      },
    ];
    expect(formatStylish(results, context).split('\n').slice(1, 4)).toEqual([
      `  1 | ${'z'.repeat(158)}…`,
      `> 2 | ${line.slice(0, 158)}…`,
      `    | ${' '.repeat(10)}^^^^`,
    ]);
  });

  it('cuts a long line before the window when the problem is near its end, with carets only inside the window', () => {
    const line = 'x'.repeat(300) + 'END';
    const results: FileResult[] = [
      { file: 'a.md', messages: [problem({ line: 1, column: 250, endLine: 2, endColumn: 1 })], lines: { 1: line } },
    ];
    // The window is the last 158 characters: 145 to 303.
    expect(formatStylish(results, context).split('\n').slice(1, 3)).toEqual([
      `> 1 | …${line.slice(145)}`,
      `    | ${' '.repeat(1 + 249 - 145)}${'^'.repeat(303 - 249)}`,
    ]);
  });

  it('keeps a line that is shorter than the long line before it, cut at the same offsets', () => {
    const results: FileResult[] = [
      {
        file: 'a.md',
        messages: [problem({ line: 2, column: 3, endColumn: 6 })],
        lines: { 1: 'p'.repeat(200), 2: 'short line' },
      },
    ];
    expect(formatStylish(results, context).split('\n').slice(1, 4)).toEqual([
      `  1 | ${'p'.repeat(158)}…`,
      '> 2 | short line',
      '    |   ^^^',
    ]);
  });

  it('replaces control characters in file names, messages, source lines and hints, keeping tabs in messages', () => {
    const results: FileResult[] = [
      {
        file: 'bad\u001b[2Jname.md',
        messages: [
          problem({
            line: 1,
            column: 1,
            endColumn: 3,
            message: 'a\tb\u0000c\u0008d\u007fe\u009ff\u00a0g',
            hint: 'one\u0007\ntwo',
          }),
        ],
        lines: { 1: '\u0001\u001f\u0020ok' },
      },
    ];
    expect(formatStylish(results, context)).toBe(
      [
        'bad\uFFFD[2Jname.md:1:1  error    a\tb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\u00a0g  schema/type',
        '> 1 | \uFFFD\uFFFD ok',
        '    | ^^',
        '  hint: one\uFFFD',
        '        two',
        '',
        '✖ 1 problem (1 error, 0 warnings) in 1 of 1 file',
        '',
      ].join('\n'),
    );
  });

  it('indents the continuation lines of a message, whether they end in LF or CRLF', () => {
    const results: FileResult[] = [
      { file: 'a.md', messages: [problem({ line: 1, column: 1, message: 'first\r\nsecond\nthird' })] },
    ];
    expect(formatStylish(results, context).split('\n').slice(0, 3)).toEqual([
      'a.md:1:1  error    first',
      '    second',
      '    third  schema/type',
    ]);
  });

  it('prints problems with the run first, as the tool speaking, and leaves them out of the count', () => {
    const results: FileResult[] = [
      {
        file: '',
        messages: [
          problem({
            line: 1,
            column: 1,
            ruleId: 'input/skipped',
            severity: 'warning',
            message: 'skipped 2 files\nthat are not Markdown',
            hint: 'Name .md files,\nor folders.',
          }),
        ],
      },
      { file: 'a.md', messages: [problem({ line: 1, column: 1, severity: 'warning', ruleId: 'body/date-mismatch' })] },
    ];
    expect(formatStylish(results, context)).toBe(
      [
        'communique: skipped 2 files',
        '  that are not Markdown',
        '  hint: Name .md files,',
        '        or folders.',
        'a.md:1:1  warning  Something is wrong  body/date-mismatch',
        '',
        '✖ 1 problem (0 errors, 1 warning) in 1 of 1 file',
        '',
      ].join('\n'),
    );
  });

  it('prints only the run problems when no file was checked', () => {
    const results: FileResult[] = [
      { file: '', messages: [problem({ line: 1, column: 1, ruleId: 'usage/no-input', message: 'nothing to check' })] },
    ];
    expect(formatStylish(results, context)).toBe('communique: nothing to check\n');
  });

  it('says no files were checked when there were none and nothing went wrong', () => {
    expect(formatStylish([], context)).toBe('✔ 0 files checked, no problems\n');
  });

  it('counts infos beside errors and warnings, and calls notes alone notes', () => {
    const mixed: FileResult[] = [
      {
        file: 'a.md',
        messages: [
          problem({ line: 1, column: 1, severity: 'info' }),
          problem({ line: 2, column: 1, severity: 'info' }),
          problem({ line: 3, column: 1, severity: 'error' }),
        ],
      },
      { file: 'b.md', messages: [] },
      { file: 'c.md', messages: [problem({ line: 1, column: 1, severity: 'warning' })] },
    ];
    expect(formatStylish(mixed, context).split('\n').at(-2)).toBe(
      '✖ 4 problems (1 error, 1 warning, 2 infos) in 2 of 3 files',
    );
    const notes: FileResult[] = [
      { file: 'a.md', messages: [problem({ line: 1, column: 1, severity: 'info' })] },
      { file: 'b.md', messages: [problem({ line: 1, column: 1, severity: 'info' })] },
      { file: 'c.md', messages: [] },
    ];
    expect(formatStylish(notes, context)).toBe(
      [
        'a.md:1:1  info     Something is wrong  schema/type',
        '',
        'b.md:1:1  info     Something is wrong  schema/type',
        '',
        'ℹ 2 notes in 2 of 3 files',
        '',
      ].join('\n'),
    );
  });

  it('colours severities, carets, the location, the rule and the summary on a terminal', () => {
    const color = { ...context, color: true };
    const file = (severity: Diagnostic['severity']): FileResult => ({
      file: 'a.md',
      messages: [problem({ line: 1, column: 1, severity, ruleId: 'x/y', message: 'm' })],
      lines: { 1: 'ab' },
    });
    const [errorOut, warningOut, infoOut] = (['error', 'warning', 'info'] as const).map((severity) =>
      formatStylish([file(severity)], color),
    );
    const body = (code: number, label: string) =>
      [
        `\u001b[1m\u001b[4ma.md\u001b[24m\u001b[22m:1:1  \u001b[${code}m${label}\u001b[39m  m  \u001b[2mx/y\u001b[22m`,
        `\u001b[1m>\u001b[22m \u001b[2m1 |\u001b[22m ab`,
        `  \u001b[2m  |\u001b[22m \u001b[${code}m^\u001b[39m`,
        '',
      ].join('\n');
    expect(errorOut).toBe(
      `${body(31, 'error  ')}\n\u001b[31m\u001b[1m✖ 1 problem (1 error, 0 warnings) in 1 of 1 file\u001b[22m\u001b[39m\n`,
    );
    expect(warningOut).toBe(
      `${body(33, 'warning')}\n\u001b[33m\u001b[1m✖ 1 problem (0 errors, 1 warning) in 1 of 1 file\u001b[22m\u001b[39m\n`,
    );
    expect(infoOut).toBe(`${body(34, 'info   ')}\n\u001b[34m\u001b[1mℹ 1 note in 1 of 1 file\u001b[22m\u001b[39m\n`);
    expect(formatStylish([{ file: 'a.md', messages: [] }], color)).toBe(
      '\u001b[32m✔ 1 file checked, no problems\u001b[39m\n',
    );
  });
});

describe('github', () => {
  it('escapes every percent sign, line break and separator, not just the first', () => {
    const results: FileResult[] = [
      {
        file: 'a,b,c:d:e%f%.md',
        messages: [
          problem({
            line: 2,
            column: 3,
            endLine: 4,
            endColumn: 5,
            ruleId: 'x:y,z',
            message: '10% and 20%\nthen\r\nend',
            hint: 'one\ntwo',
          }),
        ],
      },
    ];
    expect(formatGithub(results, context)).toBe(
      '::error file=a%2Cb%2Cc%3Ad%3Ae%25f%25.md,line=2,col=3,endLine=4,endColumn=5,title=x%3Ay%2Cz::' +
        '10%25 and 20%25%0Athen%0D%0Aend%0Aone%0Atwo\n',
    );
  });

  it('keeps colons and commas in the message, where they are safe', () => {
    const results: FileResult[] = [{ file: 'a.md', messages: [problem({ line: 1, column: 1, message: 'a: b, c' })] }];
    expect(formatGithub(results, context)).toBe(
      '::error file=a.md,line=1,col=1,endLine=1,endColumn=2,title=schema/type::a: b, c\n',
    );
  });
});

describe('json', () => {
  it('leaves out an empty hint, and gives an empty list for no files', () => {
    const results: FileResult[] = [{ file: 'a.md', messages: [problem({ line: 1, column: 1, hint: '' })] }];
    expect(JSON.parse(formatJson(results, context))).toEqual([
      {
        file: 'a.md',
        messages: [
          {
            ruleId: 'schema/type',
            severity: 'error',
            message: 'Something is wrong',
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 2,
          },
        ],
      },
    ]);
    expect(formatJson([], context)).toBe('[]\n');
  });
});

describe('junit', () => {
  it('says "1 problem" for one, escapes attributes and text differently, and escapes the tool name', () => {
    const results: FileResult[] = [
      {
        file: 'tab\there\nnew "line" & <more>.md',
        messages: [
          problem({
            line: 2,
            column: 1,
            ruleId: 'a&b',
            message: 'Don\'t <do> "this" & that\r\nnext\tline',
            hint: 'Fix\tit',
          }),
        ],
      },
      { file: 'fine.md', messages: [] },
      { file: 'also fine.md', messages: [] },
    ];
    expect(formatJunit(results, { ...context, toolName: 'c&q' })).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="c&amp;q" tests="3" failures="1" errors="0">
  <testsuite name="c&amp;q validate" tests="3" failures="1" errors="0" skipped="0">
    <testcase classname="c&amp;q.validate" name="tab&#9;here&#10;new &quot;line&quot; &amp; &lt;more&gt;.md">
      <failure message="1 problem" type="a&amp;b">2:1 error Don&apos;t &lt;do&gt; &quot;this&quot; &amp; that&#13;
next\tline [a&amp;b]
  Fix\tit</failure>
    </testcase>
    <testcase classname="c&amp;q.validate" name="fine.md"/>
    <testcase classname="c&amp;q.validate" name="also fine.md"/>
  </testsuite>
</testsuites>
`,
    );
  });

  it('names the first error in the failure, after warnings and infos before it, and counts every problem', () => {
    const results: FileResult[] = [
      {
        file: 'a.md',
        messages: [
          problem({ line: 1, column: 1, severity: 'info', ruleId: 'first/info', message: 'i' }),
          problem({ line: 2, column: 1, severity: 'warning', ruleId: 'then/warning', message: 'w' }),
          problem({ line: 3, column: 1, severity: 'error', ruleId: 'the/error', message: 'e' }),
          problem({ line: 4, column: 1, severity: 'error', ruleId: 'second/error', message: 'f' }),
        ],
      },
      {
        file: 'b.md',
        messages: [problem({ line: 5, column: 6, severity: 'info', ruleId: 'only/info', message: 'n' })],
      },
    ];
    const lines = formatJunit(results, context).split('\n');
    expect(lines[1]).toBe('<testsuites name="communique" tests="2" failures="1" errors="0">');
    expect(lines.slice(3, 9)).toEqual([
      '    <testcase classname="communique.validate" name="a.md">',
      '      <failure message="4 problems" type="the/error">1:1 info i [first/info]',
      '2:1 warning w [then/warning]',
      '3:1 error e [the/error]',
      '4:1 error f [second/error]</failure>',
      '    </testcase>',
    ]);
    expect(lines.slice(9, 12)).toEqual([
      '    <testcase classname="communique.validate" name="b.md">',
      '      <system-out>5:6 info n [only/info]</system-out>',
      '    </testcase>',
    ]);
  });

  it('writes an empty suite when there are no files', () => {
    expect(formatJunit([], context)).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="communique" tests="0" failures="0" errors="0">
  <testsuite name="communique validate" tests="0" failures="0" errors="0" skipped="0">
  </testsuite>
</testsuites>
`,
    );
  });
});

describe('sarif', () => {
  interface Log {
    $schema: string;
    version: string;
    runs: {
      tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, unknown>[] } };
      columnKind: string;
      originalUriBaseIds: Record<string, { uri: string }>;
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        message: { text: string };
        locations: {
          physicalLocation: {
            artifactLocation: { uri: string; uriBaseId?: string };
            region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
          };
        }[];
      }[];
    }[];
  }
  const sarif = (results: FileResult[], cwd = context.cwd) =>
    JSON.parse(formatSarif(results, { ...context, cwd })) as Log;
  const meta = (id: string) => rules.find((rule) => rule.id === id) as RuleMeta;

  it('describes the tool and each rule with an identifier-like name, its title, advice, docs and level', () => {
    const text = formatSarif([], context);
    expect(text.startsWith('{\n  "$schema": ')).toBe(true);
    expect(text.endsWith('\n}\n')).toBe(true);
    const log = JSON.parse(text) as Log;
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.results).toEqual([]);
    expect(run.tool.driver.name).toBe('communique');
    expect(run.tool.driver.version).toBe('2.3.4');
    expect(run.tool.driver.informationUri).toBe('https://docs.example.net/rules');
    const byId = new Map(run.tool.driver.rules.map((rule) => [rule.id, rule]));
    expect(byId.get('schema/unknown-field')).toEqual({
      id: 'schema/unknown-field',
      name: 'SchemaUnknownField',
      shortDescription: { text: meta('schema/unknown-field').title },
      help: { text: meta('schema/unknown-field').hint },
      helpUri: 'https://docs.example.net/rules#rule-schema-unknown-field',
      defaultConfiguration: { level: 'error' },
    });
    expect(byId.get('body/date-mismatch')).toMatchObject({
      name: 'BodyDateMismatch',
      defaultConfiguration: { level: 'warning' },
    });
    expect(byId.get('usage/cancelled')).toMatchObject({
      name: 'UsageCancelled',
      defaultConfiguration: { level: 'note' },
    });
  });

  it('gives a rule missing from the catalogue one bare descriptor, however often it is reported', () => {
    const results: FileResult[] = [
      {
        file: 'a.md',
        messages: [
          problem({ line: 1, column: 1, ruleId: 'plug-in/odd_rule2', severity: 'warning', message: 'one' }),
          problem({ line: 2, column: 1, ruleId: 'schema/type', message: 'two' }),
          problem({ line: 3, column: 1, ruleId: 'plug-in/odd_rule2', severity: 'info', message: 'three' }),
        ],
      },
    ];
    const run = sarif(results).runs[0]!;
    expect(run.tool.driver.rules).toHaveLength(rules.length + 1);
    expect(run.tool.driver.rules.at(-1)).toEqual({ id: 'plug-in/odd_rule2', name: 'PlugInOddRule2' });
    expect(run.results.map((result) => [result.ruleId, result.ruleIndex, result.level, result.message.text])).toEqual([
      ['plug-in/odd_rule2', rules.length, 'warning', 'one'],
      ['schema/type', rules.findIndex((rule) => rule.id === 'schema/type'), 'error', 'two'],
      ['plug-in/odd_rule2', rules.length, 'note', 'three'],
    ]);
  });

  it('adds the hint to the message on a line of its own', () => {
    const results: FileResult[] = [
      { file: 'a.md', messages: [problem({ line: 1, column: 1, message: 'What', hint: 'Do this.' })] },
    ];
    expect(sarif(results).runs[0]!.results[0]!.message.text).toBe('What\nDo this.');
  });

  it('makes regions valid: at least line and column 1, never ending before they start', () => {
    const region = (span: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>) =>
      sarif([{ file: 'a.md', messages: [problem(span)] }]).runs[0]!.results[0]!.locations[0]!.physicalLocation.region;
    expect(region({ line: 0, column: 0, endLine: 0, endColumn: 0 })).toEqual({
      startLine: 1,
      startColumn: 1,
      endLine: 1,
      endColumn: 2,
    });
    expect(region({ line: 5, column: 9, endLine: 3, endColumn: 4 })).toEqual({
      startLine: 5,
      startColumn: 9,
      endLine: 5,
      endColumn: 10,
    });
    expect(region({ line: 5, column: 9, endLine: 6, endColumn: 0 })).toEqual({
      startLine: 5,
      startColumn: 9,
      endLine: 6,
      endColumn: 1,
    });
    expect(region({ line: 5, column: 9, endLine: 6, endColumn: 2 })).toEqual({
      startLine: 5,
      startColumn: 9,
      endLine: 6,
      endColumn: 2,
    });
    expect(region({ line: 5, column: 9, endLine: 5, endColumn: 12 })).toEqual({
      startLine: 5,
      startColumn: 9,
      endLine: 5,
      endColumn: 12,
    });
  });

  it('makes file paths into URIs: relative under the working directory, absolute file URIs outside it', () => {
    const uri = (file: string, cwd?: string) =>
      sarif([{ file, messages: [problem({ line: 1, column: 1 })] }], cwd).runs[0]!.results[0]!.locations[0]!
        .physicalLocation.artifactLocation;
    expect(uri('notes/a:b#c?d e.md')).toEqual({ uri: 'notes/a%3Ab%23c%3Fd%20e.md', uriBaseId: '%SRCROOT%' });
    expect(uri('notes\\windows\\style.md')).toEqual({ uri: 'notes/windows/style.md', uriBaseId: '%SRCROOT%' });
    expect(uri('../sibling/x.md')).toEqual({ uri: 'file:///home/sibling/x.md' });
    expect(uri('..')).toEqual({ uri: 'file:///home' });
    expect(uri('.')).toEqual({ uri: 'file:///home/harbour' });
    expect(uri('..data/x.md')).toEqual({ uri: '..data/x.md', uriBaseId: '%SRCROOT%' });
    expect(uri('/home/harbour/deep/y.md')).toEqual({ uri: 'deep/y.md', uriBaseId: '%SRCROOT%' });
  });

  it('replaces lone surrogates in file names instead of failing, and keeps well-formed pairs', () => {
    const uri = (file: string) =>
      sarif([{ file, messages: [problem({ line: 1, column: 1 })] }]).runs[0]!.results[0]!.locations[0]!.physicalLocation
        .artifactLocation.uri;
    expect(uri('a\uD800b.md')).toBe('a%EF%BF%BDb.md');
    expect(uri('a\uDC00b.md')).toBe('a%EF%BF%BDb.md');
    expect(uri('\uD83D\uDE00.md')).toBe('%F0%9F%98%80.md');
    expect(uri('/elsewhere/\uDC00.md')).toBe('file:///elsewhere/%EF%BF%BD.md');
  });

  it('ends the source root with exactly one slash', () => {
    expect(sarif([]).runs[0]!.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/harbour/' } });
    expect(sarif([], '/').runs[0]!.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///' } });
  });
});

describe('loading a formatter by name', () => {
  it('loads the formatter each name stands for', async () => {
    expect(formatterNames).toEqual(['stylish', 'json', 'github', 'sarif', 'junit']);
    expect(await loadFormatter('stylish')).toBe(formatStylish);
    expect(await loadFormatter('json')).toBe(formatJson);
    expect(await loadFormatter('github')).toBe(formatGithub);
    expect(await loadFormatter('sarif')).toBe(formatSarif);
    expect(await loadFormatter('junit')).toBe(formatJunit);
  });

  it('knows its own names only', () => {
    expect(formatterNames.every(isFormatterName)).toBe(true);
    expect(isFormatterName('Stylish')).toBe(false);
    expect(isFormatterName('constructor')).toBe(false);
  });

  it('names the formats it has when asked for another', async () => {
    await expect(loadFormatter('yaml')).rejects.toThrow(
      new Error('Unknown format "yaml". Use one of: stylish, json, github, sarif, junit.'),
    );
  });
});
