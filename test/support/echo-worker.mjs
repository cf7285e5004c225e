// A pool worker for tests, speaking the protocol of `serveBatches` (src/pipeline/pool.ts):
// it receives `{ id, items }` and answers `{ id, results }`. It echoes each item, except
// that it ends its thread on an item named `die` (as a worker out of memory would) and
// throws, killing the thread with an uncaught error, on an item named `throw`.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, items }) => {
  const results = [];
  for (const item of items) {
    if (item === 'die') process.exit(1);
    if (item === 'throw') throw new Error(`the worker could not handle ${item}`);
    results.push(`echo ${item}`);
  }
  parentPort.postMessage({ id, results });
});
