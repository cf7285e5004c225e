import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHINESE,
  CHROMIUM,
  DOCUMENTS,
  EXAMPLES,
  FRENCH,
  layout,
  overlapping,
  publicationProject,
  removeScratch,
  renderAll,
  requireTool,
  runs,
  STRESS,
  scratch,
} from './publication-support.js';

/**
 * `render --to pdf` as a reader opens it: every page says which page of how many it is
 * (in the document's language), a draft says DRAFT on every page, the running title at
 * the top of the page is one line, no lines print over each other, and the file is a
 * tagged A4 PDF with the title, the language and an outline. The same communiqué printed
 * again, alone or after others, is the same bytes.
 */
const haveChromium = requireTool(Boolean(CHROMIUM), 'Chromium', 'apt-get install chromium');
const havePoppler = requireTool(runs('pdftotext', ['-v']), 'pdftotext', 'apt-get install poppler-utils');

const DRAFTS = new Set([STRESS, '2025-05-14-hspr']); // a draft, and one in review
const PAGE_LABEL: Record<string, (page: number, pages: number) => string> = {
  [FRENCH]: (page, pages) => `Page ${page} sur ${pages}`,
  [CHINESE]: (page, pages) => `第 ${page} 页，共 ${pages} 页`,
};
const LANG: Record<string, string> = { [FRENCH]: 'fr', [CHINESE]: 'zh-CN' };
/** The top page margin, 22 mm, in points: the running title and DRAFT print in it. */
const TOP_MARGIN = (22 / 25.4) * 72;

function tool(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

let folder: string | undefined;
afterAll(() => removeScratch(folder));

describe.skipIf(!haveChromium || !havePoppler)('the printed PDF', () => {
  let cwd: string;
  let out: string;
  beforeAll(async () => {
    folder = scratch('publication-pdf');
    cwd = publicationProject(folder);
    out = await renderAll(cwd, 'pdf', 'pdf');
  }, 120_000);

  for (const name of DOCUMENTS) {
    it(`${name}: page N of M and ${DRAFTS.has(name) ? 'DRAFT' : 'no DRAFT'} on every page, a one-line running title, no overprinting`, () => {
      const path = join(out, `${name}.pdf`);
      const info = tool('pdfinfo', [path]);
      const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
      expect(pages).toBeGreaterThan(1);
      const label = PAGE_LABEL[name] ?? ((page: number, count: number) => `Page ${page} of ${count}`);
      for (let page = 1; page <= pages; page++) {
        const lines = tool('pdftotext', ['-f', String(page), '-l', String(page), path, '-'])
          .split('\n')
          .map((line) => line.trim());
        expect(lines, `page ${page}`).toContain(label(page, pages));
        if (DRAFTS.has(name)) expect(lines, `page ${page}`).toContain('DRAFT — NOT FOR PUBLICATION');
        else expect(lines.join('\n')).not.toMatch(/DRAFT/);
      }
      const boxes = layout(path);
      expect(boxes).toHaveLength(pages);
      expect(overlapping(boxes)).toEqual([]);
      // In the top margin: one line (the running title and DRAFT beside it), or none on the first page of a final.
      boxes.forEach(({ lines }, page) => {
        const top = lines.filter((line) => line.y1 < TOP_MARGIN);
        const rows = new Set(top.map((line) => Math.round(line.y0)));
        expect(
          rows.size,
          `lines in the top margin of page ${page + 1}: ${top.map((line) => line.text)}`,
        ).toBeLessThanOrEqual(1);
      });
    }, 30_000);
  }

  for (const name of DOCUMENTS) {
    it(`${name}: tagged, A4, with its title, language and an outline`, async () => {
      const path = join(out, `${name}.pdf`);
      const html = readFileSync(
        join(await renderAll(cwd, 'html', `html-${name}`, [`${name}.md`]), `${name}.html`),
        'utf8',
      );
      const title = /<meta name="DCTERMS.title" content="([^"]*)">/.exec(html)![1]!;
      const info = tool('pdfinfo', [path]);
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(/^Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)$/m);
      expect(info).toMatch(new RegExp(`^Title:\\s+${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
      const pdf = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
      expect(pdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe(LANG[name] ?? 'en-AU');
      const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
      expect(outlines.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBeGreaterThan(0);
    }, 30_000);
  }

  it('prints the body text at the same size in every document: no document shrunk to fit something too wide', () => {
    // The commonest height of a word's box is the body text's size. Chromium shrinks every page of a document
    // to fit a table wider than the page. (The Chinese document's words are in Type 3 fonts, with boxes of
    // their own height.)
    const commonest = (values: number[]) => {
      const counts = new Map<number, number>();
      for (const value of values)
        counts.set(Math.round(value * 10) / 10, (counts.get(Math.round(value * 10) / 10) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    };
    const sizes = Object.fromEntries(
      DOCUMENTS.filter((name) => name !== CHINESE).map((name) => [
        name,
        commonest(layout(join(out, `${name}.pdf`)).flatMap(({ words }) => words.map((word) => word.y1 - word.y0))),
      ]),
    );
    const body = sizes['2025-10-14-npg']!;
    expect(body).toBeGreaterThan(10);
    expect(sizes).toEqual(Object.fromEntries(Object.keys(sizes).map((name) => [name, body])));
  });

  it('is the same bytes when printed again, alone or after other communiqués', async () => {
    // Printed in another batch, in another order: Chromium's counters run on from whatever it printed before.
    const again = await renderAll(cwd, 'pdf', 'pdf-again', [`${CHINESE}.md`, `${STRESS}.md`, `${EXAMPLES[0]}.md`]);
    for (const name of [CHINESE, STRESS, EXAMPLES[0]!]) {
      const first = readFileSync(join(out, `${name}.pdf`));
      const second = readFileSync(join(again, `${name}.pdf`));
      expect(second.equals(first), `${name}.pdf printed twice differs`).toBe(true);
    }
  }, 120_000);
});
