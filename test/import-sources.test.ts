import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../src/import/sources/decode.js';
import { docxToBlocks, htmlToBlocks } from '../src/import/sources/docx.js';

const repo = resolve(import.meta.dirname, '..');

describe('reading old communiqués in their encodings', () => {
  const text = 'The Group met on 16 November 2021 – “Café” session.\n';
  it.each([
    ['UTF-8', new TextEncoder().encode(text)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
    ['UTF-16LE', new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])],
    ['UTF-16BE', new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()])],
  ])('%s', (encoding, bytes) => {
    expect(decodeSource(bytes)).toEqual({ ok: true, text, encoding });
  });

  it('Windows-1252, detected when the bytes are not UTF-8', () => {
    // "Café" with é as E9, an en dash as 96 and curly quotes as 93/94: Word's "Plain Text" on Windows.
    const bytes = new Uint8Array([
      ...Buffer.from('The Group met on 16 November 2021 ', 'latin1'),
      0x96,
      0x20,
      0x93,
      ...Buffer.from('Caf', 'latin1'),
      0xe9,
      0x94,
      ...Buffer.from(' session.\n', 'latin1'),
    ]);
    expect(decodeSource(bytes)).toEqual({ ok: true, text, encoding: 'Windows-1252' });
  });
});

describe('reading Word documents', () => {
  it('turns headings, lists and tables (with their header rows) into blocks', async () => {
    // A Word file laid out as communique wrote them before its Word output dropped the action ids: an actions table.
    const { blocks } = await docxToBlocks(readFileSync(join(repo, 'test/import-fixtures/npg-actions-table.docx')));
    expect(
      blocks
        .filter((block) => block.kind === 'heading')
        .map((block) => block.kind === 'heading' && `${block.level} ${block.text}`),
    ).toEqual([
      '1 Why Healthy Country Towns matters',
      '1 What the NPG agreed on 14 October',
      '1 Attendance',
      '1 Agreements',
      '1 Actions',
    ]);
    expect(blocks).toContainEqual({
      kind: 'list-item',
      text: 'Pressing for changes to funding rules and institutional arrangements',
      ordered: false,
      depth: 0,
    });
    const rows = blocks.filter((block) => block.kind === 'table-row');
    expect(rows[0]).toEqual({ kind: 'table-row', cells: ['ID', 'Action', 'Owner', 'Due', 'Status'], header: true });
    expect(rows[1]).toMatchObject({
      kind: 'table-row',
      cells: [
        'ACT-1',
        'Work out the arrangements for bringing governments and service providers together to back town-led change.',
        'Healthy Country Towns National Partnership Group',
        'coming months',
        'Open',
      ],
      header: false,
    });
  });

  it('keeps nested list items apart from their parents', () => {
    expect(htmlToBlocks('<ol><li>First<ul><li>Inner</li></ul></li><li>Second</li></ol><p>After</p>')).toEqual([
      { kind: 'list-item', text: 'First', ordered: true, depth: 0 },
      { kind: 'list-item', text: 'Inner', ordered: false, depth: 1 },
      { kind: 'list-item', text: 'Second', ordered: true, depth: 0 },
      { kind: 'paragraph', text: 'After' },
    ]);
  });
});

describe('reading web pages', () => {
  it('keeps the communiqué and lists what it leaves out: navigation, share buttons, footer, page dates', async () => {
    const { htmlToBlocks } = await import('../src/import/sources/html.js');
    const { Stripped } = await import('../src/import/sources/artefacts.js');
    const stripped = new Stripped();
    const html = readFileSync(join(repo, 'test/import-dev/d06-coastal-councils-web.html'), 'utf8');
    const blocks = await htmlToBlocks(html, stripped);
    expect(blocks.map((block) => (block.kind === 'table-row' ? block.cells.join(' | ') : block.text))).toEqual([
      'Communiqué: Coastal Councils Alliance meeting, 21 October 2022',
      'The Coastal Councils Alliance (CCA) met in Wollongong on Friday 21 October 2022, hosted by Wollongong City Council. Mayor Janet Pike chaired the meeting.',
      'Mayors and general managers from eleven member councils attended, with two councils joining online.',
      'Coastal erosion',
      'Members heard from Professor Alan Mbeki, Director of the Coastal Research Institute, on new mapping of erosion hot spots along the south coast.',
      'The Alliance endorsed a joint submission to the state coastal management review.',
      'Beach safety funding',
      "Members agreed in principle to pool funds for a shared lifeguard training program, subject to each council's budget process.",
      'The CCA Executive Officer will prepare a costed proposal for the February 2023 meeting.',
    ]);
    expect(stripped.describe()).toEqual([
      'web page chrome "Skip to main content Home About us News Contact …" (3)',
      'download links "Download the communiqué (PDF, 182 KB)"',
      'page dates "Page last updated: 24 October 2022"',
      '"read more" links "Read more news"',
    ]);
  });
});

