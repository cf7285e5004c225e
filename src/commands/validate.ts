import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { EXIT } from '../cli/program.js';
import type { Io } from '../io/io.js';
import type { CheckOptions } from '../core/check/check.js';
import type { Stage } from '../core/model.js';
import { summarise } from '../diagnostics/diagnostic.js';
import { formatterNames, isFormatterName, loadFormatter } from '../formatters/index.js';
import { checkFiles } from '../pipeline/check-files.js';
import { configuredInputs, formatContext } from './shared.js';

export interface ValidateOptions {
  format: string[];
  stage?: Stage;
  maxWarnings?: number;
  quiet?: boolean;
  /** A path, `false` for `--no-config`, or undefined to look for one. */
  config?: string | false;
  jobs?: number;
}

interface OutputSpec {
  format: (typeof formatterNames)[number];
  file?: string;
}

/** `communique validate`: check files, report in every requested format, return the exit code. */
export async function validateCommand(paths: readonly string[], options: ValidateOptions, io: Io): Promise<number> {
  const usage = (message: string) => {
    io.stderr.write(`communique: ${message}\n`);
    return EXIT.usage;
  };

  const outputs: OutputSpec[] = [];
  for (const spec of options.format.length > 0 ? options.format : ['stylish']) {
    const [name = '', ...rest] = spec.split('=');
    const file = rest.join('=');
    if (!isFormatterName(name)) return usage(`unknown format \`${name}\`; use one of ${formatterNames.join(', ')}`);
    if (rest.length > 0 && file === '') return usage(`give a file name after \`${name}=\``);
    outputs.push(file ? { format: name, file } : { format: name });
  }

  const prepared = await configuredInputs(paths, options.config, io);
  if (typeof prepared === 'number') return prepared;
  const config = prepared.configured.config;
  const expansion = prepared.inputs;

  const checkOptions: CheckOptions = {};
  const stage = options.stage ?? config.stage;
  if (stage) checkOptions.stage = stage;
  if (config.rules) checkOptions.severities = config.rules;
  if (config.organisations) checkOptions.organisations = config.organisations;

  const progress = progressReporter(io, expansion.files.length);
  let results = await checkFiles(expansion.files, checkOptions, { ...(options.jobs ? { jobs: options.jobs } : {}), ...(progress ? { onProgress: progress.update } : {}) });
  progress?.done();

  const internal = results.some((result) => result.messages.some((message) => message.ruleId === 'internal/error'));
  if (options.quiet) results = results.map((result) => ({ ...result, messages: result.messages.filter((message) => message.severity === 'error') }));

  for (const output of outputs) {
    const formatter = await loadFormatter(output.format);
    const text = formatter(results, formatContext(io, output.file ? undefined : io.stdout));
    if (!output.file) {
      io.stdout.write(text);
      continue;
    }
    const target = resolve(io.cwd, output.file);
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
    } catch (error) {
      return usage(`cannot write the ${output.format} report to ${output.file} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
    }
  }

  const summary = summarise(results);
  if (internal) return EXIT.usage;
  if (summary.errors > 0) return EXIT.problems;
  if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
    io.stderr.write(`communique: ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'} found; --max-warnings allows ${options.maxWarnings}\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

/** A progress line on a terminal's stderr for long runs; nothing in CI logs or pipes. */
function progressReporter(io: Io, total: number) {
  if (!io.stderr.isTTY || total < 200 || io.env.CI) return undefined;
  let last = 0;
  return {
    update(done: number) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      io.stderr.write(`\rChecking ${done} of ${total} files…`);
    },
    done() {
      io.stderr.write('\r\x1b[K');
    },
  };
}


