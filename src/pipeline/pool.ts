import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Spreading work over every core. Items go out in batches; each worker handles its batch
 * one item at a time (so no more than one syntax tree per core is alive) and asks for the
 * next. Results come back in the order the items were given, whichever worker finished
 * first. A worker that dies (out of memory, say) does not take the run with it: its batch,
 * and any it never got to, are done in this thread.
 */
export interface PoolOptions<T, R> {
  /** The built worker script; run from source (in tests) it does not exist, and all work stays here. */
  workerFile: string;
  workerData: unknown;
  /** Worker threads to use; 1 works in this thread. Default: one per core once there are `threshold` items. */
  jobs?: number;
  threshold: number;
  batchSize: number;
  /** The same work, in this thread. */
  inThisThread: (items: readonly T[]) => Promise<R[]>;
  onProgress?: (done: number, total: number) => void;
}

export interface Batch<T> {
  id: number;
  items: T[];
}

export interface BatchResult<R> {
  id: number;
  results: R[];
}

export async function mapInWorkers<T, R>(items: readonly T[], options: PoolOptions<T, R>): Promise<R[]> {
  const jobs = Math.min(options.jobs ?? (items.length >= options.threshold ? availableParallelism() : 1), Math.ceil(items.length / options.batchSize));
  if (jobs <= 1 || !existsSync(options.workerFile)) {
    const results: R[] = [];
    for (const item of items) {
      results.push(...(await options.inThisThread([item])));
      options.onProgress?.(results.length, items.length);
    }
    return results;
  }

  const batches: Batch<T>[] = [];
  for (let index = 0; index < items.length; index += options.batchSize) {
    batches.push({ id: batches.length, items: items.slice(index, index + options.batchSize) });
  }
  const results: R[][] = new Array(batches.length);
  let next = 0;
  let done = 0;

  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(options.workerFile, { workerData: options.workerData });
      let current: Batch<T> | undefined;
      const give = () => {
        current = batches[next++];
        if (current) worker.postMessage(current);
        else void worker.terminate().then(() => resolve());
      };
      worker.on('message', (message: BatchResult<R>) => {
        results[message.id] = message.results;
        done += message.results.length;
        options.onProgress?.(done, items.length);
        give();
      });
      worker.on('error', async () => {
        const unfinished = current;
        current = undefined;
        if (unfinished) results[unfinished.id] = await options.inThisThread(unfinished.items);
        resolve();
      });
      give();
    });

  await Promise.all(Array.from({ length: jobs }, runWorker));
  for (const batch of batches) results[batch.id] ??= await options.inThisThread(batch.items);
  return results.flat();
}

/** The worker's side: answer each batch with its results, in order. */
export function serveBatches<T, R>(port: { on(event: 'message', listener: (batch: Batch<T>) => void): unknown; postMessage(message: unknown): void }, handle: (items: readonly T[]) => Promise<R[]>): void {
  port.on('message', async (batch: Batch<T>) => {
    port.postMessage({ id: batch.id, results: await handle(batch.items) } satisfies BatchResult<R>);
  });
}
