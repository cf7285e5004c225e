/**
 * What a command asks of the per-file pipeline, as plain data: it crosses into worker
 * threads, where each worker builds the same steps from it. The rendering code (the
 * Markdown libraries above all) is loaded only by a plan that renders, on first use, so
 * that `validate` and its workers start without it.
 */
import type { CheckOptions } from '../core/check/check.js';
import type { FileResult } from '../diagnostics/diagnostic.js';
import type { FileSystem } from '../io/io.js';
import type { OutputFormat, Renderer, TemplatedFormat, TemplateSource } from '../render/renderers.js';
import { contentHash } from './cache.js';
import type { Step } from './file-pipeline.js';
import { type CheckPolicy, checkStep } from './steps/check.js';
import { parseStep } from './steps/parse.js';
import { readStep } from './steps/read.js';
import type { RenderSettings } from './steps/render.js';

export interface FilePlan {
  maxBytes: number;
  check: CheckOptions;
  policy: CheckPolicy;
  /** Hand back each file's checked front matter (the register and `new` need it). */
  keepData: boolean;
  /** Hand back what the checks across communiqués need from each file. */
  collectFacts?: boolean;
  /** Hand back a hash of each file's bytes, for the cache: of the bytes checked, not of a later read. */
  hashContent?: boolean;
  render?: RenderPlan;
  /** Check the images each body names against the files, as `render` will (validate; render checks its own). */
  images?: { projectRoot: string };
}

export interface RenderPlan {
  formats: readonly OutputFormat[];
  /** The template of each templated format, already found. */
  templates: Partial<Record<TemplatedFormat, TemplateSource>>;
  settings: RenderSettings;
}

/** The problems with the plan's templates, found without preparing the renderers (the workers do that). */
export async function checkTemplates(plan: RenderPlan): Promise<FileResult[]> {
  const { checkTemplate } = await import('../render/renderers.js');
  const problems: FileResult[] = [];
  for (const format of plan.formats) {
    const template = format === 'docx' ? undefined : plan.templates[format];
    const problem = template ? await checkTemplate(format as TemplatedFormat, template) : undefined;
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Compile the plan's templates: the renderers, or the problems with the templates. */
export async function prepareRenderers(
  plan: RenderPlan,
): Promise<{ ok: true; renderers: Renderer[] } | { ok: false; problems: FileResult[] }> {
  const { prepareRenderer } = await import('../render/renderers.js');
  const renderers: Renderer[] = [];
  const problems: FileResult[] = [];
  for (const format of plan.formats) {
    const prepared = await prepareRenderer(format, format === 'docx' ? undefined : plan.templates[format]);
    if (prepared.ok) renderers.push(prepared.renderer);
    else problems.push(prepared.problem);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, renderers };
}

/** The steps a plan runs, in order, with the renderers already prepared when it renders. */
export function stepsOf(plan: FilePlan, fs: FileSystem, renderers: readonly Renderer[] = []): Step[] {
  const steps = [readStep(fs, plan.maxBytes)];
  if (plan.hashContent) steps.push(hashStep);
  steps.push(parseStep(plan.maxBytes), checkStep(plan.check, plan.policy, plan.collectFacts));
  const images = plan.images;
  if (images) {
    let step: Step | undefined;
    steps.push(async (state) => {
      if (state.fatal) return;
      step ??= (await import('./steps/images.js')).imagesStep(fs, images.projectRoot);
      await step(state);
    });
  }
  const render = plan.render;
  if (render) {
    let step: Step | undefined;
    steps.push(async (state) => {
      step ??= (await import('./steps/render.js')).renderStep(fs, renderers, render.settings);
      await step(state);
    });
  }
  return steps;
}

const hashStep: Step = (state) => {
  state.contentHash = contentHash(state.bytes!);
};
