import { describe, expect, it } from 'vitest';
import type { Diagnostic, FileResult } from '../../src/diagnostics/diagnostic.js';
import { rules } from '../../src/diagnostics/rules.js';
import { loadFormatter } from '../../src/formatters/index.js';
import type { FormatContext } from '../../src/formatters/types.js';

/**
 * The formatters as `--format` gets them: loaded by name when a run asks for one (this file
 * imports none of them itself). What each does with the characters and severities it must
 * translate, and with long lines.
 */
const context: FormatContext = {
  cwd: '/srv/ferry',
  color: false,
  toolName: 'communique',
  toolVersion: '1.0.0',
  docsUrl: 'https://docs.example.net/rules',
  rules,
};

function problem(fields: Partial<Diagnostic>): Diagnostic {
  return { ruleId: 'x/y', severity: 'error', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, ...fields };
}

describe('formatters loaded by name', () => {
  it('junit escapes each XML special character, in attributes and in text', async () => {
    const junit = await loadFormatter('junit');
    const results: FileResult[] = [
      {
        file: `&<>"'\t\n\r.md`,
        messages: [problem({ message: `&<>"'\t\r` })],
      },
    ];
    expect(junit(results, context).split('\n').slice(3, 5)).toEqual([
      '    <testcase classname="communique.validate" name="&amp;&lt;&gt;&quot;&apos;&#9;&#10;&#13;.md">',
      '      <failure message="1 problem" type="x/y">1:1 error &amp;&lt;&gt;&quot;&apos;\t&#13; [x/y]</failure>',
    ]);
  });

  it('github writes infos as notices', async () => {
    const github = await loadFormatter('github');
    expect(github([{ file: 'a.md', messages: [problem({ severity: 'info' })] }], context)).toBe(
      '::notice file=a.md,line=1,col=1,endLine=1,endColumn=2,title=x/y::m\n',
    );
  });

  it('sarif gives each severity its level', async () => {
    const sarif = await loadFormatter('sarif');
    const results: FileResult[] = [
      {
        file: 'a.md',
        messages: [problem({ severity: 'error' }), problem({ severity: 'warning' }), problem({ severity: 'info' })],
      },
    ];
    const log = JSON.parse(sarif(results, context)) as { runs: { results: { level: string }[] }[] };
    expect(log.runs[0]!.results.map((result) => result.level)).toEqual(['error', 'warning', 'note']);
  });

  it('stylish shows lines up to 160 characters whole, and a window of 158 around the problem in longer ones', async () => {
    const stylish = await loadFormatter('stylish');
    const frame = (line: string, column: number) =>
      stylish([{ file: 'a.md', messages: [problem({ column, endColumn: column + 1 })], lines: { 1: line } }], context)
        .split('\n')
        .slice(1, 3);
    const whole = 'w'.repeat(160);
    expect(frame(whole, 100)).toEqual([`> 1 | ${whole}`, `    | ${' '.repeat(99)}^`]);
    const long = 'a'.repeat(100) + 'b'.repeat(100) + 'c'.repeat(100);
    // 40 characters are kept before the problem, 158 shown in all.
    expect(frame(long, 151)).toEqual([`> 1 | …${'b'.repeat(90)}${'c'.repeat(68)}…`, `    | ${' '.repeat(41)}^`]);
  });
});
