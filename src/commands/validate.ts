import { relative, resolve } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { resolveInputs, resolveSettings } from '../config/settings.js';
import { checkAcross, type FileFacts } from '../core/check/across.js';
import type { CheckOptions } from '../core/check/check.js';
import type { Stage } from '../core/model.js';
import { compareDiagnostics, summarise } from '../diagnostics/diagnostic.js';
import { runProblem } from '../diagnostics/make.js';
import { formatterNames, isFormatterName, loadFormatter } from '../formatters/index.js';
import { EXIT } from '../io/exit.js';
import { cacheFilePath, readBuildStamp, readCacheFile, writeCacheFile } from '../io/cache-file.js';
import type { FileToCheck } from '../io/inputs.js';
import type { Io } from '../io/io.js';
import { writeReportFile } from '../io/report-file.js';
import { cacheKey, ResultCache } from '../pipeline/cache.js';
import type { PipelineResult } from '../pipeline/file-pipeline.js';
import type { FilePlan } from '../pipeline/plan.js';
import { runFiles, WORKER_FILE } from '../pipeline/run-files.js';
import { fail, formatContext, reportProblems, usageError, nothingYet } from './report.js';

export interface ValidateOptions {
  format: string[];
  stage?: Stage;
  maxWarnings?: number;
  quiet?: boolean;
  /** A path, `false` for `--no-config`, or undefined to look for one. */
  config?: string | false;
  jobs?: number;
  /** Apply the certain fixes to the files. */
  fix?: boolean;
  /** Show the certain fixes as a diff, and change nothing. */
  fixDryRun?: boolean;
  /** Keep each file's results, and check again only the files that changed. */
  cache?: boolean;
  /** The cache file (or a folder for it); implies `cache`. */
  cacheLocation?: string;
}

interface OutputSpec {
  format: (typeof formatterNames)[number];
  file?: string;
}

/** `communique validate`: check files, report in every requested format, return the exit code. */
export async function validateCommand(paths: readonly string[], options: ValidateOptions, io: Io): Promise<number> {
  const outputs: OutputSpec[] = [];
  for (const spec of options.format.length > 0 ? options.format : ['stylish']) {
    const [name = '', ...rest] = spec.split('=');
    const file = rest.join('=');
    if (!isFormatterName(name)) {
      return usageError(io, `unknown format \`${name}\`; use one of ${formatterNames.join(', ')}`);
    }
    if (rest.length > 0 && file === '') return usageError(io, `give a file name after \`${name}=\``);
    outputs.push(file ? { format: name, file } : { format: name });
  }

  const settings = await resolveSettings(io, {
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.stage ? { stage: options.stage } : {}),
  });
  if (!settings.ok) return fail(io, settings.problems, EXIT.usage);
  const files = await resolveInputs(io, settings.value, paths);
  if (!files.ok) return fail(io, files.problems, EXIT.usage);
  if (files.value.length === 0) nothingYet(io, 'communiqués to check');

  const check = settings.value.check;
  // Several communiqués are also checked together: links, open actions, sequences. A cached
  // file keeps what those checks need, in case the next run has company for it.
  const cached = options.cache || options.cacheLocation !== undefined;
  const plan: FilePlan = {
    maxBytes: check.maxBytes!,
    check,
    policy: { report: 'all' },
    keepData: false,
    collectFacts: cached || files.value.length > 1,
    images: { projectRoot: settings.value.projectRoot },
  };
  const cache = cached ? openCache(io, plan, settings.value.projectRoot, options.cacheLocation) : undefined;
  const checkAll = async (): Promise<PipelineResult[]> => {
    const progress = progressReporter(io, files.value.length);
    const run = {
      fs: io.fs,
      ...(options.jobs ? { jobs: options.jobs } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
      ...(cache ? { cache: cache.results } : {}),
    };
    const checked = await runFiles(files.value, plan, run);
    progress?.done();
    return files.value.length > 1 ? await withAcrossFindings(io, checked, files.value, check, cache?.results) : checked;
  };
  // Folders that could not be read are results too: they count, in every format.
  const unreadable = files.problems ?? [];
  let results = [...unreadable, ...(await checkAll())];

  if (options.fix || options.fixDryRun) {
    const { fixFiles } = await import('./fix.js');
    const outcome = fixFiles(io, results, files.value, check, Boolean(options.fixDryRun));
    const what = `${plural(outcome.count, 'problem')} in ${plural(outcome.fixed.length, 'file')}`;
    io.stderr.write(`communique: ${options.fixDryRun ? `--fix would fix ${what}` : `fixed ${what}`}\n`);
    // What is left to report: checked again after writing, or (in a dry run) all but what the fixes remove.
    if (!options.fixDryRun && outcome.fixed.length > 0) results = [...unreadable, ...(await checkAll())];
    else if (options.fixDryRun)
      results = results.map((result) => ({ ...result, messages: result.messages.filter((message) => !message.fix) }));
  }
  if (cache) saveCache(io, cache, files.value);

  const internal = results.some((result) => result.messages.some((message) => message.ruleId === 'internal/error'));
  if (options.quiet) {
    const { warnings, infos } = summarise(results);
    results = results.map((result) => ({
      ...result,
      messages: result.messages.filter((message) => message.severity === 'error'),
    }));
    const hidden = [plural(warnings, 'warning'), plural(infos, 'note')].filter((count) => !count.startsWith('0 '));
    if (hidden.length > 0) io.stderr.write(`communique: --quiet hid ${hidden.join(' and ')}\n`);
  }

  for (const output of outputs) {
    const formatter = await loadFormatter(output.format);
    const text = formatter(results, formatContext(io, output.file ? undefined : io.stdout));
    if (!output.file) {
      io.stdout.write(text);
      continue;
    }
    const problem = writeReportFile(io.fs, resolve(io.cwd, output.file), text, files.value, io.cwd);
    if (problem) return fail(io, [problem], EXIT.usage);
  }

  const summary = summarise(results);
  if (internal) return EXIT.usage;
  if (summary.errors > 0) return EXIT.problems;
  if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
    const found = `${summary.warnings} warning${summary.warnings === 1 ? '' : 's'} found`;
    await reportProblems(io, [
      runProblem('usage/max-warnings', `${found}; --max-warnings allows ${options.maxWarnings}`),
    ]);
    return EXIT.problems;
  }
  return EXIT.ok;
}

