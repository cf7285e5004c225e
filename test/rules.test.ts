import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { type CheckOptions, checkText } from '../src/core/check/check.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { rules } from '../src/diagnostics/rules.js';

/**
 * One folder per way of breaking a rule: `test/fixtures/<rule id with / as -->[-case]/`
 * holds `input.md`, a communiqué that breaks that rule and nothing else, and
 * `expected.json`, every diagnostic `checkText` must give for it, worked out by hand.
 *
 * And one folder per near miss: `test/fixtures/<rule id with / as -->-not-<case>/` holds a
 * complete, valid communiqué that comes as close as it can to breaking that rule without
 * breaking it (a boundary, a spelling the rule must normalise), and `expected.json` is `[]`:
 * no diagnostics at all, from any rule.
 */
const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));

/** Rules no communiqué fixture can (or needs to) trigger: they are tested elsewhere. */
const NOT_FROM_A_FIXTURE = new Set([
  // Reading the file: test/error-paths.test.ts and test/loader.test.ts
  'document/unreadable',
  'document/too-large',
  // A file with more than 500 problems: test/hardening.test.ts
  'document/too-many-problems',
  // Everything that is not about one communiqué's content: the register (test/actions.test.ts), rendering
  // (test/render.test.ts), checks across communiqués (test/across.test.ts), and the run itself.
  ...rules.filter((rule) => rule.category !== 'content').map((rule) => rule.id),
]);

const KEYS = ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn'] as const;
type Expected = Pick<Diagnostic, (typeof KEYS)[number]>;

function pick(messages: readonly Diagnostic[]): Expected[] {
  return messages.map((message) => Object.fromEntries(KEYS.map((key) => [key, message[key]])) as Expected);
}

/** The catalogue rule a fixture folder is named for: the longest id its name starts with. */
function ruleOfFolder(folder: string): string | undefined {
  const named = folder.replace('--', '/');
  let best: string | undefined;
  for (const { id } of rules) {
    if ((named === id || named.startsWith(`${id}-`)) && (!best || id.length > best.length)) best = id;
  }
  return best;
}

/** A near miss is named `<rule>-not-<case>`, the `-not-` coming right after the rule's id. */
function isNearMiss(folder: string, ruleId: string): boolean {
  return folder.replace('--', '/').startsWith(`${ruleId}-not-`);
}

const folders = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Folders named for no rule in the catalogue: a typo or a renamed rule, never silently skipped. */
const unnamed = folders.filter((folder) => ruleOfFolder(folder) === undefined);

const fixtures = folders.flatMap((folder) => {
  const ruleId = ruleOfFolder(folder);
  return ruleId ? [{ folder, ruleId, nearMiss: isNearMiss(folder, ruleId) }] : [];
});

function input(folder: string): Buffer {
  return readFileSync(join(fixturesDir, folder, 'input.md'));
}

function expected(folder: string): Expected[] {
  return JSON.parse(readFileSync(join(fixturesDir, folder, 'expected.json'), 'utf8')) as Expected[];
}

function check(folder: string, options?: CheckOptions): Expected[] {
  return pick(checkText(input(folder), options).messages);
}

