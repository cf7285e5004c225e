/**
 * A communiqué read as far as it could be: its text, its front matter as data with the
 * YAML document that knows where every value is, and its body. Everything that went
 * wrong on the way is a diagnostic; nothing here throws for bad input.
 */
import type { Diagnostic, Fix } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/make.js';
import { DEFAULT_MAX_BYTES, decodeCommunique, type DecodeProblem, type DecodeResult } from './decode.js';
import { type FrontMatterProblem, splitFrontMatter } from './front-matter.js';
import { SourceText } from './source-text.js';
import { isMap, isScalar, isSeq } from 'yaml';
import { locateYamlPath, parseFrontMatterYaml, type YamlDocument, type YamlLocation, writtenAt } from './yaml.js';

export interface ParsedCommunique {
  source?: SourceText;
  /**
   * The YAML document, with every value's position; present whenever front matter was
   * found, and built on first use when the front matter was read without it.
   */
  readonly yaml?: YamlDocument;
  /** Where each top-level key is written, when that is known without the document (see yaml.ts). */
  readonly rootKeys?: () => ReadonlyMap<string, [number, number]> | undefined;
  /** Offset of the YAML text in the file, to turn YAML ranges into file positions. */
  yamlOffset: number;
  /** The front matter as data: present only when the YAML was read without errors. */
  data?: Record<string, unknown>;
  body?: string;
  bodyOffset: number;
  diagnostics: Diagnostic[];
}

export interface ParseOptions {
  maxBytes?: number;
}

const START: [number, number] = [0, 0];

/**
 * Old Mac files end lines with a lone CR, which editors show as a line break. A lone CR
 * becomes LF: same length, so every offset still points at the same character.
 */
function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Text handed over as a string (by tests and tools) goes through the same checks as bytes. */
function decodeString(input: string, maxBytes: number): DecodeResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.length > maxBytes / 3 && Buffer.byteLength(text) > maxBytes) {
    return { ok: false, problem: { kind: 'too-large', bytes: Buffer.byteLength(text), maxBytes } };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const before = text.slice(0, nul);
    // The bytes would have had it within git's first 8,000: binary data, as decodeCommunique says.
    return Buffer.byteLength(before) < 8000
      ? { ok: false, problem: { kind: 'binary' } }
      : { ok: false, problem: { kind: 'nul', text: before } };
  }
  if (text.trim() === '') return { ok: false, problem: { kind: 'empty', whitespace: text.length > 0 } };
  return { ok: true, text };
}

export function parseCommunique(input: Uint8Array | string, options: ParseOptions = {}): ParsedCommunique {
  const loaded: ParsedCommunique = { yamlOffset: 0, bodyOffset: 0, diagnostics: [] };
  const decoded =
    typeof input === 'string'
      ? decodeString(input, options.maxBytes ?? DEFAULT_MAX_BYTES)
      : decodeCommunique(input, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!decoded.ok) {
    loaded.diagnostics.push(decodeProblemDiagnostic(decoded.problem));
    return loaded;
  }
  const text = withLineFeeds(decoded.text);
  const source = new SourceText(text);
  loaded.source = source;

  const split = splitFrontMatter(text);
  if (!split.ok) {
    loaded.diagnostics.push(frontMatterDiagnostic(split.problem, source));
    return loaded;
  }
  loaded.yamlOffset = split.yamlOffset;
  loaded.body = split.body;
  loaded.bodyOffset = split.bodyOffset;

  const parsed = parseFrontMatterYaml(split.yaml);
  // Not enumerable: copying a result must not build the document nobody asked for.
  Object.defineProperty(loaded, 'yaml', { get: () => parsed.document, enumerable: false });
  if (parsed.rootKeys) Object.defineProperty(loaded, 'rootKeys', { value: parsed.rootKeys, enumerable: false });
  for (const problem of parsed.problems) {
    const span = source.span(split.yamlOffset + problem.start, split.yamlOffset + problem.end);
    loaded.diagnostics.push(makeDiagnostic(problem.ruleId, problem.message, span, problem.hint));
  }
  // A warning about valid YAML (an anchor named `a:`) leaves the data to be checked.
  if (parsed.problems.some((problem) => !problem.warning)) return loaded;

  if (
    parsed.data === null ||
    parsed.data === undefined ||
    typeof parsed.data !== 'object' ||
    Array.isArray(parsed.data)
  ) {
    const what =
      parsed.data === null || parsed.data === undefined
        ? 'empty'
        : Array.isArray(parsed.data)
          ? 'a list'
          : 'a single value';
    const content = split.yaml.trim();
    const from = split.yamlOffset + split.yaml.indexOf(content);
    const span = content === '' ? source.lineSpan(1) : source.span(from, from + content.length);
    loaded.diagnostics.push(
      makeDiagnostic('frontmatter/not-a-mapping', `The front matter is ${what}, not a set of fields`, span),
    );
    return loaded;
  }
  loaded.data = parsed.data as Record<string, unknown>;
  return loaded;
}

