/**
 * `communique render` (any stage, one format, for looking at or sending a draft) and
 * `communique export` (the publication step: every configured format, only documents that
 * pass at the `published` stage, never internal content, with a manifest).
 */
import { basename, resolve } from 'node:path';
import { resolveInputs, resolveSettings, type Settings } from '../config/settings.js';
import type { FileResult } from '../diagnostics/diagnostic.js';
import { runProblem } from '../diagnostics/make.js';
import { EXIT } from '../io/exit.js';
import type { Stage } from '../core/model.js';
import type { FileToCheck } from '../io/inputs.js';
import type { Io } from '../io/io.js';
import { type PlannedOutput, refusals, writeOutputs } from '../io/manifest.js';
import { Staging } from '../io/staging.js';
import { findTemplate } from '../io/templates.js';
import type { Step } from '../pipeline/file-pipeline.js';
import { checkTemplates, type FilePlan, type RenderPlan } from '../pipeline/plan.js';
import { runFiles } from '../pipeline/run-files.js';
import { findBrowser, printPdfs } from '../io/browser.js';
import { loadLabelOverrides } from '../io/labels.js';
import { readReferenceDoc } from '../io/reference-doc.js';
import type { PipelineResult } from '../pipeline/file-pipeline.js';
import { withoutControls } from '../render/controls.js';
import {
  BINARY_FORMATS,
  EXTENSIONS,
  type OutputFormat,
  TEMPLATE_FILES,
  type TemplatedFormat,
  type TemplateSource,
} from '../render/renderers.js';
import { fail, GENERATOR, reportProblems, usageError, nothingYet } from './report.js';

export interface RenderOptions {
  to: OutputFormat;
  referenceDoc?: string;
  out?: string;
  stdout?: boolean;
  template?: string;
  includeInternal?: boolean;
  force?: boolean;
  config?: string | false;
}

export interface ExportOptions {
  out?: string;
  referenceDoc?: string;
  force?: boolean;
  config?: string | false;
  /** Refuse drafts and documents in review too, instead of leaving them out. */
  strict?: boolean;
}

export async function renderCommand(paths: readonly string[], options: RenderOptions, io: Io): Promise<number> {
  if (options.stdout && options.out) return usageError(io, 'give either --out or --stdout, not both');
  const settings = await resolveSettings(io, options.config !== undefined ? { config: options.config } : {});
  if (!settings.ok) return fail(io, settings.problems, EXIT.usage);
  const files = await resolveInputs(io, settings.value, paths);
  if (!files.ok) return fail(io, files.problems, EXIT.usage);
  await reportProblems(io, files.problems ?? []);
  if (files.value.length === 0) return nothingYet(io, 'communiqués to render');
  const binary = options.to === 'docx' || options.to === 'pdf';
  if (options.stdout && binary && io.stdout.isTTY) {
    return usageError(
      io,
      `a .${options.to} file cannot be shown on a terminal: use --out, or redirect --stdout to a file`,
    );
  }
  if (options.stdout && binary && files.value.length > 1)
    return usageError(io, `one .${options.to} file at a time can go to --stdout`);
  const exported = settings.value.config.export ?? {};

  return publish(io, settings.value, files.value, {
    formats: [options.to],
    templateName: options.template ?? 'default',
    out: options.stdout ? undefined : resolve(io.cwd, options.out ?? 'rendered'),
    includeInternal: Boolean(options.includeInternal),
    strict: false,
    force: Boolean(options.force),
    showIds: Boolean(exported.action_ids),
    ...(options.referenceDoc ? { referenceDoc: { path: options.referenceDoc, base: io.cwd } } : {}),
  });
}

