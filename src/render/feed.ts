/**
 * The Atom feed (RFC 4287) beside the index: one entry per exported communiqué with its
 * title, dates, a summary and a link to each format, so a department's web page and its
 * subscribers follow the group without re-typing anything. Ids are UUIDs made from the
 * communiqué's own id, so an entry keeps its id from one export to the next.
 */
import { createHash } from 'node:crypto';
import type { IndexEntry } from './index-page.js';
import { labelsFor, type LabelOverrides } from './labels/index.js';

const TYPES: Record<string, string> = {
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
  md: 'text/markdown',
};

/** A name-based (version 5) UUID: the same name always gives the same id. */
export function uuidFor(name: string): string {
  const hash = createHash('sha1').update(`communique:${name}`).digest('hex');
  const variant = ((Number.parseInt(hash.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `urn:uuid:${hash.slice(0, 8)}-${hash.slice(8, 12)}-5${hash.slice(13, 16)}-${variant}${hash.slice(18, 20)}-${hash.slice(20, 32)}`;
}

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function when(iso: string): string {
  return `${iso}T00:00:00Z`;
}

export function renderFeed(
  entries: readonly IndexEntry[],
  lang: string,
  siteUrl?: string,
  overrides?: LabelOverrides,
): string {
  const base = siteUrl ? (siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`) : '';
  const url = (href: string) => xml(base + href);
  const sorted = [...entries].sort((a, b) =>
    a.published === b.published ? a.id.localeCompare(b.id) : a.published < b.published ? 1 : -1,
  );
  const updated = sorted[0]?.published ?? '2000-01-01';
  const title = labelsFor(lang, overrides).t('index');
  const groups = [...new Set(entries.map((entry) => entry.group))].sort();
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(lang)}">`,
    `  <id>${uuidFor(`feed:${base || groups.join('|')}`)}</id>`,
    `  <title>${xml(groups.length === 1 ? `${title}: ${groups[0]}` : title)}</title>`,
    `  <updated>${when(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${url('feed.xml')}"/>`,
    `  <link rel="alternate" type="text/html" href="${url('index.html')}"/>`,
    ...groups.map((group) => `  <author><name>${xml(group)}</name></author>`),
    '  <generator>communique</generator>',
  ];
  for (const entry of sorted) {
    const [main, ...others] = entry.files;
    lines.push(
      `  <entry xml:lang="${xml(entry.lang)}">`,
      `    <id>${uuidFor(entry.id)}</id>`,
      `    <title>${xml(entry.title)}</title>`,
      `    <published>${when(entry.published)}</published>`,
      `    <updated>${when(entry.published)}</updated>`,
      ...(main
        ? [
            `    <link rel="alternate" type="${TYPES[main.format] ?? 'application/octet-stream'}" href="${url(main.href)}"/>`,
          ]
        : []),
      ...others.map(
        (file) =>
          `    <link rel="related" type="${TYPES[file.format] ?? 'application/octet-stream'}"` +
          ` href="${url(file.href)}" title="${xml(file.label)}"/>`,
      ),
      `    <summary>${xml(entry.summary)}</summary>`,
      `    <author><name>${xml(entry.group)}</name></author>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
