/** The register as people read it: a table sized to the terminal, or Markdown for other tools. */
import type { RegisterEntry } from './register.js';

/** `Updated` is the meeting of the latest communiqué that lists the action: when it was last reported on. */
const HEADERS = ['Group', 'ID', 'Action', 'Owner', 'Due', 'Status', 'Updated', 'Raised in'];

function status(entry: RegisterEntry): string {
  const label = entry.status.replace('-', ' ');
  return entry.overdue ? `${label} (OVERDUE)` : label;
}

function raised(entry: RegisterEntry): string {
  return 'date' in entry.raised ? `${entry.raised.communique} (${entry.raised.date})` : entry.raised.communique;
}

function rows(entries: readonly RegisterEntry[]): string[][] {
  return entries.map((entry) => [
    entry.group,
    entry.id,
    entry.text,
    entry.owners.join('; '),
    entry.due ?? '',
    status(entry),
    entry.latest.date,
    raised(entry),
  ]);
}

/** Columns sized to their content; the action text gives way when the terminal is narrow. */
export function registerTable(entries: readonly RegisterEntry[], width: number): string {
  if (entries.length === 0) return 'No actions.\n';
  const body = rows(entries);
  // Long group and owner names are cut before the action text is.
  const caps = [20, 8, Number.POSITIVE_INFINITY, 28, 14, 22, 10, 28];
  const widths = HEADERS.map((header, column) =>
    Math.min(caps[column]!, Math.max(header.length, ...body.map((row) => row[column]!.length))),
  );
  const others =
    widths.reduce((sum, value, column) => (column === 2 ? sum : sum + value), 0) + 2 * (HEADERS.length - 1);
  widths[2] = Math.max(12, Math.min(widths[2]!, width - others));
  const fit = (text: string, column: number) =>
    text.length > widths[column]! ? `${text.slice(0, widths[column]! - 1)}…` : text.padEnd(widths[column]!);
  const line = (cells: string[]) => cells.map(fit).join('  ').trimEnd();
  const overdue = entries.filter((entry) => entry.overdue).length;
  const table = [line(HEADERS), line(widths.map((value) => '-'.repeat(value))), ...body.map(line)].join('\n');
  return `${table}\n\n${entries.length} action${entries.length === 1 ? '' : 's'}, ${overdue} overdue\n`;
}

/**
 * Text for a Markdown table cell, read literally by any Markdown tool: no raw HTML (a
 * `<script>` in an action's text), no image or link that a viewer would fetch, no emphasis
 * the author did not mean, and no line break to end the row.
 */
function markdownCell(text: string): string {
  return text.replace(/[\\`*_[\]<>!|~&]/g, (character) => `\\${character}`).replace(/\s*\n\s*/g, ' ');
}

export function registerMarkdown(entries: readonly RegisterEntry[]): string {
  const cell = markdownCell;
  const lines = [
    `| ${HEADERS.join(' | ')} |`,
    `|${HEADERS.map(() => '---').join('|')}|`,
    ...rows(entries).map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
  return `${lines.join('\n')}\n`;
}
