import { describe, expect, it } from 'vitest';
import type { FileResult } from '../src/diagnostics/diagnostic.js';
import { rules } from '../src/diagnostics/rules.js';
import { formatGithub } from '../src/formatters/github.js';
import { formatterNames, loadFormatter } from '../src/formatters/index.js';
import { formatJson } from '../src/formatters/json.js';
import { formatJunit } from '../src/formatters/junit.js';
import { formatSarif } from '../src/formatters/sarif.js';
import { formatStylish } from '../src/formatters/stylish.js';
import type { FormatContext } from '../src/formatters/types.js';

const context: FormatContext = {
  cwd: '/work/repo',
  color: false,
  toolName: 'communique',
  toolVersion: '0.1.0',
  docsUrl: 'https://example.org/communique/rules',
  rules,
};

// The message quotes a value with every character some format has to escape.
const nasty = 'Value "50%: a, b\n<x> & \u0000" is not allowed';

const results: FileResult[] = [
  {
    file: 'minutes/2024-03 #3, v2.md',
    messages: [
      {
        ruleId: 'schema/enum',
        severity: 'error',
        message: nasty,
        hint: 'Use one of: draft, review.',
        line: 3,
        column: 9,
        endLine: 3,
        endColumn: 14,
      },
      {
        ruleId: 'body/date-mismatch',
        severity: 'warning',
        message: 'The body gives 17 November',
        line: 6,
        column: 3,
        endLine: 7,
        endColumn: 4,
      },
    ],
    lines: { 2: 'title: Meeting', 3: 'status: final', 4: '---', 5: '', 6: '\tOn 17 November', 7: 'the group met' },
  },
  { file: 'minutes/clean.md', messages: [] },
];

const ansi = /\u001b\[/;

describe('json', () => {
  it('prints every file with the message fields in a fixed order, the hint where there is one', () => {
    expect(formatJson(results, context)).toBe(
      `[
  {
    "file": "minutes/2024-03 #3, v2.md",
    "messages": [
      {
        "ruleId": "schema/enum",
        "severity": "error",
        "message": "Value \\"50%: a, b\\n<x> & \\u0000\\" is not allowed",
        "hint": "Use one of: draft, review.",
        "line": 3,
        "column": 9,
        "endLine": 3,
        "endColumn": 14
      },
      {
        "ruleId": "body/date-mismatch",
        "severity": "warning",
        "message": "The body gives 17 November",
        "line": 6,
        "column": 3,
        "endLine": 7,
        "endColumn": 4
      }
    ]
  },
  {
    "file": "minutes/clean.md",
    "messages": []
  }
]
`,
    );
  });
});

describe('github', () => {
  it('prints one escaped workflow command per message, with the hint on its own line', () => {
    expect(formatGithub(results, context)).toBe(
      '::error file=minutes/2024-03 #3%2C v2.md,line=3,col=9,endLine=3,endColumn=14,title=schema/enum::' +
        'Value "50%25: a, b%0A<x> & \uFFFD" is not allowed%0AUse one of: draft, review.\n' +
        '::warning file=minutes/2024-03 #3%2C v2.md,line=6,col=3,endLine=7,endColumn=4,title=body/date-mismatch::' +
        'The body gives 17 November\n',
    );
  });

  it('maps info to notice and escapes property values', () => {
    const info: FileResult[] = [
      {
        file: 'a:b%.md',
        messages: [{ ruleId: 'x/y', severity: 'info', message: 'm\r\n', line: 1, column: 1, endLine: 1, endColumn: 2 }],
      },
    ];
    expect(formatGithub(info, context)).toBe(
      '::notice file=a%3Ab%25.md,line=1,col=1,endLine=1,endColumn=2,title=x/y::m%0D%0A\n',
    );
  });

  it('prints nothing when there are no problems', () => {
    expect(formatGithub([{ file: 'a.md', messages: [] }], context)).toBe('');
  });
});

describe('junit', () => {
  it('fails files with errors and escapes the XML', () => {
    expect(formatJunit(results, context)).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="communique" tests="2" failures="1" errors="0">
  <testsuite name="communique validate" tests="2" failures="1" errors="0" skipped="0">
    <testcase classname="communique.validate" name="minutes/2024-03 #3, v2.md">
      <failure message="2 problems" type="schema/enum">3:9 error Value &quot;50%: a, b
&lt;x&gt; &amp; &quot; is not allowed [schema/enum]
  Use one of: draft, review.
6:3 warning The body gives 17 November [body/date-mismatch]</failure>
    </testcase>
    <testcase classname="communique.validate" name="minutes/clean.md"/>
  </testsuite>
</testsuites>
`,
    );
  });

  it('passes files with only warnings but keeps them in system-out', () => {
    const warned: FileResult[] = [
      {
        file: "it's.md",
        messages: [
          {
            ruleId: 'x/y',
            severity: 'warning',
            message: 'a\u000B\uD800b',
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 2,
          },
        ],
      },
    ];
    expect(formatJunit(warned, context)).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="communique" tests="1" failures="0" errors="0">
  <testsuite name="communique validate" tests="1" failures="0" errors="0" skipped="0">
    <testcase classname="communique.validate" name="it&apos;s.md">
      <system-out>1:1 warning ab [x/y]</system-out>
    </testcase>
  </testsuite>
</testsuites>
`,
    );
  });
});

