import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CheckOptions } from '../core/check.js';
import type { FileResult } from '../diagnostics/diagnostic.js';
import { checkFile } from './check-file.js';
import type { FileToCheck } from './files.js';
import type { Batch, BatchResult } from './worker.js';

/**
 * Checking many files on every core. Each worker takes a batch, checks it one file at a
 * time (so no more than one syntax tree per core is alive), and asks for the next; results
 * come back in the order the files were given, whichever worker finished first.
 */
export interface CheckFilesOptions {
  /** Worker threads to use; 1 checks in this thread. Default: one per core for large runs. */
  jobs?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Below this many files, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 200;
const BATCH_SIZE = 25;

export async function checkFiles(files: readonly FileToCheck[], options: CheckOptions, run: CheckFilesOptions = {}): Promise<FileResult[]> {
  const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
  const jobs = Math.min(run.jobs ?? (files.length >= PARALLEL_THRESHOLD ? availableParallelism() : 1), Math.ceil(files.length / BATCH_SIZE));
  // The worker exists only in the built package; run from source, check in this thread.
  if (jobs <= 1 || !existsSync(workerFile)) return checkInThisThread(files, options, run.onProgress);

  const batches: Batch[] = [];
  for (let index = 0; index < files.length; index += BATCH_SIZE) {
    batches.push({ id: batches.length, files: files.slice(index, index + BATCH_SIZE) });
  }
  const results: FileResult[][] = new Array(batches.length);
  let next = 0;
  let done = 0;

  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(workerFile, { workerData: { options } });
      let current: Batch | undefined;
      const give = () => {
        current = batches[next++];
        if (current) worker.postMessage(current);
        else void worker.terminate().then(() => resolve());
      };
      worker.on('message', (message: BatchResult) => {
        results[message.id] = message.results;
        done += message.results.length;
        run.onProgress?.(done, files.length);
        give();
      });
      // A worker that dies (out of memory, say) must not take the run with it: finish its
      // batch here and let the other workers carry on.
      worker.on('error', async () => {
        const unfinished = current;
        current = undefined;
        if (unfinished) results[unfinished.id] = await checkInThisThread(unfinished.files, options);
        resolve();
      });
      give();
    });

  await Promise.all(Array.from({ length: jobs }, runWorker));
  // Batches a failed worker never got to are checked here.
  for (const batch of batches) results[batch.id] ??= await checkInThisThread(batch.files, options);
  return results.flat();
}

async function checkInThisThread(files: readonly FileToCheck[], options: CheckOptions, onProgress?: CheckFilesOptions['onProgress']): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) {
    results.push(checkFile(file.path, file.name, options));
    onProgress?.(results.length, files.length);
  }
  return results;
}
