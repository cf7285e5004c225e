import { fileURLToPath } from 'node:url';
import type { FileToCheck } from '../io/inputs.js';
import { mapInWorkers } from './pool.js';
import { type RenderedFile, type RenderFileOptions, renderFile } from './render-file.js';
import { type OutputFormat, prepareRenderer, type Renderer, TemplateError } from '../render/renderers.js';

/**
 * Rendering many files on every core: each worker prepares its own renderers (templates
 * compiled once per worker) and renders its batches; results come back in input order.
 */
export interface RendererSpec {
  formats: readonly OutputFormat[];
  templateName: string;
  projectTemplates: string | undefined;
}

export type FileOptions = Omit<RenderFileOptions, 'renderers'>;

export async function renderFiles(files: readonly FileToCheck[], spec: RendererSpec, options: FileOptions, renderersHere: readonly Renderer[]): Promise<RenderedFile[]> {
  return mapInWorkers(files, {
    workerFile: fileURLToPath(new URL('./render-worker.js', import.meta.url)),
    workerData: { spec, options },
    // Workers load the Markdown and Word libraries again: worth it only for larger runs.
    threshold: 50,
    batchSize: 10,
    inThisThread: async (batch) => {
      const results: RenderedFile[] = [];
      for (const file of batch) results.push(await renderFile(file.path, file.name, { ...options, renderers: renderersHere }));
      return results;
    },
  });
}

/** The renderers for a spec, or the template problem that stops them. */
export async function prepareRenderers(spec: RendererSpec): Promise<Renderer[]> {
  const renderers: Renderer[] = [];
  for (const format of spec.formats) {
    const prepared = await prepareRenderer(format, spec.templateName, spec.projectTemplates);
    if (!prepared.ok) throw new TemplateError(prepared);
    renderers.push(prepared.renderer);
  }
  return renderers;
}
