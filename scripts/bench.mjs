// `npm run bench`: how fast `communique validate` is, side by side with markdownlint-cli2
// over the same generated corpora (2,000 and 10,000 realistic communiqués, one in ten
// broken), next to the floor (a bare `node -e 0`, a read-only pass over the files); a
// second run with --cache; rendering to HTML against validating the same files; and the
// other render formats. Prints times, peak memory and ratios, then PASS or FAIL for each
// target. markdownlint-cli2 is installed once into bench-corpus/ (skipped, with a line
// saying so, when it cannot be installed). `--sizes=2000` runs fewer validate sizes.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin/communique.js');
const corpusRoot = join(root, 'bench-corpus');
const sizesArgument = process.argv.find((argument) => argument.startsWith('--sizes='));
const sizes = sizesArgument ? sizesArgument.slice(8).split(',').map(Number) : [2000, 10000];
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
// The last markdownlint-cli2 that runs on Node 20 (0.23 needs Node 22).
const PEER = 'markdownlint-cli2@0.22.1';

/**
 * Run a command: wall time in ms, and (via GNU time, when there) peak resident memory in MB
 * and processor time in ms — on a busy machine the processor time says what the wall
 * time cannot.
 */
function measure(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const spawnOptions = { encoding: 'utf8', maxBuffer: 1 << 30, ...options };
  const result = TIME
    ? spawnSync(TIME, ['-f', '%M %U %S', command, ...args], spawnOptions)
    : spawnSync(command, args, spawnOptions);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const [peakKb, user, system] = TIME
    ? result.stderr.trim().split('\n').at(-1).split(' ').map(Number)
    : [Number.NaN, Number.NaN, Number.NaN];
  return { ms, mb: peakKb / 1024, cpu: (user + system) * 1000, status: result.status };
}

const median = (samples) => [...samples].sort((a, b) => a.ms - b.ms)[Math.floor(samples.length / 2)];

/**
 * Several commands measured `runs` times each, taking turns, so that the machine's load falls
 * on each alike. A command's `prepare`, if it has one, runs untimed before each of its runs.
 */
function interleaved(commands, runs) {
  const samples = commands.map(() => []);
  for (let run = 0; run < runs; run++) {
    commands.forEach(([command, args, options, prepare], index) => {
      prepare?.();
      samples[index].push(measure(command, args, options));
    });
  }
  return samples.map(median);
}

