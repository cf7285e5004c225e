import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DOCUMENTS,
  decode,
  layout,
  overlapping,
  publicationProject,
  removeScratch,
  renderAll,
  requireTool,
  runs,
  scratch,
} from './publication-support.js';

/**
 * Our Word files as LibreOffice lays them out: each .docx (the examples and the
 * publication fixtures) converted to PDF by LibreOffice in one call, then read back with
 * pdftotext's word and line boxes. No two lines are printed over each other, the title is
 * there, and no word in a table is broken across lines because its column was too narrow.
 */
const haveLibreOffice = requireTool(
  runs('soffice', ['--version']),
  'LibreOffice',
  'apt-get install libreoffice-writer-nogui',
);
const havePoppler = requireTool(runs('pdftotext', ['-v']), 'pdftotext', 'apt-get install poppler-utils');

/** The words in a Word document's tables, paragraph by paragraph, as a reader would split them. */
async function tableWords(docx: JSZip): Promise<string[]> {
  const document = await docx.file('word/document.xml')!.async('string');
  const words: string[] = [];
  for (const tableXml of document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []) {
    for (const paragraph of tableXml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
      // A line break or tab inside the paragraph separates words too.
      const text = [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(?:br|tab)\b[^>]*\/>/g)]
        .map((run) => (run[1] === undefined ? ' ' : decode(run[1])))
        .join('');
      words.push(...text.split(/\s+/));
    }
  }
  // Chinese has no spaces and wraps between any two characters, but a name, a status or a heading of two to
  // four characters (周明辉, 进行中, 负责方) should not: those are kept, with the words of Latin letters and digits.
  const chinese = /[\u2e80-\u9fff\uff00-\uffef]/;
  return words.filter((word) => word.length > 1 && (!chinese.test(word) || /^[\u4e00-\u9fff]{2,4}$/.test(word)));
}

let folder: string | undefined;
afterAll(() => removeScratch(folder));

it('counts lines as printed over each other when they are, and not when they only touch', () => {
  const line = (y0: number, height: number, text: string, x0 = 50, x1 = 400) => ({
    x0,
    y0,
    x1,
    y1: y0 + height,
    text,
    words: [{ x0, y0, x1, y1: y0 + height, text }],
  });
  // Latin lines 12.8 pt apart with 14.3 pt boxes; Chinese 18 pt apart with 27.3 pt boxes.
  expect(overlapping([{ lines: [line(100, 14.3, 'one'), line(112.8, 14.3, 'two')] }])).toEqual([]);
  expect(overlapping([{ lines: [line(100, 27.3, '一'), line(118, 27.3, '二')] }])).toEqual([]);
  // A 24 pt title at exact 12 pt spacing (as LibreOffice prints a spacing without its rule).
  expect(overlapping([{ lines: [line(100, 31.2, 'Title'), line(112, 31.2, 'over itself')] }])).toEqual([
    'page 1: “Title” and “over itself”',
  ]);
  // Side by side on one line: not over each other.
  expect(overlapping([{ lines: [line(100, 14, 'left', 50, 200), line(100, 14, 'right', 210, 400)] }])).toEqual([]);
});

describe.skipIf(!haveLibreOffice || !havePoppler)('the Word files in LibreOffice', () => {
  let out: string;
  let pdfs: string;
  beforeAll(async () => {
    folder = scratch('publication-word');
    const cwd = publicationProject(folder);
    out = await renderAll(cwd, 'docx', 'docx');
    pdfs = join(folder, 'pdf');
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(folder, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        pdfs,
        ...DOCUMENTS.map((name) => join(out, `${name}.docx`)),
      ],
      { encoding: 'utf8', timeout: 170_000 },
    );
    expect(result.status, result.stderr).toBe(0);
  }, 180_000);

  for (const name of DOCUMENTS) {
    it(`${name}: the title is there, the running title is one line, no lines print over each other, no word in a table breaks`, async () => {
      const docx = await JSZip.loadAsync(readFileSync(join(out, `${name}.docx`)));
      const core = await docx.file('docProps/core.xml')!.async('string');
      const title = decode(/<dc:title>([^<]*)<\/dc:title>/.exec(core)![1]!);
      const pages = layout(join(pdfs, `${name}.pdf`));
      expect(pages.length).toBeGreaterThan(0);
      const text = pages.flatMap((page) => page.lines.map((line) => line.text)).join(' ');
      expect(text.replace(/\s+/g, ' ')).toContain(title.replace(/\s+/g, ' '));
      expect(overlapping(pages)).toEqual([]);
      // The running title in the header, above the 1-inch top margin, is one line (a long title is shortened).
      pages.forEach(({ lines }, page) => {
        const rows = new Set(lines.filter((line) => line.y1 < 72).map((line) => Math.round(line.y0)));
        expect(rows.size, `lines in the header of page ${page + 1}`).toBeLessThanOrEqual(1);
      });
      const printed = new Set(pages.flatMap((page) => page.words.map((word) => word.text)));
      // A hyphenated word may break after its hyphen, as LibreOffice does.
      const whole = (word: string) =>
        printed.has(word) ||
        word.split(/(?<=-)/).every((part) => printed.has(part) || printed.has(part.replace(/-$/, '')));
      const broken = (await tableWords(docx)).filter((word) => !whole(word));
      expect(broken, 'words broken inside a table cell').toEqual([]);
    }, 30_000);
  }
});
