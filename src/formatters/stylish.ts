import { Chalk, type ChalkInstance } from 'chalk';
import { type Diagnostic, type FileResult, type Severity, summarise } from '../diagnostics/diagnostic.js';
import type { Formatter } from './types.js';

/** Longest source line shown whole; longer ones are cut to a window around the problem. */
const MAX_LINE = 160;
/** Characters kept before the problem's column when a line is cut. */
const WINDOW_LEAD = 40;
const WINDOW = MAX_LINE - 2; // room for an ellipsis on each side

// Messages and source lines quote the user's file; a raw escape or control character
// would be interpreted by the terminal. One replacement character per unit keeps columns.
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g, '\uFFFD');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function severityColor(chalk: ChalkInstance, severity: Severity): ChalkInstance {
  return severity === 'error' ? chalk.red : severity === 'warning' ? chalk.yellow : chalk.blue;
}

/** Tabs become one space so a caret's offset equals its column, whatever the tab width. */
function sourceLine(lines: Record<number, string>, n: number): string | undefined {
  const text = lines[n];
  return text === undefined ? undefined : printable(text.replace(/\t/g, ' '));
}

function codeFrame(m: Diagnostic, lines: Record<number, string>, chalk: ChalkInstance): string[] {
  const target = sourceLine(lines, m.line);
  if (target === undefined) return [];
  const previous = sourceLine(lines, m.line - 1);
  const shown: Array<[number, string]> = previous === undefined ? [] : [[m.line - 1, previous]];
  shown.push([m.line, target]);

  // A position just past the end of the line (e.g. a missing value) still gets a caret.
  const from = Math.min(Math.max(m.column - 1, 0), target.length);
  const to = m.endLine > m.line ? target.length : Math.min(m.endColumn - 1, target.length);

  // Every shown line is cut at the same offsets so the carets stay under the target.
  const longest = Math.max(...shown.map(([, text]) => text.length));
  const cut = longest > MAX_LINE;
  const start = cut ? Math.max(0, Math.min(from - WINDOW_LEAD, longest - WINDOW)) : 0;
  const end = cut ? start + WINDOW : Number.POSITIVE_INFINITY;
  const lead = start > 0 ? '…' : '';

  const width = String(m.line).length;
  const out = shown.map(([n, text]) => {
    const marker = n === m.line ? chalk.bold('>') + ' ' : '  ';
    const visible = lead + text.slice(start, end) + (text.length > end ? '…' : '');
    const gutter = chalk.dim(`${String(n).padStart(width)} |`);
    return visible ? `${marker}${gutter} ${visible}` : `${marker}${gutter}`;
  });
  const carets = '^'.repeat(Math.max(1, Math.min(to, end) - from));
  const indent = ' '.repeat(lead.length + from - start);
  out.push(`  ${chalk.dim(`${' '.repeat(width)} |`)} ${indent}${severityColor(chalk, m.severity)(carets)}`);
  return out;
}

function formatMessage(result: FileResult, m: Diagnostic, chalk: ChalkInstance): string[] {
  const location = `${chalk.bold.underline(printable(result.file))}:${m.line}:${m.column}`;
  const severity = severityColor(chalk, m.severity)(m.severity.padEnd(7));
  // Continuation lines of a multi-line message are indented so they cannot pass for a location.
  const message = m.message.split(/\r?\n/).map(printable).join('\n    ');
  const out = [`${location}  ${severity}  ${message}  ${chalk.dim(m.ruleId)}`];
  out.push(...codeFrame(m, result.lines ?? {}, chalk));
  if (m.hint) out.push(`  hint: ${m.hint.split(/\r?\n/).map(printable).join('\n        ')}`);
  return out;
}

/** A problem with the run itself: no file to point at, so it reads as the tool speaking. */
function formatRunProblem(m: Diagnostic): string[] {
  const out = [`communique: ${m.message.split(/\r?\n/).map(printable).join('\n  ')}`];
  if (m.hint) out.push(`  hint: ${m.hint.split(/\r?\n/).map(printable).join('\n        ')}`);
  return out;
}

/**
 * The default, human output. Each problem starts with `file:line:column` so terminals and
 * editors can jump to it, followed by the source it points at. Problems with the run
 * itself (results without a file) come first, as `communique: …` lines, and are not
 * counted in the summary, which is about files.
 */
export const formatStylish: Formatter = (results, context) => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const runLevel = results.filter((result) => result.file === '');
  const files = results.filter((result) => result.file !== '');
  const lines = runLevel.flatMap((result) => result.messages.flatMap(formatRunProblem));
  const head = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  if (files.length === 0 && runLevel.length > 0) return head;

  const blocks: string[] = [];
  for (const result of files) {
    for (const m of result.messages) blocks.push(formatMessage(result, m, chalk).join('\n') + '\n');
  }
  const s = summarise(files);
  const problems = s.errors + s.warnings + s.infos;
  if (problems === 0) return head + chalk.green(`✔ ${plural(s.files, 'file')} checked, no problems`) + '\n';
  const where = `in ${s.filesWithProblems} of ${plural(s.files, 'file')}`;
  // Notes alone are not problems: say what they are.
  if (s.errors + s.warnings === 0)
    return `${head}${blocks.join('\n')}\n${chalk.blue.bold(`ℹ ${plural(s.infos, 'note')} ${where}`)}\n`;
  const counts = [plural(s.errors, 'error'), plural(s.warnings, 'warning')];
  if (s.infos > 0) counts.push(plural(s.infos, 'info'));
  const summary = `✖ ${plural(problems, 'problem')} (${counts.join(', ')}) in ${s.filesWithProblems} of ${plural(s.files, 'file')}`;
  const summaryColor = s.errors > 0 ? chalk.red.bold : s.warnings > 0 ? chalk.yellow.bold : chalk.blue.bold;
  return head + blocks.join('\n') + '\n' + summaryColor(summary) + '\n';
};
