/**
 * One renderer per output format, prepared once per run (and once per worker): its
 * template compiled, so that a thousand documents pay for it once. A template that is
 * broken is a diagnostic against the template file, not a crash.
 */
import type { FileResult } from '../diagnostics/diagnostic.js';
import type { PrecompiledTemplate } from '../generated/templates.js';
import { frameLines } from '../diagnostics/code-frame.js';
import { makeDiagnostic } from '../diagnostics/make.js';
import type { ImageLoader } from './images.js';
import type { ViewModel } from './view-model.js';

export const OUTPUT_FORMATS = ['html', 'md', 'txt', 'docx', 'pdf'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** File extensions: the DOCX-ready Markdown must never be mistaken for (or overwrite) a source. */
export const EXTENSIONS: Record<OutputFormat, string> = {
  html: '.html',
  md: '.pandoc.md',
  txt: '.txt',
  docx: '.docx',
  pdf: '.pdf',
};

/** Formats whose bytes are binary (never decoded as text for standard output). */
export const BINARY_FORMATS: ReadonlySet<OutputFormat> = new Set(['docx', 'pdf']);

export interface RenderInputs {
  view: ViewModel;
  /** The date written into formats that need one (.docx properties). */
  date: Date;
  loadImage?: ImageLoader;
  /** The path the pandoc Markdown names a local image by (from the folder it is written to). */
  imagePath?: (url: string) => string | undefined;
  /** A .docx whose styles, page setup, headers and footers the Word document takes. */
  referenceDoc?: Uint8Array;
}

export interface Renderer {
  format: OutputFormat;
  render(inputs: RenderInputs): Promise<Uint8Array>;
}

/**
 * The formats written from a Handlebars template, and the template file each reads. A PDF
 * is printed from the HTML: its renderer here writes the page to print, and the command
 * prints it in a browser.
 */
export type TemplatedFormat = Exclude<OutputFormat, 'docx'>;
export const TEMPLATE_FILES = {
  html: 'communique.html.hbs',
  md: 'communique.md.hbs',
  txt: 'communique.txt.hbs',
  pdf: 'communique.html.hbs',
} as const satisfies Record<TemplatedFormat, string>;

export interface RendererOptions {
  /** A .docx whose styles, page setup, headers and footers the Word document takes. */
  referenceDoc?: Uint8Array;
}

export interface TemplateSource {
  path: string;
  source: string;
}

/** A template problem: the template file, with the diagnostic at its line and column. */
export type PreparedRenderer = { ok: true; renderer: Renderer } | { ok: false; problem: FileResult };

const encoder = new TextEncoder();

/** The renderer for a format; every format but docx needs its template's source. */
export async function prepareRenderer(
  format: OutputFormat,
  template: TemplateSource | undefined,
  options: RendererOptions = {},
): Promise<PreparedRenderer> {
  if (format === 'docx') {
    const { renderDocx } = await import('./docx/document.js');
    const referenceDoc = options.referenceDoc;
    return {
      ok: true,
      renderer: {
        format,
        render: ({ view, date, loadImage, referenceDoc: given }) => {
          const reference = given ?? referenceDoc;
          return renderDocx(view, {
            date,
            ...(loadImage ? { loadImage } : {}),
            ...(reference ? { referenceDoc: reference } : {}),
          });
        },
      },
    };
  }
  const found = template!;
  const problem = await checkTemplate(format, found);
  if (problem) return { ok: false, problem };
  const render = await compile(format, found.source, await precompiledFor(format, found));
  return {
    ok: true,
    renderer: {
      format,
      async render(inputs) {
        try {
          return encoder.encode(render(inputs));
        } catch (error) {
          throw new TemplateError(templateProblem(found.path, found.source, error));
        }
      },
    },
  };
}

/** A bundled template (or a copy of one) as Handlebars compiled it when communique was built. */
async function precompiledFor(
  format: TemplatedFormat,
  template: TemplateSource,
): Promise<PrecompiledTemplate | undefined> {
  const { PRECOMPILED } = await import('../generated/templates.js');
  const bundled = PRECOMPILED[format === 'pdf' ? 'html' : format];
  return bundled.source === template.source ? bundled.template : undefined;
}

/**
 * The problem with a template Handlebars cannot read, at its line and column; undefined when
 * it can. A bundled template was read when communique was built; any other is read here,
 * without loading the renderer that will use it.
 */
export async function checkTemplate(
  format: TemplatedFormat,
  template: TemplateSource,
): Promise<FileResult | undefined> {
  if (await precompiledFor(format, template)) return undefined;
  try {
    const Handlebars = (await import('handlebars')).default;
    Handlebars.parse(template.source);
    return undefined;
  } catch (error) {
    return templateProblem(template.path, template.source, error);
  }
}

async function compile(
  format: TemplatedFormat,
  source: string,
  precompiled: PrecompiledTemplate | undefined,
): Promise<(inputs: RenderInputs) => string> {
  if (format === 'html' || format === 'pdf') {
    const { compileHtmlTemplate, renderHtml } = await import('./html.js');
    const template = compileHtmlTemplate(source, precompiled);
    return ({ view, loadImage }) => renderHtml(view, template, loadImage);
  }
  if (format === 'md') {
    const { compileMarkdownTemplate, renderMarkdown } = await import('./markdown.js');
    const template = compileMarkdownTemplate(source, precompiled);
    return ({ view, imagePath }) => renderMarkdown(view, template, imagePath);
  }
  const { compileTextTemplate, renderText } = await import('./text/template.js');
  const template = compileTextTemplate(source, precompiled);
  return ({ view }) => renderText(view, template);
}

/** A template that failed while rendering: carries the diagnostic for the template file. */
export class TemplateError extends Error {
  constructor(readonly problem: FileResult) {
    super(problem.messages[0]!.message);
  }
}

function templateProblem(path: string, source: string, error: unknown): FileResult {
  const text = error instanceof Error ? error.message : String(error);
  // Handlebars says "Parse error on line 3:" for syntax, and "- 3:18" for a missing field.
  const parseLine = /on line (\d+)/.exec(text);
  const fieldAt = /"([^"]+)" not defined in .* - (\d+):(\d+)/.exec(text);
  const line = Number(fieldAt?.[2] ?? parseLine?.[1] ?? 1);
  const column = fieldAt ? Number(fieldAt[3]) + 1 : 1;
  const sourceLines = source.split('\n');
  const lineText = sourceLines[line - 1] ?? '';
  const message = fieldAt
    ? `The template uses \`${fieldAt[1]}\`, which this communiqué does not have`
    : `The template is not valid Handlebars: ${text.split('\n').at(-1)?.trim() ?? text}`;
  const span = {
    line,
    column,
    endLine: line,
    endColumn: fieldAt ? column + fieldAt[1]!.length : Math.max(2, lineText.length + 1),
  };
  const hint = fieldAt
    ? 'Guard optional fields with {{#if field}}…{{/if}}; the fields are listed in the README.'
    : undefined;
  const diagnostic = makeDiagnostic('render/template-broken', message, span, hint);
  return { file: path, messages: [diagnostic], lines: frameLines([diagnostic], (n) => sourceLines[n - 1] ?? '') };
}
