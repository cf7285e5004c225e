/**
 * Text helpers every part of communique uses the same way: comparing names, making ids,
 * suggesting the word someone meant, and keeping characters out of places that cannot
 * hold them.
 */

/** Names compared as people would: case, curly or straight apostrophes and spacing do not count. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

/** Lower-case letters, digits and single hyphens: an id or file name made from any text. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The allowed name closest to a misspelling, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** The one candidate closest to a misspelling; undefined when none is close or two are equally close. */
export function onlyClosest(word: string, candidates: readonly string[]): string | undefined {
  const best = closest(word, candidates);
  if (!best) return undefined;
  const distance = editDistance(word.toLowerCase(), best.toLowerCase());
  const tied = candidates.filter((candidate) => editDistance(word.toLowerCase(), candidate.toLowerCase()) === distance);
  return tied.length === 1 ? best : undefined;
}

/**
 * Edits between two words — a letter added, dropped, changed, or two neighbours swapped
 * ("chiar" is one edit from "chair"), as people mistype.
 */
export function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, beforePrevious[j - 2]! + 1);
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Characters XML 1.0 cannot carry at all, not even as character references (lone surrogates included). */
export const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether a character code is one `\s` matches, without making a string of it (for scanners that read every character). */
export function isSpaceCode(code: number): boolean {
  return (code >= 9 && code <= 13) || code === 32 || (code > 127 && /\s/.test(String.fromCharCode(code)));
}
