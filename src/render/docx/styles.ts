import { type IStylesOptions, LineRuleType, ShadingType } from 'docx';
import { LIST_INDENT, SMALL_TABLE_TEXT } from './layout.js';

/**
 * Word's own styles, set for a communiqué: the structure lives in named styles, not in
 * direct formatting, and they carry the names the pandoc route uses (Title, Heading 1…,
 * Meeting Facts, Draft Notice, Outcomes, Agreement, Contact, Table Caption, Table), so
 * one reference document styles both. Every line spacing says its rule: LibreOffice reads
 * a spacing without one as exact, and prints a 24 pt title over itself.
 */
const AUTO = LineRuleType.AUTO;

/** Fonts for East Asian text, by language. */
const EAST_ASIAN: Record<string, string> = {
  zh: 'Microsoft YaHei',
  'zh-Hant': 'Microsoft JhengHei',
  ja: 'Yu Gothic',
  ko: 'Malgun Gothic',
};

export function eastAsian(lang: string): { lang: string; font: string } | undefined {
  const locale = (() => {
    try {
      return new Intl.Locale(lang);
    } catch {
      return undefined;
    }
  })();
  if (!locale || !['zh', 'ja', 'ko'].includes(locale.language)) return undefined;
  const traditional =
    locale.language === 'zh' && (locale.script === 'Hant' || /^(TW|HK|MO)$/.test(locale.region ?? ''));
  return { lang, font: EAST_ASIAN[traditional ? 'zh-Hant' : locale.language]! };
}

export const BODY_FONT = 'Calibri';

export function styles(lang: string): IStylesOptions {
  const east = eastAsian(lang);
  const heading = (size: number, before: number, outlineLevel: number, italics = false) => ({
    run: { size, bold: true, ...(italics ? { italics } : {}), color: '1F3864' },
    paragraph: {
      spacing: { before, after: 120, line: 240, lineRule: AUTO },
      keepNext: true,
      keepLines: true,
      outlineLevel,
    },
  });
  return {
    default: {
      document: {
        run: {
          font: east ? { ascii: BODY_FONT, hAnsi: BODY_FONT, cs: BODY_FONT, eastAsia: east.font } : BODY_FONT,
          size: 22,
          language: { value: lang, ...(east ? { eastAsia: east.lang } : {}) },
        },
        paragraph: { spacing: { after: 160, line: 264, lineRule: AUTO } },
      },
      title: {
        run: { size: 48, bold: true, color: '1F3864' },
        paragraph: { spacing: { after: 240, line: 240, lineRule: AUTO }, keepNext: true },
      },
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
          spacing: { after: 160, line: 240, lineRule: AUTO },
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
      {
        id: 'DraftNotice',
        name: 'Draft Notice',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { bold: true, color: 'C00000' },
        paragraph: {
          spacing: { after: 240 },
          keepNext: true,
          border: {
            top: { style: 'single', size: 12, color: 'C00000', space: 4 },
            bottom: { style: 'single', size: 12, color: 'C00000', space: 4 },
          },
        },
      },
      {
        id: 'MeetingFacts',
        name: 'Meeting Facts',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        paragraph: { spacing: { after: 0 } },
      },
      {
        id: 'Outcomes',
        name: 'Outcomes',
        basedOn: 'Normal',
        next: 'Normal',
        run: { italics: true },
        paragraph: { spacing: { before: 200, after: 200 } },
      },
      {
        id: 'Agreement',
        name: 'Agreement',
        basedOn: 'Normal',
        next: 'Agreement',
        quickFormat: true,
        paragraph: { spacing: { after: 120 } },
      },
      {
        id: 'Contact',
        name: 'Contact',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { spacing: { before: 360 } },
      },
      {
        id: 'TableText',
        name: 'Table Text',
        basedOn: 'Normal',
        paragraph: { spacing: { before: 40, after: 40, line: 240, lineRule: AUTO } },
      },
      {
        id: 'TableTextSmall',
        name: 'Table Text Small',
        basedOn: 'TableText',
        run: { size: SMALL_TABLE_TEXT },
      },
      {
        id: 'Header',
        name: 'header',
        basedOn: 'Normal',
        run: { size: 18, color: '595959' },
        paragraph: { spacing: { after: 0 } },
      },
      {
        id: 'Footer',
        name: 'footer',
        basedOn: 'Normal',
        run: { size: 18, color: '595959' },
        paragraph: { spacing: { after: 0 } },
      },
    ],
    characterStyles: [
      {
        id: 'VerbatimChar',
        name: 'Verbatim Char',
        run: { font: 'Consolas', size: 20 },
      },
      {
        id: 'Strong',
        name: 'Strong',
        quickFormat: true,
        run: { bold: true },
      },
      {
        id: 'DraftMark',
        name: 'Draft Mark',
        run: { bold: true, color: 'C00000' },
      },
    ],
  };
}

/**
 * The table style every table uses, named "Table" as pandoc names its own: borders, a
 * shaded header row, and cell margins. docx has no way to declare a table style, so it is
 * added to styles.xml as XML.
 */
export const TABLE_STYLE =
  '<w:style w:type="table" w:styleId="Table"><w:name w:val="Table"/><w:basedOn w:val="TableNormal"/>' +
  '<w:uiPriority w:val="59"/><w:qFormat/><w:pPr>' +
  '<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr>' +
  '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>' +
  '<w:left w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>' +
  '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>' +
  '<w:right w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>' +
  '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>' +
  '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/></w:tblBorders><w:tblCellMar>' +
  '<w:left w:w="100" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
  '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr>' +
  '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/></w:tcPr></w:tblStylePr></w:style>';

/** Word's base table style, which "Table" is based on. */
export const TABLE_NORMAL =
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>' +
  '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>' +
  '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>' +
  '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>' +
  '</w:tblCellMar></w:tblPr></w:style>';
