// The CLI's entry point for bin/communique.js.
export { processIo } from '../io/io.js';
export { run } from './program.js';
