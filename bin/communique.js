#!/usr/bin/env node
// The only place that touches `process`: run the program, set the exit code.
import { nodeIo, run } from '../dist/cli.js';

process.exitCode = await run(process.argv.slice(2), nodeIo());