describe('stylish', () => {
  it('prints each problem with its location, a code frame and the hint', () => {
    expect(formatStylish(results, context)).toBe(
      [
        'minutes/2024-03 #3, v2.md:3:9  error    Value "50%: a, b',
        '    <x> & \uFFFD" is not allowed  schema/enum',
        '  2 | title: Meeting',
        '> 3 | status: final',
        '    |         ^^^^^',
        '  hint: Use one of: draft, review.',
        '',
        'minutes/2024-03 #3, v2.md:6:3  warning  The body gives 17 November  body/date-mismatch',
        '  5 |',
        '> 6 |  On 17 November',
        '    |   ^^^^^^^^^^^^^',
        '',
        '✖ 2 problems (1 error, 1 warning) in 1 of 2 files',
        '',
      ].join('\n'),
    );
  });

  it('uses singulars, counts infos and aligns the gutter', () => {
    const one: FileResult[] = [
      {
        file: 'a.md',
        messages: [{ ruleId: 'x/y', severity: 'info', message: 'm', line: 10, column: 4, endLine: 10, endColumn: 4 }],
        lines: { 9: 'abc', 10: 'abc' },
      },
    ];
    expect(formatStylish(one, context)).toBe(
      ['a.md:10:4  info     m  x/y', '   9 | abc', '> 10 | abc', '     |    ^', '', 'ℹ 1 note in 1 of 1 file', ''].join(
        '\n',
      ),
    );
  });

  it('cuts long lines to a window that keeps the carets under the problem', () => {
    const long = 'x'.repeat(200) + 'BAD' + 'y'.repeat(300);
    const cut: FileResult[] = [
      {
        file: 'a.md',
        messages: [
          { ruleId: 'x/y', severity: 'error', message: 'm', line: 1, column: 201, endLine: 1, endColumn: 204 },
        ],
        lines: { 1: long },
      },
    ];
    const [, source, carets] = formatStylish(cut, context).split('\n');
    expect(source).toBe(`> 1 | …${'x'.repeat(40)}BAD${'y'.repeat(115)}…`);
    expect(carets).toBe(`    | ${' '.repeat(41)}^^^`);
  });

  it('reports a clean run', () => {
    expect(formatStylish(results.slice(1), context)).toBe('✔ 1 file checked, no problems\n');
    expect(formatStylish([...results.slice(1), ...results.slice(1)], context)).toBe('✔ 2 files checked, no problems\n');
  });

  it('colours only when asked', () => {
    expect(formatStylish(results, { ...context, color: true })).toMatch(ansi);
    expect(formatStylish(results, context)).not.toMatch(ansi);
    expect(formatStylish(results.slice(1), context)).not.toMatch(ansi);
  });
});

describe('sarif', () => {
  type Log = {
    version: string;
    runs: Array<{
      tool: {
        driver: {
          name: string;
          version: string;
          rules: Array<{ id: string; helpUri?: string; defaultConfiguration?: { level: string } }>;
        };
      };
      originalUriBaseIds: Record<string, { uri: string }>;
      results: Array<{
        ruleId: string;
        ruleIndex: number;
        level: string;
        message: { text: string };
        locations: Array<{
          physicalLocation: {
            artifactLocation: { uri: string; uriBaseId?: string };
            region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
          };
        }>;
      }>;
    }>;
  };
  const extra: FileResult = {
    file: '/elsewhere/x?.md',
    messages: [
      { ruleId: 'custom/thing', severity: 'info', message: 'note', line: 2, column: 5, endLine: 2, endColumn: 5 },
    ],
  };
  const log = JSON.parse(formatSarif([...results, extra], context)) as Log;
  const run = log.runs[0]!;

  it('describes every catalogue rule, plus any rule missing from it', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'communique', version: '0.1.0' });
    expect(run.tool.driver.rules).toHaveLength(rules.length + 1);
    expect(run.tool.driver.rules.at(-1)?.id).toBe('custom/thing');
    expect(run.tool.driver.rules[0]).toMatchObject({
      id: 'document/unreadable',
      helpUri: 'https://example.org/communique/rules#rule-document-unreadable',
      defaultConfiguration: { level: 'error' },
    });
    expect(run.originalUriBaseIds['%SRCROOT%']?.uri).toBe('file:///work/repo/');
  });

  it('points results at their rule, level and location', () => {
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['schema/enum', 'error'],
      ['body/date-mismatch', 'warning'],
      ['custom/thing', 'note'],
    ]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
    expect(run.results[0]?.message.text).toBe(nasty + '\nUse one of: draft, review.');

    const [first, second, third] = run.results.map((r) => r.locations[0]!.physicalLocation);
    expect(first?.artifactLocation).toEqual({ uri: 'minutes/2024-03%20%233,%20v2.md', uriBaseId: '%SRCROOT%' });
    expect(first?.region).toEqual({ startLine: 3, startColumn: 9, endLine: 3, endColumn: 14 });
    expect(second?.region).toEqual({ startLine: 6, startColumn: 3, endLine: 7, endColumn: 4 });
    // Outside the working directory there is no base to be relative to.
    expect(third?.artifactLocation).toEqual({ uri: 'file:///elsewhere/x%3F.md' });
    // An empty span would be an invalid region.
    expect(third?.region).toEqual({ startLine: 2, startColumn: 5, endLine: 2, endColumn: 6 });
  });

  it('makes absolute paths inside the working directory relative', () => {
    const inside = JSON.parse(formatSarif([{ ...extra, file: '/work/repo/a/b.md' }], context)) as Log;
    expect(inside.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation).toEqual({
      uri: 'a/b.md',
      uriBaseId: '%SRCROOT%',
    });
  });
});

describe('loadFormatter', () => {
  it('loads each formatter by name', async () => {
    expect(await loadFormatter('json')).toBe(formatJson);
    for (const name of formatterNames) expect(typeof (await loadFormatter(name))).toBe('function');
  });

  it('rejects an unknown name', async () => {
    await expect(loadFormatter('xml')).rejects.toThrow(/Unknown format "xml"/);
    await expect(loadFormatter('toString')).rejects.toThrow(/Unknown format/);
  });
});
