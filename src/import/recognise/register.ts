/**
 * The people a source names, each once: "Dr Patel" later in the text is the "Dr Anil Patel"
 * of the attendance list, and "Cr Abbott" the "Cr Julie Abbott". Ids are made from names;
 * the chairs are kept by id, in the order the source gives them.
 */
import type { Attendance, Attendee, AttendeeKind } from '../../core/model.js';
import { normalise, slugify } from '../../core/text.js';
import type { Person } from './people.js';

export type How = { kind: AttendeeKind; attendance: Attendance };

const surname = (name: string) => normalise(name).split(' ').at(-1)!;

export class Register {
  readonly attendees: Attendee[] = [];
  readonly chairs: string[] = [];
  /** Proxies and whom they stood in for, by name, settled once everyone is known. */
  private readonly proxies: { proxy: string; for: Person }[] = [];

  find(name: string): Attendee | undefined {
    const wanted = normalise(name);
    const exact = this.attendees.find((attendee) => normalise(attendee.name) === wanted);
    if (exact) return exact;
    // A surname alone ("Dr Patel") is the one person of that surname, if there is one.
    const words = wanted.split(' ');
    const same = this.attendees.filter((attendee) =>
      words.length === 1
        ? surname(attendee.name) === wanted
        : normalise(attendee.name).split(' ').length === 1 && surname(name) === normalise(attendee.name),
    );
    return same.length === 1 ? same[0] : undefined;
  }

  add(person: Person, how: How): Attendee {
    const existing = this.find(person.name);
    if (existing) {
      // The fuller name wins: "Patel" becomes "Anil Patel".
      if (person.name.split(' ').length > existing.name.split(' ').length) existing.name = person.name;
      for (const key of ['honorific', 'post_nominals', 'role', 'organisation', 'represents'] as const) {
        if (existing[key] === undefined && person[key] !== undefined) existing[key] = person[key];
      }
      // A listed member who presents is still a member; a member listed again as an observer or the secretariat is that.
      if (existing.kind === 'member' && !['member', 'guest', 'presenter'].includes(how.kind)) existing.kind = how.kind;
      if (existing.attendance === 'apology' && how.attendance !== 'apology' && how.attendance !== 'absent')
        existing.attendance = how.attendance;
      return existing;
    }
    const base = slugify(person.name) || 'attendee';
    let id = base;
    for (let suffix = 2; this.attendees.some((attendee) => attendee.id === id); suffix++) id = `${base}-${suffix}`;
    const attendee: Attendee = { id, ...person, ...how };
    this.attendees.push(attendee);
    return attendee;
  }

  chair(id: string): void {
    if (!this.chairs.includes(id)) this.chairs.push(id);
  }

  proxyFor(proxy: Attendee, principal: Person): void {
    proxy.kind = 'proxy';
    this.proxies.push({ proxy: proxy.id, for: principal });
  }

  /** Chairs attend; a proxy's member is found (or added, as having sent apologies). */
  settle(): void {
    for (const id of this.chairs) {
      const chair = this.attendees.find((attendee) => attendee.id === id)!;
      if (chair.attendance !== 'remote') chair.attendance = 'present';
    }
    for (const { proxy, for: principal } of this.proxies) {
      const member = this.find(principal.name) ?? this.add(principal, { kind: 'member', attendance: 'apology' });
      const stand = this.attendees.find((attendee) => attendee.id === proxy)!;
      if (member.id !== stand.id) stand.proxy_for = member.id;
      else stand.kind = 'member';
    }
  }
}
