// biome-ignore-all lint/suspicious/noExplicitAny: playwright-core is loaded lazily, and the DOM exists only in the page
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/io.js';
import {
  CHINESE,
  CHROMIUM,
  CHROMIUM_FLAGS,
  DOCUMENTS,
  FIXTURES,
  FRENCH,
  fixtures,
  publicationProject,
  removeScratch,
  renderAll,
  requireTool,
  STRESS,
  scratch,
} from './publication-support.js';

/**
 * The publication fixtures in every format, and every HTML page (the examples, the
 * fixtures and `export`'s index) as a reader's browser shows it: at a phone's width and a
 * desktop's, in light and dark, with axe-core, in-page links that land, and no requests.
 */
const haveChromium = requireTool(Boolean(CHROMIUM), 'Chromium', 'apt-get install chromium');

const TITLES: Record<string, string> = {
  [STRESS]:
    'Intergovernmental Working Group on Coastal Footpath Signage, Wayfinding, Accessibility and Interpretive ' +
    'Materials for Visitors Arriving by Ferry, Bus and Bicycle — Extraordinary Joint Session Communiqué',
  [FRENCH]: 'Communiqué du Conseil consultatif des bibliothèques de quartier',
  [CHINESE]: '社区园艺协作委员会会议公报',
};
const LANGS: Record<string, string> = { [STRESS]: 'en-AU', [FRENCH]: 'fr', [CHINESE]: 'zh-CN' };

let folder: string;
let cwd: string;
beforeAll(() => {
  folder = scratch('publication-html');
  cwd = publicationProject(folder);
});
afterAll(() => removeScratch(folder));

