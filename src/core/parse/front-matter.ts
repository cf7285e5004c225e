/**
 * Splitting a communiqué into its YAML front matter and Markdown body.
 *
 * gray-matter does the split, but it is never allowed to interpret anything: its default
 * engines `eval` front matter fenced as `---js` or `---javascript` (in any case, with a
 * space or not), so a draft in a pull request could run code in CI. We check the opening
 * fence ourselves first and only hand gray-matter a bare `---` (or `---yaml`) fence, and
 * we still replace every engine it knows with one that refuses, and the YAML engine with
 * one that only hands the raw text back: YAML is parsed later with positions.
 */
import matter from 'gray-matter';

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

function refuse(language: string) {
  return () => {
    throw new Error(`front matter in ${language} is never run`);
  };
}

const RAW = Symbol('raw front matter');
const engines = {
  yaml: { parse: (text: string) => ({ [RAW]: text }) },
  javascript: { parse: refuse('JavaScript') },
  js: { parse: refuse('JavaScript') },
  coffee: { parse: refuse('CoffeeScript') },
  coffeescript: { parse: refuse('CoffeeScript') },
  cson: { parse: refuse('CSON') },
  json: { parse: refuse('JSON') },
  toml: { parse: refuse('TOML') },
};

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

  // Any options object also turns off gray-matter's cache, which would otherwise keep
  // every file's text alive for the whole run and hand back shared objects.
  const file = matter(text, { language: 'yaml', engines, excerpt: false });
  // gray-matter skips the rest of the opening line only when it names a language.
  const afterFence = firstLine.replace(/\r$/, '').slice(3);
  const yamlOffset = 3 + (afterFence.trim() === '' ? 0 : afterFence.length);
  const raw = text.slice(yamlOffset, yamlOffset + file.matter.length);
  if (raw !== file.matter) {
    // We have removed any BOM already; anything else means we disagree with gray-matter
    // about where the front matter is, and reporting a position would be a guess.
    throw new Error('front matter split disagrees with gray-matter');
  }
  const closeStart = yamlOffset + raw.length + 1; // after the '\n' that precedes the fence
  if (closeStart > text.length || !text.startsWith('---', closeStart)) {
    return { ok: false, problem: { kind: 'unterminated', openingLineEnd: firstLine.replace(/\r$/, '').length } };
  }
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
