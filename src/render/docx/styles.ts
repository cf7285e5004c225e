import { type IStylesOptions, ShadingType } from 'docx';
import { LIST_INDENT } from './layout.js';

/** Word's own styles, set for a communiqué: the structure lives in styles, not in direct formatting. */
export function styles(lang: string): IStylesOptions {
  const heading = (size: number, before: number, outlineLevel: number, italics = false) => ({
    run: { size, bold: true, ...(italics ? { italics } : {}), color: '1F3864' },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel },
  });
  return {
    default: {
      document: {
        run: { font: 'Calibri', size: 22, language: { value: lang } },
        paragraph: { spacing: { after: 160, line: 264 } },
      },
      title: { run: { size: 48, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 240 }, keepNext: true } },
      heading1: heading(32, 360, 0),
      heading2: heading(28, 280, 1),
      heading3: heading(24, 240, 2),
      heading4: heading(22, 200, 3),
      heading5: heading(22, 200, 4, true),
      heading6: heading(20, 200, 5, true),
    },
    paragraphStyles: [
      {
        id: 'Quote',
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { italics: true, color: '404040' },
        paragraph: {
          indent: { left: LIST_INDENT, right: LIST_INDENT },
          border: { left: { style: 'single', size: 18, color: 'BFBFBF', space: 8 } },
        },
      },
      {
        id: 'SourceCode',
        name: 'Source Code',
        basedOn: 'Normal',
        run: { font: 'Consolas', size: 19 },
        paragraph: {
          spacing: { after: 160, line: 240 },
          shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
        },
      },
      {
        id: 'TableCaption',
        name: 'Table Caption',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true, color: '1F3864' },
        paragraph: { spacing: { before: 160, after: 80 }, keepNext: true },
      },
    ],
    characterStyles: [
      {
        id: 'VerbatimChar',
        name: 'Verbatim Char',
        basedOn: 'DefaultParagraphFont',
        run: { font: 'Consolas', size: 20 },
      },
    ],
  };
}
