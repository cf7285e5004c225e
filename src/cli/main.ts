// The CLI's entry point for bin/communique.js.
export { nodeIo } from './node-io.js';
export { run } from './program.js';