describe('reading PDFs', () => {
  it('rebuilds headings, paragraphs and line breaks the writer made, from a PDF Chromium printed', async () => {
    const { pdfToText } = await import('../src/import/sources/pdf.js');
    const text = await pdfToText(readFileSync(join(repo, 'test/import-dev/d61-pacific-health-chromium.pdf')));
    expect(text.split('\n\n').slice(0, 5)).toEqual([
      '# Pacific Health Ministers Meeting',
      '### Communiqué',
      'Rarotonga, Cook Islands, 12–14 August 2019',
      'The Pacific Health Ministers Meeting was held in Rarotonga from 12 to 14 August 2019. Ministers and senior officials from 18 Pacific island countries and territories took part. The meeting was chaired by the Hon. Rosa Tokiau-Brown, Minister of Health of the Cook Islands.',
      '### Non-communicable diseases',
    ]);
  });

  it('tells a writer’s line break from a wrapped line in a PDF LibreOffice made from plain text', async () => {
    const { pdfToText } = await import('../src/import/sources/pdf.js');
    const text = await pdfToText(readFileSync(join(repo, 'test/import-dev/d62-darling-downs-libreoffice.pdf')));
    const paragraphs = text.trim().split('\n\n');
    expect(paragraphs).toContain(
      'The Darling Downs Regional Development Board held its 58th meeting in Toowoomba on 17 August 2021. The Chair, Mr Howard Pike, welcomed members.',
    );
    expect(paragraphs).toContain('Apologies: Greg Fenton.');
    expect(paragraphs.at(-1)).toBe('Next meeting: 19 October 2021, Dalby.');
  });
});

describe('what is not text', () => {
  it.each([
    ['a PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'it is a PNG image, not text'],
    [
      'UTF-16 without its byte-order mark',
      [...Buffer.from('The Group met.', 'utf16le')],
      'it is UTF-16 text without a byte-order mark, which cannot be told from binary data',
    ],
    ['UTF-32', [0xff, 0xfe, 0, 0, 0x54, 0, 0, 0], 'it is UTF-32 text, which communique does not read, not text'],
    [
      'a NUL byte far into the text',
      [...Buffer.from(`${'a'.repeat(9000)}\0`)],
      'it holds NUL bytes: it is binary data, not text',
    ],
  ])('refuses %s', (_, bytes, reason) => {
    expect(decodeSource(new Uint8Array(bytes))).toEqual({ ok: false, reason });
  });

  it('tells Mac Roman from Windows-1252 by the punctuation each would make', () => {
    // "don’t – “yes”" in Mac Roman: D5 is its apostrophe, D0 its en dash, D2 and D3 its quotes.
    const mac = Buffer.from([0x64, 0x6f, 0x6e, 0xd5, 0x74, 0x20, 0xd0, 0x20, 0xd2, 0x79, 0x65, 0x73, 0xd3]);
    expect(decodeSource(mac)).toEqual({ ok: true, text: 'don’t – “yes”', encoding: 'Mac Roman' });
    // The same words in Windows-1252: 92, 96, 93 and 94.
    const windows = Buffer.from([0x64, 0x6f, 0x6e, 0x92, 0x74, 0x20, 0x96, 0x20, 0x93, 0x79, 0x65, 0x73, 0x94]);
    expect(decodeSource(windows)).toEqual({ ok: true, text: 'don’t – “yes”', encoding: 'Windows-1252' });
  });
});

describe('Word documents as zip archives', () => {
  it('reads the directory of a real .docx and inflates each entry within what it declares', async () => {
    const { checkZip } = await import('../src/import/sources/zip.js');
    const result = checkZip(readFileSync(join(repo, 'examples/rendered/2025-10-14-npg.docx')));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.entries).toContain('word/document.xml');
  });

  it('refuses a directory that adds up to more than the limit, before inflating anything', async () => {
    const { checkZip } = await import('../src/import/sources/zip.js');
    const docx = readFileSync(join(repo, 'examples/rendered/2025-10-14-npg.docx'));
    expect(checkZip(docx, 1000)).toEqual({
      ok: false,
      reason: 'it would unzip to more than 0 MB (a zip bomb, or not a communiqué)',
    });
  });
});
