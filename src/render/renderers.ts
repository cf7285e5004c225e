import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/make.js';
import { findTemplate, type TemplatedFormat } from './templates.js';
import type { ViewModel } from './view-model.js';

/**
 * One renderer per output format, prepared once per run: its template found and compiled,
 * so that a thousand documents pay for it once. A template that is missing or broken is a
 * diagnostic against the template file, not a crash.
 */
export const OUTPUT_FORMATS = ['html', 'md', 'txt', 'docx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** File extensions: the DOCX-ready Markdown must never be mistaken for (or overwrite) a source. */
export const EXTENSIONS: Record<OutputFormat, string> = { html: '.html', md: '.pandoc.md', txt: '.txt', docx: '.docx' };

export interface RenderInputs {
  view: ViewModel;
  /** The date written into formats that need one (.docx properties). */
  date: Date;
  loadImage?: (url: string) => { data: Uint8Array; width: number; height: number; type: 'png' | 'jpg' | 'gif' | 'bmp' } | undefined;
}

export interface Renderer {
  format: OutputFormat;
  render(inputs: RenderInputs): Promise<Uint8Array>;
}

export type PreparedRenderer = { ok: true; renderer: Renderer } | { ok: false; file: string; diagnostic: Diagnostic; lines?: Record<number, string> };

const encoder = new TextEncoder();

export async function prepareRenderer(format: OutputFormat, templateName: string, projectTemplates: string | undefined): Promise<PreparedRenderer> {
  if (format === 'docx') {
    const { renderDocx } = await import('./docx.js');
    return {
      ok: true,
      renderer: { format, render: ({ view, date, loadImage }) => renderDocx(view, { date, ...(loadImage ? { loadImage } : {}) }) },
    };
  }
  const found = findTemplate(templateName, format as TemplatedFormat, projectTemplates);
  if (!found.ok) {
    return { ok: false, file: templateName, diagnostic: makeDiagnostic('render/template-missing', found.message, { line: 1, column: 1, endLine: 1, endColumn: 2 }) };
  }
  const broken = (error: unknown): PreparedRenderer => templateProblem(found.path, found.source, error);
  try {
    const Handlebars = (await import('handlebars')).default;
    Handlebars.parse(found.source);
  } catch (error) {
    return broken(error);
  }
  const render = await compile(format as TemplatedFormat, found.source);
  return {
    ok: true,
    renderer: {
      format,
      async render({ view, loadImage }) {
        try {
          return encoder.encode(render(view, loadImage));
        } catch (error) {
          throw new TemplateError(templateProblem(found.path, found.source, error));
        }
      },
    },
  };
}

async function compile(format: TemplatedFormat, source: string): Promise<(view: ViewModel, loadImage?: RenderInputs['loadImage']) => string> {
  if (format === 'html') {
    const { compileHtmlTemplate, renderHtml } = await import('./html.js');
    const template = compileHtmlTemplate(source);
    return (view, loadImage) => renderHtml(view, template, loadImage);
  }
  if (format === 'md') {
    const { compileMarkdownTemplate, renderMarkdown } = await import('./markdown.js');
    const template = compileMarkdownTemplate(source);
    return (view) => renderMarkdown(view, template);
  }
  const { renderText } = await import('./text.js');
  return (view) => renderText(view, source);
}

/** A template that failed while rendering: carries the diagnostic for the template file. */
export class TemplateError extends Error {
  constructor(readonly problem: Extract<PreparedRenderer, { ok: false }>) {
    super(problem.diagnostic.message);
  }
}

function templateProblem(path: string, source: string, error: unknown): Extract<PreparedRenderer, { ok: false }> {
  const text = error instanceof Error ? error.message : String(error);
  // Handlebars says "Parse error on line 3:" for syntax, and "- 3:18" for a missing field.
  const parseLine = /on line (\d+)/.exec(text);
  const fieldAt = /"([^"]+)" not defined in .* - (\d+):(\d+)/.exec(text);
  const line = Number(fieldAt?.[2] ?? parseLine?.[1] ?? 1);
  const column = fieldAt ? Number(fieldAt[3]) + 1 : 1;
  const lineText = source.split('\n')[line - 1] ?? '';
  const message = fieldAt
    ? `The template uses \`${fieldAt[1]}\`, which this communiqué does not have`
    : `The template is not valid Handlebars: ${text.split('\n').at(-1)?.trim() ?? text}`;
  const span = { line, column, endLine: line, endColumn: fieldAt ? column + fieldAt[1]!.length : Math.max(2, lineText.length + 1) };
  const lines: Record<number, string> = { [line]: lineText };
  if (line > 1) lines[line - 1] = source.split('\n')[line - 2] ?? '';
  return {
    ok: false,
    file: path,
    diagnostic: makeDiagnostic(
      'render/template-broken',
      message,
      span,
      fieldAt ? 'Guard optional fields with {{#if field}}…{{/if}}; the fields are listed in the README.' : undefined,
    ),
    lines,
  };
}
