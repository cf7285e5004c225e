import * as fs from 'node:fs';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES } from '../src/core/parse/decode.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { rules } from '../src/diagnostics/rules.js';
import { findTemplate } from '../src/io/templates.js';
import type { PipelineResult } from '../src/pipeline/file-pipeline.js';
import { type FilePlan, prepareRenderers, type RenderPlan } from '../src/pipeline/plan.js';
import { runFiles } from '../src/pipeline/run-files.js';
import {
  type OutputFormat,
  type Renderer,
  TEMPLATE_FILES,
  type TemplatedFormat,
  type TemplateSource,
} from '../src/render/renderers.js';
import { project } from './support/io.js';

/**
 * The whole per-file pipeline on mutated examples: each input goes through `validate`'s
 * plan and `render`'s plan with every renderer (html, md, txt, docx), in this thread, as the
 * commands run them. Whatever the bytes, each must end with diagnostics or outputs: never a
 * throw, never `internal/error`, never a template failing on a communiqué that passed, and
 * every diagnostic inside the file.
 *
 * Seed and budget are fixed, so a failure is the same on every machine; PROPERTY_SEED
 * explores other seeds and FUZZ_RUNS other budgets (fast-check prints the seed and the
 * shrunk input of any failure). 200 runs take about 12 seconds on two cores; a quarter of the
 * inputs still pass the schema and are rendered in all four formats, which is most of the time.
 */
const SEED = Number(process.env.PROPERTY_SEED ?? 20261129);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
const examples = readdirSync(examplesDir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => new Uint8Array(readFileSync(join(examplesDir, name))));

// ---- Hostile pieces to insert ---------------------------------------------------------------

const digits = (count: number) => `7${'3'.repeat(count - 1)}`;

/** Alias bomb: each level refers nine times to the one before. */
const aliasBomb = Array.from({ length: 7 }, (_, level) =>
  level === 0
    ? 'l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'
    : `l${level}: &l${level} [${Array(9)
        .fill(`*l${level - 1}`)
        .join(', ')}]`,
).join('\n');

/** Lines for the front matter: YAML that is hostile, odd or merely unusual. */
const FRONT_MATTER_SNIPPETS = [
  'shared: &shared [one, two]\nagain: *shared',
  aliasBomb,
  'lost: *nowhere',
  'self: &self [*self]',
  'data: !!binary aGVsbG8gd29ybGQ=',
  'when: !!timestamp 2026-01-01',
  'local: !local value',
  'verbatim: !<!bar> value',
  'set: !!set {a, b}',
  'pairs: !!omap [a: 1, b: 2]',
  '  date: !!timestamp 2025-05-14',
  '  chair: !member someone',
  'named: &name: value\nagain: *name:',
  `deep: ${'['.repeat(3000)}${']'.repeat(3000)}`,
  `deeper: ${'{a: '.repeat(600)}1${'}'.repeat(600)}`,
  Array.from({ length: 150 }, (_, level) => `${'  '.repeat(level)}n${level}:`).join('\n'),
  `  number: ${digits(5000)}`,
  `schema_version: ${digits(5000)}`,
  `${digits(400)}: key`,
  '  number: -1e400',
  '  number: .nan',
  'title: "\u0001\u001b[2J\u0007 control"',
  'title: \u001b]0;window title\u0007',
  'title: "bad \\xZZ escape \\u12"',
  'title: a\u0000b',
  '\tindented: with a tab',
  'title: "\uFEFFbom inside"',
  '__proto__: {polluted: true}',
  'constructor: {prototype: {polluted: true}}',
  'null: value\n~: again\n[a, b]: list\n? - block\n: key\n1: one',
  '---',
  '...',
  '%YAML 1.1',
  `title: ${'x'.repeat(20000)}`,
  'attendees: {}',
  'attendees:\n  - id: a\n    name: A\n    attendance: present\n  - id: a\n    name: A\n    attendance: apology',
  "id: ''\nstatus: approved",
  'meeting: null',
];

/** Lines for the body: Markdown that is hostile, odd or merely unusual. */
const BODY_SNIPPETS = [
  '![broken](%E0%A4%A)',
  '![ref broken][bad]\n\n[bad]: %E0%A4%A',
  '![secret][ref]\n\n[ref]: /etc/passwd',
  '![secret](file://localhost/etc/passwd)',
  '![secret](file:///etc/passwd)',
  '![remote](http://example.com/a.png)',
  '![remote][r]\n\n[r]: https://example.com/b.png',
  '![outside](../../outside.png)',
  '![angle](<%ZZ>)',
  '![empty]()',
  '[script](javascript:alert(1)) and [vb](VbScRiPt:msgbox)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '# A second level-one heading',
  '###### Six levels down',
  'Text with \u001b[2J\u001b]0;title\u0007 terminal controls and a bell.',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '> quoted\n> > twice',
  `${'long '.repeat(4000)}`,
  'A footnote.[^1]\n\n[^1]: Its text.',
  `${'> '.repeat(300)}deep quote`,
  `${'- '.repeat(200)}deep list`,
  '```\nunclosed code',
  '[link]: <%E0>\n\n[link]',
  'The meeting was held virtually in Darwin on 31 February 2026.',
];

