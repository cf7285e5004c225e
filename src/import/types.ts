/**
 * What the importer works on: a document as a list of blocks, whether it came from plain
 * text, Markdown, a web page, Word or a PDF, and what it makes of them.
 */
import type { PhrasingContent } from 'mdast';

export type Block =
  | { kind: 'heading'; text: string; level: number; inline?: PhrasingContent[] }
  | { kind: 'paragraph'; text: string; inline?: PhrasingContent[] }
  | { kind: 'list-item'; text: string; ordered: boolean; depth: number; inline?: PhrasingContent[]; number?: number }
  | { kind: 'table-row'; cells: string[]; header: boolean };

export interface ImportOptions {
  /** The source's name, for messages, e.g. `nlg-2021-11-16.txt`. */
  sourceName: string;
  /** Recorded in the draft's front matter as `source`: the file as named, and its SHA-256. */
  source?: { file: string; sha256: string };
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
  /** What the source was read as. */
  format: 'text' | 'markdown' | 'html' | 'docx' | 'pdf';
  /** Whether the source reads as a communiqué at all, and if not, why not. */
  verdict: { communique: boolean; score: number; missing: string[] };
  /**
   * Action owners written as the source gives them — neither an attendee nor the group — which
   * `validate` knows only once they are among the configuration's `organisations`.
   */
  owners: string[];
  /** The meeting's date (or first day) and the group, for naming the draft; undefined when the source has none. */
  naming: { date?: string; group?: { name: string; short_name?: string }; number?: number };
}

/** Why a source was not imported at all. */
export interface Refusal {
  rule: 'import/binary' | 'import/too-large' | 'import/unreadable';
  reason: string;
}

export type ImportOutcome = { ok: true; result: ImportResult } | ({ ok: false } & Refusal);
