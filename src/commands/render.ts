import { basename, resolve } from 'node:path';
import { EXIT } from '../cli/program.js';
import type { Io } from '../io/io.js';
import type { LoadedConfig } from '../config/discover.js';
import type { CheckOptions } from '../core/check/check.js';
import type { Stage } from '../core/model.js';
import { type PlannedOutput, refusals, writeOutputs } from '../io/write.js';
import type { RenderedFile } from '../pipeline/render-file.js';
import { prepareRenderers, type RendererSpec, renderFiles } from '../pipeline/render-files.js';
import { EXTENSIONS, type OutputFormat, TemplateError } from '../render/renderers.js';
import type { FileToCheck } from '../io/inputs.js';
import { configuredInputs, GENERATOR, reportOnStderr } from './shared.js';

/**
 * `communique render` (any stage, one format, for looking at or sending a draft) and
 * `communique export` (the publication step: every configured format, only documents that
 * pass at the `published` stage, never internal content, with a manifest).
 */
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
}

export async function renderCommand(paths: readonly string[], options: RenderOptions, io: Io): Promise<number> {
  if (options.stdout && options.out) return usage(io, 'give either --out or --stdout, not both');
  const prepared = await configuredInputs(paths, options.config, io);
  if (typeof prepared === 'number') return prepared;
  const { configured, inputs } = prepared;
  if (options.stdout && options.to === 'docx' && io.stdout.isTTY) return usage(io, 'a .docx file cannot be shown on a terminal: use --out, or redirect --stdout to a file');
  if (options.stdout && options.to === 'docx' && inputs.files.length > 1) return usage(io, 'one .docx file at a time can go to --stdout');

  return run(io, configured, inputs.files, {
    formats: [options.to],
    templateName: options.template ?? 'default',
    out: options.stdout ? undefined : resolve(io.cwd, options.out ?? 'rendered'),
    includeInternal: Boolean(options.includeInternal),
    strict: false,
    stage: undefined,
    force: Boolean(options.force),
  });
}

export async function exportCommand(paths: readonly string[], options: ExportOptions, io: Io): Promise<number> {
  const prepared = await configuredInputs(paths, options.config, io);
  if (typeof prepared === 'number') return prepared;
  const { configured, inputs } = prepared;
  const settings = configured.config.export ?? {};
  const out = options.out ? resolve(io.cwd, options.out) : resolve(configured.folder, settings.out ?? 'public');
  return run(io, configured, inputs.files, {
    formats: settings.formats ?? ['html', 'md', 'txt', 'docx'],
    templateName: settings.template ?? 'default',
    out,
    includeInternal: false,
    strict: true,
    stage: 'published',
    force: Boolean(options.force),
  });
}

interface Plan {
  formats: readonly OutputFormat[];
  templateName: string;
  /** Undefined: to stdout. */
  out: string | undefined;
  includeInternal: boolean;
  strict: boolean;
  stage: Stage | undefined;
  force: boolean;
}

async function run(io: Io, configured: Extract<LoadedConfig, { ok: true }>, files: readonly FileToCheck[], plan: Plan): Promise<number> {
  const config = configured.config;
  const projectTemplates = config.templates ? resolve(configured.folder, config.templates) : undefined;
  const spec: RendererSpec = { formats: plan.formats, templateName: plan.templateName, projectTemplates };

  const check: CheckOptions = {};
  const stage = plan.stage ?? config.stage;
  if (stage) check.stage = stage;
  if (config.rules) check.severities = config.rules;
  if (config.organisations) check.organisations = config.organisations;
  const epoch = io.env.SOURCE_DATE_EPOCH;
  const sourceDate = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;

  let results: RenderedFile[];
  try {
    const renderers = await prepareRenderers(spec);
    results = await renderFiles(files, spec, { check, strict: plan.strict, includeInternal: plan.includeInternal, projectRoot: configured.folder, ...(sourceDate ? { sourceDate } : {}) }, renderers);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const problem = error.problem;
    await reportOnStderr(io, [{ file: problem.file, messages: [problem.diagnostic], ...(problem.lines ? { lines: problem.lines } : {}) }]);
    return EXIT.usage;
  }

  const refused = results.filter((result) => !result.outputs);
  if (refused.length > 0) await reportOnStderr(io, refused);

  const rendered = results.filter((result) => result.outputs);
  if (plan.out === undefined) {
    for (const result of rendered) for (const output of result.outputs!) io.stdout.write(plan.formats[0] === 'docx' ? Buffer.from(output.content) : new TextDecoder().decode(output.content));
    return refused.length > 0 ? EXIT.problems : EXIT.ok;
  }

  const planned: PlannedOutput[] = [];
  const claimed = new Map<string, string>();
  for (const result of rendered) {
    const stem = basename(result.file).replace(/\.(md|markdown)$/i, '');
    for (const output of result.outputs!) {
      const path = resolve(plan.out, stem + EXTENSIONS[output.format]);
      const other = claimed.get(path);
      if (other) return usage(io, `${other} and ${result.file} would both be written to ${path}; render them to different folders`);
      claimed.set(path, result.file);
      planned.push({ path, content: output.content, source: result.file });
    }
  }
  const blocked = refusals(planned, files.map((file) => file.path), plan.force);
  if (blocked.length > 0) {
    for (const refusal of blocked) io.stderr.write(`communique: not writing ${refusal.path}: ${refusal.reason}${refusal.reason.startsWith('it is one of') ? '' : ' (use --force to replace it)'}\n`);
    return EXIT.usage;
  }
  try {
    writeOutputs(planned, GENERATOR, io.cwd);
  } catch (error) {
    return usage(io, `cannot write to ${plan.out} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  const what = plan.stage === 'published' ? 'Exported' : 'Rendered';
  io.stdout.write(`${what} ${rendered.length} of ${results.length} communiqué${results.length === 1 ? '' : 's'} to ${planned.length} file${planned.length === 1 ? '' : 's'} in ${plan.out}\n`);
  return refused.length > 0 ? EXIT.problems : EXIT.ok;
}

function usage(io: Io, message: string): number {
  io.stderr.write(`communique: ${message}\n`);
  return EXIT.usage;
}
