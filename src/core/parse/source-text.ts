/**
 * A file's text with a line index, so any character offset can be turned into the
 * 1-based line and column a user sees in an editor. Lines end at `\n` (a preceding `\r`
 * belongs to the line ending, not to a column anyone can point at).
 */
export interface Position {
  line: number;
  column: number;
}

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export class SourceText {
  readonly text: string;
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
      starts.push(index + 1);
    }
    this.lineStarts = starts;
  }

  /** The position of a character offset; offsets past the end clamp to the end. */
  position(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // The '\n' of a CRLF is not a column anyone can see: it is the end of the line.
    if (this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low]! + 1 };
  }

  /**
   * The span of `[start, end)`. An empty range still covers one character so that every
   * diagnostic underlines something; a range ending just after a line break ends on the
   * line before instead of at column 1 of the next.
   */
  span(start: number, end: number): Span {
    const from = this.position(start);
    let to = this.position(Math.max(end, start));
    if (end > start && to.column === 1 && to.line > from.line) {
      const previous = to.line - 1;
      to = { line: previous, column: this.lineText(previous).length + 1 };
    }
    if (to.line === from.line && to.column <= from.column) to = { line: from.line, column: from.column + 1 };
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  /** The text of a 1-based line, without its line ending. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length) - 1)]!;
  }

  /** The span of a whole line's text (at least one column wide). */
  lineSpan(line: number): Span {
    const start = this.lineStart(line);
    return this.span(start, start + this.lineText(line).length);
  }
}
