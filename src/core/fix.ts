/**
 * Applying the fixes diagnostics carry: each replaces a range of the file's text, and
 * they are applied from the end of the file back, so earlier offsets stay true. Two fixes
 * that touch the same text cannot both be right: the first is kept, the other waits for
 * the next run.
 */
import type { Fix } from '../diagnostics/diagnostic.js';

export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const ordered = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Fix[] = [];
  for (const fix of ordered) {
    const previous = kept.at(-1);
    if (previous && fix.start < previous.end) continue;
    kept.push(fix);
  }
  let result = text;
  for (const fix of kept.reverse()) result = result.slice(0, fix.start) + fix.text + result.slice(fix.end);
  return { text: result, applied: kept.length };
}
