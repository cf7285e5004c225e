/**
 * What the importer works on: a document as a list of blocks, whether it came from plain
 * text, Markdown or Word, and what it makes of them.
 */
import type { PhrasingContent } from 'mdast';

export type Block =
  | { kind: 'heading'; text: string; level: number; inline?: PhrasingContent[] }
  | { kind: 'paragraph'; text: string; inline?: PhrasingContent[] }
  | { kind: 'list-item'; text: string; ordered: boolean; depth: number; inline?: PhrasingContent[] }
  | { kind: 'table-row'; cells: string[]; header: boolean };

export interface ImportOptions {
  /** The source's name, for messages and ids, e.g. `nlg-2021-11-16.txt`. */
  sourceName: string;
  /** Used only when the document states no meeting date at all (then flagged as a placeholder). */
  fallbackDate: string;
}

/** A field the source does not state, left marked in the draft: where it is, and what to do. */
export interface Placeholder {
  /** The path of the field in the front matter, e.g. `['meeting', 'chair']`. */
  path: (string | number)[];
  /** What to fill in, in the user's words. */
  message: string;
}

export interface ImportResult {
  /** The communiqué: YAML front matter and Markdown body, ready to write. */
  text: string;
  /** Front matter fields filled from the source, e.g. `meeting.date`, `attendees` (sorted). */
  filled: string[];
  /** Fields left as marked placeholders, with what to fill in. */
  placeholders: Placeholder[];
  /** Conversion artefacts removed, described, e.g. "[bookmark: _GoBack] (2)", "page numbers (3)", "end marker \"End.\"". */
  stripped: string[];
  /** Words of the source's body text, and how many of them the body keeps (in order). */
  words: { source: number; kept: number };
  /** How a text source was decoded, when it was text. */
  encoding?: string;
}
