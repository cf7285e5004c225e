import * as fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { FileToCheck } from '../io/inputs.js';
import { type PipelineResult, runFile } from './file-pipeline.js';
import { type FilePlan, prepareRenderers, stepsOf } from './plan.js';
import { serveBatches } from './pool.js';

/** A pipeline worker: builds the plan's steps once, then runs the batches of files it is sent. */
// No top-level await: the bundle is CommonJS. Batches sent before the steps are ready wait
// in the port's queue.
async function start(): Promise<void> {
  const { plan } = workerData as { plan: FilePlan };
  const prepared = plan.render ? await prepareRenderers(plan.render) : undefined;
  // The main thread checked the same templates before starting workers, so this cannot fail.
  const steps = stepsOf(plan, fs, prepared?.ok ? prepared.renderers : []);
  serveBatches(
    parentPort!,
    async (files: readonly FileToCheck[]) => {
      const results: PipelineResult[] = [];
      for (const file of files) results.push(await runFile(file, steps, plan.keepData));
      return results;
    },
    outputMemory,
  );
}

/**
 * The rendered outputs' bytes, each moved to the main thread instead of copied: only an
 * array that is the whole of its memory (a view into a shared pool must stay where it is).
 */
function outputMemory(results: readonly PipelineResult[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const result of results)
    for (const { content } of result.outputs ?? []) {
      const { buffer } = content;
      if (buffer instanceof ArrayBuffer && content.byteOffset === 0 && content.byteLength === buffer.byteLength)
        buffers.add(buffer);
    }
  return [...buffers];
}

void start();
