/**
 * The `yaml` package's errors and warnings in the user's words, each at the place the user
 * has to change: syntax errors (the first one, which explains the rest), duplicate keys,
 * tabs, tags communique refuses, and anchor names that end in a colon.
 */
import type { YAMLError } from 'yaml';
import { MAX_NESTING } from './yaml-depth.js';

/** Offsets are relative to the front matter text handed to `parseFrontMatterYaml`. */
export interface YamlProblem {
  ruleId:
    | 'yaml/syntax'
    | 'yaml/duplicate-key'
    | 'yaml/tab-indent'
    | 'yaml/alias-limit'
    | 'yaml/forbidden-key'
    | 'yaml/tag'
    | 'yaml/anchor-colon'
    | 'yaml/nesting-limit';
  message: string;
  hint?: string;
  start: number;
  end: number;
  /** Valid YAML worth a word, which does not stop the data being read. */
  warning?: true;
}

/**
 * yaml's errors in plain words, at the place the user has to change. A tab used for
 * indentation throws the parser off for everything after it, so when one comes before the
 * first error only the tabs are reported.
 */
export function describeYamlErrors(errors: readonly YAMLError[], yamlText: string): YamlProblem[] {
  if (errors.length === 0) return [];
  const tabs: YamlProblem[] = [];
  for (const match of yamlText.matchAll(/^( *)\t/gm)) {
    const start = match.index + match[1]!.length;
    tabs.push({
      ruleId: 'yaml/tab-indent',
      message: 'This line is indented with a tab',
      hint: TAB_HINT,
      start,
      end: start + 1,
    });
  }
  if (tabs.length > 0) return tabs;
  // After one syntax error the parser's view of the rest is guesswork, and every further
  // "error" is an echo of the first: report the first, and the duplicate keys before it.
  const ordered = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  // An unclosed bracket or quote is noticed late but explains the errors before it.
  const firstSyntax =
    ordered.find((error) => /flow (?:sequence|map)|closing ["']quote/i.test(error.message)) ??
    ordered.find((error) => error.code !== 'DUPLICATE_KEY');
  const kept = ordered.filter(
    (error) =>
      error === firstSyntax || (error.code === 'DUPLICATE_KEY' && (!firstSyntax || error.pos[0] < firstSyntax.pos[0])),
  );
  return kept.map((error) => describeYamlError(error, yamlText));
}

const TAB_HINT = 'YAML indents with spaces only: replace the tab with spaces.';
const KEY_HINT = 'Check for a missing `:` after a field name, or put a long value in quotes.';

const multilineKey = (start: number, end: number): YamlProblem => ({
  ruleId: 'yaml/syntax',
  message: 'A field name runs over more than one line',
  hint: KEY_HINT,
  start,
  end,
});

function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline;
  return text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/**
 * The opening quote and the brackets still open at `offset`, reading the YAML from the
 * start the way a person would match them: quoted text and comments hide brackets, `\"`
 * and `''` do not end a quote.
 */
function openingsBefore(
  text: string,
  offset: number,
): { brackets: { character: string; at: number }[]; quote?: number } {
  const brackets: { character: string; at: number }[] = [];
  let quote: { character: string; at: number } | undefined;
  for (let index = 0; index < Math.min(offset, text.length); index++) {
    const character = text[index]!;
    if (quote) {
      if (quote.character === '"' && character === '\\') index++;
      else if (character === quote.character) {
        if (character === "'" && text[index + 1] === "'") index++;
        else quote = undefined;
      }
      continue;
    }
    if (character === '#' && (index === 0 || /\s/.test(text[index - 1]!))) {
      const newline = text.indexOf('\n', index);
      index = newline === -1 ? text.length : newline;
    } else if ((character === '"' || character === "'") && (index === 0 || /[\s[{,:-]/.test(text[index - 1]!))) {
      quote = { character, at: index };
    } else if (character === '[' || character === '{') brackets.push({ character, at: index });
    else if (character === ']' || character === '}') {
      // A mismatched closer closes the nearest bracket of its own kind and everything inside it.
      const open = character === ']' ? '[' : '{';
      const match = brackets.map((bracket) => bracket.character).lastIndexOf(open);
      if (match !== -1) brackets.length = match;
    }
  }
  return quote ? { brackets, quote: quote.at } : { brackets };
}

function describeYamlError(error: YAMLError, yamlText: string): YamlProblem {
  const [start, end] = error.pos;
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      // yaml marks one character; the key is what stands before the colon on that line.
      const line = yamlText.slice(start, lineEndAfter(yamlText, start));
      const key = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#]+?)[ \t]*:(?:[ \t]|$)/.exec(line)?.[1] ?? '';
      const name = key.replace(/^["']|["']$/g, '').trim();
      return {
        ruleId: 'yaml/duplicate-key',
        message: name === '' ? 'A field with no name is given more than once' : `\`${name}\` is given more than once`,
        hint: 'Keep one of the values and delete the other line.',
        start,
        end: start + Math.max(key.length, 1),
      };
    }
    case 'TAB_AS_INDENT':
      return {
        ruleId: 'yaml/tab-indent',
        message: 'This line is indented with a tab',
        hint: TAB_HINT,
        start,
        end: Math.max(end, start + 1),
      };
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/nested mappings/i.test(error.message)) {
        return {
          ruleId: 'yaml/syntax',
          message: 'This value contains a colon and a space, which YAML reads as the start of another field',
          hint: 'Put the whole value in quotes, e.g. `title: "Communiqué: 16 November 2021"`.',
          start,
          end: Math.max(lineEndAfter(yamlText, start), start + 1),
        };
      }
      return multilineKey(start, end);
    case 'MULTILINE_IMPLICIT_KEY':
      return multilineKey(start, end);
    case 'MISSING_CHAR':
    case 'BAD_INDENT': {
      const sequence = /flow sequence/i.test(error.message);
      if (sequence || /flow map/i.test(error.message)) {
        const [open, close] = sequence ? ['[', ']'] : ['{', '}'];
        const { brackets } = openingsBefore(yamlText, start);
        const at =
          ([...brackets].reverse().find((bracket) => bracket.character === open) ?? brackets.at(-1))?.at ?? start;
        return {
          ruleId: 'yaml/syntax',
          message: `The ${sequence ? 'list' : 'set of fields'} opened with \`${open}\` here is never closed with \`${close}\``,
          hint: `Add \`${close}\` at the end of the value, on the same line.`,
          start: at,
          end: at + 1,
        };
      }
      const quote = /closing "quote/i.test(error.message)
        ? '"'
        : /closing 'quote/i.test(error.message)
          ? "'"
          : undefined;
      if (quote) {
        const opening = openingsBefore(yamlText, start).quote ?? start;
        return {
          ruleId: 'yaml/syntax',
          message: `The value quoted with \`${quote}\` here is never closed`,
          hint: `Add the closing \`${quote}\` at the end of the value.`,
          start: opening,
          end: opening + 1,
        };
      }
      if (error.code === 'BAD_INDENT') {
        return {
          ruleId: 'yaml/syntax',
          message: 'This line is not lined up with the fields around it',
          hint: 'Indent fields at the same level by the same number of spaces.',
          start,
          end: Math.max(end, start + 1),
        };
      }
      return {
        ruleId: 'yaml/syntax',
        message: plain(error.message),
        hint: 'Close every `[`, `{` and quote you open.',
        start,
        end,
      };
    }
    case 'UNEXPECTED_TOKEN': {
      const token = /"([^"\n]{1,20})"$/.exec(error.message)?.[1]?.trim();
      return {
        ruleId: 'yaml/syntax',
        message: token ? `\`${token}\` is not expected here` : 'Something here is not expected in YAML',
        hint: 'Check the brackets, quotes and indentation of this line.',
        start,
        end: Math.max(end, start + 1),
      };
    }
    case 'RESOURCE_EXHAUSTION':
      // yaml catches the stack overflow of nesting too deep; nestingTooDeepAt should have refused it first.
      return nestingProblem(start);
    case 'MULTIPLE_DOCS':
      return {
        ruleId: 'yaml/syntax',
        message: 'The front matter contains a second YAML document',
        hint: 'Front matter is one YAML document: remove the extra `---` or `...` line.',
        start,
        end,
      };
    case 'BAD_DQ_ESCAPE':
      return {
        ruleId: 'yaml/syntax',
        message: 'A double-quoted value contains an escape that YAML does not know',
        hint: 'Use single quotes, or write a backslash as `\\\\`.',
        start,
        end,
      };
    default:
      return {
        ruleId: 'yaml/syntax',
        message: plain(error.message),
        hint: 'Check indentation, colons, quotes and brackets here.',
        start,
        end,
      };
  }
}

/** Tags of YAML's core schema, which only say what the value is anyway. */
const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`),
);

/**
 * Tags communique refuses by design, each at the tag: YAML 1.1's `!!timestamp` would turn
 * dates into times, `!!binary` and `!!set` into things that are not text, and a local tag
 * (`!name`, `!<…>`) asks a program to build an object of its own. One problem per tag.
 */
export function describeTags(errors: readonly YAMLError[], yamlText: string): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const seen = new Set<number>();
  for (const error of [...errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    const [start, end] = error.pos;
    if (seen.has(start)) continue;
    seen.add(start);
    const tag = tagAt(yamlText, start, end);
    const resolved = /Unresolved tag: (\S+)/.exec(error.message)?.[1];
    const shown = `\`${tag.length > 60 ? `${tag.slice(0, 57)}…` : tag}\``;
    if (error.code === 'BAD_COLLECTION_TYPE' || (resolved !== undefined && CORE_TAGS.has(resolved))) {
      problems.push({
        ruleId: 'yaml/tag',
        message: `The YAML tag ${shown} does not fit the value it marks`,
        hint: `Remove ${shown}: communiqué values need no YAML tags.`,
        start,
        end: start + tag.length,
      });
      continue;
    }
    const name = (resolved ?? tag).replace(/^tag:yaml\.org,2002:/, '!!');
    problems.push({
      ruleId: 'yaml/tag',
      message: `The YAML tag ${shown} is not accepted in a communiqué`,
      hint: tagHint(name, shown),
      start,
      end: start + tag.length,
    });
  }
  return problems;
}

