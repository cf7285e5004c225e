import { dirname, resolve } from 'node:path';
import { type CheckOptions, checkCommunique } from '../core/check/check.js';
import { DEFAULT_MAX_BYTES } from '../core/parse/decode.js';
import { decodeProblemDiagnostic, loadCommunique } from '../core/parse/communique.js';
import type { Communique } from '../core/model.js';
import type { Diagnostic, FileResult } from '../diagnostics/diagnostic.js';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/make.js';
import { readBounded } from './check-file.js';
import { parseBody } from '../render/body.js';
import { images, isRemote, loadLocalImage, localImagePath } from '../render/images.js';
import type { OutputFormat, Renderer } from '../render/renderers.js';
import { buildViewModel } from '../render/view-model.js';

/**
 * One communiqué through the whole pipeline: read, check, refuse if it cannot be rendered,
 * then render it in each requested format. Rendering a draft is fine; rendering a file
 * whose front matter cannot be read as a communiqué is not.
 */
export interface RenderFileOptions {
  renderers: readonly Renderer[];
  check: CheckOptions;
  /** Refuse on any error (export: the document must pass at the `published` stage). */
  strict: boolean;
  includeInternal: boolean;
  projectRoot: string;
  /** SOURCE_DATE_EPOCH, when set; otherwise the document's own dates are used. */
  sourceDate?: Date;
}

export interface RenderedFile extends FileResult {
  outputs?: { format: OutputFormat; content: Uint8Array }[];
}

const STRUCTURAL = /^(document|frontmatter|yaml|schema)\//;
const FIRST_COLUMN = { line: 1, column: 1, endLine: 1, endColumn: 2 };

export async function renderFile(path: string, name: string, options: RenderFileOptions): Promise<RenderedFile> {
  let bytes: Uint8Array;
  try {
    const read = readBounded(path, options.check.maxBytes ?? DEFAULT_MAX_BYTES);
    if ('tooLarge' in read) return { file: name, messages: [decodeProblemDiagnostic({ kind: 'too-large', bytes: read.tooLarge, maxBytes: DEFAULT_MAX_BYTES })] };
    bytes = read;
  } catch (error) {
    return { file: name, messages: [makeDiagnostic('document/unreadable', `The file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, FIRST_COLUMN)] };
  }
  const loaded = loadCommunique(bytes, options.check);
  const found = checkCommunique(loaded, options.check);
  const blocking = found.filter((message) => message.severity === 'error' && (options.strict || STRUCTURAL.test(message.ruleId)));
  const source = loaded.source;
  const withLines = (messages: Diagnostic[]): RenderedFile => {
    const lines: Record<number, string> = {};
    for (const message of messages) for (let line = Math.max(1, message.line - 1); line <= message.line; line++) lines[line] = source?.lineText(line) ?? '';
    return { file: name, messages: messages.sort(compareDiagnostics), lines };
  };
  if (blocking.length > 0 || !loaded.data || loaded.body === undefined) return withLines(blocking);

  const tree = parseBody(loaded.body);
  const folder = dirname(resolve(path));
  const imageProblems: Diagnostic[] = [];
  const allowed = new Map<string, string>();
  for (const image of images(tree)) {
    if (isRemote(image.url)) continue;
    const local = localImagePath(image.url, folder, options.projectRoot);
    if (local) {
      allowed.set(image.url, local);
      continue;
    }
    const start = (image.position?.start.offset ?? 0) + loaded.bodyOffset;
    const end = (image.position?.end.offset ?? 0) + loaded.bodyOffset;
    imageProblems.push(makeDiagnostic('render/image-outside-project', `The image \`${image.url}\` is outside the project`, source!.span(start, end)));
  }
  if (imageProblems.length > 0) return withLines(imageProblems);

  const data = loaded.data as unknown as Communique;
  const view = buildViewModel(data, tree, { includeInternal: options.includeInternal });
  const date = options.sourceDate ?? new Date(`${data.published ?? data.approval?.date ?? data.meeting.date ?? data.meeting.end ?? '2000-01-01'}T00:00:00Z`);
  const loadImage = (url: string) => {
    const local = allowed.get(url);
    return local ? loadLocalImage(local) : undefined;
  };
  const outputs: RenderedFile['outputs'] = [];
  for (const renderer of options.renderers) outputs.push({ format: renderer.format, content: await renderer.render({ view, date, loadImage }) });
  return { file: name, messages: [], outputs };
}
