import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { mapInWorkers, type PoolOptions } from '../src/pipeline/pool.js';
import { runCli, project } from './support/io.js';
import { ONE_PIXEL_PNG } from './support/png.js';
import { temporaryFolder } from './support/temporary.js';

/**
 * Work spread over worker threads. Runs from source (vitest, `runCli`) never use workers:
 * src/pipeline/run-files.ts looks for `./worker.js` beside itself, and src/pipeline/ holds
 * only worker.ts, so the pool falls back to this thread. The end-to-end tests here run the
 * BUILT binary (`npm test` builds first), with a preload that records every worker thread
 * started, so they can tell the work really went to workers.
 */
const repo = resolve(import.meta.dirname, '..');
const bin = join(repo, 'bin/communique.js');
const marker = join(repo, 'test/support/thread-marker.cjs');
const echoWorker = join(repo, 'test/support/echo-worker.mjs');
const brokenWorker = join(repo, 'test/support/broken-worker.mjs');

/** The built binary, with the thread marker preloaded; returns what it printed and how many workers it started. */
function communique(args: string[], cwd: string, env: Record<string, string> = {}) {
  const threads = join(temporaryFolder('communique-scratch-'), 'threads.txt');
  const result = spawnSync(process.execPath, ['--require', marker, bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env, COMMUNIQUE_TEST_THREAD_MARKER: threads },
  });
  const workers = existsSync(threads) ? readFileSync(threads, 'utf8').split('\n').filter(Boolean).length : 0;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, workers };
}

const SHARED_DATE = [10, 40];

type Variant = 'plain' | 'draft' | 'virtual' | 'elsewhere' | 'organisation' | 'stranger' | 'logo';

/**
 * One meeting of a fictional residents' forum. Each variant exercises one setting:
 * `draft` the configured stage, `virtual` a rule turned off, `elsewhere` a warning made an
 * error, `organisation` and `stranger` the configured organisations, `logo` a local image.
 */
function forumMeeting(index: number, variant: Variant): string {
  // Each meeting is of its own precinct's forum, except two that fall in different
  // batches: one forum, one date, which the checks across communiqués report.
  const shared = SHARED_DATE.includes(index);
  const day = shared ? '11' : String((index % 27) + 1).padStart(2, '0');
  const group = shared ? 'Harbour Precinct Residents Forum' : `Precinct ${index} Residents Forum`;
  const approved = variant !== 'draft';
  const owner =
    variant === 'organisation'
      ? 'Coastal Transport Authority'
      : variant === 'stranger'
        ? 'Lighthouse Rowing Club'
        : 'ana-whitlock';
  const body =
    variant === 'virtual'
      ? 'The Forum met virtually for the second session.'
      : variant === 'elsewhere'
        ? 'The Forum met in Albany for this meeting.'
        : variant === 'logo'
          ? 'Members saw the new laneway sign.\n\n![The laneway sign](../images/sign.png)'
          : 'Members heard from residents about the laneway lighting.';
  return `---
schema_version: 1
title: ${group} Communiqué ${index}
status: ${approved ? 'approved' : 'draft'}
${approved ? `approval:\n  by: Chair, ${group}\n  date: 2022-04-${day}\n` : ''}meeting:
  group:
    name: ${group}
  date: 2022-03-${day}
  mode: in-person
  place: Fremantle
  chair: ana-whitlock
attendees:
  - id: ana-whitlock
    name: Ana Whitlock
    organisation: Port Lane Neighbourhood Centre
actions:
  - id: ACT-${index + 1}
    text: Share the draft parking survey with members.
    owner: ${owner}
    due: 2022-05-30
    status: open
---

## Laneway lighting

${body}
`;
}

const name = (index: number) => `meetings/m${String(index).padStart(3, '0')}.md`;

