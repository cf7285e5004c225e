/**
 * What is on the page but not in the communiqué: web and CMS chrome ("Share this page",
 * "Page last updated", "Read more", "click here" lines, download links with their sizes,
 * field labels on their own), running headers and footers with document codes, security
 * markings, contents lines with dot leaders, document-type labels ("MEDIA RELEASE"),
 * redaction markers and end markers in any dress ("-ENDS-", "# # #"). Each line is judged on
 * its own; every one removed is listed in the import summary, so nothing goes silently.
 */
import { pattern } from '../recognise/pattern.js';

/** Removed artefacts, grouped by kind, with the first of each as an example. */
export class Stripped {
  private readonly kinds = new Map<string, { count: number; sample: string | undefined }>();

  add(kind: string, sample?: string): void {
    const entry = this.kinds.get(kind);
    if (entry) entry.count++;
    else this.kinds.set(kind, { count: 1, sample: sample === undefined ? undefined : shorten(sample) });
  }

  describe(): string[] {
    return [...this.kinds].map(([kind, { count, sample }]) => {
      const quoted = sample === undefined ? kind : `${kind} "${sample}"`;
      return count > 1 ? `${quoted} (${count})` : quoted;
    });
  }
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 48) return flat;
  // Cut at a word, so the sample never ends inside one.
  const cut = flat.slice(0, 49);
  const space = cut.lastIndexOf(' ');
  return `${space > 20 ? cut.slice(0, space) : cut.slice(0, 45)} …`;
}

const WEB_CHROME: readonly [RegExp, string][] = [
  [/^skip to (?:the )?(?:main )?(?:content|navigation)\b/i, 'web page navigation'],
  [/^(?:home|start)\s*[›»>/|]/i, 'web page navigation'],
  [
    pattern(
      'i',
      '^(?:share(?: this(?: page| article| story| post)?)?(?: on| via)?|share:?)',
      String.raw`(?:\s*:?\s*(?:facebook|twitter|x|linkedin|email|e-mail|whatsapp|print|copy link)[\s,`,
      '|·]*)*:?$',
    ),
    'share links',
  ],
  [/^(?:facebook|twitter|linkedin|whatsapp|copy link|print(?: this page)?|e-?mail this page)$/i, 'share links'],
  [/^(?:this )?page (?:was )?last (?:updated|modified|reviewed)\b.*$/i, 'page dates'],
  [/^(?:last (?:updated|modified|reviewed)|date (?:published|modified)|published on)\s*:?\s*.{0,40}$/i, 'page dates'],
  [/^read (?:more|the full|on)\b.{0,60}$/i, '"read more" links'],
  [/^click here\b.{0,100}$|^.{0,60}\bclick here\.?$/i, '"click here" lines'],
  [/^download\b.{0,120}\(\s*(?:pdf|docx?|word|rtf|xlsx?|pptx?|zip)\b[^)]*\)\.?$/i, 'download links'],
  [/^.{0,120}\((?:pdf|docx?|word|rtf),?\s*[\d.,]+\s*(?:kb|mb|k|m)\)\.?$/i, 'download links'],
  [
    /^(?:back to top|return to top|top of page|print page|print this page|was this page helpful\??|yes\s*no)$/i,
    'web page controls',
  ],
  [
    /^(?:follow us|subscribe(?: to [a-z ]+)?|sign up to our newsletter|related (?:content|links|news|pages))\b.{0,40}$/i,
    'web page chrome',
  ],
  [/^(?:©|\(c\)|copyright\b).{0,120}$/i, 'web page footer'],
  [
    pattern(
      'i',
      '^(?:privacy(?: policy)?|accessibility|disclaimer|sitemap|site map|terms of use',
      String.raw`|copyright)(?:\s*[|·•]\s*(?:privacy(?: policy)?|accessibility|disclaimer`,
      '|sitemap|site map|terms of use|copyright|contact us|feedback))*$',
    ),
    'web page footer',
  ],
  [
    /^(?:tags?|categor(?:y|ies)|topics?|author|published|posted|filed under|keywords)\s*:?$/i,
    'field labels on their own',
  ],
  [/^we use cookies\b.{0,160}$/i, 'cookie notice'],
  [/^posted\b.{0,80}$/i, 'page dates'],
];

