/**
 * The per-file spine every command that reads communiqués runs: read → parse → check →
 * [render]. Each step adds to one file's state; a step that marks the file `fatal` stops
 * the steps after it, and a step that throws becomes an `internal/error` on that file
 * while the run goes on with the next one (unified-engine's file pipeline, in small).
 */
import type { CommuniqueFacts } from '../core/check/facts.js';
import type { ParsedCommunique } from '../core/parse/communique.js';
import type { Communique } from '../core/model.js';
import { frameLines } from '../diagnostics/code-frame.js';
import { compareDiagnostics, type Diagnostic, type FileResult } from '../diagnostics/diagnostic.js';
import { FIRST_COLUMN, makeDiagnostic } from '../diagnostics/make.js';
import type { FileToCheck } from '../io/inputs.js';
import type { OutputFormat } from '../render/renderers.js';

export interface RenderedOutput {
  format: OutputFormat;
  content: Uint8Array;
}

export interface FileState {
  file: FileToCheck;
  bytes?: Uint8Array;
  parsed?: ParsedCommunique;
  /** The front matter once it has passed the schema: present only then. */
  communique?: Communique;
  messages: Diagnostic[];
  /** Set by a step when the later steps have nothing to work on. */
  fatal: boolean;
  outputs?: RenderedOutput[];
  /** A template that failed on this file: a problem with the template, not with the file. */
  templateProblem?: FileResult;
  /** What the checks across communiqués need from this one. */
  facts?: CommuniqueFacts;
  /** Left out on purpose (its status), not refused: a draft beside an export. */
  skipped?: string;
  /** The hash of the bytes read, when the plan asks for it: what a cached result is keyed by. */
  contentHash?: string;
  /** The result depends on files besides this one (the images it names): never cached. */
  readsOtherFiles?: boolean;
}

export type Step = (state: FileState) => void | Promise<void>;

/** What a file comes out of the pipeline as: its diagnostics with code-frame lines, and whatever the steps made. */
export interface PipelineResult extends FileResult {
  outputs?: RenderedOutput[];
  /** The checked front matter (when it passed the schema and was asked for). */
  communique?: Communique;
  templateProblem?: FileResult;
  facts?: CommuniqueFacts;
  skipped?: string;
  contentHash?: string;
  readsOtherFiles?: boolean;
}

/** Run one file through the steps; `keepData` hands back the checked front matter. */
export async function runFile(file: FileToCheck, steps: readonly Step[], keepData = false): Promise<PipelineResult> {
  const state: FileState = { file, messages: [], fatal: false };
  for (const step of steps) {
    try {
      await step(state);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      state.messages.push(makeDiagnostic('internal/error', `communique failed on this file: ${detail}`, FIRST_COLUMN));
      state.fatal = true;
      delete state.outputs;
    }
    if (state.fatal) break;
  }
  return resultOf(state, keepData);
}

function resultOf(state: FileState, keepData: boolean): PipelineResult {
  const messages = state.messages.sort(compareDiagnostics);
  const source = state.parsed?.source;
  const result: PipelineResult = { file: state.file.name, messages };
  if (source && messages.length > 0) result.lines = frameLines(messages, (line) => source.lineText(line));
  if (state.outputs && !state.fatal) result.outputs = state.outputs;
  if (keepData && state.communique) result.communique = state.communique;
  if (state.templateProblem) result.templateProblem = state.templateProblem;
  if (state.facts) result.facts = state.facts;
  if (state.skipped) result.skipped = state.skipped;
  if (state.contentHash) result.contentHash = state.contentHash;
  if (state.readsOtherFiles) result.readsOtherFiles = true;
  return result;
}
