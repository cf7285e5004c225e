/**
 * Tables in plain text: rows with tabs between cells, Markdown pipe rows ("| a | b |"), and
 * two-column tables typed with one bar between the cells ("Annual budget | Approved"), which
 * count as a table only when two or more such lines stand together.
 */

/** "Name<TAB>Role" or "| a | b |": a table row; a tab inside running text is not. */
export function tableCells(line: string): string[] | undefined {
  if (line.startsWith('|') || (line.match(/\|/g)?.length ?? 0) >= 2) {
    const cells = line
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
    if (cells.length >= 2) return cells;
  }
  if (line.includes('\t')) {
    const cells = line
      .split(/\t+/)
      .map((cell) => cell.trim().replace(/ {2,}/g, ' '))
      .filter((cell) => cell !== '');
    if (cells.length >= 2) return cells;
  }
  return undefined;
}

/** A bar between two cells, with a space on each side, once in the line. */
const ONE_BAR = /^[^|]+\s\|\s[^|]+$/;

/** Lines of a run of two or more "a | b" lines, written as the pipe rows `tableCells` reads. */
export function withPipeRows(lines: readonly string[]): string[] {
  const out = [...lines];
  let start = 0;
  while (start < out.length) {
    let end = start;
    while (end < out.length && ONE_BAR.test(out[end]!.trim())) end++;
    if (end - start >= 2) for (let line = start; line < end; line++) out[line] = `| ${out[line]!.trim()} |`;
    start = end === start ? start + 1 : end;
  }
  return out;
}
