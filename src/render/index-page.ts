/**
 * The published index: every exported communiqué, by group and newest first, with its
 * meeting, theme and a link to each format — one self-contained, accessible page styled
 * like the communiqués themselves, beside an Atom feed (feed.ts) built from the same entries.
 */
import Handlebars from 'handlebars';
import { meetingDays } from '../core/dates.js';
import type { Communique } from '../core/model.js';
import { cleanValue } from './controls.js';
import { labelsFor, type LabelOverrides } from './labels/index.js';
import { DateWriter } from './view-parts.js';

export interface IndexFile {
  format: string;
  /** The file's name in the export folder. */
  href: string;
}

export interface IndexEntry {
  id: string;
  title: string;
  lang: string;
  group: string;
  shortName?: string;
  /** The meeting's first day, YYYY-MM-DD. */
  isoDate: string;
  date: string;
  number?: number;
  theme?: string;
  /** The publication date, YYYY-MM-DD (the meeting's date when there is none). */
  published: string;
  summary: string;
  files: (IndexFile & { label: string })[];
}

/** The order formats are offered in: the page first, then what a reader downloads. */
const FORMAT_ORDER = ['html', 'pdf', 'docx', 'txt', 'md'];

export function indexEntry(
  source: Communique,
  files: readonly IndexFile[],
  lang: string,
  labels?: LabelOverrides,
): IndexEntry {
  const communique = cleanValue(source);
  const words = labelsFor(lang, labels);
  const dates = DateWriter.for(lang);
  const days = meetingDays(communique.meeting);
  const first = days[0] ?? '';
  const date =
    days.length > 1
      ? dates
          .range(first, days.at(-1)!)
          .map((part) => part.text)
          .join('')
      : dates.day(first);
  const agreements = (communique.agreements ?? []).filter((item) => !item.internal).length;
  const actions = (communique.actions ?? []).filter((item) => !item.internal).length;
  const group = communique.meeting.group;
  const summary = [
    `${group.name}${numbered(words, communique.meeting.number)}: ${date}.`,
    communique.meeting.theme ? `${words.t('theme')}: ${communique.meeting.theme}.` : '',
    agreements + actions > 0 ? words.t('outcomesSummary', { agreements, actions }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    id: communique.id ?? `${group.short_name ?? group.name}-${first}`,
    title: communique.title,
    lang: communique.lang ?? 'en-AU',
    group: group.name,
    ...(group.short_name ? { shortName: group.short_name } : {}),
    isoDate: first,
    date,
    ...(communique.meeting.number !== undefined ? { number: communique.meeting.number } : {}),
    ...(communique.meeting.theme ? { theme: communique.meeting.theme } : {}),
    published: communique.published ?? first,
    summary,
    files: [...files]
      .sort((a, b) => FORMAT_ORDER.indexOf(a.format) - FORMAT_ORDER.indexOf(b.format))
      .map((file) => ({ ...file, label: words.t('format', { format: file.format }) })),
  };
}

/** Groups by name, each with its communiqués newest first. */
export function byGroup(entries: readonly IndexEntry[]): { name: string; shortName?: string; entries: IndexEntry[] }[] {
  const groups = new Map<string, IndexEntry[]>();
  for (const entry of entries) groups.set(entry.group, [...(groups.get(entry.group) ?? []), entry]);
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, list]) => {
      const sorted = [...list].sort((a, b) =>
        a.isoDate === b.isoDate ? a.id.localeCompare(b.id) : a.isoDate < b.isoDate ? 1 : -1,
      );
      return { name, ...(sorted[0]?.shortName ? { shortName: sorted[0].shortName } : {}), entries: sorted };
    });
}

const TEMPLATE = `<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="communique">
<title>{{labels.index}}</title>
<meta name="description" content="{{labels.indexIntro}}">
<link rel="alternate" type="application/atom+xml" href="feed.xml" title="{{labels.index}}">
<style>
:root { color-scheme: light dark; --text: #1b1b1b; --muted: #3d3d3d; --bg: #fff; --rule: #c4c4c4; --link: #0a4b93; }
@media (prefers-color-scheme: dark) { :root { --text: #ececec; --muted: #cfcfcf; --bg: #141414; --rule: #5a5a5a; --link: #9cc7ff; } }
* { box-sizing: border-box; }
body { margin: 0;
  font: 1rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", Arial, sans-serif;
  color: var(--text);
  background: var(--bg);
  overflow-wrap: break-word; }
.page { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 0 0 .25rem; }
a { color: var(--link); }
a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
ol { list-style: none; margin: 0; padding: 0; }
li.communique { margin: 0 0 1.25rem; }
.meta, .formats { margin: 0; color: var(--muted); }
.formats a { white-space: nowrap; }
time { white-space: nowrap; }
footer { margin-top: 2.5rem; padding-top: 1rem; border-top: 1px solid var(--rule); font-size: .95rem; color: var(--muted); }
</style>
</head>
<body>
<div class="page">
<header>
<h1>{{labels.index}}</h1>
<p>{{labels.indexIntro}}</p>
</header>
<main>
{{#each groups}}<section aria-labelledby="group-{{@index}}">
<h2 id="group-{{@index}}">{{name}}{{#if shortName}} ({{shortName}}){{/if}}</h2>
<ol>
{{#each entries}}<li class="communique" lang="{{lang}}">
<h3>{{#if files.length}}<a href="{{files.0.href}}">{{title}}</a>{{else}}{{title}}{{/if}}</h3>
<p class="meta">{{#if number}}{{meetingNumber}} · {{/if}}<time datetime="{{isoDate}}">{{date}}</time>{{#if theme}} · {{theme}}{{/if}}</p>
<p class="formats"><span lang="{{@root.lang}}">{{@root.labels.formats}}:</span> {{#each files}}{{#unless @first}}, {{/unless}}
<a href="{{href}}" lang="{{@root.lang}}">{{label}}</a>{{/each}}</p>
</li>
{{/each}}</ol>
</section>
{{/each}}</main>
<footer>
<p><a href="feed.xml">{{labels.feed}}</a></p>
</footer>
</div>
</body>
</html>
`;

let compiled: Handlebars.TemplateDelegate | undefined;

export function renderIndex(entries: readonly IndexEntry[], lang: string, overrides?: LabelOverrides): string {
  compiled ??= Handlebars.create().compile(TEMPLATE, { strict: false });
  const words = labelsFor(lang, overrides);
  const labels = Object.fromEntries(['index', 'indexIntro', 'formats', 'feed'].map((key) => [key, words.t(key)]));
  const groups = byGroup(entries).map((group) => ({
    ...group,
    entries: group.entries.map((entry) => ({
      ...entry,
      meetingNumber:
        entry.number !== undefined ? labelsFor(entry.lang, overrides).t('meetingNumber', { number: entry.number }) : '',
    })),
  }));
  return compiled({ lang, labels, groups });
}

function numbered(words: ReturnType<typeof labelsFor>, number: number | undefined): string {
  return number === undefined ? '' : `, ${words.t('meetingNumber', { number })}`;
}
