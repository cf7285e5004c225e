/**
 * `validate --fix` and `--fix-dry-run`: the certain fixes — a value in the wrong case, a
 * date in another unambiguous form, a misspelt field name with one close match — applied
 * to the text of each file, keeping every comment and all formatting; written back
 * atomically, or shown as a diff.
 */
import { createTwoFilesPatch } from 'diff';
import { type CheckOptions, checkText } from '../core/check/check.js';
import { applyFixes } from '../core/fix.js';
import type { FileResult } from '../diagnostics/diagnostic.js';
import type { FileToCheck } from '../io/inputs.js';
import type { Io } from '../io/io.js';
import { readBounded } from '../io/read.js';
import { writeAtomically } from '../io/write.js';

export interface FixOutcome {
  /** Files changed (or, in a dry run, that would be). */
  fixed: string[];
  /** How many problems the fixes remove. */
  count: number;
}

const BOM = '\uFEFF';

/**
 * The fixes are worked out again from the text as it is now, so a file edited since it
 * was checked is fixed as it stands, never from stale offsets.
 */
export function fixFiles(
  io: Io,
  results: readonly FileResult[],
  files: readonly FileToCheck[],
  check: CheckOptions,
  dryRun: boolean,
): FixOutcome {
  const pathOf = new Map(files.map((file) => [file.name, file.path]));
  const outcome: FixOutcome = { fixed: [], count: 0 };
  for (const result of results) {
    if (!result.messages.some((message) => message.fix)) continue;
    const path = pathOf.get(result.file);
    const read = path ? readBounded(io.fs, path, check.maxBytes ?? Number.POSITIVE_INFINITY) : undefined;
    if (!path || !read?.ok) continue;
    const original = new TextDecoder('utf-8', { ignoreBOM: true }).decode(read.bytes);
    const bom = original.startsWith(BOM) ? BOM : '';
    const text = original.slice(bom.length);
    const fixes = checkText(text, check).messages.flatMap((message) => (message.fix ? [message.fix] : []));
    const fixed = applyFixes(text, fixes);
    if (fixed.applied === 0) continue;
    outcome.fixed.push(result.file);
    outcome.count += fixed.applied;
    if (dryRun)
      io.stdout.write(createTwoFilesPatch(result.file, result.file, text, fixed.text, '', '', { context: 2 }));
    // Through a link, the file it leads to is the one fixed; the link stays a link.
    else writeAtomically(io.fs, io.fs.realpathSync(path), new TextEncoder().encode(bom + fixed.text));
  }
  return outcome;
}
