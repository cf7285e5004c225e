import { parentPort, workerData } from 'node:worker_threads';
import type { CheckOptions } from '../core/check.js';
import type { FileResult } from '../diagnostics/diagnostic.js';
import { checkFile } from './check-file.js';
import type { FileToCheck } from './files.js';

/** A validate worker: checks the batches of files it is sent, one file at a time. */
export interface Batch {
  id: number;
  files: FileToCheck[];
}

export interface BatchResult {
  id: number;
  results: FileResult[];
}

const options = (workerData as { options: CheckOptions }).options;

parentPort!.on('message', (batch: Batch) => {
  const results: FileResult[] = [];
  for (const file of batch.files) results.push(checkFile(file.path, file.name, options));
  parentPort!.postMessage({ id: batch.id, results } satisfies BatchResult);
});
