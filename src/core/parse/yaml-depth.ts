/**
 * How deeply the front matter nests lists and sets of fields, read before the `yaml`
 * package is given it. yaml composes nested collections recursively: a few hundred levels
 * (`[[[[…`) overflow the stack, which it turns into an error, but an overflow can also
 * land in V8 compiling a regular expression, which aborts the whole process with "out of
 * memory" and no report for any file. No communiqué needs more than a handful of levels, so
 * nesting beyond a limit is refused here, in one pass over the text.
 */
export const MAX_NESTING = 100;

/**
 * The offset of the first list or set of fields that opens more than `limit` levels deep,
 * or -1. Levels are counted as YAML makes them: each more indented block line, each `- `
 * and `? ` that starts an entry, and each `[` or `{` of a flow collection. Brackets inside
 * quotes, comments, plain text (`see [1]`) and block scalars (`|`, `>`) are not levels.
 * Text whose continuation lines step further in each time may count a few levels more
 * than YAML does; nothing that reads as a communiqué comes near the limit.
 */
export function nestingTooDeepAt(text: string, limit = MAX_NESTING): number {
  const indents: number[] = [];
  let flow = 0;
  let quote = '';
  /** While reading a block scalar, lines indented more than this are its text. */
  let blockScalarIndent = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let indent = 0;
    while (text.charCodeAt(lineStart + indent) === 32) indent++;
    const first = lineStart + indent;
    const blank = first >= lineEnd || text[first] === '\r' || text[first] === '#';
    let index = first;
    let markers = 0;
    let valueStart = true;
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) index = lineEnd;
    else {
      blockScalarIndent = -1;
      if (!quote && flow === 0 && !blank) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        if (indents.length > limit) return first;
      }
    }
    for (; index < lineEnd; index++) {
      const character = text[index]!;
      const next = index + 1 < lineEnd ? text[index + 1]! : ' ';
      if (quote) {
        if (quote === '"' && character === '\\') index++;
        else if (character === quote) {
          if (quote === "'" && next === "'") index++;
          else quote = '';
        }
        continue;
      }
      if (character === '#' && (index === first || /\s/.test(text[index - 1]!))) break;
      if (flow > 0) {
        if (character === '[' || character === '{') {
          flow++;
          if (indents.length + markers + flow > limit) return index;
        } else if (character === ']' || character === '}') flow--;
        else if (character === '"' || character === "'") quote = character;
        continue;
      }
      if (character === ' ' || character === '\t') continue;
      if (valueStart) {
        if ((character === '-' || character === '?') && /[\s]/.test(next)) {
          markers++;
          if (indents.length + markers > limit) return index;
          continue;
        }
        if (character === '[' || character === '{') {
          flow = 1;
          if (indents.length + markers + flow > limit) return index;
          continue;
        }
        if (character === '"' || character === "'") {
          quote = character;
          valueStart = false;
          continue;
        }
        if (character === '|' || character === '>') {
          blockScalarIndent = indent;
          break;
        }
        if (character === '&' || character === '!') {
          // An anchor or a tag comes before the value it marks.
          while (index + 1 < lineEnd && !/\s/.test(text[index + 1]!)) index++;
          continue;
        }
        valueStart = false;
      }
      if (character === ':' && /\s/.test(next)) valueStart = true;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return -1;
}
