import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../src/diagnostics/diagnostic.js';
import { rules } from '../src/diagnostics/rules.js';
import { formatGithub } from '../src/formatters/github.js';
import { formatJson } from '../src/formatters/json.js';
import { formatJunit } from '../src/formatters/junit.js';
import { formatSarif } from '../src/formatters/sarif.js';
import { formatStylish } from '../src/formatters/stylish.js';
import type { FormatContext, Formatter } from '../src/formatters/types.js';

/**
 * Every formatter against the characters its format must escape: file paths with spaces,
 * `#`, `?`, `%`, `,`, `:` and terminal escapes, relative and absolute, and a message and
 * hint quoting the user's text with `: ? # , %`, CR, LF, ESC, `& < > '` and a NUL.
 */
const CWD = '/work/forum';
const context: FormatContext = {
  cwd: CWD,
  color: false,
  toolName: 'communique',
  toolVersion: '0.1.0',
  docsUrl: 'https://example.org/communique/rules',
  rules,
};

const MESSAGE = "Owner `a: b? #c, 100%`\r\nsecond line \u001b[31mred\u001b[0m & <b>bold</b> 'quoted'\u0000end";
const HINT = 'Try 50%: this, or\nthat? #2 & <i>';
// The source line quotes the file, escapes and all.
const LINES = { 2: 'title: Harbour Forum', 3: 'own\u001b[2Jer: \r x' };

interface PathCase {
  label: string;
  file: string;
  /** The `file=` property of a GitHub workflow command. */
  github: string;
  /** The SARIF artifact location. */
  sarif: { uri: string; uriBaseId?: string };
  /** The JUnit test case's name attribute. */
  junit: string;
  /** The location as the terminal shows it. */
  stylish: string;
}

const PATHS: PathCase[] = [
  {
    label: 'a relative path with a space, #, ?, %, a comma and a colon',
    file: 'board papers/#7? 100%, v2: final.md',
    github: 'board papers/#7? 100%25%2C v2%3A final.md',
    sarif: { uri: 'board%20papers/%237%3F%20100%25,%20v2%3A%20final.md', uriBaseId: '%SRCROOT%' },
    junit: 'board papers/#7? 100%, v2: final.md',
    stylish: 'board papers/#7? 100%, v2: final.md',
  },
  {
    label: 'a relative path whose first segment would read as a URI scheme',
    file: 'minutes:2022.md',
    github: 'minutes%3A2022.md',
    sarif: { uri: 'minutes%3A2022.md', uriBaseId: '%SRCROOT%' },
    junit: 'minutes:2022.md',
    stylish: 'minutes:2022.md',
  },
  {
    label: 'an absolute path inside the working folder',
    file: '/work/forum/sub dir/a#b?.md',
    github: '/work/forum/sub dir/a#b?.md',
    sarif: { uri: 'sub%20dir/a%23b%3F.md', uriBaseId: '%SRCROOT%' },
    junit: '/work/forum/sub dir/a#b?.md',
    stylish: '/work/forum/sub dir/a#b?.md',
  },
  {
    label: 'an absolute path outside the working folder',
    file: '/srv/forum records/#7?, 100%: final.md',
    github: '/srv/forum records/#7?%2C 100%25%3A final.md',
    sarif: { uri: 'file:///srv/forum%20records/%237%3F,%20100%25:%20final.md' },
    junit: '/srv/forum records/#7?, 100%: final.md',
    stylish: '/srv/forum records/#7?, 100%: final.md',
  },
  {
    label: 'a relative path holding terminal escapes and a CR',
    file: "minutes/odd\u001b]0;pwned\u0007\r it's.md",
    github: "minutes/odd\uFFFD]0;pwned\uFFFD%0D it's.md",
    sarif: { uri: "minutes/odd%1B%5D0;pwned%07%0D%20it's.md", uriBaseId: '%SRCROOT%' },
    junit: 'minutes/odd]0;pwned&#13; it&apos;s.md',
    stylish: "minutes/odd\uFFFD]0;pwned\uFFFD\uFFFD it's.md",
  },
];

const resultFor = (file: string): FileResult[] => [
  {
    file,
    messages: [
      {
        ruleId: 'action/owner-unknown',
        severity: 'error',
        message: MESSAGE,
        hint: HINT,
        line: 3,
        column: 5,
        endLine: 3,
        endColumn: 9,
      },
    ],
    lines: LINES,
  },
];

