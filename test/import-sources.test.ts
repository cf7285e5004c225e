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
    expect(decodeSource(bytes)).toEqual({ text, encoding });
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
    expect(decodeSource(bytes)).toEqual({ text, encoding: 'Windows-1252' });
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
