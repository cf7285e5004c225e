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
import { findTemplate } from '../io/templates.js';
import type { Step } from '../pipeline/file-pipeline.js';
import { type FilePlan, prepareRenderers, type RenderPlan } from '../pipeline/plan.js';
import { runFiles } from '../pipeline/run-files.js';
import {
  EXTENSIONS,
  type OutputFormat,
  TEMPLATE_FILES,
  type TemplatedFormat,
  type TemplateSource,
} from '../render/renderers.js';
import { fail, GENERATOR, reportProblems, usageError, nothingYet } from './report.js';

export interface RenderOptions {
  to: OutputFormat;
  out?: string;
  stdout?: boolean;
  template?: string;
  includeInternal?: boolean;
  force?: boolean;
  config?: string | false;
}

export interface ExportOptions {
  out?: string;
  force?: boolean;
  config?: string | false;
  /** Refuse drafts and documents in review too, instead of leaving them out. */
  strict?: boolean;
}

export async function renderCommand(paths: readonly string[], options: RenderOptions, io: Io): Promise<number> {
  if (options.stdout && options.out) return usageError(io, 'give either --out or --stdout, not both');
  const settings = resolveSettings(io, options.config !== undefined ? { config: options.config } : {});
  if (!settings.ok) return fail(io, settings.problems, EXIT.usage);
  const files = await resolveInputs(io, settings.value, paths);
  if (!files.ok) return fail(io, files.problems, EXIT.usage);
  await reportProblems(io, files.problems ?? []);
  if (files.value.length === 0) return nothingYet(io, 'communiqués to render');
  if (options.stdout && options.to === 'docx' && io.stdout.isTTY) {
    return usageError(io, 'a .docx file cannot be shown on a terminal: use --out, or redirect --stdout to a file');
  }
  if (options.stdout && options.to === 'docx' && files.value.length > 1)
    return usageError(io, 'one .docx file at a time can go to --stdout');

  return publish(io, settings.value, files.value, {
    formats: [options.to],
    templateName: options.template ?? 'default',
    out: options.stdout ? undefined : resolve(io.cwd, options.out ?? 'rendered'),
    includeInternal: Boolean(options.includeInternal),
    strict: false,
    force: Boolean(options.force),
  });
}

export async function exportCommand(paths: readonly string[], options: ExportOptions, io: Io): Promise<number> {
  const settings = resolveSettings(io, {
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
  const render: RenderPlan = {
    formats: plan.formats,
    templates,
    settings: {
      includeInternal: plan.includeInternal,
      projectRoot: settings.projectRoot,
      ...(settings.sourceDate ? { sourceDate: settings.sourceDate } : {}),
    },
  };
  const prepared = await prepareRenderers(render);
  if (!prepared.ok) return fail(io, prepared.problems, EXIT.usage);
  const filePlan: FilePlan = {
    maxBytes: settings.check.maxBytes!,
    check: settings.check,
    policy: {
      report: 'blocking',
      blockOn: plan.strict ? 'any-error' : 'unreadable',
      ...(plan.readyFrom ? { readyFrom: plan.readyFrom } : {}),
    },
    keepData: false,
    render,
  };
  const results = await runFiles(files, filePlan, {
    fs: io.fs,
    renderers: prepared.renderers,
    ...(extraSteps ? { extraSteps } : {}),
  });

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

  if (plan.out === undefined) {
    for (const result of rendered) {
      for (const output of result.outputs!)
        io.stdout.write(output.format === 'docx' ? output.content : new TextDecoder().decode(output.content));
    }
    return exitCode;
  }

  const planned: PlannedOutput[] = [];
  const claimed = new Map<string, string>();
  for (const result of rendered) {
    const stem = basename(result.file).replace(/\.(md|markdown)$/i, '');
    for (const output of result.outputs!) {
      const path = resolve(plan.out, stem + EXTENSIONS[output.format]);
      const other = claimed.get(path);
      if (other) return usageError(io, `${other} and ${result.file} would both be written to ${path}; use two folders`);
      claimed.set(path, result.file);
      planned.push({ path, content: output.content, source: result.file });
    }
  }
  const blocked = refusals(
    io.fs,
    planned,
    files.map((file) => file.path),
    plan.force,
  );
  if (blocked.length > 0) return fail(io, blocked, EXIT.usage);
  try {
    writeOutputs(io.fs, planned, GENERATOR, io.cwd);
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