/** What each format must print for one path: the exact text, or the text parsed back. */
const FORMATS: { name: string; format: Formatter; color?: boolean; check: (output: string, path: PathCase) => void }[] =
  [
    {
      name: 'stylish, colour off',
      format: formatStylish,
      check: (output, path) => {
        expect(output).toBe(
          `${path.stylish}:3:5  error    Owner \`a: b? #c, 100%\`\n` +
            "    second line \uFFFD[31mred\uFFFD[0m & <b>bold</b> 'quoted'\uFFFDend  action/owner-unknown\n" +
            '  2 | title: Harbour Forum\n' +
            '> 3 | own\uFFFD[2Jer: \uFFFD x\n' +
            '    |     ^^^^\n' +
            '  hint: Try 50%: this, or\n' +
            '        that? #2 & <i>\n' +
            '\n' +
            '✖ 1 problem (1 error, 0 warnings) in 1 of 1 file\n',
        );
      },
    },
    {
      name: 'stylish, colour on',
      format: formatStylish,
      color: true,
      check: (output, path) => {
        // Its own colour codes are the only escapes, and without them it is the plain output.
        const sgr = /\u001b\[\d+m/g;
        expect(output.replace(sgr, '')).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
        expect(output.replace(sgr, '')).toBe(formatStylish(resultFor(path.file), context));
        expect(output.split('\n')[0]).toBe(
          `\u001b[1m\u001b[4m${path.stylish}\u001b[24m\u001b[22m:3:5  \u001b[31merror  \u001b[39m  Owner \`a: b? #c, 100%\``,
        );
      },
    },
    {
      name: 'json',
      format: formatJson,
      check: (output, path) => {
        expect(JSON.parse(output)).toEqual([
          {
            file: path.file,
            messages: [
              {
                ruleId: 'action/owner-unknown',
                severity: 'error',
                message: MESSAGE,
                hint: HINT,
                line: 3,
                column: 5,
                endLine: 3,
                endColumn: 9,
              },
            ],
          },
        ]);
        expect(output).toContain(
          '"message": "Owner `a: b? #c, 100%`\\r\\nsecond line \\u001b[31mred\\u001b[0m & <b>bold</b> \'quoted\'\\u0000end",',
        );
        expect(output).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
      },
    },
    {
      name: 'github',
      format: formatGithub,
      check: (output, path) => {
        // Data escapes %, CR and LF; properties also `:` and `,`; control characters such as
        // ESC and NUL become U+FFFD, so nothing quoted from a file acts on a terminal reading the log.
        expect(output).toBe(
          `::error file=${path.github},line=3,col=5,endLine=3,endColumn=9,title=action/owner-unknown::` +
            "Owner `a: b? #c, 100%25`%0D%0Asecond line \uFFFD[31mred\uFFFD[0m & <b>bold</b> 'quoted'\uFFFDend" +
            '%0ATry 50%25: this, or%0Athat? #2 & <i>\n',
        );
      },
    },
    {
      name: 'sarif',
      format: formatSarif,
      check: (output, path) => {
        const log = JSON.parse(output);
        const run = log.runs[0];
        expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/forum/' } });
        expect(run.results).toHaveLength(1);
        expect(run.results[0].message).toEqual({ text: `${MESSAGE}\n${HINT}` });
        expect(run.results[0].locations[0].physicalLocation).toEqual({
          artifactLocation: path.sarif,
          region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 },
        });
        // A relative reference with no raw fragment, query or scheme marker, naming the file exactly.
        if (path.sarif.uriBaseId) {
          expect(path.sarif.uri).not.toMatch(/[#?]|%(?![0-9A-F]{2})|^[^/]*:/);
          expect(decodeURIComponent(path.sarif.uri)).toBe(
            path.file.startsWith('/') ? path.file.slice(`${CWD}/`.length) : path.file,
          );
        } else expect(decodeURIComponent(new URL(path.sarif.uri).pathname)).toBe(path.file);
      },
    },
    {
      name: 'junit',
      format: formatJunit,
      check: (output, path) => {
        expect(output).toBe(
          `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="communique" tests="1" failures="1" errors="0">
  <testsuite name="communique validate" tests="1" failures="1" errors="0" skipped="0">
    <testcase classname="communique.validate" name="${path.junit}">
      <failure message="1 problem" type="action/owner-unknown">3:5 error Owner \`a: b? #c, 100%\`&#13;
second line [31mred[0m &amp; &lt;b&gt;bold&lt;/b&gt; &apos;quoted&apos;end [action/owner-unknown]
  Try 50%: this, or
that? #2 &amp; &lt;i&gt;</failure>
    </testcase>
  </testsuite>
</testsuites>
`,
        );
        expectWellFormedXml(output);
      },
    },
  ];

/** No character XML 1.0 forbids, every `&` an entity, every `<` one of the report's own tags. */
function expectWellFormedXml(xml: string): void {
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  expect(xml).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/);
  const withoutMarkup = xml
    .replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '')
    .replace(
      /<\/?(?:testsuites|testsuite|testcase|failure|system-out)(?:\s+[\w-]+="[^"<&]*(?:&[#\w]+;[^"<&]*)*")*\s*\/?>/g,
      '',
    );
  expect(withoutMarkup).not.toMatch(/[<>]/);
}

describe('escaping, every formatter', () => {
  const rows = FORMATS.flatMap((format) => PATHS.map((path) => ({ ...format, path })));
  it.each(rows)('$name: $path.label', ({ format, color, check, path }) => {
    check(format(resultFor(path.file), { ...context, color: Boolean(color) }), path);
  });
});

describe('escaping, every formatter, on generated text', () => {
  const SEED = 424242;
  const nasty = fc.constantFrom(...'ab :?#,%\r\n\u001b\u0007&<>\'"\u0000\t]['.split(''));
  // A hint is printed only when there is one, so it is never empty here.
  const text = fc.array(nasty, { minLength: 1, maxLength: 24 }).map((chars) => chars.join(''));
  const name = fc
    .array(fc.constantFrom(..."ab :?#,%&<>'\u001b\r".split('')), { minLength: 1, maxLength: 12 })
    .map((chars) => `dir/${chars.join('')}.md`);

  it(`parses back to the same text in each format (fast-check seed ${SEED})`, () => {
    fc.assert(
      fc.property(name, text, text, (file, message, hint) => {
        const results: FileResult[] = [
          {
            file,
            messages: [
              { ruleId: 'schema/enum', severity: 'error', message, hint, line: 2, column: 1, endLine: 2, endColumn: 3 },
            ],
            lines: { 1: '---', 2: message },
          },
        ];
        const fromGithub = (value: string) =>
          value.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)));

        const github = formatGithub(results, context);
        const command =
          /^::error file=([^,:\r\n]*),line=2,col=1,endLine=2,endColumn=3,title=schema\/enum::([^\r\n]*)\n$/.exec(
            github,
          );
        expect(command).not.toBeNull();
        const visible = (text: string) =>
          text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '\uFFFD');
        expect(fromGithub(command![1]!)).toBe(visible(file));
        expect(fromGithub(command![2]!)).toBe(visible(`${message}\n${hint}`));

        const sarif = JSON.parse(formatSarif(results, context)).runs[0].results[0];
        const uri: string = sarif.locations[0].physicalLocation.artifactLocation.uri;
        expect(uri).not.toMatch(/[#?\s]|%(?![0-9A-F]{2})|^[^/]*:/);
        expect(decodeURIComponent(uri)).toBe(file);
        expect(sarif.message.text).toBe(`${message}\n${hint}`);

        expect(JSON.parse(formatJson(results, context))[0]).toMatchObject({ file, messages: [{ message, hint }] });

        const junit = formatJunit(results, context);
        expectWellFormedXml(junit);
        const body = /<failure [^>]*>([^<]*)<\/failure>/.exec(junit)![1]!;
        const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
        const decoded = body.replace(/&(#\d+|\w+);/g, (_, entity: string) =>
          entity.startsWith('#') ? String.fromCharCode(Number(entity.slice(1))) : entities[entity]!,
        );
        const xmlSafe = (value: string) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
        expect(decoded).toBe(xmlSafe(`2:1 error ${message} [schema/enum]\n  ${hint}`));

        for (const color of [false, true]) {
          const stylish = formatStylish(results, { ...context, color }).replace(/\u001b\[\d+m/g, '');
          expect(stylish).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
