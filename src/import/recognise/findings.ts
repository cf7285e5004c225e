import type { Placeholder } from '../types.js';

/** What the recognisers found, and what they had to leave for a person to fill in. */
export class Findings {
  readonly filled = new Set<string>();
  readonly placeholders: Placeholder[] = [];
  /** Notes for the secretariat, kept in `internal_notes`. */
  readonly notes: string[] = [];

  fill(...fields: string[]): void {
    for (const field of fields) this.filled.add(field);
  }

  leave(path: (string | number)[], message: string): void {
    this.placeholders.push({ path, message });
  }
}
