/**
 * What a command asks of the per-file pipeline, as plain data: it crosses into worker
 * threads, where each worker builds the same steps from it.
 */
import type { CheckOptions } from '../core/check/check.js';
import type { FileResult } from '../diagnostics/diagnostic.js';
import type { FileSystem } from '../io/io.js';
import {
  type OutputFormat,
  prepareRenderer,
  type Renderer,
  type TemplatedFormat,
  type TemplateSource,
} from '../render/renderers.js';
import type { Step } from './file-pipeline.js';
import { type CheckPolicy, checkStep } from './steps/check.js';
import { parseStep } from './steps/parse.js';
import { readStep } from './steps/read.js';
import { type RenderSettings, renderStep } from './steps/render.js';

export interface FilePlan {
  maxBytes: number;
  check: CheckOptions;
  policy: CheckPolicy;
  /** Hand back each file's checked front matter (the register and `new` need it). */
  keepData: boolean;
  /** Hand back what the checks across communiqués need from each file. */
  collectFacts?: boolean;
  render?: RenderPlan;
}

export interface RenderPlan {
  formats: readonly OutputFormat[];
  /** The template of each templated format, already found. */
  templates: Partial<Record<TemplatedFormat, TemplateSource>>;
  settings: RenderSettings;
}

/** Compile the plan's templates: the renderers, or the problems with the templates. */
export async function prepareRenderers(
  plan: RenderPlan,
): Promise<{ ok: true; renderers: Renderer[] } | { ok: false; problems: FileResult[] }> {
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
  const steps = [
    readStep(fs, plan.maxBytes),
    parseStep(plan.maxBytes),
    checkStep(plan.check, plan.policy, plan.collectFacts),
  ];
  if (plan.render) steps.push(renderStep(fs, renderers, plan.render.settings));
  return steps;
}
