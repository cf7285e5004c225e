import { fileURLToPath } from 'node:url';
import { FIRST_COLUMN, makeDiagnostic } from '../diagnostics/make.js';
import type { FileToCheck } from '../io/inputs.js';
import type { FileSystem } from '../io/io.js';
import type { Renderer } from '../render/renderers.js';
import { readBounded } from '../io/read.js';
import { contentHash, type FileStatus, type ResultCache } from './cache.js';
import { type PipelineResult, runFile, type Step } from './file-pipeline.js';
import type { FilePlan } from './plan.js';
import { mapInWorkers } from './pool.js';

/** The built worker script; run from source (in tests) it does not exist, and all work stays in this thread. */
export const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));

export interface RunOptions {
  fs: FileSystem;
  /** Renderers already prepared; without them, this thread prepares its own if it renders (as each worker does). */
  renderers?: readonly Renderer[];
  /** Worker threads to use; 1 works in this thread. Default: one per core for large runs (see `runFiles`). */
  jobs?: number;
  onProgress?: (done: number, total: number) => void;
  /** Each file's result as soon as it is known (with a cache, once all are), with the file's place in the list. */
  onResult?: (result: PipelineResult, index: number) => void;
  /** Steps to run after the plan's own, in this thread only: how tests make a step fail. */
  extraSteps?: readonly Step[];
  /** Results of earlier runs: a file whose bytes have one is not checked again, and each file checked is kept. */
  cache?: ResultCache;
}

/**
 * Every file through the pipeline, in this thread or on every core. Below the threshold,
 * starting workers costs more than it saves; rendering pays more per worker (the Markdown
 * and Word libraries load again), so it starts sooner but in smaller batches. A check-only
 * run also works in this thread beside its workers (one per core but one), so the first
 * files are checked while the workers are still loading.
 */
export async function runFiles(
  files: readonly FileToCheck[],
  plan: FilePlan,
  options: RunOptions,
): Promise<PipelineResult[]> {
  return options.cache ? runWithCache(files, plan, options, options.cache) : runAll(files, plan, options);
}

/**
 * Looked up before any work is sent out: a file untouched since it was last hashed is not
 * even read; any other is read and hashed here, and only the files without a result for
 * those bytes go through the pipeline (which hashes the bytes it checks, so what is kept
 * belongs to exactly those bytes).
 */
async function runWithCache(
  files: readonly FileToCheck[],
  plan: FilePlan,
  options: RunOptions,
  cache: ResultCache,
): Promise<PipelineResult[]> {
  const results: PipelineResult[] = new Array(files.length);
  const misses: FileToCheck[] = [];
  const places: number[] = [];
  const signatures: (string | undefined)[] = [];
  const hits: { index: number; signature: string | undefined }[] = [];
  files.forEach((file, index) => {
    const status = statusOf(options.fs, file.path);
    const signature = status ? cache.signatureOf(status) : undefined;
    let hit = signature ? cache.unchanged(file, signature) : undefined;
    if (!hit) {
      const read = readBounded(options.fs, file.path, plan.maxBytes);
      hit = read.ok ? cache.lookup(file, contentHash(read.bytes), signature) : undefined;
    }
    if (hit) {
      results[index] = { file: file.name, ...hit };
      hits.push({ index, signature });
    } else {
      misses.push(file);
      places.push(index);
      signatures.push(signature);
    }
  });
  // The facts for the checks across files, read from the cache only for a run that will check
  // across files again: the very files the cache was written for take those findings from it.
  if (plan.collectFacts && (misses.length > 0 || !cache.sameFilesAsStored(files)))
    for (const { index, signature } of hits) {
      const facts = cache.factsOf(files[index]!);
      if (facts) results[index]!.facts = facts;
      else if (facts === false) {
        misses.push(files[index]!);
        places.push(index);
        signatures.push(signature);
      }
    }
  const found = files.length - misses.length;
  const { onProgress, onResult, ...rest } = options;
  const checked = await runAll(
    misses,
    { ...plan, hashContent: true },
    {
      ...rest,
      ...(onProgress ? { onProgress: (done: number) => onProgress(found + done, files.length) } : {}),
    },
  );
  checked.forEach((result, index) => {
    const file = misses[index]!;
    cache.remember(file, result, signatures[index]);
    delete result.contentHash;
    results[places[index]!] = result;
  });
  if (onResult) results.forEach(onResult);
  return results;
}

/**
 * A result that keeps nothing of its file alive. Lines, messages and facts are pieces of
 * the file's text, and a piece of a string can hold on to the whole of it: kept for every
 * file of a long run, the texts would add up to more than the results (a worker's results
 * arrive as copies anyway). The rendered outputs are the file's own and are kept as they are.
 */
function detached(result: PipelineResult): PipelineResult {
  const { outputs, ...rest } = result;
  // Results are plain data (they are cached as JSON), and a JSON round trip copies them
  // faster than structuredClone.
  const copy = JSON.parse(JSON.stringify(rest)) as PipelineResult;
  return outputs ? { ...copy, outputs } : copy;
}

/** A regular file's status, after following links; undefined for anything else. */
function statusOf(fs: FileSystem, path: string): FileStatus | undefined {
  try {
    const status = fs.statSync(path, { throwIfNoEntry: false });
    return status?.isFile() ? status : undefined;
  } catch {
    return undefined;
  }
}

async function runAll(files: readonly FileToCheck[], plan: FilePlan, options: RunOptions): Promise<PipelineResult[]> {
  if (files.length === 0) return [];
  // Loaded when this thread first needs them, while any workers load their own.
  let steps: Step[] | undefined;
  const renders = plan.render !== undefined;
  return mapInWorkers(files, {
    workerFile: WORKER_FILE,
    workerData: { plan },
    threshold: renders ? 50 : 200,
    batchSize: renders ? 10 : 25,
    ...(options.extraSteps ? { jobs: 1 } : options.jobs ? { jobs: options.jobs } : {}),
    // Checking alone, this thread's share costs nothing to set up; rendering would load the
    // renderers here as well as in every worker.
    shareWithThisThread: !renders,
    inThisThread: async (batch) => {
      if (!steps) {
        const { prepareRenderers, stepsOf } = await import('./plan.js');
        // The command checked the templates, so preparing cannot fail.
        const prepared = plan.render && !options.renderers ? await prepareRenderers(plan.render) : undefined;
        const renderers = options.renderers ?? (prepared?.ok ? prepared.renderers : []);
        steps = [...stepsOf(plan, options.fs, renderers), ...(options.extraSteps ?? [])];
      }
      const results: PipelineResult[] = [];
      for (const file of batch) results.push(detached(await runFile(file, steps!, plan.keepData)));
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
    ...(options.onResult ? { onResult: options.onResult } : {}),
  });
}
