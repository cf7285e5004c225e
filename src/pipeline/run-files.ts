import { fileURLToPath } from 'node:url';
import { makeDiagnostic, FIRST_COLUMN } from '../diagnostics/make.js';
import type { FileToCheck } from '../io/inputs.js';
import type { FileSystem } from '../io/io.js';
import type { Renderer } from '../render/renderers.js';
import { type PipelineResult, runFile, type Step } from './file-pipeline.js';
import type { FilePlan } from './plan.js';
import { mapInWorkers } from './pool.js';
import { stepsOf } from './plan.js';

export interface RunOptions {
  fs: FileSystem;
  /** Renderers prepared in this thread (workers prepare their own). */
  renderers?: readonly Renderer[];
  /** Worker threads to use; 1 works in this thread. Default: one per core for large runs. */
  jobs?: number;
  onProgress?: (done: number, total: number) => void;
  /** Steps to run after the plan's own, in this thread only: how tests make a step fail. */
  extraSteps?: readonly Step[];
}

/**
 * Every file through the pipeline, in this thread or on every core. Below the threshold,
 * starting workers costs more than it saves; rendering pays more per worker (the Markdown
 * and Word libraries load again), so it starts sooner but in smaller batches.
 */
export async function runFiles(
  files: readonly FileToCheck[],
  plan: FilePlan,
  options: RunOptions,
): Promise<PipelineResult[]> {
  const steps = [...stepsOf(plan, options.fs, options.renderers), ...(options.extraSteps ?? [])];
  const renders = plan.render !== undefined;
  return mapInWorkers(files, {
    workerFile: fileURLToPath(new URL('./worker.js', import.meta.url)),
    workerData: { plan },
    threshold: renders ? 50 : 200,
    batchSize: renders ? 10 : 25,
    ...(options.extraSteps ? { jobs: 1 } : options.jobs ? { jobs: options.jobs } : {}),
    inThisThread: async (batch) => {
      const results: PipelineResult[] = [];
      for (const file of batch) results.push(await runFile(file, steps, plan.keepData));
      return results;
    },
    onWorkerDeath: (file, reason) => ({
      file: file.name,
      messages: [
        makeDiagnostic(
          'internal/error',
          `communique's worker thread stopped while reading this file: ${reason}`,
          FIRST_COLUMN,
        ),
      ],
    }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
