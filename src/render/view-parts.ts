/**
 * The pieces of the view model that need the document's language: dates, times with the
 * zone's abbreviation for that day, lists joined as the language joins them, people
 * described once, and the public wording of actions.
 */
import type { PhrasingContent, Root } from 'mdast';
import type { Attendee } from '../core/model.js';
import { type Labels, punctuationFor } from './labels/index.js';

/** Calendar dates written out for a language, read as calendar days (never shifted by a time zone). */
export class DateWriter {
  private static readonly cache = new Map<string, DateWriter>();

  /** Formatters are costly to make and the same for every document in a language. */
  static for(lang: string): DateWriter {
    let writer = DateWriter.cache.get(lang);
    if (!writer) {
      writer = new DateWriter(lang);
      DateWriter.cache.set(lang, writer);
    }
    return writer;
  }

  readonly locale: string;
  private readonly dayFormat: Intl.DateTimeFormat;
  private readonly monthFormat: Intl.DateTimeFormat;
  private readonly lists: Intl.ListFormat;

  constructor(lang: string) {
    this.locale = Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0 ? lang : 'en-AU';
    const options = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
    this.dayFormat = new Intl.DateTimeFormat(this.locale, options);
    this.monthFormat = new Intl.DateTimeFormat(this.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    this.lists = new Intl.ListFormat(this.locale, { type: 'conjunction' });
  }

  /** Days already written: a document names the same few days many times (meeting, actions, approval). */
  private readonly days = new Map<string, string>();

  day(iso: string): string {
    if (!iso) return '';
    let text = this.days.get(iso);
    if (text === undefined) {
      text = this.dayFormat.format(utc(iso));
      if (this.days.size >= 4096) this.days.clear();
      this.days.set(iso, text);
    }
    return text;
  }

  month(isoMonth: string): string {
    return this.monthFormat.format(utc(`${isoMonth}-01`));
  }

  /** A day (`YYYY-MM-DD`) or a month (`YYYY-MM`). */
  dayOrMonth(iso: string): string {
    return iso.length === 7 ? this.month(iso) : this.day(iso);
  }

  /** "18–19 November 2020" in parts, each part of the first or last day tagged with that day. */
  range(first: string, last: string): { text: string; iso?: string }[] {
    return this.dayFormat
      .formatRangeToParts(utc(first), utc(last))
      .reduce<{ text: string; iso?: string }[]>((parts, part) => {
        const iso = part.source === 'startRange' ? first : part.source === 'endRange' ? last : undefined;
        const previous = parts.at(-1);
        if (previous && previous.iso === iso) previous.text += part.value;
        else parts.push({ text: part.value, ...(iso ? { iso } : {}) });
        return parts;
      }, []);
  }

  list(items: readonly string[]): string {
    return this.lists.format(items);
  }
}

function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * "9:30 am – 12:30 pm AEST": the zone's abbreviation for that day, from Intl. Australian
 * English follows the Style Manual (lower-case am and pm, no `:00`, a spaced en dash).
 */
export function meetingTime(
  time: { start: string; end?: string; zone: string },
  day: string,
  locale: string,
): string | undefined {
  const start = instant(day, time.start, time.zone);
  if (!start) return undefined;
  const end = time.end ? instant(day, time.end, time.zone) : undefined;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: time.zone });
  } catch {
    return undefined;
  }
  const zone =
    new Intl.DateTimeFormat(locale, { timeZone: time.zone, timeZoneName: 'short' })
      .formatToParts(start)
      .find((part) => part.type === 'timeZoneName')?.value ?? time.zone;
  let text = end && end > start ? formatter.formatRange(start, end) : formatter.format(start);
  if (/^en-AU$/i.test(locale)) text = text.replace(/:00(?=\s?[ap]m)/g, '').replace(/\s*[–-]\s*/g, ' – ');
  return `${text} ${zone}`;
}

/** The instant a wall-clock time on a day in a zone stands for. */
function instant(day: string, clock: string, zone: string): Date | undefined {
  const wall = Date.parse(`${day}T${clock}:00Z`);
  if (Number.isNaN(wall)) return undefined;
  const offset = (at: number): number => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(new Date(at));
    const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - at;
  };
  try {
    const guess = wall - offset(wall);
    return new Date(wall - offset(guess));
  } catch {
    return undefined;
  }
}

/** Words that start a phrase without being a name: after a label's colon they take no capital (Style Manual). */
const COMMON_STARTS = new Set(
  [
    'a an the this that these those its their our his her what how',
    'why when where which who whom more further all each every to for in',
    'on of at by with from as any some no one two three new',
  ]
    .join(' ')
    .split(' '),
);

/** "An NPG working group…" after "Agreed:" reads "an NPG working group…"; names and acronyms keep their capitals. */
export function lowerFirst(text: string): string {
  const word = /^([A-Z][a-z]*)\b/.exec(text)?.[1];
  return word && COMMON_STARTS.has(word.toLowerCase()) ? word.toLowerCase() + text.slice(word.length) : text;
}

/** The same for a phrase tree: its first text, if it starts the phrase. */
export function lowerFirstPhrase(nodes: PhrasingContent[]): PhrasingContent[] {
  const first = nodes[0];
  if (first?.type !== 'text') return nodes;
  return [{ ...first, value: lowerFirst(first.value) }, ...nodes.slice(1)];
}

/** A field's inline Markdown as one run of phrasing; paragraphs a field should not have are joined by breaks. */
export function phrasing(tree: Root): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const block of tree.children) {
    const inline: PhrasingContent[] =
      block.type === 'paragraph' || block.type === 'heading'
        ? block.children
        : [{ type: 'text', value: 'value' in block && typeof block.value === 'string' ? block.value : textOf(block) }];
    if (out.length > 0) out.push({ type: 'break' });
    out.push(...inline);
  }
  return out;
}

function textOf(node: unknown): string {
  const any = node as { value?: string; children?: unknown[] };
  if (typeof any.value === 'string') return any.value;
  return (any.children ?? []).map(textOf).join(' ');
}

/** The role, unless the name already says it ("Town Partners Co-chair", role "Co-chair"). */
export function roleBesideName(attendee: Attendee): string | undefined {
  const role = attendee.role?.trim();
  if (!role) return undefined;
  return attendee.name.toLowerCase().includes(role.toLowerCase()) ? undefined : role;
}

/** The date a communiqué id carries at its end (`npg-2025-10-14`), the way ids are made. */
export function dateInId(id: string): string | undefined {
  return /(\d{4}-\d{2}-\d{2})$/.exec(id)?.[1];
}

export function describeTookPart(labels: Labels, kind: string, attendance: string, proxyFor?: string): string {
  const parts: string[] = [];
  if (kind !== 'member' && kind !== 'proxy') parts.push(labels.t('kind', { kind }));
  if (proxyFor) parts.push(labels.t('proxyFor', { name: proxyFor }));
  else if (kind === 'proxy') parts.push(labels.t('kind', { kind }));
  if (attendance === 'remote' || attendance === 'partial') parts.push(labels.t('tookPart', { attendance }));
  return parts.join(punctuationFor(labels.lang).semicolon);
}
