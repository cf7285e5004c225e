import { fileURLToPath } from 'node:url';
import type { CheckOptions } from '../core/check/check.js';
import type { FileResult } from '../diagnostics/diagnostic.js';
import { mapInWorkers } from './pool.js';
import { checkFile } from './check-file.js';
import type { FileToCheck } from '../io/inputs.js';

/** Checking many files on every core (see mapInWorkers). */
export interface CheckFilesOptions {
  /** Worker threads to use; 1 checks in this thread. Default: one per core for large runs. */
  jobs?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function checkFiles(files: readonly FileToCheck[], options: CheckOptions, run: CheckFilesOptions = {}): Promise<FileResult[]> {
  return mapInWorkers(files, {
    workerFile: fileURLToPath(new URL('./worker.js', import.meta.url)),
    workerData: { options },
    // Below this many files, starting workers costs more than it saves.
    threshold: 200,
    batchSize: 25,
    inThisThread: async (batch) => batch.map((file) => checkFile(file.path, file.name, options)),
    ...(run.jobs ? { jobs: run.jobs } : {}),
    ...(run.onProgress ? { onProgress: run.onProgress } : {}),
  });
}