/** The span of a located value (or its key), in file positions. */
export function spanOfLocation(loaded: ParsedCommunique, location: YamlLocation, prefer: 'key' | 'value' = 'value') {
  const source = loaded.source!;
  const range = (prefer === 'key' ? (location.key ?? location.value) : (location.value ?? location.key)) ?? START;
  if (range === START) return openingFenceSpan(source);
  return source.span(loaded.yamlOffset + range[0], loaded.yamlOffset + range[1]);
}

/** The span of the value at a data path, or of its key when the value spans several lines. */
export function spanOfPath(
  loaded: ParsedCommunique,
  path: readonly (string | number)[],
  prefer: 'key' | 'value' = 'value',
) {
  if (path.length === 0) return openingFenceSpan(loaded.source!);
  const root = rootKeyAt(loaded, path, prefer);
  if (root) return loaded.source!.span(loaded.yamlOffset + root[0], loaded.yamlOffset + root[1]);
  if (!loaded.yaml) return openingFenceSpan(loaded.source!);
  const location = locateYamlPath(loaded.yaml, path);
  const span = spanOfLocation(loaded, location, prefer);
  // A block value (a list or a set of fields) spans many lines; its key says it better,
  // and a list item without a key is marked on its first line only.
  if (span.endLine > span.line) {
    if (prefer === 'value' && location.key) return spanOfLocation(loaded, location, 'key');
    if (!location.key)
      return loaded.source!.span(
        loaded.source!.lineStart(span.line) + span.column - 1,
        loaded.source!.lineStart(span.line) + loaded.source!.lineText(span.line).length,
      );
  }
  return span;
}

/**
 * A fix that replaces the key, or the single-line scalar value, at exactly `path` with
 * `text`; undefined when there is no such node, or it is not a plain one-line value.
 */
export function replacementAt(
  parsed: ParsedCommunique,
  path: readonly (string | number)[],
  prefer: 'key' | 'value',
  text: string,
): Fix | undefined {
  if (path.length === 0) return undefined;
  const root = rootKeyAt(parsed, path, prefer);
  if (root) return { start: parsed.yamlOffset + root[0], end: parsed.yamlOffset + root[1], text };
  if (!parsed.yaml) return undefined;
  const parent = path.length === 1 ? parsed.yaml.contents : parsed.yaml.getIn(path.slice(0, -1), true);
  const last = path.at(-1)!;
  let node: unknown;
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
    node = prefer === 'key' ? pair?.key : pair?.value;
  } else if (isSeq(parent) && typeof last === 'number' && prefer === 'value') node = parent.items[last];
  if (!isScalar(node) || !node.range) return undefined;
  const [start, end] = node.range;
  const source = parsed.source!.text.slice(parsed.yamlOffset + start, parsed.yamlOffset + end);
  if (source.includes('\n')) return undefined;
  return { start: parsed.yamlOffset + start, end: parsed.yamlOffset + end, text };
}

