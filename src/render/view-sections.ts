/**
 * The parts of the view model built from the rest of it: the next meeting as a sentence,
 * the contents list of a long document, and the description for search engines.
 */
import type { Root } from 'mdast';
import type { Communique } from '../core/model.js';
import { headingIds, textOf } from './body.js';
import { type Labels, punctuationFor } from './labels/index.js';
import { type DateWriter, lowerFirst } from './view-parts.js';

/** "July 2026, in person, in one of the towns (to be confirmed)". */
export function nextMeetingView(
  communique: Communique,
  labels: Labels,
  dates: DateWriter,
): { date?: string; mode?: string; place?: string; text: string } | undefined {
  const next = communique.next_meeting;
  if (!next || !(next.date || next.place || next.mode)) return undefined;
  const date = next.date ? dates.dayOrMonth(next.date) : undefined;
  const mode = next.mode ? labels.t('mode', { mode: next.mode }) : undefined;
  const unsure = next.place ? /\b(TBC|TBA|to be confirmed)\b/i.test(next.place) : false;
  const place = next.place
    ?.replace(/\s*\(?\b(TBC|TBA|to be confirmed)\b\)?/gi, '')
    .replace(/[\s,;:–-]+$/, '')
    .trim();
  const where = place && next.mode !== 'virtual' ? labels.t('inPlace', { place: lowerFirst(place) }) : undefined;
  const comma = punctuationFor(labels.lang).comma;
  const text = [date, mode, where].filter(Boolean).join(comma) + (unsure ? ` ${labels.t('toBeConfirmed')}` : '');
  return {
    ...(date ? { date } : {}),
    ...(mode ? { mode } : {}),
    ...(next.place ? { place: next.place } : {}),
    text: capitalise(text),
  };
}

export function contents(view: SectionsOf): { id: string; text: string }[] {
  const ids = headingIds(view.body);
  const headings = view.body.children.filter((node) => node.type === 'heading');
  const top = Math.min(...headings.map((node) => node.depth));
  const sections = headings.flatMap((node, index) =>
    node.depth === top ? [{ id: ids[index]!, text: textOf(node).trim() }] : [],
  );
  if (view.attendance.any) sections.push({ id: 'attendance', text: view.labels.attendance! });
  if (view.agreements.length > 0) sections.push({ id: 'agreements', text: view.labels.agreements! });
  if (view.actions.length > 0) sections.push({ id: 'actions', text: view.labels.actions! });
  if (view.nextMeeting) sections.push({ id: 'next-meeting', text: view.labels.nextMeeting! });
  return sections;
}

export function describe(view: DescribedBy): string {
  const first = view.body.children.find((node) => node.type === 'paragraph');
  const opening = first ? textOf(first).replace(/\s+/g, ' ').trim() : '';
  const text = opening || [view.group.display, view.meeting.date, view.outcomes].filter(Boolean).join(' — ');
  return text.length > 200 ? `${text.slice(0, 197).replace(/\s+\S*$/, '')}…` : text;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** What the contents list is made from. */
interface SectionsOf {
  body: Root;
  labels: Record<string, string>;
  attendance: { any: boolean };
  agreements: readonly unknown[];
  actions: readonly unknown[];
  nextMeeting?: unknown;
}

interface DescribedBy {
  body: Root;
  group: { display: string };
  meeting: { date: string };
  outcomes?: string;
}