function forumProject(count: number, variants: readonly Variant[], extra: Record<string, string | Uint8Array> = {}) {
  const files: Record<string, string | Uint8Array> = { 'images/sign.png': ONE_PIXEL_PNG, ...extra };
  for (let index = 0; index < count; index++)
    files[name(index)] = forumMeeting(index, variants[index % variants.length]!);
  return project(files);
}

const CONFIG = JSON.stringify({
  rules: { 'body/mode-mismatch': 'off', 'body/place-mismatch': 'error' },
  stage: 'approved',
  organisations: ['Coastal Transport Authority'],
});

interface JsonResult {
  file: string;
  messages: { ruleId: string; severity: string; message: string; line: number; column: number }[];
}

describe('validate on worker threads', () => {
  it('gives exactly the output of one thread, with the configured rules, stage and organisations applied', () => {
    const variants: Variant[] = ['plain', 'draft', 'virtual', 'elsewhere', 'organisation', 'stranger'];
    const cwd = forumProject(66, variants, { 'communique.config.json': CONFIG });

    const parallel = communique(
      ['validate', 'meetings', '--jobs', '2', '-f', 'json=parallel.json', '-f', 'stylish'],
      cwd,
    );
    const serial = communique(['validate', 'meetings', '--jobs', '1', '-f', 'json=serial.json', '-f', 'stylish'], cwd);

    // Two lanes for three batches of 25: two workers; one thread starts none.
    expect(parallel.workers).toBe(2);
    expect(serial.workers).toBe(0);
    expect(parallel.code).toBe(1);
    expect(serial.code).toBe(1);
    expect(parallel.stderr).toBe('');
    expect(parallel.stdout).toBe(serial.stdout);
    const parallelJson = readFileSync(join(cwd, 'parallel.json'), 'utf8');
    expect(parallelJson).toBe(readFileSync(join(cwd, 'serial.json'), 'utf8'));

    // And it is the right output: each setting shows in every batch of 25.
    const results = JSON.parse(parallelJson) as JsonResult[];
    expect(results.map((result) => result.file)).toEqual(Array.from({ length: 66 }, (_, index) => name(index)));
    results.forEach((result, index) => {
      const found = result.messages.map((message) => [message.ruleId, message.severity, message.line, message.column]);
      const expected = {
        plain: [],
        draft: [['lifecycle/approval-missing', 'error', 4, 9]],
        virtual: [],
        elsewhere: [['body/place-mismatch', 'error', 29, 11]],
        organisation: [],
        stranger: [['action/owner-unknown', 'error', 22, 12]],
      }[variants[index % variants.length] as Exclude<Variant, 'logo'>];
      // The later of the two meetings on one date hears about it, and about the action it dropped.
      const across = [
        ['across/same-date', 'error', 11, 9],
        ['across/action-vanished', 'error', 19, 1],
      ];
      expect(found, result.file).toEqual(index === 40 ? [...expected, ...across] : expected);
    });
    expect(results[40]!.messages.map((message) => message.message)).toEqual([
      'meetings/m010.md is also a communiqué of this group for 2022-03-11',
      'Action `ACT-11` of `m010` was open and this communiqué does not carry it forward or close it',
    ]);
    expect(parallel.stdout.endsWith('✖ 35 problems (35 errors, 0 warnings) in 34 of 66 files\n')).toBe(true);
  }, 60_000);
});

/** Render starts workers from 50 files: one per core, no more than there are batches of 10. */
function workersFor(files: number): number {
  const lanes = Math.min(availableParallelism(), Math.ceil(files / 10));
  return lanes > 1 ? lanes : 0;
}

