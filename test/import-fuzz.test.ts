import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/core/check/check.js';
import { importSource } from '../src/import/import.js';

/**
 * `import` on mutated documents of the development set (text, Markdown and web pages): lines
 * dropped, doubled and swapped, hostile lines put in, bytes flipped. Whatever comes in, the
 * importer answers — a draft or a refusal with its reason — and never throws; a draft is a
 * communiqué `validate` can read (its front matter passes the YAML reader and the schema),
 * and it keeps no more words than the source has.
 *
 * Seed and budget are fixed (PROPERTY_SEED, FUZZ_RUNS to explore others).
 */
const SEED = Number(process.env.PROPERTY_SEED ?? 20261129);
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);

const devDir = fileURLToPath(new URL('./import-dev/', import.meta.url));
const sources = readdirSync(devDir)
  .filter((name) => /\.(?:txt|md|html)$/.test(name) && name !== 'README.md')
  .sort()
  .map((name) => ({ name, extension: extname(name), text: readFileSync(join(devDir, name), 'utf8') }));

const HOSTILE_LINES = [
  '---',
  'title: "not front matter"',
  '[bookmark: _GoBack]',
  'Page 3 of 12',
  '-ENDS-',
  '| a | b |',
  '|---|---|',
  'Present: ; ; ;',
  'Apologies: (Chair)',
  'Chaired by',
  'The Council agreed to.',
  'Date: 31 February 2026',
  'Date: 99/99/9999',
  'Held: , , ,',
  'ACTION: to by',
  '1. 2. 3.',
  '\u001b[2J\u0007 controls',
  '<script>alert(1)</script>',
  '<!-- internal -->',
  '![x](/etc/passwd)',
  '{{title}}',
  'x'.repeat(3000),
  'Mr Mr Mr Dr',
  'The next meeting will be held on.',
];

type Mutation =
  | { kind: 'drop' | 'double'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert'; at: number; line: string }
  | { kind: 'flip'; at: number; char: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop' as const, 'double' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), line: fc.constantFrom(...HOSTILE_LINES) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), char: fc.string({ minLength: 1, maxLength: 3 }) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  const lines = text.split('\n');
  for (const change of mutations) {
    const at = change.at % Math.max(1, lines.length);
    if (change.kind === 'drop') lines.splice(at, 1);
    else if (change.kind === 'double') lines.splice(at, 0, lines[at] ?? '');
    else if (change.kind === 'swap') {
      const other = change.with % Math.max(1, lines.length);
      [lines[at], lines[other]] = [lines[other] ?? '', lines[at] ?? ''];
    } else if (change.kind === 'insert') lines.splice(at, 0, change.line);
    else if (change.kind === 'flip') {
      const line = lines[at] ?? '';
      const column = line.length === 0 ? 0 : change.at % line.length;
      lines[at] = `${line.slice(0, column)}${change.char}${line.slice(column + 1)}`;
    }
  }
  return lines.join('\n');
}

describe('import on mutated documents', () => {
  it('answers every input with a draft validate can read, or a refusal with a reason, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...sources),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        async (source, mutations) => {
          const text = mutate(source.text, mutations);
          const outcome = await importSource(new TextEncoder().encode(text), source.extension, {
            sourceName: source.name,
          });
          if (!outcome.ok) {
            expect(outcome.reason).toMatch(/\S/);
            return;
          }
          const unreadable = checkText(outcome.result.text).messages.filter((message) =>
            /^(?:document|frontmatter|yaml|schema|internal)\//.test(message.ruleId),
          );
          expect(unreadable).toEqual([]);
          expect(outcome.result.words.kept).toBeLessThanOrEqual(outcome.result.words.source);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);
});
