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
  // The main thread prepared the same templates before starting workers, so this cannot fail.
  const steps = stepsOf(plan, fs, prepared?.ok ? prepared.renderers : []);
  serveBatches(parentPort!, async (files: readonly FileToCheck[]) => {
    const results: PipelineResult[] = [];
    for (const file of files) results.push(await runFile(file, steps, plan.keepData));
    return results;
  });
}

void start();
