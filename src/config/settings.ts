/**
 * Everything a command needs to know about how it runs, settled once from the options,
 * the configuration file and the environment: the checks to apply, the project's folder,
 * today's date, the date to stamp renders with. Every command builds its settings here,
 * so `validate`, `render`, `actions` and `new` check a file the same way.
 */
import { relative, resolve } from 'node:path';
import type { CheckOptions } from '../core/check/check.js';
import { realDate } from '../core/dates.js';
import type { Stage } from '../core/model.js';
import { DEFAULT_MAX_BYTES } from '../core/parse/decode.js';
import type { FileResult } from '../diagnostics/diagnostic.js';
import { fileProblem, runProblem } from '../diagnostics/make.js';
import { expandPaths, type FileToCheck, type InputRules, MARKDOWN_FILES } from '../io/inputs.js';
import type { Io } from '../io/io.js';
import { discoverConfig, type LoadedConfig } from './discover.js';
import type { CommuniqueConfig } from './parse.js';

export interface Settings {
  cwd: string;
  /** The configuration file's folder, or the working folder when there is none. */
  projectRoot: string;
  config: CommuniqueConfig;
  check: CheckOptions;
  /** Today as YYYY-MM-DD, where the person is (COMMUNIQUE_TODAY fixes it). */
  today: string;
  /** SOURCE_DATE_EPOCH, when set: the date renders are stamped with. */
  sourceDate?: Date;
  /** The project's template folder, when it has one. */
  templates?: string;
}

export interface SettingsOptions {
  /** A path, `false` for `--no-config`, or undefined to look for one. */
  config?: string | false;
  /** `--stage`: overrides the configuration's. */
  stage?: Stage;
}

export type Settled<T> = { ok: true; value: T; problems?: FileResult[] } | { ok: false; problems: FileResult[] };

/**
 * The settings for this run: the clock, and the configuration file if there is one (its
 * parser, with the YAML readers and schema validators, is loaded only then).
 */
export async function resolveSettings(io: Io, options: SettingsOptions): Promise<Settled<Settings>> {
  const clock = readClock(io);
  if (!clock.ok) return clock;
  const configured = await readConfiguration(io, options.config);
  if (!configured.ok) return configured;
  const config = configured.config;
  const stage = options.stage ?? config.stage;
  const check: CheckOptions = {
    maxBytes: DEFAULT_MAX_BYTES,
    organisations: config.organisations ?? [],
    ...(config.verbs ? { verbs: config.verbs } : {}),
    ...(stage ? { stage } : {}),
    ...(config.rules ? { severities: config.rules } : {}),
  };
  const settings: Settings = { cwd: io.cwd, projectRoot: configured.folder, config, check, ...clock.value };
  if (config.templates) settings.templates = resolve(configured.folder, config.templates);
  return { ok: true, value: settings };
}

async function readConfiguration(io: Io, option: string | false | undefined): Promise<LoadedConfig> {
  if (option === false) return { ok: true, folder: io.cwd, config: {} };
  const path = option ? resolve(io.cwd, option) : discoverConfig(io.fs, io.cwd);
  if (!path) return { ok: true, folder: io.cwd, config: {} };
  const { loadConfig } = await import('./load.js');
  return loadConfig(io.fs, path, io.cwd);
}

/** The one reading of the clock and of the environment variables that stand in for it. */
function readClock(io: Io): Settled<{ today: string; sourceDate?: Date }> {
  const fixed = io.env.COMMUNIQUE_TODAY;
  if (fixed !== undefined && fixed !== '' && !realDate(fixed)) {
    return fail(
      'usage/invalid-option',
      `COMMUNIQUE_TODAY is ${JSON.stringify(fixed)}; set it to a date as YYYY-MM-DD, or unset it`,
    );
  }
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '' && !/^\d+$/.test(epoch)) {
    return fail(
      'usage/invalid-option',
      `SOURCE_DATE_EPOCH is ${JSON.stringify(epoch)}; set it to a number of seconds since 1970, or unset it`,
    );
  }
  const today = fixed || localDay(io.now());
  return { ok: true, value: { today, ...(epoch ? { sourceDate: new Date(Number(epoch) * 1000) } : {}) } };
}

function localDay(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function fail(
  ruleId: 'usage/invalid-option' | 'usage/no-input',
  message: string,
): { ok: false; problems: FileResult[] } {
  return { ok: false, problems: [runProblem(ruleId, message)] };
}

/** The files a command works on: the paths given, or else the configuration's `files`. */
export async function resolveInputs(
  io: Io,
  settings: Settings,
  paths: readonly string[],
  rules: InputRules = MARKDOWN_FILES,
): Promise<Settled<FileToCheck[]>> {
  const config = settings.config;
  let inputs = [...paths];
  const configured = inputs.length === 0 && config.files !== undefined && config.files.length > 0;
  if (configured) inputs = config.files!.map((file) => relative(io.cwd, resolve(settings.projectRoot, file)) || '.');
  if (inputs.length === 0) {
    return fail(
      'usage/no-input',
      'give the files or folders to check, or list them under `files` in communique.config.json',
    );
  }
  const ignore = config.ignore ? { patterns: config.ignore, base: settings.projectRoot } : undefined;
  const expansion = await expandPaths(io.fs, inputs, io.cwd, { ...rules, ...(ignore ? { ignore } : {}) });
  if (!expansion.ok && configured && /^no such file or folder/.test(expansion.message)) return { ok: true, value: [] };
  if (!expansion.ok) return fail('usage/no-input', expansion.message);
  // A new repository's communiqués/ folder is empty: that is a start, not a mistake. Named
  // paths that match nothing are a mistake.
  // A folder that cannot be read hides communiqués: a problem on that folder, as on an unreadable file.
  const problems = expansion.unreadable.map((folder) =>
    fileProblem(folder, 'document/unreadable', 'This folder cannot be read, so the communiqués in it were not checked'),
  );
  const found = problems.length > 0 ? { problems } : {};
  if (expansion.files.length === 0 && configured) return { ok: true, value: [], ...found };
  if (expansion.files.length === 0) {
    return fail('usage/no-input', `found no ${rules.label} in ${inputs.join(', ')}`);
  }
  return { ok: true, value: expansion.files, ...found };
}