describe('the publication fixtures', () => {
  it('pass validate', async () => {
    const result = await runCli(['validate', fixtures], cwd);
    expect(result.stdout).toBe('✔ 3 files checked, no problems\n');
    expect(result.code).toBe(0);
  });

  it('are what they claim: 40 attendees, a 1,600 px image, a wide table, footnotes, Chinese, a draft', () => {
    const stress = readFileSync(join(fixtures, `${STRESS}.md`), 'utf8');
    expect(stress.match(/^ {2}- id: /gm)!.length - 3 - 3).toBe(40); // less 3 agreements and 3 actions
    expect(stress).toMatch(/^status: draft$/m);
    expect(stress).toMatch(/^\|(?:[^|\n]+\|){10}$/m);
    expect(stress.match(/^\[\^\w+\]: /gm)).toHaveLength(3);
    expect(stress).toMatch(/^[\u4e00-\u9fff，。]{40,}$/m);
    const png = readFileSync(join(fixtures, 'images/ferry-routes.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 400]);
  });

  for (const name of FIXTURES) {
    it(`${name}: renders to HTML, DOCX-ready Markdown, plain text and Word, in its language`, async () => {
      const file = `${name}.md`;
      const out = `out-${name}`;
      const html = readFileSync(join(await renderAll(cwd, 'html', out, [file]), `${name}.html`), 'utf8');
      expect(html).toContain(`<html lang="${LANGS[name]}">`);
      expect(html).toContain(`<h1>${TITLES[name]}</h1>`);
      const markdown = readFileSync(join(await renderAll(cwd, 'md', out, [file]), `${name}.pandoc.md`), 'utf8');
      if (name === STRESS) {
        // A draft opens with its notice, and its title follows as a paragraph in the Title style.
        expect(markdown).toMatch(
          /^---\nlang: "en-AU"\n---\n\n::: \{custom-style="Draft Notice"\}\nDRAFT — NOT FOR PUBLICATION/,
        );
        expect(markdown).toContain(`::: {custom-style="Title"}\n${TITLES[name]}\n:::`);
      } else {
        expect(markdown.split('\n').slice(0, 4)).toEqual([
          '---',
          `title: "${TITLES[name]}"`,
          `lang: "${LANGS[name]}"`,
          '---',
        ]);
      }
      const text = readFileSync(join(await renderAll(cwd, 'txt', out, [file]), `${name}.txt`), 'utf8');
      expect(text.replace(/\s+/g, ' ')).toContain(TITLES[name]);
      const docx = await JSZip.loadAsync(readFileSync(join(await renderAll(cwd, 'docx', out, [file]), `${name}.docx`)));
      const core = await docx.file('docProps/core.xml')!.async('string');
      expect(core).toContain(`<dc:title>${TITLES[name]}</dc:title>`);
      const styles = await docx.file('word/styles.xml')!.async('string');
      expect(styles).toMatch(new RegExp(`<w:lang [^>]*w:val="${LANGS[name]}"`));
    }, 60_000);
  }
  // PDF, the fifth format, is checked in publication-pdf.test.ts, with one browser for all of them.
});

describe.skipIf(!haveChromium)('the HTML in Chromium', () => {
  let browser: any;
  let out: string;
  let exported: string;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    out = await renderAll(cwd, 'html', 'html');
    const result = await runCli(['export', '.', '--out', 'public'], cwd);
    expect(result.code).toBe(0);
    exported = join(cwd, 'public');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  /** Open a page as a reader would, counting every request that is not for the file itself. */
  async function open(path: string, width: number) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const requests: string[] = [];
    context.on('request', (request: { url(): string }) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    const page = await context.newPage();
    await page.goto(`file://${path}`);
    return { context, page, requests };
  }

  async function overflow(page: any) {
    return page.evaluate(() => {
      const { document, innerWidth } = globalThis as any;
      const wide = [...document.querySelectorAll('body *')]
        .filter((element: any) => element.getBoundingClientRect().right > innerWidth + 0.5)
        .filter((element: any) => !element.closest('.table-wrap, pre'))
        .map((element: any) => `${element.tagName.toLowerCase()}.${element.className}`);
      return { scrollWidth: document.documentElement.scrollWidth, innerWidth, wide: wide.slice(0, 5) };
    });
  }

  async function axe(page: any, colorScheme: 'light' | 'dark'): Promise<string[]> {
    await page.emulateMedia({ colorScheme });
    if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: axeSource });
    return page.evaluate(async () => {
      const page = globalThis as any;
      const results = await page.axe.run(page.document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return results.violations.map(
        (violation: { id: string; nodes: { target: string[] }[] }) =>
          `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
    });
  }

  const pages = [...DOCUMENTS.map((name) => ({ name, file: () => join(out, `${name}.html`) }))];
  pages.push({ name: 'export index.html', file: () => join(exported, 'index.html') });

  for (const { name, file } of pages) {
    it(`${name}: fits 390 px and 1,280 px, its in-page links land, axe finds nothing in light or dark, no requests`, async () => {
      const { context, page, requests } = await open(file(), 390);
      try {
        const phone = await overflow(page);
        expect(phone.wide, 'elements wider than a 390 px screen').toEqual([]);
        expect(phone.scrollWidth).toBeLessThanOrEqual(390);
        await page.setViewportSize({ width: 1280, height: 900 });
        const desktop = await overflow(page);
        expect(desktop.wide).toEqual([]);
        expect(desktop.scrollWidth).toBeLessThanOrEqual(1280);
        const links = await page.evaluate(() => {
          const { document } = globalThis as any;
          const anchors = [...document.querySelectorAll('a[href^="#"]')];
          return {
            count: anchors.length,
            broken: anchors
              .map((a: any) => a.getAttribute('href'))
              .filter((href: string) => !document.getElementById(decodeURIComponent(href.slice(1)))),
          };
        });
        expect(links.broken).toEqual([]);
        if (name !== 'export index.html') expect(links.count).toBeGreaterThan(0);
        expect(await axe(page, 'light')).toEqual([]);
        expect(await axe(page, 'dark')).toEqual([]);
        // Dark mode is really on: the page's background is dark.
        const background = await page.evaluate(
          () => (globalThis as any).getComputedStyle((globalThis as any).document.body).backgroundColor,
        );
        expect(background).toBe('rgb(20, 20, 20)');
        expect(requests).toEqual([]);
      } finally {
        await context.close();
      }
    }, 60_000);
  }

  it(`${STRESS}: the 1,600 px image shrinks to the column, and the wide table scrolls in its own box`, async () => {
    const { context, page } = await open(join(out, `${STRESS}.html`), 390);
    try {
      const sizes = await page.evaluate(() => {
        const { document } = globalThis as any;
        const image = document.querySelector('main img');
        const wrap = document.querySelector('main .table-wrap');
        return {
          natural: image.naturalWidth,
          shown: image.getBoundingClientRect().width,
          column: image.parentElement.getBoundingClientRect().width,
          table: wrap.scrollWidth,
          box: wrap.clientWidth,
          focusable: wrap.tabIndex,
        };
      });
      expect(sizes.natural).toBe(1600);
      expect(sizes.shown).toBeLessThanOrEqual(sizes.column);
      expect(sizes.table).toBeGreaterThan(sizes.box);
      expect(sizes.focusable).toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('the Atom feed parses as XML, with one entry per exported communiqué: title, updated date, link', async () => {
    const page = await browser.newPage();
    try {
      const feed = await page.evaluate(
        (xml: string) => {
          const parsed = new (globalThis as any).DOMParser().parseFromString(xml, 'application/xml');
          const text = (node: any, selector: string) => node.querySelector(selector)?.textContent ?? null;
          return {
            error: parsed.getElementsByTagName('parsererror').length,
            root: parsed.documentElement.namespaceURI,
            entries: [...parsed.querySelectorAll('entry')].map((entry: any) => ({
              title: text(entry, 'title'),
              updated: text(entry, 'updated'),
              link: entry.querySelector('link[rel="alternate"]')?.getAttribute('href') ?? null,
            })),
          };
        },
        readFileSync(join(exported, 'feed.xml'), 'utf8'),
      );
      expect(feed.error).toBe(0);
      expect(feed.root).toBe('http://www.w3.org/2005/Atom');
      // The draft and the document in review are not exported; the published four are, newest first.
      expect(feed.entries).toEqual([
        {
          title: 'Healthy Country Towns National Partnership Group Communiqué',
          updated: '2026-05-01T00:00:00Z',
          link: '2026-04-21-npg.html',
        },
        { title: TITLES[CHINESE], updated: '2026-03-25T00:00:00Z', link: `${CHINESE}.html` },
        { title: TITLES[FRENCH], updated: '2026-02-20T00:00:00Z', link: `${FRENCH}.html` },
        {
          title: 'Healthy Country Towns National Partnership Group Communiqué',
          updated: '2025-10-31T00:00:00Z',
          link: '2025-10-14-npg.html',
        },
      ]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