/** markdownlint-cli2's binary, installed into bench-corpus/ the first time; undefined when that fails. */
function peerBinary() {
  const folder = join(corpusRoot, `.peer-${PEER.replace(/[@/]/g, '-')}`);
  const binary = join(folder, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  if (existsSync(binary)) return binary;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const installed = spawnSync(
    npm,
    ['install', '--prefix', folder, '--no-audit', '--no-fund', '--loglevel=error', PEER],
    { encoding: 'utf8', timeout: 300_000 },
  );
  if (installed.status === 0 && existsSync(binary)) return binary;
  rmSync(folder, { recursive: true, force: true });
  return undefined;
}

const rows = [];
const checks = [];
const show = (label, value) => rows.push([label, value]);
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const cpu = (run) => (Number.isNaN(run.cpu) ? '' : `, cpu ${seconds(run.cpu)}`);
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

const [bare, help, version, single] = interleaved(
  [
    [process.execPath, ['-e', '0']],
    [process.execPath, [bin, '--help']],
    [process.execPath, [bin, '--version']],
    [process.execPath, [bin, 'validate', join(root, 'examples/2026-04-21-npg.md')]],
  ],
  15,
);
show('node -e 0', `${bare.ms.toFixed(0)} ms`);
show('communique --help', `${help.ms.toFixed(0)} ms (${ratio(help.ms, bare.ms)} node)`);
show('communique --version', `${version.ms.toFixed(0)} ms (${ratio(version.ms, bare.ms)} node)`);
show('validate one file', `${single.ms.toFixed(0)} ms (${ratio(single.ms, bare.ms)} node)`);
checks.push(['--help within 1.3x a bare node -e 0', help.ms / bare.ms <= 1.3]);
checks.push(['one file within 2x a bare node -e 0', single.ms / bare.ms <= 2]);

const peer = peerBinary();
if (!peer) show('markdownlint-cli2', `not installed (${PEER}: offline?) — the comparison is skipped`);

const READ_ONLY = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
let bytes = 0;
for (const entry of readdirSync(process.argv[1], { recursive: true, withFileTypes: true })) {
  if (entry.isFile()) bytes += readFileSync(join(entry.parentPath ?? entry.path, entry.name)).length;
}`;

const validateTimes = new Map();
for (const size of sizes) {
  const folder = join(corpusRoot, String(size));
  writeCorpus(folder, size);
  const read = median([0, 1, 2].map(() => measure(process.execPath, ['-e', READ_ONLY, folder])));
  // Three runs of communique, taking turns with the peer's; the peer's 10,000-file run takes
  // close to a minute, so it runs once there.
  const peerRuns = size >= 10000 ? 1 : 3;
  const validateSamples = [];
  const peerSamples = [];
  for (let run = 0; run < 3; run++) {
    validateSamples.push(measure(process.execPath, [bin, 'validate', folder, '--format', 'json=/dev/null']));
    // markdownlint-cli2 takes its globs from where it runs, and reports every finding (on stderr).
    if (peer && run < peerRuns) peerSamples.push(measure(process.execPath, [peer, '**/*.md'], { cwd: folder }));
  }
  const validate = median(validateSamples);
  const peerRun = peer ? median(peerSamples) : undefined;
  if (validate.status !== 1)
    throw new Error(`validate exited ${validate.status} on the corpus of ${size}; expected 1 (it has broken files)`);
  validateTimes.set(size, validate.ms);
  const label = size.toLocaleString('en');
  show(`${label} files: read only`, `${read.ms.toFixed(0)} ms, ${read.mb.toFixed(0)} MB`);
  show(
    `${label} files: validate`,
    `${seconds(validate.ms)}, ${(validate.ms / size).toFixed(2)} ms/file, peak ${validate.mb.toFixed(0)} MB${cpu(validate)}`,
  );
  if (peerRun) {
    show(
      `${label} files: markdownlint-cli2`,
      `${seconds(peerRun.ms)}, peak ${peerRun.mb.toFixed(0)} MB${cpu(peerRun)} — communique ${ratio(peerRun.ms, validate.ms)} faster`,
    );
    checks.push([`${label} files at least 5x faster than markdownlint-cli2`, peerRun.ms / validate.ms >= 5]);
  } else checks.push([`${label} files at least 5x faster than markdownlint-cli2`, undefined]);
  if (size === 10000) {
    checks.push(['10,000 files in under 5 s', validate.ms < 5000]);
    checks.push(['10,000 files with peak memory under 300 MB', validate.mb < 300]);
  }
}

// The cache: the first run with --cache checks every file and writes the cache; the
// second, over the same unchanged files, is measured against a run without it.
const CACHED = 2000;
const cachedFolder = join(corpusRoot, String(CACHED));
if (!sizes.includes(CACHED)) writeCorpus(cachedFolder, CACHED);
const cacheFile = join(corpusRoot, `cache-${CACHED}.json`);
rmSync(cacheFile, { force: true });
const withCache = [bin, 'validate', cachedFolder, '--format', 'json=/dev/null', '--cache-location', cacheFile];
const first = measure(process.execPath, withCache);
const [uncached, cached] = interleaved(
  [
    [process.execPath, [bin, 'validate', cachedFolder, '--format', 'json=/dev/null']],
    [process.execPath, withCache],
  ],
  3,
);
if (cached.status !== 1) throw new Error(`validate --cache exited ${cached.status}; expected 1`);
show('2,000 files: validate --cache, 1st', `${seconds(first.ms)}, peak ${first.mb.toFixed(0)} MB${cpu(first)}`);
show(
  '2,000 files: validate --cache, 2nd',
  `${seconds(cached.ms)}, peak ${cached.mb.toFixed(0)} MB${cpu(cached)} — ${((100 * cached.ms) / uncached.ms).toFixed(0)}% of ${seconds(uncached.ms)} uncached`,
);
checks.push(['2,000 unchanged files with --cache in at most 15% of an uncached run', cached.ms <= 0.15 * uncached.ms]);

// Rendering: one process for many files (the corpus's broken files are refused, as a user would see).
const renderArgs = (format, folder) => [
  bin,
  'render',
  folder,
  '--to',
  format,
  '--out',
  join(corpusRoot, `rendered-${format}`),
];
const showRender = (run, format, count) => {
  if (run.status !== 1)
    throw new Error(`render --to ${format} exited ${run.status}; expected 1 (the corpus has broken files)`);
  show(
    `${count.toLocaleString('en')} files: render --to ${format}`,
    `${seconds(run.ms)}, ${(run.ms / count).toFixed(2)} ms/file, peak ${run.mb.toFixed(0)} MB${cpu(run)}`,
  );
};
// Three of each, the median: one sample of each moved the ratio by a tenth from run to run.
// Every render writes into an empty folder, as the first render of a project does.
const [validateAgain, html] = interleaved(
  [
    [process.execPath, [bin, 'validate', cachedFolder, '--format', 'json=/dev/null']],
    [
      process.execPath,
      renderArgs('html', cachedFolder),
      {},
      () => rmSync(join(corpusRoot, 'rendered-html'), { recursive: true, force: true }),
    ],
  ],
  3,
);
showRender(html, 'html', CACHED);
show(
  '2,000 files: HTML against validate',
  `${ratio(html.ms, validateAgain.ms)} (validate ${seconds(validateAgain.ms)})`,
);
checks.push(['2,000 files to HTML within 2x validating them', html.ms <= 2 * validateAgain.ms]);
const renderCorpus = join(corpusRoot, 'render-1000');
writeCorpus(renderCorpus, 1000);
for (const format of ['md', 'txt', 'docx']) {
  rmSync(join(corpusRoot, `rendered-${format}`), { recursive: true, force: true });
  const run = measure(process.execPath, renderArgs(format, renderCorpus));
  showRender(run, format, 1000);
  if (format === 'docx') checks.push(['1,000 communiqués to .docx in under 15 s', run.ms < 15000]);
}
// PDF: printed by a local Chromium, fewer files (each is a page laid out and printed).
const pdfCorpus = join(corpusRoot, 'render-50');
writeCorpus(pdfCorpus, 50);
rmSync(join(corpusRoot, 'rendered-pdf'), { recursive: true, force: true });
const pdf = measure(process.execPath, renderArgs('pdf', pdfCorpus));
if (pdf.status === 2) show('50 files: render --to pdf', 'skipped: no Chromium or Chrome (set CHROME_PATH)');
else showRender(pdf, 'pdf', 50);

// A hostile front matter: tens of thousands of unknown keys, every one a problem. Time must
// grow with the size (twice the keys, about twice the time past start-up), not its square.
const keyed = (count) => {
  const file = join(corpusRoot, `keys-${count}.md`);
  const lines = ['---', 'schema_version: 1', 'id: x-2021-01-01', 'status: draft'];
  for (let index = 0; index < count; index++) lines.push(`k${index}: ${index}`);
  writeFileSync(file, `${lines.join('\n')}\n---\n\n# Title\n`);
  return file;
};
const [keys20, keys40] = interleaved(
  [
    [process.execPath, [bin, 'validate', keyed(20000), '--format', 'json=/dev/null']],
    [process.execPath, [bin, 'validate', keyed(40000), '--format', 'json=/dev/null']],
  ],
  3,
);
show('20,000 unknown keys (258 KB)', `${seconds(keys20.ms)}, peak ${keys20.mb.toFixed(0)} MB`);
show(
  '40,000 unknown keys (538 KB)',
  `${seconds(keys40.ms)}, peak ${keys40.mb.toFixed(0)} MB — ${ratio(keys40.ms - bare.ms, keys20.ms - bare.ms)} the 20,000 past start-up`,
);
checks.push(['40,000 keys of front matter in under 1 s', keys40.ms < 1000]);

console.log(`communique bench — ${availableParallelism()} cores, Node ${process.version}`);
const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
console.log('targets:');
for (const [label, ok] of checks) console.log(`  ${ok === undefined ? 'SKIP' : ok ? 'PASS' : 'FAIL'}  ${label}`);
process.exitCode = checks.every(([, ok]) => ok !== false) ? 0 : 1;