export async function exportCommand(paths: readonly string[], options: ExportOptions, io: Io): Promise<number> {
  const settings = await resolveSettings(io, {
    ...(options.config !== undefined ? { config: options.config } : {}),
    stage: 'published',
  });
  if (!settings.ok) return fail(io, settings.problems, EXIT.usage);
  const files = await resolveInputs(io, settings.value, paths);
  if (!files.ok) return fail(io, files.problems, EXIT.usage);
  await reportProblems(io, files.problems ?? []);
  if (files.value.length === 0) return nothingYet(io, 'communiqués to export');
  const exported = settings.value.config.export ?? {};
  return publish(io, settings.value, files.value, {
    formats: exported.formats ?? ['html', 'md', 'txt', 'docx'],
    templateName: exported.template ?? 'default',
    out: options.out ? resolve(io.cwd, options.out) : resolve(settings.value.projectRoot, exported.out ?? 'public'),
    includeInternal: false,
    strict: true,
    // A repository always holds next meeting's draft: export leaves it out, unless --strict.
    ...(options.strict ? {} : { readyFrom: 'approved' as const }),
    force: Boolean(options.force),
    showIds: Boolean(exported.action_ids),
    publishIndex: true,
    ...(exported.site_url ? { siteUrl: exported.site_url } : {}),
    ...(options.referenceDoc
      ? { referenceDoc: { path: options.referenceDoc, base: io.cwd } }
      : exported.reference_doc
        ? { referenceDoc: { path: exported.reference_doc, base: settings.value.projectRoot } }
        : {}),
  });
}

export interface PublishPlan {
  formats: readonly OutputFormat[];
  templateName: string;
  /** Undefined: to stdout. */
  out: string | undefined;
  includeInternal: boolean;
  /** Refuse a document with any error (export), not only one that cannot be read. */
  strict: boolean;
  /** Leave out documents whose own status is below this stage. */
  readyFrom?: Stage;
  force: boolean;
  /** Show agreement and action ids in public renderings. */
  showIds?: boolean;
  /** A reference document for the Word files (and, on export, for pandoc beside the Markdown). */
  referenceDoc?: { path: string; base: string };
  /** Write index.html and feed.xml beside the communiqués (export). */
  publishIndex?: boolean;
  siteUrl?: string;
}

/**
 * Render every file, then write what rendered. `extraSteps` run after rendering, in this
 * thread: tests use them to make a step fail on one file.
 */
