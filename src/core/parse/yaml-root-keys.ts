/**
 * Where each top-level field of a front matter is written, found by looking at the lines
 * that start at the left margin, without building the positioned YAML document. A front
 * matter with tens of thousands of unknown fields is one problem per field; placing the
 * first few hundred of them by building the document for 40,000 keys took most of a
 * second, placing them this way takes a few milliseconds.
 *
 * Only a front matter whose every line at the margin is a plain `key:` (or a comment) is
 * read this way, and only when those keys are exactly the data's own; anything else (a
 * quoted or complex key, a flow mapping, a value going on at the margin) gives undefined,
 * and the document is asked. `test/yaml-root-keys.test.ts` holds the ranges to `yaml`'s.
 */

/** A plain key of letters, digits, `_`, `.` and `-`, then `:` and a space or the line's end. */
const ROOT_KEY = /^([A-Za-z0-9_][A-Za-z0-9_.-]*)[ ]*:(?:[ \t]|$)/;

/** Each top-level key's range in `yamlText` (key text only), or undefined when the lines cannot be trusted. */
export function rootKeyRanges(
  yamlText: string,
  data: Record<string, unknown>,
): Map<string, [number, number]> | undefined {
  const ranges = new Map<string, [number, number]>();
  for (let start = 0; start < yamlText.length; ) {
    let end = yamlText.indexOf('\n', start);
    if (end === -1) end = yamlText.length;
    const first = yamlText.charCodeAt(start);
    // Blank, indented (inside a value) or a comment: not a key at the margin.
    if (end > start && first !== 32 && first !== 9 && first !== 35 && first !== 13) {
      const key = ROOT_KEY.exec(yamlText.slice(start, end))?.[1];
      if (key === undefined || ranges.has(key) || !Object.hasOwn(data, key)) return undefined;
      ranges.set(key, [start, start + key.length]);
    }
    start = end + 1;
  }
  return ranges.size === Object.keys(data).length ? ranges : undefined;
}