describe('rule fixtures', () => {
  it('finds the fixture folders', () => {
    expect(fixtures.length).toBeGreaterThan(50);
    expect(fixtures.filter((fixture) => fixture.nearMiss).length).toBeGreaterThan(30);
  });

  it('names a catalogue rule in every fixture folder', () => {
    expect(unnamed).toEqual([]);
  });

  for (const { folder, ruleId, nearMiss } of fixtures) {
    if (nearMiss) {
      it(`${folder} gives no diagnostics, as expected.json says`, () => {
        // A near miss comes close to breaking its rule but breaks nothing at all.
        expect(expected(folder)).toEqual([]);
        expect(check(folder)).toEqual([]);
      });
      continue;
    }
    it(`${folder} gives exactly the diagnostics in expected.json`, () => {
      const want = expected(folder);
      // A fixture breaks the rule it is named for, and only that rule.
      expect(want.length).toBeGreaterThan(0);
      for (const diagnostic of want) expect(diagnostic.ruleId).toBe(ruleId);
      expect(check(folder)).toEqual(want);
    });
  }

  it('has CRLF line endings in the -crlf fixtures', () => {
    const crlf = fixtures.filter(({ folder }) => folder.endsWith('-crlf'));
    expect(crlf.length).toBeGreaterThan(0);
    for (const { folder } of crlf) {
      const text = input(folder).toString('utf8');
      expect(text.includes('\r\n'), folder).toBe(true);
      expect(/(^|[^\r])\n/.test(text), folder).toBe(false);
    }
  });

  it('has at least one fixture for every rule a communiqué can break', () => {
    const covered = new Set(fixtures.filter((fixture) => !fixture.nearMiss).map((fixture) => fixture.ruleId));
    const missing = rules.map((rule) => rule.id).filter((id) => !NOT_FROM_A_FIXTURE.has(id) && !covered.has(id));
    expect(missing).toEqual([]);
  });

  it('has at least one near miss for every rule a communiqué can break', () => {
    const covered = new Set(fixtures.filter((fixture) => fixture.nearMiss).map((fixture) => fixture.ruleId));
    const missing = rules.map((rule) => rule.id).filter((id) => !NOT_FROM_A_FIXTURE.has(id) && !covered.has(id));
    expect(missing).toEqual([]);
  });

  it('only skips rules that are in the catalogue', () => {
    const ids = new Set(rules.map((rule) => rule.id));
    for (const id of NOT_FROM_A_FIXTURE) expect(ids.has(id), id).toBe(true);
  });
});

describe('lifecycle stages', () => {
  it('reports a placeholder as a warning while the document is a draft', () => {
    const messages = check('lifecycle--placeholder');
    expect(
      messages.filter((message) => message.ruleId === 'lifecycle/placeholder').map((message) => message.severity),
    ).toEqual(['warning']);
  });

  it('reports a placeholder as an error when checked at the approved stage', () => {
    const messages = check('lifecycle--placeholder', { stage: 'approved' });
    const placeholders = messages.filter((message) => message.ruleId === 'lifecycle/placeholder');
    expect(placeholders).toEqual(
      expected('lifecycle--placeholder').map((message) => ({ ...message, severity: 'error' })),
    );
  });

  it('reports a Word artefact as an error when checked at the published stage', () => {
    const messages = check('lifecycle--word-artefact', { stage: 'published' });
    const artefacts = messages.filter((message) => message.ruleId === 'lifecycle/word-artefact');
    expect(artefacts).toEqual(
      expected('lifecycle--word-artefact').map((message) => ({ ...message, severity: 'error' })),
    );
  });

  it('requires an approval when a draft is checked at the approved stage', () => {
    const messages = check('lifecycle--placeholder', { stage: 'approved' });
    expect(messages.filter((message) => message.ruleId === 'lifecycle/approval-missing')).toEqual([
      {
        ruleId: 'lifecycle/approval-missing',
        severity: 'error',
        message: 'The communiqué is checked at the `approved` stage but does not record who approved it',
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 14,
      },
    ]);
    expect(messages.some((message) => message.ruleId === 'lifecycle/publication-date-missing')).toBe(false);
  });

  it('requires a publication date too when a draft is checked at the published stage', () => {
    const messages = check('lifecycle--placeholder', { stage: 'published' });
    expect(
      messages.filter(
        (message) => message.ruleId.startsWith('lifecycle/') && message.ruleId !== 'lifecycle/placeholder',
      ),
    ).toEqual([
      {
        ruleId: 'lifecycle/approval-missing',
        severity: 'error',
        message: 'The communiqué is checked at the `published` stage but does not record who approved it',
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 14,
      },
      {
        ruleId: 'lifecycle/publication-date-missing',
        severity: 'error',
        message: 'The communiqué is checked at the `published` stage but has no publication date',
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 14,
      },
    ]);
  });

  it('never checks a document below its own status', () => {
    for (const folder of [
      'lifecycle--approval-missing-published',
      'lifecycle--publication-date-missing',
      'lifecycle--approval-missing',
    ]) {
      for (const stage of ['draft', 'review'] as const) {
        expect(check(folder, { stage }), `${folder} at ${stage}`).toEqual(expected(folder));
      }
    }
  });
});

