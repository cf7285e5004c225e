/**
 * Splitting a communiqué into its YAML front matter and Markdown body.
 *
 * The split is ours, not gray-matter's. gray-matter evaluates front matter fenced as
 * `---js` unless every engine is replaced, and on every call it looks the whole text up in
 * its cache, which makes V8 intern each file's text: about 90 µs and a string-table entry
 * per file, for what is one search for the closing fence. The opening fence is checked
 * here, so front matter marked as any other language is refused, never run.
 */
export type FrontMatterSplit =
  | {
      ok: true;
      /** The raw front matter text, starting with the line break after the opening fence. */
      yaml: string;
      /** Offset of `yaml` in the file's text. */
      yamlOffset: number;
      /** The Markdown body after the closing fence line. */
      body: string;
      bodyOffset: number;
    }
  | { ok: false; problem: FrontMatterProblem };

export type FrontMatterProblem =
  | { kind: 'missing' }
  | { kind: 'language'; language: string; start: number; end: number }
  | { kind: 'unterminated'; openingLineEnd: number }
  | { kind: 'bad-closing-fence'; start: number; end: number; text: string };

const OPENING_FENCE = /^---[ \t]*([^\r\n]*?)[ \t]*\r?$/;
const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

export function splitFrontMatter(text: string): FrontMatterSplit {
  const firstBreak = text.indexOf('\n');
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
  if (!firstLine.startsWith('---') || firstLine.startsWith('----')) return { ok: false, problem: { kind: 'missing' } };
  const fence = OPENING_FENCE.exec(firstLine);
  const language = fence ? fence[1]! : firstLine.slice(3).trim();
  if (!fence || !YAML_LANGUAGES.has(language.toLowerCase())) {
    const start = firstLine.indexOf(language, 3);
    return { ok: false, problem: { kind: 'language', language, start, end: start + language.length } };
  }
  if (firstBreak === -1) return { ok: false, problem: { kind: 'unterminated', openingLineEnd: firstLine.length } };

  // The rest of the opening line is skipped only when it names a language.
  const afterFence = firstLine.replace(/\r$/, '').slice(3);
  const yamlOffset = 3 + (afterFence.trim() === '' ? 0 : afterFence.length);
  const close = text.indexOf('\n---', yamlOffset);
  if (close === -1) return { ok: false, problem: { kind: 'unterminated', openingLineEnd: afterFence.length + 3 } };
  const raw = text.slice(yamlOffset, close);
  const closeStart = close + 1; // after the '\n' that precedes the fence
  // With CRLF line endings the '\r' before the closing fence is part of its line break.
  const yaml = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const lineEnd = text.indexOf('\n', closeStart);
  const closingText = text.slice(closeStart, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
  if (!/^---[ \t]*$/.test(closingText)) {
    return {
      ok: false,
      problem: {
        kind: 'bad-closing-fence',
        start: closeStart,
        end: closeStart + closingText.length,
        text: closingText,
      },
    };
  }
  const bodyOffset = lineEnd === -1 ? text.length : lineEnd + 1;
  return { ok: true, yaml, yamlOffset, body: text.slice(bodyOffset), bodyOffset };
}
