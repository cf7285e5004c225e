import { parentPort, workerData } from 'node:worker_threads';
import { serveBatches } from './pool.js';
import type { FileToCheck } from '../io/inputs.js';
import { renderFile } from './render-file.js';
import { type FileOptions, prepareRenderers, type RendererSpec } from './render-files.js';

/** A render worker: prepares the renderers once, then renders the batches it is sent. */
const { spec, options } = workerData as { spec: RendererSpec; options: FileOptions };
const renderers = await prepareRenderers(spec);

serveBatches(parentPort!, async (files: readonly FileToCheck[]) => {
  const results = [];
  for (const file of files) results.push(await renderFile(file.path, file.name, { ...options, renderers }));
  return results;
});