interface OpenCache {
  results: ResultCache;
  path: string;
}

/** The cache for this project, these settings and this build of communique; empty when there is none yet. */
function openCache(io: Io, plan: FilePlan, projectRoot: string, location: string | undefined): OpenCache {
  const path = cacheFilePath(io.fs, location, projectRoot, io.cwd);
  const key = cacheKey(plan.check, plan.policy, packageJson.version, readBuildStamp(io.fs, WORKER_FILE));
  return { results: new ResultCache(projectRoot, key, readCacheFile(io.fs, path), io.now()), path };
}

/** Write the cache when it changed; a cache that cannot be written costs the next run time, not this run its result. */
function saveCache(io: Io, cache: OpenCache, files: readonly FileToCheck[]): void {
  const text = cache.results.serialise();
  if (text === undefined) return;
  const why = writeCacheFile(io.fs, cache.path, text, files);
  if (why)
    io.stderr.write(
      `communique: could not write the cache to ${relative(io.cwd, cache.path) || cache.path} (${why})\n`,
    );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The checks across communiqués, merged into each file's results at the place to change.
 * A run of the very files the cache was written for takes their findings from it. The
 * checking code is loaded only when there is something to settle: a run whose files all
 * come from the cache never needs it.
 */
async function withAcrossFindings(
  io: Io,
  results: readonly PipelineResult[],
  files: readonly FileToCheck[],
  check: CheckOptions,
  cache: ResultCache | undefined,
): Promise<PipelineResult[]> {
  let found = cache?.acrossFindings(files);
  if (!found) {
    const facts: FileFacts[] = [];
    for (const result of results) if (result.facts) facts.push({ file: result.file, facts: result.facts });
    found = checkAcross(facts);
    cache?.keepAcrossFindings(files, found);
  }
  if (found.size === 0) return [...results];
  const { settleSeverities } = await import('../core/check/check.js');
  const { placeFindings } = await import('../pipeline/places.js');
  const byName = new Map(files.map((file) => [file.name, file]));
  return results.map((result) => {
    const findings = found.get(result.file);
    const file = byName.get(result.file);
    if (!findings || !file) return result;
    const placed = placeFindings(io.fs, file, findings, check.maxBytes!);
    const extra = settleSeverities(placed.messages, 'draft', check.severities);
    if (extra.length === 0) return result;
    const messages = [...result.messages, ...extra].sort(compareDiagnostics);
    return { ...result, messages, lines: { ...result.lines, ...placed.lines } };
  });
}

/**
 * A progress line on a terminal's stderr for long runs; nothing in CI logs or pipes. The
 * terminal is asked about only once a run has taken a second: opening standard error to
 * ask costs a run answered from the cache a noticeable share of its time.
 */
function progressReporter(io: Io, total: number) {
  if (total < 200 || io.env.CI) return undefined;
  const started = io.now().getTime();
  let onTerminal: boolean | undefined;
  let shown = false;
  let last = 0;
  return {
    update(done: number) {
      const now = io.now().getTime();
      if (now - started < 1000 || (now - last < 100 && done < total)) return;
      onTerminal ??= Boolean(io.stderr.isTTY);
      if (!onTerminal) return;
      last = now;
      shown = true;
      io.stderr.write(`\rChecking ${done} of ${total} files…`);
    },
    done() {
      if (shown) io.stderr.write('\r\x1b[K');
    },
  };
}
