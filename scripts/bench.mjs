// `npm run bench`: how fast `communique validate` is, next to the floor (a bare `node -e 0`
// and a read-only pass over the same files), on generated corpora of 100, 1,000 and
// 10,000 communiqués. Prints files per second, milliseconds per file and peak memory, and
// checks the targets; then render throughput per format on 1,000 files. Use --sizes=100,1000
// to run fewer validate sizes.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin/communique.js');
const corpusRoot = join(root, 'bench-corpus');
const sizesArgument = process.argv.find((argument) => argument.startsWith('--sizes='));
const sizes = sizesArgument ? sizesArgument.slice(8).split(',').map(Number) : [100, 1000, 10000];
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Run a command; wall time in ms and peak resident memory in MB (via GNU time when present). */
function measure(command, args) {
  const started = process.hrtime.bigint();
  const result = TIME
    ? spawnSync(TIME, ['-f', '%M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const peakKb = TIME ? Number(result.stderr.trim().split('\n').at(-1)) : Number.NaN;
  return { ms, mb: peakKb / 1024, status: result.status };
}

function median(command, args, runs) {
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(measure(command, args));
  samples.sort((a, b) => a.ms - b.ms);
  return samples[Math.floor(samples.length / 2)];
}

const rows = [];
const checks = [];
const show = (label, value) => rows.push([label, value]);

const bare = median(process.execPath, ['-e', '0'], 15);
const help = median(process.execPath, [bin, '--help'], 15);
const version = median(process.execPath, [bin, '--version'], 15);
const single = median(process.execPath, [bin, 'validate', join(root, 'examples/2026-04-21-npg.md')], 15);
show('node -e 0', `${bare.ms.toFixed(0)} ms`);
show('communique --help', `${help.ms.toFixed(0)} ms (${(help.ms / bare.ms).toFixed(2)}x node)`);
show('communique --version', `${version.ms.toFixed(0)} ms (${(version.ms / bare.ms).toFixed(2)}x node)`);
show('validate one file', `${single.ms.toFixed(0)} ms (${(single.ms / bare.ms).toFixed(2)}x node)`);
checks.push(['--help within 1.5x of node -e 0', help.ms / bare.ms <= 1.5]);
checks.push(['single-file validate within 2.5x of node -e 0', single.ms / bare.ms <= 2.5]);

const READ_ONLY = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
let bytes = 0;
for (const entry of readdirSync(process.argv[1], { recursive: true, withFileTypes: true })) {
  if (entry.isFile()) bytes += readFileSync(join(entry.parentPath ?? entry.path, entry.name)).length;
}`;

for (const size of sizes) {
  const folder = join(corpusRoot, String(size));
  writeCorpus(folder, size);
  const read = median(process.execPath, ['-e', READ_ONLY, folder], 3);
  const validate = median(
    process.execPath,
    [bin, 'validate', folder, '--format', 'json=/dev/null'],
    size >= 10000 ? 1 : 3,
  );
  if (validate.status !== 1)
    throw new Error(`validate exited ${validate.status} on the corpus of ${size}; expected 1 (it has broken files)`);
  show(`${size} files: read only`, `${read.ms.toFixed(0)} ms, ${read.mb.toFixed(0)} MB`);
  show(
    `${size} files: validate`,
    `${(validate.ms / 1000).toFixed(2)} s, ${Math.round((size * 1000) / validate.ms)} files/s, ${(validate.ms / size).toFixed(2)} ms/file, peak ${validate.mb.toFixed(0)} MB`,
  );
  if (size === 10000) {
    checks.push(['10,000 files in under 10 s', validate.ms < 10000]);
    checks.push(['10,000 files with peak memory under 300 MB', validate.mb < 300]);
  }
}

// Rendering: one process for many files, every format, on the 1,000-file corpus (its broken
// files are refused, as a user would see).
const renderCorpus = join(corpusRoot, 'render-1000');
writeCorpus(renderCorpus, 1000);
for (const format of ['html', 'md', 'txt', 'docx']) {
  const out = join(corpusRoot, `rendered-${format}`);
  rmSync(out, { recursive: true, force: true });
  const rendered = measure(process.execPath, [bin, 'render', renderCorpus, '--to', format, '--out', out]);
  if (rendered.status !== 1)
    throw new Error(`render --to ${format} exited ${rendered.status}; expected 1 (the corpus has broken files)`);
  const files = 1000;
  show(
    `${files} files: render --to ${format}`,
    `${(rendered.ms / 1000).toFixed(2)} s, ${(rendered.ms / files).toFixed(2)} ms/file, peak ${rendered.mb.toFixed(0)} MB`,
  );
  if (format === 'html') checks.push(['1,000 communiqués to HTML in under 5 s', rendered.ms < 5000]);
  if (format === 'docx') checks.push(['1,000 communiqués to .docx in under 15 s', rendered.ms < 15000]);
}

console.log(`communique bench — ${availableParallelism()} cores, Node ${process.version}`);
const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
console.log('targets:');
for (const [label, ok] of checks) console.log(`  ${ok ? 'met ' : 'MISSED'}  ${label}`);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