/** Text for fields where any text is allowed: it passes the schema, and then tests the renderers. */
const HOSTILE_VALUES = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '[a link](javascript:alert(1)) and ![an image](/etc/passwd)',
  '{{title}} {{{body}}} {{#each attendees}}x{{/each}}',
  '\u001b[2J\u001b]0;title\u0007 controls',
  '\u202eright-to-left override\u202c and \u200b zero width',
  'emoji 🙂🏳️‍🌈 and combining e\u0301',
  '*emphasis* __strong__ `code` <b>bold</b> &amp; &lt;',
  '# heading\n\n- list item\n- another',
  'x'.repeat(5000),
  'back\\slash and trailing \\',
  'line one\r\nline two\rline three',
  '%E0%A4%A and %ZZ',
  '\ufeff leading byte-order mark',
];

type Region = 'front matter' | 'body' | 'anywhere';

type Mutation =
  | { kind: 'flip'; at: number; within: Region; byte: number }
  | { kind: 'delete-line' | 'duplicate-line'; at: number; within: Region }
  | { kind: 'insert'; at: number; within: Exclude<Region, 'anywhere'>; snippet: string }
  | { kind: 'replace-value'; at: number; value: string };

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const region = fc.constantFrom<Region>('front matter', 'body', 'anywhere');

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('flip' as const),
      at: fraction,
      within: region,
      byte: fc.integer({ min: 0, max: 255 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const),
      at: fraction,
      within: region,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fraction,
      within: fc.constant('front matter' as const),
      snippet: fc.constantFrom(...FRONT_MATTER_SNIPPETS),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fraction,
      within: fc.constant('body' as const),
      snippet: fc.constantFrom(...BODY_SNIPPETS),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('replace-value' as const),
      at: fraction,
      value: fc.constantFrom(...HOSTILE_VALUES),
    }),
  },
);

