import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS } from '../../src/io/browser.js';
import { project, runCli } from '../support/io.js';
import { CHROMIUM, requireTool, runs } from '../support/tools.js';

/**
 * Our output in the tools users meet it in: pandoc turning the DOCX-ready Markdown into
 * Word, and a real headless Chromium loading the HTML, checked with axe-core and printed.
 * In CI a missing tool is a failure, never a silent pass; on a developer's machine these
 * tests are skipped with a message saying what to install.
 */
const repo = resolve(import.meta.dirname, '../..');
const examples = ['2025-05-14-hspr', '2025-10-14-npg', '2026-04-21-npg'];
const havePandoc = requireTool(runs('pandoc', ['--version']), 'pandoc', 'apt-get install pandoc');
const haveChromium = requireTool(Boolean(CHROMIUM), 'Chromium', 'apt-get install chromium');

async function rendered(to: 'md' | 'html') {
  const files: Record<string, Uint8Array> = {};
  for (const example of examples) files[`${example}.md`] = readFileSync(join(repo, 'examples', `${example}.md`));
  const cwd = project(files);
  const result = await runCli(['render', '.', '--to', to, '--out', 'out'], cwd);
  expect(result.code).toBe(0);
  return (example: string) => join(cwd, 'out', `${example}${to === 'md' ? '.pandoc.md' : '.html'}`);
}

describe.skipIf(!havePandoc)('pandoc turns the DOCX-ready Markdown into Word', () => {
  for (const example of examples) {
    it(`${example}: without warnings, with a title, headings, tables and the language`, async () => {
      const path = (await rendered('md'))(example);
      const docx = join(mkdtempSync(join(tmpdir(), 'communique-pandoc-')), `${example}.docx`);
      const result = spawnSync(
        'pandoc',
        ['-f', 'markdown-raw_attribute-raw_html', '--fail-if-warnings', '-o', docx, path],
        { encoding: 'utf8' },
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const zip = await JSZip.loadAsync(readFileSync(docx));
      const document = await zip.file('word/document.xml')!.async('string');
      const styles = await zip.file('word/styles.xml')!.async('string');
      expect(document).toContain('<w:pStyle w:val="Title" />');
      // Topics are Heading 1 under the Title.
      // (A sub-topic under a topic, as in the Roundtable's, is Heading 2; none starts there.)
      expect(/<w:pStyle w:val="Heading(\d)" \/>/.exec(document)?.[1]).toBe('1');
      // Column widths follow their content: the actions table's columns are not all the same width.
      const grids = [...document.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((grid) =>
        [...grid[1]!.matchAll(/w:w="(\d+)"/g)].map((width) => Number(width[1])),
      );
      const actions = grids.reduce((widest, widths) => (widths.length > widest.length ? widths : widest), []);
      expect(new Set(actions).size).toBeGreaterThan(1);
      expect(document).toContain('<w:tbl>');
      expect(styles).toMatch(/<w:lang [^>]*w:val="en-AU"/);
      // The custom styles a reference document can restyle.
      expect(document).toContain('<w:pStyle w:val="MeetingFacts" />');
      expect(styles).toContain('<w:name w:val="Meeting Facts" />');
    }, 60_000);
  }
});

describe.skipIf(!haveChromium)('Chromium loads the HTML', () => {
  // biome-ignore lint/suspicious/noExplicitAny: playwright-core is loaded lazily, its types with it
  let browser: any;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  for (const example of examples) {
    it(`${example}: no axe-core violations at WCAG 2.1 AA, no requests, and it prints to A4 PDF`, async () => {
      const path = (await rendered('html'))(example);
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (request: { url(): string }) => {
        if (!request.url().startsWith('file:')) requests.push(request.url());
      });
      await page.goto(`file://${path}`);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        // biome-ignore lint/suspicious/noExplicitAny: axe and the DOM exist only in the page
        const page = globalThis as any;
        const axe = page.axe;
        const results = await axe.run(page.document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return results.violations.map(
          (violation: { id: string; nodes: { target: string[] }[] }) =>
            `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        );
      });
      expect(violations).toEqual([]);
      expect(requests).toEqual([]);
      const pdf: Buffer = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(5000);
      await page.close();
    }, 60_000);
  }
});
