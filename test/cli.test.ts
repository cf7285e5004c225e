import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALID_DRAFT, WITH_ERROR, WITH_WARNING } from './support/documents.js';
import { project, runCli } from './support/io.js';

const repo = resolve(import.meta.dirname, '..');

const ERROR_REPORT = `error.md:11:10  error    The chair \`michelle-andrew\` is not among the attendees  meeting/chair-unknown
  10 |   place: Perth
> 11 |   chair: michelle-andrew
     |          ^^^^^^^^^^^^^^^
  hint: Use the id of an attendee (\`michelle-andrews\`), or add \`michelle-andrew\` to \`attendees\`.
`;

const WARNING_REPORT = `warn.md:28:16  warning  The body says "met virtually", but \`meeting.mode\` is \`in-person\`  body/mode-mismatch
  27 |
> 28 | The Roundtable met virtually for part of the day.
     |                ^^^^^^^^^^^^^
  hint: Correct the body or \`meeting.mode\`.
`;

describe('communique validate', () => {
  it('passes the bundled examples with exit code 0', async () => {
    const result = await runCli(['validate', 'examples'], repo);
    expect(result).toEqual({ code: 0, stdout: '✔ 3 files checked, no problems\n', stderr: '' });
  });

  it('reports every problem at file:line:col with a code frame and hint, keeps going, and exits 1', async () => {
    const cwd = project({ 'valid.md': VALID_DRAFT, 'error.md': WITH_ERROR, 'warn.md': WITH_WARNING });
    const result = await runCli(['validate', 'valid.md', 'error.md', 'warn.md'], cwd);
    expect(result.stdout).toBe(
      `${ERROR_REPORT}\n${WARNING_REPORT}\n✖ 2 problems (1 error, 1 warning) in 2 of 3 files\n`,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
  });

  it('exits 0 with warnings only, and 1 when they exceed --max-warnings', async () => {
    const cwd = project({ 'warn.md': WITH_WARNING });
    expect((await runCli(['validate', 'warn.md'], cwd)).code).toBe(0);
    expect((await runCli(['validate', 'warn.md', '--max-warnings', '1'], cwd)).code).toBe(0);
    const strict = await runCli(['validate', 'warn.md', '--max-warnings', '0'], cwd);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(
      'communique: 1 warning found; --max-warnings allows 0\n  hint: Fix the warnings, or raise --max-warnings.\n',
    );
  });

  it('reports errors only with --quiet', async () => {
    const cwd = project({ 'error.md': WITH_ERROR, 'warn.md': WITH_WARNING });
    const result = await runCli(['validate', 'error.md', 'warn.md', '--quiet'], cwd);
    expect(result.stdout).toBe(`${ERROR_REPORT}\n✖ 1 problem (1 error, 0 warnings) in 1 of 2 files\n`);
    expect(result.code).toBe(1);
  });

  it('writes the json format as the model serialised, with paths as given', async () => {
    const cwd = project({ 'notes/error.md': WITH_ERROR, 'notes/valid.md': VALID_DRAFT });
    const result = await runCli(['validate', './notes', '--format', 'json'], cwd);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        file: './notes/error.md',
        messages: [
          {
            ruleId: 'meeting/chair-unknown',
            severity: 'error',
            message: 'The chair `michelle-andrew` is not among the attendees',
            hint: 'Use the id of an attendee (`michelle-andrews`), or add `michelle-andrew` to `attendees`.',
            line: 11,
            column: 10,
            endLine: 11,
            endColumn: 25,
          },
        ],
      },
      { file: './notes/valid.md', messages: [] },
    ]);
    expect(result.code).toBe(1);
  });

  it('takes several formats at once, each to stdout or a file', async () => {
    const cwd = project({ 'error.md': WITH_ERROR });
    const result = await runCli(
      ['validate', 'error.md', '-f', 'github', '-f', 'sarif=reports/out.sarif', '--format', 'junit=reports/junit.xml'],
      cwd,
    );
    expect(result.stdout).toBe(
      '::error file=error.md,line=11,col=10,endLine=11,endColumn=25,title=meeting/chair-unknown::' +
        'The chair `michelle-andrew` is not among the attendees%0AUse the id of an attendee (`michelle-andrews`), or add `michelle-andrew` to `attendees`.\n',
    );
    const sarif = JSON.parse(readFileSync(join(cwd, 'reports/out.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(1);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'error.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 11, startColumn: 10, endLine: 11, endColumn: 25 },
    });
    const junit = readFileSync(join(cwd, 'reports/junit.xml'), 'utf8');
    expect(junit).toContain('<testcase classname="communique.validate" name="error.md">');
    expect(junit).toContain('11:10 error The chair `michelle-andrew` is not among the attendees');
    expect(result.code).toBe(1);
  });

  it('checks folders and globs', async () => {
    const cwd = project({
      'a/one.md': VALID_DRAFT,
      'a/b/two.md': VALID_DRAFT.replace('date: 2021-05-05', 'date: 2021-06-02'),
      'a/notes.txt': 'not markdown',
      'a/node_modules/x.md': 'ignored',
    });
    expect((await runCli(['validate', 'a'], cwd)).stdout).toBe('✔ 2 files checked, no problems\n');
    const glob = await runCli(['validate', 'a/**/t*.md', '-f', 'json'], cwd);
    expect(JSON.parse(glob.stdout).map((entry: { file: string }) => entry.file)).toEqual(['a/b/two.md']);
  });

  const atStart = (ruleId: string, message: string) => ({
    ruleId,
    severity: 'error',
    message,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
  });

  it('keeps going past files that cannot be checked', async () => {
    const cwd = project({
      'empty.md': '',
      'binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
      'valid.md': VALID_DRAFT,
    });
    const result = await runCli(['validate', 'empty.md', 'binary.md', 'valid.md', '-f', 'json'], cwd);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        file: 'empty.md',
        messages: [
          {
            ...atStart('document/empty', 'The file is empty'),
            hint: expect.stringContaining('Start the file with a front matter block'),
          },
        ],
      },
      {
        file: 'binary.md',
        messages: [
          {
            ...atStart('document/binary', 'The file contains binary data, not text'),
            hint: expect.stringContaining('UTF-8 Markdown'),
          },
        ],
      },
      { file: 'valid.md', messages: [] },
    ]);
    expect(result.code).toBe(1);
  });

  it('checks a document at a later stage with --stage', async () => {
    const cwd = project({ 'draft.md': VALID_DRAFT });
    const result = await runCli(['validate', 'draft.md', '--stage', 'approved', '-f', 'json'], cwd);
    expect(JSON.parse(result.stdout)[0].messages).toEqual([
      {
        ruleId: 'lifecycle/approval-missing',
        severity: 'error',
        message: 'The communiqué is checked at the `approved` stage but does not record who approved it',
        hint: 'Add `approval:` with `by:` and `date:`, or set `status:` back to `review`.',
        line: 4,
        column: 9,
        endLine: 4,
        endColumn: 14,
      },
    ]);
    expect(result.code).toBe(1);
  });

  describe('exit code 2 for usage errors', () => {
    const cases: [string[], string][] = [
      [['validate', 'missing.md'], 'communique: no such file or folder: missing.md\n'],
      [['validate', 'nothing/*.md'], 'communique: no files match nothing/*.md\n'],
      [
        ['validate', 'x.md', '-f', 'xml'],
        'communique: unknown format `xml`; use one of stylish, json, github, sarif, junit\n',
      ],
      [['validate', 'x.md', '-f', 'json='], 'communique: give a file name after `json=`\n'],
      [
        ['validate', '--stage', 'final', 'x.md'],
        "communique: option '--stage <stage>' argument 'final' is invalid. Allowed choices are draft, review, approved, published.\n",
      ],
      [
        ['validate', '--max-warnings', 'many', 'x.md'],
        "communique: option '--max-warnings <n>' argument 'many' is invalid. give a whole number of warnings, 0 or more\n",
      ],
      [
        ['validate'],
        'communique: give the files or folders to check, or list them under `files` in communique.config.json\n',
      ],
      [['validate', '--frobnicate'], "communique: unknown option '--frobnicate'\n"],
      [['frobnicate'], "communique: unknown command 'frobnicate'\n"],
    ];
    for (const [argv, stderr] of cases) {
      it(`communique ${argv.join(' ')}`, async () => {
        const result = await runCli(argv, project({}));
        expect(result.stderr).toBe(stderr);
        expect(result.stdout).toBe('');
        expect(result.code).toBe(2);
      });
    }

    it('shows help on stderr and exits 2 when no command is given', async () => {
      const result = await runCli([], project({}));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Usage: communique [options] [command]');
      expect(result.stdout).toBe('');
    });
  });

  it('exits 0 for --help and --version', async () => {
    const help = await runCli(['--help'], repo);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('validate [options] [paths...]');
    const version = await runCli(['--version'], repo);
    expect(version).toEqual({
      code: 0,
      stdout: `${JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version}\n`,
      stderr: '',
    });
  });
});

