import { basename } from 'node:path';
import { EXIT } from '../cli/program.js';
import type { Io } from '../io/io.js';
import { buildRegister, filterRegister, type RegisterEntry, type RegisterSource } from '../actions/register.js';
import { checkCommunique } from '../core/check/check.js';
import { DEFAULT_MAX_BYTES } from '../core/parse/decode.js';
import { loadCommunique, spanOfPath } from '../core/parse/communique.js';
import type { Communique } from '../core/model.js';
import type { FileResult } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/make.js';
import { formatterNames, isFormatterName, loadFormatter } from '../formatters/index.js';
import { readBounded } from '../pipeline/check-file.js';
import { configuredInputs, formatContext } from './shared.js';

/**
 * `communique actions [paths…]`: the action register across meetings, as a table on the
 * terminal, Markdown, JSON, or (for CI) overdue actions as diagnostics in any of the
 * formats `validate` writes.
 */
export interface ActionsOptions {
  format?: string;
  status?: string;
  owner?: string;
  group?: string;
  config?: string | false;
}

const REGISTER_FORMATS = ['table', 'markdown', 'json'] as const;
const STATUSES = ['open', 'in-progress', 'done', 'carried-forward', 'dropped', 'overdue'];

export async function actionsCommand(paths: readonly string[], options: ActionsOptions, io: Io): Promise<number> {
  const usage = (message: string) => {
    io.stderr.write(`communique: ${message}\n`);
    return EXIT.usage;
  };
  const format = options.format ?? 'table';
  if (!(REGISTER_FORMATS as readonly string[]).includes(format) && !isFormatterName(format)) {
    return usage(`unknown format \`${format}\`; use one of ${[...REGISTER_FORMATS, ...formatterNames.filter((name) => name !== 'json')].join(', ')}`);
  }
  if (options.status && !STATUSES.includes(options.status)) return usage(`unknown status \`${options.status}\`; use one of ${STATUSES.join(', ')}`);
  const prepared = await configuredInputs(paths, options.config, io);
  if (typeof prepared === 'number') return prepared;
  const { inputs } = prepared;

  const sources: (RegisterSource & { loaded: ReturnType<typeof loadCommunique> })[] = [];
  for (const file of inputs.files) {
    const read = (() => {
      try {
        return readBounded(file.path, DEFAULT_MAX_BYTES);
      } catch {
        return undefined;
      }
    })();
    const loaded = read && !('tooLarge' in read) ? loadCommunique(read) : undefined;
    // A file that is not a readable communiqué has no actions to offer: say so, and go on.
    if (!loaded?.data || checkCommunique(loaded).some((message) => message.severity === 'error' && /^(document|frontmatter|yaml|schema)\//.test(message.ruleId))) {
      io.stderr.write(`communique: skipping ${file.name}: it is not a valid communiqué (see communique validate)\n`);
      continue;
    }
    const data = loaded.data as unknown as Communique;
    sources.push({ key: data.id ?? basename(file.name).replace(/\.(md|markdown)$/i, ''), file: file.name, data, loaded });
  }

  const today = io.env.COMMUNIQUE_TODAY ?? new Date().toISOString().slice(0, 10);
  const entries = filterRegister(buildRegister(sources, today), options);

  // Cut the action text to the terminal's width; piped elsewhere, keep every word.
  if (format === 'table') io.stdout.write(table(entries, io.stdout.isTTY ? (io.stdout.columns ?? 120) : Number.POSITIVE_INFINITY));
  else if (format === 'markdown') io.stdout.write(markdown(entries));
  else if (format === 'json') io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  else {
    // Overdue actions as diagnostics, at their due date in the latest communiqué that lists them.
    const byFile = new Map<string, FileResult>(sources.map((source) => [source.file, { file: source.file, messages: [], lines: {} }]));
    for (const entry of entries.filter((candidate) => candidate.overdue)) {
      const source = sources.find((candidate) => candidate.file === entry.latest.file)!;
      const span = spanOfPath(source.loaded, ['actions', entry.latest.index, 'due']);
      const result = byFile.get(source.file)!;
      result.messages.push(makeDiagnostic('action/overdue', `Action \`${entry.id}\` (${entry.group}) was due on ${entry.due} and is still ${entry.status.replace('-', ' ')}`, span));
      for (let line = Math.max(1, span.line - 1); line <= span.line; line++) result.lines![line] = source.loaded.source!.lineText(line);
    }
    const formatter = await loadFormatter(format);
    io.stdout.write(formatter([...byFile.values()], formatContext(io, io.stdout)));
  }
  return EXIT.ok;
}

function status(entry: RegisterEntry): string {
  const label = entry.status.replace('-', ' ');
  return entry.overdue ? `${label} (OVERDUE)` : label;
}

function raised(entry: RegisterEntry): string {
  return 'date' in entry.raised ? `${entry.raised.communique} (${entry.raised.date})` : entry.raised.communique;
}

const HEADERS = ['Group', 'ID', 'Action', 'Owner', 'Due', 'Status', 'Raised in'];

function rows(entries: readonly RegisterEntry[]): string[][] {
  return entries.map((entry) => [entry.group, entry.id, entry.text, entry.owners.join('; '), entry.due ?? '', status(entry), raised(entry)]);
}

/** Columns sized to their content; the action text gives way when the terminal is narrow. */
function table(entries: readonly RegisterEntry[], width: number): string {
  if (entries.length === 0) return 'No actions.\n';
  const body = rows(entries);
  // Long group and owner names are cut before the action text is.
  const caps = [20, 8, Number.POSITIVE_INFINITY, 28, 14, 22, 28];
  const widths = HEADERS.map((header, column) => Math.min(caps[column]!, Math.max(header.length, ...body.map((row) => row[column]!.length))));
  const others = widths.reduce((sum, value, column) => (column === 2 ? sum : sum + value), 0) + 2 * (HEADERS.length - 1);
  widths[2] = Math.max(12, Math.min(widths[2]!, width - others));
  const fit = (text: string, column: number) => (text.length > widths[column]! ? `${text.slice(0, widths[column]! - 1)}…` : text.padEnd(widths[column]!));
  const line = (cells: string[]) => cells.map(fit).join('  ').trimEnd();
  const overdue = entries.filter((entry) => entry.overdue).length;
  return `${[line(HEADERS), line(widths.map((value) => '-'.repeat(value))), ...body.map(line)].join('\n')}\n\n${entries.length} action${entries.length === 1 ? '' : 's'}, ${overdue} overdue\n`;
}

function markdown(entries: readonly RegisterEntry[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  const lines = [`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map(() => '---').join('|')}|`, ...rows(entries).map((row) => `| ${row.map(cell).join(' | ')} |`)];
  return `${lines.join('\n')}\n`;
}
