/**
 * The facts of a communiqué that a round trip through a rendering must keep: the meeting's
 * date, group, mode, place and chairs, each attendee with their attendance, each agreement
 * with its verb, each action with its due date, and the next meeting. As strings, so that
 * two communiqués' facts compare as sets.
 */
// biome-ignore lint/suspicious/noExplicitAny: front matter is read field by field
type Data = Record<string, any>;

const flat = (text: unknown) =>
  String(text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function roundTripFacts(data: Data): string[] {
  const meeting = data.meeting ?? {};
  const people = new Map<string, string>((data.attendees ?? []).map((one: Data) => [one.id, one.name]));
  const chairs = (Array.isArray(meeting.chair) ? meeting.chair : meeting.chair ? [meeting.chair] : []).map(
    (id: string) => people.get(id) ?? id,
  );
  const facts = [
    `date ${meeting.date ?? `${meeting.start}..${meeting.end}`}`,
    `group ${flat(meeting.group?.name)}`,
    `mode ${meeting.mode}`,
    `place ${flat(meeting.place ?? '(none)')}`,
    `chairs ${chairs.map(flat).sort().join(' + ')}`,
    ...(data.attendees ?? []).map((one: Data) => `attendee ${flat(one.name)}: ${one.attendance ?? 'present'}`),
    ...(data.agreements ?? []).map((one: Data) => `agreement ${one.verb}: ${flat(one.text)}`),
    ...(data.actions ?? []).map((one: Data) => `action ${flat(one.text)}: due ${flat(one.due ?? '(none)')}`),
    `next meeting ${data.next_meeting?.date ?? '(none)'}`,
  ];
  return facts;
}

/** How many of the original's facts the import gives back, and which it does not. */
export function compareFacts(
  original: string[],
  imported: string[],
): { kept: number; total: number; missing: string[] } {
  const got = new Set(imported);
  const missing = original.filter((fact) => !got.has(fact));
  return { kept: original.length - missing.length, total: original.length, missing };
}