describe('configuration', () => {
  it('is discovered upward from the working directory and sets files, rules, stage and organisations', async () => {
    const cwd = project({
      'communique.config.json': JSON.stringify({
        files: ['communiques'],
        rules: { 'body/mode-mismatch': 'off' },
        organisations: ['Department of Social Services'],
      }),
      'communiques/2025-05-14-hspr.md': WITH_WARNING.replace(
        'owner: Department of Communities',
        'owner: Department of Social Services',
      ),
      'communiques/sub/.keep': '',
    });
    const result = await runCli(['validate'], join(cwd, 'communiques/sub'));
    expect(result).toEqual({ code: 0, stdout: '✔ 1 file checked, no problems\n', stderr: '' });
    // The configured stage applies too.
    writeFileSync(
      join(cwd, 'communique.config.json'),
      JSON.stringify({ files: ['communiques'], stage: 'approved', organisations: ['Department of Social Services'] }),
    );
    const staged = await runCli(['validate', '-f', 'json'], cwd);
    expect(JSON.parse(staged.stdout)[0].messages.map((message: { ruleId: string }) => message.ruleId)).toEqual([
      'lifecycle/approval-missing',
      'body/mode-mismatch',
    ]);
  });

  it('is ignored with --no-config and chosen with --config', async () => {
    const cwd = project({
      'communique.config.json': JSON.stringify({ rules: { 'meeting/chair-unknown': 'off' } }),
      'other.json': JSON.stringify({ rules: { 'meeting/chair-unknown': 'warning' } }),
      'error.md': WITH_ERROR,
    });
    expect((await runCli(['validate', 'error.md'], cwd)).code).toBe(0);
    expect((await runCli(['validate', 'error.md', '--no-config'], cwd)).code).toBe(1);
    const chosen = await runCli(['validate', 'error.md', '--config', 'other.json', '-f', 'json'], cwd);
    expect(JSON.parse(chosen.stdout)[0].messages[0].severity).toBe('warning');
    expect(chosen.code).toBe(0);
  });

  it('applies ignore patterns to folders but not to files named outright', async () => {
    const cwd = project({
      'communique.config.json': JSON.stringify({ ignore: ['communiques/archive/**'] }),
      'communiques/new.md': VALID_DRAFT,
      'communiques/archive/old.md': WITH_ERROR,
    });
    expect((await runCli(['validate', 'communiques'], cwd)).stdout).toBe('✔ 1 file checked, no problems\n');
    expect((await runCli(['validate', 'communiques/archive/old.md'], cwd)).code).toBe(1);
  });

  it('is itself checked, with positions, and a broken one exits 2', async () => {
    const cwd = project({
      'communique.config.json':
        '{\n  "stage": "final",\n  "rules": { "action/owner-unkown": "off" },\n  "extra": true\n}\n',
      'valid.md': VALID_DRAFT,
    });
    const result = await runCli(['validate', 'valid.md'], cwd);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `communique: the configuration file communique.config.json is not valid
communique.config.json:2:12  error    \`stage\` is \`final\`, which is not one of: draft, review, approved, published  config/invalid
  1 | {
> 2 |   "stage": "final",
    |            ^^^^^^^
  hint: The lifecycle stage to enforce: every document is checked as if it were at least at this stage. \`approved\` makes placeholders and missing approvals errors.

communique.config.json:3:14  error    \`action/owner-unkown\` is not a communique rule  config/invalid
  2 |   "stage": "final",
> 3 |   "rules": { "action/owner-unkown": "off" },
    |              ^^^^^^^^^^^^^^^^^^^^^
  hint: Did you mean \`action/owner-unknown\`?

communique.config.json:4:3  error    \`extra\` is not a field of the configuration  config/invalid
  3 |   "rules": { "action/owner-unkown": "off" },
> 4 |   "extra": true
    |   ^^^^^^^
  hint: The fields allowed here are: \`files\`, \`ignore\`, \`stage\`, \`rules\`, \`organisations\`, \`verbs\`, \`templates\`, \`export\`, \`groups\`, \`new\`, \`labels\`.

✖ 3 problems (3 errors, 0 warnings) in 1 of 1 file
`,
    );
  });

  it('names a missing --config file and exits 2', async () => {
    const cwd = project({ 'valid.md': VALID_DRAFT });
    const result = await runCli(['validate', 'valid.md', '--config', 'nope.json'], cwd);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'communique: cannot read the configuration file nope.json: it does not exist\n  hint: Check the path given to --config, or run without it to look for communique.config.json.\n',
    });
  });
});
