/** The answers `new` is given before it asks anything: its flags, and an answers file or standard input. */
import { resolve } from 'node:path';
import { type DraftAnswers, parseAnswersJson } from '../../draft/answers.js';
import { answersFromFlags, type DraftFlags } from '../../draft/flags.js';
import type { Io } from '../../io/io.js';
import { refuse } from './refusal.js';

export interface AnswerSources extends DraftFlags {
  answers?: string;
}

/** Flags and the answers file; flags are the most specific answer, so they win. */
export async function gatherAnswers(options: AnswerSources, io: Io): Promise<DraftAnswers> {
  const fromFlags = answersFromFlags(options);
  if (!fromFlags.ok) refuse(fromFlags.problems);
  let fromFile: DraftAnswers = {};
  if (options.answers !== undefined) {
    const source = options.answers === '-' ? 'the answers on standard input' : options.answers;
    const text = options.answers === '-' ? await readAll(io) : readAnswersFile(io, resolve(io.cwd, options.answers));
    if (text === undefined)
      refuse([
        options.answers === '-'
          ? 'there is no standard input to read the answers from'
          : `cannot read the answers file ${options.answers}`,
      ]);
    const parsed = parseAnswersJson(text!, source);
    if (!parsed.ok) refuse(parsed.problems);
    else fromFile = parsed.answers;
  }
  const flags = fromFlags.ok ? fromFlags.answers : {};
  return { ...fromFile, ...Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined)) };
}

function readAnswersFile(io: Io, path: string): string | undefined {
  try {
    return io.fs.readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function readAll(io: Io): Promise<string | undefined> {
  if (!io.stdin) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}