const SECURITY_MARKING = pattern(
  '',
  String.raw`^(?:OFFICIAL(?::\s*Sensitive)?|OFFICIAL\s*[-–]\s*SENSITIVE|PROTECTED|UNCLASSIFIED`,
  '|SENSITIVE|IN-CONFIDENCE|CONFIDENTIAL|FOR OFFICIAL USE ONLY|For Official Use Only)$',
);
const DOCUMENT_LABEL = pattern(
  'i',
  String.raw`^(?:(?:JOINT\s+)?(?:MEDIA|PRESS|NEWS)\s+(?:RELEASES?|STATEMENTS?)|FOR IMMEDIATE RELEASE`,
  String.raw`|EMBARGOED(?:\s+UNTIL\b.*)?|MEDIA ADVISORY|(?:LATEST )?NEWS)$`,
);
const REFERENCE = pattern(
  'i',
  String.raw`^(?:(?:doc(?:ument)?\.?\s*(?:id|ref(?:erence)?|no\.?|number)|our ref(?:erence)?`,
  String.raw`|ref(?:erence)?|file(?:\s+no\.?)?|trim|objective id)\s*[:#.]?\s*)?(?=[A-Z0-9/-]*\d)[A-Z]{1,8}[A-Z0-9]*`,
  '(?:[-/.][A-Z0-9]{1,12}){1,5}$',
);
const REFERENCE_LABELLED =
  /^(?:doc(?:ument)?\.?\s*(?:id|ref(?:erence)?|no\.?|number)|our ref(?:erence)?|trim ref)\s*[:#.]\s*\S/i;
const DOT_LEADER = /^.{1,120}?(?:\.{4,}|…{2,}|(?:\. ){4,})\s*\d{1,4}$/;
const REDACTION = /^\[?\s*(?:REDACTED|Redacted|redacted|s\.?\s?47[A-H]?(?:\(\d\))?|s\.?\s?22(?:\(1\))?|[█■▇]+)\s*\]?$/;
const END_MARKER = pattern(
  'i',
  String.raw`^(?:end\.?|ends\.?|[-–—*#~[(]+\s*ends?\s*[-–—*#~\])]+|#\s*#\s*#|#{3,}|-{2,}\s*end\s*-{2,}`,
  String.raw`|end of (?:communiqu[eé]|statement|release|document)\.?)$`,
);

/** A line that is only an artefact: what kind, or undefined. */
export function artefactLine(line: string, at: { start: boolean; after?: string }): string | undefined {
  const text = line.replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  // "Email", "Print", "X" under "Share this page": the rest of the share links.
  if (at.after === 'share links' && /^(?:e-?mail|print|x|copy|copy link|share)$/i.test(text)) return 'share links';
  if (SECURITY_MARKING.test(text)) return 'security marking';
  if (REDACTION.test(text)) return 'redaction marker';
  if (DOT_LEADER.test(text)) return 'contents';
  if (at.start && DOCUMENT_LABEL.test(text)) return 'document label';
  if (REFERENCE_LABELLED.test(text) || (at.start && REFERENCE.test(text) && !/^\d/.test(text)))
    return 'document reference';
  for (const [pattern, kind] of WEB_CHROME) if (pattern.test(text)) return kind;
  return undefined;
}

export function isEndMarker(line: string): boolean {
  return END_MARKER.test(line.replace(/\s+/g, ' ').trim());
}

/**
 * Running headers and footers: a line that comes back on every page. Only lines that look
 * like one (a document code, a gap of spaces between two parts, capitals) count, so a
 * label such as "Present:" used twice is kept.
 */
export function runningLines(lines: readonly string[], apart = 12): Set<string> {
  const seen = new Map<string, number[]>();
  lines.forEach((line, index) => {
    const key = line.trim();
    if (key.length < 4 || key.length > 140) return;
    seen.set(key, [...(seen.get(key) ?? []), index]);
  });
  const running = new Set<string>();
  for (const [line, at] of seen) {
    const count = at.length;
    // A page's worth of lines between each: a header or footer, not a label used twice.
    if (count < 2 || at.some((index, nth) => nth > 0 && index - at[nth - 1]! < apart)) continue;
    const looksLikeHeader =
      /\S {3,}\S/.test(line) ||
      /\b[A-Z]{2,}[-/]\d{2,}/.test(line) ||
      /^page \d+/i.test(line) ||
      (count >= 3 && line.split(/\s+/).length <= 10 && !/[.:;]$/.test(line));
    if (looksLikeHeader) running.add(line);
  }
  return running;
}

/** The same judgement over blocks already read (Word, web pages, Markdown, PDFs). */
export function stripArtefactBlocks<B extends { kind: string; text?: string }>(
  blocks: readonly B[],
  stripped: Stripped,
): B[] {
  const texts = blocks.map((block) => (block.kind === 'table-row' ? '' : (block.text ?? '')));
  const running = runningLines(texts, 6);
  let seen = 0;
  let after: string | undefined;
  const kept = blocks.filter((_, index) => {
    const text = texts[index]!;
    if (text === '') return true;
    seen++;
    const kind = running.has(text.trim())
      ? 'running header or footer'
      : artefactLine(text, { start: seen <= 4, ...(after ? { after } : {}) });
    after = kind;
    if (!kind) return true;
    stripped.add(kind, text);
    return false;
  });
  // An end marker closes the document only when nothing but blank lines follows it.
  const last = kept.at(-1);
  if (last && last.kind !== 'table-row' && isEndMarker(last.text ?? '')) {
    stripped.add('end marker', last.text);
    kept.pop();
  }
  return kept;
}

/**
 * Lines that are artefacts, dropped (so a paragraph a page break cut in two joins up
 * again): running headers and footers, and lines that are chrome or markings on their
 * own. A "Contents" heading goes with the dot-leader lines under it.
 */
export function stripArtefactLines(lines: string[], stripped: Stripped): string[] {
  const running = runningLines(lines);
  const drop = new Set<number>();
  let seen = 0;
  let after: string | undefined;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    seen++;
    const kind = running.has(line.trim())
      ? 'running header or footer'
      : artefactLine(line, { start: seen <= 4, ...(after ? { after } : {}) });
    after = kind;
    if (!kind) return;
    stripped.add(kind, line);
    drop.add(index);
    if (kind !== 'contents') return;
    // The "Contents" heading above the first dot-leader line.
    for (let before = index - 1; before >= 0; before--) {
      if (lines[before]!.trim() === '' || drop.has(before)) continue;
      if (/^\s*(?:table of )?contents\s*$/i.test(lines[before]!)) drop.add(before);
      break;
    }
  });
  return lines.filter((_, index) => !drop.has(index));
}
