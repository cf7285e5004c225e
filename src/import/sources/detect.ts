/**
 * What a source is, from its first bytes as much as its name: a PDF or a Word document is
 * read as one whatever it is called, and bytes that are no format communique reads — an
 * image, an old .doc, a spreadsheet — are refused with the formats it can read, never
 * decoded as if they were text.
 */
export type SourceKind = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

export const READABLE =
  'communique imports plain text (.txt), Markdown (.md), web pages (.html), Word documents (.docx) and PDFs (.pdf)';

export type Sniffed = { ok: true; kind: SourceKind } | { ok: false; reason: string };

const starts = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((byte, index) => bytes[index] === byte);

export function sniffSource(bytes: Uint8Array, extension: string): Sniffed {
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { ok: true, kind: 'pdf' };
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) || starts(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return containsName(bytes, 'word/document.xml')
      ? { ok: true, kind: 'docx' }
      : { ok: false, reason: 'it is a zip archive but not a Word document' };
  }
  if (extension === '.pdf') return { ok: false, reason: 'it is named .pdf but is not a PDF' };
  if (extension === '.docx') return { ok: false, reason: 'it is named .docx but is not a Word document' };
  if (/^\.(?:html?|xhtml)$/.test(extension) || looksLikeHtml(bytes)) return { ok: true, kind: 'html' };
  if (/^\.(?:md|markdown)$/.test(extension)) return { ok: true, kind: 'markdown' };
  return { ok: true, kind: 'text' };
}

/** A zip holding a file of this name (its name is stored as plain bytes in the directory). */
function containsName(bytes: Uint8Array, name: string): boolean {
  const needle = new TextEncoder().encode(name);
  const tail = bytes.subarray(Math.max(0, bytes.length - 256 * 1024));
  outer: for (let at = 0; at <= tail.length - needle.length; at++) {
    for (let index = 0; index < needle.length; index++) if (tail[at + index] !== needle[index]) continue outer;
    return true;
  }
  return false;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}
