/**
 * What a template sees: a validated communiqué turned into the facts a reader needs, in
 * the document's language — labels from its catalogue, dates and times written out as the
 * language writes them, people's names in full and described once, public wording for
 * actions (no internal ids), and internal content already removed for public output.
 * Templates never see raw files.
 */
import type { PhrasingContent, Root } from 'mdast';
import { meetingDays } from '../core/dates.js';
import type { Action, Agreement, Attendee, Communique, MeetingMode, Stage } from '../core/model.js';
import { ATTENDED, stageRank } from '../core/vocabulary.js';
import { withoutInternalMarkers, withoutInternalSections } from './body.js';
import { cleanTree, cleanValue } from './controls.js';
import { inline } from './inline.js';
import { withSafeLinks } from './links.js';
import { contents, describe, nextMeetingView } from './view-sections.js';
import { type LabelOverrides, type Labels, labelsFor, type Punctuation, punctuationFor } from './labels/index.js';
import {
  DateWriter,
  dateInId,
  describeTookPart,
  lowerFirst,
  lowerFirstPhrase,
  meetingTime,
  roleBesideName,
} from './view-parts.js';

export interface PersonView {
  id: string;
  name: string;
  /** With honorific and post-nominals: "Dr Helena Marsh PSM FAICD". */
  fullName: string;
  role?: string;
  organisation?: string;
  represents?: string;
  /** "Secretary, Department of Regional Health and Wellbeing; representing Queensland" (a role the name holds is left out). */
  description: string;
  kind: string;
  kindLabel: string;
  attendance: string;
  attendanceLabel: string;
  /** How they took part, when it is not plain membership: "observer", "guest; for part of the meeting", "proxy for Ms A". */
  tookPart: string;
  /** For a proxy: whom they stood in for. */
  proxyFor?: string;
  internal: boolean;
}

export interface AttendanceGroup {
  key: 'present' | 'in-attendance' | 'apologies' | 'absent';
  label: string;
  people: PersonView[];
}

export interface AgreementView {
  id: string;
  verb: string;
  /** "Agreed in principle". */
  decision: string;
  qualifier?: string;
  /** The text as written (inline Markdown), its first word lower-cased after the decision's colon where that is right. */
  text: string;
  /** The text's inline Markdown as a tree, for renderers. */
  phrasing: PhrasingContent[];
  internal: boolean;
}

export interface ActionView {
  id: string;
  text: string;
  phrasing: PhrasingContent[];
  owners: string[];
  /** Owners joined as the language joins a list, a group by its short name. */
  ownerText: string;
  ownerLabel: string;
  /** The due date written out, "next meeting (July 2026)", or "—". */
  due: string;
  status: string;
  statusLabel: string;
  /** "Carried forward from the meeting of 14 October 2025". */
  carriedFrom?: string;
  internal: boolean;
}

export interface ViewModel {
  lang: string;
  title: string;
  status: Stage;
  statusLabel: string;
  /** Not yet approved: every format marks it DRAFT. */
  draft: boolean;
  /** "DRAFT — NOT FOR PUBLICATION (status: in review)". */
  draftNotice: string;
  /** Whether internal content is included (never in a public export). */
  internal: boolean;
  /** Whether action and agreement ids are shown (internal renders, or when the configuration asks). */
  showIds: boolean;
  /** Every label, in the document's language. */
  labels: Record<string, string>;
  /** The punctuation around labels and lists in the document's script: `{{@root.punctuation.colonSpace}}`. */
  punctuation: Punctuation;
  /** Set ("en") when the document's language has no catalogue, so its labels are English. */
  labelLang?: string;
  /** Labels that fell back to English in a document in another language. */
  englishLabels: string[];
  /** A sentence about the meeting for search engines and link previews. */
  description: string;
  group: { name: string; shortName?: string; display: string };
  meeting: {
    number?: number;
    theme?: string;
    /** "16 November 2021", or "18–19 November 2020" for a meeting over several days. */
    date: string;
    /** The date in parts, each part that names a day with that day as `iso`. */
    dateParts: { text: string; iso?: string }[];
    /** The first day, YYYY-MM-DD. */
    isoDate: string;
    /** The last day of a meeting over several days. */
    endIsoDate?: string;
    /** "9:30 am – 12:30 pm AEST". */
    time?: string;
    mode: MeetingMode;
    modeLabel: string;
    place?: string;
    /** The place, or "Online"; "Perth and online" for a hybrid meeting. */
    where: string;
    chairLabel: string;
    chairs: PersonView[];
    /** The chairs' names joined as the language joins a list. */
    chairNames: string;
  };
  attendance: { groups: AttendanceGroup[]; note?: string; any: boolean };
  agreements: AgreementView[];
  actions: ActionView[];
  /** "The meeting made 3 agreements and recorded 6 actions." when there are any. */
  outcomes?: string;
  /** Sections for an in-page contents list, on a long document. */
  contents?: { id: string; text: string }[];
  nextMeeting?: { date?: string; mode?: string; place?: string; text: string };
  contact?: { name?: string; email?: string; phone?: string; url?: string };
  published?: string;
  publishedIso?: string;
  approval?: { by: string; date: string };
  internalNotes?: string;
  body: Root;
}

