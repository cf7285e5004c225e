/**
 * The PDF Chromium printed, made the same bytes every run: its dates, document id and
 * XMP metadata are set from the communiqué (Chromium stamps the time it printed and a
 * random id), with the title shown in the window, the language and the group as author.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';

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
  const id = createHash('sha256')
    .update(JSON.stringify({ ...metadata, date: metadata.date.toISOString(), pages: pdf.getPageCount() }))
    .digest('hex')
    .slice(0, 32);
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return pdf.save({ useObjectStreams: false, updateFieldAppearances: false });
}
