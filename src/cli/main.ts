// The CLI's entry point for bin/communique.js.
export { processIo } from './io.js';
export { run } from './run.js';