function tagHint(name: string, shown: string): string {
  switch (name) {
    case '!!timestamp':
      return `Remove ${shown} and write the date as plain text in YYYY-MM-DD form, e.g. \`2024-03-05\`.`;
    case '!!binary':
      return `Remove ${shown}: communiqués hold plain text, not encoded files. Put a picture in the body as an image.`;
    case '!!set':
    case '!!omap':
    case '!!pairs':
      return `Remove ${shown} and write the entries as a plain list (\`- item\`) or plain fields.`;
    default:
      return `Remove ${shown} and write the value as plain text.`;
  }
}

/**
 * The tag as written at `start`: a verbatim `!<…>` (perhaps never closed), or up to the first
 * space, line break or flow indicator.
 */
function tagAt(yamlText: string, start: number, end: number): string {
  const written = /^!(?:<[^>\s]*>?|[^\s,[\]{}]*)/.exec(yamlText.slice(start, Math.max(end, start + 1) + 200))?.[0];
  return written && written.length > 0 ? written : yamlText.slice(start, Math.max(end, start + 1));
}

/**
 * `&name:` is an anchor whose name ends in a colon, which is valid YAML but reads like the
 * start of a field: other YAML readers refuse it or end the name before the colon, and an
 * alias `*name` then finds nothing. A warning, at the whole anchor or alias.
 */