export interface ViewOptions {
  /** Keep internal content (marked as such). Public exports never do. */
  includeInternal: boolean;
  /** Show action and agreement ids even in a public rendering. */
  showIds?: boolean;
  /** A project's own labels. */
  labels?: LabelOverrides;
}

const LABEL_KEYS = [
  'draft',
  'internal',
  'internalNotes',
  'internalNotice',
  'group',
  'meeting',
  'date',
  'time',
  'where',
  'theme',
  'outcomes',
  'contents',
  'attendance',
  'name',
  'roleAndOrganisation',
  'agreements',
  'actions',
  'actionsCaption',
  'id',
  'action',
  'due',
  'status',
  'nextMeeting',
  'contact',
  'email',
  'phone',
  'web',
  'footnotes',
  'links',
  'tableScroll',
] as const;

/** Documents with more sections than this get a contents list. */
const CONTENTS_FROM = 6;

export function buildViewModel(source: Communique, body: Root, options: ViewOptions): ViewModel {
  const communique = cleanValue(source);
  const lang = communique.lang ?? 'en-AU';
  const labels = labelsFor(lang, options.labels);
  const dates = DateWriter.for(lang);
  const keep = <T extends { internal?: boolean }>(items: readonly T[] | undefined) =>
    (items ?? []).filter((item) => options.includeInternal || !item.internal);
  const everyone = communique.attendees ?? [];
  const attendees = keep(everyone).map((attendee) => person(attendee, everyone, labels));
  const byId = new Map(attendees.map((attendee) => [attendee.id, attendee]));
  const meeting = communique.meeting;
  const days = meetingDays(meeting);
  const group = meeting.group;
  const chairs = [meeting.chair ?? []].flat().map((id) => byId.get(id) ?? unknownPerson(id, labels));
  const nextMeeting = nextMeetingView(communique, labels, dates);
  const dateParts = days.length > 1 ? dates.range(days[0]!, days.at(-1)!) : [{ text: dates.day(days[0] ?? '') }];
  const date = dateParts.map((part) => part.text).join('');
  const where =
    meeting.mode === 'virtual'
      ? capitalise(labels.t('online'))
      : meeting.mode === 'hybrid'
        ? labels.t('placeAndOnline', { place: meeting.place ?? '' }).trim()
        : (meeting.place ?? '');
  const groups = groupAttendance(attendees, labels);
  const tree = withSafeLinks(
    cleanTree(options.includeInternal ? withoutInternalMarkers(body) : withoutInternalSections(body)),
  );
  const agreements = keep(communique.agreements).map((agreement) => agreementView(agreement, labels));
  const actions = keep(communique.actions).map((action) =>
    actionView(action, { people: byId, labels, dates, group, nextMeeting: communique.next_meeting?.date }),
  );
  const punctuation = punctuationFor(lang);
  const labelText: Record<string, string> = {};
  for (const key of LABEL_KEYS) labelText[key] = labels.t(key);
  labelText.chair = labels.t('chair', { count: Math.max(1, chairs.length) });
  labelText.owner = labels.t('owner', { count: 1 });
  labelText.page = labels.t('page', { page: '{page}', pages: '{pages}' });
  for (const key of ['present', 'inAttendance', 'apologies', 'absent']) labelText[key] = labels.t(key);

  const view: ViewModel = {
    lang,
    title: communique.title,
    status: communique.status,
    statusLabel: labels.t('stage', { stage: communique.status }),
    draft: stageRank(communique.status) < stageRank('approved'),
    draftNotice: labels.t('draftStatus', { status: labels.t('stage', { stage: communique.status }) }),
    internal: options.includeInternal,
    showIds: options.includeInternal || Boolean(options.showIds),
    labels: labelText,
    punctuation,
    ...(labels.fallback ? { labelLang: 'en' } : {}),
    englishLabels: [...LABEL_KEYS, 'chair', 'owner', 'present', 'inAttendance', 'apologies', 'absent'].filter((key) =>
      labels.english(key),
    ),
    description: '',
    group: {
      name: group.name,
      ...(group.short_name ? { shortName: group.short_name } : {}),
      display: group.short_name
        ? `${group.name}${punctuation.open}${group.short_name}${punctuation.close}`
        : group.name,
    },
    meeting: {
      ...(meeting.number !== undefined ? { number: meeting.number } : {}),
      ...(meeting.theme ? { theme: meeting.theme } : {}),
      date,
      dateParts,
      isoDate: days[0] ?? '',
      ...(days.length > 1 ? { endIsoDate: days.at(-1)! } : {}),
      ...(meeting.time && days[0] ? optional('time', meetingTime(meeting.time, days[0], dates.locale)) : {}),
      mode: meeting.mode,
      modeLabel: capitalise(labels.t('mode', { mode: meeting.mode })),
      ...(meeting.place ? { place: meeting.place } : {}),
      where,
      chairLabel: labelText.chair!,
      chairs,
      chairNames: dates.list(chairs.map((chair) => chair.fullName)),
    },
    attendance: {
      groups,
      ...(communique.attendance_note ? { note: communique.attendance_note } : {}),
      any: attendees.length > 0 || Boolean(communique.attendance_note),
    },
    agreements,
    actions,
    ...(agreements.length + actions.length > 0
      ? { outcomes: labels.t('outcomesSummary', { agreements: agreements.length, actions: actions.length }) }
      : {}),
    ...(nextMeeting ? { nextMeeting } : {}),
    body: tree,
  };
  const sections = contents(view);
  if (sections.length >= CONTENTS_FROM) view.contents = sections;
  if (communique.contact) view.contact = { ...communique.contact };
  if (communique.published) {
    view.published = labels.t('published', { date: dates.day(communique.published) });
    view.publishedIso = communique.published;
  }
  if (communique.approval) view.approval = { by: communique.approval.by, date: dates.day(communique.approval.date) };
  if (options.includeInternal && communique.internal_notes) view.internalNotes = communique.internal_notes;
  view.description = describe(view);
  return view;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function person(attendee: Attendee, everyone: readonly Attendee[], labels: Labels): PersonView {
  const fullName = [attendee.honorific, attendee.name, attendee.post_nominals].filter(Boolean).join(' ');
  const kind = attendee.kind ?? 'member';
  const attendance = attendee.attendance ?? 'present';
  const principal = attendee.proxy_for ? everyone.find((candidate) => candidate.id === attendee.proxy_for) : undefined;
  const role = roleBesideName(attendee);
  const represents = attendee.represents ? labels.t('representing', { what: attendee.represents }) : '';
  const { comma, semicolon } = punctuationFor(labels.lang);
  const description = [[role, attendee.organisation].filter(Boolean).join(comma), represents]
    .filter(Boolean)
    .join(semicolon);
  const proxyFor = principal ? [principal.honorific, principal.name].filter(Boolean).join(' ') : undefined;
  return {
    id: attendee.id,
    name: attendee.name,
    fullName,
    ...(attendee.role ? { role: attendee.role } : {}),
    ...(attendee.organisation ? { organisation: attendee.organisation } : {}),
    ...(attendee.represents ? { represents: attendee.represents } : {}),
    description,
    kind,
    kindLabel: capitalise(labels.t('kind', { kind })),
    attendance,
    attendanceLabel: capitalise(labels.t('tookPart', { attendance })),
    tookPart: describeTookPart(labels, kind, attendance, proxyFor),
    ...(proxyFor ? { proxyFor } : {}),
    internal: Boolean(attendee.internal),
  };
}

function unknownPerson(id: string, labels: Labels): PersonView {
  return {
    id,
    name: id,
    fullName: id,
    description: '',
    kind: 'member',
    kindLabel: capitalise(labels.t('kind', { kind: 'member' })),
    attendance: 'present',
    attendanceLabel: capitalise(labels.t('tookPart', { attendance: 'present' })),
    tookPart: '',
    internal: false,
  };
}

function groupAttendance(people: PersonView[], labels: Labels): AttendanceGroup[] {
  const groups: AttendanceGroup[] = [
    { key: 'present', label: labels.t('present'), people: [] },
    { key: 'in-attendance', label: labels.t('inAttendance'), people: [] },
    { key: 'apologies', label: labels.t('apologies'), people: [] },
    { key: 'absent', label: labels.t('absent'), people: [] },
  ];
  for (const person of people) {
    const attended = ATTENDED.has(person.attendance);
    const index = !attended
      ? person.attendance === 'apology'
        ? 2
        : 3
      : person.kind === 'member' || person.kind === 'proxy'
        ? 0
        : 1;
    groups[index]!.people.push(person);
  }
  return groups.filter((group) => group.people.length > 0);
}

function agreementView(agreement: Agreement, labels: Labels): AgreementView {
  const verb = labels.t('decision', { verb: agreement.verb });
  const english = /^en\b/i.test(labels.lang);
  return {
    id: agreement.id,
    verb: agreement.verb,
    decision: agreement.qualifier ? `${verb} ${agreement.qualifier}` : verb,
    ...(agreement.qualifier ? { qualifier: agreement.qualifier } : {}),
    text: english ? lowerFirst(agreement.text) : agreement.text,
    phrasing: english ? lowerFirstPhrase(inline(agreement.text)) : inline(agreement.text),
    internal: Boolean(agreement.internal),
  };
}

interface ActionContext {
  people: ReadonlyMap<string, PersonView>;
  labels: Labels;
  dates: DateWriter;
  group: Communique['meeting']['group'];
  nextMeeting: string | undefined;
}

function actionView(action: Action, context: ActionContext): ActionView {
  const { labels, dates, group } = context;
  const owners = [action.owner].flat().map((owner) => {
    const person = context.people.get(owner);
    if (person) return person.fullName;
    return group.short_name && owner.trim().toLowerCase() === group.name.trim().toLowerCase()
      ? group.short_name
      : owner;
  });
  let due = '—';
  if (action.due && /^\d{4}-\d{2}-\d{2}$/.test(action.due)) due = dates.day(action.due);
  else if (action.due && /^(the\s+)?next\s+meeting$/i.test(action.due.trim()) && context.nextMeeting)
    due = labels.t('nextMeetingDue', { date: dates.dayOrMonth(context.nextMeeting) });
  else if (action.due) due = action.due;
  const carried = action.carried_from;
  const carriedDate = carried ? dateInId(carried.communique) : undefined;
  return {
    id: action.id,
    text: action.text,
    phrasing: inline(action.text),
    owners,
    ownerText: dates.list(owners),
    ownerLabel: labels.t('owner', { count: owners.length }),
    due,
    status: action.status,
    statusLabel: capitalise(labels.t('actionStatus', { status: action.status })),
    ...(carried
      ? {
          carriedFrom: carriedDate
            ? labels.t('carriedFrom', { date: dates.day(carriedDate) })
            : labels.t('carriedFromEarlier'),
        }
      : {}),
    internal: Boolean(action.internal),
  };
}

export { slug } from './body.js';
