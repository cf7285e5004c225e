import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../support/io.js';

/**
 * What the publication tests share: the documents (our three examples and the three
 * publication fixtures: a French one, a Simplified Chinese one, and a long English draft
 * with 40 attendees, a 1,600 px image, a wide table, footnotes and a Chinese paragraph),
 * a project holding them, and the rule for a missing tool: in CI a failure, elsewhere a
 * skip with a message saying what to install.
 */
export const repo = resolve(import.meta.dirname, '../..');
export const EXAMPLES = ['2025-05-14-hspr', '2025-10-14-npg', '2026-04-21-npg'];
export const STRESS = '2026-01-27-cfsw';
export const FRENCH = '2026-02-12-ccbq.fr';
export const CHINESE = '2026-03-18-sqyy.zh-CN';
export const FIXTURES = [STRESS, FRENCH, CHINESE];
export const DOCUMENTS = [...EXAMPLES, ...FIXTURES];
export const fixtures = join(repo, 'test/integration/fixtures/publication');

export { CHROMIUM, requireTool, runs } from '../support/tools.js';

/** A scratch folder of the test file's own, kept across its tests (remove it in afterAll). */
export function scratch(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `communique-${prefix}-`));
}

export function removeScratch(folder: string | undefined): void {
  if (folder) rmSync(folder, { recursive: true, force: true });
}

/** A project in `folder` holding the examples and the publication fixtures (with the fixture's image folder). */
export function publicationProject(folder: string): string {
  const cwd = join(folder, 'project');
  mkdirSync(join(cwd, '.git'), { recursive: true });
  for (const example of EXAMPLES) cpSync(join(repo, 'examples', `${example}.md`), join(cwd, `${example}.md`));
  cpSync(fixtures, cwd, { recursive: true });
  return cwd;
}

/** Render every document in the project `cwd` to one format in `out`; exit 0, and one file per document. */
export async function renderAll(
  cwd: string,
  to: 'html' | 'md' | 'txt' | 'docx' | 'pdf',
  out = 'out',
  paths: string[] = ['.'],
): Promise<string> {
  const result = await runCli(['render', ...paths, '--to', to, '--out', out], cwd);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return join(cwd, out);
}

export function filesIn(folder: string, extension: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(extension))
    .sort();
}

export { CHROMIUM_FLAGS } from '../../src/io/browser.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

export const decode = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp|#39);/g, (_, entity: string) =>
    entity === 'lt' ? '<' : entity === 'gt' ? '>' : entity === 'quot' ? '"' : entity === 'amp' ? '&' : "'",
  );

export interface Line extends Box {
  words: Box[];
}

/** Each page's lines and words, as `pdftotext -bbox-layout` finds them. */
export function layout(pdf: string): { lines: Line[]; words: Box[] }[] {
  const result = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  const box = (match: RegExpMatchArray, text: string): Box => ({
    x0: Number(match[1]),
    y0: Number(match[2]),
    x1: Number(match[3]),
    y1: Number(match[4]),
    text,
  });
  const WORD = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  const LINE = /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g;
  return result.stdout
    .split(/<page /)
    .slice(1)
    .map((page) => {
      const lines = [...page.matchAll(LINE)].map((line) => {
        const words = [...line[5]!.matchAll(WORD)].map((word) => box(word, decode(word[5]!)));
        return { ...box(line, words.map((word) => word.text).join(' ')), words };
      });
      return { lines, words: lines.flatMap((line) => line.words) };
    });
}

/**
 * Lines printed over each other: lines whose boxes share more than half of the smaller
 * one's height, with words that overlap across by more than 2 pt. Boxes of lines set one
 * under the other touch: by a tenth of their height in Latin text (glyph ascent and
 * descent are taller than the line spacing), by a third in Chinese printed by Chromium
 * (whose Type 3 fonts give tall boxes). A line printed over another, as a 24 pt title at
 * exact 12 pt spacing, shares more. Words, not whole lines, are compared across, because
 * pdftotext may split one printed line in two (digits in one, Chinese around them in another).
 */
export function overlapping(pages: { lines: Line[] }[]): string[] {
  const found: string[] = [];
  const across = (a: Box, b: Box) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  pages.forEach(({ lines }, page) => {
    for (const [index, a] of lines.entries()) {
      for (const b of lines.slice(index + 1)) {
        const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (down <= 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0) || across(a, b) <= 2) continue;
        if (a.words.some((word) => b.words.some((other) => across(word, other) > 2)))
          found.push(`page ${page + 1}: “${a.text}” and “${b.text}”`);
      }
    }
  });
  return found;
}
