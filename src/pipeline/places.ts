/**
 * Findings made across communiqués become diagnostics here. The facts they were made from
 * carry data paths, not positions, so that no file pays for positions it never needs; a
 * file with findings is read again and its front matter located, once for all of them.
 */
import type { AcrossFinding } from '../core/check/across.js';
import { parseCommunique, spanOfPath } from '../core/parse/communique.js';
import { frameLines } from '../diagnostics/code-frame.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { FIRST_COLUMN, makeDiagnostic } from '../diagnostics/make.js';
import type { FileToCheck } from '../io/inputs.js';
import type { FileSystem } from '../io/io.js';
import { readBounded } from '../io/read.js';

export interface PlacedFindings {
  messages: Diagnostic[];
  /** The source lines the messages point at, for code frames. */
  lines: Record<number, string>;
}

/**
 * The findings in one file as diagnostics at their places. A file that can no longer be read
 * or parsed (changed since it was checked) has them on its first line rather than nowhere.
 */
export function placeFindings(
  fs: FileSystem,
  file: FileToCheck,
  findings: readonly AcrossFinding[],
  maxBytes: number,
): PlacedFindings {
  const read = readBounded(fs, file.path, maxBytes);
  const parsed = read.ok ? parseCommunique(read.bytes, { maxBytes }) : undefined;
  const located = parsed?.source && parsed.yaml ? parsed : undefined;
  const messages = findings.map((finding) =>
    makeDiagnostic(
      finding.ruleId,
      finding.message,
      located ? spanOfPath(located, finding.place.path, finding.place.prefer ?? 'value') : FIRST_COLUMN,
      finding.hint,
    ),
  );
  const source = located?.source;
  return { messages, lines: source ? frameLines(messages, (line) => source.lineText(line)) : {} };
}
