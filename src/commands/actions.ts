/**
 * `communique actions [paths…]`: the action register across meetings, as a table on the
 * terminal, Markdown, JSON, or (for CI) overdue actions as diagnostics in any of the
 * formats `validate` writes.
 */
import { basename } from 'node:path';
import { buildRegister, filterRegister, type RegisterSource } from '../actions/register.js';
import { registerMarkdown, registerTable } from '../actions/views.js';
import { resolveInputs, resolveSettings } from '../config/settings.js';
import { parseCommunique, spanOfPath } from '../core/parse/communique.js';
import { ACTION_STATUSES } from '../core/vocabulary.js';
import { frameLines } from '../diagnostics/code-frame.js';
import type { FileResult } from '../diagnostics/diagnostic.js';
import { makeDiagnostic, runProblem } from '../diagnostics/make.js';
import { formatterNames, isFormatterName, loadFormatter } from '../formatters/index.js';
import { EXIT } from '../io/exit.js';
import type { Io } from '../io/io.js';
import { readBounded } from '../io/read.js';
import { runFiles } from '../pipeline/run-files.js';
import { fail, formatContext, reportProblems, usageError, nothingYet } from './report.js';

export interface ActionsOptions {
  format?: string;
  status?: string;
  owner?: string;
  group?: string;
  config?: string | false;
}

const REGISTER_FORMATS = ['table', 'markdown', 'json'] as const;
const STATUSES = [...ACTION_STATUSES, 'overdue'];

export async function actionsCommand(paths: readonly string[], options: ActionsOptions, io: Io): Promise<number> {
  const format = options.format ?? 'table';
  if (!(REGISTER_FORMATS as readonly string[]).includes(format) && !isFormatterName(format)) {
    const formats = [...REGISTER_FORMATS, ...formatterNames.filter((name) => name !== 'json')];
    return usageError(io, `unknown format \`${format}\`; use one of ${formats.join(', ')}`);
  }
  if (options.status && !STATUSES.includes(options.status))
    return usageError(io, `unknown status \`${options.status}\`; use one of ${STATUSES.join(', ')}`);
  const settings = await resolveSettings(io, options.config !== undefined ? { config: options.config } : {});
  if (!settings.ok) return fail(io, settings.problems, EXIT.usage);
  const files = await resolveInputs(io, settings.value, paths);
  if (!files.ok) return fail(io, files.problems, EXIT.usage);
  await reportProblems(io, files.problems ?? []);
  if (files.value.length === 0) return nothingYet(io, 'communiqués to list actions from');
  const { check, today } = settings.value;

  // A file that is not a readable communiqué has no actions to offer: say so, and go on.
  const results = await runFiles(
    files.value,
    { maxBytes: check.maxBytes!, check, policy: { report: 'blocking', blockOn: 'unreadable' }, keepData: true },
    { fs: io.fs },
  );
  const sources: RegisterSource[] = [];
  const skipped: FileResult[] = [];
  for (const result of results) {
    if (!result.communique) {
      skipped.push(
        runProblem(
          'input/skipped',
          `skipping ${result.file}: it is not a valid communiqué`,
          `Run \`communique validate ${result.file}\` to see why.`,
        ),
      );
      continue;
    }
    const key = result.communique.id ?? basename(result.file).replace(/\.(md|markdown)$/i, '');
    sources.push({ key, file: result.file, data: result.communique });
  }
  await reportProblems(io, skipped);
  const entries = filterRegister(buildRegister(sources, today), options);

  // Cut the action text to the terminal's width; piped elsewhere, keep every word.
  if (format === 'table')
    io.stdout.write(registerTable(entries, io.stdout.isTTY ? (io.stdout.columns ?? 120) : Number.POSITIVE_INFINITY));
  else if (format === 'markdown') io.stdout.write(registerMarkdown(entries));
  else if (format === 'json') io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  else {
    // Overdue actions as diagnostics, at their due date in the latest communiqué that lists them.
    const byFile = new Map<string, FileResult>(
      sources.map((source) => [source.file, { file: source.file, messages: [] }]),
    );
    const pathOf = new Map(files.value.map((file) => [file.name, file.path]));
    for (const entry of entries.filter((candidate) => candidate.overdue)) {
      const read = readBounded(io.fs, pathOf.get(entry.latest.file)!, check.maxBytes!);
      if (!read.ok) continue;
      const parsed = parseCommunique(read.bytes);
      const span = spanOfPath(parsed, ['actions', entry.latest.index, 'due']);
      const result = byFile.get(entry.latest.file)!;
      const status = entry.status.replace('-', ' ');
      result.messages.push(
        makeDiagnostic(
          'action/overdue',
          `Action \`${entry.id}\` (${entry.group}) was due on ${entry.due} and is still ${status}`,
          span,
        ),
      );
      result.lines = { ...result.lines, ...frameLines(result.messages, (line) => parsed.source!.lineText(line)) };
    }
    const formatter = await loadFormatter(format);
    io.stdout.write(formatter([...byFile.values()], formatContext(io, io.stdout)));
  }
  return EXIT.ok;
}