const input = fc.record({
  example: fc.integer({ min: 0, max: examples.length - 1 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
});

// ---- Applying mutations to bytes --------------------------------------------------------------

const NEWLINE = 0x0a;
const encoder = new TextEncoder();

/** The file's lines as byte arrays, without their '\n'. */
function linesOf(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let index = bytes.indexOf(NEWLINE); index !== -1; index = bytes.indexOf(NEWLINE, index + 1)) {
    lines.push(bytes.subarray(start, index));
    start = index + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

function joinLines(lines: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(lines.reduce((total, line) => total + line.length + 1, -1));
  let offset = 0;
  lines.forEach((line, index) => {
    out.set(line, offset);
    offset += line.length;
    if (index < lines.length - 1) out[offset++] = NEWLINE;
  });
  return out;
}

/** Index of the line that closes the front matter (`---`), or 1 when there is none. */
function closingFence(lines: readonly Uint8Array[]): number {
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.length >= 3 && line[0] === 0x2d && line[1] === 0x2d && line[2] === 0x2d) return index;
  }
  return 1;
}

/** The lines a mutation may touch: [first, end) by line index. */
function span(lines: readonly Uint8Array[], within: Region): [number, number] {
  const fence = closingFence(lines);
  if (within === 'front matter') return [1, Math.max(fence, 2)];
  if (within === 'body') return [Math.min(fence + 1, lines.length), lines.length];
  return [0, lines.length];
}

const pick = (at: number, [first, end]: [number, number]) => first + Math.floor(at * Math.max(end - first, 1));

/** A front matter line `key: text` (or `- key: text`) whose value can be replaced by a quoted string. */
const TEXT_FIELD =
  /^(\s*(?:- )?(?:title|name|role|organisation|represents|text|place|note|attendance_note|summary): )(.*)$/;

function mutate(original: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = original;
  for (const change of mutations) {
    if (change.kind === 'flip') {
      const lines = linesOf(bytes);
      const [first, end] = span(lines, change.within);
      // Offsets of the region's first and last byte.
      const start = lines.slice(0, first).reduce((total, line) => total + line.length + 1, 0);
      const stop = lines.slice(0, end).reduce((total, line) => total + line.length + 1, 0) - 1;
      if (stop <= start) continue;
      bytes = bytes.slice();
      bytes[start + Math.floor(change.at * (stop - start))] = change.byte;
      continue;
    }
    const lines = linesOf(bytes);
    if (change.kind === 'replace-value') {
      const text = new TextDecoder().decode(joinLines(lines.slice(0, closingFence(lines))));
      const candidates = text.split('\n').flatMap((line, index) => (TEXT_FIELD.test(line) ? [index] : []));
      if (candidates.length === 0) continue;
      const index = candidates[Math.floor(change.at * candidates.length)]!;
      const line = new TextDecoder().decode(lines[index]);
      // JSON's escapes are YAML's too: the value stays one valid double-quoted line.
      lines[index] = encoder.encode(line.replace(TEXT_FIELD, (_, key: string) => key + JSON.stringify(change.value)));
    } else if (change.kind === 'insert') {
      const at = pick(change.at, span(lines, change.within));
      lines.splice(Math.min(at, lines.length), 0, encoder.encode(change.snippet));
    } else {
      const [first, end] = span(lines, change.within);
      if (end <= first) continue;
      const at = pick(change.at, [first, end]);
      if (change.kind === 'delete-line') lines.splice(at, 1);
      else lines.splice(at, 0, lines[at]!);
    }
    bytes = joinLines(lines);
  }
  return bytes;
}

// ---- The pipeline, as validate and render run it ----------------------------------------------

const FORMATS: readonly OutputFormat[] = ['html', 'md', 'txt', 'docx'];
const validatePlan: FilePlan = {
  maxBytes: DEFAULT_MAX_BYTES,
  check: { maxBytes: DEFAULT_MAX_BYTES, organisations: [] },
  policy: { report: 'all' },
  keepData: false,
  collectFacts: true,
};

async function renderSetup(root: string): Promise<{ plan: FilePlan; renderers: Renderer[] }> {
  const templates: Partial<Record<TemplatedFormat, TemplateSource>> = {};
  for (const format of FORMATS) {
    if (format === 'docx') continue;
    const found = findTemplate(fs, 'default', TEMPLATE_FILES[format]);
    if (!found.ok) throw new Error(found.message);
    templates[format] = { path: found.path, source: found.source };
  }
  const render: RenderPlan = {
    formats: FORMATS,
    templates,
    settings: { includeInternal: false, projectRoot: root, outputFolder: root },
  };
  const prepared = await prepareRenderers(render);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  return {
    plan: {
      maxBytes: DEFAULT_MAX_BYTES,
      check: { maxBytes: DEFAULT_MAX_BYTES, organisations: [] },
      policy: { report: 'blocking', blockOn: 'unreadable' },
      keepData: false,
      render,
    },
    renderers: prepared.renderers,
  };
}

// ---- What every result must be ----------------------------------------------------------------

const ruleIds = new Set(rules.map((rule) => rule.id));

/** Lines as the user's editor counts them: '\n', and a lone '\r' as parseCommunique reads it. */
function lineCount(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.replace(/\r(?!\n)/g, '\n').split('\n').length;
}

function problemsWith(result: PipelineResult, bytes: Uint8Array, step: string): string[] {
  const lines = lineCount(bytes);
  const problems: string[] = [];
  const place = (message: Diagnostic) =>
    `${step}: ${message.ruleId} at ${message.line}:${message.column}-${message.endLine}:${message.endColumn}`;
  for (const message of result.messages) {
    if (message.ruleId === 'internal/error') problems.push(`${step}: internal/error: ${message.message}`);
    if (!ruleIds.has(message.ruleId)) problems.push(`${step}: a rule not in the catalogue: ${message.ruleId}`);
    const { line, column, endLine, endColumn } = message;
    if (![line, column, endLine, endColumn].every((n) => Number.isInteger(n) && n >= 1))
      problems.push(`${place(message)} is not at positive whole numbers`);
    if (line > lines + 1 || endLine > lines + 1) problems.push(`${place(message)} is past the ${lines} lines`);
    if (endLine < line || (endLine === line && endColumn < column)) problems.push(`${place(message)} ends first`);
  }
  if (result.templateProblem)
    problems.push(`${step}: the built-in template failed: ${JSON.stringify(result.templateProblem.messages[0])}`);
  return problems;
}

describe('the pipeline on mutated examples', () => {
  it('has examples to mutate', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it(`validates and renders every input to html, md, txt and docx without a throw or an internal error (${RUNS} runs, seed ${SEED})`, async () => {
    const root = project({});
    const { plan: renderPlan, renderers } = await renderSetup(root);
    const path = join(root, 'fuzzed.md');
    const files = [{ path, name: 'fuzzed.md' }];
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(input, async ({ example, mutations }) => {
        const bytes = mutate(examples[example]!, mutations);
        writeFileSync(path, bytes);
        const [checked] = await runFiles(files, validatePlan, { fs, jobs: 1 });
        const [render] = await runFiles(files, renderPlan, { fs, renderers, jobs: 1 });
        const problems = [...problemsWith(checked!, bytes, 'validate'), ...problemsWith(render!, bytes, 'render')];
        // Rendering ends with every format, or with the diagnostics that stopped it.
        if (render!.outputs) {
          expect(render!.outputs.map((output) => output.format)).toEqual(FORMATS);
          rendered++;
        } else if (render!.messages.length === 0 && !render!.templateProblem)
          problems.push('render: no outputs and no diagnostics');
        expect(problems).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The mutations must leave many inputs renderable, or the renderers were never really tried.
    expect(rendered).toBeGreaterThan(RUNS / 5);
  }, 120_000);
});
