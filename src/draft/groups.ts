/**
 * Telling a typo from a new group: `--group "Comunity Partnerships Roundtable"` is the
 * Roundtable misspelt, and drafting it as a new group would lose everything carried. Pure.
 */
import type { Group } from '../core/model.js';
import { editDistance, normalise } from '../core/text.js';

/**
 * The known groups a typed name that matches none of them is close to: a few letters out
 * (in its name or short name), one name inside the other, or the typed name's initials
 * being a short name. Empty when the name looks like a group of its own.
 */
export function nearGroups(typed: string, candidates: readonly Group[]): Group[] {
  const wanted = normalise(typed);
  if (wanted === '') return [];
  return candidates.filter((group) => {
    const names = [group.name, group.short_name].filter((name) => name !== undefined).map(normalise);
    return (
      names.some(
        (name) => editDistance(wanted, name) <= Math.max(1, Math.floor(Math.min(wanted.length, name.length) / 5)),
      ) ||
      // "Partnerships Roundtable" for "Community Partnerships Roundtable"; three letters at least, so "a" is not near everything.
      (wanted.length >= 3 && names.some((name) => name.includes(wanted) || wanted.includes(name))) ||
      (group.short_name !== undefined && initials(typed) === normalise(group.short_name)) ||
      // "CTF" for a Coastal Towns Forum that has no short name.
      (!/\s/.test(wanted) && wanted === initials(group.name))
    );
  });
}

/** "Community Partnerships Roundtable" → "cpr": the first letters of the words that carry meaning. */
function initials(name: string): string {
  const words = name.split(/[\s-]+/).filter((word) => word !== '' && !/^(?:of|and|the|for|on|in|&)$/i.test(word));
  return words.length > 1 ? words.map((word) => word[0]!.toLowerCase()).join('') : '';
}
