/** Driving `communique new` in-process: a terminal or not, prompts answered by name, and checks on the draft. */
import * as fs from 'node:fs';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { expect } from 'vitest';
import { type NewOptions, newCommand } from '../../src/commands/new/index.js';
import { checkText } from '../../src/core/check/check.js';
import { parseCommunique } from '../../src/core/parse/communique.js';
import type { Io } from '../../src/io/io.js';
import type {
  CheckboxQuestion,
  ConfirmQuestion,
  InputQuestion,
  Prompts,
  SelectQuestion,
} from '../../src/io/prompts.js';

export const TODAY = '2021-08-04';

/** A terminal, or not, with captured output and optional piped input. */
export function terminal(
  cwd: string,
  options: { tty?: boolean; stdin?: string; env?: Record<string, string>; prompts?: Prompts } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const opened: string[] = [];
  const stdin = Object.assign(Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]), {
    isTTY: options.tty ?? false,
  });
  const io: Io = {
    stdout: { write: (chunk) => void out.push(String(chunk)) },
    stderr: { write: (chunk) => void err.push(String(chunk)), isTTY: options.tty ?? false },
    stdin,
    cwd,
    env: { COMMUNIQUE_TODAY: TODAY, ...options.env },
    fs,
    now: () => new Date(),
    ...(options.prompts ? { prompts: options.prompts } : {}),
    editor: (path) => void opened.push(path),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), opened };
}

export async function draft(
  cwd: string,
  options: NewOptions,
  setup: Parameters<typeof terminal>[1] = {},
  prompts?: Prompts,
) {
  const { io, stdout, stderr, opened } = terminal(cwd, { ...setup, ...(prompts ? { prompts } : {}) });
  const code = await newCommand(options, io);
  return { code, stdout: stdout(), stderr: stderr(), ...(opened.length > 0 ? { opened } : {}) };
}

/** Every draft must pass `validate` at the draft stage: warnings (placeholders) only. */
export function expectValidDraft(text: string, organisations: string[] = []) {
  const errors = checkText(text, { organisations }).messages.filter((message) => message.severity === 'error');
  expect(errors).toEqual([]);
  return parseCommunique(text).data!;
}

export function files(root: string, folder = ''): string[] {
  const here = join(root, folder);
  if (!existsSync(here)) return [];
  return readdirSync(here, { withFileTypes: true })
    .filter((entry) => entry.name !== '.git')
    .flatMap((entry) => (entry.isDirectory() ? files(root, join(folder, entry.name)) : [join(folder, entry.name)]))
    .sort();
}

/** Answers given to the fake prompts: a value, `DEFAULT`, or several in turn (`inTurn`). */
export const DEFAULT = Symbol('accept the default');
export class InTurn {
  constructor(readonly values: unknown[]) {}
}
export const inTurn = (...values: unknown[]) => new InTurn(values);

export class ExitPromptError extends Error {
  override name = 'ExitPromptError';
}

/**
 * Prompts answered by name, like a person who knows the questions: an answer that fails
 * the prompt's validation is refused with its message and the next one is tried, as
 * inquirer re-asks. A question without an answer fails the test.
 */
export function fakePrompts(answers: Record<string, unknown>) {
  const asked: string[] = [];
  const refused: string[] = [];
  const questions: Record<string, unknown> = {};
  const next = (name: string, question: { message: string }): unknown => {
    asked.push(name);
    questions[name] = question;
    if (!(name in answers)) throw new Error(`unexpected prompt \`${name}\`: ${question.message}`);
    const answer = answers[name];
    if (answer instanceof InTurn) {
      if (answer.values.length === 0) throw new Error(`prompt \`${name}\` asked more often than expected`);
      return answer.values.shift();
    }
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const settle = <Value>(
    name: string,
    question: { message: string; default?: unknown; validate?: (value: Value) => true | string },
  ): Value => {
    for (let attempt = 0; attempt < 5; attempt++) {
      let value = next(name, question);
      if (value === DEFAULT) value = question.default;
      const verdict = question.validate ? question.validate(value as Value) : true;
      if (verdict === true) return value as Value;
      refused.push(`${name}: ${verdict}`);
    }
    throw new Error(`prompt \`${name}\` refused every answer`);
  };
  const prompts: Prompts = {
    input: async (name: string, question: InputQuestion) => settle<string>(name, question),
    select: async <Value>(name: string, question: SelectQuestion<Value>) => {
      const value = settle<Value>(name, question);
      if (!question.choices.some((choice) => choice.value === value))
        throw new Error(`\`${String(value)}\` is not a choice of \`${name}\``);
      return value;
    },
    checkbox: async <Value>(name: string, question: CheckboxQuestion<Value>) => {
      const value = next(name, question);
      const chosen = (
        value === DEFAULT ? question.choices.filter((choice) => choice.checked).map((choice) => choice.value) : value
      ) as Value[];
      const verdict = question.validate ? question.validate(chosen) : true;
      if (verdict !== true) throw new Error(`\`${name}\` refused ${JSON.stringify(chosen)}: ${verdict}`);
      return chosen;
    },
    confirm: async (name: string, question: ConfirmQuestion) => settle<boolean>(name, question),
  };
  return { prompts, asked, refused, questions };
}