describe('render on worker threads', () => {
  it('writes every file, lists each in the manifest, and matches a one-thread render byte for byte', async () => {
    const count = 54;
    const variants: Variant[] = ['plain', 'virtual', 'logo', 'organisation', 'elsewhere', 'draft'];
    const cwd = forumProject(count, variants, {
      'communique.config.json': JSON.stringify({ organisations: ['Coastal Transport Authority'] }),
    });

    const built = communique(['render', 'meetings', '--to', 'html', '--out', 'out-workers'], cwd);
    const here = await runCli(['render', 'meetings', '--to', 'html', '--out', 'out-here'], cwd);

    expect(built.workers).toBe(workersFor(count));
    expect(built).toMatchObject({
      code: 0,
      stderr: '',
      stdout: `Rendered 54 of 54 communiqués to 54 files in ${join(cwd, 'out-workers')}\n`,
    });
    expect(here).toEqual({
      code: 0,
      stderr: '',
      stdout: `Rendered 54 of 54 communiqués to 54 files in ${join(cwd, 'out-here')}\n`,
    });

    const expected = Array.from({ length: count }, (_, index) =>
      name(index).replace('meetings/', '').replace('.md', '.html'),
    );
    const written = readdirSync(join(cwd, 'out-workers')).sort();
    expect(written).toEqual([...expected, 'manifest.json'].sort());
    const manifest = JSON.parse(readFileSync(join(cwd, 'out-workers/manifest.json'), 'utf8')) as {
      files: { path: string; source: string }[];
    };
    expect(manifest.files.map((entry) => [entry.path, entry.source])).toEqual(
      expected.map((file, index) => [file, name(index)]),
    );
    expect(readFileSync(join(cwd, 'out-workers/manifest.json'))).toEqual(
      readFileSync(join(cwd, 'out-here/manifest.json')),
    );
    for (const file of expected) {
      expect(readFileSync(join(cwd, 'out-workers', file)), file).toEqual(readFileSync(join(cwd, 'out-here', file)));
    }
    // The workers found the local image relative to each document and embedded it.
    const withLogo = readFileSync(join(cwd, 'out-workers/m002.html'), 'utf8');
    expect(withLogo).toContain(`src="data:image/png;base64,${ONE_PIXEL_PNG.toString('base64')}"`);
  }, 60_000);

  it('stamps Word documents with SOURCE_DATE_EPOCH in workers as in one thread', async () => {
    const count = 50;
    const cwd = forumProject(count, ['plain', 'logo']);
    const env = { SOURCE_DATE_EPOCH: '1650000000' };
    const built = communique(['render', 'meetings', '--to', 'docx', '--out', 'out-workers'], cwd, env);
    const here = await runCli(['render', 'meetings', '--to', 'docx', '--out', 'out-here'], cwd, env);
    expect(built.workers).toBe(workersFor(count));
    expect(built.stderr).toBe('');
    expect(here.stderr).toBe('');
    expect(built.code).toBe(0);
    expect(built.stdout).toBe(`Rendered 50 of 50 communiqués to 50 files in ${join(cwd, 'out-workers')}\n`);
    for (let index = 0; index < count; index++) {
      const file = name(index).replace('meetings/', '').replace('.md', '.docx');
      expect(readFileSync(join(cwd, 'out-workers', file)), file).toEqual(readFileSync(join(cwd, 'out-here', file)));
    }
    const zip = await JSZip.loadAsync(readFileSync(join(cwd, 'out-workers/m001.docx')));
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('2022-04-15T05:20:00Z');
  }, 90_000);

  it('refuses an image outside the project in a worker exactly as in one thread', async () => {
    const count = 52;
    const outside = temporaryFolder('communique-scratch-');
    writeFileSync(join(outside, 'secret.png'), ONE_PIXEL_PNG);
    const cwd = forumProject(count, ['plain']);
    const nosy = forumMeeting(7, 'plain').replace(
      'Members heard from residents about the laneway lighting.',
      `Members heard from residents.\n\n![A secret](${join(outside, 'secret.png')})`,
    );
    writeFileSync(join(cwd, name(7)), nosy);

    const built = communique(['render', 'meetings', '--to', 'html', '--out', 'out-workers'], cwd);
    const here = await runCli(['render', 'meetings', '--to', 'html', '--out', 'out-here'], cwd);

    expect(built.workers).toBe(workersFor(count));
    expect(built.stderr).toContain(
      `${name(7)}:31:1  error    The image \`${join(outside, 'secret.png')}\` is outside the project  render/image-outside-project\n`,
    );
    expect(built.stderr).toBe(here.stderr);
    expect(built.code).toBe(1);
    expect(here.code).toBe(1);
    expect(built.stdout).toBe(`Rendered 51 of 52 communiqués to 51 files in ${join(cwd, 'out-workers')}\n`);
    expect(existsSync(join(cwd, 'out-workers/m007.html'))).toBe(false);
    expect(existsSync(join(cwd, 'out-workers/m008.html'))).toBe(true);
  }, 60_000);
});

