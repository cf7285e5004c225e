// Preloaded with `node --require` by tests that run the built binary: every worker thread
// started appends a line to the file named by COMMUNIQUE_TEST_THREAD_MARKER, so a test can
// tell that the work really went to worker threads (preloads run in workers too).
const { isMainThread, threadId } = require('node:worker_threads');
const { appendFileSync } = require('node:fs');

const marker = process.env.COMMUNIQUE_TEST_THREAD_MARKER;
if (marker && !isMainThread) appendFileSync(marker, `worker ${threadId}\n`);