describe('configured severities and organisations', () => {
  it('turns a rule off', () => {
    expect(check('body--date-mismatch')).toHaveLength(1);
    expect(check('body--date-mismatch', { severities: { 'body/date-mismatch': 'off' } })).toEqual([]);
  });

  it('downgrades a rule', () => {
    const messages = check('action--owner-unknown', { severities: { 'action/owner-unknown': 'warning' } });
    expect(messages).toEqual(expected('action--owner-unknown').map((message) => ({ ...message, severity: 'warning' })));
  });

  it('overrides a stage-dependent severity', () => {
    const messages = check('lifecycle--placeholder-insert-date', {
      stage: 'approved',
      severities: { 'lifecycle/placeholder': 'info' },
    });
    expect(
      messages.filter((message) => message.ruleId === 'lifecycle/placeholder').map((message) => message.severity),
    ).toEqual(['info']);
  });

  it('accepts an action owned by a configured organisation', () => {
    expect(check('action--owner-unknown', { organisations: ['Department of Social Services'] })).toEqual([]);
    expect(check('action--owner-unknown', { organisations: ['National Indigenous Australians Agency'] })).toEqual(
      expected('action--owner-unknown'),
    );
  });
});

describe('examples', () => {
  const examples = readdirSync(examplesDir)
    .filter((name) => name.endsWith('.md'))
    .sort();

  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const name of examples) {
    it(`${name} is valid`, () => {
      expect(pick(checkText(readFileSync(join(examplesDir, name))).messages)).toEqual([]);
    });
  }
});

describe('front matter in other languages is never run', () => {
  const payload = (path: string) =>
    `{\n  schema_version: 1,\n  title: 'Stronger Places, Stronger People National Leadership Group Communiqué',\n  status: 'draft',\n  pwned: require('fs').writeFileSync(${JSON.stringify(path)}, 'x'),\n}\n---\n\nThe National Leadership Group met virtually on 16 November 2021.\n`;

  it('uses a payload that does write the file when front matter is run', () => {
    // The control: gray-matter's own JavaScript engine runs it, so the tests below can fail.
    const path = join(tmpdir(), `communique-pwned-${randomUUID()}`);
    try {
      matter(`---js\n${payload(path)}`);
      expect(existsSync(path)).toBe(true);
    } finally {
      rmSync(path, { force: true });
    }
  });

  for (const [fence, language, column] of [
    ['---js', 'js', 4],
    ['--- javascript', 'javascript', 5],
    ['---JS', 'JS', 4],
  ] as const) {
    it(`reports \`${fence}\` as frontmatter/language and does not run it`, () => {
      const path = join(tmpdir(), `communique-pwned-${randomUUID()}`);
      try {
        const text = `${fence}\n${payload(path)}`;
        for (const source of [text, new TextEncoder().encode(text)]) {
          expect(pick(checkText(source).messages)).toEqual([
            {
              ruleId: 'frontmatter/language',
              severity: 'error',
              message: `The front matter is marked as \`${language}\`; only YAML front matter is accepted, and it is not run`,
              line: 1,
              column,
              endLine: 1,
              endColumn: column + language.length,
            },
          ]);
        }
        expect(existsSync(path)).toBe(false);
      } finally {
        rmSync(path, { force: true });
      }
    });
  }
});
