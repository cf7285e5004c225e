/**
 * People as a secretariat types them into `new`: a name with its honorific and
 * post-nominals ("Dr Mia Wong AM"), split the way `import` splits the names it finds, and
 * a chair given by id or by name.
 */
import type { Attendee } from '../../core/model.js';
import { closest, normalise, slugify } from '../../core/text.js';
import { parseName } from '../../import/recognise/people.js';

/** "Dr Mia Wong AM" → honorific `Dr`, name `Mia Wong`, post-nominals `AM`; text that is no usual name stays whole. */
export function splitName(text: string): Pick<Attendee, 'honorific' | 'name' | 'post_nominals'> {
  const parsed = parseName(text);
  if (!parsed) return { name: text.trim() };
  // In the schema's order, which is the order the draft lists them in.
  const { name, honorific, post_nominals } = parsed;
  return { name, ...(honorific ? { honorific } : {}), ...(post_nominals ? { post_nominals } : {}) };
}

export interface ChairResolution {
  /** The chair's attendee ids, in the order given. */
  chair: string[];
  /** Chairs given by a name nobody in the draft has: new members, present. */
  added: Attendee[];
  problems: string[];
}

/**
 * The chair from `--chair` (ids or names, separated by commas), found among the draft's
 * attendees. A near miss is refused with the likely meaning rather than added as a new
 * person; a name nobody has adds that person; an unknown id is refused, since an id says
 * nothing of who it is.
 */
export function resolveChair(given: readonly string[], attendees: readonly Attendee[]): ChairResolution {
  const resolution: ChairResolution = { chair: [], added: [], problems: [] };
  const everyone = (): Attendee[] => [...attendees, ...resolution.added];
  for (const typed of given) {
    const found = findPerson(typed, everyone());
    if (found) {
      if (!resolution.chair.includes(found.id)) resolution.chair.push(found.id);
      continue;
    }
    const near = closest(
      typed,
      everyone().flatMap((attendee) => [attendee.id, fullName(attendee)]),
    );
    const listed = everyone().map((attendee) => `${attendee.id} (${fullName(attendee)})`);
    if (near) {
      const meant = findPerson(near, everyone())!;
      resolution.problems.push(
        `--chair: \`${typed}\` is not among the attendees; did you mean \`${meant.id}\` (${fullName(meant)})?`,
      );
    } else if (looksLikeName(typed)) {
      const person = splitName(typed);
      const id = freeId(slugify(person.name) || 'chair', everyone());
      resolution.added.push({ id, ...person, kind: 'member', attendance: 'present' });
      resolution.chair.push(id);
    } else {
      const among = listed.length > 0 ? ` (${listed.join(', ')})` : '';
      const fix = 'give the chair\'s name, e.g. --chair "Mia Wong", to add them';
      resolution.problems.push(`--chair: \`${typed}\` is not among the attendees${among}; ${fix}`);
    }
  }
  return resolution;
}

/** An attendee by id, or by name with or without honorific and post-nominals, in any case. */
function findPerson(typed: string, attendees: readonly Attendee[]): Attendee | undefined {
  const wanted = normalise(typed);
  const plain = normalise(splitName(typed).name);
  return (
    attendees.find((attendee) => attendee.id === typed.trim()) ??
    attendees.find((attendee) => [normalise(attendee.name), normalise(fullName(attendee))].includes(wanted)) ??
    attendees.find((attendee) => normalise(attendee.name) === plain)
  );
}

function fullName(attendee: Attendee): string {
  return [attendee.honorific, attendee.name, attendee.post_nominals].filter((part) => part !== undefined).join(' ');
}

/** Words with a capital or a space are a name; `mia-wong` is an id. */
function looksLikeName(text: string): boolean {
  return /\s/.test(text.trim()) || /\p{Lu}/u.test(text);
}

function freeId(base: string, attendees: readonly Attendee[]): string {
  let id = base;
  for (let n = 2; attendees.some((attendee) => attendee.id === id); n++) id = `${base}-${n}`;
  return id;
}