describe('the worker pool (mapInWorkers)', () => {
  const pool = (workerFile: string, extra: Partial<PoolOptions<string, string>> = {}): PoolOptions<string, string> => ({
    workerFile,
    workerData: {},
    jobs: 2,
    threshold: 1,
    batchSize: 3,
    inThisThread: async (items) => items.map((item) => `here ${item}`),
    onWorkerDeath: (item, reason) => `lost ${item}: ${reason}`,
    ...extra,
  });

  it('gives the item a worker died on the death result, every other item its answer, in order', async () => {
    const items = ['a', 'b', 'die', 'c', 'd', 'e', 'f', 'g'];
    const progress: number[] = [];
    const results = await mapInWorkers(items, pool(echoWorker, { onProgress: (done) => progress.push(done) }));
    expect(results).toEqual([
      'echo a',
      'echo b',
      'lost die: the worker thread stopped (exit code 1)',
      'echo c',
      'echo d',
      'echo e',
      'echo f',
      'echo g',
    ]);
    expect(progress.at(-1)).toBe(items.length);
  }, 20_000);

  it('survives several deaths, at the first and the last item and twice in one batch', async () => {
    const items = ['die', 'a', 'die', 'b', 'c', 'd', 'throw', 'die'];
    const results = await mapInWorkers(items, pool(echoWorker));
    expect(results).toEqual([
      'lost die: the worker thread stopped (exit code 1)',
      'echo a',
      'lost die: the worker thread stopped (exit code 1)',
      'echo b',
      'echo c',
      'echo d',
      'lost throw: the worker could not handle throw',
      'lost die: the worker thread stopped (exit code 1)',
    ]);
  }, 20_000);

  it('settles with a death result for every item when the worker throws while loading', async () => {
    const items = ['a', 'b', 'c', 'd'];
    const results = await mapInWorkers(items, pool(brokenWorker));
    expect(results).toEqual(items.map((item) => `lost ${item}: the worker failed to load its dependencies`));
  }, 20_000);

  it('works in this thread when the worker script does not exist, as runs from source do', async () => {
    expect(existsSync(join(repo, 'src/pipeline/worker.js'))).toBe(false);
    const results = await mapInWorkers(['a', 'b', 'c', 'd'], pool(join(repo, 'src/pipeline/worker.js'), { jobs: 4 }));
    expect(results).toEqual(['here a', 'here b', 'here c', 'here d']);
  });

  const SEED = 20240611;
  it(`keeps every item's result in its place whatever dies where (fast-check seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('x', 'y', 'z', 'die'), { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        async (items, batchSize, jobs) => {
          const results = await mapInWorkers(items, pool(echoWorker, { batchSize, jobs }));
          // One item per batch and one lane work in this thread, where nothing dies.
          const inWorkers = Math.min(jobs, Math.ceil(items.length / batchSize)) > 1;
          expect(results).toEqual(
            items.map((item) =>
              !inWorkers
                ? `here ${item}`
                : item === 'die'
                  ? 'lost die: the worker thread stopped (exit code 1)'
                  : `echo ${item}`,
            ),
          );
        },
      ),
      { seed: SEED, numRuns: 25 },
    );
  }, 60_000);
});
