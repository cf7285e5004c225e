/**
 * Spreading work over every core. Items go out in batches; each worker handles its batch
 * one item at a time (so no more than one syntax tree per core is alive), with the next
 * batch already in hand. Results come back in the order the items were given, whichever
 * worker finished first. A worker that dies (out of memory, say) does not take the run
 * with it, and never leaves it waiting: the items of its batch go out again one by one to
 * fresh workers, and an item on which a worker dies alone gets `onWorkerDeath`'s result.
 * This thread can take a share too: it starts at once, while the workers are still
 * loading, and one worker fewer is started.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Worker as WorkerThread } from 'node:worker_threads';

export interface PoolOptions<T, R> {
  /** The built worker script; run from source (in tests) it does not exist, and all work stays here. */
  workerFile: string;
  workerData: unknown;
  /**
   * Worker threads to use; 1 works in this thread. Default: one per core once there are
   * `threshold` items (one fewer when this thread takes a share).
   */
  jobs?: number;
  /**
   * Work through the queue in this thread too, one item at a time, answering the workers
   * between items. Never an item a worker died on: what kills a worker could kill the run.
   */
  shareWithThisThread?: boolean;
  threshold: number;
  batchSize: number;
  /** The same work, in this thread. */
  inThisThread: (items: readonly T[]) => Promise<R[]>;
  /** The result for an item a worker died on, with why it died. */
  onWorkerDeath: (item: T, reason: string) => R;
  onProgress?: (done: number, total: number) => void;
  /** Each item's result as soon as it is known, with the item's place in `items`. */
  onResult?: (result: R, index: number) => void;
}

export interface Batch<T> {
  id: number;
  items: T[];
}

export interface BatchResult<R> {
  id: number;
  results: R[];
}

interface Pending<T> {
  /** Where the batch's results go in the output. */
  start: number;
  items: T[];
  /** Already sent alone once: a death now is this item's doing. */
  alone: boolean;
}

export async function mapInWorkers<T, R>(items: readonly T[], options: PoolOptions<T, R>): Promise<R[]> {
  const jobs = workersFor(items.length, options);
  if (jobs === 0 || !existsSync(options.workerFile)) {
    const results: R[] = [];
    for (const item of items) {
      for (const result of await options.inThisThread([item])) {
        options.onResult?.(result, results.length);
        results.push(result);
      }
      options.onProgress?.(results.length, items.length);
    }
    return results;
  }

  const queue: Pending<T>[] = [];
  for (let start = 0; start < items.length; start += options.batchSize) {
    queue.push({ start, items: items.slice(start, start + options.batchSize), alone: false });
  }
  const results: R[] = new Array(items.length);
  let done = 0;
  const finish = (batch: Pending<T>, batchResults: readonly R[]) => {
    batchResults.forEach((result, index) => {
      results[batch.start + index] = result;
      options.onResult?.(result, batch.start + index);
    });
    done += batchResults.length;
    options.onProgress?.(done, items.length);
  };

  // Each lane runs workers one after another: a fresh one whenever the last has died.
  // Loaded only for a run that has workers: a few milliseconds of every short run otherwise.
  const { Worker } = await import('node:worker_threads');
  const lane = async (): Promise<void> => {
    while (queue.length > 0) {
      const death = await runWorker(Worker, queue, options, finish);
      if (!death) return;
      const { batch, reason } = death;
      if (batch.alone || batch.items.length === 1) finish(batch, [options.onWorkerDeath(batch.items[0]!, reason)]);
      else {
        batch.items.forEach((item, index) => {
          queue.unshift({ start: batch.start + index, items: [item], alone: true });
        });
      }
    }
  };
  // This thread's share: single items off the front of the queue, so that it never holds
  // back a batch a worker is waiting for, with a turn of the event loop after each to hand
  // the workers their next batches.
  const here = async (): Promise<void> => {
    for (;;) {
      const at = queue.findIndex((pending) => !pending.alone);
      if (at === -1) return;
      const head = queue[at]!;
      const item = head.items.shift()!;
      if (head.items.length === 0) queue.splice(at, 1);
      const batch: Pending<T> = { start: head.start, items: [item], alone: false };
      head.start++;
      finish(batch, await options.inThisThread([item]));
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const lanes = Array.from({ length: jobs }, lane);
  await Promise.all(options.shareWithThisThread ? [...lanes, here()] : lanes);
  return results;
}

/** How many workers to start: none means all the work is done in this thread. */
function workersFor<T, R>(count: number, options: PoolOptions<T, R>): number {
  const batches = Math.ceil(count / options.batchSize);
  if (options.jobs !== undefined) {
    const jobs = Math.min(options.jobs, batches);
    return jobs > 1 ? jobs : 0;
  }
  if (count < options.threshold) return 0;
  if (options.shareWithThisThread) return Math.max(0, Math.min(availableParallelism() - 1, batches - 1));
  const jobs = Math.min(availableParallelism(), batches);
  return jobs > 1 ? jobs : 0;
}

/**
 * Batches a worker holds at once: the one it works on and the next, so that it never waits
 * for this thread (busy with its own share) to answer before starting again.
 */
const IN_FLIGHT = 2;

/** One worker taking batches from the queue until it is empty (undefined) or the worker dies. */
function runWorker<T, R>(
  Worker: typeof WorkerThread,
  queue: Pending<T>[],
  options: PoolOptions<T, R>,
  finish: (batch: Pending<T>, results: readonly R[]) => void,
): Promise<{ batch: Pending<T>; reason: string } | undefined> {
  return new Promise((resolve) => {
    const worker = new Worker(options.workerFile, { workerData: options.workerData });
    /** Sent and not answered, oldest first: the worker answers in order. */
    const inFlight = new Map<number, Pending<T>>();
    let nextId = 0;
    let settled = false;
    const settle = (value: { batch: Pending<T>; reason: string } | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    const give = () => {
      while (inFlight.size < IN_FLIGHT && queue.length > 0) {
        const batch = queue.shift()!;
        const id = nextId++;
        inFlight.set(id, batch);
        worker.postMessage({ id, items: batch.items } satisfies Batch<T>);
      }
      if (inFlight.size === 0) void worker.terminate().then(() => settle(undefined));
    };
    worker.on('message', (message: BatchResult<R>) => {
      const batch = inFlight.get(message.id)!;
      inFlight.delete(message.id);
      finish(batch, message.results);
      give();
    });
    const died = (reason: string) => {
      // The worker was on the oldest batch; the ones behind it go back to the queue, unblamed.
      const [current, ...waiting] = inFlight.values();
      inFlight.clear();
      for (const batch of waiting.reverse()) queue.unshift(batch);
      if (current) settle({ batch: current, reason });
      else settle(undefined);
    };
    worker.on('error', (error) => died(error.message));
    worker.on('exit', (code) => died(`the worker thread stopped (exit code ${code})`));
    give();
  });
}

/** The worker's side: answer each batch with its results, in order. */
export function serveBatches<T, R>(
  port: {
    on(event: 'message', listener: (batch: Batch<T>) => void): unknown;
    postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  },
  handle: (items: readonly T[]) => Promise<R[]>,
  /** Memory the results own outright, moved to the main thread rather than copied. */
  transfer: (results: readonly R[]) => ArrayBuffer[] = () => [],
): void {
  // One batch at a time, in the order sent, even when the next arrives while one is at work.
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (batch: Batch<T>) => {
    previous = previous.then(async () => {
      const results = await handle(batch.items);
      port.postMessage({ id: batch.id, results } satisfies BatchResult<R>, transfer(results));
    });
  });
}