export async function publish(
  io: Io,
  settings: Settings,
  files: readonly FileToCheck[],
  plan: PublishPlan,
  extraSteps?: readonly Step[],
): Promise<number> {
  const templates: Partial<Record<TemplatedFormat, TemplateSource>> = {};
  for (const format of plan.formats) {
    if (format === 'docx') continue;
    const found = findTemplate(io.fs, plan.templateName, TEMPLATE_FILES[format], settings.templates);
    if (!found.ok) return fail(io, [runProblem('render/template-missing', found.message)], EXIT.usage);
    templates[format] = { path: found.path, source: found.source };
  }
  let browser: string | undefined;
  if (plan.formats.includes('pdf')) {
    const found = findBrowser(io.fs, io.env);
    if (!found.ok) return fail(io, [runProblem('render/browser-missing', found.message)], EXIT.usage);
    browser = found.path;
  }
  let referenceDoc: Uint8Array | undefined;
  if (plan.referenceDoc) {
    const read = readReferenceDoc(io.fs, plan.referenceDoc.path, plan.referenceDoc.base, settings.projectRoot);
    const { isWordDocument } = await import('../render/docx/reference.js');
    if (!read.ok) return fail(io, [runProblem('render/reference-doc', read.message)], EXIT.usage);
    if (!(await isWordDocument(read.bytes)))
      return fail(
        io,
        [
          runProblem(
            'render/reference-doc',
            `the reference document ${plan.referenceDoc.path} is not a Word .docx file`,
          ),
        ],
        EXIT.usage,
      );
    referenceDoc = read.bytes;
  }
  const labels = loadLabelOverrides(io.fs, settings.templates, plan.templateName, settings.config.labels);
  const render: RenderPlan = {
    formats: plan.formats,
    templates,
    settings: {
      includeInternal: plan.includeInternal,
      projectRoot: settings.projectRoot,
      ...(settings.sourceDate ? { sourceDate: settings.sourceDate } : {}),
      ...(plan.showIds ? { showIds: true } : {}),
      ...(labels ? { labels } : {}),
      outputFolder: plan.out ?? io.cwd,
      ...(referenceDoc ? { referenceDoc } : {}),
    },
  };
  const unreadableTemplates = await checkTemplates(render);
  if (unreadableTemplates.length > 0) return fail(io, unreadableTemplates, EXIT.usage);
  const filePlan: FilePlan = {
    maxBytes: settings.check.maxBytes!,
    check: settings.check,
    policy: {
      report: 'blocking',
      blockOn: plan.strict ? 'any-error' : 'unreadable',
      ...(plan.readyFrom ? { readyFrom: plan.readyFrom } : {}),
    },
    keepData: Boolean(plan.publishIndex),
    render,
  };
  // Each output is written beside its place as soon as it is rendered, and put in place
  // once all are (io/staging.ts); a PDF is printed from its page after rendering.
  const out = plan.out;
  const staging = out !== undefined && !plan.formats.includes('pdf') ? new Staging(io.fs) : undefined;
  // Interrupted, the run takes back what it had written beside its places.
  const release = staging && io.onInterrupt?.(() => staging.discard());
  const stage = (result: PipelineResult) => {
    for (const output of result.outputs ?? [])
      staging?.stage(outputPath(out!, result.file, output.format), output.content);
  };
  try {
    const results = await runFiles(files, filePlan, {
      fs: io.fs,
      ...(extraSteps ? { extraSteps } : {}),
      ...(staging ? { onResult: stage } : {}),
    });

    // A template that reads but fails on some communiqué: the same problem, reported once.
    const templateProblems = uniqueByMessage(
      results.flatMap((result) => (result.templateProblem ? [result.templateProblem] : [])),
    );
    if (templateProblems.length > 0) return fail(io, templateProblems, EXIT.usage);
    const left = results.filter((result) => result.skipped);
    const leftOut = left.map((result) =>
      runProblem(
        'input/not-ready',
        `leaving out ${result.file}: it is ${result.skipped === 'review' ? 'in review' : `a ${result.skipped}`}, not yet approved`,
      ),
    );
    const refused = results.filter((result) => !result.outputs && !result.skipped);
    await reportProblems(io, [...leftOut, ...refused]);
    const rendered = results.filter((result) => result.outputs);
    const exitCode = refused.length > 0 ? EXIT.problems : EXIT.ok;
    if (browser) {
      const printed = await printAll(io, browser, rendered, settings);
      if (!printed) return EXIT.usage;
    }

    if (plan.out === undefined) {
      for (const result of rendered) {
        for (const output of result.outputs!)
          io.stdout.write(
            BINARY_FORMATS.has(output.format)
              ? output.content
              : withoutControls(new TextDecoder().decode(output.content)),
          );
      }
      return exitCode;
    }

    const planned: PlannedOutput[] = [];
    const claimed = new Map<string, string>();
    for (const result of rendered) {
      for (const output of result.outputs!) {
        const path = outputPath(plan.out, result.file, output.format);
        const other = claimed.get(path);
        if (other)
          return usageError(io, `${other} and ${result.file} would both be written to ${path}; use two folders`);
        claimed.set(path, result.file);
        planned.push({ path, content: output.content, source: result.file });
      }
    }
    if (plan.publishIndex && planned.length > 0)
      planned.push(...(await publicationFiles(plan, settings, rendered, referenceDoc)));
    const blocked = refusals(
      io.fs,
      planned,
      files.map((file) => file.path),
      plan.force,
    );
    if (blocked.length > 0) return fail(io, blocked, EXIT.usage);
    try {
      writeOutputs(io.fs, planned, GENERATOR, io.cwd, staging);
    } catch (error) {
      return fail(
        io,
        [
          runProblem(
            'write/failed',
            `cannot write to ${plan.out} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`,
          ),
        ],
        EXIT.usage,
      );
    }
    const what = plan.strict ? 'Exported' : 'Rendered';
    const communiques = `${results.length} communiqué${results.length === 1 ? '' : 's'}`;
    if (planned.length === 0) {
      io.stdout.write(`${what} none of ${communiques}${refused.length === 0 ? ': none is approved yet' : ''}\n`);
      return exitCode;
    }
    io.stdout.write(
      `${what} ${rendered.length} of ${communiques} to ${planned.length} file${planned.length === 1 ? '' : 's'} in ${plan.out}\n`,
    );
    return exitCode;
  } finally {
    release?.();
    staging?.discard();
  }
}