export function describeAmbiguousName(error: YAMLError, yamlText: string): YamlProblem {
  const colon = error.pos[0];
  let start = colon;
  while (start > 0 && !/[\s,[\]{}]/.test(yamlText[start - 1]!)) start--;
  const written = yamlText.slice(start, colon + 1);
  const alias = written.startsWith('*');
  const shown = `\`${written.length > 60 ? `${written.slice(0, 57)}…` : written}\``;
  return {
    ruleId: 'yaml/anchor-colon',
    message:
      `The ${alias ? 'alias' : 'anchor'} ${shown} has a name ending in \`:\`, ` +
      'which reads like the start of a field and which some YAML readers refuse',
    hint: alias
      ? 'Remove the `:` from the end of the name, here and on its anchor.'
      : 'Remove the `:` from the end of the name, here and in every alias to it.',
    start,
    end: colon + 1,
    warning: true,
  };
}

/** yaml's messages, trimmed to a sentence and starting with a capital. */
function plain(message: string): string {
  const sentence = message
    .split('\n', 1)[0]!
    .replace(/ at line \d+, column \d+.*$/, '')
    .replace(/[.:]$/, '');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** Lists or sets of fields nested more deeply than any communiqué needs, at the one that goes too deep. */
export function nestingProblem(start: number): YamlProblem {
  return {
    ruleId: 'yaml/nesting-limit',
    message: `The front matter nests lists or sets of fields more than ${MAX_NESTING} levels deep`,
    hint: 'Use a few levels of brackets and indentation at most: no field of a communiqué needs more.',
    start,
    end: start + 1,
  };
}
