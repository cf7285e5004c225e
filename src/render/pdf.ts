/**
 * The PDF Chromium printed, made the same bytes every run: its dates, document id and
 * XMP metadata are set from the communiqué (Chromium stamps the time it printed and a
 * random id), with the title shown in the window, the language and the group as author.
 * The structure elements' ids (which Chromium takes from its DOM node counter, and so
 * from whatever the browser rendered before) are numbered afresh in the same order.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFObject, PDFStream, PDFString } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  lang: string;
  author: string;
  subject: string;
  keywords: string[];
  /** The document's date (publication, approval or meeting), YYYY-MM-DD, or a fixed date. */
  date: Date;
}

/** The facts the PDF's metadata needs, read from the HTML it was printed from (the meta tags our template writes). */
export function metadataFromHtml(html: string, date: Date): PdfMetadata {
  const meta = (name: string) =>
    new RegExp(`<meta name="${name.replace('.', '\\.')}" content="([^"]*)"`).exec(html)?.[1];
  const decode = (text: string | undefined) =>
    (text ?? '').replace(/&(amp|lt|gt|quot|#x27|#39);/g, (_, entity: string) =>
      entity === 'amp' ? '&' : entity === 'lt' ? '<' : entity === 'gt' ? '>' : entity === 'quot' ? '"' : "'",
    );
  const title = decode(meta('DCTERMS.title') ?? /<title>([^<]*)<\/title>/.exec(html)?.[1]);
  return {
    title,
    lang: /<html lang="([^"]*)"/.exec(html)?.[1] ?? 'en',
    author: decode(meta('DCTERMS.creator')),
    subject: decode(meta('DCTERMS.description')),
    keywords: [decode(meta('DCTERMS.creator')), 'communiqué'].filter(Boolean),
    date,
  };
}

export async function finishPdf(bytes: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  pdf.setAuthor(metadata.author);
  pdf.setSubject(metadata.subject);
  pdf.setKeywords(metadata.keywords);
  pdf.setCreator('communique');
  pdf.setProducer('communique');
  pdf.setLanguage(metadata.lang);
  pdf.setCreationDate(metadata.date);
  pdf.setModificationDate(metadata.date);
  // Chromium's XMP packet repeats its own time and a random id: the document information above replaces it.
  pdf.catalog.delete(PDFName.of('Metadata'));
  renumberStructureIds(pdf);
  const id = createHash('sha256')
    .update(JSON.stringify({ ...metadata, date: metadata.date.toISOString(), pages: pdf.getPageCount() }))
    .digest('hex')
    .slice(0, 32);
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return pdf.save({ useObjectStreams: false, updateFieldAppearances: false });
}

/**
 * Tagged PDF from Chromium names a structure element that table cells point at (`/Headers`)
 * `/ID (node00000122)`, after a counter that runs across every page the browser has loaded:
 * the same communiqué printed alone or after another gets other ids. They are numbered
 * here from 1 in the counter's order, which keeps the `/IDTree` name tree sorted.
 */
function renumberStructureIds(pdf: PDFDocument): void {
  const ID = PDFName.of('ID');
  const objects = pdf.context.enumerateIndirectObjects().map(([, object]) => object);
  const ids = new Set<string>();
  for (const object of objects) {
    if (!(object instanceof PDFDict) || !object.has(PDFName.of('S'))) continue;
    const id = object.get(ID);
    if (id instanceof PDFString || id instanceof PDFHexString) ids.add(id.decodeText());
  }
  if (ids.size === 0) return;
  const ranked = [...ids].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const renamed = new Map(ranked.map((id, index) => [id, `node${String(index + 1).padStart(8, '0')}`]));
  const rename = (value: PDFObject | undefined): PDFObject | undefined => {
    if (!(value instanceof PDFString || value instanceof PDFHexString)) return undefined;
    const to = renamed.get(value.decodeText());
    return to === undefined ? undefined : PDFString.of(to);
  };
  const visit = (value: PDFObject): void => {
    if (value instanceof PDFStream) visit(value.dict);
    else if (value instanceof PDFDict) {
      for (const [key, entry] of value.entries()) {
        const replaced = rename(entry);
        if (replaced) value.set(key, replaced);
        else visit(entry);
      }
    } else if (value instanceof PDFArray) {
      for (let index = 0; index < value.size(); index++) {
        const entry = value.get(index);
        const replaced = rename(entry);
        if (replaced) value.set(index, replaced);
        else visit(entry);
      }
    }
  };
  for (const object of objects) visit(object);
}
