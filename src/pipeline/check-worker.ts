import { parentPort, workerData } from 'node:worker_threads';
import type { CheckOptions } from '../core/check/check.js';
import { serveBatches } from './pool.js';
import { checkFile } from './check-file.js';
import type { FileToCheck } from '../io/inputs.js';

/** A validate worker: checks the batches of files it is sent, one file at a time. */
const options = (workerData as { options: CheckOptions }).options;

serveBatches(parentPort!, async (files: readonly FileToCheck[]) => files.map((file) => checkFile(file.path, file.name, options)));
