#!/usr/bin/env node
// The only place that touches `process`: run the program, set the exit code. CommonJS (see
// bin/package.json), like dist/: Node's ES module loader would add to every start.
'use strict';

const { nodeIo, run } = require('../dist/cli.js');

run(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
