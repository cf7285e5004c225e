import JSZip from 'jszip';
import type { ViewModel } from '../view-model.js';
import { clean } from './layout.js';
import { TABLE_NORMAL, TABLE_STYLE } from './styles.js';

/** The package around the document: its properties, and a zip that is the same bytes every run. */
function xml(text: string): string {
  return clean(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function coreProperties(view: ViewModel, date: Date): string {
  const when = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const subject = `${view.group.display} — ${view.meeting.date}`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties' +
    ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xml(view.title)}</dc:title>` +
    `<dc:subject>${xml(subject)}</dc:subject>` +
    `<dc:creator>${xml(view.group.name)}</dc:creator>` +
    `<cp:lastModifiedBy>${xml(view.group.name)}</cp:lastModifiedBy>` +
    `<dc:language>${xml(view.lang)}</dc:language>` +
    `<cp:contentStatus>${xml(view.statusLabel)}</cp:contentStatus>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** The application properties Word and LibreOffice read: complete, and the same every run. */
export function appProperties(view: ViewModel): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"' +
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>communique</Application>' +
    '<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    `<Company>${xml(view.group.name)}</Company>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>' +
    '<AppVersion>16.0000</AppVersion></Properties>'
  );
}

/**
 * styles.xml as Word expects it: the "Table" table style (and the Normal Table it is based
 * on) added, since docx cannot declare table styles, and no style based on a style that
 * is not there.
 */
export function completeStyles(styles: string): string {
  let out = styles;
  if (!out.includes('w:styleId="TableNormal"')) out = out.replace('</w:styles>', `${TABLE_NORMAL}</w:styles>`);
  if (!out.includes('w:styleId="Table"')) out = out.replace('</w:styles>', `${TABLE_STYLE}</w:styles>`);
  const ids = new Set([...out.matchAll(/w:styleId="([^"]+)"/g)].map((match) => match[1]));
  return out.replace(/<w:(basedOn|next|link) w:val="([^"]+)"\s*\/>/g, (whole, _kind, id: string) =>
    ids.has(id) ? whole : '',
  );
}

/** The earliest time a zip entry can hold (MS-DOS dates start in 1980). */
const ZIP_EPOCH = Date.UTC(1980, 0, 1);
const CONTENT_TYPES = '[Content_Types].xml';
const RANDOM_ID = /\bId="(rId(?!\d+")[^"]*)"/g;

/**
 * The package again, byte for byte the same for the same input: docx names hyperlink
 * relationships at random and dates every zip entry now, so relationships are renamed in
 * the order they appear, and every entry gets the document's date and a fixed place, with
 * [Content_Types].xml first, where tools that sniff the file type look for it. Parts left
 * unchanged keep the bytes docx compressed them to rather than being compressed again.
 */
export async function rezip(packed: Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(packed);
  const stamp = new Date(Math.max(ZIP_EPOCH, date.getTime()));
  for (const name of Object.keys(zip.files)) {
    const match = /^(.*)_rels\/([^/]+)\.rels$/.exec(name);
    if (!match) continue;
    const rels = await zip.files[name]!.async('string');
    const renames = new Map<string, string>();
    for (const [, id] of rels.matchAll(RANDOM_ID))
      if (id && !renames.has(id)) renames.set(id, `rIdLink${renames.size + 1}`);
    if (renames.size === 0) continue;
    const rename = (text: string) =>
      text.replace(/"(rId[^"]*)"/g, (quoted, id: string) => (renames.has(id) ? `"${renames.get(id)}"` : quoted));
    zip.file(name, rename(rels), { createFolders: false });
    const part = zip.files[`${match[1]}${match[2]}`];
    if (part) zip.file(part.name, rename(await part.async('string')), { createFolders: false });
  }
  const styles = zip.file('word/styles.xml');
  if (styles) zip.file('word/styles.xml', completeStyles(await styles.async('string')), { createFolders: false });
  const names = Object.keys(zip.files).sort((a, b) =>
    a === CONTENT_TYPES ? -1 : b === CONTENT_TYPES ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  for (const name of names) {
    const file = zip.files[name]!;
    delete zip.files[name];
    if (file.dir) continue;
    file.date = stamp;
    zip.files[name] = file;
  }
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}