/** The key or value at exactly `path` as the file has it. */
export function writtenIn(
  parsed: ParsedCommunique,
  path: readonly (string | number)[],
  prefer: 'key' | 'value',
): string | undefined {
  if (!parsed.source) return undefined;
  const root = rootKeyAt(parsed, path, prefer);
  if (root) return parsed.source.text.slice(parsed.yamlOffset + root[0], parsed.yamlOffset + root[1]);
  if (!parsed.yaml) return undefined;
  // Ranges count from the start of the front matter.
  return writtenAt(parsed.yaml, parsed.source.text.slice(parsed.yamlOffset), path, prefer);
}

/** A top-level key's range when the lines at the margin give it, sparing the positioned document. */
function rootKeyAt(
  parsed: ParsedCommunique,
  path: readonly (string | number)[],
  prefer: 'key' | 'value',
): [number, number] | undefined {
  return prefer === 'key' && path.length === 1 ? parsed.rootKeys?.()?.get(String(path[0])) : undefined;
}

function openingFenceSpan(source: SourceText) {
  return source.span(0, 3);
}

export function decodeProblemDiagnostic(problem: DecodeProblem): Diagnostic {
  const first = { line: 1, column: 1, endLine: 1, endColumn: 2 };
  switch (problem.kind) {
    case 'empty':
      return makeDiagnostic(
        'document/empty',
        problem.whitespace ? 'The file contains only blank space' : 'The file is empty',
        first,
      );
    case 'too-large':
      return makeDiagnostic(
        'document/too-large',
        `The file is ${formatBytes(problem.bytes)}; a communiqué is at most ${formatBytes(problem.maxBytes)}`,
        first,
      );
    case 'binary':
      return makeDiagnostic('document/binary', 'The file contains binary data, not text', first);
    case 'nul': {
      const at = new SourceText(withLineFeeds(problem.text)).position(problem.text.length);
      return makeDiagnostic(
        'document/binary',
        'The file contains a NUL character (a zero byte) here, which text never holds',
        { line: at.line, column: at.column, endLine: at.line, endColumn: at.column + 1 },
        'Delete the character (editors show it as `^@`, `\\0` or `<0x00>`); ' +
          'if the file is not a communiqué, leave it out of the files checked.',
      );
    }
    case 'utf16':
    case 'utf32':
      return makeDiagnostic(
        'document/encoding',
        `The file is saved as ${problem.kind === 'utf16' ? 'UTF-16' : 'UTF-32'}; communiqués are UTF-8`,
        first,
        'Save the file as UTF-8.',
      );
    case 'invalid-utf8': {
      const at = new SourceText(withLineFeeds(problem.text)).position(problem.text.length);
      return makeDiagnostic('document/encoding', 'The file is not valid UTF-8 from here on', {
        line: at.line,
        column: at.column,
        endLine: at.line,
        endColumn: at.column + 1,
      });
    }
  }
}

function frontMatterDiagnostic(problem: FrontMatterProblem, source: SourceText): Diagnostic {
  switch (problem.kind) {
    case 'missing':
      return makeDiagnostic(
        'frontmatter/missing',
        'The file does not start with a front matter block',
        source.lineSpan(1),
      );
    case 'language':
      return makeDiagnostic(
        'frontmatter/language',
        `The front matter is marked as \`${problem.language}\`; only YAML front matter is accepted, and it is not run`,
        problem.end > problem.start ? source.span(problem.start, problem.end) : source.lineSpan(1),
      );
    case 'unterminated':
      return makeDiagnostic(
        'frontmatter/unterminated',
        'The front matter opened here is never closed with a `---` line',
        source.span(0, 3),
      );
    case 'bad-closing-fence':
      return makeDiagnostic(
        'frontmatter/unterminated',
        `The front matter ends at \`${problem.text}\`, but a closing line must contain only \`---\``,
        source.span(problem.start, problem.end),
        'Put `---` alone on the line that closes the front matter.',
      );
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