/** Where an output of `file` is written in the folder `out`. */
function outputPath(out: string, file: string, format: OutputFormat): string {
  return resolve(out, stemOf(file) + EXTENSIONS[format]);
}

/** An output's name before its extension: the source's name without `.md`. */
function stemOf(file: string): string {
  return basename(file).replace(/\.(md|markdown)$/i, '');
}

/** The same template problem, met by many files, reported once. */
function uniqueByMessage(problems: readonly FileResult[]): FileResult[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}\n${problem.messages.map((message) => message.message).join('\n')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Print every PDF output (the page the pipeline made for it) in one browser; false when printing failed (reported). */
async function printAll(io: Io, browser: string, rendered: PipelineResult[], settings: Settings): Promise<boolean> {
  const pending = rendered.flatMap((result) => result.outputs!.filter((output) => output.format === 'pdf'));
  if (pending.length === 0) return true;
  const { finishPdf, metadataFromHtml } = await import('../render/pdf.js');
  const decoder = new TextDecoder();
  const pages = pending.map((output) => decoder.decode(output.content));
  let printed: Uint8Array[];
  try {
    printed = await printPdfs(browser, pages);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    await reportProblems(io, [
      runProblem('render/browser-missing', `the browser at ${browser} could not print: ${detail}`),
    ]);
    return false;
  }
  for (const [index, output] of pending.entries()) {
    const html = pages[index]!;
    const issued = /<meta name="DCTERMS\.issued" content="([^"]+)"/.exec(html)?.[1];
    const created = /<meta name="DCTERMS\.created" content="([^"]+)"/.exec(html)?.[1];
    const date = settings.sourceDate ?? new Date(`${issued ?? created ?? '2000-01-01'}T00:00:00Z`);
    output.content = await finishPdf(printed[index]!, metadataFromHtml(html, date));
  }
  return true;
}

/** What export writes beside the communiqués: the index page, the Atom feed, and pandoc's reference document. */
async function publicationFiles(
  plan: PublishPlan,
  settings: Settings,
  rendered: PipelineResult[],
  referenceDoc: Uint8Array | undefined,
): Promise<PlannedOutput[]> {
  const [{ indexEntry, renderIndex }, { renderFeed }] = await Promise.all([
    import('../render/index-page.js'),
    import('../render/feed.js'),
  ]);
  const encoder = new TextEncoder();
  const out = plan.out!;
  const source = 'communique export';
  const langs = rendered.map((result) => result.communique?.lang ?? 'en-AU');
  const lang = mostCommon(langs) ?? 'en-AU';
  const entries = rendered.flatMap((result) => {
    if (!result.communique) return [];
    const stem = stemOf(result.file);
    const files = result.outputs!.map((output) => ({ format: output.format, href: stem + EXTENSIONS[output.format] }));
    return [indexEntry(result.communique, files, result.communique.lang ?? 'en-AU', settings.config.labels)];
  });
  const files: PlannedOutput[] = [
    {
      path: resolve(out, 'index.html'),
      content: encoder.encode(renderIndex(entries, lang, settings.config.labels)),
      source,
    },
    {
      path: resolve(out, 'feed.xml'),
      content: encoder.encode(renderFeed(entries, lang, plan.siteUrl, settings.config.labels)),
      source,
    },
  ];
  if (plan.formats.includes('md'))
    files.push({
      path: resolve(out, 'reference.docx'),
      content: referenceDoc ?? (await (await import('../render/docx/reference-doc.js')).defaultReferenceDoc(lang)),
      source,
    });
  return files;
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}
