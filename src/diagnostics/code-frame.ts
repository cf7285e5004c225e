import type { Diagnostic } from './diagnostic.js';

/**
 * The source lines a code frame shows for each diagnostic — its line and the one before —
 * keyed by line number, so formatters draw frames without reading the file again.
 */
export function frameLines(
  messages: readonly Diagnostic[],
  lineText: (line: number) => string,
): Record<number, string> {
  const lines: Record<number, string> = {};
  for (const message of messages) {
    for (let line = Math.max(1, message.line - 1); line <= message.line; line++) lines[line] ??= lineText(line);
  }
  return lines;
}
